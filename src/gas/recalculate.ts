// This file defines 数式を再計算: one named cell every add-on formula takes as a hidden last argument, changed by the menu.
import { CUSTOM_FUNCTION_ARITY, CUSTOM_FUNCTION_NAMES } from './custom-functions';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Why a hidden argument: Sheets recomputes a custom formula only when one of its arguments changes, and may serve
 * a cached result when the very same formula is written again. Every add-on formula therefore gets one more
 * argument, the named cell JIGYO_RECALC; the menu writes the current time into that cell, which changes an
 * argument of every such formula at once, so Sheets evaluates each again. Formulas staff typed themselves get the
 * argument on the first run (the formula text gains `,JIGYO_RECALC`; its result is unchanged).
 */
export const RECALC_NAME = 'JIGYO_RECALC';
/** The hidden tab holding the named cell (B1, the time of the last 数式を再計算, labelled in A1). */
export const RECALC_SHEET = '再計算';
const RECALC_LABEL = '数式を再計算した日時';

const USES_OUR_FUNCTIONS = new RegExp(`(^|[^A-Za-z0-9_.])(${CUSTOM_FUNCTION_NAMES.join('|')})\\s*\\(`, 'i');

export function usesCustomFunction(formula: string): boolean {
  return formula !== '' && USES_OUR_FUNCTIONS.test(formula);
}

const IDENTIFIER = /[A-Za-z0-9_.]/;
const ARITY = new Map<string, number | null>(Object.entries(CUSTOM_FUNCTION_ARITY));

/** An open bracket while scanning: an add-on call (with its top-level commas), another call, or an array literal. */
interface Frame {
  readonly name: string | null;
  readonly open: number;
  readonly commas: number[];
}

/**
 * The formula with JIGYO_RECALC added as the last argument of every add-on call that lacks it: positional
 * functions get empty arguments up to their documented ones first (`=PLACEMENTS()` → `=PLACEMENTS(,,,JIGYO_RECALC)`),
 * JIGYO_METRIC gets it at the end. Strings ("…"), quoted sheet names ('…') and array literals ({…}) are skipped; one pass,
 * linear in the formula's length. A call with more arguments than documented is left as it is.
 */
export function withRecalcArgument(formula: string): string {
  const inserts: [number, string][] = [];
  const stack: Frame[] = [];
  let i = 0;
  while (i < formula.length) {
    const char = formula[i];
    if (char === '"' || char === "'") {
      // A string, or a quoted sheet name ('費用 (2022)'!A:G): a doubled quote stays inside it.
      i++;
      while (i < formula.length && !(formula[i] === char && formula[i + 1] !== char)) i += formula[i] === char ? 2 : 1;
      i++;
      continue;
    }
    if (char === '(' || char === '{') {
      stack.push({ name: char === '(' ? calledName(formula, i) : null, open: i, commas: [] });
    } else if (char === ',') {
      stack[stack.length - 1]?.commas.push(i);
    } else if ((char === ')' || char === '}') && stack.length > 0) {
      const frame = stack.pop() as Frame;
      if (char === ')' && frame.name !== null) {
        const insert = recalcInsert(formula, frame, i);
        if (insert) inserts.push([i, insert]);
      }
    }
    i++;
  }
  // Closing brackets come in order, so the inserts are sorted: one join, never a copy per insert.
  const parts: string[] = [];
  let done = 0;
  for (const [at, text] of inserts) {
    parts.push(formula.slice(done, at), text);
    done = at;
  }
  parts.push(formula.slice(done));
  return parts.join('');
}

/** The add-on function called by the '(' at `open` (case as Sheets folds it), or null for any other bracket. */
function calledName(formula: string, open: number): string | null {
  let end = open;
  while (end > 0 && formula[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && IDENTIFIER.test(formula[start - 1])) start--;
  const name = formula.slice(start, end).toUpperCase();
  return ARITY.has(name) ? name : null;
}

/** Whether formula[from + 1 … to - 1] is only spaces around `word` (case-insensitive); `word` '' for blank. */
function onlyWord(formula: string, from: number, to: number, word: string): boolean {
  let end = to;
  while (end > from + 1 && formula[end - 1] === ' ') end--;
  const start = end - word.length;
  if (start < from + 1 || formula.slice(start, end).toUpperCase() !== word) return false;
  let before = start;
  while (before > from + 1 && formula[before - 1] === ' ') before--;
  return before === from + 1;
}

/** What to insert before the ')' at `close`; looks only at the brackets' edges, so nesting costs nothing more. */
function recalcInsert(formula: string, frame: Frame, close: number): string | null {
  const count = frame.commas.length === 0 && onlyWord(formula, frame.open, close, '') ? 0 : frame.commas.length + 1;
  const lastStart = frame.commas.length > 0 ? frame.commas[frame.commas.length - 1] : frame.open;
  if (count > 0 && onlyWord(formula, lastStart, close, RECALC_NAME)) return null;
  const arity = ARITY.get(frame.name as string);
  if (arity === null || arity === undefined) return `${count > 0 ? ',' : ''}${RECALC_NAME}`;
  if (count > arity) return null;
  return `${','.repeat(arity - count + (count > 0 ? 1 : 0))}${RECALC_NAME}`;
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

/** The named cell, made on first use: a hidden 再計算 tab with the label in A1 and the cell in B1. */
function recalcCell(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Range {
  const named = spreadsheet.getRangeByName(RECALC_NAME);
  if (named) return named;
  const sheet = spreadsheet.getSheetByName(RECALC_SHEET) ?? spreadsheet.insertSheet(RECALC_SHEET);
  sheet.getRange(1, 1).setValue(RECALC_LABEL);
  const cell = sheet.getRange(1, 2);
  spreadsheet.setNamedRange(RECALC_NAME, cell);
  sheet.hideSheet();
  return cell;
}

/**
 * Gives every add-on formula the hidden argument (one setFormulas per run of cells, only where one lacks it), then
 * writes the current time into JIGYO_RECALC: every formula reading it is evaluated again. No other cell is written.
 * Returns the number of formula cells that use an add-on function.
 */
export function recalculateFormulas(spreadsheet: Spreadsheet, now: Date = new Date()): number {
  const work: { sheet: Sheet; runs: Run[] }[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (sheet.getLastRow() === 0) continue;
    const runs = findRuns(sheet.getDataRange().getFormulas());
    if (runs.length > 0) work.push({ sheet, runs });
  }
  if (work.length === 0) return 0;
  const cell = recalcCell(spreadsheet);
  let cells = 0;
  for (const { sheet, runs } of work) {
    for (const run of runs) {
      const rewritten = run.formulas.map(withRecalcArgument);
      if (rewritten.some((formula, k) => formula !== run.formulas[k])) {
        sheet.getRange(run.row, run.column, run.formulas.length, 1).setFormulas(rewritten.map((formula) => [formula]));
      }
      cells += run.formulas.length;
    }
  }
  cell.setValue(now);
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
