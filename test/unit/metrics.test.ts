// Tests for every metric of the registry on small hand-built workbooks: each expected figure is worked out by hand.

import { dayNumberFromYmd } from '../../src/core/cells';
import { describePeriod, fiscalPeriod, type Period, periodFromSettings } from '../../src/core/fiscal-year';
import { evaluateFormula, evaluateFormulaOnRange } from '../../src/core/formulas';
import {
  computeMetric,
  FILTER_KEYS,
  type Filters,
  findMetric,
  formatThousands,
  leftWithinSixMonths,
  METRICS,
  type MetricContext,
} from '../../src/core/metrics';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import type { CandidateRecord } from '../../src/core/records';
import type { ReportDocument, ReportTable } from '../../src/core/report-document';
import { participants } from '../../src/gas/custom-functions';
import { rawWorkbook } from '../helpers/raw';

/** 'YYYY-MM-DD' → days since 1970-01-01, computed here without the code under test. */
const day = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

type Tabs = Record<string, unknown[][]>;

const PROGRAMS = [
  ['事業内容', '定款の事業名', '区分'],
  ['育成', '統合事業', '特定非営利活動'],
  ['啓発', '発信事業', '特定非営利活動'],
  ['寄付', '募金事業', 'その他の事業'],
];

function settings(extra: unknown[][] = []): unknown[][] {
  return [['項目', '値'], ['団体名', 'テスト団体'], ['対象年度', 2022], ...extra];
}

const CANDIDATE_HEADER = [
  '候補者ID',
  '属性',
  '初回接点日',
  '登録日',
  '初回面談日',
  '就職日',
  '就職経路',
  '雇用形態',
  '無期雇用',
  '離職日',
  '在留資格変更日',
  '同意取得日',
];
const NO_CANDIDATES = [CANDIDATE_HEADER];
const NO_COSTS = [['日付', '事業内容', '費目', '金額']];

/** Reads and checks a workbook (no error allowed, so the data means what the test says) → the settings' period. */
function context(tabs: Tabs): MetricContext {
  const raw = rawWorkbook({ 設定: settings(), 事業: PROGRAMS, 候補者: NO_CANDIDATES, 費用: NO_COSTS, ...tabs });
  const { workbook, issues } = checkWorkbook(raw);
  expect(issues.filter((issue) => issue.severity === 'error').map((i) => `${i.tab}!${i.cell} ${i.message}`)).toEqual(
    [],
  );
  return { workbook, period: periodFromSettings(workbook.settings, workbook.settings.fiscalYear as number) };
}

/** One figure; a context given as a function is built inside the test, so mutation testing sees each test's work. */
function figure(ctx: MetricContext | (() => MetricContext), id: string, filters: Filters = {}): number {
  const metric = findMetric(id);
  if (!metric) throw new Error(`no metric ${id}`);
  return computeMetric(metric, typeof ctx === 'function' ? ctx() : ctx, filters);
}

// ---------------------------------------------------------------------------------------------------------------
// 候補者: one workbook where every date column gives a different count, so a metric reading the wrong column fails.
// Fiscal year 2022 = 2022-04-01 … 2023-03-31.
const PEOPLE: unknown[][] = [
  CANDIDATE_HEADER,
  // ID,  属性,        接点,        登録,        面談,        就職,        経路,      雇用形態,  無期,    離職,        在留変更
  ['A01', '難民認定', '2022/3/31', '2022/3/31', '', '2022/3/31', '職業紹介', '正社員', 'はい', '', '', '2022/1/1'],
  [
    'A02',
    '難民認定',
    '2022/4/1',
    '2022/4/1',
    '2022/4/1',
    '2022/4/1',
    '職業紹介',
    '正社員',
    'はい',
    '',
    '2022/3/31',
    '2022/1/1',
  ],
  [
    'A03',
    '難民申請中',
    '2022/5/1',
    '2022/5/2',
    '2022/5/3',
    '2022/6/1',
    '自己応募',
    '契約社員',
    'いいえ',
    '2022/9/1',
    '2023/3/31',
    '2022/1/1',
  ],
  [
    'A04',
    '人道配慮',
    '2022/7/1',
    '2022/7/1',
    '2023/4/1',
    '2023/3/31',
    'その他',
    'Ｐａｒｔ',
    'いいえ',
    '',
    '',
    '2022/1/1',
  ],
  ['A05', '補完的保護', '2023/3/31', '2023/3/31', '', '', '', '', '', '', '2023/4/1', '2022/1/1'],
  ['A06', '難民認定', '2023/4/1', '', '', '2023/4/1', '職業紹介', '正社員', 'はい', '', '', '2022/1/1'],
  ['A07', '避難民', '2022/8/1', '', '', '2022/9/1', '職業紹介', '正社員', 'はい', '2023/1/10', '', '2022/1/1'],
  [
    'A08',
    '難民申請中',
    '2021/10/1',
    '2021/10/1',
    '2021/11/1',
    '2022/1/10',
    '職業紹介',
    '契約社員',
    'いいえ',
    '2022/5/1',
    '2022/4/1',
    '2022/1/1',
  ],
  ['A09', '難民認定', '', '', '', '2022/4/15', '職業紹介', '契約社員', 'いいえ', '2022/12/1', '2022/12/24', '2022/1/1'],
  ['A10', '難民申請中', '', '', '', '2022/6/1', '自己応募', '正社員', 'はい', '2023/4/1', '', '2022/1/1'],
  ['A11', '', '', '', '', '2022/6/1', '職業紹介', '契約社員', 'いいえ', '2023/3/31', '', '2022/1/1'],
];

