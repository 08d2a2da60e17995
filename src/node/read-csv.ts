// This file defines CSV reading: bytes in UTF-8 (with or without BOM), UTF-16 or Shift_JIS → text → rows (RFC 4180).
import { parse } from 'csv-parse/sync';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
  /** Lines (1-based) holding bytes that are not valid in `encoding`, each decoded as U+FFFD; empty when none. */
  readonly badLines: readonly number[];
}

const REPLACEMENT = '\ufffd';

/** How many bytes are looked at to recognise UTF-16 without a BOM. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a CSV file as Excel and Sheets write them. A BOM decides; without one, NUL bytes mostly on one side of each
 * byte pair are UTF-16 (Excel's 「Unicode テキスト」 saved by some tools without its BOM), text that is valid UTF-8
 * (or UTF-8 with a few broken bytes) is UTF-8, and anything else is Shift_JIS (Excel's 「CSV (コンマ区切り)」 on
 * Japanese Windows, really CP932, which the WHATWG shift_jis decoder covers, ① and ㈱ included).
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', bytes.subarray(2));
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decodeAs(utf16, bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', badLines: [] };
  } catch {
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    if (mostlyUtf8(utf8)) return { text: utf8, encoding: 'utf-8', badLines: linesWith(utf8, REPLACEMENT) };
    return decodeAs('shift_jis', bytes);
  }
}

function decodeAs(encoding: CsvEncoding, bytes: Uint8Array): DecodedCsv {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, badLines: [] };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    return { text, encoding, badLines: linesWith(text, REPLACEMENT) };
  }
}

/** UTF-16 LE puts the NUL of an ASCII character (a comma, a tab, a line break) second, BE first. */
function sniffUtf16(bytes: Uint8Array): CsvEncoding | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const length = Math.min(bytes.length, SNIFF_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  // Some CJK characters have a NUL byte too (U+4E00 一 is 00 4E in LE): a clear majority decides.
  if (odd > 0 && odd >= 4 * even) return 'utf-16le';
  if (even > 0 && even >= 4 * odd) return 'utf-16be';
  return null;
}

/**
 * UTF-8 with at most one broken sequence per 20 good non-ASCII characters is UTF-8 with damaged bytes, not
 * Shift_JIS: Shift_JIS text decoded as UTF-8 is nearly all broken sequences, since its lead bytes 0x81–0x9F are
 * UTF-8 continuation bytes.
 */
function mostlyUtf8(text: string): boolean {
  let broken = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code === 0xfffd) broken++;
    else good++;
  }
  return broken * 20 <= good;
}

/** 1-based numbers of the lines (CRLF, LF or CR) holding `needle`. */
function linesWith(text: string, needle: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      line++;
    } else if (ch === '\n') line++;
    else if (ch === needle && lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/**
 * The delimiter of a file: a tab when the first line holds more tabs than commas (Excel's 「テキスト (タブ区切り)」
 * and 「Unicode テキスト」), a comma otherwise. Header rows hold no commas of their own.
 */
export function detectDelimiter(text: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') break;
    if (ch === '\t') tabs++;
    else if (ch === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/** A quoted field that never closes: everything after it would silently become one cell. */
export class UnclosedQuoteError extends Error {
  /** 1-based line where the unclosed quote opened. */
  readonly line: number;

  constructor(line: number) {
    super(`unclosed quote opened at line ${line}`);
    this.name = 'UnclosedQuoteError';
    this.line = line;
  }
}

/**
 * Splits CSV text into rows of fields with csv-parse (RFC 4180: quoted fields may hold the delimiter, line breaks
 * and "" for a quote; CRLF, LF or CR end a row). Lenient where Excel is: a quote inside an unquoted field is kept as
 * a character, rows may differ in length. A final line break does not make an extra row. A quote that opens a field
 * and never closes throws UnclosedQuoteError with the line where it opened.
 */
export function parseCsv(text: string, delimiter: ',' | '\t' = ','): string[][] {
  try {
    return parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new UnclosedQuoteError(openQuoteLine(text, delimiter) ?? (error as { lines: number }).lines);
    }
    throw error;
  }
}

/**
 * The line where the quote still open at the end of the text opened, scanning as csv-parse reads with relax_quotes
 * (a quote opens only at the start of a field; "" is a quote; a closing quote followed by anything but a delimiter
 * or line break turns the field back into plain text). Linear; run only after csv-parse reported the unclosed quote.
 */
function openQuoteLine(text: string, delimiter: string): number | null {
  let line = 1;
  let openedAt = 0;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
    if (quoted) {
      if (ch !== '"') continue;
      if (text[i + 1] === '"') {
        i++;
        continue;
      }
      // Closed: a delimiter or line break may follow, or (relaxed) more plain text of the same field.
      quoted = false;
      fieldStart = false;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      openedAt = line;
      fieldStart = false;
    } else if (ch === delimiter || ch === '\n' || ch === '\r') fieldStart = true;
    else fieldStart = false;
  }
  return quoted ? openedAt : null;
}
