// This file defines every piece of the sidebar's own wording, in Japanese and English (報告書言語 = en).

export type Language = 'ja' | 'en';

export interface SidebarText {
  readonly title: string;
  readonly year: string;
  readonly yearOption: (year: number) => string;
  readonly noYearOption: string;
  readonly refresh: string;
  readonly retry: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly dashboard: string;
  readonly noYear: string;
  readonly costs: string;
  readonly totalCost: string;
  readonly yen: (formatted: string) => string;
  readonly issues: string;
  readonly noIssues: string;
  readonly issueSummary: (errors: number, warnings: number) => string;
  readonly severity: { readonly error: string; readonly warning: string };
  readonly selectCellHint: string;
  readonly moreIssues: (count: number) => string;
  readonly cellMissing: (where: string) => string;
  readonly selectFailed: string;
  readonly report: string;
  readonly generate: string;
  readonly generateShokai: string;
  readonly update: string;
  readonly updating: string;
  readonly updatingNote: string;
  readonly updateFailed: string;
  readonly generating: string;
  readonly generatingNote: string;
  readonly created: string;
  readonly createdWarnings: (count: number) => string;
  readonly busy: string;
  readonly invalid: string;
  readonly generateFailed: string;
  readonly fixErrorsFirst: (count: number) => string;
  readonly preview: string;
  readonly previewLoading: string;
  readonly previewBlocked: string;
  readonly previewFailed: string;
  readonly forms: string;
  readonly formPick: string;
  readonly formPickPrompt: string;
  readonly formPickNone: string;
  readonly formUrl: string;
  readonly formCheck: string;
  readonly formCreate: string;
  readonly formNone: string;
  readonly formWorking: string;
  readonly formReady: string;
  readonly formBlocked: string;
  readonly formCheckFailed: string;
}

const JA: SidebarText = {
  title: '事業報告書',
  year: '年度',
  yearOption: (year) => `${year}年度`,
  noYearOption: '（未設定）',
  refresh: '更新',
  retry: '再試行',
  loading: '読み込み中…',
  loadFailed: 'シートを読み込めませんでした。',
  dashboard: '集計',
  noYear: '設定タブの「対象年度」を入力してください。',
  costs: '事業費（事業別）',
  totalCost: '事業費合計',
  yen: (formatted) => `${formatted}円`,
  issues: '入力チェック',
  noIssues: '問題は見つかりませんでした。',
  issueSummary: (errors, warnings) => `エラー ${errors}件・警告 ${warnings}件`,
  severity: { error: 'エラー', warning: '警告' },
  selectCellHint: 'クリックするとセルを選択します',
  moreIssues: (count) => `ほか ${count}件（メニューの「入力チェック」で一覧できます）`,
  cellMissing: (where) => `${where} が見つかりません。タブの名前が変わっていないか確認してください。`,
  selectFailed: 'セルを選択できませんでした。',
  report: '報告書',
  generate: '事業報告書を作成',
  generateShokai: '職業紹介事業報告書を作成',
  update: '報告書の数字を更新',
  updating: '更新中…',
  updatingNote: 'この年度の最後の事業報告書の数字を更新しています。手で直した文章や書式はそのままです。',
  updateFailed: '更新に失敗しました。',
  generating: '作成中…',
  generatingNote: 'Google ドキュメントを作成しています。しばらくお待ちください。',
  created: '作成しました。',
  createdWarnings: (count) => `警告が ${count}件あります。内容を確認してください。`,
  busy: 'ほかの人が報告書を作成中です。少し待ってから、もう一度お試しください。',
  invalid: '入力にエラーがあるため作成できません。次のセルを直してください。',
  generateFailed: '作成に失敗しました。',
  fixErrorsFirst: (count) => `エラーが ${count}件あります。直してから作成してください。`,
  preview: 'プレビュー',
  previewLoading: 'プレビューを作成中…',
  previewBlocked: '入力にエラーがあるためプレビューできません。',
  previewFailed: 'プレビューを作成できませんでした。',
  forms: 'テンプレートから作成',
  formPick: '以前使ったテンプレート',
  formPickPrompt: '選んでください',
  formPickNone: '（まだありません）',
  formUrl: 'または Google ドキュメントの URL',
  formCheck: '確認',
  formCreate: '作成',
  formNone: 'テンプレートを選ぶか、URL を入力してください。',
  formWorking: 'テンプレートを読み込んでいます…',
  formReady: 'すべての差し込みに値が入ります。「作成」で新しいドキュメントを作ります。',
  formBlocked: 'エラーがあるため作成できません。次の箇所を直してください。',
  formCheckFailed: 'テンプレートを確認できませんでした。',
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const EN: SidebarText = {
  title: 'Annual report',
  year: 'Year',
  yearOption: (year) => `FY${year}`,
  noYearOption: '(not set)',
  refresh: 'Refresh',
  retry: 'Retry',
  loading: 'Loading…',
  loadFailed: 'Could not read the sheet.',
  dashboard: 'Summary',
  noYear: 'Enter 対象年度 (fiscal year) in the Settings tab.',
  costs: 'Cost per program',
  totalCost: 'Total program cost',
  yen: (formatted) => `¥${formatted}`,
  issues: 'Input check',
  noIssues: 'No problems found.',
  issueSummary: (errors, warnings) => `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  severity: { error: 'Error', warning: 'Warning' },
  selectCellHint: 'Click to select the cell',
  moreIssues: (count) => `${count} more (the menu's Input check lists them all)`,
  cellMissing: (where) => `${where} was not found. Check whether the tab was renamed.`,
  selectFailed: 'Could not select the cell.',
  report: 'Report',
  generate: 'Create the annual report',
  generateShokai: 'Create the placement report (職業紹介事業報告書, Japanese)',
  update: "Update the report's figures",
  updating: 'Updating…',
  updatingNote: "Updating the figures of this year's last annual report. Your edits to its text and formatting stay.",
  updateFailed: 'Updating the report failed.',
  generating: 'Creating…',
  generatingNote: 'Creating a Google Doc. Please wait.',
  created: 'Created.',
  createdWarnings: (count) => `There ${count === 1 ? 'is' : 'are'} ${plural(count, 'warning')}. Please review.`,
  busy: 'Someone else is creating a report. Please try again in a moment.',
  invalid: 'The input has errors, so no report was created. Please fix these cells.',
  generateFailed: 'Creating the report failed.',
  fixErrorsFirst: (count) => `Fix the ${plural(count, 'error')} before creating the report.`,
  preview: 'Preview',
  previewLoading: 'Building the preview…',
  previewBlocked: 'The input has errors, so there is no preview.',
  previewFailed: 'Could not build the preview.',
  forms: 'Fill a template',
  formPick: 'Templates used before',
  formPickPrompt: 'Choose one',
  formPickNone: '(none yet)',
  formUrl: 'or the URL of a Google Doc',
  formCheck: 'Check',
  formCreate: 'Create',
  formNone: 'Choose a template or type its URL.',
  formWorking: 'Reading the template…',
  formReady: 'Every placeholder has a value. Create makes a new document.',
  formBlocked: 'It cannot be filled until these are fixed.',
  formCheckFailed: 'Could not check the template.',
};

export const TEXT: Readonly<Record<Language, SidebarText>> = { ja: JA, en: EN };

/** 1234567 → '1,234,567' in both languages. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}
