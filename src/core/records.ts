// This file defines the typed records the core works on, derived from the schema so there is no second list of columns.
import type { DayNumber } from './cells';
import type { ColumnType, TabDefOf, TabKey } from './schema';

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
export type EventRecord = RecordOf<'events'>;
export type CostRecord = RecordOf<'costs'>;
export type NarrativeRecord = RecordOf<'narrative'>;

export type RoundingMode = '四捨五入' | '切り捨て' | '合計に合わせる';

export interface Settings {
  readonly orgName: string;
  /** null when missing or unreadable (an error issue says so); a caller may still pass a year explicitly. */
  readonly fiscalYear: number | null;
  readonly fiscalStartMonth: number;
  readonly firstYearStart: DayNumber | null;
  readonly rounding: RoundingMode;
  readonly suppressionThreshold: number;
  readonly language: 'ja' | 'en';
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
  readonly events: readonly EventRecord[];
  readonly costs: readonly CostRecord[];
  readonly narrative: readonly NarrativeRecord[];
  readonly layouts: Readonly<Record<TabKey, TabLayout>>;
}
