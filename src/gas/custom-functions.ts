// This file defines the custom formulas' Apps Script side: a range argument alone, or the needed tabs read once each.
import { type CellValue, cellToText, isBlank, isDateObject } from '../core/cells';
import { parseCondition } from '../core/conditions';
import {
  evaluateFormula,
  evaluateFormulaOnRange,
  FormulaError,
  type FormulaRequest,
  tabsForMetric,
} from '../core/formulas';
import type { Language } from '../core/messages';
import type { Grid } from '../core/read-workbook';
import type { TabKey } from '../core/schema';
import { readReportLanguage } from './dialogs';
import { calendarDayNormalizer, hasDate, normalizeDates, readSpreadsheet } from './read-spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An argument as Sheets passes it: a value, or a 2-D array for a multi-cell range. */
export type FormulaArgument = CellValue | CellValue[][];

function isRange(argument: FormulaArgument): argument is CellValue[][] {
  return Array.isArray(argument);
}

/** A scalar argument; a range where a value belongs is a mistake worth naming. */
function scalar(argument: FormulaArgument, name: string): CellValue {
  if (isRange(argument)) throw new FormulaError('formula_range_for_value', { name });
  return argument;
}

/**
 * A range argument as the core must read it: its dates are midnights in the spreadsheet's time zone, corrected by
 * the same rule as the tab-reading path. A range without a Date costs no service call; one with Dates costs one
 * read of the spreadsheet's time zone (a read, which a custom function may do). The argument is not changed.
 */
