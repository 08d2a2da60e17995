// This file holds hostile input for the 活動計算書 reconciliation and 端数処理 合計に合わせる: huge, odd and planted values.
import type { Issue } from '../../src/core/issues';
import { checkWorkbook } from '../../src/core/pipeline';
import { rawWorkbook } from '../helpers/raw';

const SENTINEL = 'SENTINEL_山田太郎';
const CODES = new Set(['invalid_setting', 'statement_cost_mismatch', 'rounding_moved_rows']);

/** 設定 row 4 = 端数処理, row 5 = 活動計算書の事業費計; 事業 and 費用 as given. */
function tabs(statement: unknown, programs: unknown[][], costs: unknown[][]): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト'],
      ['対象年度', 2022],
      ['端数処理', '合計に合わせる'],
      ['活動計算書の事業費計', statement],
    ],
    事業: [['事業内容', '定款の事業名', '区分'], ...programs],
    費用: [['日付', '事業内容', '費目', '金額'], ...costs],
    本文: [['見出し', '本文']],
  };
}

const ONE_PROGRAM = [['紹介', '職業紹介事業', '特定非営利活動']];
const ONE_COST = [['2022/4/1', '紹介', '人件費', 1000]];

function reconciliation(raw: Record<string, unknown[][]>): Issue[] {
  return checkWorkbook(rawWorkbook(raw)).issues.filter((issue) => CODES.has(issue.code));
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('活動計算書の事業費計 that is not a figure', () => {
  it('200,000 digits before 千円: refused at its cell at once, never compared', () => {
    const { result, ms } = timed(() => reconciliation(tabs(`${'9'.repeat(200_000)}千円`, ONE_PROGRAM, ONE_COST)));
    expect(ms).toBeLessThan(1000);
    expect(result.map((issue) => `${issue.cell} ${issue.code}`)).toEqual(['B5 invalid_setting']);
  });

  it.each([
    [1e308, '1e+308'],
    [Number.NaN, 'NaN'],
    [-7200, '-7200'],
    ['(7,200)', '(7,200)'],
    ['7,200ドル', '7,200ドル'],
  ])('%p is an error at 設定!B5 naming what is expected', (value, shown) => {
    expect(reconciliation(tabs(value, ONE_PROGRAM, ONE_COST)).map((issue) => `${issue.cell} ${issue.message}`)).toEqual(
      [`B5 設定「活動計算書の事業費計」の「${shown}」は使えません（例: 12,345,678 / 12,346千円）`],
    );
  });

  it('full-width digits and commas in 千円 are read as the staff member typed them', () => {
    expect(reconciliation(tabs('１２，３４５千円', ONE_PROGRAM, ONE_COST)).map((issue) => issue.message)).toEqual([
      '活動計算書の事業費計（12,345千円）と、費用タブのこの年度の事業費の合計（1千円。1,000円を千円単位にしたもの）が一致しません。差は12,344千円です（費用タブのほうが少ない）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    ]);
  });
});

describe('合計に合わせる over a hostile 事業 tab', () => {
  it('5,000 事業 and 50,000 費用 rows: one pass, one warning naming 20 rows and how many more', () => {
    // Each 事業 has one cost of 1,400 yen: 7,000,000 yen → 7,000 千円; floors 5,000, so the first 2,000 rows
    // (ties of remainder 400, by sheet row) go up from 1 to 2. 45,000 more costs fall in FY2023 and count for nothing.
    const programs = Array.from({ length: 5000 }, (_, i) => [`事業${i}`, '定款の事業', '特定非営利活動']);
    const costs = [
      ...programs.map((program) => ['2022/4/1', program[0], '人件費', 1400]),
      ...Array.from({ length: 45_000 }, (_, i) => ['2023/4/1', `事業${i % 5000}`, '人件費', 999]),
    ];
    const { result, ms } = timed(() => reconciliation(tabs(7_000_000, programs, costs)));
    expect(ms).toBeLessThan(5000);
    expect(result).toHaveLength(1);
    const [moved] = result;
    expect([moved.cell, moved.code, moved.params.moved?.length]).toEqual(['B4', 'rounding_moved_rows', 2000]);
    const named = Array.from({ length: 20 }, (_, i) => `事業!A${i + 2} 事業${i} 1→2千円（+1）`).join('、');
    expect(moved.message).toBe(
      `端数処理「合計に合わせる」により、区分ごとの合計に合うよう、次の事業の事業費（千円）を四捨五入から1千円動かしました: ${named}、ほか1980件`,
    );
  });

  it('a control character or a line break in a 事業内容 does not reach the warning', () => {
    const programs = [
      ['紹\u0007介', '職業紹介事業', '特定非営利活動'],
      ['育\n成', '育成事業', '特定非営利活動'],
    ];
    const costs = [
      ['2022/4/1', '紹\u0007介', '人件費', 1500],
      ['2022/4/1', '育\n成', '人件費', 1500],
    ];
    // 3,000 → 3; floors 1 + 1, one unit to the first row: 育成 (row 3) 2 → 1.
    const [moved] = reconciliation(tabs('', programs, costs));
    expect(moved.message).toBe(
      '端数処理「合計に合わせる」により、区分ごとの合計に合うよう、次の事業の事業費（千円）を四捨五入から1千円動かしました: 事業!A3 育 成 2→1千円（-1）',
    );
  });

  it('a name planted in every 候補者 column reaches no reconciliation warning', () => {
    const raw = tabs(9999, ONE_PROGRAM, [
      ['2022/4/1', '紹介', '人件費', 1400],
      ['2022/4/1', '紹介', '人件費', 100],
    ]);
    raw.候補者 = [
      ['候補者ID', '氏名', '国籍', '属性', '初回接点日', '同意取得日', '備考'],
      [SENTINEL, SENTINEL, SENTINEL, SENTINEL, '2022/4/1', '2022/4/1', SENTINEL],
    ];
    const issues = checkWorkbook(rawWorkbook(raw)).issues;
    expect(issues.filter((issue) => CODES.has(issue.code)).map((issue) => issue.code)).toEqual([
      'statement_cost_mismatch',
    ]);
    expect(JSON.stringify(issues)).not.toContain('SENTINEL');
  });
});
