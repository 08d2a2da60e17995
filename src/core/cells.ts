// This file defines how one hand-typed cell value is read: text, counts, yen, dates (DayNumber), booleans.

// era.ts reads cells' day arithmetic too; neither module uses the other while loading, only inside functions.
import { ERAS } from './era';

/** What a spreadsheet adapter hands over for one cell: getValues() in Sheets, exceljs or CSV locally. */
export type CellValue = string | number | boolean | Date | null | undefined;
/** Days since 1970-01-01 (UTC calendar arithmetic), the one representation of a calendar date in the core. */
export type DayNumber = number;
/** Why a cell cannot be read; each is also the IssueCode the reader reports it under. */
const CELL_PROBLEMS = ['error_value', 'invalid_number', 'not_integer', 'invalid_date', 'invalid_boolean'] as const;
export type CellProblem = (typeof CELL_PROBLEMS)[number];
/** value null = blank cell. */
export type CellResult<T> = { ok: true; value: T | null } | { ok: false; problem: CellProblem };

// Results are shared frozen objects: the parsers run on every cell of 70,000-row tabs.
const BLANK: { ok: true; value: null } = Object.freeze({ ok: true, value: null });
const FAILURES = Object.freeze(
  Object.fromEntries(CELL_PROBLEMS.map((problem) => [problem, Object.freeze({ ok: false, problem })])),
) as { readonly [P in CellProblem]: { readonly ok: false; readonly problem: P } };

function succeed<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

/** A quick read (quickText, quickDay, quickInteger) as the parser's result. */
function fromQuick<T>(value: T | null): CellResult<T> {
  return value === null ? BLANK : succeed(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Text

const NON_ASCII = /[\u0080-\uffff]/;
// After NFKC, a dash-like character right before a digit is a minus or a date separator, unless it follows a
// letter: in コピー1部 the ー is a katakana long vowel, in 2022ー4ー1 or ー3,000 it is a hyphen.
const DASH_BEFORE_DIGIT = /(?<!\p{L})[ー—–―‐−](?=\d)/gu;
const DASH = /[ー—–―‐−]/;
const WHITESPACE_RUN = /\s+/g;
const WHITESPACE_TO_COLLAPSE = /\s\s|[^\S ]/; // two in a row, or a tab, newline, full-width space…

/** NFKC width folding (１２３ → 123, ＡＢ → AB, －/（）/，/　 → ASCII) plus dashes used as minus; does not trim. */
export function foldWidth(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const folded = text.normalize('NFKC');
  return DASH.test(folded) ? folded.replace(DASH_BEFORE_DIGIT, '-') : folded;
}

/** foldWidth, trim, and one space for every inner whitespace run: the form used to match headers, choices, keys. */
export function normalizeText(text: string): string {
  const trimmed = foldWidth(text).trim();
  return WHITESPACE_TO_COLLAPSE.test(trimmed) ? trimmed.replace(WHITESPACE_RUN, ' ') : trimmed;
}

/** null, undefined, '' (also a formula's empty string) and whitespace-only strings, full-width space included. */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  // String.prototype.trim removes U+3000 and U+00A0 as well.
  return typeof value === 'string' && value.trim() === '';
}

const ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  // Newer Excel and Sheets errors, rarer but just as unreadable.
  '#BLOCKED!',
  '#BUSY!',
  '#CONNECT!',
  '#FIELD!',
  '#UNKNOWN!',
  '#GETTING_DATA',
]);

/** A spreadsheet error such as #N/A or #REF! (as text: how getValues() and CSV exports deliver them). */
export function isErrorValue(value: CellValue): boolean {
  return typeof value === 'string' && isErrorText(value.trim());
}

function isErrorText(trimmed: string): boolean {
  return trimmed.charCodeAt(0) === 0x23 /* # */ && ERROR_VALUES.has(trimmed.toUpperCase());
}

/** The folded, trimmed text of a string cell, or the result a blank or error cell stands for. */
function readStringCell(value: string): string | typeof BLANK | typeof FAILURES.error_value {
  const text = value.trim();
  if (text === '') return BLANK;
  if (isErrorText(text)) return FAILURES.error_value;
  // Only NFKC can bring new edge spaces (゛ becomes a space plus a combining mark).
  return NON_ASCII.test(text) ? foldWidth(text).trim() : text;
}

