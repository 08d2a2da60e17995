// This file defines the typed records the core works on, derived from the schema so there is no second list of columns.
import type { DayNumber } from './cells';
import type { ColumnType, SettingKey, TabDefOf, TabKey } from './schema';

type ValueOfType<T extends ColumnType> = T extends 'date'
  ? DayNumber | null
  : T extends 'count' | 'yen'
    ? number | null
    : T extends 'boolean'
      ? boolean | null
      : T extends 'idList'
        ? readonly string[]
        : string | null;

/** One parsed row of a tab: `row` is its 1-based sheet row, each column key holds its parsed value (null = blank). */
export type RecordOf<K extends TabKey> = { readonly row: number } & {
  readonly [C in TabDefOf<K>['columns'][number] as C['key']]: ValueOfType<C['type']>;
};

export type ProgramRecord = RecordOf<'programs'>;
export type CandidateRecord = RecordOf<'candidates'>;
export type CompanyRecord = RecordOf<'companies'>;
export type JobOrderRecord = RecordOf<'jobOrders'>;
export type EventRecord = RecordOf<'events'>;
export type CostRecord = RecordOf<'costs'>;
export type NarrativeRecord = RecordOf<'narrative'>;
export type MeetingRecord = RecordOf<'meetings'>;
export type FormRecord = RecordOf<'forms'>;

export type RoundingMode = '四捨五入' | '切り捨て' | '合計に合わせる';

export interface Settings {
  readonly orgName: string;
  /** null when missing or unreadable (an error issue says so); a caller may still pass a year explicitly. */
  readonly fiscalYear: number | null;
  readonly fiscalStartMonth: number;
  readonly firstYearStart: DayNumber | null;
  readonly rounding: RoundingMode;
  /** 活動計算書の事業費計 (null when not set): compared with the year's 事業費 (reconcile.ts). */
  readonly statementProgramCost: StatementProgramCost | null;
  /** Setting → the A1 of its 値 cell on 設定, for warnings about a setting's effect (reconcile.ts). */
  readonly settingCells: Readonly<Partial<Record<SettingKey, string>>>;
  readonly suppressionThreshold: number;
  readonly language: 'ja' | 'en';
  /** 年の表記: how the report prints years and dates (西暦 default). */
  readonly yearStyle: YearStyle;
  /** 様式: 標準 (the reference layout, default) or 記載例 (the 内閣府 記載例's 7 columns). */
  readonly form: ReportForm;
  /** その他の事業: 記載する (default) or 定款にない (section (2) is left out). */
  readonly otherBusiness: OtherBusinessMode;
  /** 人数の単位 for a number typed in 従事者人数: 人 (default) or 名. */
  readonly staffUnit: StaffUnit;
  /** `見出し:<printed text>` rows: replacements for fixed headings and column labels, in sheet order. */
  readonly headingOverrides: readonly HeadingOverride[];
}

/** 活動計算書の事業費計 in yen; `inThousands` when typed as 千円 (`12,346千円`), then compared in 千円. */
export interface StatementProgramCost {
  readonly yen: number;
  readonly inThousands: boolean;
}

export type YearStyle = '西暦' | '和暦';
export type ReportForm = '標準' | '記載例';
export type OtherBusinessMode = '記載する' | '定款にない';
export type StaffUnit = '人' | '名';

/** One `見出し:<printed text>` row of 設定: `target` is the text after the colon, `cell` the 項目 cell (A1). */
export interface HeadingOverride {
  readonly target: string;
  readonly text: string;
  readonly cell: string;
}

/** Where a tab and its columns were found, for issues and for writing back (A1 of a record's cell). */
export interface TabLayout {
  /** The tab's name as it is in the workbook, or null when missing. */
  readonly name: string | null;
  /** Column key → 0-based column index in the sheet. */
  readonly columns: Readonly<Record<string, number>>;
  /** Column key → header text as written. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface Workbook {
  readonly settings: Settings;
  readonly programs: readonly ProgramRecord[];
  readonly candidates: readonly CandidateRecord[];
  readonly companies: readonly CompanyRecord[];
  /** 求人 (optional): empty when the tab is missing. */
  readonly jobOrders: readonly JobOrderRecord[];
  readonly events: readonly EventRecord[];
  readonly costs: readonly CostRecord[];
  readonly narrative: readonly NarrativeRecord[];
  /** 会議 (optional): empty when the tab is missing. */
  readonly meetings: readonly MeetingRecord[];
  /** 様式 (optional): the templates of テンプレートから作成, empty when the tab is missing. */
  readonly forms: readonly FormRecord[];
  readonly layouts: Readonly<Record<TabKey, TabLayout>>;
}
