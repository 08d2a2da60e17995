// This file tests pipeline.ts where its static mutants at 2448dbc showed gaps: a template issue located at a tab the
// user named in English, issue order past column Z, no reconciliation without a year, and the language of the
// empty-year warning when the request names one.
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { rawWorkbook } from '../helpers/raw';

const PROGRAMS = [
  ['事業内容', '定款の事業名', '区分', '表示順'],
  ['先', '事業A', '特定非営利活動', 1],
];
const COST_HEADER = ['日付', '事業内容', '費目', '金額'];

function tabs(overrides: Record<string, unknown[][]> = {}): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト'],
      ['対象年度', 2022],
    ],
    事業: PROGRAMS,
    候補者: [['候補者ID']],
    企業: [['企業ID', '企業名']],
    イベント: [['イベントID', '事業内容', '種別', '開始日']],
    費用: [COST_HEADER, ['2022/4/1', '先', '人件費', 100]],
    本文: [
      ['見出し', '本文'],
      ['見出し1', '本文1'],
    ],
    ...overrides,
  };
}

const located = (issues: readonly { severity: string; code: string; tab: string; cell: string; column: string }[]) =>
  issues.map((i) => `${i.severity} ${i.code} ${i.tab}!${i.cell} [${i.column}]`);

describe('a template issue', () => {
  it('names the tab as the user named it (Narrative, not 本文) and the header as typed (Body)', () => {
    const { 本文: _, ...rest } = tabs();
    const result = makeReport(
      rawWorkbook({
        ...rest,
        Narrative: [
          ['Heading', 'Body'],
          ['a', '{{未知の指標}}'],
        ],
      }),
    );
    expect(result.ok).toBe(false);
    expect(located(result.issues)).toEqual(['error unknown_metric Narrative!B2 [Body]']);
  });
});

describe('issue order past column Z', () => {
  it('sorts an issue at AA3 after one at B2 of the same tab (row first, two-letter columns read whole)', () => {
    // 見出し A, 本文 B, 24 blank headers C..Z, 本文(英語) AA.
    const blanks = (n: number) => Array.from({ length: n }, () => '');
    const result = makeReport(
      rawWorkbook(
        tabs({
          本文: [
            ['見出し', '本文', ...blanks(24), '本文(英語)'],
            ['a', '{{未知A}}', ...blanks(24), ''],
            ['b', '本文', ...blanks(24), '{{未知B}}'],
          ],
        }),
      ),
    );
    expect(result.issues.map((i) => `${i.code} ${i.tab}!${i.cell} ${i.value}`)).toEqual([
      'unknown_metric 本文!B2 未知A',
      'unknown_metric 本文!AA3 未知B',
    ]);
  });
});

describe('the reconciliation without a year', () => {
  it('is not run: その他の事業 = 定款にない with an その他の事業 row gives only the missing 対象年度 error (at A4, the row after the last setting)', () => {
    const result = checkWorkbook(
      rawWorkbook(
        tabs({
          設定: [
            ['項目', '値'],
            ['団体名', 'テスト'],
            ['その他の事業', '定款にない'],
          ],
          事業: [...PROGRAMS, ['他', '事業B', 'その他の事業', 2]],
        }),
      ),
    );
    expect(located(result.issues)).toEqual(['error missing_setting 設定!A4 [対象年度]']);
  });

  it('is run once a year is given: the same workbook with 対象年度 2022 names the その他の事業 row', () => {
    const result = checkWorkbook(
      rawWorkbook(
        tabs({
          設定: [
            ['項目', '値'],
            ['団体名', 'テスト'],
            ['対象年度', 2022],
            ['その他の事業', '定款にない'],
          ],
          事業: [...PROGRAMS, ['他', '事業B', 'その他の事業', 2]],
        }),
      ),
    );
    expect(located(result.issues)).toEqual(['warning other_business_left_out 設定!B4 [その他の事業]']);
  });
});

describe('the empty-year warning', () => {
  it('is worded in the language the request names (en), over 報告書言語 left blank (Japanese)', () => {
    const result = makeReport(rawWorkbook(tabs({ 費用: [COST_HEADER] })), { language: 'en' });
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => `${i.code} ${i.language} ${i.message}`)).toEqual([
      'no_data_for_year en FY2022 (2022-04-01〜2023-03-31) has no row in 費用, イベント or 候補者. Check 対象年度 and 年度開始月',
    ]);
  });

  it('is in Japanese when neither the request nor 設定 names a language', () => {
    const result = makeReport(rawWorkbook(tabs({ 費用: [COST_HEADER] })));
    expect(result.issues.map((i) => `${i.code} ${i.language} ${i.message}`)).toEqual([
      'no_data_for_year ja 2022年度（2022-04-01〜2023-03-31）の費用・イベント・候補者の行が1件もありません。対象年度と年度開始月を確認してください',
    ]);
  });
});
