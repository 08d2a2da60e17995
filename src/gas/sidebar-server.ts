// This file defines the functions the sidebar calls through google.script.run; every response is plain JSON (no Date).

import type { IssueView, SidebarState } from '../core/sidebar-api';
import { sidebarPreview, sidebarState } from '../core/sidebar-api';
import { createReport } from './actions';
import { readSpreadsheet } from './read-spreadsheet';
import { resolveReferences } from './references';

export type GenerateResponse =
  | { readonly kind: 'created'; readonly url: string; readonly name: string; readonly warnings: number }
  | { readonly kind: 'invalid'; readonly issues: readonly IssueView[] }
  | { readonly kind: 'busy' };

function yearArgument(year: unknown): number | undefined {
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

function readWithReferences() {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const raw = readSpreadsheet(spreadsheet);
  return { raw, references: (targets: readonly string[]) => resolveReferences(spreadsheet, targets) };
}

/** Dashboard, years and issues in one call (the sidebar's first call on open). */
export function loadSidebar(year?: unknown): SidebarState {
  const { raw, references } = readWithReferences();
  return sidebarState(raw, { year: yearArgument(year), references });
}

export function previewReport(year?: unknown): { html: string | null; issues: readonly IssueView[] } {
  const { raw, references } = readWithReferences();
  return sidebarPreview(raw, { year: yearArgument(year), references });
}

export function generateReport(year?: unknown): GenerateResponse {
  const outcome = createReport(SpreadsheetApp.getActiveSpreadsheet(), { year: yearArgument(year) });
  if (outcome.kind !== 'invalid') return outcome;
  return {
    kind: 'invalid',
    issues: outcome.issues.map((issue) => ({
      severity: issue.severity,
      tab: issue.tab,
      cell: issue.cell,
      message: issue.message,
    })),
  };
}

/** Selects an issue's cell; false when the tab no longer exists. */
export function selectCell(tab: unknown, cell: unknown): boolean {
  if (typeof tab !== 'string' || typeof cell !== 'string' || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell)) return false;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) return false;
  sheet.getRange(cell).activate();
  return true;
}
