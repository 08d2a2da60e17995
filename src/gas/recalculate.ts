// This file defines 数式を再計算: rewrite the cells that use the add-on's formulas so Sheets computes them again.
import { CUSTOM_FUNCTION_NAMES } from './custom-functions';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const USES_OUR_FUNCTIONS = new RegExp(`(^|[^A-Za-z0-9_.])(${CUSTOM_FUNCTION_NAMES.join('|')})\\s*\\(`, 'i');

export function usesCustomFunction(formula: string): boolean {
  return formula !== '' && USES_OUR_FUNCTIONS.test(formula);
}

/** Runs of vertically adjacent matching cells in one column: one write per run instead of one per cell. */
interface Run {
  readonly row: number;
  readonly column: number;
  readonly formulas: string[];
}

function findRuns(formulas: string[][]): Run[] {
  const runs: Run[] = [];
  const width = formulas.reduce((max, row) => Math.max(max, row.length), 0);
  for (let column = 0; column < width; column++) {
    let current: Run | null = null;
    for (let row = 0; row < formulas.length; row++) {
      const formula = formulas[row][column] ?? '';
      if (!usesCustomFunction(formula)) {
        current = null;
        continue;
      }
      if (current) current.formulas.push(formula);
      else {
        current = { row: row + 1, column: column + 1, formulas: [formula] };
        runs.push(current);
      }
    }
  }
  return runs;
}

/**
 * Custom formulas recalculate only when an argument changes; rewriting the same formula does not count as a change,
 * so the cells are emptied, flushed, and given their formulas back. No other cell is written.
 */
export function recalculateFormulas(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const work: { sheet: Sheet; runs: Run[] }[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (sheet.getLastRow() === 0) continue;
    const runs = findRuns(sheet.getDataRange().getFormulas());
    if (runs.length > 0) work.push({ sheet, runs });
  }
  if (work.length === 0) return 0;
  for (const { sheet, runs } of work) {
    for (const run of runs)
      sheet.getRange(run.row, run.column, run.formulas.length, 1).setFormulas(run.formulas.map(() => ['']));
  }
  SpreadsheetApp.flush();
  let cells = 0;
  for (const { sheet, runs } of work) {
    for (const run of runs) {
      sheet.getRange(run.row, run.column, run.formulas.length, 1).setFormulas(run.formulas.map((formula) => [formula]));
      cells += run.formulas.length;
    }
  }
  return cells;
}

export function menuRecalculateFormulas(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const cells = recalculateFormulas(spreadsheet);
  spreadsheet.toast(
    cells > 0 ? `${cells} 個のセルを再計算しました` : '再計算する数式はありませんでした',
    '数式を再計算',
    5,
  );
}
