// This file tests the row-at-a-time door of readWorkbook (RawTab.eachRow, used for big CSV files) and the ASCII fast path of matchKey.
import fc from 'fast-check';
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
