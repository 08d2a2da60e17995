// This file tests duplicateKey where its static mutants at 2448dbc showed a gap: a match key holding U+0080, the first
// non-ASCII code unit, is kept as it is (lower-case), not upper-cased as an ASCII key is.
import { duplicateKey } from '../../src/core/validate';

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
