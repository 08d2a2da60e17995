// This file defines the fiscal year: which days count for 対象年度 given 年度開始月 and 初年度開始日.
import { type DayNumber, dayNumberFromYmd, formatDayNumber, ymdFromDayNumber } from './cells';
import type { Settings } from './records';

export interface Period {
  readonly year: number;
  /** First day, inclusive. */
  readonly start: DayNumber;
  /** Last day, inclusive. */
  readonly end: DayNumber;
}

/** 対象年度 Y covers 年度開始月/Y to the day before 年度開始月/Y+1, shortened by 初年度開始日 when that falls inside. */
export function fiscalPeriod(year: number, startMonth = 4, firstYearStart: DayNumber | null = null): Period {
  const start = dayNumberFromYmd(year, startMonth, 1);
  const end = dayNumberFromYmd(year + 1, startMonth, 1) - 1;
  const shortened = firstYearStart !== null && firstYearStart > start && firstYearStart <= end ? firstYearStart : start;
  return { year, start: shortened, end };
}

/** The period for the settings' year, or for an explicit year (CLI --year, a formula's 年度 argument). */
export function periodFromSettings(settings: Settings, year: number): Period {
  return fiscalPeriod(year, settings.fiscalStartMonth, settings.firstYearStart);
}

export function inPeriod(day: DayNumber | null, period: Period): boolean {
  return day !== null && day >= period.start && day <= period.end;
}

/** The period's first and last day as YYYY-MM-DD, for messages. */
export function describePeriod(period: Period): { start: string; end: string } {
  return { start: formatDayNumber(period.start), end: formatDayNumber(period.end) };
}

/**
 * The last day of a period of `months` months whose first day is `start` (民法143条, the first day counted as for
 * employment): the day before the same day `months` later, or that month's last day when it has no such day.
 * 2022-05-10 + 6 → 2022-11-09; 2022-08-31 + 6 → 2023-02-28 (February has no 31st).
 */
export function lastDayOfMonths(start: DayNumber, months: number): DayNumber {
  const { year, month, day } = ymdFromDayNumber(start);
  // dayNumberFromYmd carries a month past 12, and a day past the month's end, into the next month.
  const sameDayLater = dayNumberFromYmd(year, month + months, day);
  const lastOfMonth = dayNumberFromYmd(year, month + months + 1, 1) - 1;
  return Math.min(sameDayLater - 1, lastOfMonth);
}
