// This file tests readWorkbook's 設定 values at their bounds, the 設定 tab's own header problems, a missing tab and the 生成履歴 log tab.
import type { IssueDraft } from '../../src/core/issues';
import { readWorkbook } from '../../src/core/read-workbook';

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
