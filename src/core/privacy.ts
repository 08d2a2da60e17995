// This file defines what an issue may not show: any value typed in a row of a person-row tab (候補者), whatever the column.
import { type IssueDraft, MASKED_VALUE } from './issues';
import { matchKey } from './read-workbook';
import { TABS, type TabDef } from './schema';

let personRowTabs: ReadonlySet<string> | undefined;

/** Whether a tab, by the name the user gave it (候補者 or Candidates, folded), holds one person per row. */
export function isPersonRowTab(name: string): boolean {
  personRowTabs ??= new Set(
    (TABS as readonly TabDef[]).filter((tab) => tab.personRows).flatMap((tab) => [matchKey(tab.ja), matchKey(tab.en)]),
  );
  return personRowTabs.has(matchKey(name));
}

/**
 * The last wall before a message is written: an issue located in a data row (row 2 or below) of a person-row tab
 * carries no value, whichever stage made it (reading, validation, or a file reader of an adapter).
 */
export function hidePersonRowValue(draft: IssueDraft): IssueDraft {
  if (draft.value === '' || !isPersonRowTab(draft.tab)) return draft;
  const row = /(\d+)$/.exec(draft.cell);
  if (!row || Number(row[1]) < 2) return draft;
  return { ...draft, value: MASKED_VALUE };
}
