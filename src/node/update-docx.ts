// This file defines `--update` on a .docx (issue 14): find the figure content controls of a report made earlier (in
// the body, the headers and the footers), write today's figures into their runs, and keep every other byte of the
// package as the editors left it.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { sanitizeDocumentText } from '../core/document-text';
import { isFigureTag } from '../core/figure-tags';
import { decodeFigureRecord, type FigureRecord, MAX_RECORD_CHARS } from '../core/figures';
import { readPart, readZip, replacePart, writeZip, type ZipPart } from './docx-package';
import { describeCause, FileError } from './file-error';
import { MAX_XLSX_UNCOMPRESSED_BYTES, readRegularFile } from './read-workbook-file';
import { RECORD_PROPERTY_PREFIX } from './render-docx';

/** The most a .docx to update may weigh (a report with photos stays far below). */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** The most `word/document.xml`, or a header or footer part, may inflate to. */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
/** The most docProps/custom.xml may inflate to (the figure record and the editors' own properties). */
const MAX_CUSTOM_XML_BYTES = 2 * MAX_RECORD_CHARS;

const DOCUMENT_PART = 'word/document.xml';
/** Headers and footers: a staff member may move a figure there (a 数 in the running head, say). */
const HEADER_FOOTER_PART = /^word\/(?:header|footer)\d*\.xml$/;
const CUSTOM_PART = 'docProps/custom.xml';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';

/** Where one `w:t` of a figure control holds its text in document.xml. */
interface TextSlot {
  /** The content's start and end (the whole element for a self-closing `<w:t/>`). */
  readonly start: number;
  readonly end: number;
  /** The element's qualified name, to write a self-closing one out in full. */
  readonly selfClosing: string | null;
}

/** A figure content control (`w:sdt` whose `w:tag`, or failing that `w:alias`, is a figure tag). */
export interface FigureControl {
  readonly tag: string;
  /** Its text now (the `w:t` inside it, joined). */
  readonly text: string;
  readonly slots: readonly TextSlot[];
  /** Where a run can be added when the control holds none: the start of `</w:sdtContent>`, in a paragraph only. */
  readonly emptyAt: number | null;
  /** The prefix the document gives the WordprocessingML namespace (`w`). */
  readonly prefix: string;
  /**
   * Word's `w:showingPlcHdr`: the editor emptied the control and Word shows its placeholder text («ここをクリックまたは
   * タップしてテキストを入力してください。»), which is not the figure. Such a control counts as a deleted figure: it is not
   * "present", nothing is written into it, and the summary lists it as deleted (issue 14: not re-inserted).
   */
  readonly placeholder: boolean;
}

/** One XML part that holds figure controls: document.xml, then the headers and footers in name order. */
export interface FigurePart {
  readonly name: string;
  readonly xml: string;
  readonly controls: readonly FigureControl[];
}

/** A .docx read for an update: its parts, the XML parts with figure controls, every control, and its record. */
export interface DocxReport {
  readonly parts: readonly ZipPart[];
  /** document.xml first (always), then each header and footer part that holds a figure control. */
  readonly figureParts: readonly FigurePart[];
  /** Every figure control of every part, in that order (placeholders included). */
  readonly controls: readonly FigureControl[];
  /** Null when the file holds no record (stripped by another program, or not one of ours). */
  readonly record: FigureRecord | null;
}

interface OpenControl {
  tag: string | null;
  alias: string | null;
  text: string;
  slots: TextSlot[];
  inContent: boolean;
  inParagraph: boolean;
  emptyAt: number | null;
  prefix: string;
  textStart: number | null;
  placeholder: boolean;
}

function wordValue(node: SaxesTagNS): string | null {
  for (const attribute of Object.values(node.attributes)) {
    if (attribute.uri === W && attribute.local === 'val') return attribute.value;
  }
  return null;
}

/** A WordprocessingML on/off element (`<w:showingPlcHdr/>`): on unless its `w:val` says false, 0 or off. */
function isOn(node: SaxesTagNS): boolean {
  const value = wordValue(node);
  return value === null || !['false', '0', 'off'].includes(value.trim().toLowerCase());
}

/**
 * Every figure control of one part (document.xml, a header, a footer), with the offsets of its text, found by a strict
 * XML parser (saxes: linear, no external entities). A control's text is the `w:t` directly its own (not of a control
 * nested in it).
 */
