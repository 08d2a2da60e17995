// This file defines how a custom formula's arguments become one metric value, or a clear error instead of a wrong number.
import { type CellValue, cellToText, isBlank, normalizeText, parseInteger } from './cells';
import { type Period, periodFromSettings } from './fiscal-year';
import { hasErrors, type Issue } from './issues';
import { finalizeIssue, formatIssue } from './messages';
import { type FilterKey, type Filters, findMetric, METRICS, type MetricDef } from './metrics';
import { type Grid, matchKey, type RawWorkbook, readWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { ADMIN_COST, TABS, type TabDef, type TabKey } from './schema';

/** A formula error: its message is what the cell shows on hover. */
export class FormulaError extends Error {
  override name = 'FormulaError';
}

export interface FormulaRequest {
  /** Metric key (Japanese) or English name. */
  readonly metric: string;
  /** The 年度 argument as the cell passed it; blank → 設定.対象年度. */
  readonly year?: CellValue;
  /** Filter name → the argument as passed (blank arguments are ignored). */
  readonly filters?: Partial<Record<FilterKey, CellValue>>;
}

/** The tabs a formula for this metric must read: the metric's own, plus 設定 (year) and 事業 (to check names). */
export function tabsForMetric(metricName: string): readonly TabKey[] {
  const metric = findMetric(metricName);
  if (!metric) return [];
  const tabs = new Set<TabKey>(['settings', ...metric.tabs]);
  if (metric.filters.includes('事業内容') || metric.filters.includes('区分')) tabs.add('programs');
  return [...tabs];
}

function requireMetric(name: string): MetricDef {
  const metric = findMetric(name);
  if (!metric)
    throw new FormulaError(`指標「${name}」はありません。使える指標: ${METRICS.map((m) => m.id).join('、')}`);
  return metric;
}

function parseYearArgument(value: CellValue): number | null {
  if (isBlank(value)) return null;
  const text = typeof value === 'string' ? normalizeText(value).replace(/年度?$/, '') : value;
  const year = parseInteger(text);
  if (!year.ok || year.value === null || year.value < 1990 || year.value > 2100) {
    throw new FormulaError(`年度「${cellToText(value)}」は年度として読めません（例: 2022）`);
  }
  return year.value;
}

/** Evaluates a metric over the tabs in `raw`, which the caller read with `tabsForMetric`. */
export function evaluateFormula(raw: RawWorkbook, request: FormulaRequest): number {
  return evaluate(raw, request, null);
}

/**
 * Evaluates a metric over one range the formula was given (header row first) and nothing else, so the cell
 * recalculates whenever the range changes. Without 設定, a blank 年度 means every row of the range and a given
 * 年度 starts in April.
 */
export function evaluateFormulaOnRange(range: Grid, request: FormulaRequest): number {
  const metric = requireMetric(request.metric);
  const tab = metric.tabs[0];
  const def = TABS.find((t) => t.key === tab) as TabDef;
  if (!Array.isArray(range) || range.length === 0 || !Array.isArray(range[0])) {
    throw new FormulaError(`範囲には「${def.ja}」タブの見出し行を含めてください（例: ${def.ja}!A:H）`);
  }
  return evaluate({ tabs: [{ name: def.ja, values: range }] }, request, tab);
}

function evaluate(raw: RawWorkbook, request: FormulaRequest, rangeTab: TabKey | null): number {
  const metric = requireMetric(request.metric);
  const tabs = rangeTab ? [rangeTab] : tabsForMetric(metric.id);
  const { workbook, issues: drafts } = readWorkbook(raw, { tabs });
  const issues: Issue[] = drafts.map((draft) => finalizeIssue(draft));
  if (hasErrors(issues)) {
    const first = issues.find((issue) => issue.severity === 'error') as Issue;
    const more = issues.filter((issue) => issue.severity === 'error').length - 1;
    throw new FormulaError(
      `${formatIssue(first)}${more > 0 ? `（ほか${more}件。メニューの「入力チェック」で確認できます）` : ''}`,
    );
  }
  const year = parseYearArgument(request.year) ?? workbook.settings.fiscalYear;
  if (year === null)
    throw new FormulaError('年度がありません。引数で年度を指定するか、設定タブに「対象年度」を入力してください');
  const filters: Filters = {};
  for (const [name, argument] of Object.entries(request.filters ?? {}) as [FilterKey, CellValue][]) {
    if (isBlank(argument)) continue;
    if (!metric.filters.includes(name)) {
      throw new FormulaError(`指標「${metric.id}」に条件「${name}」は使えません`);
    }
    const values = cellToText(argument)
      .split(/[,、，]/)
      .map((value) => normalizeText(value))
      .filter((value) => value !== '');
    if (name === '事業内容') {
      const known = rangeTab ? programsInRange(workbook, rangeTab) : workbook.programs.map((p) => p.program);
      checkProgramNames(values, known, rangeTab ? '範囲' : '事業タブ');
    }
    if (name === '区分' && rangeTab) {
      throw new FormulaError('区分で絞り込むときは範囲を渡さずに使ってください（事業タブの区分を読むため）');
    }
    filters[name] = values;
  }
  const period = year === null ? ALL_TIME : periodFromSettings(workbook.settings, year);
  return metric.compute({ workbook, period }, filters);
}

const ALL_TIME: Period = { year: 0, start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };

/** With only a range, the 事業内容 that appear in it are the ones we know. */
function programsInRange(workbook: Workbook, tab: TabKey): (string | null)[] {
  if (tab === 'costs') return workbook.costs.map((c) => c.program);
  if (tab === 'events') return workbook.events.map((e) => e.program);
  return [];
}

/** An unknown 事業内容 is a typo more often than a program without costs: say so instead of returning 0. */
function checkProgramNames(values: readonly string[], known: readonly (string | null)[], where: string): void {
  const names = new Set(known.filter((name): name is string => name !== null).map(matchKey));
  names.add(matchKey(ADMIN_COST));
  for (const value of values) {
    if (!names.has(matchKey(value))) {
      const list = [...new Set(known.filter((name) => name !== null))].slice(0, 10).join('、');
      throw new FormulaError(`事業内容「${value}」は${where}にありません${list ? `（${list}）` : ''}`);
    }
  }
}
