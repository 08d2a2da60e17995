// This file defines 和暦 and 西暦 for the report: era boundaries, printing years and dates, and reading 対象年度.
import { type CellValue, type DayNumber, foldWidth, ymdFromDayNumber } from './cells';
import type { Settings, YearStyle } from './records';

export interface Era {
  readonly name: string;
  /** The romanised initial typed in short forms (R4, H12). */
  readonly letter: string;
  /** The western year of the era's 元年. */
  readonly firstYear: number;
  /** The era's first day (a DayNumber literal, so loading the bundle computes nothing). */
  readonly start: DayNumber;
}

/** Oldest first. The next era's first day is the day after this one's last day (平成31年4月30日 / 令和元年5月1日). */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', firstYear: 1868, start: -36959 /* 1868-10-23 */ },
  { name: '大正', letter: 'T', firstYear: 1912, start: -20974 /* 1912-07-30 */ },
  { name: '昭和', letter: 'S', firstYear: 1926, start: -15713 /* 1926-12-25 */ },
  { name: '平成', letter: 'H', firstYear: 1989, start: 6947 /* 1989-01-08 */ },
  { name: '令和', letter: 'R', firstYear: 2019, start: 18017 /* 2019-05-01 */ },
];

/** An era year as printed: 1 is 元. */
export function formatEraYear(eraYear: number): string {
  return eraYear === 1 ? '元' : String(eraYear);
}

/** The era of a calendar day, by the day (2019-04-30 → 平成31, 2019-05-01 → 令和元); null before 明治. */
export function eraOfDay(day: DayNumber): { era: Era; year: number } | null {
  for (let index = ERAS.length - 1; index >= 0; index--) {
    const era = ERAS[index];
    if (day >= era.start) return { era, year: ymdFromDayNumber(day).year - era.firstYear + 1 };
  }
  return null;
}

/**
 * The era a year number is named in: the latest era that began in or before that year, as 年度 are named
 * (2019 → 令和元年度, 1989 → 平成元年度, 1988 → 昭和63年度); null before 明治.
 */
export function eraOfYear(year: number): { era: Era; year: number } | null {
  for (let index = ERAS.length - 1; index >= 0; index--) {
    const era = ERAS[index];
    if (year >= era.firstYear) return { era, year: year - era.firstYear + 1 };
  }
  return null;
}

/** A year as the report prints it before 年 or 年度: `2022` (西暦) or `令和4` / `令和元` (和暦). */
export function formatYear(year: number, style: YearStyle): string {
  const era = style === '和暦' ? eraOfYear(year) : null;
  return era === null ? String(year) : `${era.era.name}${formatEraYear(era.year)}`;
}

/**
 * A date as the report prints it: `2022年4月1日` / `令和4年4月1日` (和暦 by the day: 平成31年4月30日, 令和元年5月1日);
 * in English always western, `2022-04-01` (an English reader does not read era names).
 */
export function formatReportDate(day: DayNumber, settings: Pick<Settings, 'yearStyle'>, language: 'ja' | 'en'): string {
  const { year, month, day: dayOfMonth } = ymdFromDayNumber(day);
  if (language === 'en') return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  const era = settings.yearStyle === '和暦' ? eraOfDay(day) : null;
  const yearText = era === null ? String(year) : `${era.era.name}${formatEraYear(era.year)}`;
  return `${yearText}年${month}月${dayOfMonth}日`;
}

// 令和4年度, 令和 4 年度, R4, r4, Ｒ４ (folded), 令和元年度, 平成12年, H12. One pass, no backtracking: each part is a
// fixed alternative or a bounded digit run, anchored at both ends.
const ERA_YEAR = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\d{1,2})(?:年度?)?$/;
// 2022, 2022年, 2022年度.
const WESTERN_YEAR = /^(\d{4})(?:年度?)?$/;

/**
 * 対象年度 as typed → the western year it starts in: 2022, `2022年度`, `令和4年度`, `R4`, `r4`, `Ｒ４`, `令和元年度`,
 * `平成12年度`, `H12`. Undefined when unreadable, or when the era has no such year (平成32年度, 令和0年度). The
 * range check (which years a report may be made for) is the caller's.
 */
export function parseFiscalYear(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string' || value.length > 40) return undefined;
  // Spaces anywhere are dropped: 令和 4 年度, R 4.
  const text = foldWidth(value).replace(/\s+/g, '');
  const western = WESTERN_YEAR.exec(text);
  if (western) return Number(western[1]);
  const match = ERA_YEAR.exec(text);
  if (!match) return undefined;
  const index = ERAS.findIndex((era) => era.name === match[1] || era.letter === match[1].toUpperCase());
  const era = ERAS[index];
  const eraYear = match[2] === '元' ? 1 : Number(match[2]);
  const next = ERAS[index + 1];
  // An era's last year is the year the next one began in (平成31 = 2019); 令和 has no last year yet.
  const lastEraYear = next === undefined ? Number.POSITIVE_INFINITY : next.firstYear - era.firstYear + 1;
  return eraYear >= 1 && eraYear <= lastEraYear ? era.firstYear + eraYear - 1 : undefined;
}
