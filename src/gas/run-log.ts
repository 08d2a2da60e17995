// This file defines the 生成履歴 tab writer: one appended row per generated report or 動作確認, safe against formula
// injection, with the run's time and per-user key.
import { matchHeaders } from '../core/read-workbook';
import { type TabDef, tabDef } from '../core/schema';
import { findContractSheet, listSheets } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RunEntry {
  readonly at: string;
  /** Blank for a 動作確認 row, which is about no year. */
  readonly year: number | '';
  readonly format: string;
  readonly location: string;
  readonly warnings: number;
  readonly user: string;
}

/** 形式 of a 動作確認 row. */
export const SELF_TEST_FORMAT = '動作確認';

/** 日時 of a row: minutes in the script's time zone (Asia/Tokyo, from the manifest). */
export function runTimestamp(date: Date): string {
  return Utilities.formatDate(date, Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm');
}

/**
 * 実行者 of a row. The user's e-mail needs the userinfo.email scope, which the add-on does not ask for: a per-user key
 * that tells runs by different people apart without naming anyone.
 */
export function runUser(): string {
  return `利用者 ${Session.getTemporaryActiveUserKey().slice(0, 8)}`;
}

/** A string Sheets would read as a formula (= + - @) is stored as text by a leading apostrophe. */
export function asLiteral(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Appends one row to 生成履歴 under its headers (in whatever order they are), creating the tab when missing. */
export function appendRunLog(spreadsheet: Spreadsheet, entry: RunEntry): void {
  appendTabRow(spreadsheet, tabDef('runs'), entry as unknown as Readonly<Record<string, string | number>>);
}

/**
 * Appends one row to a tab the add-on writes (生成履歴, 様式) under its headers, in whatever order they are, creating
 * the tab when missing; `entry` holds a value per column key, each stored as text Sheets never reads as a formula.
 */
export function appendTabRow(
  spreadsheet: Spreadsheet,
  def: TabDef,
  entry: Readonly<Record<string, string | number>>,
): void {
  const found = findContractSheet(listSheets(spreadsheet), def);
  let sheet = found?.sheet;
  let columns: Readonly<Record<string, number>>;
  if (found && sheet) {
    const width = Math.max(sheet.getLastColumn(), 1);
    columns = matchHeaders(found.name, def, sheet.getRange(1, 1, 1, width).getValues()[0]).layout.columns;
  } else {
    sheet = spreadsheet.insertSheet(def.ja);
    sheet.appendRow(def.columns.map((column) => column.ja));
    sheet.setFrozenRows(1);
    columns = Object.fromEntries(def.columns.map((column, index) => [column.key, index]));
  }
  const width = Math.max(...Object.values(columns), -1) + 1;
  const row: (string | number)[] = Array.from({ length: width }, () => '');
  for (const column of def.columns) {
    const index = columns[column.key];
    if (index !== undefined) row[index] = asLiteral(String(entry[column.key]));
  }
  // A tab with none of its headers gets the entry in schema order rather than nothing.
  sheet.appendRow(width > 0 ? row : def.columns.map((column) => asLiteral(String(entry[column.key]))));
}
