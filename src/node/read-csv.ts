// This file defines CSV reading: bytes in UTF-8 (with or without BOM), UTF-16 or Shift_JIS → text → rows (RFC 4180).
import { isAscii, isUtf8, transcode } from 'node:buffer';

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
  if (startsWithUtf8Bom(bytes)) return decodeAs('utf-8', bytes.subarray(3));
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

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The bytes of a file that decodeCsv reads as UTF-8 without a single bad byte, without its BOM; null for any other
 * file. Such bytes can be kept as they are and decoded when their rows are needed: half the memory of the decoded
 * text for Japanese (two bytes a character in a JavaScript string), and the quotes, delimiters and line breaks are
 * ASCII bytes that never occur inside a multi-byte character, so unclosedQuoteLine reads the bytes directly.
 */
export function plainUtf8Body(bytes: Uint8Array): Uint8Array | null {
  const bom = startsWithUtf8Bom(bytes);
  if (!bom && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
  if (!bom && sniffUtf16(bytes) !== null) return null;
  const body = bom ? bytes.subarray(3) : bytes;
  return isUtf8(body) ? body : null;
}

const UTF8 = new TextDecoder('utf-8');

/** Past this size a body is left to TextDecoder: ICU's UTF-16 copy holds two bytes a character while it is read. */
export const ICU_DECODE_MAX_BYTES = 16 * 1024 * 1024;

/**
 * plainUtf8Body's bytes as text, as a TextDecoder gives it. Text with Japanese in it goes through ICU
 * (buffer.transcode to UTF-16, then one copy into the string): V8's UTF-8 decoder took four times the instructions
 * on such text (0.58 G against 0.09 G for 13 MB; 45 → 24 ms). TextDecoder keeps what it does best or alone: ASCII
 * text (a quick copy, where ICU's UTF-16 copy would take three times the time and twice the memory), a body past
 * ICU_DECODE_MAX_BYTES, a body starting with a BOM (one after the file's own, which it drops), and every body where
 * Node has no ICU.
 */
export function decodeUtf8Body(body: Uint8Array): string {
  if (
    startsWithUtf8Bom(body) ||
    typeof transcode !== 'function' ||
    body.length > ICU_DECODE_MAX_BYTES ||
    isAscii(body)
  ) {
    return UTF8.decode(body);
  }
  return transcode(body, 'utf8', 'ucs2').toString('ucs2');
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
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold the delimiter, line breaks and "" for a
 * quote; CRLF, LF or CR end a row). Lenient where Excel is: a quote inside an unquoted field is kept as a character,
 * rows may differ in length, an empty line is a row of one empty field. A final line break does not make an extra
 * row. A quote that opens a field and never closes throws UnclosedQuoteError with the line where it opened.
 *
 * Reads as csv-parse does with relax_quotes and relax_column_count (test/node/read-csv.test.ts compares the two on
 * random text), in one pass: a quote opens a quoted field only at the start of a field; inside it "" is a quote; a
 * closing quote followed by anything but the delimiter, a line break or the end turns the field back into plain
 * text, kept as typed from its opening quote on (csv-parse's relaxed reading: `"a""b"c` is the field `"a"b"c`).
 * Linear: every character is looked at once, and a field is one slice unless it holds "".
 */
export function parseCsv(text: string, delimiter: ',' | '\t' = ','): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, delimiter, (row) => {
    rows.push(row);
    return true;
  });
  return rows;
}

/**
 * parseCsv one row at a time: `visit` gets each row and its 0-based index as soon as it is read, and stops the
 * reading by returning false. Nothing but the current row is kept, so a caller that turns rows into records never
 * holds the whole grid. With `lendRows`, every row after the header comes in one array, refilled for each row: a
 * visit that keeps a row must copy it (a new array a row was a tenth of what reading a big file allocated).
 */
