// This file defines the match keys of a records column, computed once per column of a parsed tab and then shared.
// Validators and metrics compare 事業内容, 種別 and IDs on every row, many times per report: folding the text
// (matchKey) on each comparison used to cost more than everything else they do.
import { matchKey } from './read-workbook';

type Key = string | null;

/** Distinct texts remembered per column: every 事業内容 or 種別, not every ID. */
const MEMO_LIMIT = 1000;

const KEYS = new WeakMap<readonly object[], Map<string, readonly Key[]>>();

/** matchKey of each record's `column`, or null where it holds no text; cached for as long as `records` lives. */
export function columnKeys<R extends object>(records: readonly R[], column: keyof R & string): readonly Key[] {
  let byColumn = KEYS.get(records);
  if (!byColumn) {
    byColumn = new Map();
    KEYS.set(records, byColumn);
  }
  const cached = byColumn.get(column);
  if (cached) return cached;
  // A column repeats a few values (事業内容, 費目), folded once each, or holds unique IDs, which a memo cannot help.
  const folded = new Map<string, string>();
  const keys = records.map((record): Key => {
    const value: unknown = record[column];
    if (typeof value !== 'string') return null;
    let key = folded.get(value);
    if (key === undefined) {
      key = matchKey(value);
      if (folded.size < MEMO_LIMIT) folded.set(value, key);
    }
    return key;
  });
  byColumn.set(column, keys);
  return keys;
}
