// This file defines the one way src/gas finds a sheet: list the sheets once, then match a contract tab or an exact name.
import { findTabs } from '../core/read-workbook';
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

/** Every sheet that means a contract tab (費用 and Costs both count), in sheet order, folded as the core folds names. */
export function findContractSheets(sheets: readonly NamedSheet[], def: Pick<TabDef, 'ja' | 'en'>): NamedSheet[] {
  const found = findTabs({ tabs: sheets.map((entry) => ({ name: entry.name, values: [] })) }, def);
  return found.map((tab) => sheets.find((entry) => entry.name === tab.name) as NamedSheet);
}

/** The sheet of a contract tab, by its Japanese or English name folded as the core folds tab names. */
export function findContractSheet(
  sheets: readonly NamedSheet[],
  def: Pick<TabDef, 'ja' | 'en'>,
): NamedSheet | undefined {
  return findContractSheets(sheets, def)[0];
}

/** The sheet named exactly `name` (an issue's tab is the name as the workbook spells it). */
export function findSheetNamed(sheets: readonly NamedSheet[], name: string): NamedSheet | undefined {
  return sheets.find((entry) => entry.name === name);
}
