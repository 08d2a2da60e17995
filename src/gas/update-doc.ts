// This file defines 報告書の数字を更新 for Google Docs (issue 14): find the report in 生成履歴, recompute, and rewrite
// only the text of the figures' named ranges, keeping every other edit; plus the record of a report's figures.
import { diffFigures, figureRecord, figureUpdateLines } from '../core/figures';
import { isFiscalYearInRange } from '../core/input-rules';
import { docUpdateText } from '../core/messages';
import { makeReport } from '../core/pipeline';
import { findTab, matchHeaders, matchKey, type RawWorkbook, readWorkbook } from '../core/read-workbook';
import { escapeHtml } from '../core/render-html';
import type { ReportKind } from '../core/report-document';
import { tabDef } from '../core/schema';
import type { UpdateOutcome } from '../core/sidebar-api';
import { appsScriptDoors, KIND_LABELS } from './actions';
import { BUSY_MESSAGE, DIALOG_STYLE, openSidebar } from './dialogs';
import { loadFigureRecord } from './figure-record';
import { FIGURE_RANGE_PREFIX } from './render-doc';
import { appendRunLog, runTimestamp, runUser } from './run-log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Document = GoogleAppsScript.Document.Document;
type NamedRange = GoogleAppsScript.Document.NamedRange;
type Text = GoogleAppsScript.Document.Text;

/** 形式 of the 生成履歴 row an update adds. */
export const UPDATE_FORMAT = '更新';

// --- Which report: a 生成履歴 row ------------------------------------------------------------------------------------

export interface ReportRun {
  /** Row number in 生成履歴 (1 = headers). */
  readonly row: number;
  readonly year: number;
  readonly kind: ReportKind;
  readonly documentId: string;
}

/** A Google Doc's ID in its URL (`…/document/d/<ID>/edit`). */
const DOCUMENT_ID = /\/document\/d\/([\w-]{8,200})/;

/**
 * The reports that 生成履歴 lists, oldest first: rows of 事業報告書を作成 / 職業紹介事業報告を作成, and 更新 rows (their
 * report's kind is that of the row that made the same Doc). The tab comes from the same read as the workbook.
 */
export function reportRuns(raw: RawWorkbook): ReportRun[] {
  const def = tabDef('runs');
  const tab = findTab(raw, def);
  if (!tab || tab.values.length < 2) return [];
  const { columns } = matchHeaders(tab.name, def, tab.values[0]).layout;
  const cell = (row: readonly unknown[], key: string) => {
    const index = columns[key];
    return index === undefined ? '' : String(row[index] ?? '').trim();
  };
  const kinds = new Map<string, ReportKind>();
  const runs: ReportRun[] = [];
  tab.values.forEach((row, index) => {
    const format = cell(row, 'format');
    const id = DOCUMENT_ID.exec(cell(row, 'location'))?.[1];
    const year = Number(cell(row, 'year'));
    if (index === 0 || !id || !isFiscalYearInRange(year)) return;
    let kind: ReportKind | undefined = format === UPDATE_FORMAT ? kinds.get(id) : undefined;
    for (const [key, label] of Object.entries(KIND_LABELS)) if (format === label.format) kind = key as ReportKind;
    if (!kind) return;
    kinds.set(id, kind);
    runs.push({ row: index + 1, year, kind, documentId: id });
  });
  return runs;
}

/** The report to update: the one on 生成履歴 row `row`, else the last 事業報告書 of `year`. */
export function chooseRun(runs: readonly ReportRun[], year: number | null, row?: number): ReportRun | undefined {
  if (row !== undefined) return runs.find((run) => run.row === row);
  return runs.filter((run) => run.kind === 'jigyo' && run.year === year).pop();
}

// --- The Doc's figures -----------------------------------------------------------------------------------------------

interface Stretch {
  readonly text: Text;
  readonly start: number;
  readonly end: number;
}

/** The stretches of a named range now (a range over a whole Text element gives offsets -1). */
function stretchesOf(range: NamedRange): Stretch[] {
  return range
    .getRange()
    .getRangeElements()
    .map((element) => {
      const text = element.getElement().asText();
      const start = element.getStartOffset();
      return start < 0
        ? { text, start: 0, end: text.getText().length - 1 }
        : { text, start, end: element.getEndOffsetInclusive() };
    });
}

/** Every figure range of the Doc by tag, and the text of each tag's first place (what the document shows now). */
function readFigures(document: Document): { ranges: Map<string, NamedRange[]>; present: Map<string, string> } {
  const ranges = new Map<string, NamedRange[]>();
  const present = new Map<string, string>();
  for (const range of document.getNamedRanges()) {
    const name = range.getName();
    if (!name.startsWith(FIGURE_RANGE_PREFIX)) continue;
    const tag = name.slice(FIGURE_RANGE_PREFIX.length);
    const list = ranges.get(tag) ?? [];
    if (list.length === 0) {
      ranges.set(tag, list);
      const shown = stretchesOf(range).map(({ text, start, end }) => text.getText().slice(start, end + 1));
      present.set(tag, shown.join(''));
    }
    list.push(range);
  }
  return { ranges, present };
}

