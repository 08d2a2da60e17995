// This file defines the metrics registry: every figure the report, the formulas and the sidebar show, computed here only.

import { columnKeys } from './column-keys';
import { fiscalPeriod, inPeriod, lastDayOfMonths, type Period } from './fiscal-year';
import { matchKey } from './read-workbook';
import type { CandidateRecord, EventRecord, JobOrderRecord, Workbook } from './records';
import { ADMIN_COST, type TabKey } from './schema';

/** Filter names as staff write them in templates and formulas. */
export type FilterKey = '事業内容' | '種別' | '就職経路' | '費目' | '区分' | '雇用形態' | '属性' | '国外' | '雇用期間';

/** Each filter holds one or more accepted values (OR); values are compared width- and case-folded. */
export type Filters = Partial<Record<FilterKey, readonly string[]>>;

export type MetricUnit = 'people' | 'times' | 'yen';

export interface MetricContext {
  readonly workbook: Workbook;
  readonly period: Period;
}

export interface MetricDef {
  /** Japanese name: the template and JIGYO_METRIC key. */
  readonly id: string;
  readonly en: string;
  readonly description: string;
  readonly unit: MetricUnit;
  readonly filters: readonly FilterKey[];
  /** The tabs the metric reads, so a formula reads only those (a formula given a range reads it as the first). */
  readonly tabs: readonly TabKey[];
  readonly compute: (context: MetricContext, filters: Filters) => number;
}

type Matcher = (value: string | null) => boolean;

const ANY = (): boolean => true;

/** A predicate for one filter over raw values; no filter given matches everything. */
function matcher(filters: Filters, key: FilterKey): Matcher {
  const values = filters[key];
  if (!values || values.length === 0) return ANY;
  const accepted = new Set(values.map(matchKey));
  return (value) => value !== null && accepted.has(matchKey(value));
}

/**
 * A predicate over record indexes for one filter on one column, comparing the column's precomputed match keys
 * (records are scanned once per figure, and a report asks for dozens of figures); no filter matches every record.
 */
function rowFilter<R extends object>(
  records: readonly R[],
  filters: Filters,
  key: FilterKey,
  column: keyof R & string,
): (index: number) => boolean {
  const values = filters[key];
  if (!values || values.length === 0) return ANY;
  const accepted = new Set(values.map(matchKey));
  const keys = columnKeys(records, column);
  return (index) => {
    const value = keys[index];
    return value !== null && accepted.has(value);
  };
}

function countCandidates(
  { workbook, period }: MetricContext,
  dateOf: (candidate: CandidateRecord) => number | null,
  filters: Filters,
  extra: (candidate: CandidateRecord) => boolean = ANY,
): number {
  const candidates = workbook.candidates;
  const route = rowFilter(candidates, filters, '就職経路', 'route');
  const employment = rowFilter(candidates, filters, '雇用形態', 'employmentType');
  const attribute = rowFilter(candidates, filters, '属性', 'attribute');
  let count = 0;
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index];
    if (!inPeriod(dateOf(candidate), period)) continue;
    if (!route(index) || !employment(index) || !attribute(index)) continue;
    if (extra(candidate)) count++;
  }
  return count;
}

function matchingEvents({ workbook, period }: MetricContext, filters: Filters): EventRecord[] {
  const events = workbook.events;
  const program = rowFilter(events, filters, '事業内容', 'program');
  const kind = rowFilter(events, filters, '種別', 'kind');
  return events.filter((event, index) => inPeriod(event.start, period) && program(index) && kind(index));
}

/** 延べ for one event: its 参加者数, or the number of 参加者ID when the count is blank. */
function attendance(event: EventRecord): number | null {
  if (event.participants !== null) return event.participants;
  return event.participantIds.length > 0 ? event.participantIds.length : null;
}

// Folded on first use, not at load: loading the bundle does no work beyond declarations (DESIGN §8).
let adminKey: string | undefined;

/** Whether a cost's 事業内容 (as its match key) is 管理費. */
function isAdmin(programKey: string | null): boolean {
  adminKey ??= matchKey(ADMIN_COST);
  return programKey === adminKey;
}

