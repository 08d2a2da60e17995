// This file defines the add-on menu (Extensions ▸ jigyo-hokoku) and the global function each item calls.

/** Caption → name of the global function in src/index.ts. */
export const MENU_ITEMS: readonly { readonly caption: string; readonly functionName: string }[] = [
  { caption: 'シートを準備', functionName: 'menuPrepareSheets' },
  { caption: '入力チェック', functionName: 'menuCheckInput' },
  { caption: '事業報告書を作成', functionName: 'menuCreateReport' },
  { caption: 'サイドバーを開く', functionName: 'menuOpenSidebar' },
  { caption: '数式を再計算', functionName: 'menuRecalculateFormulas' },
  { caption: 'ヘルプ', functionName: 'menuShowHelp' },
];

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it touches nothing but the Ui. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  MENU_ITEMS.forEach((item, index) => {
    // A separator keeps the daily checks apart from the yearly report and the tools.
    if (index === 2 || index === 4) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}

const HELP_TEXT = [
  'シートを準備: 必要なタブと見出し、入力規則を作ります。すでにある値は変えません。',
  '入力チェック: 入力内容を確認し、直すべきセルを一覧にします。',
  '事業報告書を作成: 対象年度の事業報告書を新しい Google ドキュメントに作成します。',
  'サイドバーを開く: 集計の一覧、入力チェック、報告書のプレビューを表示します。',
  '数式を再計算: =PROGRAM_COST などのカスタム関数を最新の入力で計算し直します。',
  '報告書には集計値だけが載り、氏名・国籍・ID・備考などの個人情報は載りません。',
].join('\n\n');

export function menuShowHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('jigyo-hokoku ヘルプ', HELP_TEXT, ui.ButtonSet.OK);
}
