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
import type { IssueDraft } from './issues';
import { finalizeIssue, formatIssue } from './messages';
import { type FilterKey, type Filters, findMetric, METRICS, type MetricDef } from './metrics';
import { type Grid, matchKey, type RawWorkbook, readWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { ADMIN_COST, SETTINGS, TABS, type TabDef, type TabKey } from './schema';

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
  readonly filters?: Readonly<Record<string, CellValue>>;
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
  const explicitYear = parseYearArgument(request.year);
  throwOnErrors(drafts.filter((draft) => blocksFormula(draft, explicitYear !== null)));
  const year = explicitYear ?? (rangeTab ? null : workbook.settings.fiscalYear);
  if (year === null && !rangeTab) {
    throw new FormulaError('年度がありません。引数で年度を指定するか、設定タブに「対象年度」を入力してください');
  }
  const filters: Filters = {};
  for (const [name, argument] of Object.entries(request.filters ?? {}) as [string, CellValue][]) {
    if (isBlank(argument)) continue;
    const key = findFilterKey(name);
    if (!key || !metric.filters.includes(key)) {
      throw new FormulaError(
        `指標「${metric.id}」に条件「${name}」は使えません（使える条件: ${metric.filters.join('、') || 'なし'}）`,
      );
    }
    if (key === '区分' && rangeTab) {
      throw new FormulaError('区分で絞り込むときは範囲を渡さずに使ってください（事業タブの区分を読むため）');
    }
    const values = splitConditionValues(cellToText(argument));
    checkValues(workbook, key, values, rangeTab);
    filters[key] = values;
  }
  // Without 設定 (a range only), a blank 年度 means every row of the range.
  const period = year === null ? ALL_TIME : periodFromSettings(workbook.settings, year);
  return metric.compute({ workbook, period }, filters);
}

/** Settings a formula does not need (団体名…) must not break it; an explicit 年度 stands in for 対象年度. */
function blocksFormula(draft: IssueDraft, hasYear: boolean): boolean {
  if (draft.severity !== 'error') return false;
  if (draft.code !== 'missing_setting' && draft.code !== 'blank_setting') return true;
  return draft.column === YEAR_SETTING && !hasYear;
}

const YEAR_SETTING = SETTINGS.find((setting) => setting.key === 'fiscalYear')?.ja;

function throwOnErrors(drafts: readonly IssueDraft[]): void {
  if (drafts.length === 0) return;
  const first = finalizeIssue(drafts[0]);
  const more = drafts.length - 1;
  throw new FormulaError(
    `${formatIssue(first)}${more > 0 ? `（ほか${more}件。メニューの「入力チェック」で確認できます）` : ''}`,
  );
}

const ALL_TIME: Period = { year: 0, start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };

/**
 * A value no row could match is a typo more often than a true zero: say so instead of returning 0. With only a
 * range, the 事業内容 and 種別 that appear in it are the ones known.
 */
function checkValues(workbook: Workbook, key: FilterKey, values: readonly string[], rangeTab: TabKey | null): void {
  const fromRange = rangeTab !== null && (key === '事業内容' || key === '種別');
  const known = fromRange ? { values: valuesInRange(workbook, key), open: false } : knownFilterValues(workbook, key);
  if (!known) return;
  const [unknown] = unknownFilterValues(known, values);
  if (unknown === undefined) return;
  const where = key === '事業内容' && !fromRange ? '事業タブ' : fromRange ? '範囲' : '選択肢';
  const hint = matchKey(unknown) === matchKey(ADMIN_COST) ? '。管理費は =JIGYO_METRIC("管理費") で集計できます' : '';
  const list = describeKnownValues(known);
  throw new FormulaError(`${key}「${unknown}」は${where}にありません${list ? `（${list}）` : ''}${hint}`);
}

function valuesInRange(workbook: Workbook, key: FilterKey): string[] {
  const rows: readonly { program?: string | null; kind?: string | null }[] = [...workbook.costs, ...workbook.events];
  return rows.map((row) => (key === '種別' ? (row.kind ?? '') : (row.program ?? '')));
}
