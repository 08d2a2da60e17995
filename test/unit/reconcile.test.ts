// This file tests the reconciliation with the 活動計算書: the exact warnings (code, cell, ja and en text) at 設定 cells.

import { fiscalPeriod } from '../../src/core/fiscal-year';
import type { Issue } from '../../src/core/issues';
import { finalizeIssue } from '../../src/core/messages';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import { programYen, reconcileProgramCosts } from '../../src/core/reconcile';
import { rawWorkbook } from '../helpers/raw';

/**
 * FY2022 事業費: 紹介 1,400 + 育成 1,400 + 啓発 1,400 (特定非営利活動, 4,200 yen) and 寄付 1,500 + 物販 1,500
 * (その他の事業, 3,000 yen) = 7,200 yen. 管理費 5,000 and a FY2023 cost of 99,999 are not part of it.
 */
function tabs(settings: unknown[][] = [], extraCosts: unknown[][] = []): Record<string, unknown[][]> {
  return {
    設定: [['項目', '値'], ['団体名', 'テスト'], ['対象年度', 2022], ...settings],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      ['紹介', '職業紹介事業', '特定非営利活動'],
      ['育成', '育成事業', '特定非営利活動'],
      ['啓発', '啓発事業', '特定非営利活動'],
      ['寄付', '募金事業', 'その他の事業'],
      ['物販', '物品販売事業', 'その他の事業'],
    ],
    候補者: [['候補者ID', '氏名', '同意取得日']],
    企業: [['企業ID', '企業名']],
    イベント: [['イベントID', '事業内容', '種別', '開始日']],
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '紹介', '人件費', 1400],
      ['2022/5/1', '育成', 'その他経費', 1400],
      ['2022/6/1', '啓発', 'その他経費', 1400],
      ['2022/7/1', '寄付', 'その他経費', 1500],
      ['2022/8/1', '物販', 'その他経費', 1500],
      ['2022/9/1', '管理費', '人件費', 5000],
      ['2023/4/1', '紹介', '人件費', 99_999],
      ...extraCosts,
    ],
    本文: [['見出し', '本文']],
  };
}

const CODES = new Set(['statement_cost_mismatch', 'rounding_moved_rows']);

/** The reconciliation warnings, as `タブ!セル 列 code: message`. */
function warnings(issues: readonly Issue[]): string[] {
  return issues
    .filter((issue) => CODES.has(issue.code))
    .map((issue) => `${issue.severity} ${issue.tab}!${issue.cell} ${issue.column} ${issue.code}: ${issue.message}`);
}

function check(settings: unknown[][], language?: 'ja' | 'en', year?: number): string[] {
  return warnings(checkWorkbook(rawWorkbook(tabs(settings)), { language, year }).issues);
}

describe('活動計算書の事業費計 (setting)', () => {
  const read = (value: unknown) =>
    readWorkbook(rawWorkbook(tabs([['活動計算書の事業費計', value]]))).workbook.settings.statementProgramCost;

  it('reads yen and 千円 forms; a 千円 form that is not whole 千円 is compared in yen', () => {
    expect(read(7200)).toEqual({ yen: 7200, inThousands: false });
    expect(read('7,200円')).toEqual({ yen: 7200, inThousands: false });
    expect(read('12,345千円')).toEqual({ yen: 12_345_000, inThousands: true });
    expect(read('７千')).toEqual({ yen: 7000, inThousands: true });
    expect(read(' 7千円 ')).toEqual({ yen: 7000, inThousands: true });
    expect(read('1.5千円')).toEqual({ yen: 1500, inThousands: false });
    expect(read('')).toBeNull();
  });

  it('refuses a negative or unreadable figure at its 値 cell', () => {
    const issues = readWorkbook(rawWorkbook(tabs([['活動計算書の事業費計', '▲7,200']]))).issues;
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'invalid_setting',
        tab: '設定',
        cell: 'B4',
        column: '活動計算書の事業費計',
        value: '▲7,200',
        params: { expected: '12,345,678 / 12,346千円' },
      },
    ]);
    expect(readWorkbook(rawWorkbook(tabs([['活動計算書の事業費計', '約7千円']]))).issues.map((i) => i.code)).toEqual([
      'invalid_setting',
    ]);
  });
});

