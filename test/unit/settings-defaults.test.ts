// This file defines the tests of 設定's defaults: a setting left out reads as its default, and which issue is the
// missing 対象年度 that an explicit year stands in for.
import { isMissingYearSetting, readWorkbook } from '../../src/core/read-workbook';
import { rawWorkbook } from '../helpers/raw';

describe('設定 defaults', () => {
  it('gives every setting not typed its default (団体名 and 対象年度 only typed)', () => {
    const { workbook } = readWorkbook(
      rawWorkbook({
        設定: [
          ['項目', '値'],
          ['団体名', 'NPO法人テスト'],
          ['対象年度', 2022],
        ],
      }),
    );
    expect(workbook.settings).toEqual({
      orgName: 'NPO法人テスト',
      fiscalYear: 2022,
      fiscalStartMonth: 4,
      firstYearStart: null,
      rounding: '四捨五入',
      statementProgramCost: null,
      settingCells: { orgName: 'B2', fiscalYear: 'B3' },
      suppressionThreshold: 3,
      language: 'ja',
      yearStyle: '西暦',
      form: '標準',
      otherBusiness: '記載する',
      staffUnit: '人',
      headingOverrides: [],
    });
  });

  it('reads a blank 団体名 as empty text and a blank 対象年度 as no year, with a blank_setting error each', () => {
    const { workbook, issues } = readWorkbook(
      rawWorkbook({
        設定: [
          ['項目', '値'],
          ['団体名', ''],
          ['対象年度', ''],
          ['年度開始月', 10],
        ],
      }),
    );
    expect(workbook.settings.orgName).toBe('');
    expect(workbook.settings.fiscalYear).toBeNull();
    expect(workbook.settings.fiscalStartMonth).toBe(10);
    expect(
      issues.filter((issue) => issue.tab === '設定').map((issue) => [issue.code, issue.cell, issue.column]),
    ).toEqual([
      ['blank_setting', 'B2', '団体名'],
      ['blank_setting', 'B3', '対象年度'],
    ]);
  });
});

describe('isMissingYearSetting', () => {
  it.each([
    ['missing_setting', '対象年度', true],
    ['blank_setting', '対象年度', true],
    ['invalid_setting', '対象年度', false],
    ['missing_setting', '団体名', false],
    ['blank_setting', '年度開始月', false],
    ['required', '対象年度', false],
  ] as const)('%s of %s → %s', (code, column, expected) => {
    expect(isMissingYearSetting({ code, column })).toBe(expected);
  });
});
