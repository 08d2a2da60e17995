// This file tests yen → 千円 rounding (端数処理): each mode worked out by hand, refunds, and a property over random amounts.
import fc from 'fast-check';
import type { RoundingMode } from '../../src/core/records';
import { roundProgramCosts, toThousandYen } from '../../src/core/rounding';

/** [row, 千円] pairs in the order given, so a test compares whole tables at once. */
function rows(amounts: readonly { row: number; yen: number }[], mode: RoundingMode): [number, number][] {
  return [...roundProgramCosts(amounts, mode).byRow.entries()];
}

describe('toThousandYen', () => {
  it('rounds half up, symmetric for refunds, under 四捨五入 and 合計に合わせる', () => {
    const yen = [0, 499, 500, 1499, 1500, 12_345_500, -499, -500, -1500, -1501];
    const expected = [0, 0, 1, 1, 2, 12_346, 0, -1, -2, -2];
    expect(yen.map((y) => toThousandYen(y, '四捨五入'))).toEqual(expected);
    expect(yen.map((y) => toThousandYen(y, '合計に合わせる'))).toEqual(expected);
  });

  it('truncates toward zero under 切り捨て', () => {
    expect([999, 1000, 1999, -999, -1000, -1999].map((y) => toThousandYen(y, '切り捨て'))).toEqual([
      0, 1, 1, 0, -1, -1,
    ]);
  });

  it('gives 0, never -0, for a refund that rounds to nothing (a -0 would print differently in some renderers)', () => {
    expect(Object.is(toThousandYen(-400, '四捨五入'), 0)).toBe(true);
    expect(Object.is(toThousandYen(-999, '切り捨て'), 0)).toBe(true);
  });
});

