// This file tests the edges of src/core/cells.ts (lines from 339) that the static mutation pass at 2448dbc left alive.
import { type CellValue, formatDayNumber, parseDate } from '../../src/core/cells';

function dateAsText(value: CellValue): string | null | { problem: string } {
  const result = parseDate(value);
  if (!result.ok) return { problem: result.problem };
  return result.value === null ? null : formatDayNumber(result.value);
}

describe('the 2022年4月1日 fast path takes only 日 after the day, nothing else', () => {
  // After 年 and 月 the fast path may step over one 日; any other character after the day must stop it, and the
  // general reader then refuses the text (x, ( and ) are no time of day). Stepping over any character would read
  // 2022-04-01 or 2022-09-29.
  test.each<[string, unknown]>([
    ['2022年4月1x', { problem: 'invalid_date' }],
    ['2022年4月1(', { problem: 'invalid_date' }],
    ['2022年9月290', { problem: 'invalid_date' }],
    ['2022年4月1日', '2022-04-01'],
    ['2022年4月1', '2022-04-01'],
    ['2022年4月1日x', { problem: 'invalid_date' }],
  ])('parseDate(%p) → %p', (input, expected) => {
    expect(dateAsText(input)).toEqual(expected);
  });
});

describe('the general date reader wants the second separator', () => {
  // Without the separator between month and day, 2022/122 would read as month 12, day 2; spaces around the first
  // separator and an era year take the same general reader (2022. 109 has a space: 2022.109 is a bare number).
  test.each<[string, unknown]>([
    ['2022/122', { problem: 'invalid_date' }],
    ['2022 /122', { problem: 'invalid_date' }],
    ['2022. 109', { problem: 'invalid_date' }],
    ['令和4/121', { problem: 'invalid_date' }],
    ['R4 /091', { problem: 'invalid_date' }],
    ['2022 /12/2', '2022-12-02'],
    ['令和4/12/1', '2022-12-01'],
  ])('parseDate(%p) → %p', (input, expected) => {
    expect(dateAsText(input)).toEqual(expected);
  });
});
