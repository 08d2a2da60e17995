// This file tests the row-at-a-time door of readWorkbook (RawTab.eachRow, used for big CSV files) and the ASCII fast path of matchKey.
import fc from 'fast-check';
import type { CellValue } from '../../src/core/cells';
import { normalizeText } from '../../src/core/cells';
import type { IssueDraft } from '../../src/core/issues';
import { type Grid, matchKey, type RawTab, readWorkbook } from '../../src/core/read-workbook';

const SETTINGS: RawTab = {
  name: '設定',
  values: [
    ['項目', '値'],
    ['団体名', 'NPO'],
    ['対象年度', 2022],
  ],
};

const PROGRAMS: RawTab = { name: '事業', values: [['事業内容', '定款の事業名', '区分']] };

const COSTS: Grid = [
  ['日付', '事業内容', '費目', '金額', '摘要'],
  ['2022/4/1', '育成事業', '人件費', '50,000円', 'a'],
  ['', '', '', '', ''],
  ['2022/13/1', '育成事業', 'その他経費', '約5万', 'b'],
  ['R4.5.1', '相談事業', '人件費', '▲3,000', 'c'],
  ['', '', '', '', ''],
];

/** A tab that hands out its rows one at a time and fails the test if anything asks for the whole grid. */
function streamed(name: string, grid: Grid, visits: number[]): RawTab {
  return {
    name,
    get values(): Grid {
      throw new Error('the whole grid was asked for');
    },
    eachRow: (visit) => {
      for (let index = 0; index < grid.length; index++) {
        visits.push(index);
        if (visit(grid[index], index) === false) return;
      }
    },
  };
}

function summary(issues: readonly IssueDraft[]): string[] {
  return issues.map((issue) => `${issue.code} ${issue.tab}!${issue.cell} ${issue.column} ${issue.value}`);
}

describe('readWorkbook over RawTab.eachRow', () => {
  it('makes the records and issues a grid makes, never asking for the grid', () => {
    const visits: number[] = [];
    const rows = readWorkbook({ tabs: [SETTINGS, PROGRAMS, streamed('費用', COSTS, visits)] });
    const grid = readWorkbook({ tabs: [SETTINGS, PROGRAMS, { name: '費用', values: COSTS }] });
    // Worked out by hand: rows 2 and 5 are read (19083 = 2022-04-01, 19113 = 2022-05-01 as days since 1970-01-01);
    // row 4 has an impossible date and an unreadable amount; the blank rows 3 and 6 make no record.
    expect(rows.workbook.costs.map((cost) => [cost.row, cost.date, cost.program, cost.item, cost.amount])).toEqual([
      [2, 19083, '育成事業', '人件費', 50000],
      [4, null, '育成事業', 'その他経費', null],
      [5, 19113, '相談事業', '人件費', -3000],
    ]);
    expect(summary(rows.issues)).toEqual(['invalid_date 費用!A4 日付 2022/13/1', 'invalid_number 費用!D4 金額 約5万']);
    expect(rows.workbook.costs).toEqual(grid.workbook.costs);
    expect(rows.issues).toEqual(grid.issues);
    expect(rows.workbook.layouts.costs).toEqual(grid.workbook.layouts.costs);
    // One pass, header included: every row once (a big CSV file is decoded each time its rows are read).
    expect(visits).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stops after the header row when a required column is missing', () => {
    const visits: number[] = [];
    const { workbook, issues } = readWorkbook({
      tabs: [
        SETTINGS,
        PROGRAMS,
        streamed(
          '費用',
          [
            ['日付', '事業内容', '金額'],
            ['2022/4/1', '育成事業', '1'],
          ],
          visits,
        ),
      ],
    });
    expect(workbook.costs).toEqual([]);
    expect(summary(issues)).toEqual(['missing_column 費用!D1 費目 ']);
    expect(visits).toEqual([0]);
  });
});

/**
 * A tab whose eachRow lends one array to every data row, refilled and trimmed to the row's width as the local runner
 * does (forEachCsvRow with lendRows); the header row comes in its own array. When the rows are done, both arrays are
 * overwritten with a planted string: anything readWorkbook kept of a row, rather than copied out of it, shows it.
 */
function lending(name: string, grid: Grid, lent: CellValue[][]): RawTab {
  return {
    name,
    get values(): Grid {
      throw new Error('the whole grid was asked for');
    },
    eachRow: (visit) => {
      const header: CellValue[] = [];
      const row: CellValue[] = [];
      lent.push(header, row);
      for (let index = 0; index < grid.length; index++) {
        const target = index === 0 ? header : row;
        const source = grid[index];
        for (let i = 0; i < source.length; i++) target[i] = source[i];
        if (target.length > source.length) target.length = source.length;
        if (visit(target, index) === false) break;
      }
      for (const array of lent) array.fill('LENT-ROW-OVERWRITTEN');
    },
  };
}

