// Tests of the custom formulas' Apps Script side, run as Sheets runs them: in the fakes' custom-function mode.
import type { CellValue } from '../../src/core/cells';
import { candidateCount, jigyoMetric, jigyoTable, placements, programCost } from '../../src/gas/custom-functions';
import { createFakeEnvironment, type FakeEnvironment, installFakes, unwrap } from '../fakes';
import { sampleSheets } from '../helpers/sample';

/** Runs `run` with the fakes installed and in custom-function mode, as Sheets runs a formula. */
function asFormula<T>(sheets: Record<string, unknown[][]>, run: (env: FakeEnvironment) => T, zone?: string): T {
  const env = createFakeEnvironment({ sheets });
  // Arranged before the formula runs: a custom function itself may not change the spreadsheet.
  if (zone) unwrap(env.spreadsheet).setSpreadsheetTimeZone(zone);
  const uninstall = installFakes(env);
  try {
    return env.asCustomFunction(() => run(env));
  } finally {
    uninstall();
  }
}

describe('custom formulas in custom-function mode', () => {
  it('read the needed tabs without Session (not on the list of services a custom function may call)', () => {
    // The sample's FY2022 figures (see test/bundle/report-action.test.ts): 育成事業 9,966,300 yen, 7 placements
    // through 職業紹介, 137 new contacts.
    asFormula(sampleSheets(), (env) => {
      expect(programCost('育成事業')).toBe(9_966_300);
      expect(placements(2022, '職業紹介')).toBe(7);
      expect(candidateCount('新規接点数')).toBe(137);
      expect(env.calls.byService('Session')).toBe(0);
    });
  });

  it('word an argument error in 報告書言語 without Session either', () => {
    const sheets = sampleSheets();
    sheets.設定 = [...sheets.設定, ['報告書言語', 'en']];
    asFormula(sheets, () => {
      expect(() => jigyoMetric('就職者数', 2022, '就職経路')).toThrow(
        'The condition "就職経路" must be written "key=value" (e.g. "事業内容=育成事業")',
      );
    });
  });
});

/**
 * Date cells as Sheets hands them over: midnight (or the typed time) in the spreadsheet's time zone, as an instant.
 * Each case's dates sit on the FY2022 boundaries (2022-04-01 and 2023-03-31), where reading the day in the script's
 * zone instead of the sheet's moves a row into the other year.
 */
const ZONES: [zone: string, rows: [instant: Date, amount: number, shown: string][], right: number, wrong: number][] = [
  [
    'America/Los_Angeles', // UTC-7 in March and April
    [
      [new Date(Date.UTC(2022, 3, 1, 6, 30)), 1, '2022/03/31 23:30, FY2021'],
      [new Date(Date.UTC(2023, 3, 1, 3, 0)), 20, '2023/03/31 20:00, FY2022'],
      [new Date(Date.UTC(2022, 3, 1, 7, 0)), 300, '2022/04/01 00:00, FY2022'],
    ],
    320,
    301,
  ],
  [
    'Pacific/Auckland', // UTC+13 until the first Sunday of April
    [
      [new Date(Date.UTC(2022, 2, 31, 11, 0)), 1, '2022/04/01 00:00, FY2022'],
      [new Date(Date.UTC(2023, 2, 31, 11, 0)), 20, '2023/04/01 00:00, FY2023'],
      [new Date(Date.UTC(2022, 8, 30, 11, 0)), 300, '2022/10/01 00:00, FY2022'],
    ],
    301,
    320,
  ],
];

function zoneSheets(rows: [Date, number, string][]): Record<string, CellValue[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト'],
      ['対象年度', 2022],
    ],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      ['育成事業', '統合事業', '特定非営利活動'],
    ],
    費用: [['日付', '事業内容', '費目', '金額'], ...rows.map(([date, amount]) => [date, '育成事業', '人件費', amount])],
  };
}

