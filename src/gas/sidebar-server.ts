// This file defines the functions the sidebar calls through google.script.run: the shared handlers of
// src/core/sidebar-api.ts over the active spreadsheet's doors; every response is plain JSON (no Date).
import {
  type GenerateResponse,
  type PreviewResponse,
  type SidebarHandlers,
  type SidebarState,
  sidebarHandlers,
} from '../core/sidebar-api';
import { appsScriptDoors } from './actions';

/** The handlers over the active spreadsheet, made per call as Apps Script runs each call afresh. */
function handlers(): SidebarHandlers {
  return sidebarHandlers(appsScriptDoors(SpreadsheetApp.getActiveSpreadsheet()));
}

/** Dashboard, years and issues in one call (the sidebar's first call on open). */
export function loadSidebar(year?: unknown): SidebarState {
  return handlers().sidebarLoad(year);
}

export function previewReport(year?: unknown): PreviewResponse {
  return handlers().sidebarPreview(year);
}

/** `kind` 'shokai' makes the 職業紹介事業報告書; anything else the 事業報告書. */
export function generateReport(year?: unknown, kind?: unknown): GenerateResponse {
  return handlers().sidebarGenerate(year, kind);
}

/** Selects an issue's cell; false when the tab no longer exists or the address is not one cell. */
export function selectCell(tab: unknown, cell: unknown): boolean {
  return handlers().sidebarSelectCell(tab, cell);
}
