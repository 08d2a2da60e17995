// This file tests the 職業紹介事業報告 metrics (issue 13, DESIGN §9) and the checks of 求人 and the 職業紹介 columns
// of 候補者 on small hand-built workbooks: every expected figure is worked out by hand in the comments beside it.

import { periodFromSettings } from '../../src/core/fiscal-year';
import { evaluateFormula } from '../../src/core/formulas';
import { inputRuleFor } from '../../src/core/input-rules';
import { type Filters, findMetric, type MetricContext, shokaiPeriod } from '../../src/core/metrics';
import { checkWorkbook } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import { type ColumnDef, tabDef } from '../../src/core/schema';
import { rawWorkbook } from '../helpers/raw';

/** 'YYYY-MM-DD' → days since 1970-01-01, computed here without the code under test. */
const day = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

type Tabs = Record<string, unknown[][]>;

const PROGRAMS = [
  ['事業内容', '定款の事業名', '区分'],
  ['紹介', '職業紹介事業', '特定非営利活動'],
];
const NO_COSTS = [['日付', '事業内容', '費目', '金額']];
const COMPANIES = [
  ['企業ID', '企業名', '新規求人数', '求人受理日'],
  ['K1', '架空一株式会社', 99, '2022/5/1'],
  ['K2', '架空二株式会社', 5, '2022/3/31'], // the day before FY2022
  ['K3', '架空三株式会社', 7, '2023/3/31'], // the last day of FY2022
];

function settings(extra: unknown[][] = []): unknown[][] {
  return [['項目', '値'], ['団体名', 'テスト団体'], ['対象年度', 2022], ...extra];
}

/** Reads and checks a workbook (no error allowed, so the data means what the test says). */
function context(tabs: Tabs, settingRows: unknown[][] = []): MetricContext {
  const raw = rawWorkbook({ 設定: settings(settingRows), 事業: PROGRAMS, 費用: NO_COSTS, 企業: COMPANIES, ...tabs });
  const { workbook, issues } = checkWorkbook(raw);
  expect(issues.filter((issue) => issue.severity === 'error').map((i) => `${i.tab}!${i.cell} ${i.message}`)).toEqual(
    [],
  );
  return { workbook, period: periodFromSettings(workbook.settings, workbook.settings.fiscalYear as number) };
}

function figure(ctx: () => MetricContext, id: string, filters: Filters = {}): number {
  const metric = findMetric(id);
  if (!metric) throw new Error(`no metric ${id}`);
  return metric.compute(ctx(), filters);
}

// ---------------------------------------------------------------------------------------------------------------
// 求職: 新規求職申込件数 and 有効求職者数. FY2022 = 2022-04-01 … 2023-03-31.
const SEEKERS: unknown[][] = [
  ['候補者ID', '属性', '登録日', '求職申込日', '求職有効期限', '就職日', '就職経路', '国外'],
  ['S01', '', '2022/4/1', '', '2023/3/31', '', '', ''], // new (4/1, from 登録日); active (expires on 3/31 itself)
  ['S02', '', '2022/3/31', '', '2023/3/30', '', '', ''], // applied the year before; expired the day before 3/31
  ['S03', '', '2022/1/1', '2023/3/31', '2023/6/30', '', '', ''], // 求職申込日 3/31 wins over 登録日: new, active
  ['S04', '', '2022/5/1', '2023/4/1', '2023/9/30', '', '', ''], // 求職申込日 4/1 (after the year) wins: neither
  ['S05', '', '2021/10/1', '', '2023/4/1', '', '', ''], // applied the previous year, still valid: active only
  ['S06', '', '2022/6/1', '', '2023/12/31', '2022/9/1', '自己応募', ''], // new; the placement ends it (any route)
  ['S07', '', '2022/6/1', '', '2023/12/31', '2023/4/1', '職業紹介', ''], // new; placed after 3/31: still active
  ['S08', '', '2022/7/1', '', '', '', '', ''], // new; no 求職有効期限: not counted as active
  ['S09', '', '2022/7/1', '', '2023/12/31', '', '', 'はい'], // 国外: only with 国外=はい (new and active)
  ['S10', '', '', '2022/5/1', '2023/12/31', '2022/3/1', '職業紹介', ''], // placed before applying: new and active
  ['S11', '', '', '', '2023/12/31', '', '', ''], // never applied: nothing
  ['S12', '難民認定', '2022/8/1', '', '2023/3/31', '', '', ''], // new and active, the only 難民認定
  ['S13', '', '2022/9/1', '', '2023/12/31', '2022/9/1', '職業紹介', ''], // new; placed the day it applied: not active
  ['S14', '', '2022/10/1', '', '2023/12/31', '2023/3/31', '職業紹介', ''], // new; placed on 3/31 itself: not active
];