describe('dates in a spreadsheet whose time zone is not the script time zone (Asia/Tokyo)', () => {
  it.each(ZONES)('in %s, a range argument and the 費用 tab give the same FY2022 total', (zone, rows, right, wrong) => {
    expect(right).not.toBe(wrong); // the case would catch a reader that takes the day in another zone
    asFormula(
      zoneSheets(rows),
      (env) => {
        const range = zoneSheets(rows).費用;
        env.calls.reset();
        expect(programCost('育成事業', 2022, '', range)).toBe(right);
        // One read of the spreadsheet's time zone, and nothing else.
        expect(env.calls.snapshot()).toEqual({
          'SpreadsheetApp.getActiveSpreadsheet': 1,
          'Spreadsheet.getSpreadsheetTimeZone': 1,
        });
        expect(programCost('育成事業')).toBe(right);
        expect(env.calls.byService('Session')).toBe(0);
      },
      zone,
    );
  });

  it('leaves the range argument as Sheets passed it, and reads no time zone for a range without a Date', () => {
    const [, rows] = ZONES[1];
    asFormula(
      zoneSheets(rows),
      (env) => {
        const range = zoneSheets(rows).費用;
        programCost('育成事業', 2022, '', range);
        expect((range[1][0] as Date).getTime()).toBe(Date.UTC(2022, 2, 31, 11, 0));
        env.calls.reset();
        const typed = [
          ['日付', '事業内容', '費目', '金額'],
          ['2022/4/1', '育成事業', '人件費', 5],
        ];
        expect(programCost('育成事業', 2022, '', typed)).toBe(5);
        expect(env.calls.total()).toBe(0);
      },
      'Pacific/Auckland',
    );
  });

  it('changes no Date when the spreadsheet is in Asia/Tokyo, after one look at its zone', () => {
    const midnight = new Date(2022, 3, 1);
    asFormula(zoneSheets([[midnight, 7, '']]), (env) => {
      env.calls.reset();
      expect(programCost('育成事業', 2022, '', zoneSheets([[midnight, 7, '']]).費用)).toBe(7);
      expect(env.calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    });
  });
});

describe('JIGYO_TABLE: a whole column of figures from one formula', () => {
  it('answers one figure per row of 指標名 and conditions, reading each needed tab once for the whole table', () => {
    // The sample's FY2022 figures (test/bundle/report-action.test.ts): 7 placements through 職業紹介, 137 new
    // contacts, 9,966,300 yen for 育成事業, at most 200 listeners at a 講演.
    asFormula(sampleSheets(), (env) => {
      const rows = [
        ['就職者数', '就職経路=職業紹介', ''],
        ['新規接点数', '', ''],
        ['', '', ''],
        ['事業費', '事業内容=育成事業', ''],
        ['参加者数最大', '種別=講演', ''],
      ];
      expect(jigyoTable(rows)).toEqual([[7], [137], [''], [9_966_300], [200]]);
      // 設定, 候補者, 費用, 事業, イベント: once each, not once per row.
      expect(env.calls.count('Range.getValues')).toBe(5);
      expect(jigyoTable('新規接点数', 2022)).toEqual([[137]]);
    });
  });

  it('fails as a whole with the first bad row named, never a column with a wrong number in it', () => {
    asFormula(sampleSheets(), (env) => {
      expect(() => jigyoTable([['就職者数'], ['寄付者数']])).toThrow('指標「寄付者数」はありません');
      expect(() => jigyoTable([['', '種別=講演']])).toThrow('指標名を指定してください');
      expect(() => jigyoTable([['就職者数', '職業紹介']])).toThrow('条件「職業紹介」は「キー=値」で指定してください');
      env.calls.reset();
      expect(jigyoTable([['', '']])).toEqual([['']]);
      expect(env.calls.total()).toBe(0);
    });
  });
});

describe('the hidden JIGYO_RECALC argument of 数式を再計算', () => {
  it('is ignored by JIGYO_METRIC as a trailing Date, after conditions or after a range', () => {
    const stamp = new Date(2026, 10, 26, 9, 0, 0);
    asFormula(sampleSheets(), () => {
      expect(jigyoMetric('就職者数', 2022, '就職経路=職業紹介', stamp)).toBe(7);
      expect(jigyoMetric('新規接点数', 2022, stamp)).toBe(137);
      expect(jigyoMetric('新規接点数', 2022, sampleSheets().候補者 as CellValue[][], stamp)).toBe(137);
    });
  });
});
