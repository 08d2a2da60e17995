// This file defines how a custom formula's arguments become one metric value, or a clear error instead of a wrong number.
import { type CellValue, cellToText, isBlank, normalizeText, parseInteger } from './cells';
import {
  describeKnownValues,
  findFilterKey,
  knownFilterValues,
  splitConditionValues,
  unknownFilterValues,
} from './conditions';
import { type Period, periodFromSettings } from './fiscal-year';
import { isFiscalYearInRange } from './input-rules';
import type { FormulaErrorCode, FormulaErrorParams, IssueDraft } from './issues';
import { formulaErrorMessage, type Language } from './messages';
import { missingMetricTabs, tabNames } from './metric-tabs';
import { type FilterKey, type Filters, findMetric, METRICS, type MetricDef } from './metrics';
import { type Grid, isMissingYearSetting, matchKey, type RawWorkbook, readWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { ADMIN_COST, type TabDef, type TabKey, tabDef } from './schema';

/**
 * A formula error: its message is what the cell shows on hover. `language` is null until 設定 has been read (then
 * the message is Japanese); the adapter may re-word it with `inLanguage` once it knows 報告書言語.
 */
export class FormulaError extends Error {
  override name = 'FormulaError';

  constructor(
    readonly code: FormulaErrorCode,
    readonly params: FormulaErrorParams = {},
    readonly language: Language | null = null,
  ) {
    super(formulaErrorMessage(code, params, language ?? 'ja'));
  }

  /** The same error worded in `language`. */
  inLanguage(language: Language): FormulaError {
    return new FormulaError(this.code, this.params, language);
  }
}

export interface FormulaRequest {
  /** Metric key (Japanese) or English name. */
  readonly metric: string;
  /** The 年度 argument as the cell passed it; blank → 設定.対象年度. */
  readonly year?: CellValue;
  /** Filter name → the argument as passed (blank arguments are ignored). */
  readonly filters?: Readonly<Record<string, CellValue>>;
}

/**
 * The tabs a formula for this metric must read: the metric's own, plus 設定 (year) and 事業 (to check names). An
 * unknown metric still reads 設定, so that its error comes in the report language.
 */
export function tabsForMetric(metricName: string): readonly TabKey[] {
  const metric = findMetric(metricName);
  if (!metric) return ['settings'];
  const tabs = new Set<TabKey>(['settings', ...metric.tabs]);
  if (metric.filters.includes('事業内容') || metric.filters.includes('区分')) tabs.add('programs');
  return [...tabs];
}

function requireMetric(name: string, language: Language | null): MetricDef {
  const metric = findMetric(name);
  if (!metric) {
    const expected = METRICS.map((m) => m.id).join(language === 'en' ? ', ' : '、');
    throw new FormulaError('formula_unknown_metric', { value: name, expected }, language);
  }
  return metric;
}

function parseYearArgument(value: CellValue, language: Language | null): number | null {
  if (isBlank(value)) return null;
  const text = typeof value === 'string' ? normalizeText(value).replace(/年度?$/, '') : value;
  const year = parseInteger(text);
  if (!year.ok || year.value === null || !isFiscalYearInRange(year.value)) {
    throw new FormulaError('formula_invalid_year', { value: cellToText(value) }, language);
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
  const metric = requireMetric(request.metric, null);
  const tab = metric.tabs[0];
  const def: TabDef = tabDef(tab);
  if (!Array.isArray(range) || range.length === 0 || !Array.isArray(range[0])) {
    throw new FormulaError('formula_range_needs_header', { tab: def.ja });
  }
  return evaluate({ tabs: [{ name: def.ja, values: range }] }, request, tab);
}

function evaluate(raw: RawWorkbook, request: FormulaRequest, rangeTab: TabKey | null): number {
  const known = findMetric(request.metric);
  const tabs = rangeTab ? [rangeTab] : known ? tabsForMetric(known.id) : (['settings'] as const);
  const { workbook, issues: drafts } = readWorkbook(raw, { tabs });
  // 報告書言語 is known once 設定 is read; a range alone has no 設定.
  const language = rangeTab ? null : workbook.settings.language;
  const metric = requireMetric(request.metric, language);
  const explicitYear = parseYearArgument(request.year, language);
  throwOnErrors(
    drafts.filter((draft) => blocksFormula(draft, explicitYear !== null)),
    language,
  );
  // A range is the data itself; without one, a metric whose tabs are all missing (no 候補者 tab) has no figure.
  const missing = rangeTab ? [] : missingMetricTabs(metric, workbook);
  if (missing.length > 0) {
    throw new FormulaError('formula_metric_needs_tab', { name: metric.id, tab: tabNames(missing) }, language);
  }
  const year = explicitYear ?? (rangeTab ? null : workbook.settings.fiscalYear);
  if (year === null && !rangeTab) throw new FormulaError('formula_missing_year', {}, language);
  const filters: Filters = {};
  for (const [name, argument] of Object.entries(request.filters ?? {}) as [string, CellValue][]) {
    if (isBlank(argument)) continue;
    const key = findFilterKey(name);
    if (!key || !metric.filters.includes(key)) {
      const expected = metric.filters.join(language === 'en' ? ', ' : '、');
      throw new FormulaError('formula_filter_not_allowed', { value: name, name: metric.id, expected }, language);
    }
    if (key === '区分' && rangeTab) throw new FormulaError('formula_category_with_range', {}, language);
    const values = splitConditionValues(cellToText(argument));
    checkValues(workbook, key, values, rangeTab, language);
    filters[key] = values;
  }
  // Without 設定 (a range only), a blank 年度 means every row of the range.
  const period = year === null ? ALL_TIME : periodFromSettings(workbook.settings, year);
  return metric.compute({ workbook, period }, filters);
}

/** Settings a formula does not need (団体名…) must not break it; an explicit 年度 stands in for 対象年度. */
function blocksFormula(draft: IssueDraft, hasYear: boolean): boolean {
  if (draft.severity !== 'error') return false;
  if (isMissingYearSetting(draft)) return !hasYear;
  return draft.code !== 'missing_setting' && draft.code !== 'blank_setting';
}

function throwOnErrors(drafts: readonly IssueDraft[], language: Language | null): void {
  if (drafts.length === 0) return;
  throw new FormulaError('formula_workbook_error', { issue: drafts[0], count: drafts.length - 1 }, language);
}

const ALL_TIME: Period = { year: 0, start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };

/**
 * A value no row could match is a typo more often than a true zero: say so instead of returning 0. With only a
 * range, the 事業内容 and 種別 that appear in it are the ones known.
 */
function checkValues(
  workbook: Workbook,
  key: FilterKey,
  values: readonly string[],
  rangeTab: TabKey | null,
  language: Language | null,
): void {
  const fromRange = rangeTab !== null && (key === '事業内容' || key === '種別');
  const known = fromRange ? { values: valuesInRange(workbook, key), open: false } : knownFilterValues(workbook, key);
  if (!known) return;
  const [unknown] = unknownFilterValues(known, values);
  if (unknown === undefined) return;
  const where = key === '事業内容' && !fromRange ? 'programs' : fromRange ? 'range' : 'choices';
  const adminCost = key === '事業内容' && matchKey(unknown) === matchKey(ADMIN_COST);
  const params = { name: key, value: unknown, where, expected: describeKnownValues(known), adminCost } as const;
  throw new FormulaError('formula_unknown_value', params, language);
}

function valuesInRange(workbook: Workbook, key: FilterKey): string[] {
  const rows: readonly { program?: string | null; kind?: string | null }[] = [...workbook.costs, ...workbook.events];
  return rows.map((row) => (key === '種別' ? (row.kind ?? '') : (row.program ?? '')));
}
