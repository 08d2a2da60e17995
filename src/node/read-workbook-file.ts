// This file defines the file reader of the local runner: an .xlsx file or a folder of CSV files → RawWorkbook + References.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { CellValue } from '../core/cells';
import type { FormulaSource } from '../core/formula-refs';
import { a1, columnIndex, columnLetters, type IssueDraft } from '../core/issues';
import { matchKey, type RawTab, type RawWorkbook } from '../core/read-workbook';
import { TABS, type TabDef } from '../core/schema';
import { parseTemplate, type References, type ResolvedReference, referenceKey } from '../core/templates';
import { describeCause, FileError } from './file-error';
import { localWords } from './local-messages';
import {
  type CsvEncoding,
  decodeCsv,
  decodeUtf8Body,
  detectDelimiter,
  forEachCsvRow,
  parseCsv,
  plainUtf8Body,
  unclosedQuoteLine,
} from './read-csv';
import { localDate, readXlsxValues } from './read-xlsx';

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

/**
 * Files of a folder read as tabs: every .csv, and a .txt named after a contract tab (費用.txt), as Excel saves
 * 「テキスト (タブ区切り)」 and 「Unicode テキスト」; other .txt files (a readme) are not tabs.
 */
function isTabFile(name: string): boolean {
  const extension = extname(name).toLowerCase();
  if (extension === '.csv') return true;
  if (extension !== '.txt') return false;
  const key = matchKey(basename(name, extname(name)).normalize('NFC'));
  return (TABS as readonly TabDef[]).some((def) => matchKey(def.ja) === key || matchKey(def.en) === key);
}

/**
 * The most a workbook may weigh: one .xlsx file, or all the tab files of a folder together. 100 MiB is six times the
 * largest workbook the benchmark reads (181,213 rows in 16.4 MB of CSV) and keeps the runner's memory bounded.
 */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

/** The most an .xlsx may inflate to, by the sizes its zip directory declares (an .xlsx is a zip of XML). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;

/** Excel's grid: 1,048,576 rows and columns A to XFD (16,384); Sheets has no more. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A cell as a spreadsheet shows it, for `{{=シート!B3}}`; undefined outside the sheet. */
interface CellLookup {
  readonly text: string;
  /** The cell's formula as Sheets gives it (`=集計2!A1`), when it has one. */
  readonly formula?: string;
}
type CellTextLookup = (sheet: string, row: number, column: number) => CellLookup | undefined;

interface NamedRange {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** The whole range without `$` (`B3` or `B3:C4`), for the core's formula wall. */
  readonly area: string;
}

/**
 * Reads an .xlsx/.xlsm file or a folder of `タブ名.csv` files. Throws FileError for anything but a readable workbook:
 * a FIFO, socket or device (which would block or never end) is refused before it is opened.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const info = await stat(path).catch((error: unknown) => {
    throw new FileError('not_found', path, describeCause(error));
  });
  if (info.isDirectory()) return readCsvFolder(path);
  if (!info.isFile()) throw new FileError('not_regular_file', path, fileKind(info));
  const extension = extname(path).toLowerCase();
  if (!(WORKBOOK_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new FileError('wrong_extension', path, extension);
  }
  return readXlsx(path);
}

interface FileKindInfo {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
}

/** What a path is when it is not a regular file, in the words of the message. */
function fileKind(info: FileKindInfo): string {
  if (info.isFIFO()) return '名前付きパイプ FIFO';
  if (info.isSocket()) return 'ソケット';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'デバイス';
  if (info.isDirectory()) return 'フォルダ';
  return '特殊なファイル';
}

/**
 * The bytes of one regular file, at most `limit` of them. Opened without blocking (a FIFO swapped in after the
 * stat opens at once and is refused by fstat), then read in chunks so a file that grows is still bounded. The calls
 * are synchronous: a local file is read at once, and each asynchronous read left the thread idle for a round trip
 * to libuv's pool (about 40 ms of a 13 MB folder's `validate`).
 */
export async function readRegularFile(path: string, limit: number): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENXIO') throw new FileError('not_regular_file', path, 'ソケット');
    throw new FileError(code === 'ENOENT' ? 'not_found' : 'unreadable', path, describeCause(error));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new FileError('not_regular_file', path, fileKind(info));
    if (info.size > limit) throw new FileError('too_large', path, describeLimit(limit));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The whole file in one read as a rule (one byte more, to see it end); 64 KB at a time if it grew since fstat.
      const chunk = Buffer.allocUnsafe(Math.max(info.size - total, 64 * 1024) + 1);
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw new FileError('too_large', path, describeLimit(limit));
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError('unreadable', path, describeCause(error));
  } finally {
    closeSync(fd);
  }
}

