// Tests for reading raw grids: tabs that mean the same tab, the adapter's own issues, one message per bad setting,
// 設定 values at their bounds, ID lists with separators at their edges, a missing tab and the 生成履歴 log tab.
import type { IssueDraft } from '../../src/core/issues';
import { findTab, findTabs, type RawTab, readWorkbook } from '../../src/core/read-workbook';

const SETTINGS: RawTab = {
  name: '設定',
  values: [
    ['項目', '値'],
    ['団体名', 'NPO'],
    ['対象年度', 2022],
  ],
};
const COSTS_HEADER = ['日付', '事業内容', '費目', '金額'];

function codes(issues: readonly IssueDraft[]): string[][] {
  return issues.map((issue) => [
    issue.code,
    issue.tab,
    issue.cell,
    issue.column,
    issue.value,
    issue.params?.other ?? '',
  ]);
}

function summary(issues: readonly IssueDraft[]): string[] {
  return issues.map((issue) => `${issue.code} ${issue.tab}!${issue.cell} ${issue.column} ${issue.value}`);
}

const HEADER = ['項目', '値'];
const REQUIRED_ROWS = [
  ['団体名', 'NPO'],
  ['対象年度', 2022],
];

/** Reads only the 設定 tab: its header row, 団体名 and 対象年度 (rows 2 and 3), then `rows` from row 4. */
function readSettings(rows: unknown[][], header: unknown[] = HEADER) {
  return readWorkbook(
    { tabs: [{ name: '設定', values: [header, ...REQUIRED_ROWS, ...rows] as never }] },
    { tabs: ['settings'] },
  );
}

function invalidAtB4(column: string, value: string, expected: string): IssueDraft {
  return { severity: 'error', code: 'invalid_setting', tab: '設定', cell: 'B4', column, value, params: { expected } };
}

describe('findTabs', () => {
  it('finds every tab named in Japanese or English, folded for width, case and blanks, in workbook order', () => {
    const raw = {
      tabs: [
        { name: 'ＣＯＳＴＳ ', values: [] },
        { name: '事業', values: [] },
        { name: '費用', values: [] },
      ],
    };
    expect(findTabs(raw, { ja: '費用', en: 'Costs' }).map((tab) => tab.name)).toEqual(['ＣＯＳＴＳ ', '費用']);
    expect(findTab(raw, { ja: '費用', en: 'Costs' })?.name).toBe('ＣＯＳＴＳ ');
    expect(findTabs(raw, { ja: '候補者', en: 'Candidates' })).toEqual([]);
  });
});

describe('readWorkbook: two tabs that mean the same tab', () => {
  it('is one error per extra tab at the first one, naming both; the first is read', () => {
    const raw = {
      tabs: [
        SETTINGS,
        { name: '費用', values: [COSTS_HEADER, ['2022/4/1', '育成事業', '人件費', 100]] },
        { name: 'Costs', values: [COSTS_HEADER] },
        { name: 'costs', values: [] },
      ],
    };
    const { workbook, issues } = readWorkbook(raw);
    expect(codes(issues.filter((issue) => issue.code === 'duplicate_tab'))).toEqual([
      ['duplicate_tab', '費用', 'A1', '', '', 'Costs'],
      ['duplicate_tab', '費用', 'A1', '', '', 'costs'],
    ]);
    expect(issues.find((issue) => issue.code === 'duplicate_tab')?.severity).toBe('error');
    expect(workbook.costs.map((cost) => cost.amount)).toEqual([100]);
    expect(workbook.layouts.costs.name).toBe('費用');
  });

  it('is not reported for a tab a custom formula does not read', () => {
    const raw = { tabs: [SETTINGS, { name: '費用', values: [COSTS_HEADER] }, { name: 'Costs', values: [] }] };
    expect(readWorkbook(raw, { tabs: ['settings'] }).issues).toEqual([]);
    expect(codes(readWorkbook(raw, { tabs: ['costs'] }).issues)).toEqual([
      ['duplicate_tab', '費用', 'A1', '', '', 'Costs'],
    ]);
  });
});

