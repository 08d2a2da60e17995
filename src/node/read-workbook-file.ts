// This file defines the file reader of the local runner: an .xlsx file or a folder of CSV files → RawWorkbook + References.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/cells';
import { matchKey, type RawTab, type RawWorkbook } from '../core/read-workbook';
import { type References, type ResolvedReference, referenceKey } from '../core/templates';
import { describeCause, FileError } from './file-error';
import { type CsvEncoding, decodeCsv, parseCsv } from './read-csv';

export type WorkbookFormat = 'xlsx' | 'csv';

export interface WorkbookFile {
  readonly format: WorkbookFormat;
  readonly raw: RawWorkbook;
  /** Resolves the `{{=…}}` targets the core asks for from this file (null when a target does not exist). */
  readonly references: (targets: readonly string[]) => References;
  /** For CSV folders: how each file was decoded (tab name → encoding). */
  readonly encodings: Readonly<Record<string, CsvEncoding>>;
}

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'] as const;

/** A cell's text as the sheet shows it, for `{{=シート!B3}}`; undefined outside the sheet. */
type CellTextLookup = (sheet: string, row: number, column: number) => string | undefined;

interface NamedRange {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** Reads an .xlsx/.xlsm file or a folder of `タブ名.csv` files. Throws FileError for anything but a readable workbook. */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const info = await stat(path).catch((error: unknown) => {
    throw new FileError('not_found', path, describeCause(error));
  });
  if (info.isDirectory()) return readCsvFolder(path);
  const extension = extname(path).toLowerCase();
  if (!(WORKBOOK_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new FileError('wrong_extension', path, extension);
  }
  return readXlsx(path);
}

// ---------------------------------------------------------------------------------------------------------------
// CSV folder

async function readCsvFolder(folder: string): Promise<WorkbookFile> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    throw new FileError('unreadable', folder, describeCause(error));
  });
  const files = entries
    .filter((entry) => entry.isFile() && extname(entry.name).toLowerCase() === '.csv')
    // Dot files and Excel's ~$ lock files are not tabs.
    .filter((entry) => !entry.name.startsWith('.') && !entry.name.startsWith('~$'))
    .map((entry) => entry.name)
    .sort();
  if (files.length === 0) throw new FileError('empty_folder', folder);
  const tabs: RawTab[] = [];
  const encodings: Record<string, CsvEncoding> = {};
  for (const file of files) {
    const bytes = await readFile(join(folder, file)).catch((error: unknown) => {
      throw new FileError('unreadable', join(folder, file), describeCause(error));
    });
    const { text, encoding } = decodeCsv(bytes);
    // macOS hands out decomposed (NFD) file names: イベント would not match its tab otherwise.
    const name = basename(file, extname(file)).normalize('NFC');
    tabs.push({ name, values: parseCsv(text) });
    encodings[name] = encoding;
  }
  const raw: RawWorkbook = { tabs };
  const lookup: CellTextLookup = (sheet, row, column) => {
    const tab = tabs.find((t) => matchKey(t.name) === matchKey(sheet));
    if (!tab) return undefined;
    const value = tab.values[row - 1]?.[column];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { format: 'csv', raw, references: resolveReferences(raw, lookup, []), encodings };
}

// ---------------------------------------------------------------------------------------------------------------
// .xlsx

async function readXlsx(path: string): Promise<WorkbookFile> {
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new FileError('unreadable', path, describeCause(error));
  });
  const book = new ExcelJS.Workbook();
  try {
    // exceljs's Buffer type predates @types/node 20's generic Buffer.
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new FileError('unreadable', path, describeCause(error));
  }
  if (book.worksheets.length === 0) throw new FileError('unreadable', path, 'no worksheet');
  const raw: RawWorkbook = { tabs: book.worksheets.map((sheet) => ({ name: sheet.name, values: sheetValues(sheet) })) };
  const lookup: CellTextLookup = (sheetName, row, column) => {
    const sheet = book.worksheets.find((s) => matchKey(s.name) === matchKey(sheetName));
    if (!sheet) return undefined;
    return displayText(sheet.getCell(row, column + 1));
  };
  return { format: 'xlsx', raw, references: resolveReferences(raw, lookup, namedRanges(book)), encodings: {} };
}

