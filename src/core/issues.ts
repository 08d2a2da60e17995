// This file defines issues: the located problems every stage returns as values instead of throwing.

export type Severity = 'error' | 'warning';

/**
 * Codes only the local runner and its dev server ever show (a CSV file's bytes; what only Sheets can do): their words
 * are src/node/local-messages.ts's, handed to the core with the workbook read (RawWorkbook.words), so dist/Code.js
 * does not carry them.
 */
export const LOCAL_ISSUE_CODES = ['undecodable_text', 'form_sheets_only', 'update_sheets_only'] as const;
export type LocalIssueCode = (typeof LOCAL_ISSUE_CODES)[number];

/** What went wrong; messages.ts turns each code into words (LocalIssueCode: the adapter's), tests assert codes. */
export type IssueCode =
  | 'missing_tab'
  | 'missing_column'
  | 'duplicate_header'
  | 'error_value'
  | 'invalid_number'
  | 'not_integer'
  | 'negative_count'
  | 'invalid_date'
  | 'implausible_date'
  | 'invalid_boolean'
  | 'invalid_choice'
  | 'required'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'hired_before_contact'
  | 'end_before_start'
  | 'participants_below_ids'
  | 'negative_amount'
  | 'missing_consent'
  | 'below_minimum'
  | 'expiry_before_received'
  | 'left_before_hired'
  | 'seeking_expiry_before_application'
  | 'missing_employment_term'
  | 'employment_term_conflict'
  | 'missing_leave_reason'
  | 'missing_setting'
  | 'blank_setting'
  | 'invalid_setting'
  | 'unknown_setting'
  | 'unknown_heading_override'
  | 'invalid_heading_override'
  | 'unknown_metric'
  | 'unknown_filter'
  | 'invalid_filter_value'
  | 'metric_needs_tab'
  | 'unknown_cell_reference'
  | 'malformed_template'
  | 'personal_reference'
  | 'personal_formula_reference'
  | 'reference_not_number'
  | 'low_suppression_threshold'
  | 'no_data_for_year'
  | 'statement_cost_mismatch'
  | 'rounding_moved_rows'
  | 'other_business_left_out'
  | 'invalid_character'
  | 'duplicate_tab'
  | 'undecodable_text'
  // Forms of the NPO's own (issue 16, form-template.ts): the placeholder is the issue's column, its place the cell.
  | 'unknown_form_table'
  | 'form_table_not_alone'
  | 'form_invalid_year'
  | 'form_year_without_data'
  | 'form_no_placeholders'
  // テンプレートから作成 in Sheets (src/gas/fill-doc.ts): the Doc cannot be opened; a part the copy cannot hold.
  | 'form_unreadable'
  | 'form_element_skipped'
  | 'form_sheets_only'
  // 報告書の数字を更新 in the dev server's sidebar: a Google Doc is updated from Sheets only.
  | 'update_sheets_only'
  | 'internal_error';

/** Facts a message may quote; never a personal value (see `maskedValue`). */
export interface IssueParams {
  readonly expected?: string;
  readonly other?: string;
  readonly count?: number;
  readonly limit?: number;
  /** A 1-based line of a text file (a CSV file's undecodable bytes). */
  readonly line?: number;
  /** statement_cost_mismatch: the 活動計算書's 事業費計 and the 費用 tab's 事業費 of the year (reconcile.ts). */
  readonly reconciliation?: Reconciliation;
  /** rounding_moved_rows: each 事業 row that 合計に合わせる printed 1 千円 away from its own 四捨五入. */
  readonly moved?: readonly MovedProgramRow[];
}

/** Both figures of a reconciliation; in 千円 when the 活動計算書's figure was typed in 千円, else in yen. */
export interface Reconciliation {
  readonly statement: number;
  readonly costs: number;
  readonly inThousands: boolean;
  /** The 費用 tab's 事業費 in yen (what `costs` rounds when in 千円). */
  readonly costsYen: number;
}

/** A 事業 row moved by 合計に合わせる: where it is (`事業!B3`), its 事業内容, and its 千円 before → after. */
export interface MovedProgramRow {
  readonly place: string;
  readonly name: string;
  readonly plain: number;
  readonly adjusted: number;
}

export interface Issue {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** Tab name as the user sees it (Japanese name when the tab is missing). */
  readonly tab: string;
  /** A1 notation; a whole-tab or whole-column issue points at the header row. */
  readonly cell: string;
  /** Header text of the column ('' when the issue is about the tab). */
  readonly column: string;
  /** The value found, as text; masked for person-level columns. */
  readonly value: string;
  readonly params: IssueParams;
  readonly message: string;
  /** The language of `message`. */
  readonly language: 'ja' | 'en';
}

/** An issue before its message is attached (messages come last, in one place). */
export type IssueDraft = Omit<Issue, 'message' | 'params' | 'language'> & { readonly params?: IssueParams };

/** Shown instead of a value from a person-level column, so issue lists and logs stay free of personal data. */
export const MASKED_VALUE = '＊＊＊';

/** Column index (0-based) → letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Column letters → index (0-based), the inverse of columnLetters: A → 0, AA → 26; lower case reads as upper. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** A1 notation from 0-based column index and 1-based row number. */
export function a1(columnIndex: number, rowNumber: number): string {
  return `${columnLetters(columnIndex)}${rowNumber}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Why a custom formula answers with an error instead of a number; messages.ts words each code in both languages. */
export type FormulaErrorCode =
  | 'formula_unknown_metric'
  | 'formula_metric_required'
  | 'formula_invalid_year'
  | 'formula_missing_year'
  | 'formula_range_needs_header'
  | 'formula_filter_not_allowed'
  | 'formula_category_with_range'
  | 'formula_unknown_value'
  | 'formula_workbook_error'
  | 'formula_range_for_value'
  | 'formula_last_argument_not_range'
  | 'formula_program_required'
  | 'formula_invalid_count_mode'
  | 'formula_malformed_condition'
  | 'formula_metric_needs_tab';

/** What a formula error's message may quote: the formula's own arguments and the registry's names, never a row's value. */
export interface FormulaErrorParams {
  /** The argument as the formula passed it (a metric name, a year, a filter value…). */
  readonly value?: string;
  /** The argument's or the filter's name (年度, 事業内容…), or the metric's. */
  readonly name?: string;
  /** What would be accepted, as a list. */
  readonly expected?: string;
  /** Where an unknown filter value was looked for. */
  readonly where?: 'programs' | 'range' | 'choices';
  /** formula_unknown_value: the value was 管理費, which has a metric of its own. */
  readonly adminCost?: boolean;
  /** The tab a range should come from (Japanese name). */
  readonly tab?: string;
  /** formula_workbook_error: the first problem of the workbook, and how many more there are. */
  readonly issue?: IssueDraft;
  readonly count?: number;
}
