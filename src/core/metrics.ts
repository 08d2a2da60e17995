// This file defines the metrics registry: every figure the report, the formulas and the sidebar show, computed here only.

import { columnKeys } from './column-keys';
import { inPeriod, lastDayOfMonths, type Period } from './fiscal-year';
import { matchKey } from './read-workbook';
import type { CandidateRecord, EventRecord, Workbook } from './records';
import { ADMIN_COST } from './schema';

/** Filter names as staff write them in templates and formulas. */
export type FilterKey = '事業内容' | '種別' | '就職経路' | '費目' | '区分' | '雇用形態' | '属性';

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
  /** The tabs the metric reads, so a formula reads only those. */
  readonly tabs: readonly ('candidates' | 'companies' | 'events' | 'costs' | 'programs')[];
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

const PERSON_FILTERS: readonly FilterKey[] = ['属性'];
const PLACEMENT_FILTERS: readonly FilterKey[] = ['就職経路', '雇用形態', '属性'];
const EVENT_FILTERS: readonly FilterKey[] = ['事業内容', '種別'];

export const METRICS: readonly MetricDef[] = Object.freeze([
  {
    id: '新規接点数',
    en: 'New contacts',
    description: '初回接点日が年度内の候補者の数',
    unit: 'people',
    filters: PERSON_FILTERS,
    tabs: ['candidates'],
    compute: (ctx, f) => countCandidates(ctx, (c) => c.firstContact, f),
  },
  {
    id: '登録者数',
    en: 'Registrations',
    description: '登録日が年度内の候補者の数',
    unit: 'people',
    filters: PERSON_FILTERS,
    tabs: ['candidates'],
    compute: (ctx, f) => countCandidates(ctx, (c) => c.registered, f),
  },
  {
    id: '面談実施数',
    en: 'Interviews',
    description: '初回面談日が年度内の候補者の数',
    unit: 'people',
    filters: PERSON_FILTERS,
    tabs: ['candidates'],
    compute: (ctx, f) => countCandidates(ctx, (c) => c.firstInterview, f),
  },
  {
    id: '就職者数',
    en: 'Placements',
    description: '就職日が年度内の候補者の数（就職経路・雇用形態で絞り込み可）',
    unit: 'people',
    filters: PLACEMENT_FILTERS,
    tabs: ['candidates'],
    compute: (ctx, f) => countCandidates(ctx, (c) => c.hired, f),
  },
  {
    id: '無期雇用就職者数',
    en: 'Permanent placements',
    description: '就職者のうち無期雇用の数',
    unit: 'people',
    filters: PLACEMENT_FILTERS,
    tabs: ['candidates'],
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
    description: '年度内に就職し、就職日から6か月以内（就職日を1日目として数える）に離職した数',
    unit: 'people',
    filters: PLACEMENT_FILTERS,
    tabs: ['candidates'],
    compute: (ctx, f) =>
      countCandidates(
        ctx,
        (c) => c.hired,
        f,
        (c) => c.hired !== null && c.left !== null && c.left >= c.hired && c.left <= lastDayOfMonths(c.hired, 6),
      ),
  },
  {
    id: '年度末在職者数',
    en: 'Employed at year end',
    description: '年度末までに就職し、年度末時点で離職していない数',
    unit: 'people',
    filters: PLACEMENT_FILTERS,
    tabs: ['candidates'],
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
    tabs: ['candidates'],
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
    description: '求人受理日が年度内の企業の新規求人数の合計',
    unit: 'times',
    filters: [],
    tabs: ['companies'],
    compute: ({ workbook, period }) =>
      workbook.companies.reduce(
        (sum, c) => (inPeriod(c.openingsReceived, period) ? sum + (c.newOpenings ?? 0) : sum),
        0,
      ),
  },
  {
    id: 'イベント回数',
    en: 'Events',
    description: '開始日が年度内のイベント（回・期・講演・取材）の数',
    unit: 'times',
    filters: EVENT_FILTERS,
    tabs: ['events'],
    compute: (ctx, f) => matchingEvents(ctx, f).length,
  },
  {
    id: '参加者数',
    en: 'Participants (total)',
    description: '年度内のイベントの参加者数の合計（延べ）',
    unit: 'people',
    filters: EVENT_FILTERS,
    tabs: ['events'],
    compute: (ctx, f) => matchingEvents(ctx, f).reduce((sum, event) => sum + (attendance(event) ?? 0), 0),
  },
  {
    id: '参加者実人数',
    en: 'Participants (unique)',
    description: '年度内のイベントの参加者IDの重複を除いた人数',
    unit: 'people',
    filters: EVENT_FILTERS,
    tabs: ['events'],
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
    tabs: ['events'],
    compute: (ctx, f) => extreme(ctx, f, Math.min),
  },
  {
    id: '参加者数最大',
    en: 'Largest attendance',
    description: '年度内のイベントのうち最も多い参加者数',
    unit: 'people',
    filters: EVENT_FILTERS,
    tabs: ['events'],
    compute: (ctx, f) => extreme(ctx, f, Math.max),
  },
  {
    id: '事業費',
    en: 'Program cost',
    description: '年度内の費用の金額の合計（円、管理費を除く）',
    unit: 'yen',
    filters: ['事業内容', '費目'],
    tabs: ['costs'],
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
    tabs: ['costs'],
    compute: (ctx, f) => sumCosts(ctx, f, isAdmin),
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
export const FILTER_KEYS: readonly FilterKey[] = ['事業内容', '種別', '就職経路', '費目', '区分', '雇用形態', '属性'];

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