export function forEachCsvRow(
  text: string,
  delimiter: ',' | '\t',
  visit: (row: string[], index: number) => boolean | undefined,
  lendRows = false,
): void {
  const separator = delimiter.charCodeAt(0);
  let index = 0;
  const length = text.length;
  let row: string[] = [];
  let width = 0;
  let i = 0;
  // Each turn reads one field from its first character i, then the delimiter or line break after it.
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code === QUOTE) {
      const opened = i;
      let value = '';
      let from = i + 1;
      let j = from;
      let closed = false;
      while (j < length) {
        const next = text.indexOf('"', j);
        if (next < 0) break;
        if (text.charCodeAt(next + 1) === QUOTE) {
          value += text.slice(from, next + 1);
          from = next + 2;
          j = from;
          continue;
        }
        value += text.slice(from, next);
        j = next + 1;
        closed = true;
        break;
      }
      if (!closed) throw new UnclosedQuoteError(lineAt(text, opened));
      code = j < length ? text.charCodeAt(j) : -1;
      if (code !== separator && code !== LF && code !== CR && code !== -1) {
        // Relaxed: the field goes on as plain text up to the next delimiter or line break, its quotes as typed.
        let end = j;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === separator || c === LF || c === CR) break;
          end++;
        }
        value = `"${value}${text.slice(j - 1, end)}`;
        j = end;
        code = j < length ? text.charCodeAt(j) : -1;
      }
      row[width++] = value;
      i = j;
    } else {
      let end = i;
      while (end < length) {
        code = text.charCodeAt(end);
        if (code === separator || code === LF || code === CR) break;
        end++;
      }
      row[width++] = text.slice(i, end);
      i = end;
      code = i < length ? code : -1;
    }
    // i is at the delimiter, a line break or the end of the text.
    if (code === separator) {
      i++;
      // A delimiter right before a line break or the end leaves one more empty field.
      if (i >= length) row[width++] = '';
      continue;
    }
    // A lent row may still hold the end of a longer one.
    if (row.length > width) row.length = width;
    if (visit(row, index++) === false) return;
    if (!lendRows || index === 1) row = [];
    width = 0;
    if (code === CR && text.charCodeAt(i + 1) === LF) i += 2;
    else i++;
  }
  // The text ended right after a delimiter: that row is not closed by a line break.
  if (width > 0) {
    row.length = width;
    visit(row, index);
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** 1-based line of `index` (CRLF, LF or CR end a line), in a string or in UTF-8 bytes. */
function lineAt(text: string | Uint8Array, index: number): number {
  const codeAt = characterCodes(text);
  let line = 1;
  for (let i = 0; i < index; i++) {
    const code = codeAt(i);
    if (code === LF || (code === CR && codeAt(i + 1) !== LF)) line++;
  }
  return line;
}

/**
 * The line where a quote opens that never closes, or null: what parseCsv would throw, found without building the
 * rows (the runner checks every file when it reads the folder and builds a big tab's rows only when the core reads
 * them). Jumps from quote to quote: a quote opens a field only at its start (the first character, or after the
 * delimiter or a line break); inside, "" is a quote and any other quote closes the field.
 */
export function unclosedQuoteLine(text: string | Uint8Array, delimiter: ',' | '\t' = ','): number | null {
  const separator = delimiter.charCodeAt(0);
  const codeAt = characterCodes(text);
  const nextQuote =
    typeof text === 'string' ? (from: number) => text.indexOf('"', from) : (from: number) => text.indexOf(QUOTE, from);
  let i = nextQuote(0);
  while (i >= 0) {
    const before = i === 0 ? LF : codeAt(i - 1);
    if (before !== separator && before !== LF && before !== CR) {
      i = nextQuote(i + 1);
      continue;
    }
    let close = nextQuote(i + 1);
    while (close >= 0 && codeAt(close + 1) === QUOTE) close = nextQuote(close + 2);
    if (close < 0) return lineAt(text, i);
    i = nextQuote(close + 1);
  }
  return null;
}

/** The code of the character (of a string) or byte (of UTF-8 bytes) at an index; NaN or undefined past the end. */
function characterCodes(text: string | Uint8Array): (index: number) => number {
  return typeof text === 'string' ? (index) => text.charCodeAt(index) : (index) => text[index];
}
