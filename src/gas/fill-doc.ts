// This file defines テンプレートから作成 on the Docs side: a Google Doc form read once (body, header, footer) into the
// core's paragraphs, and its filled copy built element by element in a new Doc (the documents scope has no makeCopy).
import { sanitizeDocumentText } from '../core/document-text';
import type { FormDoors, FormRowAction, OpenedForm } from '../core/form-run';
import type { FormParagraph, FormPlace, FormReplacement } from '../core/form-template';
import { matchHeaders } from '../core/read-workbook';
import { type ReportTable, tableGrid } from '../core/report-document';
import { tabDef } from '../core/schema';
import { openSidebar } from './dialogs';
import { styleTable, tableTexts } from './render-doc';
import { appendTabRow, asLiteral, runTimestamp, runUser } from './run-log';
import { findContractSheet, listSheets } from './sheets';

type Element = GoogleAppsScript.Document.Element;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type TableCell = GoogleAppsScript.Document.TableCell;
type Text = GoogleAppsScript.Document.Text;
type Section =
  | GoogleAppsScript.Document.Body
  | GoogleAppsScript.Document.HeaderSection
  | GoogleAppsScript.Document.FooterSection;
type Part = FormPlace['part'];

/** The attributes of a character's style: the filled value takes those of the placeholder's first character. */
const TEXT_STYLE = [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'LINK_URL',
];

/** One Text element of a paragraph and where its characters start in the paragraph's text. */
interface Run {
  readonly text: Text;
  start: number;
  length: number;
}

/** A paragraph of the copy (detached until written) that may hold a placeholder: its Text elements. */
interface Slot {
  readonly paragraph: Paragraph | ListItem;
  /** Null when its text has no brace: nothing to fill. */
  readonly runs: Run[] | null;
  /** The table cell holding it, where a `{{表:…}}` puts its table. */
  readonly cell: TableCell | null;
}

/** A top-level element of a section, copied when the form is read. */
type Block =
  | { readonly kind: 'paragraph'; readonly element: Paragraph; readonly slot: number }
  | { readonly kind: 'listItem'; readonly element: ListItem; readonly slot: number; readonly listId: string }
  | { readonly kind: 'table'; readonly element: Table };

/** The form as read: the core's paragraphs and, for each, the copied element it came from. */
class FormCopy {
  readonly paragraphs: FormParagraph[] = [];
  readonly slots: Slot[] = [];
  readonly skipped: { place: FormPlace; element: string }[] = [];

  /** Copies every top-level element of `section` (detached) and reads the text of each paragraph in it. */
  readSection(section: Section, part: Part): Block[] {
    const type = DocumentApp.ElementType;
    const count = { paragraph: 0, table: 0 };
    const blocks: Block[] = [];
    const children = section.getNumChildren();
    for (let index = 0; index < children; index++) {
      const child = section.getChild(index);
      const kind = child.getType();
      if (kind === type.PARAGRAPH) {
        const element = child.copy().asParagraph();
        blocks.push({ kind: 'paragraph', element, slot: this.add(element, { part, paragraph: ++count.paragraph }) });
      } else if (kind === type.LIST_ITEM) {
        const element = child.copy().asListItem();
        const slot = this.add(element, { part, paragraph: ++count.paragraph });
        blocks.push({ kind: 'listItem', element, slot, listId: element.getListId() });
      } else if (kind === type.TABLE) {
        const element = child.copy().asTable();
        this.readTable(element, part, count);
        blocks.push({ kind: 'table', element });
      } else {
        // A table of contents (or what Docs does not expose): no section can take a copy of it.
        this.skipped.push({ place: { part, paragraph: count.paragraph + 1 }, element: String(kind) });
      }
    }
    return blocks;
  }

  private readTable(table: Table, part: Part, count: { paragraph: number; table: number }): void {
    const type = DocumentApp.ElementType;
    const number = ++count.table;
    const rows = table.getNumRows();
    for (let r = 0; r < rows; r++) {
      const row = table.getRow(r);
      const cells = row.getNumCells();
      for (let c = 0; c < cells; c++) {
        const cell = row.getCell(c);
        const at = { table: number, row: r + 1, column: c + 1 };
        const children = cell.getNumChildren();
        for (let k = 0; k < children; k++) {
          const child = cell.getChild(k);
          const kind = child.getType();
          if (kind === type.TABLE) this.readTable(child.asTable(), part, count);
          else if (kind === type.PARAGRAPH || kind === type.LIST_ITEM) {
            const paragraph = kind === type.LIST_ITEM ? child.asListItem() : child.asParagraph();
            this.add(paragraph, { part, paragraph: ++count.paragraph, cell: at }, cell);
          }
        }
      }
    }
  }

