// This file defines the menu actions that read the whole workbook: 入力チェック, 事業報告書を作成 and 職業紹介事業報告を作成.

import type { Issue } from '../core/issues';
import { checkWorkbook } from '../core/pipeline';
import type { RawWorkbook } from '../core/read-workbook';
import type { ReportKind } from '../core/report-document';
import { REPORT_NAMES, SHOKAI_TITLE } from '../core/report-shokai';
import { type GenerateOutcome, type GenerateStep, generateReport, type SidebarDoors } from '../core/sidebar-api';
import type { References } from '../core/templates';
import { BUSY_MESSAGE, openSidebar, showLinkDialog } from './dialogs';
import { saveFigureRecord } from './figure-record';
import { readSpreadsheet } from './read-spreadsheet';
import { resolveReferences } from './references';
import { renderReportToDoc } from './render-doc';
import { appendRunLog, runTimestamp, runUser } from './run-log';
import { findSheetNamed, listSheets } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Reads every contract tab once; the templates' cell references are looked up once each, after that read. */
function readAll(spreadsheet: Spreadsheet): {
  raw: RawWorkbook;
  references: (targets: readonly string[]) => References;
} {
  return { raw: readSpreadsheet(spreadsheet), references: (targets) => resolveReferences(spreadsheet, targets) };
}

/** 入力チェック: the issue list; changes no user data. */
export function checkInput(spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): readonly Issue[] {
  const { raw, references } = readAll(spreadsheet);
  return checkWorkbook(raw, { references }).issues;
}

/** Counts for the toast; the sidebar lists the issues themselves, each a link to its cell. */
function summarize(issues: readonly Issue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return issues.length === 0 ? '問題は見つかりませんでした' : `エラー ${errors} 件、警告 ${issues.length - errors} 件`;
}

export function menuCheckInput(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { raw, references } = readAll(spreadsheet);
  const { workbook, issues } = checkWorkbook(raw, { references });
  spreadsheet.toast(summarize(issues), '入力チェック', 10);
  openSidebar(workbook.settings.language);
}

export type CreateReportOutcome = GenerateOutcome;

/** The toasts' title and the 生成履歴 形式 per report (the 事業報告書's stay as they were before the second kind). */
export const KIND_LABELS: Readonly<Record<ReportKind, { readonly toast: string; readonly format: string }>> = {
  jigyo: { toast: '事業報告書', format: 'Google ドキュメント' },
  shokai: { toast: SHOKAI_TITLE, format: `Google ドキュメント（${SHOKAI_TITLE}）` },
};

const PROGRESS: Record<GenerateStep, { readonly message: string; readonly seconds: number }> = {
  reading: { message: '入力を読み込んでいます…', seconds: 30 },
  writing: { message: 'ドキュメントを作成しています…', seconds: 30 },
  done: { message: '作成しました', seconds: 5 },
};

/**
 * The Apps Script doors of the shared handlers (src/core/sidebar-api.ts): the sheet is read with one getValues per
 * tab, the report becomes a new Google Doc, the run a 生成履歴 row, and the lock is the document lock.
 */
export function appsScriptDoors(spreadsheet: Spreadsheet, options: { now?: Date } = {}): SidebarDoors {
  let at: string | null = null;
  const runTime = () => {
    at ??= runTimestamp(options.now ?? new Date());
    return at;
  };
  return {
    read: () => readAll(spreadsheet),
    exclusive: (work) => {
      const lock = LockService.getDocumentLock();
      if (!lock.tryLock(5000)) return 'busy';
      try {
        return work();
      } finally {
        lock.releaseLock();
      }
    },
    writeReport: (report) => {
      const name = `${report.year}年度 ${REPORT_NAMES[report.kind ?? 'jigyo']} (生成 ${runTime()})`;
      const { id, url } = renderReportToDoc(report, name);
      saveFigureRecord(id, report);
      return { url, name };
    },
    logRun: (run) =>
      appendRunLog(spreadsheet, {
        at: runTime(),
        year: run.year,
        format: KIND_LABELS[run.kind].format,
        location: run.url,
        warnings: run.warnings,
        user: runUser(),
      }),
    selectCell: (tab, cell) => {
      const found = findSheetNamed(listSheets(spreadsheet), tab);
      if (!found) return false;
      found.sheet.getRange(cell).activate();
      return true;
    },
    progress: (step, kind) =>
      spreadsheet.toast(PROGRESS[step].message, KIND_LABELS[kind].toast, PROGRESS[step].seconds),
  };
}

/** 事業報告書を作成 (kind 'shokai': 職業紹介事業報告を作成) through the shared handler: lock, read once, validate, new Doc, 生成履歴 row. */
export function createReport(
  spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  options: { year?: number; now?: Date; kind?: ReportKind } = {},
): CreateReportOutcome {
  return generateReport(appsScriptDoors(spreadsheet, options), { year: options.year, kind: options.kind });
}

export function menuCreateReport(): void {
  showCreateOutcome(createReport(), 'jigyo');
}

/** 職業紹介事業報告を作成: the 職業紹介事業報告書 (様式第8号) behind the same checks, as a new Doc. */
export function menuCreateShokaiReport(): void {
  showCreateOutcome(createReport(SpreadsheetApp.getActiveSpreadsheet(), { kind: 'shokai' }), 'shokai');
}

function showCreateOutcome(outcome: CreateReportOutcome, kind: ReportKind): void {
  switch (outcome.kind) {
    case 'busy':
      SpreadsheetApp.getUi().alert(BUSY_MESSAGE);
      return;
    case 'invalid':
      SpreadsheetApp.getActiveSpreadsheet().toast(
        `${summarize(outcome.issues)}。エラーを直してから作成してください（サイドバーの一覧からセルに移動できます）`,
        `${KIND_LABELS[kind].toast}を作成できません`,
        15,
      );
      openSidebar();
      return;
    case 'created':
      showLinkDialog(outcome.url, outcome.name, outcome.warnings);
      return;
  }
}
