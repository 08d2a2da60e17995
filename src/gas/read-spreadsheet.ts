// This file defines the Sheets reader: one getValues per contract tab, turned into the core's RawWorkbook.
import { timeZone as manifestTimeZone } from '../../appsscript.json';
import { isDateObject } from '../core/cells';
import type { RawTab, RawWorkbook } from '../core/read-workbook';
import { TABS, type TabDef, type TabKey } from '../core/schema';
import { findContractSheets, listSheets } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Reads the contract's tabs (or only `keys`) with one getDataRange().getValues() each; other sheets are not read. */
export function readSpreadsheet(spreadsheet: Spreadsheet, keys?: readonly TabKey[]): RawWorkbook {
  const sheets = listSheets(spreadsheet);
  const tabs: RawTab[] = [];
  const wanted = (TABS as readonly TabDef[]).filter((def) => !keys || keys.includes(def.key));
  const toCalendarDay = calendarDayNormalizer(spreadsheet.getSpreadsheetTimeZone());
  for (const def of wanted) {
    const [found, ...others] = findContractSheets(sheets, def);
    if (!found) continue;
    const values = found.sheet.getDataRange().getValues();
    if (toCalendarDay) normalizeDates(values, toCalendarDay);
    tabs.push({ name: found.name, values });
    // 費用 and Costs both present: the core reports the pair by name; the second sheet's rows are never read.
    for (const other of others) tabs.push({ name: other.name, values: [] });
  }
  return { tabs };
}

/**
 * The script's time zone: fixed by the manifest (appsscript.json `timeZone`), read at build time. A custom function
 * may not call Session, so no path asks Session.getScriptTimeZone() for it.
 */
export const SCRIPT_TIME_ZONE: string = manifestTimeZone;

/**
 * getValues (and a range argument of a custom formula) gives a date cell as midnight in the spreadsheet's time
 * zone, while the core reads a Date's day in the script's. When the two differ, each Date is re-made as local
 * midnight of the day the sheet shows, with Intl (plain JavaScript, no service call per cell). Null when they
 * agree, the usual case.
 */
export function calendarDayNormalizer(sheetZone: string): ((date: Date) => Date) | null {
  if (sheetZone === SCRIPT_TIME_ZONE) return null;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: sheetZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  return (date) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(date)) parts[part.type] = Number(part.value);
    return new Date(parts.year, parts.month - 1, parts.day);
  };
}

/** Whether any cell of `values` is a Date (a range without one needs no time-zone look-up). */
export function hasDate(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => Array.isArray(row) && row.some((cell) => isDateObject(cell)));
}

/** Re-makes every valid Date of `values` in place as the calendar day the sheet shows. */
export function normalizeDates(values: unknown[][], toCalendarDay: (date: Date) => Date): void {
  for (const row of values) {
    if (!Array.isArray(row)) continue;
    for (let column = 0; column < row.length; column++) {
      const cell = row[column];
      if (isDateObject(cell) && !Number.isNaN(cell.getTime())) row[column] = toCalendarDay(cell);
    }
  }
}
