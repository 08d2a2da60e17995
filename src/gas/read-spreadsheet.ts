// This file defines the Sheets reader: one getValues per contract tab, turned into the core's RawWorkbook.
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
  const toCalendarDay = calendarDayNormalizer(spreadsheet);
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
 * getValues returns a date cell as midnight in the spreadsheet's time zone, while the core reads a Date's day in
 * the script's (Asia/Tokyo). When the two differ, each Date is re-made as local midnight of the day the sheet shows,
 * with Intl (plain JavaScript, no service call per cell). Null when they agree, the usual case.
 */
function calendarDayNormalizer(spreadsheet: Spreadsheet): ((date: Date) => Date) | null {
  const sheetZone = spreadsheet.getSpreadsheetTimeZone();
  if (sheetZone === Session.getScriptTimeZone()) return null;
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

function normalizeDates(values: unknown[][], toCalendarDay: (date: Date) => Date): void {
  for (const row of values) {
    for (let column = 0; column < row.length; column++) {
      const cell = row[column];
      if (isDateObject(cell) && !Number.isNaN(cell.getTime())) row[column] = toCalendarDay(cell);
    }
  }
}