function describeLimit(limit: number): string {
  return `上限 ${Math.round(limit / 1024 / 1024)} MB`;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV folder

const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  shift_jis: 'Shift_JIS',
};

async function readCsvFolder(folder: string): Promise<WorkbookFile> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    throw new FileError('unreadable', folder, describeCause(error));
  });
  // Every entry named like a tab file is read, whatever it is: a symbolic link to a file is read as that file, and a
  // FIFO or folder by that name is refused by readRegularFile rather than skipped (the tab would look missing).
  const files = entries
    .map((entry) => entry.name)
    .filter(isTabFile)
    // Dot files and Excel's ~$ lock files are not tabs.
    .filter((name) => !name.startsWith('.') && !name.startsWith('~$'))
    .sort();
  if (files.length === 0) throw new FileError('empty_folder', folder);
  const tabs: RawTab[] = [];
  const issues: IssueDraft[] = [];
  const encodings: Record<string, CsvEncoding> = {};
  let budget = MAX_WORKBOOK_BYTES;
  for (const file of files) {
    const path = join(folder, file);
    const bytes = await readRegularFile(path, budget).catch((error: unknown) => {
      // Over the folder's budget: the message names the limit of the whole folder.
      if (error instanceof FileError && error.code === 'too_large') {
        throw new FileError('too_large', folder, describeLimit(MAX_WORKBOOK_BYTES));
      }
      throw error;
    });
    budget -= bytes.length;
    // macOS hands out decomposed (NFD) file names: イベント would not match its tab otherwise.
    const name = basename(file, extname(file)).normalize('NFC');
    const body = bytes.length > EAGER_TAB_BYTES ? plainUtf8Body(bytes) : null;
    if (body !== null) {
      // A big, clean UTF-8 file: checked on its bytes, decoded only when its rows are read.
      const delimiter = detectDelimiter(firstLineOf(body));
      const unclosed = unclosedQuoteLine(body, delimiter);
      if (unclosed !== null) throw new FileError('unclosed_quote', path, '', unclosed);
      tabs.push(csvBytesTab(name, body, delimiter));
      encodings[name] = 'utf-8';
      continue;
    }
    const { text, encoding, badLines } = decodeCsv(bytes);
    const delimiter = detectDelimiter(text);
    const unclosed = unclosedQuoteLine(text, delimiter);
    if (unclosed !== null) throw new FileError('unclosed_quote', path, '', unclosed);
    const tab = csvTab(name, text, delimiter);
    tabs.push(tab);
    encodings[name] = encoding;
    if (badLines.length > 0) issues.push(undecodableIssue(name, file, parseCsv(text, delimiter), encoding, badLines));
  }
  const raw: RawWorkbook = { tabs, issues, words: localWords };
  const lookup: CellTextLookup = (sheet, row, column) => {
    const tab = tabs.find((t) => matchKey(t.name) === matchKey(sheet));
    if (!tab) return undefined;
    const value = tab.values[row - 1]?.[column];
    return { text: typeof value === 'string' ? value.trim() : '' };
  };
  return { format: 'csv', raw, references: resolveReferences(raw, lookup, []), encodings };
}

/**
 * Files up to this size are split into rows once, when read. A bigger one (候補者, イベント, 費用 of a large NPO)
 * keeps only its text, or its bytes when they are clean UTF-8 (half the memory of Japanese text): the core reads its
 * rows one at a time (RawTab.eachRow), each dropped once its record is made, so the grid of a big tab is never in
 * memory (on 60,000 rows it weighs about three times the text). Asked for its whole grid (`values`: a `{{=費用!E2}}`
 * into a big tab; templates' targets are few), it splits the text again.
 */
const EAGER_TAB_CHARS = 256 * 1024;
const EAGER_TAB_BYTES = EAGER_TAB_CHARS;

function csvTab(name: string, text: string, delimiter: ',' | '\t'): RawTab {
  if (text.length <= EAGER_TAB_CHARS) return { name, values: parseCsv(text, delimiter) };
  return {
    name,
    get values() {
      return parseCsv(text, delimiter);
    },
    eachRow: (visit) => forEachCsvRow(text, delimiter, visit, true),
  };
}

