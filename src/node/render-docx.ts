// This file defines the .docx renderer: ReportDocument → a Word file (A4, Japanese font, heading styles, bordered table).
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Document,
  Footer,
  HeadingLevel,
  type IRunOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  StringValueElement,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  XmlComponent,
} from 'docx';
import { sanitizeReportDocument } from '../core/document-text';
import { encodeFigureRecord, figureRecord } from '../core/figures';
import {
  type Alignment,
  assertNever,
  type Block,
  type FigureSpan,
  type ReportDocument,
  type ReportTable,
  tableGrid,
} from '../core/report-document';

/** The font every target can have: Google Docs offers it, and it is free to install for Word and LibreOffice. */
export const DOCX_FONT = 'Noto Sans JP';
/**
 * The font table tells Word what to use where Noto Sans JP is missing: its alternative name, Yu Gothic (Windows 8.1
 * and later, macOS), and failing that a font it picks by charset 80 (Japanese) and family (sans-serif).
 * LibreOffice asks fontconfig for a Japanese font because the runs are marked ja-JP for East Asian text.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="${DOCX_FONT}"><w:altName w:val="Yu Gothic"/><w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Yu Gothic"><w:altName w:val="游ゴシック"/><w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;
const RUN_FONT = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, eastAsia: DOCX_FONT, cs: DOCX_FONT, hint: 'eastAsia' };

const LANGUAGE_TAGS = { ja: 'ja-JP', en: 'en-US' } as const;

// A4 portrait in twips (1/20 pt); 20 mm side margins leave room for the 8-column table.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1418, bottom: 1418, left: 1134, right: 1134, header: 709, footer: 709 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

// Sizes in half-points.
const SIZE = { title: 32, heading1: 26, heading2: 23, heading3: 21, body: 21, table: 18, note: 18, footer: 18 };
const HEADER_FILL = 'E8E8E8';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '444444' };

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const satisfies Record<Alignment, unknown>;

/** Text runs for one piece of text; a line break inside a cell or paragraph stays a line break. */
function textRuns(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, index) => new TextRun({ ...options, text: line, break: index > 0 ? 1 : 0 }));
}

/**
 * A figure the report inserted (issue 14), as Word writes a plain-text content control: `w:sdt` whose `w:tag` names
 * the figure, with one ordinary run inside, so Word and LibreOffice show ordinary text. The alias repeats the tag:
 * LibreOffice 7.4 keeps a control's alias when it saves a .docx but drops its tag, and `--update` reads either.
 * The docx library escapes both attribute values.
 */
class FigureControl extends XmlComponent {
  constructor(tag: string, run: TextRun) {
    super('w:sdt');
    this.root.push(
      new BuilderElement({
        name: 'w:sdtPr',
        children: [
          new StringValueElement('w:alias', tag),
          new StringValueElement('w:tag', tag),
          new BuilderElement({ name: 'w:text' }),
        ],
      }),
    );
    this.root.push(new BuilderElement({ name: 'w:sdtContent', children: [run] }));
  }
}

/** `textRuns`, with each figure span in its own content control (a figure holds no line break). */
function figureRuns(
  text: string,
  figures: readonly FigureSpan[] | undefined,
  options: Omit<IRunOptions, 'text' | 'break'> = {},
): ParagraphChild[] {
  if (!figures || figures.length === 0) return textRuns(text, options);
  const children: ParagraphChild[] = [];
  const plain = (piece: string) =>
    piece.split(/\r?\n/).forEach((line, index) => {
      if (index > 0 || line !== '') children.push(new TextRun({ ...options, text: line, break: index > 0 ? 1 : 0 }));
    });
  let last = 0;
  for (const span of figures) {
    plain(text.slice(last, span.start));
    const run = new TextRun({ ...options, text: text.slice(span.start, span.end) });
    // The docx types list the paragraph children it has classes for; a content control is a valid one (CT_SdtRun).
    children.push(new FigureControl(span.tag, run) as unknown as ParagraphChild);
    last = span.end;
  }
  plain(text.slice(last));
  return children;
}

function tableCell(
  text: string,
  options: { width: number; align: Alignment; header?: boolean; rowSpan?: number; figures?: readonly FigureSpan[] },
): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: ALIGNMENTS[options.header ? 'center' : options.align],
        children: figureRuns(text, options.figures, { bold: options.header, size: SIZE.table }),
      }),
    ],
    width: { size: options.width, type: WidthType.DXA },
    rowSpan: options.rowSpan && options.rowSpan > 1 ? options.rowSpan : undefined,
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
    verticalAlign: options.header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
  });
}