/** Sums 金額 in the period over the costs the filters and `include` (given the 事業内容 match key) accept. */
function sumCosts(
  { workbook, period }: MetricContext,
  filters: Filters,
  include: (programKey: string | null) => boolean,
): number {
  const costs = workbook.costs;
  const program = rowFilter(costs, filters, '事業内容', 'program');
  const item = rowFilter(costs, filters, '費目', 'item');
  const programKeys = columnKeys(costs, 'program');
  let total = 0;
  for (let index = 0; index < costs.length; index++) {
    const cost = costs[index];
    if (cost.amount === null || !inPeriod(cost.date, period)) continue;
    if (!program(index) || !item(index) || !include(programKeys[index])) continue;
    total += cost.amount;
  }
  return total;
}

/** 事業内容 match key → whether its 区分 passes the 区分 filter (a later row of the same 事業内容 wins). */
function categoryFilter(workbook: Workbook, filters: Filters): (programKey: string | null) => boolean {
  const category = matcher(filters, '区分');
  const accepted = new Map<string, boolean>();
  for (const program of workbook.programs) accepted.set(matchKey(program.program ?? ''), category(program.category));
  const unknown = category(null);
  return (programKey) => accepted.get(programKey ?? '') ?? unknown;
}

// 職業紹介事業報告 (様式第8号) and the 人材サービス総合サイト figures (DESIGN §9) -------------------------------------

/** The period of the 職業紹介事業報告 (様式第8号): April to March of the 年度, whatever 年度開始月 and 初年度開始日 say. */
export function shokaiYearPeriod(year: number): Period {
  return fiscalPeriod(year, 4);
}

/** A metric's period as the 職業紹介 figures count it; a formula over a range with no 年度 (no start) keeps every row. */
export function shokaiPeriod(period: Period): Period {
  return period.start === Number.MIN_SAFE_INTEGER ? period : shokaiYearPeriod(period.year);
}

/** 常用 = 期間の定めなし or 4か月以上; 臨時 = 1か月以上4か月未満; 日雇 = 1か月未満 (様式第8号). */
const REGULAR_TERMS: ReadonlySet<string | null> = new Set(['期間の定めなし', '4か月以上']);
const TEMPORARY_TERMS: ReadonlySet<string | null> = new Set(['1か月以上4か月未満']);
const DAY_LABOUR_TERMS: ReadonlySet<string | null> = new Set(['1か月未満']);

/** The 就職経路 the 職業紹介 figures count when no 就職経路 condition is given. */
export const SHOKAI_ROUTE = '職業紹介';

/** A placement's 雇用期間: as typed, or 期間の定めなし for a 無期雇用 row whose 雇用期間 is blank. */
export function placementTerm(c: CandidateRecord): string | null {
  return c.employmentTerm ?? (c.permanent === true ? '期間の定めなし' : null);
}

/** 無期雇用: 無期雇用 = はい, or 雇用期間 期間の定めなし when 無期雇用 is blank. */
export function isPermanentPlacement(c: CandidateRecord): boolean {
  return c.permanent === true || (c.permanent === null && c.employmentTerm === '期間の定めなし');
}

/** Left within six months of the 就職日, that day counted as the first (民法143条: 5/10 → 11/9 is the last day). */
export function leftWithinSixMonths(c: CandidateRecord): boolean {
  return c.hired !== null && c.left !== null && c.left >= c.hired && c.left <= lastDayOfMonths(c.hired, 6);
}

/** 国外: no condition means 国内 only (国外 = はい left out); 国外=はい gives the 国外 figures, はい,いいえ both. */
function abroadFilter(filters: Filters): (abroad: boolean | null) => boolean {
  const values = filters.国外;
  if (!values || values.length === 0) return (abroad) => abroad !== true;
  const keys = new Set(values.map(matchKey));
  const yes = keys.has('はい');
  const no = keys.has('いいえ');
  return (abroad) => (abroad === true ? yes : no);
}

/**
 * The 候補者 rows whose `dateOf` falls in the April–March period and that pass 属性, 雇用形態 and 国外; `routes` (when
 * given) also requires 就職経路 to be one of them.
 */
function shokaiCandidates(
  { workbook, period }: MetricContext,
  filters: Filters,
  dateOf: (candidate: CandidateRecord) => number | null,
  routes?: readonly string[],
): CandidateRecord[] {
  const candidates = workbook.candidates;
  const shokai = shokaiPeriod(period);
  const route = routes ? rowFilter(candidates, { 就職経路: routes }, '就職経路', 'route') : ANY;
  const employment = rowFilter(candidates, filters, '雇用形態', 'employmentType');
  const attribute = rowFilter(candidates, filters, '属性', 'attribute');
  const abroad = abroadFilter(filters);
  return candidates.filter(
    (candidate, index) =>
      inPeriod(dateOf(candidate), shokai) &&
      abroad(candidate.abroad) &&
      route(index) &&
      employment(index) &&
      attribute(index),
  );
}