describe('readWorkbook: issues the adapter found while reading the file', () => {
  it('are returned with the read issues, unchanged', () => {
    const draft: IssueDraft = {
      severity: 'warning',
      code: 'undecodable_text',
      tab: '設定',
      cell: 'B2',
      column: '値',
      value: '',
      params: { other: '設定.csv', expected: 'Shift_JIS', line: 2, count: 1 },
    };
    expect(readWorkbook({ tabs: [SETTINGS], issues: [draft] }, { tabs: ['settings'] }).issues).toEqual([draft]);
  });
});

describe('readWorkbook: a required setting', () => {
  function settingIssues(rows: unknown[][]): string[][] {
    const { issues } = readWorkbook(
      { tabs: [{ name: '設定', values: [['項目', '値'], ...rows] as never }] },
      {
        tabs: ['settings'],
      },
    );
    return codes(issues);
  }

  it('that is unreadable is said once (invalid), not also as missing', () => {
    expect(
      settingIssues([
        ['団体名', 'NPO'],
        ['対象年度', 'にせんにじゅうに'],
      ]),
    ).toEqual([['invalid_setting', '設定', 'B3', '対象年度', 'にせんにじゅうに', '']]);
  });

  it('that is blank is blank_setting at its 値 cell, and absent is missing_setting below the rows', () => {
    expect(
      settingIssues([
        ['団体名', 'NPO'],
        ['対象年度', ''],
      ]),
    ).toEqual([['blank_setting', '設定', 'B3', '対象年度', '', '']]);
    expect(settingIssues([['団体名', 'NPO']])).toEqual([['missing_setting', '設定', 'A3', '対象年度', '', '']]);
  });

  it('given twice, unreadable then readable, is only the unreadable one', () => {
    expect(
      settingIssues([
        ['団体名', 'NPO'],
        ['対象年度', 'x'],
        ['対象年度', 2022],
      ]),
    ).toEqual([['invalid_setting', '設定', 'B3', '対象年度', 'x', '']]);
  });
});

describe('readWorkbook: a header given twice', () => {
  it('is duplicate_header at the second cell, naming the first by its column letter alone', () => {
    const raw = { tabs: [SETTINGS, { name: '費用', values: [[...COSTS_HEADER, 'Amount']] }] };
    // 金額 is column D; its English name in E repeats it: params.other is 'D' (the letter, no row number).
    expect(readWorkbook(raw, { tabs: ['costs'] }).issues).toEqual([
      {
        severity: 'error',
        code: 'duplicate_header',
        tab: '費用',
        cell: 'E1',
        column: '金額',
        value: 'Amount',
        params: { other: 'D' },
      },
    ]);
  });
});

describe('readWorkbook: a tab without a single row', () => {
  it('is one missing_column per required column, at A1 (a header row of width 0)', () => {
    const raw = { tabs: [SETTINGS, { name: '費用', values: [] }] };
    const { workbook, issues } = readWorkbook(raw, { tabs: ['costs'] });
    expect(codes(issues)).toEqual([
      ['missing_column', '費用', 'A1', '日付', '', ''],
      ['missing_column', '費用', 'A1', '事業内容', '', ''],
      ['missing_column', '費用', 'A1', '費目', '', ''],
      ['missing_column', '費用', 'A1', '金額', '', ''],
    ]);
    expect(workbook.costs).toEqual([]);
    expect(workbook.layouts.costs).toEqual({ name: '費用', columns: {}, headers: {} });
  });
});

describe('readWorkbook: an unreadable ID list', () => {
  it('is its cell problem (the value masked: 参加者ID is person-level), and the record holds an empty list', () => {
    const raw = {
      tabs: [
        SETTINGS,
        {
          name: 'イベント',
          values: [
            ['イベントID', '事業内容', '種別', '開始日', '参加者ID'],
            ['E1', '育成事業', '交流会', '2022/5/1', '#N/A'],
          ],
        },
      ],
    };
    const { workbook, issues } = readWorkbook(raw, { tabs: ['events'] });
    expect(codes(issues)).toEqual([['error_value', 'イベント', 'E2', '参加者ID', '＊＊＊', '']]);
    expect(workbook.events.map((event) => [event.eventId, event.participantIds])).toEqual([['E1', []]]);
  });
});

