// This file tests leftWithinSixMonths where its static mutants at 2448dbc showed gaps: a blank 就職日 or a blank 退職日
// never counts as leaving within six months, even for days near 1970-01-01 (day number 0), where a blank read as 0
// would fall inside the six months.
import { dayNumberFromYmd } from '../../src/core/cells';
import { leftWithinSixMonths } from '../../src/core/metrics';
import type { CandidateRecord } from '../../src/core/records';

const candidate = (hired: number | null, left: number | null) => ({ hired, left }) as unknown as CandidateRecord;

describe('leftWithinSixMonths', () => {
  it('day numbers used below: 1970-03-01 is 59, 1969-08-01 is -153 (days since 1970-01-01)', () => {
    expect(dayNumberFromYmd(1970, 3, 1)).toBe(59);
    expect(dayNumberFromYmd(1969, 8, 1)).toBe(-153);
  });

  it('is false with a 退職日 but no 就職日 (1970-03-01 is within six months of day 0, 1970-01-01)', () => {
    expect(leftWithinSixMonths(candidate(null, 59))).toBe(false);
  });

  it('is false with a 就職日 but no 退職日 (day 0 is within six months after 1969-08-01, whose last day is 1970-01-31)', () => {
    expect(leftWithinSixMonths(candidate(-153, null))).toBe(false);
  });

  it('is true for 1969-08-01 → 1970-01-31 (the last day) and false for 1970-02-01', () => {
    expect(leftWithinSixMonths(candidate(-153, 30))).toBe(true);
    expect(leftWithinSixMonths(candidate(-153, 31))).toBe(false);
  });

  it('is false when neither day is typed', () => {
    expect(leftWithinSixMonths(candidate(null, null))).toBe(false);
  });
});
