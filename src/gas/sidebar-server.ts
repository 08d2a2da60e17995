// This file defines the functions the sidebar calls through google.script.run: the shared handlers of
// src/core/sidebar-api.ts over the active spreadsheet's doors; every response is plain JSON (no Date).
import type { FormCheckResponse, FormCreateResponse } from '../core/form-run';
import {
  type GenerateResponse,
  type PreviewResponse,
  type SidebarHandlers,
  type SidebarState,
  sidebarHandlers,
  type UpdateResponse,
} from '../core/sidebar-api';
import { appsScriptDoors } from './actions';
import { appsScriptFormDoors } from './fill-doc';
import { updateReport } from './update-doc';

/** The handlers over the active spreadsheet, made per call as Apps Script runs each call afresh. */
function handlers(): SidebarHandlers {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return sidebarHandlers({
    ...appsScriptDoors(spreadsheet),
    updateReport: (year) => updateReport(spreadsheet, { year }),
    forms: appsScriptFormDoors(spreadsheet),
  });
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

/** 報告書の数字を更新 of the last 事業報告書 of `year` (or 設定.対象年度). */
export function updateFromSidebar(year?: unknown): UpdateResponse {
  return handlers().sidebarUpdate(year);
}

/** テンプレートから作成: each placeholder of the form at `url` with its value or problem; writes nothing. */
export function checkFormFromSidebar(url?: unknown, year?: unknown): FormCheckResponse {
  return handlers().sidebarFormCheck(url, year);
}

/** テンプレートから作成: the filled copy as a new Doc, or the check list when something stops it. */
export function createFormFromSidebar(url?: unknown, year?: unknown): FormCreateResponse {
  return handlers().sidebarFormCreate(url, year);
}
