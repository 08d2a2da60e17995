// This file defines 報告書の数字を更新 for Google Docs (issue 14): find the report in 生成履歴, recompute, and rewrite
// only the text of the figures' named ranges, keeping every other edit; plus the record of a report's figures.
import { sanitizeDocumentText } from '../core/document-text';
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

// --- The Doc's figures, through the Docs advanced service ----------------------------------------------------------
// One Documents.get and at most one Documents.batchUpdate per update, whatever the number of figures or data rows.

type DocsDocument = GoogleAppsScript.Docs.Schema.Document;
type DocsRequest = GoogleAppsScript.Docs.Schema.Request;
type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;

/**
 * What the update reads of the Doc (partial-response syntax): the revision, the named ranges, and the body's text
 * runs with their indices, in table cells too (a cell's content comes whole: a nested table is read the same way).
 */
export const FIGURE_FIELDS =
  'title,revisionId,namedRanges,body/content(startIndex,endIndex,paragraph/elements(startIndex,endIndex,textRun/content),table/tableRows/tableCells/content)';

/** Body indices of a stretch of text: start inclusive, end exclusive (UTF-16 code units, like JavaScript strings). */
interface Stretch {
  readonly start: number;
  readonly end: number;
}

/** One named range of a figure: its ID and its stretches of body text in index order. */
export interface FigurePlace {
  readonly id: string;
  readonly name: string;
  readonly stretches: readonly Stretch[];
}

interface TextRun {
  readonly start: number;
  readonly text: string;
}

/**
 * A line break inside a paragraph is U+000B in the Docs API (Shift+Enter); the report's text writes it as '\n', which
 * in an insertText request would start a new paragraph. Read and written in the report's form, compared as such.
 */
const API_LINE_BREAK = '\u000b';