/** A Date from any realm: Apps Script values and the test harness's vm context do not share one Date constructor. */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Display-ish text: trimmed string, number as String, TRUE/FALSE, Date as YYYY-MM-DD (local calendar), blank ''. */
export function cellToText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const day = dayNumberFromLocalDate(value);
  return day === null ? '' : formatDayNumber(day);
}

/** Trimmed text of any cell; blank → null. Width is kept as typed (names, notes); use normalizeText to match. */
export function parseText(value: CellValue): CellResult<string> {
  const quick = quickText(value);
  if (quick !== undefined) return fromQuick(quick);
  if (typeof value === 'string') return FAILURES.error_value; // the only text quickText leaves to this parser
  if (value === null || value === undefined) return BLANK;
  if (isDateObject(value) && Number.isNaN(value.getTime())) return FAILURES.invalid_date;
  return succeed(cellToText(value));
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

// Digits with correctly grouped thousands separators, and an optional fraction. '1,5' is not accepted: it could
// be a European 1.5 or a mistyped 15, so it is reported rather than guessed.
const UNSIGNED_DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const COMMAS = /,/g;
const NONZERO_DIGIT = /[1-9]/;
const COUNT_UNITS = '人名件回社組個';

/** A number cell as an integer, allowing the float noise of formulas such as =1000*1.1 (1100.0000000000002). */
function integerFromNumber(value: number): CellResult<number> {
  if (!Number.isFinite(value)) return FAILURES.invalid_number;
  const nearest = Math.round(value);
  if (Math.abs(value - nearest) > Math.max(1e-9, Math.abs(value) * 1e-12)) return FAILURES.not_integer;
  if (!Number.isSafeInteger(nearest)) return FAILURES.invalid_number;
  return succeed(nearest === 0 ? 0 : nearest);
}

/**
 * Reads unsigned decimal text times 10^scaleDigits as an exact integer, shifting the decimal point in the string
 * so that '1.005' thousand is 1005, not the float 1004.9999999999999.
 */
function readScaledInteger(text: string, scaleDigits: number, negative: boolean): CellResult<number> {
  const match = UNSIGNED_DECIMAL.exec(text);
  if (match === null) return FAILURES.invalid_number;
  const integerDigits = match[1].indexOf(',') >= 0 ? match[1].replace(COMMAS, '') : match[1];
  const fraction = match[2] ?? '';
  if (NONZERO_DIGIT.test(fraction.slice(scaleDigits))) return FAILURES.not_integer;
  const magnitude = Number(integerDigits + fraction.slice(0, scaleDigits).padEnd(scaleDigits, '0'));
  if (!Number.isSafeInteger(magnitude)) return FAILURES.invalid_number;
  return succeed(negative && magnitude !== 0 ? -magnitude : magnitude);
}

/**
 * The value of text of 1 to 15 ASCII digits (exact as a double), else -1: most count and yen cells (12, 178180), read
 * without the trim, fold and pattern of the general path.
 */
function plainDigitsValue(text: string): number {
  if (text.length === 0 || text.length > 15) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigitCode(code)) return -1;
    value = value * 10 + code - 0x30;
  }
  return value;
}

/** Splits a leading + or - off folded, trimmed text. */
function splitSign(text: string): { negative: boolean; rest: string } {
  const first = text.charCodeAt(0);
  if (first === 0x2d /* - */ || first === 0x2b /* + */) {
    return { negative: first === 0x2d, rest: text.slice(1).trimStart() };
  }
  return { negative: false, rest: text };
}

/** '12人' → '12', '12 名' → '12' (a hand-written suffix: a regular expression here was quadratic on long spaces). */
function withoutCountUnit(text: string): string {
  return COUNT_UNITS.indexOf(text.charAt(text.length - 1)) >= 0 ? text.slice(0, -1).trimEnd() : text;
}

/** A count: 12, '１２', '1,234', '12人', '12名', '12件', '12回' (also 社, 組, 個); 12.5 → not_integer. */
export function parseInteger(value: CellValue): CellResult<number> {
  if (typeof value === 'number') return integerFromNumber(value);
  if (typeof value !== 'string') return value === null || value === undefined ? BLANK : FAILURES.invalid_number;
  const quick = quickInteger(value);
  if (quick !== undefined) return fromQuick(quick);
  const text = readStringCell(value);
  if (typeof text !== 'string') return text;
  const { negative, rest } = splitSign(withoutCountUnit(text));
  return readScaledInteger(rest, 0, negative);
}

