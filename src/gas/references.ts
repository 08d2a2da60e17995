// This file defines how `{{=シート!B3}}` and `{{=名前付き範囲}}` targets are looked up in Sheets: one lookup per target.
import type { References, ResolvedReference } from '../core/templates';
import { referenceKey } from '../core/templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function lookUp(spreadsheet: Spreadsheet, target: string): ResolvedReference | null {
  try {
    const range = target.includes('!') ? spreadsheet.getRange(target) : spreadsheet.getRangeByName(target);
    if (!range) return null;
    return {
      text: range.getDisplayValue(),
      sheet: range.getSheet().getName(),
      column: range.getColumn() - 1,
      formula: range.getFormula(),
    };
  } catch (_error) {
    // getRange throws for a malformed or unknown sheet name: that is an unknown reference, reported as an issue.
    return null;
  }
}

/** Resolves each target once; the number of calls depends on the templates, never on the data rows. */
export function resolveReferences(spreadsheet: Spreadsheet, targets: readonly string[]): References {
  const references = new Map<string, ResolvedReference | null>();
  for (const target of targets) references.set(referenceKey(target), lookUp(spreadsheet, target));
  return references;
}