  /**
   * One paragraph: its text in one call; only a paragraph with a brace is read run by run (its Text elements, which
   * the fill edits), so a placeholder Word split across differently styled runs is one string here.
   */
  private add(paragraph: Paragraph | ListItem, place: FormPlace, cell: TableCell | null = null): number {
    let text = paragraph.getText();
    let runs: Run[] | null = null;
    if (/[{}｛｝]/.test(text)) {
      runs = [];
      text = '';
      const children = paragraph.getNumChildren();
      for (let index = 0; index < children; index++) {
        const child = paragraph.getChild(index);
        if (child.getType() !== DocumentApp.ElementType.TEXT) continue;
        const run = child.asText();
        const value = run.getText();
        runs.push({ text: run, start: text.length, length: value.length });
        text += value;
      }
    }
    this.paragraphs.push({ text, place });
    this.slots.push({ paragraph, runs, cell });
    return this.slots.length - 1;
  }
}

/** The style of the character at `offset`, limited to the attributes that style characters. */
function styleAt(text: Text, offset: number): Record<string, unknown> {
  const found = text.getAttributes(offset) as Record<string, unknown>;
  const style: Record<string, unknown> = {};
  for (const name of TEXT_STYLE) if (name in found) style[name] = found[name];
  return style;
}

/**
 * Replaces `start`–`end` of a paragraph's text with `value`. The value is inserted inside the placeholder before the
 * placeholder is deleted (a Text element is never emptied on the way) and takes the style of the placeholder's
 * first character, whatever the runs after it looked like.
 */
function replaceRange(runs: Run[], start: number, end: number, value: string): void {
  const first = runs.find((run) => run.start <= start && start < run.start + run.length);
  if (!first) return;
  // A placeholder that spans two Text elements (an inline object between them): the later parts go first.
  for (const run of runs) {
    if (run === first || run.start <= start || run.start >= end) continue;
    run.text.deleteText(0, Math.min(end, run.start + run.length) - run.start - 1);
  }
  const offset = start - first.start;
  const length = Math.min(end, first.start + first.length) - start;
  if (value !== '') {
    const style = styleAt(first.text, offset);
    first.text.insertText(offset, value);
    first.text.setAttributes(offset, offset + value.length - 1, style);
  }
  first.text.deleteText(offset + value.length, offset + value.length + length - 1);
}

/** A `{{表:…}}` table, made by `make` from its cells and styled as the report's tables are (render-doc). */
function writeReportTable(make: (cells: string[][]) => Table, table: ReportTable): Table {
  const cells = tableTexts(table, tableGrid(table)).map((row) => row.map((text) => sanitizeDocumentText(text)));
  const docTable = make(cells);
  styleTable(docTable, table);
  return docTable;
}

/** Fills the copied paragraphs in place; a `{{表:…}}` inside a table cell becomes a table in that cell. */
function fillSlots(copy: FormCopy, fills: ReadonlyMap<number, readonly FormReplacement[]>): Map<number, ReportTable> {
  const tables = new Map<number, ReportTable>();
  for (const [index, replacements] of fills) {
    const slot = copy.slots[index];
    const table = replacements.find((replacement) => replacement.table)?.table;
    if (table) {
      if (!slot.cell) {
        tables.set(index, table);
        continue;
      }
      const cell = slot.cell;
      const at = cell.getChildIndex(slot.paragraph);
      writeReportTable((cells) => cell.insertTable(at, cells), table);
      // A cell keeps its last paragraph (as a section does): emptied rather than removed.
      if (at + 2 === cell.getNumChildren()) slot.paragraph.clear();
      else slot.paragraph.removeFromParent();
      continue;
    }
    if (!slot.runs) continue;
    for (const replacement of [...replacements].reverse()) {
      replaceRange(slot.runs, replacement.start, replacement.end, replacement.text);
    }
  }
  return tables;
}

const isParagraphType = (type: GoogleAppsScript.Document.ElementType): boolean =>
  type === DocumentApp.ElementType.PARAGRAPH || type === DocumentApp.ElementType.LIST_ITEM;

/**
 * Appends the blocks to `section` in order. A new section starts with one empty paragraph, and Docs adds one after a
 * table that ends a section: each is removed once a paragraph follows it, so the copy has the form's paragraphs only.
 */