/** The 就職経路 a placement figure counts: the condition's, or 職業紹介 when there is none. */
function shokaiRoutes(filters: Filters): readonly string[] {
  const routes = filters.就職経路;
  return routes && routes.length > 0 ? routes : [SHOKAI_ROUTE];
}

/** Placements (就職日 in the April–March period) through 職業紹介, or the 就職経路 given. */
function placements(ctx: MetricContext, filters: Filters): CandidateRecord[] {
  return shokaiCandidates(ctx, filters, (c) => c.hired, shokaiRoutes(filters));
}

function countPlacements(ctx: MetricContext, filters: Filters, include: (c: CandidateRecord) => boolean): number {
  return placements(ctx, filters).filter(include).length;
}

/** 求職申込日, or 登録日 when it is blank. */
export function applicationDay(c: CandidateRecord): number | null {
  return c.seekingApplied ?? c.registered;
}

/**
 * Whether a 求職 made by the period's last day (the caller checked 求職申込日) is still open on that day: 有効期限 on or
 * after it (blank: not open), and no placement from the application up to that day (a placement ends the 求職).
 */
function seekingAtEnd(c: CandidateRecord, end: number): boolean {
  if ((c.seekingExpires ?? Number.NEGATIVE_INFINITY) < end) return false;
  const hired = c.hired ?? Number.POSITIVE_INFINITY;
  return hired < (applicationDay(c) as number) || hired > end;
}

function sumOpenings(orders: readonly JobOrderRecord[], include: (order: JobOrderRecord) => boolean): number {
  let total = 0;
  for (const order of orders) if (include(order)) total += order.openings ?? 0;
  return total;
}

/** 企業.新規求人数 whose 求人受理日 is in the period: the figures before the 求人 tab, and without it. */
function companyOpenings(workbook: Workbook, period: Period): number {
  return workbook.companies.reduce(
    (sum, c) => (inPeriod(c.openingsReceived, period) ? sum + (c.newOpenings ?? 0) : sum),
    0,
  );
}

/**
 * 求人数 received in the April–March period with a 雇用期間 in `terms`. Without any 求人 row, 企業.新規求人数 stands in:
 * its 雇用期間 is unknown, so it counts as 常用 (`companyTerm`) and 国内.
 */
function newOpenings(
  ctx: MetricContext,
  filters: Filters,
  terms: ReadonlySet<string | null>,
  companyTerm: boolean,
): number {
  const period = shokaiPeriod(ctx.period);
  const abroad = abroadFilter(filters);
  const orders = ctx.workbook.jobOrders;
  if (orders.length === 0) return companyTerm && abroad(false) ? companyOpenings(ctx.workbook, period) : 0;
  return sumOpenings(
    orders,
    (order) => inPeriod(order.received, period) && abroad(order.abroad) && terms.has(order.employmentTerm),
  );
}

const PERSON_FILTERS: readonly FilterKey[] = ['属性'];
const SHOKAI_PERSON_FILTERS: readonly FilterKey[] = ['属性', '国外'];
const SHOKAI_PLACEMENT_FILTERS: readonly FilterKey[] = ['就職経路', '雇用形態', '属性', '国外'];
const PLACEMENT_FILTERS: readonly FilterKey[] = ['就職経路', '雇用形態', '属性'];
const EVENT_FILTERS: readonly FilterKey[] = ['事業内容', '種別'];
// The tabs of most metrics, shared like the filter lists above.
const CANDIDATES_TAB: readonly TabKey[] = ['candidates'];
const EVENTS_TAB: readonly TabKey[] = ['events'];
const COSTS_TAB: readonly TabKey[] = ['costs'];
const JOB_ORDERS_TABS: readonly TabKey[] = ['jobOrders', 'companies'];