export function findFigureControls(xml: string): FigureControl[] {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: string[] = [];
  const open: OpenControl[] = [];
  const found: FigureControl[] = [];
  const key = (node: SaxesTagNS) => (node.uri === W ? node.local : `#${node.uri}:${node.local}`);
  parser.on('opentag', (node) => {
    const name = key(node);
    const parent = stack[stack.length - 1];
    const control = open[open.length - 1];
    if (name === 'sdt')
      open.push({
        tag: null,
        alias: null,
        text: '',
        slots: [],
        inContent: false,
        inParagraph: parent === 'p',
        emptyAt: null,
        prefix: node.prefix,
        textStart: null,
        placeholder: false,
      });
    else if (control && parent === 'sdtPr' && stack[stack.length - 2] === 'sdt' && !control.inContent) {
      if (name === 'tag') control.tag = wordValue(node);
      if (name === 'alias') control.alias = wordValue(node);
      if (name === 'showingPlcHdr') control.placeholder = isOn(node);
    } else if (control && name === 'sdtContent' && parent === 'sdt') control.inContent = true;
    else if (control?.inContent && name === 't') {
      if (node.isSelfClosing)
        control.slots.push({
          start: xml.lastIndexOf('<', parser.position - 1),
          end: parser.position,
          selfClosing: node.name,
        });
      else control.textStart = parser.position;
    }
    if (!node.isSelfClosing) stack.push(name);
  });
  parser.on('text', (text) => {
    const control = open[open.length - 1];
    if (control?.textStart !== null && control?.textStart !== undefined) control.text += text;
  });
  parser.on('cdata', (text) => {
    const control = open[open.length - 1];
    if (control?.textStart !== null && control?.textStart !== undefined) control.text += text;
  });
  parser.on('closetag', (node) => {
    if (!node.isSelfClosing) stack.pop();
    const name = key(node);
    const control = open[open.length - 1];
    if (!control) return;
    if (name === 't' && control.textStart !== null) {
      control.slots.push({
        start: control.textStart,
        end: xml.lastIndexOf('<', parser.position - 1),
        selfClosing: null,
      });
      control.textStart = null;
    } else if (name === 'sdtContent' && stack[stack.length - 1] === 'sdt') {
      control.inContent = false;
      control.emptyAt = control.inParagraph ? xml.lastIndexOf('<', parser.position - 1) : null;
    } else if (name === 'sdt') {
      open.pop();
      const tag = [control.tag, control.alias].find((value) => value !== null && isFigureTag(value));
      if (tag)
        found.push({
          tag,
          text: control.text,
          slots: control.slots,
          emptyAt: control.emptyAt,
          prefix: control.prefix,
          placeholder: control.placeholder,
        });
    }
  });
  parser.write(xml).close();
  return found;
}

/** The record kept in docProps/custom.xml (`jigyo-hokoku figures 001`, `002`… joined in order), or null. */
export function readFigureRecord(xml: string): FigureRecord | null {
  const parser = new SaxesParser({ xmlns: true });
  const pieces = new Map<string, string>();
  let current: string | null = null;
  let total = 0;
  parser.on('opentag', (node) => {
    if (node.uri !== CUSTOM || node.local !== 'property') return;
    const name = Object.values(node.attributes).find((a) => a.local === 'name' && a.uri === '')?.value ?? '';
    current = name.startsWith(RECORD_PROPERTY_PREFIX) && !pieces.has(name) ? name : null;
    if (current) pieces.set(current, '');
  });
  parser.on('text', (text) => {
    if (current === null) return;
    total += text.length;
    if (total > MAX_RECORD_CHARS) throw new RangeError('record too long');
    pieces.set(current, (pieces.get(current) ?? '') + text);
  });
  parser.on('closetag', (node) => {
    if (node.uri === CUSTOM && node.local === 'property') current = null;
  });
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  if (pieces.size === 0) return null;
  const names = [...pieces.keys()].sort();
  return decodeFigureRecord(names.map((name) => pieces.get(name)).join(''));
}

/** What a report file said when it could not be read; the CLI words it (`FileError` 'not_docx'). */
function notDocx(path: string, detail: string): FileError {
  return new FileError('not_docx', path, detail);
}

/**
 * Reads a .docx for an update: bounded (file size, parts, inflated sizes), its XML parsed strictly. Throws
 * FileError: 'not_docx' for anything that is not a readable Word document, 'no_figures' for one without a single
 * figure control (the update would have nothing to do and must not pass for one).
 */