function writeSection(section: Section, blocks: readonly Block[], tables: ReadonlyMap<number, ReportTable>): void {
  let spare: Element | null = section.getChild(0);
  const lists = new Map<string, ListItem>();
  for (const block of blocks) {
    const table = block.kind === 'table' ? null : tables.get(block.slot);
    if (block.kind === 'table' || table) {
      if (table) writeReportTable((cells) => section.appendTable(cells), table);
      else section.appendTable(block.element as Table);
      // The paragraph Docs put after the table, removed if a paragraph of the form follows.
      const last = section.getChild(section.getNumChildren() - 1);
      spare = isParagraphType(last.getType()) ? last : null;
      continue;
    }
    if (block.kind === 'listItem') {
      const item = section.appendListItem(block.element);
      // Items of one list in the form stay one list (numbered on) in the copy.
      const first = lists.get(block.listId);
      if (first) item.setListId(first);
      else lists.set(block.listId, item);
    } else section.appendParagraph(block.element);
    spare?.removeFromParent();
    spare = null;
  }
}

/** The page setup of the form's body that the copy takes over. */
const PAGE = ['MARGIN_TOP', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'PAGE_WIDTH', 'PAGE_HEIGHT'];

/**
 * Opens the form at `url` and reads it once: body, header and footer (the ones DocumentApp exposes), every element
 * copied detached, every paragraph's text. Null when it is no document the user can read. The service calls grow
 * with the form's elements only, never with the workbook's rows.
 */
export function openForm(url: string): OpenedForm | null {
  let form: GoogleAppsScript.Document.Document;
  try {
    form = DocumentApp.openByUrl(url);
  } catch {
    return null;
  }
  const copy = new FormCopy();
  const body = form.getBody();
  const bodyBlocks = copy.readSection(body, 'body');
  const header = form.getHeader();
  const headerBlocks = header ? copy.readSection(header, 'header') : null;
  const footer = form.getFooter();
  const footerBlocks = footer ? copy.readSection(footer, 'footer') : null;
  const found = body.getAttributes() as Record<string, unknown>;
  const page: Record<string, unknown> = {};
  for (const name of PAGE) if (typeof found[name] === 'number') page[name] = found[name];
  return {
    name: sanitizeDocumentText(form.getName()),
    url,
    paragraphs: copy.paragraphs,
    skipped: copy.skipped,
    write: (fills, name) => {
      const tables = fillSlots(copy, fills);
      const document = DocumentApp.create(sanitizeDocumentText(name));
      const target = document.getBody();
      target.setAttributes(page);
      writeSection(target, bodyBlocks, tables);
      if (headerBlocks) writeSection(document.addHeader(), headerBlocks, tables);
      if (footerBlocks) writeSection(document.addFooter(), footerBlocks, tables);
      document.saveAndClose();
      return { url: document.getUrl() };
    },
  };
}

/** Adds the form's 様式 row, or writes its new name into the row of the same document. */
function rememberForm(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  form: { readonly name: string; readonly url: string },
  action: FormRowAction,
): void {
  const def = tabDef('forms');
  if (action.kind === 'none') return;
  const found = action.kind === 'rename' ? findContractSheet(listSheets(spreadsheet), def) : undefined;
  if (found && action.kind === 'rename') {
    const width = Math.max(found.sheet.getLastColumn(), 1);
    const header = found.sheet.getRange(1, 1, 1, width).getValues()[0];
    const column = matchHeaders(found.name, def, header).layout.columns.formName;
    if (column !== undefined) {
      found.sheet.getRange(action.row, column + 1).setValue(asLiteral(form.name));
      return;
    }
  }
  appendTabRow(spreadsheet, def, { formName: form.name, formUrl: form.url });
}

/** The Apps Script doors of テンプレートから作成: DocumentApp for the form and its copy, 様式 and 生成履歴 rows. */
export function appsScriptFormDoors(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: { now?: Date } = {},
): Omit<FormDoors, 'read' | 'exclusive'> {
  let at: string | null = null;
  const runTime = () => {
    at ??= runTimestamp(options.now ?? new Date());
    return at;
  };
  return {
    open: openForm,
    copyName: (formName, year) => `${formName}_${year}年度 (生成 ${runTime()})`,
    remember: (form, action) => rememberForm(spreadsheet, form, action),
    logRun: (run) =>
      appendTabRow(spreadsheet, tabDef('runs'), {
        at: runTime(),
        year: run.year,
        format: `Google ドキュメント（様式: ${run.formName}）`,
        location: run.url,
        warnings: run.warnings,
        user: runUser(),
      }),
  };
}

/** Menu テンプレートから作成: the sidebar, opened at its テンプレートから作成 section. */
export function menuCreateFromForm(): void {
  openSidebar(undefined, 'forms');
}
