// This file defines the 生成履歴 tab writer: one appended row per generated report, safe against formula injection.
import { findTab } from '../core/read-workbook';
import { tabDef } from '../core/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RunEntry {
  readonly at: string;
  readonly year: number;
  readonly format: string;
  readonly location: string;
  readonly warnings: number;
  readonly user: string;
}

/** A string Sheets would read as a formula (= + - @) is stored as text by a leading apostrophe. */
export function asLiteral(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Appends one row to 生成履歴, creating the tab with its header when it is missing. */
export function appendRunLog(spreadsheet: Spreadsheet, entry: RunEntry): void {
  const def = tabDef('runs');
  const sheets = spreadsheet.getSheets();
  const found = findTab({ tabs: sheets.map((sheet) => ({ name: sheet.getName(), values: [] })) }, def);
  let sheet = found ? sheets.find((s) => s.getName() === found.name) : undefined;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(def.ja);
    sheet.appendRow(def.columns.map((column) => column.ja));
    sheet.setFrozenRows(1);
  }
  const values = def.columns.map((column) => asLiteral(String(entry[column.key as keyof RunEntry])));
  sheet.appendRow(values);
}
