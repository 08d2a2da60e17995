// This file defines the menu actions that read the whole workbook: 入力チェック and 事業報告書を作成.

import type { Issue } from '../core/issues';
import { checkWorkbook, makeReport } from '../core/pipeline';
import type { RawWorkbook } from '../core/read-workbook';
import type { References } from '../core/templates';
import { BUSY_MESSAGE, openSidebar, showLinkDialog } from './dialogs';
import { readSpreadsheet } from './read-spreadsheet';
import { resolveReferences } from './references';
import { renderReportToDoc } from './render-doc';
import { appendRunLog } from './run-log';

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

export type CreateReportOutcome =
  | { readonly kind: 'created'; readonly url: string; readonly name: string; readonly warnings: number }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] }
  | { readonly kind: 'busy' };

function timestamp(date: Date): string {
  return Utilities.formatDate(date, Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm');
}

/** 事業報告書を作成: lock, read once, validate, render a new Doc, log the run. Data tabs are never written. */
export function createReport(
  spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  options: { year?: number; now?: Date } = {},
): CreateReportOutcome {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) return { kind: 'busy' };
  try {
    spreadsheet.toast('入力を読み込んでいます…', '事業報告書', 30);
    const { raw, references } = readAll(spreadsheet);
    const result = makeReport(raw, { references, year: options.year });
    if (!result.ok) return { kind: 'invalid', issues: result.issues };
    spreadsheet.toast('ドキュメントを作成しています…', '事業報告書', 30);
    const at = timestamp(options.now ?? new Date());
    const name = `${result.report.year}年度 事業報告書 (生成 ${at})`;
    const doc = renderReportToDoc(result.report, name);
    const warnings = result.issues.length;
    appendRunLog(spreadsheet, {
      at,
      year: result.report.year,
      format: 'Google ドキュメント',
      location: doc.url,
      warnings,
      // The user's e-mail needs the userinfo.email scope, which the add-on does not ask for: a per-user key that
      // tells runs by different people apart without naming anyone.
      user: `利用者 ${Session.getTemporaryActiveUserKey().slice(0, 8)}`,
    });
    spreadsheet.toast('作成しました', '事業報告書', 5);
    return { kind: 'created', url: doc.url, name, warnings };
  } finally {
    lock.releaseLock();
  }
}

export function menuCreateReport(): void {
  const outcome = createReport();
  switch (outcome.kind) {
    case 'busy':
      SpreadsheetApp.getUi().alert(BUSY_MESSAGE);
      return;
    case 'invalid':
      SpreadsheetApp.getActiveSpreadsheet().toast(
        `${summarize(outcome.issues)}。エラーを直してから作成してください（サイドバーの一覧からセルに移動できます）`,
        '事業報告書を作成できません',
        15,
      );
      openSidebar();
      return;
    case 'created':
      showLinkDialog(outcome.url, outcome.name, outcome.warnings);
      return;
  }
}
