// This file tests the key the duplicate-ID check compares IDs by: equal exactly when the IDs' match keys are.
import fc from 'fast-check';
import { matchKey } from '../../src/core/read-workbook';
import { duplicateKey } from '../../src/core/validate';

describe('duplicateKey', () => {
  it.each<[string, string]>([
    ['C0012', 'C0012'],
    ['E-1_#', 'E-1_#'],
    ['c0012', 'C0012'],
    ['Ｃ００１２', 'C0012'],
    ['C 0012', 'C 0012'],
    [' C0012', 'C0012'],
    ['ABC~', 'ABC~'],
    ['Abc', 'ABC'],
    ['事業A', '事業a'],
    ['ＡＢ事業', 'ab事業'],
    ['', ''],
  ])('%j → %j', (text, key) => {
    expect(duplicateKey(text)).toBe(key);
  });

  it('is equal for two texts exactly when their match keys are (any text)', () => {
    const alphabet = [
      'C',
      'c',
      'Ｃ',
      'ｃ',
      '1',
      '１',
      ' ',
      '\u3000',
      '-',
      'ー',
      '事',
      'ß',
      'SS',
      'ss',
      'İ',
      'i',
      'K',
      '\u212a',
      '`',
      '{',
      '@',
      '[',
      'a',
      'z',
      'A',
      'Z',
      '!',
      '\u007f',
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 5 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(duplicateKey(a) === duplicateKey(b)).toBe(matchKey(a) === matchKey(b));
        // The same text in other cases and widths: mostly the same key.
        for (const other of [a.toUpperCase(), a.toLowerCase(), a.normalize('NFKC')]) {
          expect(duplicateKey(a) === duplicateKey(other)).toBe(matchKey(a) === matchKey(other));
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('duplicateKey at the ASCII boundary', () => {
  it('keeps a match key holding U+0080 as the match key itself (a\\u0080), whatever the case typed', () => {
    expect(duplicateKey('A\u0080')).toBe('a\u0080');
    expect(duplicateKey('a\u0080')).toBe('a\u0080');
  });

  it('upper-cases a match key whose last character is U+007F, the last ASCII code unit (not plain: DEL)', () => {
    expect(duplicateKey('a\u007f')).toBe('A\u007f');
  });

  it('returns plain text without lower-case letters as it is, and folds lower-case to it', () => {
    expect(duplicateKey('C0012')).toBe('C0012');
    expect(duplicateKey('c0012')).toBe('C0012');
    expect(duplicateKey('!~')).toBe('!~');
  });
});