/** Every text run of the body (paragraphs, table cells, nested tables) in index order; an explicit stack, no recursion. */
function bodyTextRuns(content: readonly StructuralElement[] | undefined): TextRun[] {
  const runs: TextRun[] = [];
  const stack = [...(content ?? [])];
  while (stack.length > 0) {
    const element = stack.pop() as StructuralElement;
    for (const part of element.paragraph?.elements ?? []) {
      const text = part.textRun?.content;
      if (typeof text === 'string') runs.push({ start: part.startIndex ?? 0, text });
    }
    for (const row of element.table?.tableRows ?? [])
      for (const cell of row.tableCells ?? []) stack.push(...(cell.content ?? []));
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** The body's text from `start` to `end`: a binary search for the first run, then the runs it spans. */
function textOf(runs: readonly TextRun[], { start, end }: Stretch): string {
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (runs[middle].start <= start) low = middle;
    else high = middle - 1;
  }
  let text = '';
  for (let i = low; i < runs.length && runs[i].start < end; i++) {
    const run = runs[i];
    text += run.text.slice(Math.max(0, start - run.start), end - run.start);
  }
  return text.split(API_LINE_BREAK).join('\n');
}

/**
 * The figures' named ranges (`jh:<tag>`) by tag, each tag's places in document order. Only body stretches count: the
 * report never puts a figure in a header, footer or footnote, so a range there (segmentId) is left as it is, and a
 * place with no body stretch is no place. The first tab's ranges are the ones Documents.get returns.
 */
export function figurePlaces(document: DocsDocument): Map<string, FigurePlace[]> {
  const places = new Map<string, FigurePlace[]>();
  const groups = (document.namedRanges ?? {}) as Record<string, GoogleAppsScript.Docs.Schema.NamedRanges>;
  for (const [name, group] of Object.entries(groups)) {
    if (!name.startsWith(FIGURE_RANGE_PREFIX)) continue;
    const tag = name.slice(FIGURE_RANGE_PREFIX.length);
    for (const range of group.namedRanges ?? []) {
      const stretches = (range.ranges ?? [])
        .filter((stretch) => !stretch.segmentId)
        .map((stretch) => ({ start: stretch.startIndex ?? 0, end: stretch.endIndex ?? 0 }))
        .filter(
          (stretch) => Number.isInteger(stretch.start) && Number.isInteger(stretch.end) && stretch.start < stretch.end,
        )
        .sort((a, b) => a.start - b.start);
      if (stretches.length === 0 || !range.namedRangeId) continue;
      const list = places.get(tag) ?? [];
      list.push({ id: range.namedRangeId, name, stretches });
      places.set(tag, list);
    }
  }
  for (const list of places.values()) list.sort((a, b) => a.stretches[0].start - b.stretches[0].start);
  return places;
}

/** Tag → the text of its first place: what the document shows now. */
function presentFigures(
  document: DocsDocument,
  places: ReadonlyMap<string, readonly FigurePlace[]>,
): Map<string, string> {
  const runs = bodyTextRuns(document.body?.content);
  const present = new Map<string, string>();
  for (const [tag, [first]] of places)
    present.set(tag, first.stretches.map((stretch) => textOf(runs, stretch)).join(''));
  return present;
}

/** Places whose stretches overlap another place's: rewriting one would cut into the other, so neither is touched. */
function overlapping(places: readonly FigurePlace[]): Set<FigurePlace> {
  const all = places.flatMap((place) => place.stretches.map((stretch) => ({ place, ...stretch })));
  all.sort((a, b) => a.start - b.start);
  const clash = new Set<FigurePlace>();
  for (let i = 1; i < all.length; i++) {
    // Sorted by start: a stretch overlaps the one before it when it starts before that one ends.
    if (all[i].start < all[i - 1].end && all[i].place !== all[i - 1].place) {
      clash.add(all[i].place);
      clash.add(all[i - 1].place);
    }
  }
  return clash;
}

/**
 * The one batch that rewrites `places` (each with its new text), keeping each figure's formatting:
 * - first the old named ranges go, by ID (a named range cannot be changed; removing it moves no index);
 * - then, from the highest index down so that every index is still the one read, each place's first stretch gets the
 *   new text inserted right after its last character and then loses the old text. The Docs API says: "In most
 *   cases, the text style for the inserted text will match the text immediately before the insertion index"
 *   (InsertTextRequest.text), i.e. the figure's own last character, bold or not, as if staff typed there. Its other
 *   stretches (a range split by an edit) are deleted;
 * - last, a named range of the same name over each new text, at its final index (the read index moved by every edit
 *   below it), so no range is ever at an edge where text is being inserted (two figures side by side stay apart).
 * Characters the API would strip out of inserted text (C0 controls but TAB/LF/VT, the Private Use Area) are left out
 * first, so the named range covers exactly what was inserted; a line break goes in as U+000B (one paragraph).
 */
export function figureRequests(
  rewrites: readonly { readonly place: FigurePlace; readonly value: string }[],
): DocsRequest[] {
  const clash = overlapping(rewrites.map((rewrite) => rewrite.place));
  const kept = rewrites.filter((rewrite) => !clash.has(rewrite.place));
  const requests: DocsRequest[] = kept.map(({ place }) => ({ deleteNamedRange: { namedRangeId: place.id } }));
  const edits = kept.flatMap(({ place, value }) =>
    place.stretches.map((stretch, i) => ({ place, text: i === 0 ? insertable(value) : '', ...stretch })),
  );
  edits.sort((a, b) => b.start - a.start);
  for (const { text, start, end } of edits) {
    if (text) requests.push({ insertText: { location: { index: end }, text } });
    requests.push({ deleteContentRange: { range: { startIndex: start, endIndex: end } } });
  }
  // Lowest index first: each new text starts where its old one did, moved by the edits before it in the body.
  let moved = 0;
  for (const { place, text, start, end } of edits.reverse()) {
    if (text) {
      const at = start + moved;
      requests.push({ createNamedRange: { name: place.name, range: { startIndex: at, endIndex: at + text.length } } });
    }
    moved += text.length - (end - start);
  }
  return requests;
}

/** Text as an insertText request keeps it: no character the API strips, a line break as U+000B. */
function insertable(value: string): string {
  // sanitizeDocumentText has already left out every C0 control but the line break, and made TAB a space.
  return sanitizeDocumentText(value)
    .replace(/[\ue000-\uf8ff]/g, '')
    .split('\n')
    .join(API_LINE_BREAK);
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
    // The Docs advanced service (appsscript.json enables it): without it, a sentence instead of a ReferenceError.
    if (typeof Docs === 'undefined' || !Docs) {
      return { kind: 'unavailable', message: docUpdateText('no_docs_service', language) };
    }
    let document: DocsDocument;
    try {
      document = Docs.Documents.get(run.documentId, { fields: FIGURE_FIELDS });
    } catch (error) {
      // Deleted, or shared no longer: the API call throws; the user gets a sentence, not a stack. An add-on whose
      // Cloud project has the Docs API turned off gets Google's SERVICE_DISABLED text ("… has not been used in project
      // … before or it is disabled"): that is the service missing, not the Doc.
      const disabled = /has not been used in project|is disabled/.test(String(error));
      return { kind: 'unavailable', message: docUpdateText(disabled ? 'no_docs_service' : 'no_document', language) };
    }
    const places = figurePlaces(document);
    const present = presentFigures(document, places);
    if (present.size === 0) return { kind: 'unavailable', message: docUpdateText('no_figures', language) };
    const update = diffFigures(loadFigureRecord(run.documentId), figureRecord(result.report), present);
    const rewrites = update.changed.flatMap((change) => {
      const value = update.replacements.get(change.tag);
      return value === undefined ? [] : (places.get(change.tag) ?? []).map((place) => ({ place, value }));
    });
    const requests = figureRequests(rewrites);
    if (requests.length > 0) {
      try {
        // requiredRevisionId: if anyone edited the Doc since it was read, the indices are stale and nothing is applied.
        Docs.Documents.batchUpdate(
          { requests, writeControl: { requiredRevisionId: document.revisionId } },
          run.documentId,
        );
      } catch {
        return { kind: 'unavailable', message: docUpdateText('write_failed', language) };
      }
    }
    const url = `https://docs.google.com/document/d/${run.documentId}/edit`;
    const name = String(document.title ?? '');
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