describe('readWorkbook: the 設定 tab with 項目 in its second column, headed in English', () => {
  it('points its warnings at the 項目 cell (column B) and names the header as typed', () => {
    const raw = {
      tabs: [
        {
          name: '設定',
          values: [
            ['Value', 'Item'],
            ['', '見出し:１．事業の成果'],
            ['x', '謎の項目'],
            ['NPO', '団体名'],
            [2022, '対象年度'],
          ],
        },
      ],
    };
    const { workbook, issues } = readWorkbook(raw, { tabs: ['settings'] });
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'invalid_heading_override',
        tab: '設定',
        cell: 'B2',
        column: 'Item',
        value: '見出し:１．事業の成果',
      },
      {
        severity: 'warning',
        code: 'unknown_setting',
        tab: '設定',
        cell: 'B3',
        column: 'Item',
        value: '謎の項目',
        params: {
          expected:
            '団体名、対象年度、年度開始月、初年度開始日、端数処理、活動計算書の事業費計、秘匿しきい値、報告書言語、年の表記、様式、その他の事業、人数の単位',
        },
      },
    ]);
    expect(workbook.settings.orgName).toBe('NPO');
    expect(workbook.settings.fiscalYear).toBe(2022);
    expect(workbook.settings.settingCells).toEqual({ orgName: 'A4', fiscalYear: 'A5' });
  });
});

describe('readWorkbook: setting values', () => {
  it('a choice not among its choices is invalid_setting listing them with " / "', () => {
    expect(readSettings([['端数処理', '五捨六入']]).issues).toEqual([
      {
        severity: 'error',
        code: 'invalid_setting',
        tab: '設定',
        cell: 'B4',
        column: '端数処理',
        value: '五捨六入',
        params: { expected: '四捨五入 / 切り捨て / 合計に合わせる' },
      },
    ]);
  });

  it('年度開始月 may end in 月; a 月 inside the number is not dropped', () => {
    const typed = readSettings([['年度開始月', '10月']]);
    expect(typed.issues).toEqual([]);
    expect(typed.workbook.settings.fiscalStartMonth).toBe(10);
    expect(readSettings([['年度開始月', '1月2']]).issues).toEqual([
      {
        severity: 'error',
        code: 'invalid_setting',
        tab: '設定',
        cell: 'B4',
        column: '年度開始月',
        value: '1月2',
        params: { expected: '1〜12' },
      },
    ]);
  });

  it('活動計算書の事業費計 of 0 yen is read (not negative), in yen', () => {
    const zero = readSettings([['活動計算書の事業費計', 0]]);
    expect(zero.issues).toEqual([]);
    expect(zero.workbook.settings.statementProgramCost).toEqual({ yen: 0, inThousands: false });
  });

  it('活動計算書の事業費計 typed in 千円 is compared in 千円, in parentheses too; a 千 inside the text is not a unit', () => {
    const statement = (typed: string) =>
      readSettings([['活動計算書の事業費計', typed]]).workbook.settings.statementProgramCost;
    expect(statement('12,346千円')).toEqual({ yen: 12_346_000, inThousands: true });
    expect(statement('(0千円)')).toEqual({ yen: 0, inThousands: true });
    expect(statement('（0千円）')).toEqual({ yen: 0, inThousands: true });
    expect(statement('(0円)')).toEqual({ yen: 0, inThousands: false });
    expect(statement('12,346,000円')).toEqual({ yen: 12_346_000, inThousands: false });
  });
});

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

describe('readWorkbook: 年度開始月 at its bounds', () => {
  it('reads 1 and 12 (12月 too), and refuses 0 and 13', () => {
    for (const [typed, month] of [
      [1, 1],
      [12, 12],
      ['12月', 12],
    ] as const) {
      const read = readSettings([['年度開始月', typed]]);
      expect(read.issues).toEqual([]);
      expect(read.workbook.settings.fiscalStartMonth).toBe(month);
    }
    for (const typed of [0, 13]) {
      const read = readSettings([['年度開始月', typed]]);
      expect(read.issues).toEqual([invalidAtB4('年度開始月', String(typed), '1〜12')]);
      // Unreadable: the default 4 stands.
      expect(read.workbook.settings.fiscalStartMonth).toBe(4);
    }
  });
});

