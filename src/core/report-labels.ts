// This file defines the report's fixed words (headings, column labels, fixed cells) per language and 様式, and which of
// them a `見出し:<printed text>` row of 設定 may replace.
import { formatThousands } from './metrics';
import { matchKey } from './read-workbook';
import { MEETING_LABELS } from './report-meetings';

export const REPORT_LABELS = {
  ja: {
    /** The title is `{年度}年度 {titleName}`; `見出し:事業報告書` replaces the words after the year. */
    titleName: '事業報告書',
    title: (year: string, name: string) => `${year}年度 ${name}`,
    /** 標準 prints the period in parentheses under the 団体名; 記載例 prints it bare, right under the title. */
    period: (start: string, end: string) => `（${start}から${end}まで）`,
    periodBare: (start: string, end: string) => `${start}から${end}まで`,
    results: '１．事業の成果',
    implementation: '２．事業の実施に関する事項',
    specified: '（１）特定非営利活動に係る事業',
    other: '（２）その他の事業',
    /** 標準 only: the total after the (1)/(2) heading. */
    totalSuffix: (total: string) => `（事業費の総費用【 ${total} 】千円）`,
    none: 'なし',
    notCarriedOut: '当該年度は実施なし',
    /** (2) when it has 事業 rows and none was carried out (the guidance: 「実施しなかった」と記載する). */
    otherNotCarriedOut: '実施しなかった',
    /** 記載例: the last row of a table, with the 区分's total. */
    total: '合計',
    staff: (count: number, unit: string) => `${formatThousands(count)}${unit}`,
    tableHeader: [
      '定款に記載された事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者人数',
      '受益対象者の範囲',
      '受益対象者の人数',
      '事業費（千円）',
    ],
    /** 様式 記載例 (the 内閣府 記載例): 範囲 and 人数 in one column. */
    exampleHeader: [
      '定款の事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者の人数',
      '受益対象者の範囲及び人数',
      '支出額（千円）',
    ],
    appendix: '（参考）事業費の内訳（活動計算書との照合用、単位: 円）',
    appendixHeader: ['事業内容', '人件費', 'その他経費', '合計'],
    appendixTotal: '事業費 合計',
    appendixAdmin: '管理費（事業費に含まない）',
    appendixNote:
      '事業費は円単位で合計してから千円単位に丸めています。そのため各事業の千円の合計と総費用が1千円程度異なることがあります。',
    /** The appendix's comparison with 設定 活動計算書の事業費計 (shown only when that is set). */
    comparisonHeader: ['活動計算書との照合', '金額'],
    comparisonStatement: '活動計算書の事業費計',
    comparisonReport: 'この報告書の事業費 合計',
    comparisonDifference: '差額（報告書 − 活動計算書）',
    yen: '円',
    thousandYen: '千円',
    suppressedNote: (label: string, threshold: number) =>
      `${label}: 属性別の人数のうち${threshold}名未満のものと、ほかの数字との足し引きでそれがわかってしまうものは、個人が特定されないよう表示していません。`,
  },
  en: {
    titleName: 'Annual Activity Report (事業報告書)',
    title: (year: string, name: string) => `FY${year} ${name}`,
    period: (start: string, end: string) => `(${start} to ${end})`,
    periodBare: (start: string, end: string) => `${start} to ${end}`,
    results: '1. Results of activities',
    implementation: '2. Activities carried out',
    specified: '(1) Specified nonprofit activities',
    other: '(2) Other activities',
    totalSuffix: (total: string) => ` (total program cost: ${total} thousand yen)`,
    none: 'None',
    notCarriedOut: 'Not carried out this year',
    otherNotCarriedOut: 'Not carried out',
    total: 'Total',
    staff: (count: number, _unit: string) => formatThousands(count),
    tableHeader: [
      'Program in the articles',
      'Activity',
      'When',
      'Where',
      'Staff',
      'Beneficiaries',
      'Number of beneficiaries',
      'Cost (thousand yen)',
    ],
    exampleHeader: [
      'Program in the articles',
      'Activity',
      'When',
      'Where',
      'Staff',
      'Beneficiaries and their number',
      'Expenditure (thousand yen)',
    ],
    appendix: 'Appendix: program cost breakdown (for the statement of activities, yen)',
    appendixHeader: ['Activity', 'Personnel', 'Other', 'Total'],
    appendixTotal: 'Total program cost',
    appendixAdmin: 'Administration (not program cost)',
    appendixNote:
      'Costs are summed in yen and then rounded to thousands, so the total may differ by about 1 from the sum of rounded rows.',
    comparisonHeader: ['Check against the statement of activities', 'Amount'],
    comparisonStatement: 'Program cost in the statement of activities',
    comparisonReport: 'Program cost in this report',
    comparisonDifference: 'Difference (report − statement)',
    yen: ' yen',
    thousandYen: ' thousand yen',
    suppressedNote: (label: string, threshold: number) =>
      `${label}: counts by status below ${threshold}, and counts from which such a count could be worked out by adding or subtracting other figures, are not shown, so that no one can be identified.`,
  },
} as const;

export type ReportLabels = (typeof REPORT_LABELS)['ja' | 'en'];

/** Every fixed text a `見出し:` row may name, in both languages (a report in English prints the English words). */
function overridableTexts(): string[] {
  const texts: string[] = [];
  for (const language of ['ja', 'en'] as const) {
    const labels = REPORT_LABELS[language];
    const meetings = MEETING_LABELS[language];
    texts.push(
      labels.titleName,
      labels.results,
      labels.implementation,
      labels.specified,
      labels.other,
      labels.none,
      labels.notCarriedOut,
      labels.otherNotCarriedOut,
      labels.total,
      ...labels.tableHeader,
      ...labels.exampleHeader,
      labels.appendix,
      ...labels.appendixHeader,
      labels.appendixTotal,
      labels.appendixAdmin,
      ...labels.comparisonHeader,
      labels.comparisonStatement,
      labels.comparisonReport,
      labels.comparisonDifference,
      meetings.heading,
      ...meetings.header,
    );
  }
  return texts;
}

let overridableKeys: ReadonlySet<string> | undefined;

/** Whether `見出し:<text>` names a fixed text of the report (compared folded: width, spaces, case). */
export function isOverridableText(text: string): boolean {
  overridableKeys ??= new Set(overridableTexts().map(matchKey));
  return overridableKeys.has(matchKey(text));
}
