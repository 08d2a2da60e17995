// This file defines the Google Doc renderer: ReportDocument → a new Doc through DocumentApp, in a constant number of calls.
import { sanitizeDocumentText, sanitizeReportDocument } from '../core/document-text';
import {
  assertNever,
  type Block,
  type FigureSpan,
  type ReportDocument,
  type ReportTable,
  type TableCell,
  tableGrid,
} from '../core/report-document';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Document = GoogleAppsScript.Document.Document;
type Table = GoogleAppsScript.Document.Table;

/**
 * A figure's named range is `jh:` + its tag (tags are at most 120 characters, Docs takes 256). A tag printed in two
 * places gets two named ranges of the same name (Docs allows that): 報告書の数字を更新 rewrites every one.
 */
export const FIGURE_RANGE_PREFIX = 'jh:';

/** Names each figure span of a paragraph's text: four calls per figure plus two per paragraph, none per data row. */
function nameFigures(document: Document, paragraph: Paragraph, figures: readonly FigureSpan[] | undefined): void {
  if (!figures || figures.length === 0) return;
  const text = paragraph.getChild(0).asText();
  for (const span of figures) {
    const range = document
      .newRange()
      .addElement(text, span.start, span.end - 1)
      .build();
    document.addNamedRange(FIGURE_RANGE_PREFIX + span.tag, range);
  }
}

export const DOC_FONT = 'Noto Sans JP';
const HEADER_BACKGROUND = '#e8e8e8';

/** A ReportTable's cells as text, header row first: what appendTable makes a Doc table of. */
export function tableTexts(table: ReportTable, grid: readonly (TableCell | null)[][]): string[][] {
  return [[...table.header], ...grid.map((row) => row.map((cell) => cell?.text ?? ''))];
}

/**
 * What every Doc table drawn from a ReportTable gets (the report's, and a form's `{{表:…}}`): a border, the header row
 * bold, amounts aligned as the report aligns them.
 */
export function styleTable(docTable: Table, table: ReportTable): void {
  docTable.setBorderWidth(1);
  // Bold must be set on the text: a cell's BOLD attribute may not reach the paragraph inside. One editAsText of the
  // header row makes all of its text bold in two calls.
  docTable.getRow(0).editAsText().setBold(true);
  // Right-aligned amounts: a few calls per aligned cell of the body, i.e. per 事業 row, never per data row.
  // (DocumentApp has no column-wide alignment; the table has one row per 事業, so the count is fixed by the 事業 tab.)
  table.align.forEach((align, column) => {
    if (align === 'left') return;
    const alignment =
      align === 'right' ? DocumentApp.HorizontalAlignment.RIGHT : DocumentApp.HorizontalAlignment.CENTER;
    for (let row = 1; row <= table.rows.length; row++) {
      docTable.getCell(row, column).getChild(0).asParagraph().setAlignment(alignment);
    }
  });
}

function appendTable(document: Document, body: Body, table: ReportTable): void {
  const grid = tableGrid(table);
  const docTable = body.appendTable(tableTexts(table, grid));
  // Figure cells (事業費, 受益対象者の人数, totals): a fixed number per 事業 row, never per data row.
  grid.forEach((row, r) => {
    row.forEach((cell, column) => {
      if (!cell?.figures?.length) return;
      nameFigures(
        document,
        docTable
          .getCell(r + 1, column)
          .getChild(0)
          .asParagraph(),
        cell.figures,
      );
    });
  });
  styleTable(docTable, table);
  // The report's header row is grey too: the cells' own attribute, one call per header cell.
  const header = docTable.getRow(0);
  const headerStyle: Record<string, unknown> = {};
  headerStyle[DocumentApp.Attribute.BACKGROUND_COLOR] = HEADER_BACKGROUND;
  for (let column = 0; column < table.header.length; column++) header.getCell(column).setAttributes(headerStyle);
}

const HEADINGS = (): Record<1 | 2 | 3, GoogleAppsScript.Document.ParagraphHeading> => ({
  1: DocumentApp.ParagraphHeading.HEADING1,
  2: DocumentApp.ParagraphHeading.HEADING2,
  3: DocumentApp.ParagraphHeading.HEADING3,
});

function appendBlock(document: Document, body: Body, block: Block, first: Paragraph | null): Paragraph | null {
  // The body of a new Doc holds one empty paragraph that cannot be removed: the first text block uses it.
  const paragraph = (text: string): Paragraph => {
    let written = first;
    if (written) written.setText(text);
    else written = body.appendParagraph(text);
    if ('figures' in block) nameFigures(document, written, block.figures);
    return written;
  };
  switch (block.kind) {
    case 'title':
      paragraph(block.text)
        .setHeading(DocumentApp.ParagraphHeading.TITLE)
        .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      return null;
    case 'subtitle':
      paragraph(block.text).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      return null;
    case 'heading':
      paragraph(block.text).setHeading(HEADINGS()[block.level]);
      return null;
    case 'paragraph':
      paragraph(block.text);
      return null;
    case 'note': {
      const style: Record<string, unknown> = {};
      style[DocumentApp.Attribute.FONT_SIZE] = 9;
      paragraph(block.text).setAttributes(style);
      return null;
    }
    case 'table':
      // A table cannot take the empty first paragraph's place: it follows it, and the next text block still uses it.
      appendTable(document, body, block);
      return first;
    default:
      return assertNever(block);
  }
}

/**
 * Creates a new Doc named `name` and draws the report into it; returns its URL. The text and the name are cleaned
 * here again (whatever built the report), so DocumentApp never receives a control character or a lone surrogate.
 */
export function renderReportToDoc(given: ReportDocument, name: string): { id: string; url: string } {
  const report = sanitizeReportDocument(given);
  const document = DocumentApp.create(sanitizeDocumentText(name));
  const body = document.getBody();
  let first: Paragraph | null = body.getChild(0).asParagraph();
  for (const block of report.blocks) first = appendBlock(document, body, block, first);
  // One call sets the Japanese font for every paragraph and table cell.
  body.editAsText().setFontFamily(DOC_FONT);
  document.saveAndClose();
  return { id: document.getId(), url: document.getUrl() };
}
