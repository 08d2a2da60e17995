// This file defines helpers for the local-runner tests: sample tabs, CSV/xlsx writers, Shift_JIS encoding, unzip, CLI capture.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
// src/node loads exceljs on first use (it would slow every start of the runner); tests load it here, with the
// module, so that the first .xlsx test does not pay for it within its time limit.
import 'exceljs';
import { type CliEnvironment, main } from '../../src/node/cli';
import { parseCsv } from '../../src/node/read-csv';
import { buildTemplateWorkbook } from '../../src/node/write-template';

export const REPO = resolve(__dirname, '../..');
export const SAMPLE_DIR = join(REPO, 'samples/fy2022');
export const TEST_OUTPUT = join(REPO, 'test-output');

/** A fresh folder under test-output/ (gitignored), kept after the run for inspection. */
export function outputDir(name: string): string {
  const base = join(TEST_OUTPUT, 'node');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${name}-`));
}

export type Tabs = Record<string, string[][]>;

/** The sample workbook's tabs as text grids, read straight from its CSV files. */
export function readSampleTabs(): Tabs {
  const tabs: Tabs = {};
  for (const file of readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.csv'))) {
    tabs[file.replace(/\.csv$/, '')] = parseCsv(readFileSync(join(SAMPLE_DIR, file), 'utf8').replace(/^\uFEFF/, ''));
  }
  return tabs;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

let shiftJisTable: Map<string, number[]> | undefined;

/** Shift_JIS (CP932) encoder built by inverting Node's decoder, as Excel on Japanese Windows writes CSV. */
export function encodeShiftJis(text: string): Uint8Array {
  if (!shiftJisTable) {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('shift_jis');
    for (let byte = 0; byte <= 0xdf; byte++) {
      if (byte >= 0x80 && byte < 0xa1) continue;
      const ch = decoder.decode(new Uint8Array([byte]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [byte]);
    }
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    // U+00A5 has no Shift_JIS code; Excel writes 0x5C, which Japanese fonts draw as ¥ and decoders read as \.
    table.set('\u00a5', [0x5c]);
    shiftJisTable = table;
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const encoded = shiftJisTable.get(ch);
    if (!encoded) throw new Error(`not in Shift_JIS: ${ch} U+${ch.codePointAt(0)?.toString(16)}`);
    bytes.push(...encoded);
  }
  return new Uint8Array(bytes);
}

export type CsvFileEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** Writes one `タブ名.csv` per tab. */
export function writeCsvFolder(dir: string, tabs: Tabs, encoding: CsvFileEncoding = 'utf-8'): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(tabs)) {
    const text = toCsv(rows);
    const bytes =
      encoding === 'shift_jis'
        ? encodeShiftJis(text)
        : Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8');
    writeFileSync(join(dir, `${name}.csv`), bytes);
  }
  return dir;
}

export function cloneTabs(tabs: Tabs): Tabs {
  return Object.fromEntries(Object.entries(tabs).map(([name, rows]) => [name, rows.map((row) => [...row])]));
}

/** Index of a header in a tab's first row; throws so a renamed column fails loudly. */
export function columnIndex(tabs: Tabs, tab: string, header: string): number {
  const index = tabs[tab][0].indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${tab}`);
  return index;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER_TEXT = /^-?[1-9]\d{0,14}$|^0$/;

/** A CSV text as Excel would hold it after typing: dates as date cells, whole numbers as numbers. */
export function typedCell(text: string): ExcelJS.CellValue {
  const date = DATE_TEXT.exec(text);
  // exceljs writes a Date as the UTC instant of the wall-clock time it shows.
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  if (INTEGER_TEXT.test(text)) return Number(text);
  return text === '' ? null : text;
}

/**
 * The workbook `template` writes, filled with the tabs' rows, column by header (columns the template lacks are
 * added at the end); 設定 rows go to the template's row of the same 項目. Built in memory from the same function as
 * the command: reading the written template back with exceljs would expand its range rules cell by cell, which
 * makes writing it again take seconds.
 */
export async function writeFilledTemplate(
  tabs: Tabs,
  outPath: string,
  extend: (book: ExcelJS.Workbook) => void = () => {},
): Promise<void> {
  const book = buildTemplateWorkbook();
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = book.getWorksheet(name) ?? book.addWorksheet(name);
    const headerRow = sheet.getRow(1);
    const headers: string[] = [];
    headerRow.eachCell((cell, column) => {
      headers[column - 1] = String(cell.value);
    });
    const columns = rows[0].map((header) => {
      let index = headers.indexOf(header);
      if (index < 0) {
        index = headers.length;
        headers.push(header);
        headerRow.getCell(index + 1).value = header;
      }
      return index;
    });
    if (name === '設定') {
      for (const row of rows.slice(1)) {
        let target = 2;
        while (sheet.getCell(target, 1).value !== null && sheet.getCell(target, 1).value !== row[0]) target++;
        sheet.getCell(target, 1).value = row[0];
        sheet.getCell(target, 2).value = typedCell(row[1]);
      }
      continue;
    }
    rows.slice(1).forEach((row, r) => {
      row.forEach((text, c) => {
        const cell = sheet.getCell(r + 2, columns[c] + 1);
        cell.value = typedCell(text);
        if (cell.value instanceof Date) cell.numFmt = 'yyyy/m/d';
      });
    });
  }
  extend(book);
  await book.xlsx.writeFile(outPath);
}

/** The entries of a zip file (.docx, .xlsx), inflated: enough of the format to read what Office writes. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output; LibreOffice is "not installed" unless a path is given. */
export async function runCli(argv: string[], cwd: string, soffice: string | null = null): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const env: Partial<CliEnvironment> = {
    cwd,
    soffice,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await main(argv, env);
  return { code, stdout, stderr };
}

export function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Plants unique strings in every person-level free-text column of the sample (IDs renamed everywhere they are used). */
export function plantSentinels(sample: Tabs): { tabs: Tabs; sentinels: string[] } {
  const tabs = cloneTabs(sample);
  const sentinels: string[] = [];
  const plant = (tab: string, header: string, make: (row: number) => string) => {
    const column = columnIndex(tabs, tab, header);
    tabs[tab].slice(1).forEach((row, index) => {
      const value = make(index + 1);
      row[column] = value;
      sentinels.push(value);
    });
  };
  const ids = new Map<string, string>();
  const idColumn = columnIndex(tabs, '候補者', '候補者ID');
  tabs.候補者.slice(1).forEach((row, index) => {
    ids.set(row[idColumn], `SENTINELID${String(index + 1).padStart(4, '0')}X`);
  });
  plant('候補者', '候補者ID', (n) => `SENTINELID${String(n).padStart(4, '0')}X`);
  plant('候補者', '氏名', (n) => `機密氏名SENTINELNAME${n}X`);
  plant('候補者', '国籍', (n) => `機密国籍SENTINELNAT${n}X`);
  plant('候補者', '備考', (n) => `機密備考SENTINELNOTE${n}X`);
  plant('イベント', '備考', (n) => `機密備考SENTINELEVENT${n}X`);
  plant('費用', '摘要', (n) => `機密摘要SENTINELMEMO${n}X`);
  const participants = columnIndex(tabs, 'イベント', '参加者ID');
  for (const row of tabs.イベント.slice(1)) {
    row[participants] = row[participants]
      .split(',')
      .map((id) => (id.trim() === '' ? id : (ids.get(id.trim()) ?? id)))
      .join(',');
  }
  return { tabs, sentinels };
}

export { main };