// Japanese accounting writes negatives as ▲3,000 or △3,000 (▼ is seen too).
const NEGATIVE_MARKS = '-−▲△▼';
const YEN_SIGNS = '¥\\'; // ￥ folds to ¥; a Shift_JIS CSV decoded as ASCII shows the yen sign as a backslash
const YEN_UNITS: ReadonlyArray<{ suffix: string; scaleDigits: number }> = [
  { suffix: '百万円', scaleDigits: 6 },
  { suffix: '千円', scaleDigits: 3 },
  { suffix: '万円', scaleDigits: 4 },
  { suffix: '円', scaleDigits: 0 },
  { suffix: '百万', scaleDigits: 6 },
  { suffix: '千', scaleDigits: 3 },
  { suffix: '万', scaleDigits: 4 },
];
function startsWithOneOf(text: string, characters: string): boolean {
  return text !== '' && characters.indexOf(text.charAt(0)) >= 0;
}

// '5万3,000円' as people write it: whole 万 plus a remainder below 10,000.
const MAN_AND_REMAINDER = /^(\d+)万(\d{1,4}|\d,\d{3})$/;

/**
 * Whole yen: 50000, '50,000', '５０，０００円', '50千円', '1.5千円', '5万円', '¥50,000', '-3,000', '▲3,000',
 * '△3,000', '(3,000)'. A value that is not a whole yen → not_integer; anything hedged ('約5万') → invalid_number.
 */
export function parseYen(value: CellValue): CellResult<number> {
  if (typeof value === 'number') return integerFromNumber(value);
  if (typeof value !== 'string') return value === null || value === undefined ? BLANK : FAILURES.invalid_number;
  const quick = quickInteger(value);
  if (quick !== undefined) return fromQuick(quick);
  const cellText = readStringCell(value);
  if (typeof cellText !== 'string') return cellText;

  let text = cellText;
  let negativeMarks = 0;
  if (text.charCodeAt(0) === 0x28 /* ( */ && text.charCodeAt(text.length - 1) === 0x29 /* ) */) {
    negativeMarks++;
    text = text.slice(1, -1).trim();
  }
  // The sign may stand before or after the yen sign: -¥3,000 and ¥-3,000 are both seen.
  for (let pass = 0; pass < 2; pass++) {
    if (startsWithOneOf(text, NEGATIVE_MARKS)) negativeMarks++;
    if (startsWithOneOf(text, NEGATIVE_MARKS) || text.charAt(0) === '+') text = text.slice(1).trimStart();
    if (pass === 0 && startsWithOneOf(text, YEN_SIGNS)) text = text.slice(1).trimStart();
  }
  if (negativeMarks > 1) return FAILURES.invalid_number; // (▲3,000) or --3000: no one means a double negative

  let scaleDigits = 0;
  for (const unit of YEN_UNITS) {
    if (text.endsWith(unit.suffix)) {
      scaleDigits = unit.scaleDigits;
      text = text.slice(0, -unit.suffix.length).trimEnd();
      break;
    }
  }
  const negative = negativeMarks === 1;
  const result = readScaledInteger(text, scaleDigits, negative);
  if (result.ok || scaleDigits !== 0) return result;
  const compound = MAN_AND_REMAINDER.exec(text);
  if (compound === null) return result;
  const yen = Number(compound[1]) * 10000 + Number(compound[2].replace(COMMAS, ''));
  if (!Number.isSafeInteger(yen)) return FAILURES.invalid_number;
  return succeed(negative && yen !== 0 ? -yen : yen);
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, no Date objects, no time zones)

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const lastDay = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day <= lastDay;
}

/** Month 1-12. A month or day outside its range rolls over like Date.UTC (month 13 = January of year + 1, day 0 = last day of the month before). */
export function dayNumberFromYmd(year: number, month: number, day: number): DayNumber {
  // Days-from-civil (H. Hinnant): years start on March 1 so the leap day falls at the end of a year.
  const normalizedYear = year + Math.floor((month - 1) / 12);
  const normalizedMonth = ((((month - 1) % 12) + 12) % 12) + 1;
  const shiftedYear = normalizedMonth <= 2 ? normalizedYear - 1 : normalizedYear;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = (normalizedMonth + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468 + (day - 1);
}

export function ymdFromDayNumber(day: DayNumber): { year: number; month: number; day: number } {
  const shifted = Math.floor(day) + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1,
  };
}

