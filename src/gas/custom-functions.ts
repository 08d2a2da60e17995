// This file defines the custom formulas' Apps Script side: a range argument alone, or the needed tabs read once each.
import { type CellValue, cellToText, isBlank } from '../core/cells';
import { parseCondition } from '../core/conditions';
import {
  evaluateFormula,
  evaluateFormulaOnRange,
  FormulaError,
  type FormulaRequest,
  tabsForMetric,
} from '../core/formulas';
import type { Grid } from '../core/read-workbook';
import { readSpreadsheet } from './read-spreadsheet';

/** An argument as Sheets passes it: a value, or a 2-D array for a multi-cell range. */
export type FormulaArgument = CellValue | CellValue[][];

function isRange(argument: FormulaArgument): argument is CellValue[][] {
  return Array.isArray(argument);
}

/** A scalar argument; a range where a value belongs is a mistake worth naming. */
function scalar(argument: FormulaArgument, name: string): CellValue {
  if (isRange(argument)) throw new FormulaError(`「${name}」には1つの値を指定してください（範囲ではなく）`);
  return argument;
}

/** Evaluates from the range when one is given (no service call), else from the active spreadsheet. */
function evaluateWith(request: FormulaRequest, range: FormulaArgument): number {
  if (isRange(range)) return evaluateFormulaOnRange(range as Grid, request);
  if (!isBlank(range)) {
    throw new FormulaError('最後の引数には見出し行を含む範囲を指定してください（例: 費用!A:G）');
  }
  const raw = readSpreadsheet(SpreadsheetApp.getActiveSpreadsheet(), tabsForMetric(request.metric));
  return evaluateFormula(raw, request);
}

export function programCost(
  program: FormulaArgument,
  year?: FormulaArgument,
  item?: FormulaArgument,
  range?: FormulaArgument,
): number {
  if (isBlank(scalar(program, '事業内容') as CellValue))
    throw new FormulaError('事業内容を指定してください（例: "育成事業"）');
  return evaluateWith(
    {
      metric: '事業費',
      year: scalar(year, '年度'),
      filters: { 事業内容: scalar(program, '事業内容'), 費目: scalar(item, '費目') },
    },
    range,
  );
}

export function totalCost(year?: FormulaArgument, category?: FormulaArgument, range?: FormulaArgument): number {
  return evaluateWith(
    { metric: '事業費合計', year: scalar(year, '年度'), filters: { 区分: scalar(category, '区分') } },
    range,
  );
}

export function eventCount(
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

export function participants(
  program?: FormulaArgument,
  kind?: FormulaArgument,
  year?: FormulaArgument,
  mode?: FormulaArgument,
  range?: FormulaArgument,
): number {
  const text = cellToText(scalar(mode, '数え方') as CellValue);
  if (text !== '' && text !== '延べ' && text !== '実人数')
    throw new FormulaError(`数え方「${text}」は「延べ」か「実人数」で指定してください`);
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
export function candidateCount(
  metric: '新規接点数' | '登録者数' | '在留資格変更数',
  year?: FormulaArgument,
  range?: FormulaArgument,
): number {
  return evaluateWith({ metric, year: scalar(year, '年度') }, range);
}

export function placements(year?: FormulaArgument, route?: FormulaArgument, range?: FormulaArgument): number {
  return evaluateWith(
    { metric: '就職者数', year: scalar(year, '年度'), filters: { 就職経路: scalar(route, '就職経路') } },
    range,
  );
}

/** JIGYO_METRIC(指標名, [年度], [条件…], [範囲]): any registered metric, conditions as "キー=値". */
export function jigyoMetric(name: FormulaArgument, year?: FormulaArgument, ...rest: FormulaArgument[]): number {
  const metric = cellToText(scalar(name, '指標名') as CellValue);
  if (metric === '') throw new FormulaError('指標名を指定してください（例: "就職者数"）');
  const last = rest.length > 0 ? rest[rest.length - 1] : undefined;
  const range = last !== undefined && isRange(last) ? last : undefined;
  const conditions = range ? rest.slice(0, -1) : rest;
  const filters: Record<string, CellValue> = {};
  for (const argument of conditions) {
    const text = cellToText(scalar(argument, '条件') as CellValue);
    if (text === '') continue;
    const condition = parseCondition(text);
    if (!condition.ok && condition.problem === 'malformed') {
      throw new FormulaError(`条件「${text}」は「キー=値」で指定してください（例: "事業内容=育成事業"）`);
    }
    filters[condition.ok ? condition.key : condition.name] = condition.ok ? condition.values.join(',') : '?';
  }
  return evaluateWith({ metric, year: scalar(year, '年度'), filters }, range);
}

/** Every custom formula of the add-on; 数式を再計算 looks for these, and the bundle test checks each is declared. */
export const CUSTOM_FUNCTION_NAMES = [
  'PROGRAM_COST',
  'TOTAL_COST',
  'EVENT_COUNT',
  'PARTICIPANTS',
  'NEW_CONTACTS',
  'REGISTRATIONS',
  'PLACEMENTS',
  'STATUS_CHANGES',
  'JIGYO_METRIC',
] as const;
