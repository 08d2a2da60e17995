// This file tests the fiscal year around day 0 (src/core/fiscal-year.ts): 1970-01-01 is day number 0, which a
// missing 初年度開始日 (null) must never be taken for.
import { fiscalPeriod, inPeriod } from '../../src/core/fiscal-year';

describe('fiscalPeriod across 1970-01-01 (day 0)', () => {
  // 1969-04-01 is 365 − (31 + 28 + 31) = 275 days before 1970-01-01; 1970-03-31 is 31 + 28 + 31 − 1 = 89 days after.
  it('keeps 年度開始月 as the start when there is no 初年度開始日', () => {
    expect(fiscalPeriod(1969)).toEqual({ year: 1969, start: -275, end: 89 });
    expect(fiscalPeriod(1969, 4, null)).toEqual({ year: 1969, start: -275, end: 89 });
  });

  it('shortens the year to an 初年度開始日 of 1970-01-01 itself', () => {
    expect(fiscalPeriod(1969, 4, 0)).toEqual({ year: 1969, start: 0, end: 89 });
  });

  it('counts the days before day 0 in the year, and a day with no date in none', () => {
    const period = fiscalPeriod(1969);
    expect([inPeriod(-276, period), inPeriod(-275, period), inPeriod(0, period), inPeriod(89, period)]).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect([inPeriod(90, period), inPeriod(null, period)]).toEqual([false, false]);
  });
});