describe('statement_cost_mismatch', () => {
  it('says nothing when the figure matches the year’s 事業費 (管理費 and other years left out)', () => {
    expect(check([['活動計算書の事業費計', 7200]])).toEqual([]);
    expect(check([['活動計算書の事業費計', '7,200円']])).toEqual([]);
  });

  it('says nothing when the setting is not there', () => {
    expect(check([])).toEqual([]);
  });

  it('1 yen off: both figures and the difference, in yen, at the 値 cell (ja and en)', () => {
    expect(check([['活動計算書の事業費計', 7201]])).toEqual([
      'warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch: 活動計算書の事業費計（7,201円）と、費用タブのこの年度の事業費の合計（7,200円）が一致しません。差は1円です（費用タブのほうが少ない）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    ]);
    expect(check([['活動計算書の事業費計', 7201]], 'en')).toEqual([
      "warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch: The 活動計算書 (statement of activities) shows 事業費計 7,201 yen, but the 費用 tab's program costs of the year add up to 7,200 yen: 1 yen less in 費用. Check for missing costs, dates in another year, and 管理費 rows",
    ]);
  });

  it('1 yen under: the 費用 tab has more', () => {
    expect(check([['活動計算書の事業費計', 7199]])).toEqual([
      'warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch: 活動計算書の事業費計（7,199円）と、費用タブのこの年度の事業費の合計（7,200円）が一致しません。差は1円です（費用タブのほうが多い）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    ]);
  });

  it('a 千円 figure is compared in 千円: 7千円 matches 7,200 yen; 8千円 is 1千円 off; 7,000 yen is 200 yen off', () => {
    expect(check([['活動計算書の事業費計', '7千円']])).toEqual([]);
    expect(check([['活動計算書の事業費計', '8千円']])).toEqual([
      'warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch: 活動計算書の事業費計（8千円）と、費用タブのこの年度の事業費の合計（7千円。7,200円を千円単位にしたもの）が一致しません。差は1千円です（費用タブのほうが少ない）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    ]);
    expect(check([['活動計算書の事業費計', '8千円']], 'en')).toEqual([
      "warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch: The 活動計算書 (statement of activities) shows 事業費計 8 thousand yen, but the 費用 tab's program costs of the year add up to 7 thousand yen, 7,200 yen rounded: 1 thousand yen less in 費用. Check for missing costs, dates in another year, and 管理費 rows",
    ]);
    expect(check([['活動計算書の事業費計', 7000]])).toEqual([
      'warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch: 活動計算書の事業費計（7,000円）と、費用タブのこの年度の事業費の合計（7,200円）が一致しません。差は200円です（費用タブのほうが多い）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    ]);
  });

  it('rounds the yen sum to 千円 by 端数処理: 7,600 yen is 8千円 under 四捨五入 and 7千円 under 切り捨て', () => {
    const with400 = (rounding: string) =>
      warnings(
        checkWorkbook(
          rawWorkbook(
            tabs(
              [
                ['端数処理', rounding],
                ['活動計算書の事業費計', '8千円'],
              ],
              [['2022/10/1', '紹介', '人件費', 400]],
            ),
          ),
        ).issues,
      );
    expect(with400('四捨五入')).toEqual([]);
    expect(with400('合計に合わせる')).toEqual([
      expect.stringMatching(/^warning 設定!B4 端数処理 rounding_moved_rows: /),
    ]);
    expect(with400('切り捨て')).toEqual([
      'warning 設定!B5 活動計算書の事業費計 statement_cost_mismatch: 活動計算書の事業費計（8千円）と、費用タブのこの年度の事業費の合計（7千円。7,600円を千円単位にしたもの）が一致しません。差は1千円です（費用タブのほうが少ない）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    ]);
  });

  it('compares the year the report is made for (--year), not only 対象年度', () => {
    expect(check([['活動計算書の事業費計', 99_999]], 'ja', 2023)).toEqual([]);
    expect(check([['活動計算書の事業費計', 7200]], 'ja', 2023)).toEqual([
      'warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch: 活動計算書の事業費計（7,200円）と、費用タブのこの年度の事業費の合計（99,999円）が一致しません。差は92,799円です（費用タブのほうが多い）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    ]);
  });

  it('travels with the report (a warning does not stop it)', () => {
    const result = makeReport(rawWorkbook(tabs([['活動計算書の事業費計', 7201]])));
    expect(result.ok).toBe(true);
    expect(result.issues.filter((i) => CODES.has(i.code)).map((i) => [i.code, i.cell])).toEqual([
      ['statement_cost_mismatch', 'B4'],
    ]);
  });
});

describe('rounding_moved_rows (端数処理 合計に合わせる)', () => {
  // 特定非営利活動: 1,400 ×3 = 4,200 → 4; floors 1+1+1, one unit to the earliest row: 紹介 (事業!A2) 1 → 2.
  // その他の事業: 1,500 ×2 = 3,000 → 3; floors 1+1, one unit to 寄付 (A5): 物販 (A6) 2 → 1.
  it('lists each moved row with its cell, name and direction, at the 端数処理 cell (ja and en)', () => {
    expect(check([['端数処理', '合計に合わせる']])).toEqual([
      'warning 設定!B4 端数処理 rounding_moved_rows: 端数処理「合計に合わせる」により、区分ごとの合計に合うよう、次の事業の事業費（千円）を四捨五入から1千円動かしました: 事業!A2 紹介 1→2千円（+1）、事業!A6 物販 2→1千円（-1）',
    ]);
    expect(check([['端数処理', '合計に合わせる']], 'en')).toEqual([
      'warning 設定!B4 端数処理 rounding_moved_rows: 端数処理 合計に合わせる: so that each 区分 adds up to its total, these programs are printed 1 thousand yen away from their own rounding: 事業!A2 紹介 1 → 2 (+1); 事業!A6 物販 2 → 1 (-1)',
    ]);
  });

  it('says nothing under 四捨五入 or 切り捨て, nor when no row has to move', () => {
    expect(check([['端数処理', '四捨五入']])).toEqual([]);
    expect(check([['端数処理', '切り捨て']])).toEqual([]);
    // 紹介 1,000 (→ 1) and 寄付 1,600 (→ 2): each 区分's rows already add up to its total.
    const whole = tabs([['端数処理', '合計に合わせる']]);
    whole.費用 = [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '紹介', '人件費', 1000],
      ['2022/4/1', '寄付', '人件費', 1600],
    ];
    expect(warnings(checkWorkbook(rawWorkbook(whole)).issues)).toEqual([]);
  });

  it('locates the moved rows by the 事業内容 column wherever it is', () => {
    const moved = tabs([['端数処理', '合計に合わせる']]);
    moved.事業 = moved.事業.map((row) => [row[2], row[1], row[0]]);
    expect(warnings(checkWorkbook(rawWorkbook(moved)).issues)).toEqual([
      'warning 設定!B4 端数処理 rounding_moved_rows: 端数処理「合計に合わせる」により、区分ごとの合計に合うよう、次の事業の事業費（千円）を四捨五入から1千円動かしました: 事業!C2 紹介 1→2千円（+1）、事業!C6 物販 2→1千円（-1）',
    ]);
  });

  it('leaves out the rows of その他の事業 when the report leaves section (2) out (定款にない)', () => {
    const issues = checkWorkbook(
      rawWorkbook(
        tabs([
          ['端数処理', '合計に合わせる'],
          ['その他の事業', '定款にない'],
        ]),
      ),
    ).issues;
    expect(warnings(issues)).toEqual([
      'warning 設定!B4 端数処理 rounding_moved_rows: 端数処理「合計に合わせる」により、区分ごとの合計に合うよう、次の事業の事業費（千円）を四捨五入から1千円動かしました: 事業!A2 紹介 1→2千円（+1）',
    ]);
  });

  it('both warnings together, in 設定 row order', () => {
    expect(
      check([
        ['活動計算書の事業費計', 7201],
        ['端数処理', '合計に合わせる'],
      ]).map((line) => line.split(':')[0]),
    ).toEqual([
      'warning 設定!B4 活動計算書の事業費計 statement_cost_mismatch',
      'warning 設定!B5 端数処理 rounding_moved_rows',
    ]);
  });
});

describe('reconciliation details', () => {
  it('counts a cost whose 事業内容 differs from the 事業 only in width or case, as the report does', () => {
    const raw = tabs([['端数処理', '合計に合わせる']]);
    raw.事業 = [
      ['事業内容', '定款の事業名', '区分'],
      ['相談SOS', '相談事業', '特定非営利活動'],
      ['紹介', '職業紹介事業', '特定非営利活動'],
    ];
    // 相談ＳＯＳ 1,600 + 相談sos 100 = 1,700 (→ 2) and 紹介 1,600 (→ 2): 3,300 → 3, floors 1 + 1, one unit to the
    // larger remainder (相談SOS, 700): 紹介 moves 2 → 1. Missing the folded rows would give 相談SOS 1,600 instead.
    raw.費用 = [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '相談ＳＯＳ', '人件費', 1600],
      ['2022/4/1', '相談sos', '人件費', 100],
      ['2022/4/1', '紹介', '人件費', 1600],
    ];
    expect(warnings(checkWorkbook(rawWorkbook(raw)).issues)).toEqual([
      'warning 設定!B4 端数処理 rounding_moved_rows: 端数処理「合計に合わせる」により、区分ごとの合計に合うよう、次の事業の事業費（千円）を四捨五入から1千円動かしました: 事業!A3 紹介 2→1千円（-1）',
    ]);
  });

  it('names at most 20 moved rows, then how many more (ja and en)', () => {
    const moved = Array.from({ length: 22 }, (_, i) => ({
      place: `事業!A${i + 2}`,
      name: `事業${i}`,
      plain: 1000 + i,
      adjusted: 1001 + i,
    }));
    const draft = {
      severity: 'warning' as const,
      code: 'rounding_moved_rows' as const,
      tab: '設定',
      cell: 'B4',
      column: '端数処理',
      value: '',
      params: { moved },
    };
    const ja = finalizeIssue(draft, 'ja').message;
    expect(ja.endsWith('事業!A21 事業19 1,019→1,020千円（+1）、ほか2件')).toBe(true);
    expect(ja).not.toContain('事業!A22 ');
    const en = finalizeIssue(draft, 'en').message;
    expect(en.endsWith('事業!A21 事業19 1,019 → 1,020 (+1); and 2 more')).toBe(true);
    expect(finalizeIssue({ ...draft, params: { moved: moved.slice(0, 20) } }, 'ja').message).toMatch(
      /事業!A21 事業19 1,019→1,020千円（\+1）$/,
    );
  });
});

describe('the warning and the report agree', () => {
  it('under 合計に合わせる the tables print the moved rows as the warning says, and add up to the headings', () => {
    const result = makeReport(rawWorkbook(tabs([['端数処理', '合計に合わせる']])));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const blocks = result.report.blocks;
    const costs = blocks.flatMap((block) =>
      block.kind === 'table'
        ? [block.rows.map((row) => `${row[row.length - 2].text}=${row[row.length - 1].text}`)]
        : [],
    );
    // 紹介 1 → 2 (moved up), 物販 2 → 1 (moved down), as the warning lists them.
    expect(costs).toEqual([
      ['－=2', '－=1', '－=1'],
      ['－=2', '－=1'],
    ]);
    const headings = blocks.flatMap((block) => (block.kind === 'heading' && block.level === 2 ? [block.text] : []));
    expect(headings).toEqual([
      '（１）特定非営利活動に係る事業（事業費の総費用【 4 】千円）',
      '（２）その他の事業（事業費の総費用【 3 】千円）',
    ]);
  });
});

describe('issue fields beyond the message', () => {
  it('statement_cost_mismatch carries the typed figure in yen as its value and both figures as params', () => {
    const [issue] = checkWorkbook(rawWorkbook(tabs([['活動計算書の事業費計', '8千円']]))).issues.filter(
      (i) => i.code === 'statement_cost_mismatch',
    );
    expect([issue.value, issue.params.reconciliation]).toEqual([
      '8000',
      { statement: 8, costs: 7, inThousands: true, costsYen: 7200 },
    ]);
  });

  it('rounding_moved_rows quotes no value and lists the rows in 事業 tab order, whatever the 区分 order', () => {
    const raw = tabs([['端数処理', '合計に合わせる']]);
    // その他の事業 first (rows 2–3), then 特定非営利活動 (rows 4–6): 物販 (A3) comes before 紹介 (A4).
    raw.事業 = [raw.事業[0], raw.事業[4], raw.事業[5], raw.事業[1], raw.事業[2], raw.事業[3]];
    const [issue] = checkWorkbook(rawWorkbook(raw)).issues.filter((i) => i.code === 'rounding_moved_rows');
    expect([issue.value, issue.params.moved]).toEqual([
      '',
      [
        { place: '事業!A3', name: '物販', plain: 2, adjusted: 1 },
        { place: '事業!A4', name: '紹介', plain: 1, adjusted: 2 },
      ],
    ]);
  });
});

describe('tabs under their English names', () => {
  it('locates both warnings on the tabs as they are named (Settings, Programs)', () => {
    const {
      設定: settings,
      事業: programs,
      ...rest
    } = tabs([
      ['活動計算書の事業費計', 7201],
      ['端数処理', '合計に合わせる'],
    ]);
    const issues = checkWorkbook(rawWorkbook({ Settings: settings, Programs: programs, ...rest })).issues;
    expect(warnings(issues).map((line) => line.slice(0, line.indexOf(':', 30)))).toEqual([
      'warning Settings!B4 活動計算書の事業費計 statement_cost_mismatch',
      'warning Settings!B5 端数処理 rounding_moved_rows',
    ]);
    expect(issues.find((i) => i.code === 'rounding_moved_rows')?.params.moved?.map((m) => m.place)).toEqual([
      'Programs!A2',
      'Programs!A6',
    ]);
  });
});

describe('その他の事業 = 定款にない with rows of that 区分 (other_business_left_out)', () => {
  const leftOut = (settings: unknown[][], language?: 'ja' | 'en') =>
    checkWorkbook(rawWorkbook(tabs(settings)), { language })
      .issues.filter((issue) => issue.code === 'other_business_left_out')
      .map((issue) => `${issue.severity} ${issue.tab}!${issue.cell} ${issue.column}: ${issue.message}`);

  it('names the first row of the 区分 and how many rows the report leaves out, at the setting', () => {
    // 寄付 (row 5) and 物販 (row 6) are その他の事業: column C is 区分.
    expect(leftOut([['その他の事業', '定款にない']])).toEqual([
      'warning 設定!B4 その他の事業: その他の事業が「定款にない」なので、事業タブの区分「その他の事業」の2行（事業!C5 ほか）は報告書に載りません。定款にその他の事業があるなら「記載する」にしてください',
    ]);
    expect(leftOut([['その他の事業', '定款にない']], 'en')).toEqual([
      'warning 設定!B4 その他の事業: その他の事業 is 定款にない, so the 2 row(s) of 区分 その他の事業 on the 事業 tab (事業!C5 and more) are left out of the report. If the articles have その他の事業, set it to 記載する',
    ]);
  });

  it('says nothing under 記載する, or when no row is その他の事業', () => {
    expect(leftOut([['その他の事業', '記載する']])).toEqual([]);
    expect(leftOut([])).toEqual([]);
    const onlySpecified = tabs([['その他の事業', '定款にない']]);
    onlySpecified.事業 = onlySpecified.事業.slice(0, 5);
    onlySpecified.事業[4] = ['寄付', '募金事業', '特定非営利活動'];
    const issues = checkWorkbook(rawWorkbook(onlySpecified)).issues;
    expect(issues.filter((issue) => issue.code === 'other_business_left_out')).toEqual([]);
  });

  it('names the row on the tab as it is named (Programs), and quotes no value', () => {
    const english = tabs([['その他の事業', '定款にない']]);
    english.Programs = english.事業;
    delete english.事業;
    const issues = checkWorkbook(rawWorkbook(english)).issues.filter(
      (issue) => issue.code === 'other_business_left_out',
    );
    expect(issues.map((issue) => [issue.value, issue.params])).toEqual([['', { count: 2, other: 'Programs!C5' }]]);
  });

  it('with one row, names it without ほか', () => {
    const one = tabs([['その他の事業', '定款にない']]);
    one.事業 = one.事業.slice(0, 5);
    const messages = checkWorkbook(rawWorkbook(one))
      .issues.filter((issue) => issue.code === 'other_business_left_out')
      .map((issue) => issue.message);
    expect(messages).toEqual([
      'その他の事業が「定款にない」なので、事業タブの区分「その他の事業」の1行（事業!C5）は報告書に載りません。定款にその他の事業があるなら「記載する」にしてください',
    ]);
  });
});

describe('programYen and the fallbacks of a workbook with no tab names or 設定 cells', () => {
  it('gives a blank 事業内容 none of the costs whose 事業内容 is blank, with or without a 費目', () => {
    // A 費用 row with no 事業内容 (700 yen, 人件費) belongs to no 事業: a 事業 row with a blank 事業内容 looks up ''.
    const { workbook } = readWorkbook(rawWorkbook(tabs([], [['2022/10/1', '', '人件費', 700]])));
    const yen = programYen(workbook, fiscalPeriod(2022));
    expect([yen(''), yen('', '人件費'), yen('紹介'), yen('紹介', '人件費'), yen('紹介', 'その他経費')]).toEqual([
      0, 0, 1400, 1400, 0,
    ]);
  });

  it('places every warning at 設定!A1, and names rows on 事業 column A, when the workbook carries no names or cells', () => {
    const { workbook } = readWorkbook(
      rawWorkbook(
        tabs([
          ['活動計算書の事業費計', 7201],
          ['端数処理', '合計に合わせる'],
          ['その他の事業', '定款にない'],
        ]),
      ),
    );
    const noPlace = { name: null, columns: {}, headers: {} };
    const bare = {
      ...workbook,
      settings: { ...workbook.settings, settingCells: {} },
      layouts: { ...workbook.layouts, settings: noPlace, programs: noPlace },
    };
    // 定款にない leaves その他の事業 out of the rounding: 紹介 1,400 + 育成 1,400 + 啓発 1,400 = 4,200 → 4, floors
    // 1 + 1 + 1, one unit to the earliest row (紹介, row 2): 1 → 2. 寄付 (row 5) is the first その他の事業 row.
    expect(reconcileProgramCosts(bare, fiscalPeriod(2022))).toEqual([
      {
        severity: 'warning',
        tab: '設定',
        cell: 'A1',
        column: '活動計算書の事業費計',
        code: 'statement_cost_mismatch',
        value: '7201',
        params: { reconciliation: { statement: 7201, costs: 7200, inThousands: false, costsYen: 7200 } },
      },
      {
        severity: 'warning',
        tab: '設定',
        cell: 'A1',
        column: '端数処理',
        code: 'rounding_moved_rows',
        value: '',
        params: { moved: [{ place: '事業!A2', name: '紹介', plain: 1, adjusted: 2 }] },
      },
      {
        severity: 'warning',
        tab: '設定',
        cell: 'A1',
        column: 'その他の事業',
        code: 'other_business_left_out',
        value: '',
        params: { count: 2, other: '事業!A5' },
      },
    ]);
  });
});
