// This file defines the .docx side of forms of the NPO's own (issue 16): the paragraphs of a Word form read with an
// XML parser (body, headers, footers; placeholders split across runs found), and the form filled by splicing only the
// placeholders' text and the 表 paragraphs, so every other byte of each XML part stays as it was.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { FormParagraph, FormPlace, FormReplacement } from '../core/form-template';
import { type Alignment, type ReportTable, tableGrid } from '../core/report-document';
import { describeCause, FileError } from './file-error';
import { declaredUncompressedBytes, readRegularFile } from './read-workbook-file';

/** The most a form may weigh, and inflate to (a form is a zip of XML and pictures). */
export const MAX_FORM_BYTES = 50 * 1024 * 1024;
export const MAX_FORM_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** The most one XML part may hold, in characters: Word's own forms are a few hundred kilobytes. */
export const MAX_PART_CHARACTERS = 20 * 1024 * 1024;

/** A `<w:t>` of a paragraph: where its content is in the part's XML, and its text (entities decoded). */
interface TextNode {
  /** The `<` of `<w:t …>`. */
  readonly tagStart: number;
  readonly contentStart: number;
  contentEnd: number;
  text: string;
  readonly preserve: boolean;
}

/** A paragraph of one XML part: its range (`<w:p` … `</w:p>`), its text nodes, and what a table in its place needs. */
interface PartParagraph {
  readonly start: number;
  end: number;
  readonly nodes: TextNode[];
  readonly place: FormPlace;
  /** `<w:pPr>…</w:pPr>` as typed, when it holds a section break (kept after a table put in its place). */
  sectionProperties?: string;
}

/** One XML part of the form: `word/document.xml`, a header or a footer. */
export interface FormPart {
  readonly name: string;
  readonly xml: string;
  readonly paragraphs: readonly PartParagraph[];
}

/** A form read: its zip, its parts with their paragraphs, and the page's text width (for tables). */
export interface DocxForm {
  readonly zip: JSZip;
  readonly parts: readonly FormPart[];
  /** Every paragraph of every part, in the order `checkForm` is given them. */
  readonly paragraphs: readonly FormParagraph[];
  /** Twips: the page width less its margins, from the document's last section (A4 with 20 mm margins if absent). */
  readonly textWidth: number;
}

const PART_NAME = /^word\/(document|header(\d*)|footer(\d*))\.xml$/;

/** Body first, then headers and footers by number (header1, header2…). */
function partOrder(name: string): [number, number] {
  const match = PART_NAME.exec(name);
  if (!match) return [9, 0];
  if (match[1] === 'document') return [0, 0];
  return match[2] !== undefined ? [1, Number(match[2] || 0)] : [2, Number(match[3] || 0)];
}

/** Reads a .docx form (bounded as a workbook is: the file, its declared inflated size, each XML part). */
export async function readDocxForm(path: string): Promise<DocxForm> {
  const bytes = await readRegularFile(path, MAX_FORM_BYTES);
  const inflated = declaredUncompressedBytes(bytes);
  if (inflated === null) throw new FileError('form_not_docx', path, 'zip ではありません');
  if (inflated > MAX_FORM_UNCOMPRESSED_BYTES) throw new FileError('too_large', path, '展開後 上限 200 MB');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new FileError('form_not_docx', path, describeCause(error));
  }
  const names = Object.keys(zip.files)
    .filter((name) => PART_NAME.test(name))
    .sort((a, b) => {
      const [ka, na] = partOrder(a);
      const [kb, nb] = partOrder(b);
      return ka - kb || na - nb;
    });
  if (!names.includes('word/document.xml'))
    throw new FileError('form_not_docx', path, 'word/document.xml がありません');
  const headers = names.filter((name) => partOrder(name)[0] === 1).length;
  const footers = names.filter((name) => partOrder(name)[0] === 2).length;
  const parts: FormPart[] = [];
  let textWidth = 0;
  for (const name of names) {
    const xml = await zip.files[name].async('string');
    if (xml.length > MAX_PART_CHARACTERS) throw new FileError('too_large', path, `${name} が大きすぎます`);
    const [kind] = partOrder(name);
    const part = kind === 0 ? 'body' : kind === 1 ? 'header' : 'footer';
    const number =
      kind === 1
        ? headers > 1
          ? parts.filter((p) => partOrder(p.name)[0] === 1).length + 1
          : undefined
        : kind === 2
          ? footers > 1
            ? parts.filter((p) => partOrder(p.name)[0] === 2).length + 1
            : undefined
          : undefined;
    try {
      const read = readPart(xml, part, number);
      parts.push({ name, xml, paragraphs: read.paragraphs });
      if (kind === 0) textWidth = read.textWidth;
    } catch (error) {
      throw new FileError('form_not_docx', path, `${name}: ${describeCause(error)}`);
    }
  }
  const paragraphs = parts.flatMap((p) => p.paragraphs.map(({ nodes, place }) => ({ text: joinText(nodes), place })));
  return { zip, parts, paragraphs, textWidth: textWidth > 0 ? textWidth : 9638 };
}