/** Column widths in twips from the table's relative widths (sum 100), filling the text width exactly. */
export function columnWidths(widths: readonly number[]): number[] {
  const total = widths.reduce((sum, width) => sum + width, 0) || 1;
  const twips = widths.map((width) => Math.floor((width / total) * CONTENT_WIDTH));
  twips[twips.length - 1] += CONTENT_WIDTH - twips.reduce((sum, width) => sum + width, 0);
  return twips;
}

function renderTable(table: ReportTable): Table {
  const widths = columnWidths(table.widths);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.header.map((text, column) =>
      tableCell(text, { width: widths[column], align: 'center', header: true }),
    ),
  });
  // Positions covered by a rowSpan above are absent from the docx row: the spanning cell is a vertical merge.
  const rows = tableGrid(table).map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.flatMap((cell, column) =>
          cell
            ? [
                tableCell(cell.text, {
                  width: widths[column],
                  align: table.align[column],
                  rowSpan: cell.rowSpan,
                  figures: cell.figures,
                }),
              ]
            : [],
        ),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function renderBlock(block: Block): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(block.text) });
    case 'subtitle':
      return new Paragraph({ alignment: AlignmentType.CENTER, children: textRuns(block.text) });
    case 'heading':
      return new Paragraph({ heading: HEADING_LEVELS[block.level], children: figureRuns(block.text, block.figures) });
    case 'paragraph':
      return new Paragraph({ children: figureRuns(block.text, block.figures), spacing: { after: 60 } });
    case 'note':
      return new Paragraph({
        children: figureRuns(block.text, block.figures, { size: SIZE.note, color: '555555' }),
        spacing: { before: 80 },
      });
    case 'table':
      return renderTable(block);
    default:
      return assertNever(block);
  }
}

function headingStyle(size: number, before: number, after: number, center = false) {
  return {
    run: { font: RUN_FONT, size, bold: true, color: '000000' },
    paragraph: {
      spacing: { before, after },
      alignment: center ? AlignmentType.CENTER : undefined,
      keepNext: true,
      keepLines: true,
    },
  };
}

/** The custom properties that hold the figure record: `jigyo-hokoku figures 001`, `002`… (read back in update-docx.ts). */
export const RECORD_PROPERTY_PREFIX = 'jigyo-hokoku figures ';

/**
 * Word keeps a custom property's text up to 255 characters, so the record is cut into pieces of at most
 * RECORD_CHUNK (never inside a surrogate pair), numbered from 001; LibreOffice keeps them as they are.
 */
const RECORD_CHUNK = 240;

export function figureRecordProperties(encoded: string): { name: string; value: string }[] {
  const properties: { name: string; value: string }[] = [];
  for (let start = 0; start < encoded.length; ) {
    let end = Math.min(start + RECORD_CHUNK, encoded.length);
    const last = encoded.charCodeAt(end - 1);
    if (end < encoded.length && last >= 0xd800 && last <= 0xdbff) end--;
    properties.push({
      name: `${RECORD_PROPERTY_PREFIX}${String(properties.length + 1).padStart(3, '0')}`,
      value: encoded.slice(start, end),
    });
    start = end;
  }
  return properties;
}

/**
 * Renders the report as a .docx file's bytes. The text is cleaned here again (whatever built the report), so no
 * part of the package (document.xml, core.xml's title and creator) can hold a character XML 1.0 refuses; the docx
 * library escapes `<`, `&` and quotes in text and attributes.
 */
export async function renderReportDocx(given: ReportDocument): Promise<Buffer> {
  const report = sanitizeReportDocument(given);
  const record = figureRecord(report);
  const document = new Document({
    // The figures the report was made with, for `--update` to tell a deleted figure from a new one (issue 14).
    customProperties: record.figures.size === 0 ? [] : figureRecordProperties(encodeFigureRecord(record)),
    title: report.title,
    creator: report.orgName || 'jigyo-hokoku',
    description: report.title,
    styles: {
      default: {
        document: {
          // Japanese for East Asian text always (glyph forms, font fallback); Latin text in the report's language.
          run: {
            font: RUN_FONT,
            size: SIZE.body,
            language: { value: LANGUAGE_TAGS[report.language], eastAsia: 'ja-JP' },
          },
          paragraph: { spacing: { line: 300 } },
        },
        title: headingStyle(SIZE.title, 0, 120, true),
        heading1: headingStyle(SIZE.heading1, 360, 120),
        heading2: headingStyle(SIZE.heading2, 240, 80),
        heading3: headingStyle(SIZE.heading3, 160, 40),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: SIZE.footer }),
                ],
              }),
            ],
          }),
        },
        children: report.blocks.map(renderBlock),
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