function padNumber(value: number, width: number): string {
  const digits = String(Math.abs(value));
  const padded = digits.length >= width ? digits : '0000'.slice(0, width - digits.length) + digits;
  return value < 0 ? `-${padded}` : padded;
}

/** 'YYYY-MM-DD'. */
export function formatDayNumber(day: DayNumber): string {
  const date = ymdFromDayNumber(day);
  return `${padNumber(date.year, 4)}-${padNumber(date.month, 2)}-${padNumber(date.day, 2)}`;
}

/** The calendar day a Date shows in the local time zone: Apps Script and the Node adapters build local-midnight Dates. */
function dayNumberFromLocalDate(date: Date): DayNumber | null {
  if (Number.isNaN(date.getTime())) return null;
  return dayNumberFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

// Sheets serial 0 is 1899-12-30 (Excel agrees from serial 61, 1900-03-01, on); 2958465 is 9999-12-31.
const SERIAL_OF_1970_01_01 = 25569;
const MAX_SERIAL = 2958465;

// Every date reader below is a forward-only scanner, so a cell takes time in proportion to its length whatever it
// holds. (The regular expressions they replace backtracked: a weekday such as `(日  日  日 … x` of 64 characters
// took 12 s.) Only the bare serial is a regular expression: anchored, one quantifier per run of digits.
const BARE_NUMBER = /^(\d+)(?:\.\d+)?$/;

const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * The forms typed most, 2022/4/1, 2022-04-01, 2022.4.1 and 2022年4月1日, read by hand: the match arrays of
 * a regular expression were the largest allocation when reading a big workbook. Null for a day no calendar has
 * (2023/2/29); undefined for any other text (spaces, a time, a weekday, a mistake), which the general scanner below
 * then reads.
 */
function plainWesternDay(text: string): DayNumber | null | undefined {
  let year = 0;
  for (let index = 0; index < 4; index++) {
    const code = text.charCodeAt(index);
    if (!isDigitCode(code)) return undefined;
    year = year * 10 + code - 0x30;
  }
  const yearSeparator = text.charAt(4);
  const monthSeparator = yearSeparator === '年' ? '月' : yearSeparator;
  if (yearSeparator !== '/' && yearSeparator !== '-' && yearSeparator !== '.' && yearSeparator !== '年') {
    return undefined;
  }
  let index = 5;
  let month = 0;
  while (index < 7 && isDigitCode(text.charCodeAt(index))) month = month * 10 + text.charCodeAt(index++) - 0x30;
  if (index === 5 || text.charAt(index) !== monthSeparator) return undefined;
  const dayStart = ++index;
  let day = 0;
  while (index < dayStart + 2 && isDigitCode(text.charCodeAt(index))) day = day * 10 + text.charCodeAt(index++) - 0x30;
  if (index === dayStart) return undefined;
  if (yearSeparator === '年' && text.charAt(index) === '日') index++;
  if (index !== text.length) return undefined;
  return isValidYmd(year, month, day) ? dayNumberFromYmd(year, month, day) : null;
}

const SPACE = /\s/;
// Inside a time of day a line break is not a space: '2022/4/1\n10:00' is two lines, not a date and a time.
const INLINE_SPACE = /[^\S\n\r\u2028\u2029]/;
const ASCII_LETTER = /[a-z]/i;

/** A position in folded, trimmed text that only ever moves forward. */
class Cursor {
  index = 0;
  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipSpaces(space: RegExp = SPACE): void {
    while (space.test(this.text.charAt(this.index))) this.index++;
  }

  /** Takes the next character when it is one of `characters` and returns it; '' (not moving) otherwise. */
  take(characters: string): string {
    const char = this.text.charAt(this.index);
    if (char === '' || characters.indexOf(char) < 0) return '';
    this.index++;
    return char;
  }

  takeWord(word: string): boolean {
    if (!this.text.startsWith(word, this.index)) return false;
    this.index += word.length;
    return true;
  }

  /** One to `max` digits as a number; -1 (not moving) when there is no digit. */
  digits(max: number): number {
    const start = this.index;
    let value = 0;
    while (this.index - start < max && isDigitCode(this.text.charCodeAt(this.index))) {
      value = value * 10 + this.text.charCodeAt(this.index++) - 0x30;
    }
    return this.index === start ? -1 : value;
  }

  /** Exactly `count` digits as a number, else -1 (the cursor may have moved). */
  exactDigits(count: number): number {
    const start = this.index;
    const value = this.digits(count);
    return this.index - start === count ? value : -1;
  }
}

const WEEKDAY_MARKS = '日月火水木金土祝休曜';
const ENGLISH_WEEKDAYS: readonly string[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Where a weekday in parentheses that opens at `open` ends (just past its ')'), or -1: (金), (金曜日), (金・祝),
 * ( 土 , 日 ), (Fri), (Friday.). Each character is looked at once.
 */
function weekdayEnd(text: string, open: number): number {
  const cursor = new Cursor(text);
  cursor.index = open + 1;
  cursor.skipSpaces();
  if (cursor.take(WEEKDAY_MARKS) !== '') {
    for (;;) {
      cursor.skipSpaces();
      if (cursor.take(')') !== '') return cursor.index;
      if (cursor.take('・,') !== '') cursor.skipSpaces();
      if (cursor.take(WEEKDAY_MARKS) === '') return -1;
    }
  }
  if (!ENGLISH_WEEKDAYS.includes(text.slice(cursor.index, cursor.index + 3).toLowerCase())) return -1;
  cursor.index += 3;
  while (ASCII_LETTER.test(text.charAt(cursor.index))) cursor.index++;
  cursor.take('.');
  cursor.skipSpaces();
  return cursor.take(')') !== '' ? cursor.index : -1;
}

/**
 * A weekday in parentheses is decoration: it becomes a space, and the text is trimmed again. Only the first '(' is
 * tried: with a second one, the text is not a date whatever the first holds.
 */
function withoutWeekday(text: string): string {
  const open = text.indexOf('(');
  const end = open < 0 ? -1 : weekdayEnd(text, open);
  return end < 0 ? text : `${text.slice(0, open)} ${text.slice(end)}`.trim();
}

/**
 * A time of day, which is then ignored: 10:00, 10:00:00.000Z, T10:00:00+09:00, 午後2時30分, 2:30 PM. It must exist:
 * 0:00 to 23:59:59, or 0 to 12 o'clock with 午前/午後 or AM/PM; 24:00 is refused (the next day or this one?).
 */
function readTimeOfDay(cursor: Cursor): boolean {
  cursor.skipSpaces(INLINE_SPACE);
  if (cursor.take('Tt') !== '') cursor.skipSpaces(INLINE_SPACE);
  let twelveHour = cursor.takeWord('午前') || cursor.takeWord('午後');
  if (twelveHour) cursor.skipSpaces(INLINE_SPACE);
  const hour = cursor.digits(2);
  let minute = 0;
  let second = 0;
  if (hour < 0) return false;
  if (cursor.take(':') !== '') {
    minute = cursor.exactDigits(2);
    if (minute < 0) return false;
    if (cursor.take(':') !== '') {
      second = cursor.exactDigits(2);
      if (second < 0 || (cursor.take('.') !== '' && cursor.digits(Number.POSITIVE_INFINITY) < 0)) return false;
    }
  } else if (cursor.take('時') !== '') {
    // 分 and 秒 are optional: '10時 pm' is ten o'clock, '10時 30' is not a time.
    const afterHour = cursor.index;
    cursor.skipSpaces(INLINE_SPACE);
    const minutes = cursor.digits(2);
    if (minutes >= 0 && cursor.take('分') !== '') {
      minute = minutes;
      const afterMinute = cursor.index;
      cursor.skipSpaces(INLINE_SPACE);
      const seconds = cursor.digits(2);
      if (seconds >= 0 && cursor.take('秒') !== '') second = seconds;
      else cursor.index = afterMinute;
    } else {
      cursor.index = afterHour;
    }
  } else {
    return false;
  }
  cursor.skipSpaces(INLINE_SPACE);
  if (cursor.take('aApP') !== '') {
    cursor.take('.');
    if (cursor.take('mM') === '') return false;
    cursor.take('.');
    twelveHour = true;
  }
  cursor.skipSpaces(INLINE_SPACE);
  if (cursor.take('+-') !== '' && !readUtcOffset(cursor)) return false;
  cursor.take('zZ');
  return cursor.atEnd() && hour <= (twelveHour ? 12 : 23) && minute <= 59 && second <= 59;
}

/** After + or -: 09, 0900 or 09:00, at most 23:59. */
function readUtcOffset(cursor: Cursor): boolean {
  const hours = cursor.exactDigits(2);
  if (hours < 0 || hours > 23) return false;
  const afterHours = cursor.index;
  cursor.take(':');
  const minutes = cursor.exactDigits(2);
  if (minutes < 0) cursor.index = afterHours;
  return minutes <= 59;
}

/**
 * After the year: /4/1, .4.1, -4-1 or 年4月1日 (separators that agree; spaces allowed around each part), then
 * nothing or a time of day, set apart by a space or T unless 日 ends the date. Null when the text is not that.
 */
function readMonthAndDay(cursor: Cursor): { month: number; day: number } | null {
  cursor.skipSpaces();
  const yearSeparator = cursor.take('/.-年');
  if (yearSeparator === '') return null;
  cursor.skipSpaces();
  const month = cursor.digits(2);
  cursor.skipSpaces();
  const monthSeparator = cursor.take(yearSeparator === '年' ? '月' : yearSeparator);
  cursor.skipSpaces();
  const day = cursor.digits(2);
  if (month < 0 || monthSeparator === '' || day < 0) return null;
  const afterDay = cursor.index;
  cursor.skipSpaces();
  const dayMark = cursor.take('日') !== '';
  if (!dayMark) cursor.index = afterDay;
  else if (yearSeparator !== '年') return null; // 2022/4/1日
  if (cursor.atEnd()) return { month, day };
  if (!dayMark && isDigitCode(cursor.text.charCodeAt(cursor.index))) return null; // 2022/4/110:00
  return readTimeOfDay(cursor) ? { month, day } : null;
}

/** 2022/4/1, 2022-04-01, 2022.4.1, 2022年4月1日, each with a time or spaces. */
function readWesternDate(text: string): CellResult<DayNumber> {
  const cursor = new Cursor(text);
  const year = cursor.exactDigits(4);
  const date = year < 0 ? null : readMonthAndDay(cursor);
  if (date === null || !isValidYmd(year, date.month, date.day)) return FAILURES.invalid_date;
  return succeed(dayNumberFromYmd(year, date.month, date.day));
}

/**
 * 令和4年4月1日, 令和元年5月1日, R4.4.1, r4/4/1, H31.4.30, S64.1.7 (the eras of era.ts, by name or initial): strict at
 * era boundaries.
 */
function readWarekiDate(text: string): CellResult<DayNumber> {
  const cursor = new Cursor(text);
  const index = ERAS.findIndex(
    ({ name, letter }) => cursor.takeWord(name) || cursor.takeWord(letter) || cursor.takeWord(letter.toLowerCase()),
  );
  // From 昭和 on: a day of 大正 or 明治 is no date such a workbook holds (T4.4.1 and 大正4年4月1日 are refused).
  if (index < ERAS.findIndex(({ name }) => name === '昭和')) return FAILURES.invalid_date;
  const era = ERAS[index];
  cursor.skipSpaces();
  const eraYear = cursor.take('元') !== '' ? 1 : cursor.digits(2);
  const date = eraYear < 1 ? null : readMonthAndDay(cursor);
  const year = era.firstYear + eraYear - 1;
  if (date === null || !isValidYmd(year, date.month, date.day)) return FAILURES.invalid_date;
  const dayNumber = dayNumberFromYmd(year, date.month, date.day);
  // Strict: 平成31年5月1日 does not exist (that day is 令和元年5月1日), nor does 令和元年4月30日.
  const next = ERAS[index + 1];
  if (dayNumber < era.start || (next !== undefined && dayNumber >= next.start)) return FAILURES.invalid_date;
  return succeed(dayNumber);
}

/** Reads folded, trimmed text as a date. */
function parseDateText(cellText: string): CellResult<DayNumber> {
  const plain = plainWesternDay(cellText);
  if (plain !== undefined) return plain === null ? FAILURES.invalid_date : succeed(plain);
  const text = withoutWeekday(cellText);
  if (!isDigitCode(text.charCodeAt(0))) return readWarekiDate(text);
  // A bare serial such as '44652' (some CSV exports write dates so). Only five digits (1927-05-18 .. 2173-10-13):
  // '2022' is a year and '202204' a year and month, not serials.
  const bare = BARE_NUMBER.exec(text);
  if (bare === null) return readWesternDate(text);
  return bare[1].length === 5 ? succeed(Number(bare[1]) - SERIAL_OF_1970_01_01) : FAILURES.invalid_date;
}

/**
 * A calendar day: a Date (local calendar day), a Sheets/Excel serial number (the time fraction is ignored), or
 * text: 2022/4/1, 2022-04-01, 2022.4.1, 2022年4月1日(金), an optional time, 和暦 (令和4年4月1日, R4.4.1, 平成元年1月8日).
 * Impossible days (2023-02-29, 平成31年5月1日) → invalid_date. Whether the day is plausible is the validator's job.
 */
export function parseDate(value: CellValue): CellResult<DayNumber> {
  // Text first: nearly every cell of a CSV file, and the Date test below is not free.
  if (typeof value === 'string') {
    const quick = quickDay(value);
    if (quick !== undefined) return fromQuick(quick);
    const text = readStringCell(value);
    return typeof text === 'string' ? parseDateText(text) : text;
  }
  if (isDateObject(value)) {
    const day = dayNumberFromLocalDate(value);
    return day === null ? FAILURES.invalid_date : succeed(day);
  }
  if (typeof value === 'number') {
    if (!(value >= 1 && value < MAX_SERIAL + 1)) return FAILURES.invalid_date; // also rejects NaN
    return succeed(Math.floor(value) - SERIAL_OF_1970_01_01);
  }
  return value === null || value === undefined ? BLANK : FAILURES.invalid_date;
}

// ---------------------------------------------------------------------------------------------------------------
// Booleans

const VARIATION_SELECTOR = /\ufe0f/g; // ✔️ is ✔ plus an emoji variation selector
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ...['true', 'はい', 'yes', 'y', '✓', '✔', '☑', '○', '〇', '◯', 'あり', '有り', '有', '1'].map(
    (word): [string, boolean] => [word, true],
  ),
  // A lone dash means "none" in Japanese tables; 'x' is left out on purpose: some people use it as a check mark.
  ...['false', 'いいえ', 'no', 'n', '×', '✕', '✗', '✘', 'なし', '無し', '無', '0', '-', 'ー', '—', '–', '―'].map(
    (word): [string, boolean] => [word, false],
  ),
]);