describe('candidate metrics (初回接点日, 登録日, 初回面談日, 就職日, 離職日, 在留資格変更日)', () => {
  const ctx = (): MetricContext => context({ 候補者: PEOPLE });

  it('新規接点数 reads 初回接点日, first and last day of the year in, the day before and after out', () => {
    // A02 4/1, A03, A04, A05 3/31, A07; not A01 (2022/3/31), A06 (2023/4/1), A08 (2021).
    expect(figure(ctx, '新規接点数')).toBe(5);
  });

  it('登録者数 reads 登録日 (not 初回接点日)', () => {
    // A02, A03, A04, A05; A01 is the day before, A06/A07 are blank, A08 is 2021.
    expect(figure(ctx, '登録者数')).toBe(4);
  });

  it('面談実施数 reads 初回面談日, not 登録日 (4) nor 初回接点日 (5)', () => {
    // A02 4/1 and A03 5/3; A04's interview is 2023/4/1, the day after the year.
    expect(figure(ctx, '面談実施数')).toBe(2);
  });

  it('就職者数 reads 就職日, last day of the year in (A04 2023/3/31), first day in (A02)', () => {
    // A02, A03, A04, A07, A09, A10, A11; not A01 (day before), A06 (day after), A08 (2022/1/10).
    expect(figure(ctx, '就職者数')).toBe(7);
  });

  it("無期雇用就職者数 counts only 無期雇用=はい among this year's placements (A01 and A06 are outside the year)", () => {
    expect(figure(ctx, '無期雇用就職者数')).toBe(3); // A02, A07, A10
  });

  it('6か月以内離職者数 counts 無期雇用 placements through 職業紹介 of this year that left within 6 months', () => {
    // A07 9/1→1/10 (職業紹介, 無期) is in. Not: A03 6/1→9/1 (within 6 months, but 自己応募 and 有期: the definition
    // before issue 13 counted it), A09 4/15→12/1 (7½ months, 有期), A11 (有期), A08 (hired in the previous year).
    expect(figure(ctx, '6か月以内離職者数')).toBe(1);
  });

  it('年度末在職者数 counts everyone hired by the year end who has not left by then, also hired in earlier years', () => {
    // A01 (hired the day before the year), A02, A04 (hired on the last day), A10 (leaves the day after the year).
    // Not: A03, A07, A09 (left in the year), A08 (hired 2022/1/10, left in the year), A11 (left on the last day),
    // A06 (hired the day after).
    expect(figure(ctx, '年度末在職者数')).toBe(4);
  });

  it('在留資格変更数 reads 在留資格変更日 with the year boundaries', () => {
    // A03 2023/3/31, A08 2022/4/1, A09; not A02 (2022/3/31), A05 (2023/4/1).
    expect(figure(ctx, '在留資格変更数')).toBe(3);
  });

  it('filters by 属性; a blank 属性 never matches a filter but counts without one', () => {
    expect(figure(ctx, '就職者数', { 属性: ['難民認定'] })).toBe(2); // A02, A09
    expect(figure(ctx, '就職者数', { 属性: ['難民認定', '難民申請中'] })).toBe(4); // + A03, A10
    expect(figure(ctx, '新規接点数', { 属性: ['難民申請中'] })).toBe(1); // A03
    expect(figure(ctx, '登録者数', { 属性: ['人道配慮'] })).toBe(1); // A04
    expect(figure(ctx, '面談実施数', { 属性: ['難民認定'] })).toBe(1); // A02
    expect(figure(ctx, '在留資格変更数', { 属性: ['難民認定'] })).toBe(1); // A09
    expect(figure(ctx, '年度末在職者数', { 属性: ['難民認定'] })).toBe(2); // A01, A02
    expect(figure(ctx, '6か月以内離職者数', { 属性: ['避難民'] })).toBe(1); // A07
    expect(figure(ctx, '無期雇用就職者数', { 属性: ['難民申請中'] })).toBe(1); // A10
  });

  it('filters by 就職経路 and 雇用形態 (comma lists are OR, several filters are AND)', () => {
    expect(figure(ctx, '就職者数', { 就職経路: ['職業紹介'] })).toBe(4); // A02, A07, A09, A11
    expect(figure(ctx, '就職者数', { 就職経路: ['職業紹介', '自己応募'] })).toBe(6);
    expect(figure(ctx, '就職者数', { 雇用形態: ['正社員'] })).toBe(3); // A02, A07, A10
    expect(figure(ctx, '就職者数', { 就職経路: ['職業紹介'], 雇用形態: ['正社員'] })).toBe(2); // A02, A07
    // A03 left within 6 months but was 有期; A10 (自己応募, 無期) left after 10 months.
    expect(figure(ctx, '6か月以内離職者数', { 就職経路: ['自己応募'] })).toBe(0);
    expect(figure(ctx, '無期雇用就職者数', { 雇用形態: ['正社員'] })).toBe(3);
    expect(figure(ctx, '年度末在職者数', { 就職経路: ['自己応募'] })).toBe(1); // A10
  });

  it('folds width, case and spaces in filter values and in the data (Ｐａｒｔ = part)', () => {
    expect(figure(ctx, '就職者数', { 雇用形態: ['PART'] })).toBe(1); // A04
    expect(figure(ctx, '就職者数', { 雇用形態: ['　ｐａｒｔ '] })).toBe(1);
    expect(figure(ctx, '就職者数', { 就職経路: [' 職業紹介　'] })).toBe(4);
  });

  it('an empty filter list means no filter, a value no row has means zero', () => {
    expect(figure(ctx, '就職者数', { 就職経路: [] })).toBe(7);
    expect(figure(ctx, '就職者数', { 属性: ['その他'] })).toBe(0);
  });
});

