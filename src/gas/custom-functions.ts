// This file defines the custom formulas' Apps Script side: read only the tabs a metric needs, once, then ask the core.
import type { CellValue } from '../core/cells';
import { evaluateFormula, type FormulaRequest, tabsForMetric } from '../core/formulas';
import { readSpreadsheet } from './read-spreadsheet';

/** Evaluates a metric on the active spreadsheet, reading each needed tab with one getValues. */
export function metricFromSpreadsheet(request: FormulaRequest): number {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const raw = readSpreadsheet(spreadsheet, tabsForMetric(request.metric));
  return evaluateFormula(raw, request);
}

/** =PROGRAM_COST(事業内容, [年度], [費目]): 事業費 in yen for one 事業. */
export function programCost(program: CellValue, year?: CellValue, item?: CellValue): number {
  return metricFromSpreadsheet({ metric: '事業費', year, filters: { 事業内容: program ?? '', 費目: item } });
}