/** はい/いいえ, TRUE/FALSE, Yes/No, ✓/○ vs ×, あり/なし, 1/0, '-' (none). Anything else → invalid_boolean. */
export function parseBoolean(value: CellValue): CellResult<boolean> {
  if (typeof value === 'boolean') return succeed(value);
  if (typeof value === 'number') {
    if (value === 1) return succeed(true);
    return value === 0 ? succeed(false) : FAILURES.invalid_boolean;
  }
  if (typeof value !== 'string') return value === null || value === undefined ? BLANK : FAILURES.invalid_boolean;
  const text = readStringCell(value);
  if (typeof text !== 'string') return text;
  const word = BOOLEAN_WORDS.get(text) ?? BOOLEAN_WORDS.get(text.replace(VARIATION_SELECTOR, '').toLowerCase());
  return word === undefined ? FAILURES.invalid_boolean : succeed(word);
}

// ---------------------------------------------------------------------------------------------------------------
// Quick reads

// What parseText, parseDate, parseInteger and parseYen give the commonest cells (text, 1 to 15 digits, a date typed
// 2022-04-01), without the result object: the value, null for an empty cell, undefined for a cell that needs the
// parser. readTable reads each cell so first: on a big workbook the result objects were the largest allocation left.
// Each of those parsers begins with its quick read, so the two never differ.

/** parseText's value of trimmed text that is not an error value such as #N/A. */
export function quickText(value: CellValue): string | null | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return null;
  return isErrorText(text) ? undefined : text;
}

/** parseDate's value of a date typed plainly (2022/4/1, 2022-04-01, 2022年4月1日) with no space around it. */
export function quickDay(value: CellValue): DayNumber | null | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === '') return null;
  return plainWesternDay(value) ?? undefined;
}

/** parseInteger's and parseYen's value of 1 to 15 ASCII digits with no space around them. */
export function quickInteger(value: CellValue): number | null | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === '') return null;
  const plain = plainDigitsValue(value);
  return plain < 0 ? undefined : plain;
}
