// This file tests the pipeline's own work, worked out by hand: issues sorted by tab order across tabs, and the
// empty-year warning and the internal_error issue located at the 設定 tab under the name the user gave it; a template
// issue at a tab named in English, issue order past column Z, no reconciliation without a year, and the language of
// the empty-year warning.
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { rawWorkbook } from '../helpers/raw';

const PROGRAMS = [
  ['事業内容', '定款の事業名', '区分', '表示順'],
  ['先', '事業A', '特定非営利活動', 1],
];
const COST_HEADER = ['日付', '事業内容', '費目', '金額'];

function tabs(overrides: Record<string, unknown[][]> = {}): Record<string, unknown[][]> {
  return {
    Settings: [
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

describe('issue order across tabs', () => {
  // Loaded afresh so that the table of tab positions, built on first use, is built inside the test; loaded before it,
  // because loading inside a test would make a mutation run count every module-level line of src/core as reached by
  // that test alone, and test those lines' mutants with it alone.
  let pipeline: typeof import('../../src/core/pipeline');
  beforeAll(async () => {
    jest.resetModules();
    pipeline = await import('../../src/core/pipeline');
  });

  it('puts a tab earlier in the contract first, whatever the rows (事業 row 3 before 費用 row 2)', () => {
    const result = pipeline.makeReport(
      rawWorkbook(
        tabs({
          費用: [COST_HEADER, ['bad', '先', '人件費', 1]],
          事業: [...PROGRAMS, ['後', '事業B', '特定非営利活動', 'x']],
        }),
      ),
    );
    expect(located(result.issues)).toEqual([
      'error invalid_number 事業!D3 [表示順]',
      'error invalid_date 費用!A2 [日付]',
    ]);
  });
});

describe('issues at one cell', () => {
  it('keep the order they were found in (left to right in a template cell)', () => {
    const result = makeReport(
      rawWorkbook(
        tabs({
          本文: [
            ['見出し', '本文'],
            ['a', '{{未知の指標B}}と{{未知の指標A}}'],
          ],
        }),
      ),
    );
    expect(result.issues.map((i) => `${i.code} ${i.tab}!${i.cell} ${i.value}`)).toEqual([
      'unknown_metric 本文!B2 未知の指標B',
      'unknown_metric 本文!B2 未知の指標A',
    ]);
  });
});

describe('the empty-year warning', () => {
  it('names the 設定 tab as the user named it (Settings), at A1, with no column', () => {
    const result = makeReport(rawWorkbook(tabs({ 費用: [COST_HEADER] })));
    expect(result.ok).toBe(true);
    expect(located(result.issues)).toEqual(['warning no_data_for_year Settings!A1 []']);
  });
});

describe('a failure while building the report', () => {
  /** A reference that reads as a number when checked and as text when rendered: the builder then throws. */
  function flipping(): Map<string, { text: string; sheet: string; column: number }> {
    let reads = 0;
    const map = new Map<string, { text: string; sheet: string; column: number }>();
    const get = map.get.bind(map);
    map.get = (key: string) => {
      const found = get(key);
      return found && reads++ > 0 ? { ...found, text: '文字' } : found;
    };
    map.set('集計!b3', { text: '12', sheet: '集計', column: 1 });
    return map;
  }

  it('is located at the 設定 tab as the user named it (Settings), at A1, with no column', () => {
    const body = {
      本文: [
        ['見出し', '本文'],
        ['a', '{{=集計!B3}}名'],
      ],
    };
    const result = makeReport(rawWorkbook(tabs(body)), { references: flipping() });
    expect(result.ok).toBe(false);
    expect(located(result.issues)).toEqual(['error internal_error Settings!A1 []']);
  });
});

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
          Settings: [
            ['項目', '値'],
            ['団体名', 'テスト'],
            ['その他の事業', '定款にない'],
          ],
          事業: [...PROGRAMS, ['他', '事業B', 'その他の事業', 2]],
        }),
      ),
    );
    expect(located(result.issues)).toEqual(['error missing_setting Settings!A4 [対象年度]']);
  });

  it('is run once a year is given: the same workbook with 対象年度 2022 names the その他の事業 row', () => {
    const result = checkWorkbook(
      rawWorkbook(
        tabs({
          Settings: [
            ['項目', '値'],
            ['団体名', 'テスト'],
            ['対象年度', 2022],
            ['その他の事業', '定款にない'],
          ],
          事業: [...PROGRAMS, ['他', '事業B', 'その他の事業', 2]],
        }),
      ),
    );
    expect(located(result.issues)).toEqual(['warning other_business_left_out Settings!B4 [その他の事業]']);
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