describe('readWorkbook: 秘匿しきい値 at its bounds', () => {
  it('reads 0 (with the low-threshold warning) and 1000, and refuses -1 and 1001', () => {
    const zero = readSettings([['秘匿しきい値', 0]]);
    expect(zero.workbook.settings.suppressionThreshold).toBe(0);
    expect(zero.issues).toEqual([
      {
        severity: 'warning',
        code: 'low_suppression_threshold',
        tab: '設定',
        cell: 'B4',
        column: '秘匿しきい値',
        value: '0',
      },
    ]);
    const most = readSettings([['秘匿しきい値', '1000']]);
    expect(most.issues).toEqual([]);
    expect(most.workbook.settings.suppressionThreshold).toBe(1000);
    for (const typed of [-1, 1001]) {
      const read = readSettings([['秘匿しきい値', typed]]);
      expect(read.issues).toEqual([invalidAtB4('秘匿しきい値', String(typed), '3')]);
      expect(read.workbook.settings.suppressionThreshold).toBe(3);
    }
  });
});

describe('readWorkbook: a choice setting holding a spreadsheet error', () => {
  it('is the cell problem and invalid_setting, and the default stands', () => {
    const read = readSettings([['報告書言語', '#N/A']]);
    expect(read.issues).toEqual([
      { severity: 'error', code: 'error_value', tab: '設定', cell: 'B4', column: '値', value: '#N/A', params: {} },
      invalidAtB4('報告書言語', '#N/A', 'ja / en'),
    ]);
    expect(read.workbook.settings.language).toBe('ja');
  });
});

describe('readWorkbook: the 設定 tab itself', () => {
  it("keeps its header's problems: a second 値 column is duplicate_header", () => {
    const read = readSettings([], ['項目', '値', 'Value']);
    expect(read.issues).toEqual([
      {
        severity: 'error',
        code: 'duplicate_header',
        tab: '設定',
        cell: 'C1',
        column: '値',
        value: 'Value',
        params: { other: 'B' },
      },
    ]);
    expect(read.workbook.settings.orgName).toBe('NPO');
  });

  it('a row with a blank 項目 is one required issue and is skipped, its 値 not read', () => {
    const read = readSettings([
      ['', '見出し:x'],
      ['秘匿しきい値', 5],
    ]);
    expect(read.issues).toEqual([
      { severity: 'error', code: 'required', tab: '設定', cell: 'A4', column: '項目', value: '' },
    ]);
    expect(read.workbook.settings.suppressionThreshold).toBe(5);
    expect(read.workbook.settings.headingOverrides).toEqual([]);
  });
});

describe('readWorkbook: a missing required tab', () => {
  it('is missing_tab at A1 with empty column and value, once per required tab', () => {
    const missing = (name: string): IssueDraft => ({
      severity: 'error',
      code: 'missing_tab',
      tab: name,
      cell: 'A1',
      column: '',
      value: '',
    });
    expect(readWorkbook({ tabs: [] }).issues).toEqual([missing('設定'), missing('事業'), missing('費用')]);
  });
});

describe('readWorkbook: the 生成履歴 log tab', () => {
  it('is not read as a table: no records, no issues, a layout with its name and no columns', () => {
    const raw = {
      tabs: [
        {
          name: '生成履歴',
          values: [
            ['日時', '年度', '年度', '形式'],
            ['2023/5/1 10:00', '2022', '2022', 'PDF'],
          ] as never,
        },
      ],
    };
    // As a table it would have columns 日時, 年度 and 形式, and a duplicate_header at C1.
    const { workbook, issues } = readWorkbook(raw, { tabs: ['runs'] });
    expect(issues).toEqual([]);
    expect(workbook.layouts.runs).toEqual({ name: '生成履歴', columns: {}, headers: {} });
    expect(Object.keys(workbook)).not.toContain('runs');
  });
});