export async function readDocxReport(path: string): Promise<DocxReport> {
  const bytes = await readRegularFile(path, MAX_DOCX_BYTES);
  let parts: ZipPart[];
  try {
    parts = readZip(bytes);
  } catch (error) {
    throw notDocx(path, describeCause(error));
  }
  if (parts.reduce((sum, part) => sum + part.size, 0) > MAX_XLSX_UNCOMPRESSED_BYTES)
    throw notDocx(path, `展開後 ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} MB を超えます`);
  const document = parts.find((part) => part.name === DOCUMENT_PART);
  if (!document) throw notDocx(path, `${DOCUMENT_PART} がありません`);
  const headersAndFooters = parts
    .filter((part) => HEADER_FOOTER_PART.test(part.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const figureParts: FigurePart[] = [];
  for (const part of [document, ...headersAndFooters]) {
    let xml: string;
    let controls: FigureControl[];
    try {
      xml = readPart(part, MAX_DOCUMENT_XML_BYTES).toString('utf8');
      controls = findFigureControls(xml);
    } catch (error) {
      const detail = describeCause(error).split('\n')[0].slice(0, 120);
      throw notDocx(path, part === document ? detail : `${part.name}: ${detail}`);
    }
    if (part === document || controls.length > 0) figureParts.push({ name: part.name, xml, controls });
  }
  const controls = figureParts.flatMap((part) => part.controls);
  if (controls.length === 0) throw new FileError('no_figures', path);
  const custom = parts.find((part) => part.name === CUSTOM_PART);
  let record: FigureRecord | null = null;
  if (custom) {
    try {
      record = readFigureRecord(readPart(custom, MAX_CUSTOM_XML_BYTES).toString('utf8'));
    } catch {
      record = null;
    }
  }
  return { parts, figureParts, controls, record };
}

/**
 * Tag → the text of its first control: what the diff calls "present". A control showing Word's placeholder text is
 * not: the editor emptied it, so its figure is deleted (listed, not re-inserted).
 */
export function presentFigures(report: DocxReport): Map<string, string> {
  const present = new Map<string, string>();
  for (const control of report.controls)
    if (!control.placeholder && !present.has(control.tag)) present.set(control.tag, control.text);
  return present;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A part's XML with each control whose tag has a replacement, and whose text differs, rewritten: the new text in its
 * first `w:t` (its run properties kept: a figure made bold stays bold), its other `w:t` emptied; a control left with
 * no run gets one. A control showing Word's placeholder is never written into. Every other character of the XML is
 * copied as it was.
 */
export function rewriteDocumentXml(
  xml: string,
  controls: readonly FigureControl[],
  replacements: ReadonlyMap<string, string>,
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const control of controls) {
    const value = replacements.get(control.tag);
    if (control.placeholder || value === undefined || value === control.text) continue;
    const text = escapeText(sanitizeDocumentText(value));
    if (control.slots.length === 0) {
      if (control.emptyAt !== null) {
        const w = control.prefix === '' ? '' : `${control.prefix}:`;
        edits.push({
          start: control.emptyAt,
          end: control.emptyAt,
          text: `<${w}r><${w}t xml:space="preserve">${text}</${w}t></${w}r>`,
        });
      }
      continue;
    }
    control.slots.forEach((slot, index) => {
      const content = index === 0 ? text : '';
      if (slot.selfClosing === null) edits.push({ start: slot.start, end: slot.end, text: content });
      else if (index === 0)
        edits.push({
          start: slot.start,
          end: slot.end,
          text: `<${slot.selfClosing} xml:space="preserve">${content}</${slot.selfClosing}>`,
        });
    });
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const edit of edits) {
    out += xml.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + xml.slice(last);
}

/** The updated package: the parts whose figures changed rewritten, every other part the same compressed bytes. */
export function updatedDocx(report: DocxReport, replacements: ReadonlyMap<string, string>): Buffer {
  const rewritten = new Map<string, string>();
  for (const part of report.figureParts) {
    const xml = rewriteDocumentXml(part.xml, part.controls, replacements);
    if (xml !== part.xml) rewritten.set(part.name, xml);
  }
  return writeZip(
    report.parts.map((part) => {
      const xml = rewritten.get(part.name);
      return xml === undefined ? part : replacePart(part, Buffer.from(xml, 'utf8'));
    }),
  );
}