/** The sheet as getValues() would give it: row 1 first, one CellValue per cell, merged cells other than the master blank. */
export function sheetValues(sheet: ExcelJS.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    const values: CellValue[] = [];
    if (row) {
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        values.push(cell ? cellValue(cell) : null);
      }
    }
    grid.push(values);
  }
  while (grid.length > 0 && grid[grid.length - 1].every((value) => value === null || value === '')) grid.pop();
  return grid;
}

/** One exceljs cell → the value the core reads: cached formula results, plain text, local-midnight dates. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value);
}

function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return localDate(value);
  if (typeof value !== 'object') return String(value);
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText)) return richText(object.richText);
  if (typeof object.error === 'string') return object.error;
  if ('formula' in object || 'sharedFormula' in object) {
    // A formula is read as its cached result; a file saved without one (never calculated) reads as blank.
    return plainValue(object.result);
  }
  if ('hyperlink' in object) return plainValue(object.text);
  if ('text' in object) return plainValue(object.text);
  return null;
}

function richText(runs: readonly unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
}

/**
 * exceljs reads a date cell as the UTC instant of its wall-clock time (2022-04-01 → 2022-04-01T00:00Z); the core,
 * like Apps Script, reads Dates with local getters, so the same wall-clock time is rebuilt in the local zone.
 */
export function localDate(date: Date): Date {
  return new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

/** The text a spreadsheet shows for a cell, for `{{=シート!B3}}`: number formats (#,##0 / 0.0 / % / "円"), dates as 2022/4/1. */
export function displayText(cell: ExcelJS.Cell): string {
  const value = cellValue(cell.master);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `${value.getFullYear()}/${value.getMonth() + 1}/${value.getDate()}`;
  return formatNumber(value, cell.master.numFmt);
}

/** A small subset of Excel number formats: enough for counts, yen and percentages in a summary cell. */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const format = (numFmt ?? '').split(';')[0];
  if (format === '' || /^general$/i.test(format) || !/[0#]/.test(format)) {
    // Drops binary noise such as 0.1 + 0.2 = 0.30000000000000004, as Excel's General format does.
    return String(Number(value.toPrecision(15)));
  }
  const percent = format.includes('%');
  const decimals = /\.([0#]+)/.exec(format)?.[1].length ?? 0;
  const number = (percent ? value * 100 : value).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: /[0#],[0#]/.test(format),
  });
  const prefix = /^\s*"([^"]*)"/.exec(format)?.[1] ?? /^([¥$￥])/.exec(format)?.[1] ?? '';
  const suffix = /"([^"]*)"\s*$/.exec(format)?.[1] ?? '';
  return `${prefix}${number}${percent ? '%' : ''}${suffix}`;
}

/** The workbook's defined names with the top-left cell of their first range. */
function namedRanges(book: ExcelJS.Workbook): NamedRange[] {
  const model = (book.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const named: NamedRange[] = [];
  for (const { name, ranges } of model) {
    const cell = ranges.length > 0 ? parseCellTarget(ranges[0]) : null;
    if (cell) named.push({ name, ...cell });
  }
  return named;
}

// ---------------------------------------------------------------------------------------------------------------
// {{=…}} references

const CELL_TARGET = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** `シート!B3`, `'My sheet'!$B$3` or `シート!B3:C4` (its top-left cell) → sheet, 1-based row, 0-based column. */
export function parseCellTarget(target: string): { sheet: string; row: number; column: number } | null {
  const match = CELL_TARGET.exec(target.trim());
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2].trim();
  const column = match[3]
    .toUpperCase()
    .split('')
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { sheet, row: Number(match[4]), column: column - 1 };
}

/** Resolves the targets the core asks for (one lookup each): cell addresses from the grids, names from the file. */
function resolveReferences(
  raw: RawWorkbook,
  lookup: CellTextLookup,
  names: readonly NamedRange[],
): (targets: readonly string[]) => References {
  return (targets) => {
    const references = new Map<string, ResolvedReference | null>();
    for (const target of targets) {
      const cell = parseCellTarget(target) ?? names.find((named) => matchKey(named.name) === matchKey(target)) ?? null;
      const text = cell && cell.row >= 1 ? lookup(cell.sheet, cell.row, cell.column) : undefined;
      const sheet = cell ? raw.tabs.find((tab) => matchKey(tab.name) === matchKey(cell.sheet))?.name : undefined;
      references.set(
        referenceKey(target),
        cell && text !== undefined && sheet !== undefined ? { text, sheet, column: cell.column } : null,
      );
    }
    return references;
  };
}