function joinText(nodes: readonly TextNode[]): string {
  return nodes.map((node) => node.text).join('');
}

/** Where the `<` of the tag just read starts (the parser's position is after its `>`; no `<` inside a tag). */
function tagStart(xml: string, position: number): number {
  return xml.lastIndexOf('<', position - 1);
}

/**
 * One XML part, parsed: each paragraph with its runs' text nodes, numbered, placed in its table cell. A DOCTYPE is
 * refused (Word writes none; it is where entity tricks live), and so is anything that is not well-formed.
 */
export function readPart(
  xml: string,
  part: FormPlace['part'],
  partNumber?: number,
): { paragraphs: PartParagraph[]; textWidth: number } {
  const parser = new SaxesParser({ position: true });
  const paragraphs: PartParagraph[] = [];
  const open: PartParagraph[] = [];
  // The tables open around the current position, each with its current row, cell and paragraph in that cell.
  const tables: { number: number; row: number; column: number; paragraphs: number }[] = [];
  // Paragraphs outside tables, numbered in the part; a paragraph in a cell is numbered in its cell.
  let outside = 0;
  let tableCount = 0;
  let node: TextNode | null = null;
  let pPrStart = -1;
  let pageWidth = 0;
  let margins = 0;
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('doctype', () => {
    failure ??= new Error('DOCTYPE is not allowed');
  });
  parser.on('opentag', (tag) => {
    const at = parser.position;
    switch (tag.name) {
      case 'w:p': {
        if (tag.isSelfClosing) return;
        const table = tables[tables.length - 1];
        const place: FormPlace = {
          part,
          ...(partNumber === undefined ? {} : { partNumber }),
          paragraph: table ? ++table.paragraphs : ++outside,
          ...(table ? { cell: { table: table.number, row: table.row, column: table.column } } : {}),
        };
        open.push({ start: tagStart(xml, at), end: -1, nodes: [], place });
        return;
      }
      case 'w:pPr':
        if (!tag.isSelfClosing) pPrStart = tagStart(xml, at);
        return;
      case 'w:t': {
        const paragraph = open[open.length - 1];
        if (tag.isSelfClosing || !paragraph) return;
        node = {
          tagStart: tagStart(xml, at),
          contentStart: at,
          contentEnd: at,
          text: '',
          preserve: tag.attributes['xml:space'] === 'preserve',
        };
        paragraph.nodes.push(node);
        return;
      }
      case 'w:tbl':
        tables.push({ number: ++tableCount, row: 0, column: 0, paragraphs: 0 });
        return;
      case 'w:tr': {
        const table = tables[tables.length - 1];
        if (table) {
          table.row++;
          table.column = 0;
        }
        return;
      }
      case 'w:tc': {
        const table = tables[tables.length - 1];
        if (table) {
          table.column++;
          table.paragraphs = 0;
        }
        return;
      }
      case 'w:pgSz':
        pageWidth = Number(tag.attributes['w:w']) || 0;
        return;
      case 'w:pgMar':
        margins = (Number(tag.attributes['w:left']) || 0) + (Number(tag.attributes['w:right']) || 0);
        return;
    }
  });
  parser.on('text', (text) => {
    if (node) node.text += text;
  });
  parser.on('closetag', (tag) => {
    const at = parser.position;
    if (tag.name === 'w:t' && node) {
      node.contentEnd = xml.lastIndexOf('</', at - 1);
      node = null;
    } else if (tag.name === 'w:pPr' && pPrStart >= 0) {
      const paragraph = open[open.length - 1];
      const pPr = xml.slice(pPrStart, at);
      if (paragraph && pPr.includes('<w:sectPr')) paragraph.sectionProperties = pPr;
      pPrStart = -1;
    } else if (tag.name === 'w:p') {
      const paragraph = open.pop();
      if (!paragraph) return;
      paragraph.end = at;
      paragraphs.push(paragraph);
    } else if (tag.name === 'w:tbl') tables.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  // Paragraphs close inner first (a text box's paragraphs inside a run): document order is the order they opened.
  paragraphs.sort((a, b) => a.start - b.start);
  return { paragraphs, textWidth: pageWidth > margins ? pageWidth - margins : 0 };
}

/** Text for XML content: &, < and > escaped; a line break is a space (a filled value is one line). */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, ' ');
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The new text of each text node of a paragraph: the characters of each replacement's range are removed, and its text
 * goes where the range began, in the node (and so the run, with its formatting) where the placeholder began.
 */
function spliceNodes(paragraph: PartParagraph, replacements: readonly FormReplacement[]): Splice[] {
  const splices: Splice[] = [];
  let offset = 0;
  for (const node of paragraph.nodes) {
    const from = offset;
    const to = offset + node.text.length;
    offset = to;
    let text = '';
    let changed = false;
    let position = from;
    for (const r of replacements) {
      if (r.end <= from || r.start >= to) continue;
      changed = true;
      text += node.text.slice(position - from, Math.max(r.start, position) - from);
      // The value goes in the node where the placeholder began; the nodes it spilled into only lose its characters.
      if (r.start >= from) text += r.text;
      position = Math.min(r.end, to);
    }
    if (!changed) continue;
    text += node.text.slice(position - from);
    const escaped = escapeXmlText(text);
    if (!node.preserve && /^\s|\s$/.test(text)) {
      // Word drops leading and trailing spaces of a <w:t> without xml:space="preserve".
      splices.push({ start: node.tagStart + 4, end: node.tagStart + 4, text: ' xml:space="preserve"' });
    }
    splices.push({ start: node.contentStart, end: node.contentEnd, text: escaped });
  }
  return splices;
}

/** What follows a paragraph: a table in its place needs a paragraph after it when nothing else would close the cell. */
function endsContainer(xml: string, end: number): boolean {
  let at = end;
  for (;;) {
    while (at < xml.length && /\s/.test(xml[at])) at++;
    if (xml.startsWith('<!--', at)) {
      const close = xml.indexOf('-->', at);
      if (close < 0) return true;
      at = close + 3;
      continue;
    }
    return xml.startsWith('</', at) || xml.startsWith('<w:sectPr', at);
  }
}

// The report's table style (render-docx.ts): single borders of 444444, a grey bold header row, 9 pt text.
const TABLE_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="444444"/>';
const HEADER_FILL = 'E8E8E8';
const TABLE_SIZE = 18;
const JUSTIFY: Readonly<Record<Alignment, string>> = { left: 'left', center: 'center', right: 'right' };

function cellXml(text: string, width: number, align: Alignment, options: { header?: boolean; merge?: string }): string {
  const shading = options.header ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>` : '';
  const merge = options.merge ? `<w:vMerge${options.merge === 'restart' ? ' w:val="restart"' : ''}/>` : '';
  const vAlign = `<w:vAlign w:val="${options.header ? 'center' : 'top'}"/>`;
  const runProperties = `<w:rPr>${options.header ? '<w:b/>' : ''}<w:sz w:val="${TABLE_SIZE}"/><w:szCs w:val="${TABLE_SIZE}"/></w:rPr>`;
  const run = text === '' ? '' : `<w:r>${runProperties}<w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r>`;
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${merge}${shading}${vAlign}</w:tcPr><w:p><w:pPr><w:jc w:val="${JUSTIFY[options.header ? 'center' : align]}"/></w:pPr>${run}</w:p></w:tc>`;
}

/** A ReportTable as WordprocessingML, styled like the report's tables, as wide as `width` twips. */
export function tableXml(table: ReportTable, width: number, inCell = false): string {
  const total = table.widths.reduce((sum, w) => sum + w, 0) || 1;
  const widths = table.widths.map((w) => Math.floor((w / total) * width));
  widths[widths.length - 1] += width - widths.reduce((sum, w) => sum + w, 0);
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => TABLE_BORDER.replace('{side}', side))
    .join('');
  // In a cell, whose width is not known here, the table takes the whole cell (100 %) and lays out by content.
  const tableWidth = inCell ? '<w:tblW w:w="5000" w:type="pct"/>' : `<w:tblW w:w="${width}" w:type="dxa"/>`;
  const layout = inCell ? '' : '<w:tblLayout w:type="fixed"/>';
  const properties = `<w:tblPr>${tableWidth}<w:tblBorders>${borders}</w:tblBorders>${layout}<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const header = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${table.header
    .map((text, column) => cellXml(text, widths[column], 'center', { header: true }))
    .join('')}</w:tr>`;
  const rows = tableGrid(table)
    .map(
      (row) =>
        `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row
          .map((cell, column) =>
            cell
              ? cellXml(cell.text, widths[column], table.align[column], {
                  merge: cell.rowSpan && cell.rowSpan > 1 ? 'restart' : undefined,
                })
              : cellXml('', widths[column], table.align[column], { merge: 'continue' }),
          )
          .join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl>${properties}${grid}${header}${rows}</w:tbl>`;
}

/**
 * Fills the form: `fills` are `fillForm`'s replacements by paragraph index (the order of `form.paragraphs`). Each
 * part's XML changes only where a placeholder was; parts without one are not rewritten.
 */
export async function fillDocxForm(
  form: DocxForm,
  fills: ReadonlyMap<number, readonly FormReplacement[]>,
): Promise<Buffer> {
  let index = 0;
  for (const part of form.parts) {
    const splices: Splice[] = [];
    for (const paragraph of part.paragraphs) {
      const replacements = fills.get(index++);
      if (!replacements || replacements.length === 0) continue;
      const table = replacements.find((r) => r.table)?.table;
      if (table) {
        const xml = tableXml(table, form.textWidth, paragraph.place.cell !== undefined);
        const after =
          paragraph.sectionProperties !== undefined
            ? `<w:p>${paragraph.sectionProperties}</w:p>`
            : endsContainer(part.xml, paragraph.end)
              ? '<w:p/>'
              : '';
        splices.push({ start: paragraph.start, end: paragraph.end, text: xml + after });
      } else splices.push(...spliceNodes(paragraph, replacements));
    }
    if (splices.length === 0) continue;
    let xml = part.xml;
    for (const splice of [...splices].sort((a, b) => b.start - a.start || b.end - a.end)) {
      xml = xml.slice(0, splice.start) + splice.text + xml.slice(splice.end);
    }
    form.zip.file(part.name, xml, { createFolders: false });
  }
  return form.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The file name of a filled form: `{FORM}_{年度}年度`, then ` (2)`, ` (3)`…. FORM is the template's own name without
 * its folder and extension, with characters no file name should hold (controls, / \ : * ? " < > |) left out.
 */
export function formBaseName(templateName: string, year: number, attempt = 1): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`form file name: not a year and attempt: ${year}, ${attempt}`);
  const stem = templateName
    .replace(/\.docx$/i, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '')
    .trim()
    .slice(0, 120);
  return `${stem === '' || /^\.+$/.test(stem) ? '様式' : stem}_${year}年度${attempt > 1 ? ` (${attempt})` : ''}`;
}

/**
 * Writes the filled form (and its PDF) under the first free `{FORM}_{年度}年度` name, each file created exclusively:
 * never over the template, an earlier fill or anything else.
 */
export async function writeFormFiles(
  dir: string,
  templateName: string,
  year: number,
  files: readonly { readonly extension: 'docx' | 'pdf'; readonly bytes: Uint8Array }[],
): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FileError('write_failed', dir, describeCause(error));
  }
  for (let attempt = 1; attempt <= 1000; attempt++) {
    const base = join(dir, formBaseName(templateName, year, attempt));
    const written: string[] = [];
    try {
      for (const file of files) {
        const path = `${base}.${file.extension}`;
        await writeFile(path, file.bytes, { flag: 'wx' });
        written.push(path);
      }
      return written;
    } catch (error) {
      await Promise.all(written.map((path) => rm(path, { force: true })));
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new FileError('write_failed', `${base}.*`, describeCause(error));
    }
  }
  throw new FileError('output_exists', join(dir, `${formBaseName(templateName, year)}.docx`));
}
