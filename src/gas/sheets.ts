// This file defines the one way src/gas finds a sheet: list the sheets once, then match a contract tab or an exact name.
import { findTab } from '../core/read-workbook';
import type { TabDef } from '../core/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface NamedSheet {
  readonly sheet: Sheet;
  readonly name: string;
}

/** Every sheet with its name: one getSheets and one getName per sheet, however often the list is searched. */
export function listSheets(spreadsheet: Spreadsheet): NamedSheet[] {
  return spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
}

/** The sheet of a contract tab, by its Japanese or English name folded as the core folds tab names. */
export function findContractSheet(
  sheets: readonly NamedSheet[],
  def: Pick<TabDef, 'ja' | 'en'>,
): NamedSheet | undefined {
  const found = findTab({ tabs: sheets.map((entry) => ({ name: entry.name, values: [] })) }, def);
  return found ? sheets.find((entry) => entry.name === found.name) : undefined;
}

/** The sheet named exactly `name` (an issue's tab is the name as the workbook spells it). */
export function findSheetNamed(sheets: readonly NamedSheet[], name: string): NamedSheet | undefined {
  return sheets.find((entry) => entry.name === name);
}
