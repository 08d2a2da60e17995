// This file defines the Google Doc renderer: ReportDocument → a new Doc through DocumentApp, in a constant number of calls.
import { sanitizeDocumentText, sanitizeReportDocument } from '../core/document-text';
import { assertNever, type Block, type ReportDocument, type ReportTable, tableGrid } from '../core/report-document';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;

export const DOC_FONT = 'Noto Sans JP';
const HEADER_BACKGROUND = '#e8e8e8';

function appendTable(body: Body, table: ReportTable): void {
  const docTable = body.appendTable([
    [...table.header],
    ...tableGrid(table).map((row) => row.map((cell) => cell?.text ?? '')),
  ]);
  docTable.setBorderWidth(1);
  const header = docTable.getRow(0);
  // The grey is the cells' own attribute; bold must be set on their text: a cell's BOLD attribute may not reach
  // the paragraph inside. One editAsText of the header row makes all of its text bold in two calls.
  const headerStyle: Record<string, unknown> = {};
  headerStyle[DocumentApp.Attribute.BACKGROUND_COLOR] = HEADER_BACKGROUND;
  for (let column = 0; column < table.header.length; column++) header.getCell(column).setAttributes(headerStyle);
  header.editAsText().setBold(true);
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

const HEADINGS = (): Record<1 | 2 | 3, GoogleAppsScript.Document.ParagraphHeading> => ({
  1: DocumentApp.ParagraphHeading.HEADING1,
  2: DocumentApp.ParagraphHeading.HEADING2,
  3: DocumentApp.ParagraphHeading.HEADING3,
});

function appendBlock(body: Body, block: Block, first: Paragraph | null): Paragraph | null {
  // The body of a new Doc holds one empty paragraph that cannot be removed: the first text block uses it.
  const paragraph = (text: string): Paragraph => {
    if (!first) return body.appendParagraph(text);
    first.setText(text);
    return first;
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
      appendTable(body, block);
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
  for (const block of report.blocks) first = appendBlock(body, block, first);
  // One call sets the Japanese font for every paragraph and table cell.
  body.editAsText().setFontFamily(DOC_FONT);
  document.saveAndClose();
  return { id: document.getId(), url: document.getUrl() };
}
