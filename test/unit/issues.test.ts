// Tests of the A1 helpers of issues.ts: column letters ↔ 0-based index, worked out by hand (26 letters a place).
import { a1, columnIndex, columnLetters } from '../../src/core/issues';

// [letters, 0-based index]: the first and last column of each letter count, and the last column of a sheet (XFD).
const COLUMNS: readonly [string, number][] = [
  ['A', 0],
  ['B', 1],
  ['Z', 25],
  ['AA', 26],
  ['AB', 27],
  ['AZ', 51],
  ['BA', 52],
  ['ZZ', 701],
  ['AAA', 702],
  ['XFD', 16383],
];

describe('columnIndex', () => {
  it.each(COLUMNS)('reads %s as column %i', (letters, index) => {
    expect(columnIndex(letters)).toBe(index);
  });

  it('reads lower case as upper case ($b in a formula is B)', () => {
    expect(columnIndex('b')).toBe(1);
    expect(columnIndex('aB')).toBe(27);
    expect(columnIndex('xfd')).toBe(16383);
  });

  it('is the inverse of columnLetters', () => {
    for (const [letters, index] of COLUMNS) expect(columnLetters(index)).toBe(letters);
    for (let index = 0; index < 800; index++) expect(columnIndex(columnLetters(index))).toBe(index);
  });
});

describe('a1', () => {
  it('joins the letters of a 0-based column and a 1-based row', () => {
    expect(a1(0, 1)).toBe('A1');
    expect(a1(27, 3)).toBe('AB3');
    expect(a1(702, 10)).toBe('AAA10');
  });
});
