// This file defines the formula wall behind `{{=…}}`: the cells a spreadsheet formula reads, followed from sheet to
// sheet, so a cell that reaches 候補者 or a personal column through other cells is refused like one that reads it.

import { columnIndex } from './issues';

/** A rectangle of cells: 1-based rows, 0-based columns, Infinity for an open end (`B:B`, `3:3`, `A2:A`). */
export interface Area {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** A reference found in a formula; `sheet` is null for the formula's own sheet. */
export interface FormulaReference {
  readonly sheet: string | null;
  readonly area: Area;
}

export interface FormulaScan {
  readonly references: readonly FormulaReference[];
  /** Words that are neither functions, cells nor literals: named ranges (or LET names), looked up by the adapter. */
  readonly names: readonly string[];
  /**
   * The formula builds a reference from text (INDIRECT, IMPORTRANGE) or points where the text alone cannot say
   * (another workbook `[1]Sheet!A1`, a table column `表1[氏名]`, a 3-D range `Sheet1:Sheet3!A1`, a broken reference).
   */
  readonly opaque: boolean;
}

/** What an adapter lets the wall read, only when a referenced cell has a formula. */
export interface FormulaSource {
  /** Every formula of a sheet, row 1 first, '' where a cell holds none; null when there is no such sheet. */
  readonly sheetFormulas: (sheet: string) => readonly (readonly string[])[] | null;
  /** Where a named range lies (`{ sheet: '集計', area: 'B3' }`), or null when the name is not one. */
  readonly namedRange: (name: string) => { readonly sheet: string; readonly area: string } | null;
}

/** Functions that turn text into a reference: what they read cannot be known without evaluating them. */
const TEXT_TO_REFERENCE: ReadonlySet<string> = new Set(['INDIRECT', 'IMPORTRANGE']);
const LITERAL_WORDS: ReadonlySet<string> = new Set(['TRUE', 'FALSE']);
/** A word of a formula: up to an operator, a separator, a quote or a bracket (sticky, read from a given index). */
const WORD = /[^\s"'(),;:!&+\-*/^=<>%{}[\]@]*/y;
const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

interface Part {
  readonly column?: number;
  readonly row?: number;
}

function parsePart(text: string): Part | null {
  const match = PART.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const row = match[2] === undefined ? undefined : Number(match[2]);
  if (row === 0) return null;
  return { column: match[1] === undefined ? undefined : columnIndex(match[1]), row };
}

/** `B3`, `$B$3`, `B3:C4`, `B:B`, `3:5`, `A2:A` → an area; null for anything else (a name, a number). */
export function parseArea(text: string): Area | null {
  const pieces = text.split(':');
  if (pieces.length > 2) return null;
  const first = parsePart(pieces[0]);
  if (!first) return null;
  if (pieces.length === 1) {
    if (first.column === undefined || first.row === undefined) return null;
    return { firstRow: first.row, lastRow: first.row, firstColumn: first.column, lastColumn: first.column };
  }
  const second = parsePart(pieces[1]);
  if (!second) return null;
  let columns: [number, number];
  if (first.column === undefined && second.column === undefined) columns = [0, Number.POSITIVE_INFINITY];
  else if (first.column !== undefined && second.column !== undefined)
    columns = [Math.min(first.column, second.column), Math.max(first.column, second.column)];
  else return null;
  let rows: [number, number];
  if (first.row !== undefined && second.row !== undefined)
    rows = [Math.min(first.row, second.row), Math.max(first.row, second.row)];
  else rows = [first.row ?? 1, second.row ?? Number.POSITIVE_INFINITY];
  return { firstRow: rows[0], lastRow: rows[1], firstColumn: columns[0], lastColumn: columns[1] };
}

/** Reads the formula once, left to right (linear time): its references, the names it uses, and whether it is opaque. */
export function scanFormula(formula: string): FormulaScan {
  const references: FormulaReference[] = [];
  const names: string[] = [];
  const text = formula;
  const opaque = (): FormulaScan => ({ references, names, opaque: true });
  const wordEnd = (from: number): number => {
    WORD.lastIndex = from;
    WORD.exec(text);
    return WORD.lastIndex;
  };
  /** The index after the closing `quote` of a token opened at `open` (a doubled quote stays inside), or -1. */
  const closing = (quote: string, open: number): number => {
    let close = text.indexOf(quote, open + 1);
    while (close >= 0 && text[close + 1] === quote) close = text.indexOf(quote, close + 2);
    return close;
  };
  /** The area after `sheet!` (one word, or two joined by `:`): its end, or -1 when it is not an area. */
  const areaAfterBang = (sheet: string, from: number): number => {
    let end = wordEnd(from);
    if (text[end] === ':') end = wordEnd(end + 1);
    const area = parseArea(text.slice(from, end));
    if (!area) return -1;
    references.push({ sheet, area });
    return end;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const close = closing('"', i);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    if (ch === "'") {
      const close = closing("'", i);
      if (close < 0 || text[close + 1] !== '!') return opaque();
      i = areaAfterBang(text.slice(i + 1, close).replace(/''/g, "'"), close + 2);
      if (i < 0) return opaque();
      continue;
    }
    // Another workbook ([1]Sheet!A1), a table column (表1[氏名]) or an error (#REF!): the text cannot say what is read.
    if (ch === '[' || ch === '#') return opaque();
    const end = wordEnd(i);
    if (end === i) {
      i++;
      continue;
    }
    const word = text.slice(i, end);
    const next = text[end];
    if (next === '(') {
      if (TEXT_TO_REFERENCE.has(word.slice(word.lastIndexOf('.') + 1).toUpperCase())) return opaque();
      i = end + 1;
      continue;
    }
    if (next === '!') {
      i = areaAfterBang(word, end + 1);
      if (i < 0) return opaque();
      continue;
    }
    if (next === ':') {
      const secondEnd = wordEnd(end + 1);
      // Sheet1:Sheet3!A1 spans every sheet in between.
      if (text[secondEnd] === '!') return opaque();
      const range = parseArea(text.slice(i, secondEnd));
      if (range) {
        references.push({ sheet: null, area: range });
        i = secondEnd;
        continue;
      }
    }
    const area = parseArea(word);
    if (area) references.push({ sheet: null, area });
    else if (!/^[\d.]/.test(word) && !LITERAL_WORDS.has(word.toUpperCase())) names.push(word);
    i = end;
  }
  return { references, names, opaque: false };
}

/** How far the wall follows formulas for one cell before it gives up and refuses the cell. */
export const TRACE_LIMITS = Object.freeze({ formulaCells: 20_000, areaCells: 2_000_000 });

/**
 * Whether a formula on `sheet` reads, directly or through the formulas of the cells it reads (every sheet, any
 * number of steps), an area `isPersonal` refuses. Opaque formulas, names that do not resolve and traces beyond
 * TRACE_LIMITS count as personal: the wall refuses what it cannot see through. Without a source only the formula's
 * own references are checked. Each area is looked through once, so a cycle of formulas ends.
 */
export function formulaReadsPersonal(
  sheet: string,
  formula: string,
  isPersonal: (sheet: string, area: Area) => boolean,
  source?: FormulaSource,
): boolean {
  const queue: { sheet: string; formula: string }[] = [{ sheet, formula }];
  const seenAreas = new Set<string>();
  let areaCells = 0;
  for (let next = 0; next < queue.length; next++) {
    const item = queue[next];
    const scan = scanFormula(item.formula);
    if (scan.opaque) return true;
    const areas = scan.references.map((r) => ({ sheet: r.sheet ?? item.sheet, area: r.area }));
    for (const name of scan.names) {
      const named = source?.namedRange(name);
      const area = named ? parseArea(named.area) : null;
      if (!named || !area) return true;
      areas.push({ sheet: named.sheet, area });
    }
    for (const { sheet: on, area } of areas) {
      if (isPersonal(on, area)) return true;
      const key = `${on}!${area.firstRow}:${area.lastRow}:${area.firstColumn}:${area.lastColumn}`;
      if (!source || seenAreas.has(key)) continue;
      seenAreas.add(key);
      const grid = source.sheetFormulas(on) ?? [];
      const lastRow = Math.min(area.lastRow, grid.length);
      for (let row = area.firstRow; row <= lastRow; row++) {
        const line = grid[row - 1];
        const lastColumn = Math.min(area.lastColumn, line.length - 1);
        areaCells += Math.max(0, lastColumn - area.firstColumn + 1);
        if (areaCells > TRACE_LIMITS.areaCells) return true;
        for (let column = area.firstColumn; column <= lastColumn; column++) {
          if (line[column]) queue.push({ sheet: on, formula: line[column] });
        }
        if (queue.length > TRACE_LIMITS.formulaCells) return true;
      }
    }
  }
  return false;
}
