// This file defines the 生成履歴 tab writer: one appended row per generated report, safe against formula injection.
import { matchHeaders } from '../core/read-workbook';
import { tabDef } from '../core/schema';
import { findContractSheet, listSheets } from './sheets';

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

/** Appends one row to 生成履歴 under its headers (in whatever order they are), creating the tab when missing. */
export function appendRunLog(spreadsheet: Spreadsheet, entry: RunEntry): void {
  const def = tabDef('runs');
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
    if (index !== undefined) row[index] = asLiteral(String(entry[column.key as keyof RunEntry]));
  }
  // A 生成履歴 tab with none of its headers gets the entry in schema order rather than nothing.
  sheet.appendRow(
    width > 0 ? row : def.columns.map((column) => asLiteral(String(entry[column.key as keyof RunEntry]))),
  );
}