function csvBytesTab(name: string, body: Uint8Array, delimiter: ',' | '\t'): RawTab {
  return {
    name,
    get values() {
      return parseCsv(decodeUtf8Body(body), delimiter);
    },
    eachRow: (visit) => forEachCsvRow(decodeUtf8Body(body), delimiter, visit, true),
  };
}

/** The first line of UTF-8 bytes as text (what detectDelimiter looks at). */
function firstLineOf(body: Uint8Array): string {
  let end = 0;
  while (end < body.length && body[end] !== 0x0a && body[end] !== 0x0d) end++;
  return decodeUtf8Body(body.subarray(0, end));
}

/** One warning per file whose bytes were not all valid: at the first cell holding U+FFFD, naming file and line. */
function undecodableIssue(
  tab: string,
  file: string,
  values: readonly (readonly string[])[],
  encoding: CsvEncoding,
  badLines: readonly number[],
): IssueDraft {
  let cell = 'A1';
  let column = '';
  search: for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < values[r].length; c++) {
      if (values[r][c].includes('\ufffd')) {
        cell = a1(c, r + 1);
        column = r === 0 ? '' : (values[0][c] ?? columnLetters(c)).trim();
        break search;
      }
    }
  }
  return {
    severity: 'warning',
    code: 'undecodable_text',
    tab,
    cell,
    column,
    value: '',
    params: { other: file, expected: ENCODING_NAMES[encoding], line: badLines[0], count: badLines.length },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// .xlsx

/**
 * exceljs, loaded on first use: a CSV folder never needs it, and loading it (with archiver and its streams) costs
 * about a tenth of a second at every start of the runner.
 */
function excelJs(): typeof ExcelJS {
  return require('exceljs') as typeof ExcelJS;
}

async function readXlsx(path: string): Promise<WorkbookFile> {
  const bytes = await readRegularFile(path, MAX_WORKBOOK_BYTES);
  const inflated = declaredUncompressedBytes(bytes);
  if (inflated !== null && inflated > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new FileError('too_large', path, `展開後 ${describeLimit(MAX_XLSX_UNCOMPRESSED_BYTES)}`);
  }
  // Most workbooks are read without exceljs (read-xlsx.ts): 60,000 rows a tab took 9 s and 1.1 GB through its whole
  // model. A workbook with a `{{=…}}` reference in any cell keeps exceljs: references are looked up in its cells.
  const fast = readXlsxValues(bytes, MAX_XLSX_UNCOMPRESSED_BYTES);
  if (fast !== null && !fast.some((sheet) => sheet.values.some((row) => row.some(holdsReference)))) {
    const raw: RawWorkbook = { tabs: fast, words: localWords };
    return { format: 'xlsx', raw, references: resolveReferences(raw, () => undefined, []), encodings: {} };
  }
  const book = new (excelJs().Workbook)();
  try {
    // exceljs's Buffer type predates @types/node 20's generic Buffer.
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new FileError('unreadable', path, describeCause(error));
  }
  if (book.worksheets.length === 0) throw new FileError('unreadable', path, 'no worksheet');
  const raw: RawWorkbook = {
    tabs: book.worksheets.map((sheet) => ({ name: sheet.name, values: sheetValues(sheet) })),
    words: localWords,
  };
  const lookup: CellTextLookup = (sheetName, row, column) => {
    const sheet = book.worksheets.find((s) => matchKey(s.name) === matchKey(sheetName));
    if (!sheet) return undefined;
    const cell = sheet.getCell(row, column + 1);
    const formula = cellFormula(cell);
    return { text: displayText(cell), formula: formula === undefined ? undefined : `=${formula}` };
  };
  const names = namedRanges(book);
  return {
    format: 'xlsx',
    raw,
    references: resolveReferences(raw, lookup, names, () => xlsxFormulaSource(book, names)),
    encodings: {},
  };
}

/**
 * The sum of the uncompressed sizes a zip's central directory declares, or null when the bytes are not a zip (exceljs
 * then says why). A ZIP64 entry declares 0xFFFFFFFF, which counts as 4 GiB and so is over any limit.
 */
export function declaredUncompressedBytes(zip: Buffer): number | null {
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let end = zip.length - 22;
  while (end >= floor && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < floor) return null;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return null;
    total += zip.readUInt32LE(offset + 24);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

/** A cell's formula text without `=` (shared formulas translated to this cell by exceljs), or undefined. */
export function cellFormula(cell: ExcelJS.Cell): string | undefined {
  const master = cell.master;
  if (master.type !== excelJs().ValueType.Formula) return undefined;
  const formula = master.formula;
  return typeof formula === 'string' && formula !== '' ? formula : undefined;
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
  if (cell.type === excelJs().ValueType.Merge) return null;
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

/** A cell whose text holds a template's `{{=…}}` reference, read as the core reads templates. */
function holdsReference(value: CellValue): boolean {
  return (
    typeof value === 'string' &&
    value.includes('{{') &&
    parseTemplate(value).parts.some((part) => part.kind === 'reference')
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
    if (cell) named.push({ name, ...cell, area: ranges[0].slice(ranges[0].lastIndexOf('!') + 1).replace(/\$/g, '') });
  }
  return named;
}

/** A worksheet by its exact name, else by the folded name the core matches tabs with. */
function findWorksheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return (
    book.worksheets.find((sheet) => sheet.name === name) ??
    book.worksheets.find((sheet) => matchKey(sheet.name) === matchKey(name))
  );
}

/**
 * What the core's formula wall reads to follow a formula through other cells, as Sheets' getFormulas() gives it:
 * each sheet's formulas (`=…`, '' where a cell has none or is merged into another), built once per sheet asked for,
 * and the workbook's named ranges.
 */
export function xlsxFormulaSource(book: ExcelJS.Workbook, names: readonly NamedRange[]): FormulaSource {
  const grids = new Map<string, string[][] | null>();
  return {
    sheetFormulas: (name) => {
      if (!grids.has(name)) {
        const sheet = findWorksheet(book, name);
        grids.set(name, sheet ? sheetFormulas(sheet) : null);
      }
      return grids.get(name) ?? null;
    },
    namedRange: (name) => {
      const named = names.find((range) => matchKey(range.name) === matchKey(name));
      return named ? { sheet: named.sheet, area: named.area } : null;
    },
  };
}

function sheetFormulas(sheet: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    const formulas: string[] = [];
    for (let c = 1; row && c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      formulas.push(cell && cell.type === excelJs().ValueType.Formula ? `=${cell.formula}` : '');
    }
    grid.push(formulas);
  }
  return grid;
}

// ---------------------------------------------------------------------------------------------------------------
// {{=…}} references

const CELL_TARGET = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/**
 * `シート!B3`, `'My sheet'!$B$3` or `シート!B3:C4` (its top-left cell) → sheet, 1-based row, 0-based column; null
 * for anything else, including cells beyond the grid (a row past 1,048,576 or a column past XFD).
 */
export function parseCellTarget(target: string): { sheet: string; row: number; column: number } | null {
  const match = CELL_TARGET.exec(target.trim());
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2].trim();
  const column = columnIndex(match[3]);
  const row = Number(match[4]);
  if (row < 1 || row > MAX_ROWS || column >= MAX_COLUMNS) return null;
  return { sheet, row, column };
}