describe('新規求職申込件数 and 有効求職者数 (求職)', () => {
  const ctx = (): MetricContext => context({ 候補者: SEEKERS });

  it('新規求職申込件数 counts 求職申込日 (else 登録日) from 4/1 to 3/31, 国内 only', () => {
    // S01 S03 S06 S07 S08 S10 S12 S13 S14; not S02 (3/31 before), S04 (4/1 after), S05, S09 (国外), S11.
    expect(figure(ctx, '新規求職申込件数')).toBe(9);
  });

  it('有効求職者数: applied by 3/31, valid on 3/31, not placed by then', () => {
    // S01 S03 S05 S07 S10 S12; not S02 (expired 3/30), S04, S06 (placed 9/1), S08 (no 有効期限), S09 (国外), S11,
    // S13 (placed on the day it applied), S14 (placed on 3/31).
    expect(figure(ctx, '有効求職者数')).toBe(6);
  });

  it('国外=はい gives the 国外 figures, both values the sum', () => {
    expect(figure(ctx, '新規求職申込件数', { 国外: ['はい'] })).toBe(1); // S09
    expect(figure(ctx, '有効求職者数', { 国外: ['はい'] })).toBe(1); // S09
    expect(figure(ctx, '新規求職申込件数', { 国外: ['いいえ'] })).toBe(9);
    expect(figure(ctx, '新規求職申込件数', { 国外: [] })).toBe(9); // an empty list is no condition: 国内
    expect(figure(ctx, '新規求職申込件数', { 国外: ['はい', 'いいえ'] })).toBe(10);
    expect(figure(ctx, '有効求職者数', { 国外: ['はい', 'いいえ'] })).toBe(7);
  });

  it('filters by 属性', () => {
    expect(figure(ctx, '新規求職申込件数', { 属性: ['難民認定'] })).toBe(1); // S12
    expect(figure(ctx, '有効求職者数', { 属性: ['難民認定'] })).toBe(1);
  });

  it('stays April–March when 年度開始月 is 1, where 登録者数 follows the calendar year', () => {
    const january = (): MetricContext => context({ 候補者: SEEKERS }, [['年度開始月', 1]]);
    expect(figure(january, '新規求職申込件数')).toBe(9);
    expect(figure(january, '有効求職者数')).toBe(6);
    // 登録日 in 2022: S01 S02 S03 S04 S06 S07 S08 S09 S12 S13 S14 (April–March: S01 S04 S06–S09 S12 S13 S14).
    expect(figure(january, '登録者数')).toBe(11);
    expect(figure(ctx, '登録者数')).toBe(9);
  });

  it('ignores 初年度開始日: the form covers the whole of April–March', () => {
    const late = (): MetricContext => context({ 候補者: SEEKERS }, [['初年度開始日', '2022/6/1']]);
    expect(figure(late, '新規求職申込件数')).toBe(9); // S01 (4/1) and S10 (5/1) still in
    expect(figure(late, '登録者数')).toBe(7); // from 6/1: S06 S07 S08 S09 S12 S13 S14
  });
});

