// This file tests readWorkbook where the static mutants of read-workbook.ts (lines before 440) survived: ID lists with separators at their edges, and an adapter that keeps handing out rows after the header stopped them.
import type { IssueDraft } from '../../src/core/issues';
import { type RawTab, readWorkbook } from '../../src/core/read-workbook';

const SETTINGS: RawTab = {
  name: '設定',
  values: [
    ['項目', '値'],
    ['団体名', 'NPO'],
    ['対象年度', 2022],
  ],
};

function summary(issues: readonly IssueDraft[]): string[] {
  return issues.map((issue) => `${issue.code} ${issue.tab}!${issue.cell} ${issue.column} ${issue.value}`);
}

describe('readWorkbook: 参加者ID with separators at its edges or doubled', () => {
  it('keeps only the IDs: a leading or trailing comma, 、 or space makes no empty ID', () => {
    const raw = {
      tabs: [
        SETTINGS,
        {
          name: 'イベント',
          values: [
            ['イベントID', '事業内容', '種別', '開始日', '参加者ID'],
            ['E1', '育成事業', '交流会', '2022/5/1', 'C0001,'],
            ['E2', '育成事業', '交流会', '2022/5/2', '、C0002、C0003'],
            ['E3', '育成事業', '交流会', '2022/5/3', ',C0004,,;C0005 ,'],
            ['E4', '育成事業', '交流会', '2022/5/4', '，'],
          ],
        },
      ],
    };
    const { workbook, issues } = readWorkbook(raw, { tabs: ['events'] });
    expect(summary(issues)).toEqual([]);
    // By hand: split at every run of , 、 ， ; ； or blanks, empty pieces dropped; E4 is a separator alone.
    expect(workbook.events.map((event) => [event.eventId, event.participantIds])).toEqual([
      ['E1', ['C0001']],
      ['E2', ['C0002', 'C0003']],
      ['E3', ['C0004', 'C0005']],
      ['E4', []],
    ]);
  });
});

describe('readWorkbook over an eachRow that ignores the stop', () => {
  it('reads no row of a tab whose header lacks a required column, even when the adapter hands out more rows', () => {
    const visits: number[] = [];
    const rows = [
      ['日付', '事業内容', '金額'],
      ['2022/4/1', '育成事業', 'not a number'],
      ['2022/4/2', '育成事業', 5],
    ];
    const tab: RawTab = {
      name: '費用',
      values: [],
      // Does not look at what visit returns: every row is handed out.
      eachRow: (visit) => {
        rows.forEach((row, index) => {
          visits.push(index);
          visit(row, index);
        });
      },
    };
    const { workbook, issues } = readWorkbook({ tabs: [SETTINGS, tab] }, { tabs: ['costs'] });
    expect(visits).toEqual([0, 1, 2]);
    expect(summary(issues)).toEqual(['missing_column 費用!D1 費目 ']);
    expect(workbook.costs).toEqual([]);
    expect(workbook.layouts.costs).toEqual({
      name: '費用',
      columns: { date: 0, program: 1, amount: 2 },
      headers: { date: '日付', program: '事業内容', amount: '金額' },
    });
  });
});
