// Tests of the Sheets reader: one getValues per tab, and dates read as the day the sheet shows in any time zone.

import { formatDayNumber, parseDate } from '../../src/core/cells';
import { checkWorkbook } from '../../src/core/pipeline';
import { readSpreadsheet } from '../../src/gas/read-spreadsheet';
import { createFakeEnvironment, installFakes } from '../fakes';

describe('readSpreadsheet', () => {
  it('reads the day a date cell shows when the spreadsheet is in another time zone than the script', () => {
    // 2022-04-01 00:00 in Auckland (+13:00 then) is 2022-03-31 11:00 UTC: on the fiscal-year boundary.
    const aucklandMidnight = new Date(Date.UTC(2022, 2, 31, 11, 0, 0));
    const env = createFakeEnvironment({
      sheets: {
        費用: [
          ['日付', '金額'],
          [aucklandMidnight, 1000],
        ],
      },
    });
    const uninstall = installFakes(env);
    try {
      (env.spreadsheet as unknown as { setSpreadsheetTimeZone(zone: string): void }).setSpreadsheetTimeZone(
        'Pacific/Auckland',
      );
      const raw = readSpreadsheet(env.SpreadsheetApp.getActiveSpreadsheet(), ['costs']);
      const parsed = parseDate(raw.tabs[0].values[1][0]);
      expect(parsed.ok && parsed.value !== null && formatDayNumber(parsed.value)).toBe('2022-04-01');
      expect(env.calls.count('Range.getValues')).toBe(1);
    } finally {
      uninstall();
    }
  });

  it('leaves values untouched when the time zones agree', () => {
    const date = new Date(2022, 3, 1);
    const env = createFakeEnvironment({ sheets: { 費用: [['日付'], [date]] } });
    const uninstall = installFakes(env);
    try {
      const raw = readSpreadsheet(env.SpreadsheetApp.getActiveSpreadsheet(), ['costs']);
      expect((raw.tabs[0].values[1][0] as Date).getTime()).toBe(date.getTime());
    } finally {
      uninstall();
    }
  });

  it('hands the core both sheets when 費用 and Costs are both present, reading the second one not at all', () => {
    const env = createFakeEnvironment({
      sheets: {
        費用: [
          ['日付', '事業内容', '費目', '金額'],
          ['2022/4/1', '育成事業', '人件費', 1000],
        ],
        Costs: [
          ['日付', '事業内容', '費目', '金額'],
          ['2022/4/2', '育成事業', '人件費', 9000],
        ],
      },
    });
    const uninstall = installFakes(env);
    try {
      const raw = readSpreadsheet(env.SpreadsheetApp.getActiveSpreadsheet(), ['costs']);
      expect(raw.tabs.map((tab) => [tab.name, tab.values.length])).toEqual([
        ['費用', 2],
        ['Costs', 0],
      ]);
      expect(env.calls.count('Range.getValues')).toBe(1);
      const duplicates = checkWorkbook(raw).issues.filter((issue) => issue.code === 'duplicate_tab');
      expect(duplicates.map((issue) => [issue.severity, issue.tab, issue.cell, issue.message])).toEqual([
        ['error', '費用', 'A1', expect.stringContaining('Costs')],
      ]);
    } finally {
      uninstall();
    }
  });
});
