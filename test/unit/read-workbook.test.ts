// Tests for reading raw grids: tabs that mean the same tab, the adapter's own issues, and one message per bad setting.
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