describe('shokaiPeriod', () => {
  it('is April–March of the 年度 whatever the period of the settings, and leaves a period without start alone', () => {
    expect(shokaiPeriod({ year: 2022, start: day('2022-01-01'), end: day('2022-12-31') })).toEqual({
      year: 2022,
      start: day('2022-04-01'),
      end: day('2023-03-31'),
    });
    const everyRow = { year: 0, start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };
    expect(shokaiPeriod(everyRow)).toBe(everyRow);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 求人: 常用・臨時・日雇求人数 (受理日 in April–March), 有効求人数 (valid on 3/31), 新規求人数, and the 企業 fallback.
const ORDERS: unknown[][] = [
  ['求人ID', '企業ID', '受理日', '有効期限', '求人数', '雇用期間', '国外'],
  ['J01', 'K1', '2022/4/1', '2023/3/31', 3, '期間の定めなし', ''], // 常用 3; active (expires on 3/31)
  ['J02', 'K1', '2022/3/31', '2023/4/1', 2, '4か月以上', 'いいえ'], // received the previous year: active only
  ['J03', 'K2', '2023/3/31', '', 1, '4か月以上', ''], // 常用 1 (4 months is 常用); no 有効期限: not active
  ['J04', 'K2', '2023/4/1', '2023/9/30', 5, '期間の定めなし', ''], // received after the year: nothing
  ['J05', 'K2', '2022/6/1', '2023/3/30', 2, '1か月以上4か月未満', ''], // 臨時 2; expired 3/30: not active
  ['J06', 'K1', '2022/7/1', '2023/5/31', 4, '1か月未満', ''], // 日雇 4; active
  ['J07', 'K1', '2022/8/1', '2023/8/31', 6, '期間の定めなし', 'はい'], // 国外: 常用 6 and active 6 with 国外=はい
  ['J08', 'K2', '2022/9/1', '2023/3/31', 1, '1か月以上4か月未満', ''], // 臨時 1; active
  ['J09', 'K1', '2023/3/31', '2023/6/30', 1, '期間の定めなし', ''], // received on 3/31 itself: 常用 1, active
];

describe('求人 metrics (常用・臨時・日雇求人数, 有効求人数)', () => {
  const ctx = (): MetricContext => context({ 求人: ORDERS });

  it('sum 求人数 (not rows) by 雇用期間, 受理日 from 4/1 to 3/31, 国内', () => {
    expect(figure(ctx, '常用求人数')).toBe(5); // J01 3 + J03 1 + J09 1
    expect(figure(ctx, '臨時求人数')).toBe(3); // J05 2 + J08 1
    expect(figure(ctx, '日雇求人数')).toBe(4); // J06
  });

  it('有効求人数: received by 3/31 (also the year before) and valid on 3/31', () => {
    expect(figure(ctx, '有効求人数')).toBe(11); // J01 3 + J02 2 + J06 4 + J08 1 + J09 1
    expect(figure(ctx, '有効求人数', { 雇用期間: ['期間の定めなし'] })).toBe(4); // J01 3 + J09 1 (J07 is 国外)
    expect(figure(ctx, '有効求人数', { 雇用期間: ['1か月未満', '1か月以上4か月未満'] })).toBe(5); // J06 4 + J08 1
  });

  it('国外=はい gives the 国外 orders, both values the sum', () => {
    expect(figure(ctx, '常用求人数', { 国外: ['はい'] })).toBe(6);
    expect(figure(ctx, '臨時求人数', { 国外: ['はい'] })).toBe(0);
    expect(figure(ctx, '有効求人数', { 国外: ['はい'] })).toBe(6);
    expect(figure(ctx, '常用求人数', { 国外: ['はい', 'いいえ'] })).toBe(11);
    expect(figure(ctx, '有効求人数', { 国外: ['はい', 'いいえ'] })).toBe(17);
  });

  it('新規求人数 reads 求人 (国外 included, 企業.新規求人数 ignored) once 求人 has rows', () => {
    // J01 3 + J03 1 + J05 2 + J06 4 + J07 6 + J08 1 + J09 1; 企業 would give K1 99 + K3 7.
    expect(figure(ctx, '新規求人数')).toBe(18);
  });

  it('with 年度開始月 1, 新規求人数 follows the calendar year and the 求人 figures stay April–March', () => {
    const january = (): MetricContext => context({ 求人: ORDERS }, [['年度開始月', 1]]);
    expect(figure(january, '新規求人数')).toBe(18); // 受理日 in 2022: J01 3, J02 2, J05 2, J06 4, J07 6, J08 1
    expect(figure(january, '常用求人数')).toBe(5);
    expect(figure(january, '有効求人数')).toBe(11);
  });

  it('without 求人 rows, 企業.新規求人数 counts as 常用 and 国内; 臨時, 日雇 and 有効 are 0', () => {
    for (const tabs of [{}, { 求人: [ORDERS[0]] }] as Tabs[]) {
      const fallback = (): MetricContext => context(tabs);
      expect(figure(fallback, '常用求人数')).toBe(106); // K1 5/1 99 + K3 3/31 7; not K2 (the year before)
      expect(figure(fallback, '常用求人数', { 国外: ['はい'] })).toBe(0);
      expect(figure(fallback, '常用求人数', { 国外: ['はい', 'いいえ'] })).toBe(106);
      expect(figure(fallback, '臨時求人数')).toBe(0);
      expect(figure(fallback, '日雇求人数')).toBe(0);
      expect(figure(fallback, '有効求人数')).toBe(0);
      expect(figure(fallback, '新規求人数')).toBe(106);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 就職: placements through 職業紹介 with 就職日 in April–March, 国内, by 雇用期間; 無期雇用, 6か月以内離職, 不明, 手数料.
const PLACEMENTS: unknown[][] = [
  [
    '候補者ID',
    '属性',
    '就職日',
    '就職経路',
    '雇用形態',
    '無期雇用',
    '雇用期間',
    '離職日',
    '離職理由',
    '手数料',
    '国外',
  ],
  ['P01', '避難民', '2022/4/1', '職業紹介', '正社員', 'はい', '期間の定めなし', '', '', 100000, ''],
  ['P02', '', '2022/3/31', '職業紹介', '正社員', 'はい', '期間の定めなし', '2022/5/1', '解雇以外', 50000, ''],
  ['P03', '', '2023/3/31', '職業紹介', '契約社員', 'いいえ', '4か月以上', '', '', 30000, ''],
  ['P04', '', '2023/4/1', '職業紹介', '正社員', 'はい', '期間の定めなし', '', '', 70000, ''],
  ['P05', '難民認定', '2022/5/10', '職業紹介', '正社員', 'はい', '', '2022/11/9', '解雇以外', '', ''],
  ['P06', '', '2022/5/10', '職業紹介', '正社員', 'はい', '期間の定めなし', '2022/11/10', '解雇以外', '', ''],
  ['P07', '', '2022/6/1', '職業紹介', '正社員', 'はい', '期間の定めなし', '2022/7/1', '解雇', '', ''],
  ['P08', '', '2022/6/1', '職業紹介', '契約社員', 'いいえ', '1か月以上4か月未満', '2022/8/31', '解雇以外', 20000, ''],
  ['P09', '', '2022/7/1', '職業紹介', '日雇', 'いいえ', '1か月未満', '2022/7/20', '', '', ''],
  ['P10', '難民認定', '2022/8/31', '職業紹介', '正社員', 'はい', '期間の定めなし', '2023/2/28', '', '', ''],
  ['P11', '', '2022/9/1', '職業紹介', '正社員', 'はい', '期間の定めなし', '', '不明', '', ''],
  ['P12', '', '2022/9/1', '職業紹介', '正社員', 'はい', '期間の定めなし', '2022/10/1', '不明', '', ''],
  ['P13', '', '2022/10/1', '自己応募', '正社員', 'はい', '期間の定めなし', '2022/11/1', '解雇以外', 8000, ''],
  ['P14', '', '2022/10/1', '職業紹介', '正社員', 'はい', '期間の定めなし', '2022/12/1', '解雇以外', 200000, 'はい'],
  ['P15', '', '2022/11/1', '職業紹介', '正社員', '', '期間の定めなし', '', '', 10000, ''],
  ['P16', '', '2022/12/1', '職業紹介', 'パート', 'いいえ', '', '', '', 5000, ''],
  ['P17', '', '2023/1/4', '職業紹介', '正社員', 'はい', '4か月以上', '', '', '', ''],
  ['P18', '', '2022/12/1', '職業紹介', '正社員', '', '4か月以上', '', '', '', ''], // 常用, not 無期
  ['P19', '', '2022/12/1', '職業紹介', '契約社員', 'いいえ', '期間の定めなし', '', '', '', ''], // 常用, not 無期
  ['P20', '', '2022/12/1', '職業紹介', 'パート', '', '', '', '', '', ''], // no 雇用期間, not 無期
  ['P21', '', '2023/2/1', '職業紹介', '正社員', '', '期間の定めなし', '', '', '', ''], // 常用 and 無期 (like P15)
];
// In the year through 職業紹介, 国内: P01 P03 P05–P12 P15–P21. Not: P02 (3/31, the day before), P04 (4/1, the day
// after), P13 (自己応募), P14 (国外).

describe('placement metrics (就職件数, 無期雇用, 6か月以内離職, 離職不明, 手数料)', () => {
  const ctx = (): MetricContext => context({ 候補者: PLACEMENTS });

  it('常用就職件数: 期間の定めなし and 4か月以上; a blank 雇用期間 of a 無期雇用 row is 期間の定めなし', () => {
    // P01 P03 (4か月以上) P05 (blank, 無期) P06 P07 P10 P11 P12 P15 P17 P18 (4か月以上) P19 P21; not P08 P09, nor
    // P16 and P20 (blank and not 無期).
    expect(figure(ctx, '常用就職件数')).toBe(13);
  });

  it('臨時 is 1か月以上4か月未満 and 日雇 1か月未満 (the 4-month and 1-month boundaries)', () => {
    expect(figure(ctx, '臨時就職件数')).toBe(1); // P08
    expect(figure(ctx, '日雇就職件数')).toBe(1); // P09
  });

  it('無期雇用就職件数 reads 無期雇用, and 雇用期間 期間の定めなし when 無期雇用 is blank', () => {
    // P01 P05 P06 P07 P10 P11 P12 P15 P21 (blank 無期雇用, 期間の定めなし) P17 (はい with 4か月以上: 無期雇用
    // decides). Not P18 (blank, 4か月以上), P19 (いいえ with 期間の定めなし: 無期雇用 decides), P20 (blank, blank).
    expect(figure(ctx, '無期雇用就職件数')).toBe(10);
  });

  it('a blank 無期雇用 counts as 無期 only with 雇用期間 期間の定めなし (not 4か月以上, not blank)', () => {
    // N1 and N2 (blank, 期間の定めなし) count; N3 (blank, 4か月以上) does not: 2, where the sum above could not tell
    // which blank rows were counted (two 期間の定めなし, two others).
    const blanks = (): MetricContext =>
      context({
        候補者: [
          PLACEMENTS[0],
          ['N1', '', '2022/6/1', '職業紹介', '正社員', '', '期間の定めなし', '', '', '', ''],
          ['N2', '', '2022/7/1', '職業紹介', '正社員', '', '期間の定めなし', '', '', '', ''],
          ['N3', '', '2022/8/1', '職業紹介', '正社員', '', '4か月以上', '', '', '', ''],
        ],
      });
    expect(figure(blanks, '無期雇用就職件数')).toBe(2);
  });

  it('6か月以内離職者数: 無期雇用, left within six months, not 解雇, not 不明', () => {
    // P05 5/10 → 11/9 (the last day) and P10 8/31 → 2/28 (blank reason = 解雇以外). Not P06 (11/10, a day late),
    // P07 (解雇), P08 (有期: the definition before issue 13 counted it), P12 (不明), P02 (hired the year before).
    expect(figure(ctx, '6か月以内離職者数')).toBe(2);
  });

  it('離職不明者数: 無期雇用 placements whose 離職理由 is 不明, left or not', () => {
    expect(figure(ctx, '離職不明者数')).toBe(2); // P11, P12
  });

  it('手数料収入 sums 手数料 of the placements counted (yen)', () => {
    // P01 100,000 + P03 30,000 + P08 20,000 + P15 10,000 + P16 5,000; not P02, P04 (outside), P13, P14 (国外).
    expect(figure(ctx, '手数料収入')).toBe(165_000);
  });

  it('国外=はい gives the 国外 placements', () => {
    const abroad = { 国外: ['はい'] };
    expect(figure(ctx, '常用就職件数', abroad)).toBe(1); // P14
    expect(figure(ctx, '無期雇用就職件数', abroad)).toBe(1);
    expect(figure(ctx, '6か月以内離職者数', abroad)).toBe(1); // 10/1 → 12/1
    expect(figure(ctx, '離職不明者数', abroad)).toBe(0);
    expect(figure(ctx, '臨時就職件数', abroad)).toBe(0);
    expect(figure(ctx, '手数料収入', abroad)).toBe(200_000);
    expect(figure(ctx, '常用就職件数', { 国外: ['はい', 'いいえ'] })).toBe(14);
  });

  it('就職経路 defaults to 職業紹介; a 就職経路 condition counts that route instead', () => {
    const self = { 就職経路: ['自己応募'] };
    expect(figure(ctx, '常用就職件数', self)).toBe(1); // P13
    expect(figure(ctx, '無期雇用就職件数', self)).toBe(1);
    expect(figure(ctx, '6か月以内離職者数', self)).toBe(1); // 10/1 → 11/1
    expect(figure(ctx, '手数料収入', self)).toBe(8_000);
    expect(figure(ctx, '常用就職件数', { 就職経路: ['職業紹介', '自己応募'] })).toBe(14);
    expect(figure(ctx, '6か月以内離職者数', { 就職経路: [] })).toBe(2); // an empty list is no condition
  });

  it('filters by 属性 and 雇用形態', () => {
    expect(figure(ctx, '6か月以内離職者数', { 属性: ['難民認定'] })).toBe(2); // P05, P10
    expect(figure(ctx, '無期雇用就職件数', { 属性: ['難民認定'] })).toBe(2);
    expect(figure(ctx, '常用就職件数', { 属性: ['避難民'] })).toBe(1); // P01
    expect(figure(ctx, '常用就職件数', { 雇用形態: ['契約社員'] })).toBe(2); // P03, P19 (P08 is 臨時)
  });

  it('stays April–March with 年度開始月 10, where 就職者数 follows October–September', () => {
    const october = (): MetricContext => context({ 候補者: PLACEMENTS }, [['年度開始月', 10]]);
    expect(figure(october, '常用就職件数')).toBe(13);
    expect(figure(october, '6か月以内離職者数')).toBe(2);
    expect(figure(october, '手数料収入')).toBe(165_000);
    // 2022/10/1 … 2023/9/30 through 職業紹介: P03 P04 P14–P21 (April–March would be 18).
    expect(figure(october, '就職者数', { 就職経路: ['職業紹介'] })).toBe(10);
    expect(figure(ctx, '就職者数', { 就職経路: ['職業紹介'] })).toBe(18);
  });

  it('a 離職日 before the 就職日 is never a leaver within six months (read without the checks that refuse it)', () => {
    const { workbook } = readWorkbook(
      rawWorkbook({
        設定: settings(),
        候補者: [
          ['候補者ID', '就職日', '就職経路', '無期雇用', '離職日'],
          ['Q1', '2022/7/1', '職業紹介', 'はい', '2022/6/30'],
          ['Q2', '2022/7/1', '職業紹介', 'はい', '2022/7/1'],
        ],
      }),
    );
    const metric = findMetric('6か月以内離職者数');
    expect(metric?.compute({ workbook, period: periodFromSettings(workbook.settings, 2022) }, {})).toBe(1); // Q2
  });
});

describe('the same figures through JIGYO_METRIC (formulas read the tabs the metric lists)', () => {
  const raw = () =>
    rawWorkbook({ 設定: settings(), 事業: PROGRAMS, 企業: COMPANIES, 求人: ORDERS, 候補者: PLACEMENTS });

  it('gives the hand-worked figures, with conditions', () => {
    expect(evaluateFormula(raw(), { metric: '常用就職件数' })).toBe(13);
    expect(evaluateFormula(raw(), { metric: '常用就職件数', filters: { 国外: 'はい' } })).toBe(1);
    expect(evaluateFormula(raw(), { metric: '有効求人数', filters: { 雇用期間: '期間の定めなし' } })).toBe(4);
    expect(evaluateFormula(raw(), { metric: '常用求人数', year: 2022 })).toBe(5);
    expect(evaluateFormula(raw(), { metric: '手数料収入' })).toBe(165_000);
  });

  it('refuses a 国外 or 雇用期間 value that is not one of the choices', () => {
    expect(() => evaluateFormula(raw(), { metric: '常用求人数', filters: { 国外: '海外' } })).toThrow(
      '国外「海外」は選択肢にありません（はい、いいえ）',
    );
    expect(() => evaluateFormula(raw(), { metric: '有効求人数', filters: { 雇用期間: '半年' } })).toThrow(
      '雇用期間「半年」は選択肢にありません（期間の定めなし、4か月以上、1か月以上4か月未満、1か月未満）',
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Checks: 求人 and the 職業紹介 columns of 候補者, each issue at its cell, no 候補者 value in any message.
const BAD_ORDERS: unknown[][] = [
  ['求人ID', '企業ID', '受理日', '有効期限', '求人数', '雇用期間', '国外'],
  ['J1', 'K9', '2022/5/1', '2022/4/30', 0, '期間の定めなし', 'はい'], // unknown 企業ID, expiry before, 求人数 0
  ['J2', 'K1', '2022/5/1', '2022/5/1', 1, '半年', 'たぶん'], // same day is fine; 雇用期間 and 国外 unreadable
  ['J3', 'K1', '2022/5/1', '', -1, '1か月未満', ''], // negative 求人数 (the reader's check)
];
const BAD_PEOPLE: unknown[][] = [
  [
    '候補者ID',
    '登録日',
    '求職申込日',
    '求職有効期限',
    '就職日',
    '就職経路',
    '無期雇用',
    '雇用期間',
    '離職日',
    '離職理由',
    '手数料',
    '国外',
  ],
  ['C1', '2022/5/1', '', '2022/4/30', '', '', '', '', '', '', '', ''], // 有効期限 before 登録日 (no 求職申込日)
  ['C2', '', '2022/6/1', '2022/6/1', '2022/7/1', '職業紹介', 'はい', '期間の定めなし', '2022/6/30', '解雇以外', '', ''],
  ['C3', '', '', '', '', '', '', 'SENTINEL_3か月', '', 'SENTINEL_退職', '-5,000', 'SENTINEL_X'],
  ['C4', '', '', '', '2022/8/1', '職業紹介', 'いいえ', '', '', '', '', ''], // no 雇用期間 (warning)
  ['C5', '', '', '', '2022/8/1', '職業紹介', 'はい', '4か月以上', '', '', '', ''], // contradicts 無期雇用 (warning)
  ['C6', '', '', '', '2022/8/1', '職業紹介', 'はい', '期間の定めなし', '2022/9/1', '', '', ''], // no 離職理由
  ['C7', '', '', '', '2022/8/1', '自己応募', 'いいえ', '期間の定めなし', '', '', '', ''], // contradiction, any route
  ['C8', '', '', '', '2022/8/1', '自己応募', 'いいえ', '', '', '', '', ''], // not 職業紹介: no warning
  ['C9', '', '', '', '2022/8/1', '職業紹介', 'はい', '', '2023/2/1', '', '', ''], // left after 6 months: no warning
  ['C10', '', '', '', '', '', '', '4か月以上', '', '', '', ''], // blank 無期雇用 contradicts nothing
  ['C11', '', '', '', '', '職業紹介', '', '', '', '', '', ''], // 職業紹介 without 就職日: not a placement yet
  ['C12', '', '', '', '2022/8/1', '職業紹介', 'はい', '期間の定めなし', '2022/9/1', '解雇以外', '', ''], // all given
];

describe('checks of 求人 and the 職業紹介 columns of 候補者', () => {
  it('a 国外 or 雇用期間 condition in 本文 must be one of the choices: an error, not a warning', () => {
    const narrative = [
      ['見出し', '本文'],
      ['職業紹介事業', '{{常用求人数|国外=はい}}件 {{常用求人数|国外=海外}}件'],
      ['職業紹介事業', '{{有効求人数|雇用期間=半年}}件 {{有効求人数|雇用期間=1か月未満}}件'],
    ];
    const issues = check({ 求人: ORDERS, 本文: narrative });
    expect(issues.map((i) => [i.severity, i.code, `${i.tab}!${i.cell}`, i.message])).toEqual([
      ['error', 'invalid_filter_value', '本文!B2', '「本文」の条件の値「国外=海外」が見つかりません（はい、いいえ）'],
      [
        'error',
        'invalid_filter_value',
        '本文!B3',
        '「本文」の条件の値「雇用期間=半年」が見つかりません（期間の定めなし、4か月以上、1か月以上4か月未満、1か月未満）',
      ],
    ]);
  });

  const check = (tabs: Tabs, language: 'ja' | 'en' = 'ja') =>
    checkWorkbook(rawWorkbook({ 設定: settings(), 事業: PROGRAMS, 費用: NO_COSTS, 企業: COMPANIES, ...tabs }), {
      language,
    }).issues;

  it('locates each problem at its cell with its code', () => {
    const issues = check({ 候補者: BAD_PEOPLE, 求人: BAD_ORDERS });
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.tab}!${i.cell}`).sort()).toEqual(
      [
        'error invalid_choice 候補者!H4',
        'error invalid_choice 候補者!J4',
        'error invalid_boolean 候補者!L4',
        'error below_minimum 候補者!K4',
        'error seeking_expiry_before_application 候補者!D2',
        'error left_before_hired 候補者!I3',
        'warning missing_employment_term 候補者!H5',
        'warning employment_term_conflict 候補者!H6',
        'warning missing_leave_reason 候補者!J7',
        'warning employment_term_conflict 候補者!H8',
        'error unknown_reference 求人!B2',
        'error below_minimum 求人!E2',
        'error expiry_before_received 求人!D2',
        'error invalid_choice 求人!F3',
        'error invalid_boolean 求人!G3',
        'error negative_count 求人!E4',
      ].sort(),
    );
  });

  it('words each in Japanese, naming the cell and what is expected, never a 候補者 value', () => {
    const issues = check({ 候補者: BAD_PEOPLE, 求人: BAD_ORDERS });
    const message = (cell: string) => issues.find((i) => `${i.tab}!${i.cell}` === cell)?.message;
    expect(message('候補者!H4')).toBe(
      '「雇用期間」が選択肢にありません（期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満 のいずれか）',
    );
    expect(message('候補者!J4')).toBe('「離職理由」が選択肢にありません（解雇 / 解雇以外 / 不明 のいずれか）');
    expect(message('候補者!L4')).toBe('「国外」が「はい」か「いいえ」として読めません（例: はい、いいえ）');
    expect(message('候補者!K4')).toBe('「手数料」は0以上にしてください');
    expect(message('候補者!D2')).toBe('「求職有効期限」が求職申込日（空欄のときは登録日）より前です');
    expect(message('候補者!I3')).toBe('「離職日」が就職日より前です');
    expect(message('候補者!H5')).toBe(
      '「雇用期間」が空欄です。職業紹介で就職した行は雇用期間（期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満）を入力してください。空欄のままでは常用・臨時・日雇のどの就職件数にも数えません',
    );
    expect(message('候補者!H6')).toBe(
      '「雇用期間」と「無期雇用」が食い違っています（無期雇用「はい」は雇用期間「期間の定めなし」のことです）。無期雇用就職件数は「無期雇用」の列で数えます',
    );
    expect(message('候補者!J7')).toBe(
      '「離職理由」が空欄です。無期雇用で就職し6か月以内に離職した行は離職理由（解雇 / 解雇以外 / 不明）を入力してください。空欄は「解雇以外」として6か月以内離職者数に数えます',
    );
    expect(message('求人!B2')).toBe('「企業ID」の「K9」が「企業」タブにありません');
    expect(message('求人!E2')).toBe('「求人数」は1以上にしてください');
    expect(message('求人!D2')).toBe('「有効期限」が受理日より前です');
    expect(message('求人!F3')).toBe(
      '「雇用期間」の「半年」は選択肢にありません（期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満 のいずれか）',
    );
    expect(message('求人!G3')).toBe('「国外」の「たぶん」は「はい」か「いいえ」として読めません（例: はい、いいえ）');
    expect(message('求人!E4')).toBe('「求人数」の「-1」はマイナスです。0以上の整数を入力してください');
    const everything = JSON.stringify(issues);
    expect(everything).not.toContain('SENTINEL');
    expect(everything).not.toContain('5,000');
    expect(everything).not.toContain('2022/6/30');
  });

  it('masks the value of a 候補者 date check and leaves the warnings without one', () => {
    const issues = check({ 候補者: BAD_PEOPLE, 求人: BAD_ORDERS });
    const value = (cell: string) => issues.find((i) => `${i.tab}!${i.cell}` === cell)?.value;
    expect([value('候補者!I3'), value('候補者!D2'), value('候補者!K4')]).toEqual(['＊＊＊', '＊＊＊', '＊＊＊']);
    expect([value('候補者!H5'), value('候補者!H6'), value('候補者!J7')]).toEqual(['', '', '']);
    expect([value('求人!D2'), value('求人!E2')]).toEqual(['2022-04-30', '0']);
  });

  it('words them in English too', () => {
    const issues = check({ 候補者: BAD_PEOPLE, 求人: BAD_ORDERS }, 'en');
    const message = (cell: string) => issues.find((i) => `${i.tab}!${i.cell}` === cell)?.message;
    expect(message('候補者!K4')).toBe('"手数料" must be 0 or more');
    expect(message('求人!E2')).toBe('"求人数" must be 1 or more');
    expect(message('求人!D2')).toBe('"有効期限" is before the date received');
    expect(message('候補者!I3')).toBe('"離職日" is before the hire date');
    expect(message('候補者!D2')).toBe(
      '"求職有効期限" is before the job application date (the registration date when that is blank)',
    );
    expect(message('候補者!H5')).toBe(
      '"雇用期間" is empty. For a placement through 職業紹介, enter the employment term (期間の定めなし / 4か月以上 / 1か月以上4か月未満 / 1か月未満); until then it is in none of the 常用/臨時/日雇 placement counts',
    );
    expect(message('候補者!H6')).toBe(
      '"雇用期間" contradicts "無期雇用" (無期雇用 はい means 期間の定めなし). Permanent placements are counted from 無期雇用',
    );
    expect(message('候補者!J7')).toBe(
      '"離職理由" is empty. For a permanent placement that ended within six months, enter the reason (解雇 / 解雇以外 / 不明); a blank counts as 解雇以外 in 6か月以内離職者数',
    );
    expect(JSON.stringify(issues)).not.toContain('SENTINEL');
  });

  it('warns about no blank 雇用期間 or 離職理由 when the workbook has not got those columns', () => {
    const old = [
      ['候補者ID', '就職日', '就職経路', '無期雇用', '離職日'],
      ['D1', '2022/8/1', '職業紹介', 'いいえ', ''],
      ['D2', '2022/8/1', '職業紹介', 'はい', '2022/9/1'],
    ];
    expect(check({ 候補者: old })).toEqual([]);
  });

  it('a 求人 tab without 企業 is one missing-tab error naming the first 企業ID used', () => {
    const issues = checkWorkbook(
      rawWorkbook({ 設定: settings(), 事業: PROGRAMS, 費用: NO_COSTS, 求人: ORDERS }),
    ).issues.map((i) => [i.code, i.tab, i.cell, i.params.other]);
    expect(issues).toEqual([['missing_tab', '企業', 'A1', '求人!B2']]);
  });
});

describe('typing help for the new columns (シートを準備 and the .xlsx template share it)', () => {
  const column = (tab: 'jobOrders' | 'candidates', key: string) =>
    (tabDef(tab).columns as readonly ColumnDef[]).find((c) => c.key === key) as ColumnDef;

  it('求人数 from 1, 手数料 from 0, and the choices as dropdowns', () => {
    expect(inputRuleFor(column('jobOrders', 'openings'))).toEqual({ kind: 'number', min: 1 });
    expect(inputRuleFor(column('candidates', 'fee'))).toEqual({ kind: 'number', min: 0, max: 1e12 });
    expect(inputRuleFor(column('jobOrders', 'employmentTerm'))).toEqual({
      kind: 'choices',
      values: ['期間の定めなし', '4か月以上', '1か月以上4か月未満', '1か月未満'],
      open: false,
    });
    expect(inputRuleFor(column('candidates', 'leaveReason'))).toEqual({
      kind: 'choices',
      values: ['解雇', '解雇以外', '不明'],
      open: false,
    });
    expect(inputRuleFor(column('jobOrders', 'companyId'))).toEqual({
      kind: 'reference',
      tab: 'companies',
      column: 'companyId',
    });
  });

  it('keeps the rules of columns without a minimum (a count from 0, yen that may be a refund)', () => {
    expect(inputRuleFor(column('candidates', 'hired'))).toMatchObject({ kind: 'date' });
    expect(inputRuleFor({ key: 'n', ja: 'n', en: 'n', type: 'count', help: '' })).toEqual({ kind: 'number', min: 0 });
    expect(inputRuleFor({ key: 'y', ja: 'y', en: 'y', type: 'yen', help: '' })).toEqual({
      kind: 'number',
      min: -1e12,
      max: 1e12,
    });
  });
});