describe('6か月以内離職者数 at the boundary day (民法143条: a period from day D ends the day before D six months later)', () => {
  const rows = (pairs: [string, string][]): unknown[][] => [
    CANDIDATE_HEADER,
    ...pairs.map(([hired, left], i) => [`B${i}`, '', '', '', '', hired, '職業紹介', '', 'はい', left, '', '']),
  ];
  const count = (pairs: [string, string][]): number => figure(context({ 候補者: rows(pairs) }), '6か月以内離職者数');

  it('hired 5/10: leaving 11/9 is within six months, 11/10 is not', () => {
    expect(count([['2022/5/10', '2022/11/9']])).toBe(1);
    expect(count([['2022/5/10', '2022/11/10']])).toBe(0);
  });

  it('hired 8/31: six months end on 2/28 (February has no 31st), so leaving 2/28 is within and 3/1 is not', () => {
    expect(count([['2022/8/31', '2023/2/28']])).toBe(1);
    expect(count([['2022/8/31', '2023/2/27']])).toBe(1);
    expect(count([['2022/8/31', '2023/3/1']])).toBe(0);
  });

  it('hired 8/29 in a non-leap year: no 2/29, so 2/28 is the last day within', () => {
    expect(count([['2022/8/29', '2023/2/28']])).toBe(1);
    expect(count([['2022/8/28', '2023/2/28']])).toBe(0);
    expect(count([['2022/8/28', '2023/2/27']])).toBe(1);
  });

  it('hired on the last day of the year (3/31): 9/30 is within, 10/1 is not, even after the year ends', () => {
    expect(count([['2023/3/31', '2023/9/30']])).toBe(1);
    expect(count([['2023/3/31', '2023/10/1']])).toBe(0);
  });

  it('hired 1/31: 7/30 is within, 7/31 is not (July has a 31st)', () => {
    expect(count([['2023/1/31', '2023/7/30']])).toBe(1);
    expect(count([['2023/1/31', '2023/7/31']])).toBe(0);
  });

  it('leaving on the day of hire counts (a 離職日 before the 就職日 is an error: test/unit/shokai-metrics.test.ts)', () => {
    expect(count([['2022/6/1', '2022/6/1']])).toBe(1);
  });

  it('a placement without 離職日, or hired outside the year, is not counted', () => {
    expect(count([['2022/6/1', '']])).toBe(0);
    expect(count([['2022/3/31', '2022/4/1']])).toBe(0);
    expect(count([['2023/4/1', '2023/4/2']])).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// イベント: 延べ ≠ 実人数, blank 参加者数, boundaries.
const EVENT_CANDIDATES = [['候補者ID'], ['C1'], ['C2'], ['C3'], ['C4'], ['C5']];
const EVENTS: unknown[][] = [
  ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
  ['E1', '育成', '交流会', '2022/4/1', 5, 'C1,C2,C3'],
  ['E2', '育成', '勉強会', '2022/9/1', '', 'C1, C4'], // 延べ from the IDs: 2
  ['E3', '育成', '勉強会', '2023/3/31', 10, 'c1,Ｃ２'], // the same people as E1, written differently
  ['E4', '育成', '交流会', '2022/3/31', 100, ''], // the day before the year
  ['E5', '育成', '交流会', '2023/4/1', 200, ''], // the day after the year
  ['E6', '啓発', '講演', '2022/6/1', 40, ''],
  ['E7', '啓発', 'メディア取材', '2022/7/1', '', ''], // no count at all
  ['E8', '育成', 'メンターシップ', '2022/10/1', 3, 'C5'],
];

describe('event metrics (イベント回数, 参加者数 延べ, 参加者実人数, 最小, 最大)', () => {
  const ctx = (): MetricContext => context({ 候補者: EVENT_CANDIDATES, イベント: EVENTS });

  it('イベント回数 counts events starting in the year, first and last day in (E1, E3), day before and after out', () => {
    expect(figure(ctx, 'イベント回数')).toBe(6); // E1 E2 E3 E6 E7 E8
  });

  it('参加者数 is 延べ: 5 + 2 (IDs, blank count) + 10 + 40 + 0 + 3, not 実人数', () => {
    expect(figure(ctx, '参加者数')).toBe(60);
  });

  it('参加者実人数 counts distinct IDs across events, folding width and case (c1 = C1, Ｃ２ = C2), not 延べ', () => {
    expect(figure(ctx, '参加者実人数')).toBe(5);
  });

  it('参加者数最小 skips events without any count (E7), instead of returning 0', () => {
    expect(figure(ctx, '参加者数最小')).toBe(2);
  });

  it('参加者数最大 ignores events outside the year (E5: 200)', () => {
    expect(figure(ctx, '参加者数最大')).toBe(40);
  });

  it('filters by 事業内容', () => {
    const f = { 事業内容: ['育成'] };
    expect([figure(ctx, 'イベント回数', f), figure(ctx, '参加者数', f), figure(ctx, '参加者実人数', f)]).toEqual([
      4, 20, 5,
    ]);
    expect([figure(ctx, '参加者数最小', f), figure(ctx, '参加者数最大', f)]).toEqual([2, 10]);
    const g = { 事業内容: ['啓発'] };
    expect([figure(ctx, 'イベント回数', g), figure(ctx, '参加者数', g), figure(ctx, '参加者実人数', g)]).toEqual([
      2, 40, 0,
    ]);
    expect([figure(ctx, '参加者数最小', g), figure(ctx, '参加者数最大', g)]).toEqual([40, 40]);
  });

  it('filters by 種別, one value or a comma list (OR)', () => {
    const one = { 種別: ['勉強会'] };
    expect([figure(ctx, 'イベント回数', one), figure(ctx, '参加者数', one), figure(ctx, '参加者実人数', one)]).toEqual([
      2, 12, 3,
    ]);
    expect([figure(ctx, '参加者数最小', one), figure(ctx, '参加者数最大', one)]).toEqual([2, 10]);
    const two = { 種別: ['交流会', '勉強会'] };
    expect([figure(ctx, 'イベント回数', two), figure(ctx, '参加者数', two), figure(ctx, '参加者実人数', two)]).toEqual([
      3, 17, 4,
    ]);
    const both = { 事業内容: ['育成'], 種別: ['メンターシップ'] };
    expect([
      figure(ctx, 'イベント回数', both),
      figure(ctx, '参加者数', both),
      figure(ctx, '参加者実人数', both),
    ]).toEqual([1, 3, 1]);
  });

  it('a 種別 whose events have no count gives 最小 = 最大 = 0; no matching event gives 0 everywhere', () => {
    const media = { 種別: ['メディア取材'] };
    expect([
      figure(ctx, 'イベント回数', media),
      figure(ctx, '参加者数最小', media),
      figure(ctx, '参加者数最大', media),
    ]).toEqual([1, 0, 0]);
    const none = { 種別: ['研修'] };
    expect(
      ['イベント回数', '参加者数', '参加者実人数', '参加者数最小', '参加者数最大'].map((id) => figure(ctx, id, none)),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it('filter values fold width, case and spaces (ｍｅｎｔｏｒ-style typing)', () => {
    expect(figure(ctx, 'イベント回数', { 種別: ['　勉強会 '] })).toBe(2);
    expect(figure(ctx, 'イベント回数', { 事業内容: ['育成 '] })).toBe(4);
  });

  it('a 参加者数 of 0 is a count (最小 0), unlike a blank one', () => {
    const zero = context({
      イベント: [
        ['イベントID', '事業内容', '種別', '開始日', '参加者数'],
        ['Z1', '育成', '交流会', '2022/5/1', 0],
        ['Z2', '育成', '交流会', '2022/5/2', 7],
      ],
    });
    expect([figure(zero, '参加者数最小'), figure(zero, '参加者数最大'), figure(zero, '参加者数')]).toEqual([0, 7, 7]);
  });

  it('a 参加者数 larger than the IDs listed wins over the IDs for 延べ; 実人数 still counts IDs', () => {
    const more = context({
      候補者: EVENT_CANDIDATES,
      イベント: [
        ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
        ['M1', '育成', '交流会', '2022/5/1', 9, 'C1,C2'],
        ['M2', '育成', '交流会', '2022/5/2', '', 'C2,C3,C4'],
      ],
    });
    expect([figure(more, '参加者数'), figure(more, '参加者実人数'), figure(more, '参加者数最小')]).toEqual([12, 4, 3]);
  });
});

describe('PARTICIPANTS through the formulas returns 実人数 when asked, 延べ otherwise', () => {
  const raw = rawWorkbook({ 設定: settings(), 事業: PROGRAMS, 候補者: EVENT_CANDIDATES, イベント: EVENTS });

  it('evaluateFormula: 参加者実人数 5 and 参加者数 20 for 育成', () => {
    expect(evaluateFormula(raw, { metric: '参加者実人数', filters: { 事業内容: '育成' } })).toBe(5);
    expect(evaluateFormula(raw, { metric: '参加者数', filters: { 事業内容: '育成' } })).toBe(20);
    expect(evaluateFormula(raw, { metric: '参加者数', filters: { 種別: '交流会,勉強会' } })).toBe(17);
  });

  it('PARTICIPANTS(事業内容, , 年度, "実人数", range) gives 実人数; "延べ" and blank give 延べ', () => {
    expect(participants('育成', '', 2022, '実人数', EVENTS as never)).toBe(5);
    expect(participants('育成', '', 2022, '延べ', EVENTS as never)).toBe(20);
    expect(participants('育成', '', 2022, '', EVENTS as never)).toBe(20);
    // No 年度 with a range: every row of the range (E4 100 and E5 200 included).
    expect(participants('育成', '', '', '', EVENTS as never)).toBe(320);
    expect(participants('育成', '勉強会', '', '実人数', EVENTS as never)).toBe(3);
  });

  it('evaluateFormulaOnRange with 参加者実人数 counts distinct IDs of the range', () => {
    expect(evaluateFormulaOnRange(EVENTS as never, { metric: '参加者実人数', year: 2022 })).toBe(5);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 費用: 事業費, 事業費合計, 管理費.
const COSTS: unknown[][] = [
  ['日付', '事業内容', '費目', '金額'],
  ['2022/4/1', '育成', '人件費', 1_000_000],
  ['2023/3/31', '育成', 'その他経費', 234_567],
  ['2022/3/31', '育成', '人件費', 9_999_999], // the day before
  ['2023/4/1', '育成', '人件費', 8_888_888], // the day after
  ['2022/6/1', '育成', 'その他経費', -34_567], // refund
  ['2022/5/1', '啓発', 'その他経費', 500_499],
  ['2022/5/1', '寄付', '人件費', 300_600],
  ['2022/5/1', '管理費', '人件費', 700_000],
  ['2022/5/2', '管理費', 'その他経費', -1_000],
];

describe('cost metrics (事業費, 事業費合計, 管理費)', () => {
  const ctx = (): MetricContext => context({ 費用: COSTS });

  it('事業費 sums the year (first and last day in), refunds subtract, 管理費 never included', () => {
    expect(figure(ctx, '事業費')).toBe(2_001_099);
  });

  it('事業費 by 事業内容 and 費目', () => {
    expect(figure(ctx, '事業費', { 事業内容: ['育成'] })).toBe(1_200_000);
    expect(figure(ctx, '事業費', { 事業内容: ['育成'], 費目: ['人件費'] })).toBe(1_000_000);
    expect(figure(ctx, '事業費', { 事業内容: ['育成'], 費目: ['その他経費'] })).toBe(200_000);
    expect(figure(ctx, '事業費', { 事業内容: ['育成', '啓発'] })).toBe(1_700_499);
    expect(figure(ctx, '事業費', { 費目: ['人件費'] })).toBe(1_300_600);
    expect(figure(ctx, '事業費', { 事業内容: ['ｲｸｾｲ'] })).toBe(0);
  });

  it('事業費 with 事業内容=管理費 is 0: administration is never program cost', () => {
    expect(figure(ctx, '事業費', { 事業内容: ['管理費'] })).toBe(0);
  });

  it("事業費合計 by 区分 reads each 事業内容's 区分 from 事業", () => {
    expect(figure(ctx, '事業費合計')).toBe(2_001_099);
    expect(figure(ctx, '事業費合計', { 区分: ['特定非営利活動'] })).toBe(1_700_499);
    expect(figure(ctx, '事業費合計', { 区分: ['その他の事業'] })).toBe(300_600);
    expect(figure(ctx, '事業費合計', { 区分: ['特定非営利活動', 'その他の事業'] })).toBe(2_001_099);
    expect(figure(ctx, '事業費合計', { 区分: ['特定非営利活動'], 費目: ['人件費'] })).toBe(1_000_000);
    expect(figure(ctx, '事業費合計', { 費目: ['その他経費'] })).toBe(700_499);
  });

  it('an empty filter list filters nothing (区分, 事業内容, 費目), instead of matching no row', () => {
    expect(figure(ctx, '事業費合計', { 区分: [] })).toBe(2_001_099);
    expect(figure(ctx, '事業費', { 事業内容: [], 費目: [] })).toBe(2_001_099);
  });

  it('管理費 sums only 管理費 rows, refunds included, by 費目', () => {
    expect(figure(ctx, '管理費')).toBe(699_000);
    expect(figure(ctx, '管理費', { 費目: ['人件費'] })).toBe(700_000);
    expect(figure(ctx, '管理費', { 費目: ['その他経費'] })).toBe(-1_000);
  });

  it('a cost whose 事業内容 is not in 事業 counts without a 区分 filter and never with one', () => {
    // readWorkbook alone: validation would call the row an error, but the metric must still not misfile it.
    const raw = rawWorkbook({
      設定: settings(),
      事業: PROGRAMS,
      候補者: NO_CANDIDATES,
      費用: [...COSTS.slice(0, 2), ['2022/5/1', '不明な事業', '人件費', 5]],
    });
    const { workbook } = readWorkbook(raw);
    const orphan: MetricContext = { workbook, period: fiscalPeriod(2022) };
    expect(figure(orphan, '事業費合計')).toBe(1_000_005);
    expect(figure(orphan, '事業費合計', { 区分: ['特定非営利活動'] })).toBe(1_000_000);
    expect(figure(orphan, '事業費合計', { 区分: ['その他の事業'] })).toBe(0);
  });

  it('a cost with a blank 事業内容 takes the 区分 of a 事業 row whose 事業内容 is blank too (blank matches blank)', () => {
    // readWorkbook alone: validation would call both rows errors. The blank 事業 row is その他の事業, so the 7 yen of
    // the blank cost count under その他の事業 only; without the blank 事業 row they would count under no 区分 filter.
    const raw = rawWorkbook({
      設定: settings(),
      事業: [...PROGRAMS, ['', '空欄の事業', 'その他の事業']],
      候補者: NO_CANDIDATES,
      費用: [COSTS[0], COSTS[1], ['2022/5/1', '', '人件費', 7]],
    });
    const { workbook } = readWorkbook(raw);
    const blank: MetricContext = { workbook, period: fiscalPeriod(2022) };
    expect(figure(blank, '事業費合計')).toBe(1_000_007);
    expect(figure(blank, '事業費合計', { 区分: ['その他の事業'] })).toBe(7);
    expect(figure(blank, '事業費合計', { 区分: ['特定非営利活動'] })).toBe(1_000_000);
  });

  it('a cost with a blank 金額 adds nothing', () => {
    const raw = rawWorkbook({
      設定: settings(),
      事業: PROGRAMS,
      候補者: NO_CANDIDATES,
      費用: [...COSTS.slice(0, 2), ['2022/5/1', '育成', '人件費', '']],
    });
    const { workbook } = readWorkbook(raw);
    expect(figure({ workbook, period: fiscalPeriod(2022) }, '事業費')).toBe(1_000_000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 企業: ヒアリング企業数, 新規求人数.
describe('company metrics (ヒアリング企業数, 新規求人数)', () => {
  const ctx = (): MetricContext =>
    context({
      企業: [
        ['企業ID', '企業名', '初回ヒアリング日', '新規求人数', '求人受理日'],
        ['K1', '甲', '2022/4/1', 3, '2022/3/31'], // heard in the year, openings the day before
        ['K2', '乙', '2023/3/31', 2, '2022/4/1'],
        ['K3', '丙', '2022/3/31', 5, '2023/3/31'],
        ['K4', '丁', '2023/4/1', 7, '2023/4/1'],
        ['K5', '戊', '2022/9/9', '', '2022/9/9'], // openings received, number blank
      ],
    });

  it('ヒアリング企業数 reads 初回ヒアリング日 with the year boundaries', () => {
    expect(figure(ctx, 'ヒアリング企業数')).toBe(3); // K1, K2, K5
  });

  it('新規求人数 sums 新規求人数 by 求人受理日 (not by ヒアリング日), a blank number adding nothing', () => {
    expect(figure(ctx, '新規求人数')).toBe(7); // K2 2 + K3 5
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The fiscal year: 年度開始月, 初年度開始日.
describe('fiscal year (年度開始月, 初年度開始日)', () => {
  const periodText = (period: Period) => describePeriod(period);

  it('defaults to April: 2022-04-01 … 2023-03-31', () => {
    expect(fiscalPeriod(2022)).toEqual({ year: 2022, start: day('2022-04-01'), end: day('2023-03-31') });
  });

  it('年度開始月 1 is the calendar year, 10 runs October to September, 12 ends in November', () => {
    expect(periodText(fiscalPeriod(2022, 1))).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(periodText(fiscalPeriod(2022, 10))).toEqual({ start: '2022-10-01', end: '2023-09-30' });
    expect(periodText(fiscalPeriod(2022, 12))).toEqual({ start: '2022-12-01', end: '2023-11-30' });
    expect(periodText(fiscalPeriod(2023, 3))).toEqual({ start: '2023-03-01', end: '2024-02-29' });
  });

  it('初年度開始日 inside the year shortens it; on the first day, before it or after it, it changes nothing', () => {
    expect(fiscalPeriod(2022, 4, day('2022-07-15'))).toEqual({
      year: 2022,
      start: day('2022-07-15'),
      end: day('2023-03-31'),
    });
    expect(fiscalPeriod(2022, 4, day('2023-03-31'))).toEqual({
      year: 2022,
      start: day('2023-03-31'),
      end: day('2023-03-31'),
    });
    expect(fiscalPeriod(2022, 4, day('2022-04-01')).start).toBe(day('2022-04-01'));
    expect(fiscalPeriod(2022, 4, day('2022-04-02')).start).toBe(day('2022-04-02'));
    expect(fiscalPeriod(2022, 4, day('2021-07-15')).start).toBe(day('2022-04-01'));
    expect(fiscalPeriod(2022, 4, day('2023-04-01')).start).toBe(day('2022-04-01'));
    expect(fiscalPeriod(2023, 4, day('2022-07-15')).start).toBe(day('2023-04-01'));
  });

  const yearCosts: unknown[][] = [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/3/31', '育成', '人件費', 1],
    ['2022/4/1', '育成', '人件費', 10],
    ['2022/7/14', '育成', '人件費', 100],
    ['2022/7/15', '育成', '人件費', 1_000],
    ['2022/9/30', '育成', '人件費', 10_000],
    ['2022/10/1', '育成', '人件費', 100_000],
    ['2023/3/31', '育成', '人件費', 1_000_000],
    ['2023/4/1', '育成', '人件費', 10_000_000],
    ['2023/9/30', '育成', '人件費', 100_000_000],
    ['2023/10/1', '育成', '人件費', 1_000_000_000],
  ];
  const withSettings = (extra: unknown[][]) => context({ 設定: settings(extra), 費用: yearCosts });

  it('年度開始月 10 from 設定: 2022-10-01 … 2023-09-30 (the April year would be 1,111,110)', () => {
    expect(figure(withSettings([['年度開始月', 10]]), '事業費')).toBe(111_100_000);
  });

  it('年度開始月 1 from 設定: the calendar year 2022 (2022-03-31 in, 2022-10-01 in)', () => {
    expect(figure(withSettings([['年度開始月', 1]]), '事業費')).toBe(111_111);
  });

  it('初年度開始日 from 設定: a first year from 2022-07-15 leaves out 4/1 and 7/14', () => {
    expect(figure(withSettings([['初年度開始日', '2022/7/15']]), '事業費')).toBe(1_111_000);
  });

  it('年度開始月 reaches the formulas through 設定', () => {
    const raw = rawWorkbook({
      設定: settings([['年度開始月', 10]]),
      事業: PROGRAMS,
      候補者: NO_CANDIDATES,
      費用: yearCosts,
    });
    expect(evaluateFormula(raw, { metric: '事業費', filters: { 事業内容: '育成' } })).toBe(111_100_000);
    expect(evaluateFormula(raw, { metric: '事業費', year: 2021, filters: { 事業内容: '育成' } })).toBe(11_111);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Yen in the report: 端数処理 (四捨五入 ≠ 切り捨て), in the table and in the heading totals.
describe('report yen: 端数処理 in the table and the heading totals', () => {
  const tabs = (rounding: string): Tabs => ({
    設定: settings([['端数処理', rounding]]),
    事業: PROGRAMS,
    候補者: NO_CANDIDATES,
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '育成', '人件費', 1_234_000],
      ['2022/4/2', '育成', 'その他経費', 567], // 育成 1,234,567
      ['2022/4/3', '啓発', 'その他経費', 400_100], // total （１） 1,634,667
      ['2022/4/4', '寄付', '人件費', 300_600], // （２） 300,600
      ['2022/4/5', '管理費', '人件費', 999_999], // never in a total
    ],
  });
  function build(rounding: string): ReportDocument {
    const result = makeReport(rawWorkbook(tabs(rounding)));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    return result.report;
  }
  const headings = (doc: ReportDocument) =>
    doc.blocks
      .filter((b) => b.kind === 'heading')
      .map((b) => ('text' in b ? b.text : ''))
      .filter((t) => /^（[１２]）/.test(t));
  /** The 事業費（千円） column of the first table, as 事業内容 → text. */
  const costColumn = (doc: ReportDocument) => {
    const table = doc.blocks.find((b): b is ReportTable => b.kind === 'table') as ReportTable;
    const costIndex = table.header.indexOf('事業費（千円）');
    const programIndex = table.header.indexOf('事業内容');
    return table.rows.map((row) => [row[programIndex].text, row[costIndex].text]);
  };

  it('四捨五入 rounds half up: 育成 1,235, heading 1,635 and 301', () => {
    const doc = build('四捨五入');
    expect(headings(doc)).toEqual([
      '（１）特定非営利活動に係る事業（事業費の総費用【 1,635 】千円）',
      '（２）その他の事業（事業費の総費用【 301 】千円）',
    ]);
    expect(costColumn(doc)).toEqual([
      ['育成', '1,235'],
      ['啓発', '400'],
    ]);
  });

  it('切り捨て truncates: 育成 1,234, heading 1,634 and 300 (ignoring 端数処理 would print 1,635)', () => {
    const doc = build('切り捨て');
    expect(headings(doc)).toEqual([
      '（１）特定非営利活動に係る事業（事業費の総費用【 1,634 】千円）',
      '（２）その他の事業（事業費の総費用【 300 】千円）',
    ]);
    expect(costColumn(doc)).toEqual([
      ['育成', '1,234'],
      ['啓発', '400'],
    ]);
  });

  it('the 年度開始月 and 初年度開始日 reach the report period line', () => {
    const result = makeReport(
      rawWorkbook({
        ...tabs('四捨五入'),
        設定: settings([
          ['年度開始月', 1],
          ['初年度開始日', '2022/3/15'],
        ]),
      }),
    );
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.report.blocks.map((b) => ('text' in b ? b.text : '')).slice(0, 3)).toEqual([
      '2022年度 事業報告書',
      'テスト団体',
      '（2022年3月15日から2022年12月31日まで）',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe('the registry itself', () => {
  it('holds exactly the metrics of the README, each with its unit and filters', () => {
    expect(METRICS.map((m) => [m.id, m.unit, m.filters.join(',')])).toEqual([
      ['新規接点数', 'people', '属性'],
      ['登録者数', 'people', '属性'],
      ['面談実施数', 'people', '属性'],
      ['就職者数', 'people', '就職経路,雇用形態,属性'],
      ['無期雇用就職者数', 'people', '就職経路,雇用形態,属性'],
      ['6か月以内離職者数', 'people', '就職経路,雇用形態,属性,国外'],
      ['年度末在職者数', 'people', '就職経路,雇用形態,属性'],
      ['在留資格変更数', 'people', '属性'],
      ['ヒアリング企業数', 'times', ''],
      ['新規求人数', 'times', ''],
      ['イベント回数', 'times', '事業内容,種別'],
      ['参加者数', 'people', '事業内容,種別'],
      ['参加者実人数', 'people', '事業内容,種別'],
      ['参加者数最小', 'people', '事業内容,種別'],
      ['参加者数最大', 'people', '事業内容,種別'],
      ['事業費', 'yen', '事業内容,費目'],
      ['事業費合計', 'yen', '区分,費目'],
      ['管理費', 'yen', '費目'],
      ['新規求職申込件数', 'people', '属性,国外'],
      ['有効求職者数', 'people', '属性,国外'],
      ['常用求人数', 'times', '国外'],
      ['臨時求人数', 'times', '国外'],
      ['日雇求人数', 'times', '国外'],
      ['有効求人数', 'times', '国外,雇用期間'],
      ['常用就職件数', 'people', '就職経路,雇用形態,属性,国外'],
      ['臨時就職件数', 'people', '就職経路,雇用形態,属性,国外'],
      ['日雇就職件数', 'people', '就職経路,雇用形態,属性,国外'],
      ['無期雇用就職件数', 'people', '就職経路,雇用形態,属性,国外'],
      ['離職不明者数', 'people', '就職経路,雇用形態,属性,国外'],
      ['手数料収入', 'yen', '就職経路,国外'],
    ]);
    expect(Object.isFrozen(METRICS)).toBe(true);
    expect(FILTER_KEYS).toEqual([
      '事業内容',
      '種別',
      '就職経路',
      '費目',
      '区分',
      '雇用形態',
      '属性',
      '国外',
      '雇用期間',
    ]);
  });

  it('gives each metric its English name and its one-line definition', () => {
    expect(METRICS.map((m) => `${m.en}: ${m.description}`)).toEqual([
      'New contacts: 初回接点日が年度内の候補者の数',
      'Registrations: 登録日が年度内の候補者の数',
      'Interviews: 初回面談日が年度内の候補者の数',
      'Placements: 就職日が年度内の候補者の数（就職経路・雇用形態で絞り込み可）',
      'Permanent placements: 就職者のうち無期雇用の数',
      'Left within 6 months: 無期雇用就職件数のうち、就職日から6か月以内（就職日を1日目として数える）に解雇以外の理由で離職した数（離職理由が空欄なら解雇以外、不明は離職不明者数へ）',
      'Employed at year end: 年度末までに就職し、年度末時点で離職していない数',
      'Residence status changes: 在留資格変更日が年度内の数',
      'Companies heard: 初回ヒアリング日が年度内の企業の数',
      'New job openings: 受理日が年度内の求人の求人数の合計（国外を含む。求人タブに行がないときは、求人受理日が年度内の企業の新規求人数の合計）',
      'Events: 開始日が年度内のイベント（回・期・講演・取材）の数',
      'Participants (total): 年度内のイベントの参加者数の合計（延べ）',
      'Participants (unique): 年度内のイベントの参加者IDの重複を除いた人数',
      'Smallest attendance: 年度内のイベントのうち最も少ない参加者数',
      'Largest attendance: 年度内のイベントのうち最も多い参加者数',
      'Program cost: 年度内の費用の金額の合計（円、管理費を除く）',
      'Total program cost: 区分ごとの事業費の合計（円、管理費を除く）',
      'Administration cost: 事業内容が「管理費」の費用の合計（円）',
      'New job applications: 求職申込日（空欄なら登録日）が4月〜3月の候補者の数（国内。国外=はい で国外）',
      'Active job seekers: 3月31日に有効な求職の数: 求職申込日（空欄なら登録日）が3月31日以前、求職有効期限が3月31日以降（空欄は数えない）で、3月31日までに就職していない候補者',
      'New regular openings: 受理日が4月〜3月の求人のうち雇用期間が期間の定めなし・4か月以上の求人数の合計（求人タブに行がないときは企業タブの新規求人数をすべて常用として数える）',
      'New temporary openings: 受理日が4月〜3月の求人のうち雇用期間が1か月以上4か月未満の求人数の合計（求人タブに行がないときは0）',
      'New day-labour openings: 受理日が4月〜3月の求人のうち雇用期間が1か月未満の求人数の合計（求人タブに行がないときは0）',
      'Active openings: 3月31日に有効な求人の求人数の合計: 受理日が3月31日以前で有効期限が3月31日以降（有効期限が空欄の求人と企業タブの新規求人数は数えない）',
      'Regular placements: 就職日が4月〜3月の職業紹介による就職のうち雇用期間が期間の定めなし・4か月以上の数（雇用期間が空欄でも無期雇用=はい なら期間の定めなし）',
      'Temporary placements: 就職日が4月〜3月の職業紹介による就職のうち雇用期間が1か月以上4か月未満の数',
      'Day-labour placements: 就職日が4月〜3月の職業紹介による就職のうち雇用期間が1か月未満の数',
      'Permanent placements (job placement): 就職日が4月〜3月の職業紹介による就職のうち無期雇用の数（無期雇用が空欄なら雇用期間が期間の定めなし）',
      'Leaving unknown: 無期雇用就職件数のうち、離職理由が「不明」（6か月以内に離職したかどうか確かめられない）の数',
      'Placement fees: 就職日が4月〜3月の職業紹介による就職の手数料の合計（円）',
    ]);
  });

  it('names the tabs each metric reads, so a formula reads those and no more', () => {
    expect(METRICS.map((m) => m.tabs.join(','))).toEqual([
      ...Array(8).fill('candidates'),
      'companies',
      'companies,jobOrders',
      ...Array(5).fill('events'),
      'costs',
      'costs,programs',
      'costs',
      'candidates',
      'candidates',
      ...Array(3).fill('jobOrders,companies'),
      'jobOrders',
      ...Array(6).fill('candidates'),
    ]);
  });

  it('findMetric takes the Japanese key or the English name, width- and case-folded', () => {
    expect(findMetric('参加者実人数')?.id).toBe('参加者実人数');
    expect(findMetric('participants (unique)')?.id).toBe('参加者実人数');
    expect(findMetric('　PROGRAM COST ')?.id).toBe('事業費');
    expect(findMetric('６か月以内離職者数')?.id).toBe('6か月以内離職者数');
    expect(findMetric('参加者')).toBeUndefined();
  });

  it('formatThousands groups digits and keeps the sign of refunds', () => {
    expect([0, 999, 1000, 1234567, -1234567, -999, 12.9].map(formatThousands)).toEqual([
      '0',
      '999',
      '1,000',
      '1,234,567',
      '-1,234,567',
      '-999',
      '12',
    ]);
  });
});

const hiredAndLeft = (hired: number | null, left: number | null) => ({ hired, left }) as unknown as CandidateRecord;

describe('leftWithinSixMonths', () => {
  it('day numbers used below: 1970-03-01 is 59, 1969-08-01 is -153 (days since 1970-01-01)', () => {
    expect(dayNumberFromYmd(1970, 3, 1)).toBe(59);
    expect(dayNumberFromYmd(1969, 8, 1)).toBe(-153);
  });

  it('is false with a 退職日 but no 就職日 (1970-03-01 is within six months of day 0, 1970-01-01)', () => {
    expect(leftWithinSixMonths(hiredAndLeft(null, 59))).toBe(false);
  });

  it('is false with a 就職日 but no 退職日 (day 0 is within six months after 1969-08-01, whose last day is 1970-01-31)', () => {
    expect(leftWithinSixMonths(hiredAndLeft(-153, null))).toBe(false);
  });

  it('is true for 1969-08-01 → 1970-01-31 (the last day) and false for 1970-02-01', () => {
    expect(leftWithinSixMonths(hiredAndLeft(-153, 30))).toBe(true);
    expect(leftWithinSixMonths(hiredAndLeft(-153, 31))).toBe(false);
  });

  it('is false when neither day is typed', () => {
    expect(leftWithinSixMonths(hiredAndLeft(null, null))).toBe(false);
  });
});