export const METRICS: readonly MetricDef[] = Object.freeze([
  {
    id: '新規接点数',
    en: 'New contacts',
    description: '初回接点日が年度内の候補者の数',
    unit: 'people',
    filters: PERSON_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countCandidates(ctx, (c) => c.firstContact, f),
  },
  {
    id: '登録者数',
    en: 'Registrations',
    description: '登録日が年度内の候補者の数',
    unit: 'people',
    filters: PERSON_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countCandidates(ctx, (c) => c.registered, f),
  },
  {
    id: '面談実施数',
    en: 'Interviews',
    description: '初回面談日が年度内の候補者の数',
    unit: 'people',
    filters: PERSON_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countCandidates(ctx, (c) => c.firstInterview, f),
  },
  {
    id: '就職者数',
    en: 'Placements',
    description: '就職日が年度内の候補者の数（就職経路・雇用形態で絞り込み可）',
    unit: 'people',
    filters: PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countCandidates(ctx, (c) => c.hired, f),
  },
  {
    id: '無期雇用就職者数',
    en: 'Permanent placements',
    description: '就職者のうち無期雇用の数',
    unit: 'people',
    filters: PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) =>
      countCandidates(
        ctx,
        (c) => c.hired,
        f,
        (c) => c.permanent === true,
      ),
  },
  {
    id: '6か月以内離職者数',
    en: 'Left within 6 months',
    description:
      '無期雇用就職件数のうち、就職日から6か月以内（就職日を1日目として数える）に解雇以外の理由で離職した数（離職理由が空欄なら解雇以外、不明は離職不明者数へ）',
    unit: 'people',
    filters: SHOKAI_PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) =>
      countPlacements(
        ctx,
        f,
        (c) =>
          isPermanentPlacement(c) && leftWithinSixMonths(c) && c.leaveReason !== '解雇' && c.leaveReason !== '不明',
      ),
  },
  {
    id: '年度末在職者数',
    en: 'Employed at year end',
    description: '年度末までに就職し、年度末時点で離職していない数',
    unit: 'people',
    filters: PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) =>
      countCandidates(
        { ...ctx, period: { ...ctx.period, start: Number.MIN_SAFE_INTEGER } },
        (c) => c.hired,
        f,
        (c) => c.left === null || c.left > ctx.period.end,
      ),
  },
  {
    id: '在留資格変更数',
    en: 'Residence status changes',
    description: '在留資格変更日が年度内の数',
    unit: 'people',
    filters: PERSON_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countCandidates(ctx, (c) => c.statusChanged, f),
  },
  {
    id: 'ヒアリング企業数',
    en: 'Companies heard',
    description: '初回ヒアリング日が年度内の企業の数',
    unit: 'times',
    filters: [],
    tabs: ['companies'],
    compute: ({ workbook, period }) => workbook.companies.filter((c) => inPeriod(c.firstHearing, period)).length,
  },
  {
    id: '新規求人数',
    en: 'New job openings',
    description:
      '受理日が年度内の求人の求人数の合計（国外を含む。求人タブに行がないときは、求人受理日が年度内の企業の新規求人数の合計）',
    unit: 'times',
    filters: [],
    tabs: ['companies', 'jobOrders'],
    compute: ({ workbook, period }) =>
      workbook.jobOrders.length > 0
        ? sumOpenings(workbook.jobOrders, (order) => inPeriod(order.received, period))
        : companyOpenings(workbook, period),
  },
  {
    id: 'イベント回数',
    en: 'Events',
    description: '開始日が年度内のイベント（回・期・講演・取材）の数',
    unit: 'times',
    filters: EVENT_FILTERS,
    tabs: EVENTS_TAB,
    compute: (ctx, f) => matchingEvents(ctx, f).length,
  },
  {
    id: '参加者数',
    en: 'Participants (total)',
    description: '年度内のイベントの参加者数の合計（延べ）',
    unit: 'people',
    filters: EVENT_FILTERS,
    tabs: EVENTS_TAB,
    compute: (ctx, f) => matchingEvents(ctx, f).reduce((sum, event) => sum + (attendance(event) ?? 0), 0),
  },
  {
    id: '参加者実人数',
    en: 'Participants (unique)',
    description: '年度内のイベントの参加者IDの重複を除いた人数',
    unit: 'people',
    filters: EVENT_FILTERS,
    tabs: EVENTS_TAB,
    compute: (ctx, f) => {
      const unique = new Set<string>();
      for (const event of matchingEvents(ctx, f)) for (const id of event.participantIds) unique.add(matchKey(id));
      return unique.size;
    },
  },
  {
    id: '参加者数最小',
    en: 'Smallest attendance',
    description: '年度内のイベントのうち最も少ない参加者数',
    unit: 'people',
    filters: EVENT_FILTERS,
    tabs: EVENTS_TAB,
    compute: (ctx, f) => extreme(ctx, f, Math.min),
  },
  {
    id: '参加者数最大',
    en: 'Largest attendance',
    description: '年度内のイベントのうち最も多い参加者数',
    unit: 'people',
    filters: EVENT_FILTERS,
    tabs: EVENTS_TAB,
    compute: (ctx, f) => extreme(ctx, f, Math.max),
  },
  {
    id: '事業費',
    en: 'Program cost',
    description: '年度内の費用の金額の合計（円、管理費を除く）',
    unit: 'yen',
    filters: ['事業内容', '費目'],
    tabs: COSTS_TAB,
    compute: (ctx, f) => sumCosts(ctx, f, (programKey) => !isAdmin(programKey)),
  },
  {
    id: '事業費合計',
    en: 'Total program cost',
    description: '区分ごとの事業費の合計（円、管理費を除く）',
    unit: 'yen',
    filters: ['区分', '費目'],
    tabs: ['costs', 'programs'],
    compute: (ctx, f) => {
      const inCategory = categoryFilter(ctx.workbook, f);
      return sumCosts(ctx, f, (programKey) => !isAdmin(programKey) && inCategory(programKey));
    },
  },
  {
    id: '管理費',
    en: 'Administration cost',
    description: '事業内容が「管理費」の費用の合計（円）',
    unit: 'yen',
    filters: ['費目'],
    tabs: COSTS_TAB,
    compute: (ctx, f) => sumCosts(ctx, f, isAdmin),
  },
  // 職業紹介事業報告 (様式第8号) and the 人材サービス総合サイト: always April–March; 国内 unless 国外=はい.
  {
    id: '新規求職申込件数',
    en: 'New job applications',
    description: '求職申込日（空欄なら登録日）が4月〜3月の候補者の数（国内。国外=はい で国外）',
    unit: 'people',
    filters: SHOKAI_PERSON_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => shokaiCandidates(ctx, f, applicationDay).length,
  },
  {
    id: '有効求職者数',
    en: 'Active job seekers',
    description:
      '3月31日に有効な求職の数: 求職申込日（空欄なら登録日）が3月31日以前、求職有効期限が3月31日以降（空欄は数えない）で、3月31日までに就職していない候補者',
    unit: 'people',
    filters: SHOKAI_PERSON_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => {
      const { end } = shokaiPeriod(ctx.period);
      const everyDay = { ...ctx, period: { year: ctx.period.year, start: Number.MIN_SAFE_INTEGER, end } };
      return shokaiCandidates(everyDay, f, applicationDay).filter((c) => seekingAtEnd(c, end)).length;
    },
  },
  {
    id: '常用求人数',
    en: 'New regular openings',
    description:
      '受理日が4月〜3月の求人のうち雇用期間が期間の定めなし・4か月以上の求人数の合計（求人タブに行がないときは企業タブの新規求人数をすべて常用として数える）',
    unit: 'times',
    filters: ['国外'],
    tabs: JOB_ORDERS_TABS,
    compute: (ctx, f) => newOpenings(ctx, f, REGULAR_TERMS, true),
  },
  {
    id: '臨時求人数',
    en: 'New temporary openings',
    description: '受理日が4月〜3月の求人のうち雇用期間が1か月以上4か月未満の求人数の合計（求人タブに行がないときは0）',
    unit: 'times',
    filters: ['国外'],
    tabs: JOB_ORDERS_TABS,
    compute: (ctx, f) => newOpenings(ctx, f, TEMPORARY_TERMS, false),
  },
  {
    id: '日雇求人数',
    en: 'New day-labour openings',
    description: '受理日が4月〜3月の求人のうち雇用期間が1か月未満の求人数の合計（求人タブに行がないときは0）',
    unit: 'times',
    filters: ['国外'],
    tabs: JOB_ORDERS_TABS,
    compute: (ctx, f) => newOpenings(ctx, f, DAY_LABOUR_TERMS, false),
  },
  {
    id: '有効求人数',
    en: 'Active openings',
    description:
      '3月31日に有効な求人の求人数の合計: 受理日が3月31日以前で有効期限が3月31日以降（有効期限が空欄の求人と企業タブの新規求人数は数えない）',
    unit: 'times',
    filters: ['国外', '雇用期間'],
    tabs: ['jobOrders'],
    compute: (ctx, f) => {
      const { end } = shokaiPeriod(ctx.period);
      const abroad = abroadFilter(f);
      const term = rowFilter(ctx.workbook.jobOrders, f, '雇用期間', 'employmentTerm');
      const orders = ctx.workbook.jobOrders;
      let total = 0;
      for (let index = 0; index < orders.length; index++) {
        const order = orders[index];
        const received = order.received ?? Number.POSITIVE_INFINITY;
        const expires = order.expires ?? Number.NEGATIVE_INFINITY;
        if (received <= end && expires >= end && abroad(order.abroad) && term(index)) total += order.openings ?? 0;
      }
      return total;
    },
  },
  {
    id: '常用就職件数',
    en: 'Regular placements',
    description:
      '就職日が4月〜3月の職業紹介による就職のうち雇用期間が期間の定めなし・4か月以上の数（雇用期間が空欄でも無期雇用=はい なら期間の定めなし）',
    unit: 'people',
    filters: SHOKAI_PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countPlacements(ctx, f, (c) => REGULAR_TERMS.has(placementTerm(c))),
  },
  {
    id: '臨時就職件数',
    en: 'Temporary placements',
    description: '就職日が4月〜3月の職業紹介による就職のうち雇用期間が1か月以上4か月未満の数',
    unit: 'people',
    filters: SHOKAI_PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countPlacements(ctx, f, (c) => TEMPORARY_TERMS.has(placementTerm(c))),
  },
  {
    id: '日雇就職件数',
    en: 'Day-labour placements',
    description: '就職日が4月〜3月の職業紹介による就職のうち雇用期間が1か月未満の数',
    unit: 'people',
    filters: SHOKAI_PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countPlacements(ctx, f, (c) => DAY_LABOUR_TERMS.has(placementTerm(c))),
  },
  {
    id: '無期雇用就職件数',
    en: 'Permanent placements (job placement)',
    description: '就職日が4月〜3月の職業紹介による就職のうち無期雇用の数（無期雇用が空欄なら雇用期間が期間の定めなし）',
    unit: 'people',
    filters: SHOKAI_PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countPlacements(ctx, f, isPermanentPlacement),
  },
  {
    id: '離職不明者数',
    en: 'Leaving unknown',
    description: '無期雇用就職件数のうち、離職理由が「不明」（6か月以内に離職したかどうか確かめられない）の数',
    unit: 'people',
    filters: SHOKAI_PLACEMENT_FILTERS,
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => countPlacements(ctx, f, (c) => isPermanentPlacement(c) && c.leaveReason === '不明'),
  },
  {
    id: '手数料収入',
    en: 'Placement fees',
    description: '就職日が4月〜3月の職業紹介による就職の手数料の合計（円）',
    unit: 'yen',
    filters: ['就職経路', '国外'],
    tabs: CANDIDATES_TAB,
    compute: (ctx, f) => placements(ctx, f).reduce((sum, c) => sum + (c.fee ?? 0), 0),
  },
]);

function extreme(ctx: MetricContext, filters: Filters, pick: (...values: number[]) => number): number {
  const counts = matchingEvents(ctx, filters)
    .map(attendance)
    .filter((n): n is number => n !== null);
  return counts.length === 0 ? 0 : pick(...counts);
}

const BY_ID = new Map<string, MetricDef>();

/** Finds a metric by its Japanese key or English name (width- and case-folded). */
export function findMetric(name: string): MetricDef | undefined {
  if (BY_ID.size === 0) {
    for (const metric of METRICS) {
      BY_ID.set(matchKey(metric.id), metric);
      BY_ID.set(matchKey(metric.en), metric);
    }
  }
  return BY_ID.get(matchKey(name));
}

/** Every filter name a metric may take, for messages. */
export const FILTER_KEYS: readonly FilterKey[] = [
  '事業内容',
  '種別',
  '就職経路',
  '費目',
  '区分',
  '雇用形態',
  '属性',
  '国外',
  '雇用期間',
];

/** Computes one metric; the caller has checked the filter names against `metric.filters`. */
export function computeMetric(metric: MetricDef, context: MetricContext, filters: Filters = {}): number {
  return metric.compute(context, filters);
}

/** 1234567 → '1,234,567'. */
export function formatThousands(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