describe('readWorkbook over an eachRow that lends one refilled array', () => {
  const EVENTS: Grid = [
    ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
    ['E1', '育成事業', '交流会', '2022/4/1', '3', 'C1,C2'],
    // Shorter than the row before: the lent array must not still hold row 2's 参加者数 and 参加者ID.
    ['E2', '育成事業', '勉強会', '2022-04-02'],
    ['', '', '', '', '', ''],
    ['E3', '相談事業', '研修', 'R4.4.3', '１２', 'Ｃ３、C4'],
    ['E4'],
  ];

  it('makes the records and issues the grid makes, each worked out by hand', () => {
    const lent: CellValue[][] = [];
    const fromLent = readWorkbook({ tabs: [SETTINGS, PROGRAMS, lending('イベント', EVENTS, lent)] });
    const fromGrid = readWorkbook({ tabs: [SETTINGS, PROGRAMS, { name: 'イベント', values: EVENTS }] });
    // The rows were lent and then overwritten (two arrays: the header's and the data rows').
    expect(lent.length).toBe(2);
    expect(lent[1]).toEqual(['LENT-ROW-OVERWRITTEN']);
    // 19083 = 2022-04-01 (days since 1970-01-01), 19084 = 2022-04-02, R4.4.3 = 2022-04-03 = 19085; the blank row 4
    // makes no record; row 6 has only its ID, so its three required cells are reported and its other fields empty.
    expect(
      fromLent.workbook.events.map((event) => [
        event.row,
        event.eventId,
        event.program,
        event.kind,
        event.start,
        event.participants,
        event.participantIds,
      ]),
    ).toEqual([
      [2, 'E1', '育成事業', '交流会', 19083, 3, ['C1', 'C2']],
      [3, 'E2', '育成事業', '勉強会', 19084, null, []],
      [5, 'E3', '相談事業', '研修', 19085, 12, ['C3', 'C4']],
      [6, 'E4', null, null, null, null, []],
    ]);
    expect(summary(fromLent.issues)).toEqual([
      'required イベント!B6 事業内容 ',
      'required イベント!C6 種別 ',
      'required イベント!D6 開始日 ',
      'missing_tab 費用!A1  ',
    ]);
    expect(fromLent.workbook.events).toEqual(fromGrid.workbook.events);
    expect(fromLent.issues).toEqual(fromGrid.issues);
    expect(fromLent.workbook.layouts.events).toEqual(fromGrid.workbook.layouts.events);
    expect(JSON.stringify(fromLent)).not.toContain('LENT-ROW-OVERWRITTEN');
  });

  it('reports a bad cell of a lent row with the value it held then, not the value refilled after it', () => {
    const lent: CellValue[][] = [];
    const { workbook, issues } = readWorkbook({
      tabs: [
        SETTINGS,
        PROGRAMS,
        lending(
          'イベント',
          [
            ['イベントID', '事業内容', '種別', '開始日'],
            ['E1', '育成事業', '交流会', '2022/13/1'],
            ['E2', '育成事業', '交流会', '2022/4/2'],
          ],
          lent,
        ),
      ],
    });
    expect(workbook.events.map((event) => [event.row, event.start])).toEqual([
      [2, null],
      [3, 19084],
    ]);
    expect(summary(issues)).toEqual(['invalid_date イベント!D2 開始日 2022/13/1', 'missing_tab 費用!A1  ']);
  });
});

describe('matchKey', () => {
  it('folds IDs and names: printable ASCII is only lower-cased, anything else is normalized first', () => {
    expect(matchKey('C0012')).toBe('c0012');
    expect(matchKey('K-12_a~!')).toBe('k-12_a~!');
    // A space, a tab or a line break at an edge or inside is not plain: trimmed and collapsed as normalizeText does.
    expect(matchKey(' C0012')).toBe('c0012');
    expect(matchKey('C0012 ')).toBe('c0012');
    expect(matchKey('C\t12')).toBe('c 12');
    expect(matchKey('a  b')).toBe('a b');
    expect(matchKey('Ｃ００１２')).toBe('c0012');
    expect(matchKey('育成事業 ')).toBe('育成事業');
    expect(matchKey('')).toBe('');
  });

  it('equals normalizeText then lower case on any text', () => {
    const char = fc.constantFrom(
      'A',
      'z',
      '0',
      '~',
      '!',
      ' ',
      '\t',
      '\n',
      '\u007f',
      '\u00a0',
      'Ａ',
      '　',
      'あ',
      'ー',
      '1',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        expect(matchKey(text)).toBe(normalizeText(text).toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});