describe('roundProgramCosts', () => {
  // 1,400 / 1,400 / 1,400 / 1,900 yen = 6,100 yen. 四捨五入: 1+1+1+2 = 5 (total 6); 切り捨て: 1+1+1+1 = 4 (total 6,
  // ⌊6.1⌋); 合計に合わせる: floors 1+1+1+1 = 4, 2 units left → remainders 900 (row 5), then 400 ×3 → the earliest
  // sheet row (2): 2+1+1+2 = 6.
  const mixed = [
    { row: 2, yen: 1400 },
    { row: 3, yen: 1400 },
    { row: 4, yen: 1400 },
    { row: 5, yen: 1900 },
  ];

  it('四捨五入: each row alone, the total from the yen sum, nothing moved', () => {
    const result = roundProgramCosts(mixed, '四捨五入');
    expect(result.totalThousands).toBe(6);
    expect(rows(mixed, '四捨五入')).toEqual([
      [2, 1],
      [3, 1],
      [4, 1],
      [5, 2],
    ]);
    expect(result.moved).toEqual([]);
  });

  it('切り捨て: each row truncated, the total truncated from the yen sum, nothing moved', () => {
    const result = roundProgramCosts(mixed, '切り捨て');
    expect(result.totalThousands).toBe(6);
    expect(rows(mixed, '切り捨て')).toEqual([
      [2, 1],
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
    expect(result.moved).toEqual([]);
  });

  it('合計に合わせる: the largest remainders get the missing units; ties go to the earlier sheet row', () => {
    const result = roundProgramCosts(mixed, '合計に合わせる');
    expect(result.totalThousands).toBe(6);
    expect(rows(mixed, '合計に合わせる')).toEqual([
      [2, 2],
      [3, 1],
      [4, 1],
      [5, 2],
    ]);
    expect(result.moved).toEqual([{ row: 2, plain: 1, adjusted: 2 }]);
  });

  it('合計に合わせる: three rows of 1,400 yen are 2 + 1 + 1 = 4 (4,200 yen), the first row moved up', () => {
    const three = [
      { row: 7, yen: 1400 },
      { row: 8, yen: 1400 },
      { row: 9, yen: 1400 },
    ];
    const result = roundProgramCosts(three, '合計に合わせる');
    expect(result.totalThousands).toBe(4);
    expect(rows(three, '合計に合わせる')).toEqual([
      [7, 2],
      [8, 1],
      [9, 1],
    ]);
    expect(result.moved).toEqual([{ row: 7, plain: 1, adjusted: 2 }]);
  });

  it('合計に合わせる: a row moves down when plain rounding overshoots (3 × 1,500 = 4,500 → 5, not 6)', () => {
    const three = [
      { row: 2, yen: 1500 },
      { row: 3, yen: 1500 },
      { row: 4, yen: 1500 },
    ];
    const result = roundProgramCosts(three, '合計に合わせる');
    expect(result.totalThousands).toBe(5);
    expect(rows(three, '合計に合わせる')).toEqual([
      [2, 2],
      [3, 2],
      [4, 1],
    ]);
    expect(result.moved).toEqual([{ row: 4, plain: 2, adjusted: 1 }]);
  });

  it('breaks ties by sheet row, not by the order given; moved rows keep the order given', () => {
    const given = [
      { row: 9, yen: 1400 },
      { row: 3, yen: 1400 },
      { row: 5, yen: 1400 },
    ];
    expect(rows(given, '合計に合わせる')).toEqual([
      [9, 1],
      [3, 2],
      [5, 1],
    ]);
    const down = [
      { row: 9, yen: 1500 },
      { row: 3, yen: 1500 },
      { row: 5, yen: 1500 },
    ];
    expect(roundProgramCosts(down, '合計に合わせる').moved).toEqual([{ row: 9, plain: 2, adjusted: 1 }]);
  });

  it('合計に合わせる with refunds: -1,400 ×3 = -4,200 → -4; floors -2, remainders 600: two rows up to -1', () => {
    const refunds = [
      { row: 2, yen: -1400 },
      { row: 3, yen: -1400 },
      { row: 4, yen: -1400 },
    ];
    const result = roundProgramCosts(refunds, '合計に合わせる');
    expect(result.totalThousands).toBe(-4);
    expect(rows(refunds, '合計に合わせる')).toEqual([
      [2, -1],
      [3, -1],
      [4, -2],
    ]);
    expect(result.moved).toEqual([{ row: 4, plain: -1, adjusted: -2 }]);
    expect(roundProgramCosts(refunds, '四捨五入').totalThousands).toBe(-4);
    expect(rows(refunds, '切り捨て')).toEqual([
      [2, -1],
      [3, -1],
      [4, -1],
    ]);
  });

  it('at a remainder of exactly 500, the positive row (which rounds up) gets the unit before the refund', () => {
    // -1,500 + 2,500 = 1,000 → 1. Floors -2 and 2, both remainder 500, 1 unit: 2,500 → 3 as its own 四捨五入,
    // -1,500 stays -2 as its own. The earlier row first would give -1 and 2: two rows moved for nothing.
    const pair = [
      { row: 2, yen: -1500 },
      { row: 3, yen: 2500 },
    ];
    const result = roundProgramCosts(pair, '合計に合わせる');
    expect(result.totalThousands).toBe(1);
    expect(rows(pair, '合計に合わせる')).toEqual([
      [2, -2],
      [3, 3],
    ]);
    expect(result.moved).toEqual([]);
  });

  it('never moves a row of whole thousands or of 0 yen', () => {
    // 5,000 + 0 + 1,450 ×3 = 9,350 → 9. Floors 5 + 0 + 1 + 1 + 1 = 8: the one unit goes to row 4 (remainder 450).
    const amounts = [
      { row: 2, yen: 5000 },
      { row: 3, yen: 0 },
      { row: 4, yen: 1450 },
      { row: 5, yen: 1450 },
      { row: 6, yen: 1450 },
    ];
    expect(rows(amounts, '合計に合わせる')).toEqual([
      [2, 5],
      [3, 0],
      [4, 2],
      [5, 1],
      [6, 1],
    ]);
  });

  it('a 区分 with no rows has a total of 0', () => {
    for (const mode of ['四捨五入', '切り捨て', '合計に合わせる'] as const) {
      const result = roundProgramCosts([], mode);
      expect([result.totalThousands, result.byRow.size, result.moved]).toEqual([0, 0, []]);
    }
  });

  it('property: rows add up to the rounded total, each within 1 of its own 四捨五入, and only the needed rows move', () => {
    // Half up, away from zero for refunds, written here independently of the code under test.
    const halfUp = (yen: number) => Math.sign(yen) * Math.floor(Math.abs(yen) / 1000 + 0.5) || 0;
    const amounts = fc.array(fc.integer({ min: -3_000_000, max: 50_000_000 }), { maxLength: 12 });
    fc.assert(
      fc.property(amounts, (yens) => {
        const input = yens.map((yen, index) => ({ row: index + 2, yen }));
        const result = roundProgramCosts(input, '合計に合わせる');
        const total = halfUp(yens.reduce((sum, yen) => sum + yen, 0));
        let sum = 0;
        let plainSum = 0;
        const moved: { row: number; plain: number; adjusted: number }[] = [];
        for (const { row, yen } of input) {
          const value = result.byRow.get(row) as number;
          const plain = halfUp(yen);
          expect(Math.abs(value - plain)).toBeLessThanOrEqual(1);
          expect(Math.floor(yen / 1000) <= value && value <= Math.ceil(yen / 1000)).toBe(true);
          if (value !== plain) moved.push({ row, plain, adjusted: value });
          sum += value;
          plainSum += plain;
        }
        expect(result.totalThousands).toBe(total);
        expect(sum).toBe(total);
        expect(result.moved).toEqual(moved);
        // Largest remainder moves no more rows than the gap between the plain rows and the total.
        expect(moved.length).toBe(Math.abs(total - plainSum));
      }),
      { seed: 20221, numRuns: 500 },
    );
  });
});
