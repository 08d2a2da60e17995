// This file tests the edges of src/core/cells.ts (lines before 339) that the static mutation pass at 2448dbc left alive.
import {
  type CellResult,
  type CellValue,
  formatDayNumber,
  parseDate,
  parseInteger,
  parseYen,
} from '../../src/core/cells';

function resultValue<T>(result: CellResult<T>): T | null | { problem: string } {
  return result.ok ? result.value : { problem: result.problem };
}

function dateAsText(value: CellValue): string | null | { problem: string } {
  const result = parseDate(value);
  if (!result.ok) return { problem: result.problem };
  return result.value === null ? null : formatDayNumber(result.value);
}

describe('integer number cells: the float-noise tolerance is exclusive at exactly 1e-9', () => {
  // |1e-9 - 0| equals the tolerance max(1e-9, 1e-21) exactly: within it, so the cell reads as 0 (a `>=` would say
  // not_integer); twice as far is outside.
  test.each<[number, unknown]>([
    [1e-9, 0],
    [-1e-9, 0],
    [2e-9, { problem: 'not_integer' }],
  ])('parseInteger and parseYen of %p → %p', (input, expected) => {
    expect(resultValue(parseInteger(input))).toEqual(expected);
    expect(resultValue(parseYen(input))).toEqual(expected);
  });
});

describe('yen text: parentheses mean a negative only when they open and close the cell', () => {
  // A lone closing parenthesis is a typo, not accounting notation: without the '(' check, '3000)' would lose its
  // first and last characters and read as 000 (0), '¥3,000)' as -3,000.
  test.each<[string, unknown]>([
    ['3000)', { problem: 'invalid_number' }],
    ['¥3,000)', { problem: 'invalid_number' }],
    ['(3,000)', -3000],
  ])('parseYen(%p) → %p', (input, expected) => {
    expect(resultValue(parseYen(input))).toEqual(expected);
  });
});

describe('yen text: the sign and yen sign are looked for twice, not three times', () => {
  // Two passes take '+' and '+', leaving '+3000', which is no number; a third pass would read 3000.
  test.each<[string, unknown]>([
    ['+++3000', { problem: 'invalid_number' }],
    // ¥ is taken on the first pass, - on the second; a third would take the + and read -3000.
    ['¥-+3000', { problem: 'invalid_number' }],
  ])('parseYen(%p) → %p', (input, expected) => {
    expect(resultValue(parseYen(input))).toEqual(expected);
  });
});

describe('formatDayNumber around year 0 (proleptic Gregorian)', () => {
  // Day -719468 is 0000-03-01, the origin of the days-from-civil algorithm (719,468 days before 1970-01-01);
  // year 0 is a leap year (divisible by 400), so the day before is 0000-02-29, and 0000-01-01 is 31 + 29 days
  // before 03-01. Year 0 is written 0000, not -0000.
  test.each<[number, string]>([
    [-719468, '0000-03-01'],
    [-719469, '0000-02-29'],
    [-719528, '0000-01-01'],
    [-719529, '-0001-12-31'],
  ])('formatDayNumber(%p) → %p', (day, expected) => {
    expect(formatDayNumber(day)).toBe(expected);
  });
});

describe('the fast reader of plain western dates accepts only what the general reader accepts', () => {
  test.each<[string, unknown]>([
    // Four non-digits are no year (the fast reader must not compute one from letters: 'abcd' would be year 54562).
    ['abcd/4/1', { problem: 'invalid_date' }],
    // 月 ends the month only after 年: 2022/4月1 mixes separators.
    ['2022/4月1', { problem: 'invalid_date' }],
    ['2022-4月1日', { problem: 'invalid_date' }],
    ['2022年4月1日', '2022-04-01'],
    ['2022/4/1', '2022-04-01'],
  ])('parseDate(%p) → %p', (input, expected) => {
    expect(dateAsText(input)).toEqual(expected);
  });
});
