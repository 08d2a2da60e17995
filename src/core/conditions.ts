// This file defines metric conditions as staff write them (`キー=値`, values joined by commas) and how their values
// are checked, for templates and custom formulas alike.
import { FILTER_KEYS, type FilterKey } from './metrics';
import { matchKey } from './read-workbook';
import type { Workbook } from './records';
import {
  CANDIDATE_ATTRIBUTES,
  COST_ITEMS,
  EMPLOYMENT_TERMS,
  EVENT_KINDS,
  PLACEMENT_ROUTES,
  PROGRAM_CATEGORIES,
} from './schema';

/** `交流会, 勉強会` → ['交流会', '勉強会']: a comma (also 、 and full-width) means "or". */
export function splitConditionValues(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** A filter name as typed (width- and case-folded) → its key, or undefined when there is no such filter. */
export function findFilterKey(name: string): FilterKey | undefined {
  const wanted = matchKey(name); // folded once: the name may be a long hostile cell
  return FILTER_KEYS.find((key) => matchKey(key) === wanted);
}

export type ParsedCondition =
  | { readonly ok: true; readonly key: FilterKey; readonly values: string[] }
  | { readonly ok: false; readonly problem: 'malformed' | 'unknown_filter'; readonly name: string };

/** `事業内容=育成事業` (also with ＝). */
export function parseCondition(text: string): ParsedCondition {
  const equals = text.search(/[=＝]/);
  if (equals <= 0) return { ok: false, problem: 'malformed', name: text.trim() };
  const name = text.slice(0, equals).trim();
  const key = findFilterKey(name);
  if (!key) return { ok: false, problem: 'unknown_filter', name };
  return { ok: true, key, values: splitConditionValues(text.slice(equals + 1)) };
}

export interface KnownValues {
  readonly values: readonly string[];
  /** 種別 is free text in イベント, so an unknown kind is only a warning in a template. */
  readonly open: boolean;
}

/** The values a filter can match, where the workbook or the schema defines them (雇用形態 is free text). */
export function knownFilterValues(workbook: Workbook, key: FilterKey): KnownValues | undefined {
  switch (key) {
    case '事業内容':
      return { values: workbook.programs.map((p) => p.program ?? ''), open: false };
    case '区分':
      return { values: PROGRAM_CATEGORIES, open: false };
    case '費目':
      return { values: COST_ITEMS, open: false };
    case '就職経路':
      return { values: PLACEMENT_ROUTES, open: false };
    case '属性':
      return { values: CANDIDATE_ATTRIBUTES, open: false };
    case '種別':
      return { values: [...EVENT_KINDS, ...workbook.events.map((e) => e.kind ?? '')], open: true };
    case '国外':
      return { values: ['はい', 'いいえ'], open: false };
    case '雇用期間':
      return { values: EMPLOYMENT_TERMS, open: false };
    case '雇用形態':
      return undefined;
  }
}

/** The values among `values` that match nothing the filter knows (a typo, most likely). */
export function unknownFilterValues(known: KnownValues, values: readonly string[]): string[] {
  const accepted = new Set(known.values.map(matchKey));
  return values.filter((value) => !accepted.has(matchKey(value)));
}

/** A short list of the accepted values for a message. */
export function describeKnownValues(known: KnownValues): string {
  return [...new Set(known.values.filter((value) => value !== ''))].slice(0, 12).join('、');
}
