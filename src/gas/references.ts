// This file defines how `{{=シート!B3}}` and `{{=名前付き範囲}}` targets are looked up in Sheets: one lookup per target,
// and, only when a target holds a formula, what the core's formula wall needs to follow it (each sheet read once).
import type { FormulaSource } from '../core/formula-refs';
import type { References, ResolvedReference } from '../core/templates';
import { referenceKey } from '../core/templates';
import { findSheetNamed, listSheets, type NamedSheet } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function rangeOf(spreadsheet: Spreadsheet, target: string): Range | null {
  try {
    return target.includes('!') ? spreadsheet.getRange(target) : spreadsheet.getRangeByName(target);
  } catch (_error) {
    // getRange throws for a malformed or unknown sheet name: that is an unknown reference, reported as an issue.
    return null;
  }
}

/**
 * The formulas of the sheets a traced formula reads, one getDataRange().getFormulas() per sheet, and named ranges,
 * looked up by name; shared by every target of one check, and called only when some target has a formula, so the
 * number of calls depends on the templates and the sheets their formulas name, never on the data rows.
 */
function formulaSource(spreadsheet: Spreadsheet): FormulaSource {
  const sheets = new Map<string, readonly (readonly string[])[] | null>();
  const names = new Map<string, { sheet: string; area: string } | null>();
  let listed: NamedSheet[] | undefined;
  return {
    sheetFormulas: (name) => {
      if (!sheets.has(name)) {
        listed ??= listSheets(spreadsheet);
        const found = findSheetNamed(listed, name);
        sheets.set(name, found ? found.sheet.getDataRange().getFormulas() : null);
      }
      return sheets.get(name) ?? null;
    },
    namedRange: (name) => {
      if (!names.has(name)) {
        const range = rangeOf(spreadsheet, name);
        names.set(name, range ? { sheet: range.getSheet().getName(), area: range.getA1Notation() } : null);
      }
      return names.get(name) ?? null;
    },
  };
}

function lookUp(spreadsheet: Spreadsheet, target: string, source: FormulaSource): ResolvedReference | null {
  const range = rangeOf(spreadsheet, target);
  if (!range) return null;
  return {
    text: range.getDisplayValue(),
    sheet: range.getSheet().getName(),
    column: range.getColumn() - 1,
    formula: range.getFormula(),
    formulaSource: source,
  };
}

/** Resolves each target once; the number of calls depends on the templates, never on the data rows. */
export function resolveReferences(spreadsheet: Spreadsheet, targets: readonly string[]): References {
  const references = new Map<string, ResolvedReference | null>();
  const source = formulaSource(spreadsheet);
  for (const target of targets) references.set(referenceKey(target), lookUp(spreadsheet, target, source));
  return references;
}