function rangeForCore(range: CellValue[][]): Grid {
  if (!hasDate(range)) return range as Grid;
  const toCalendarDay = calendarDayNormalizer(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
  if (!toCalendarDay) return range as Grid;
  const copy = range.map((row) => (Array.isArray(row) ? [...row] : row)) as unknown[][];
  normalizeDates(copy, toCalendarDay);
  return copy as Grid;
}

/** Evaluates from the range when one is given (no service call without dates), else from the active spreadsheet. */
function evaluateWith(request: FormulaRequest, range: FormulaArgument): number {
  if (isRange(range)) return evaluateFormulaOnRange(rangeForCore(range), request);
  if (!isBlank(range)) {
    throw new FormulaError('formula_last_argument_not_range');
  }
  const raw = readSpreadsheet(SpreadsheetApp.getActiveSpreadsheet(), tabsForMetric(request.metric));
  return evaluateFormula(raw, request);
}

function programCostValue(
  program: FormulaArgument,
  year?: FormulaArgument,
  item?: FormulaArgument,
  range?: FormulaArgument,
): number {
  if (isBlank(scalar(program, '事業内容') as CellValue)) throw new FormulaError('formula_program_required');
  return evaluateWith(
    {
      metric: '事業費',
      year: scalar(year, '年度'),
      filters: { 事業内容: scalar(program, '事業内容'), 費目: scalar(item, '費目') },
    },
    range,
  );
}

function totalCostValue(year?: FormulaArgument, category?: FormulaArgument, range?: FormulaArgument): number {
  return evaluateWith(
    { metric: '事業費合計', year: scalar(year, '年度'), filters: { 区分: scalar(category, '区分') } },
    range,
  );
}

function eventCountValue(
  program?: FormulaArgument,
  kind?: FormulaArgument,
  year?: FormulaArgument,
  range?: FormulaArgument,
): number {
  return evaluateWith(
    {
      metric: 'イベント回数',
      year: scalar(year, '年度'),
      filters: { 事業内容: scalar(program, '事業内容'), 種別: scalar(kind, '種別') },
    },
    range,
  );
}

function participantsValue(
  program?: FormulaArgument,
  kind?: FormulaArgument,
  year?: FormulaArgument,
  mode?: FormulaArgument,
  range?: FormulaArgument,
): number {
  const text = cellToText(scalar(mode, '数え方') as CellValue);
  if (text !== '' && text !== '延べ' && text !== '実人数')
    throw new FormulaError('formula_invalid_count_mode', { value: text });
  return evaluateWith(
    {
      metric: text === '実人数' ? '参加者実人数' : '参加者数',
      year: scalar(year, '年度'),
      filters: { 事業内容: scalar(program, '事業内容'), 種別: scalar(kind, '種別') },
    },
    range,
  );
}

/** NEW_CONTACTS, REGISTRATIONS, STATUS_CHANGES: a candidate count for a year. */
function candidateCountValue(
  metric: '新規接点数' | '登録者数' | '在留資格変更数',
  year?: FormulaArgument,
  range?: FormulaArgument,
): number {
  return evaluateWith({ metric, year: scalar(year, '年度') }, range);
}

function placementsValue(year?: FormulaArgument, route?: FormulaArgument, range?: FormulaArgument): number {
  return evaluateWith(
    { metric: '就職者数', year: scalar(year, '年度'), filters: { 就職経路: scalar(route, '就職経路') } },
    range,
  );
}

/** Conditions written "キー=値" (blank ones ignored) as a request's filters. */
function filtersOf(conditions: readonly FormulaArgument[]): Record<string, CellValue> {
  const filters: Record<string, CellValue> = {};
  for (const argument of conditions) {
    const text = cellToText(scalar(argument, '条件') as CellValue);
    if (text === '') continue;
    const condition = parseCondition(text);
    if (!condition.ok && condition.problem === 'malformed') {
      throw new FormulaError('formula_malformed_condition', { value: text });
    }
    filters[condition.ok ? condition.key : condition.name] = condition.ok ? condition.values.join(',') : '?';
  }
  return filters;
}

/**
 * JIGYO_METRIC(指標名, [年度], [条件…], [範囲]): any registered metric, conditions as "キー=値". A Date last is the
 * hidden JIGYO_RECALC argument 数式を再計算 adds (no condition or range is a Date): it is ignored.
 */
function jigyoMetricValue(name: FormulaArgument, year?: FormulaArgument, ...given: FormulaArgument[]): number {
  const metric = cellToText(scalar(name, '指標名') as CellValue);
  if (metric === '') throw new FormulaError('formula_metric_required');
  const rest = given.length > 0 && isDateObject(given[given.length - 1]) ? given.slice(0, -1) : given;
  const last = rest.length > 0 ? rest[rest.length - 1] : undefined;
  const range = last !== undefined && isRange(last) ? last : undefined;
  const filters = filtersOf(range ? rest.slice(0, -1) : rest);
  return evaluateWith({ metric, year: scalar(year, '年度'), filters }, range);
}

/**
 * JIGYO_TABLE(行, [年度]): one figure per row of `rows`, each row a metric name and its "キー=値" conditions (the
 * same names and conditions as JIGYO_METRIC), as one column next to them; a blank row gives a blank cell. Every
 * tab the rows need is read once for the whole table: one execution instead of one per cell. An error in any row
 * fails the whole formula with that row's message, never a wrong number.
 */
function jigyoTableValue(rows: FormulaArgument, year?: FormulaArgument): (number | '')[][] {
  return metricTable(() => SpreadsheetApp.getActiveSpreadsheet(), rows, year);
}

/**
 * JIGYO_TABLE over a given spreadsheet (asked for only when a row needs a tab): the formula's own code, which
 * 動作確認 runs on its temporary tab.
 */
export function metricTable(
  spreadsheet: () => Spreadsheet,
  rows: FormulaArgument,
  year?: FormulaArgument,
): (number | '')[][] {
  const grid: CellValue[][] = isRange(rows) ? rows : [[rows]];
  const requests = grid.map((row): FormulaRequest | null => {
    const [name, ...conditions] = row;
    const metric = cellToText(name);
    if (metric === '' && conditions.every((cell) => cellToText(cell) === '')) return null;
    if (metric === '') throw new FormulaError('formula_metric_required');
    return { metric, year: scalar(year, '年度'), filters: filtersOf(conditions) };
  });
  const keys = new Set<TabKey>();
  for (const request of requests) for (const key of request ? tabsForMetric(request.metric) : []) keys.add(key);
  if (keys.size === 0) return grid.map(() => ['']);
  const raw = readSpreadsheet(spreadsheet(), [...keys]);
  return requests.map((request) => [request ? evaluateFormula(raw, request) : '']);
}

/**
 * Runs a formula; an error found before 設定 was read (an argument of the wrong shape, or a range alone) is worded
 * again in 報告書言語, which costs one read of 設定 on that failure only, never on success.
 */
function inReportLanguage<Args extends unknown[], Result>(
  formula: (...args: Args) => Result,
): (...args: Args) => Result {
  return (...args) => {
    try {
      return formula(...args);
    } catch (error) {
      if (!(error instanceof FormulaError) || error.language !== null) throw error;
      let language: Language = 'ja';
      try {
        language = readReportLanguage();
      } catch (_unreadable) {
        // No readable 設定: the Japanese message stands.
      }
      throw error.inLanguage(language);
    }
  };
}

export const programCost = inReportLanguage(programCostValue);
export const totalCost = inReportLanguage(totalCostValue);
export const eventCount = inReportLanguage(eventCountValue);
export const participants = inReportLanguage(participantsValue);
export const candidateCount = inReportLanguage(candidateCountValue);
export const placements = inReportLanguage(placementsValue);
export const jigyoMetric = inReportLanguage(jigyoMetricValue);
export const jigyoTable = inReportLanguage(jigyoTableValue);

/**
 * Every custom formula of the add-on, with how many arguments it documents (null: JIGYO_METRIC takes any number).
 * 数式を再計算 looks for these and adds its hidden argument after the documented ones (a positional formula ignores
 * anything past them); the bundle test checks each is declared.
 */
export const CUSTOM_FUNCTION_ARITY = {
  PROGRAM_COST: 4,
  TOTAL_COST: 3,
  EVENT_COUNT: 4,
  PARTICIPANTS: 5,
  NEW_CONTACTS: 2,
  REGISTRATIONS: 2,
  PLACEMENTS: 3,
  STATUS_CHANGES: 2,
  JIGYO_METRIC: null,
  JIGYO_TABLE: 2,
} as const satisfies Readonly<Record<string, number | null>>;

/** The custom formulas' names, in the order above (src/index.ts declares them in the same order). */
export const CUSTOM_FUNCTION_NAMES = Object.keys(
  CUSTOM_FUNCTION_ARITY,
) as readonly (keyof typeof CUSTOM_FUNCTION_ARITY)[];