/** Resolves the targets the core asks for (one lookup each): cell addresses from the grids, names from the file. */
function resolveReferences(
  raw: RawWorkbook,
  lookup: CellTextLookup,
  names: readonly NamedRange[],
  makeSource?: () => FormulaSource,
): (targets: readonly string[]) => References {
  return (targets) => {
    const references = new Map<string, ResolvedReference | null>();
    // One source for every target of a check, made only when some target holds a formula.
    let source: FormulaSource | undefined;
    for (const target of targets) {
      const cell = parseCellTarget(target) ?? names.find((named) => matchKey(named.name) === matchKey(target)) ?? null;
      const found = cell ? lookup(cell.sheet, cell.row, cell.column) : undefined;
      const sheet = cell ? raw.tabs.find((tab) => matchKey(tab.name) === matchKey(cell.sheet))?.name : undefined;
      let resolved: ResolvedReference | null = null;
      if (cell && found !== undefined && sheet !== undefined) {
        resolved = { text: found.text, sheet, column: cell.column };
        if (found.formula !== undefined) {
          source ??= makeSource?.();
          resolved = { ...resolved, formula: found.formula, ...(source ? { formulaSource: source } : {}) };
        }
      }
      references.set(referenceKey(target), resolved);
    }
    return references;
  };
}