/**
 * Writes `value` over a figure's range, keeping its formatting: the new text goes in right after the old (so it takes
 * the style of the figure's last character, as typing there would), then the old text is deleted. A named range cannot
 * be changed, so it is removed and added again over the new text. Offsets are read afresh: an earlier replacement in
 * the same paragraph has moved them.
 */
function replaceFigure(document: Document, range: NamedRange, value: string): void {
  const name = range.getName();
  const [first, ...rest] = stretchesOf(range);
  if (!first) return;
  range.remove();
  for (const stretch of rest.reverse()) stretch.text.deleteText(stretch.start, stretch.end);
  first.text.insertText(first.end + 1, value);
  first.text.deleteText(first.start, first.end);
  if (value.length === 0) return;
  document.addNamedRange(
    name,
    document
      .newRange()
      .addElement(first.text, first.start, first.start + value.length - 1)
      .build(),
  );
}

// --- The action ------------------------------------------------------------------------------------------------------

/**
 * 報告書の数字を更新: under the document lock, read the workbook once (生成履歴 comes with it), pick the report (the
 * 生成履歴 row `row`, else the last 事業報告書 of `year` or 設定.対象年度), recompute it like 事業報告書を作成 (errors
 * block), rewrite the figures that changed, and add a 生成履歴 row 形式「更新」. Data tabs are never written.
 */
export function updateReport(
  spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  options: { readonly year?: number; readonly row?: number; readonly now?: Date } = {},
): UpdateOutcome {
  const doors = appsScriptDoors(spreadsheet, options);
  const outcome = doors.exclusive((): UpdateOutcome => {
    const { raw, references } = doors.read();
    const { settings } = readWorkbook(raw, { tabs: ['settings'] }).workbook;
    const language = settings.language;
    const year = options.year ?? settings.fiscalYear;
    const run = chooseRun(reportRuns(raw), year, options.row);
    if (!run && year === null) {
      // No 対象年度 and no row chosen: the same errors as 事業報告書を作成 says (設定.対象年度 is missing).
      const checked = makeReport(raw, { references });
      if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
    }
    if (!run) return { kind: 'unavailable', message: docUpdateText('no_report', language, year ?? 0) };
    const result = makeReport(raw, { references, year: run.year, kind: run.kind });
    if (!result.ok) return { kind: 'invalid', issues: result.issues };
    let document: Document;
    try {
      document = DocumentApp.openById(run.documentId);
    } catch {
      // Deleted, or shared no longer: Apps Script throws; the user gets a sentence, not a stack.
      return { kind: 'unavailable', message: docUpdateText('no_document', language) };
    }
    const { ranges, present } = readFigures(document);
    if (present.size === 0) return { kind: 'unavailable', message: docUpdateText('no_figures', language) };
    const update = diffFigures(loadFigureRecord(run.documentId), figureRecord(result.report), present);
    for (const change of update.changed) {
      const value = update.replacements.get(change.tag);
      if (value === undefined) continue;
      for (const range of ranges.get(change.tag) ?? []) replaceFigure(document, range, value);
    }
    const url = document.getUrl();
    const name = document.getName();
    document.saveAndClose();
    const warnings = result.issues.length;
    appendRunLog(spreadsheet, {
      at: runTimestamp(options.now ?? new Date()),
      year: run.year,
      format: UPDATE_FORMAT,
      location: url,
      warnings,
      user: runUser(),
    });
    const lines = figureUpdateLines(update, result.report.language);
    return { kind: 'updated', url, name, lines, warnings };
  });
  return outcome === 'busy' ? { kind: 'busy' } : outcome;
}

/** The 生成履歴 row the user has selected, when the active sheet is 生成履歴 (that report is the one updated). */
function selectedRunRow(spreadsheet: Spreadsheet): number | undefined {
  const sheet = spreadsheet.getActiveSheet();
  const def = tabDef('runs');
  if (![def.ja, def.en].some((name) => matchKey(name) === matchKey(sheet.getName()))) return undefined;
  const row = spreadsheet.getActiveRange()?.getRow() ?? 0;
  return row > 1 ? row : undefined;
}

/** Menu 報告書の数字を更新: the report on the selected 生成履歴 row, else the last 事業報告書 of 設定.対象年度. */
export function menuUpdateReport(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const outcome = updateReport(spreadsheet, { row: selectedRunRow(spreadsheet) });
  const ui = SpreadsheetApp.getUi();
  switch (outcome.kind) {
    case 'busy':
      ui.alert(BUSY_MESSAGE);
      return;
    case 'unavailable':
      ui.alert(outcome.message);
      return;
    case 'invalid':
      spreadsheet.toast(
        `エラー ${outcome.issues.filter((issue) => issue.severity === 'error').length} 件。エラーを直してから更新してください（サイドバーの一覧からセルに移動できます）`,
        '報告書の数字を更新できません',
        15,
      );
      openSidebar();
      return;
    case 'updated': {
      const items = outcome.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
      const html = HtmlService.createHtmlOutput(
        `${DIALOG_STYLE}<p><a href="${escapeHtml(outcome.url)}" target="_blank" rel="noopener">${escapeHtml(outcome.name)}</a></p><ul>${items}</ul>`,
      )
        .setWidth(560)
        .setHeight(420);
      ui.showModalDialog(html, docUpdateText('updated', 'ja'));
      return;
    }
  }
}
