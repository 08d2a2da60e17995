// This file defines a fast reader of an .xlsx workbook's cell values for the runner: sheets as Excel and Sheets save
// them, each part read in one linear pass, to the grid exceljs's whole-workbook load gives (sheetValues in
// read-workbook-file.ts); null for any shape it does not know, which exceljs then reads.
import type { CellValue } from '../core/cells';
import type * as ZipLayer from './docx-package';
import type { ZipPart } from './docx-package';

export interface XlsxSheetValues {
  readonly name: string;
  readonly values: CellValue[][];
}

/** Thrown inside the reader when a workbook is not one of the shapes it knows: exceljs reads that one. */
class Unsure extends Error {}

function unsure(): never {
  throw new Unsure();
}

/** As many rows and columns as Excel allows. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/**
 * The sheets of an .xlsx in workbook order, each as sheetValues would give it after exceljs's load; null when the
 * workbook holds anything this reader does not read exactly as exceljs does (merged cells, inline strings, the 1904
 * date system, XML comments, an array formula…), or is not a workbook at all. Every part is
 * inflated to at most `partLimit` bytes. On 60,000 rows per tab exceljs took 9 s and 1.1 GB.
 */
export function readXlsxValues(bytes: Buffer, partLimit: number): XlsxSheetValues[] | null {
  try {
    return readWorkbookValues(bytes, partLimit);
  } catch {
    // Unsure, or a damaged file: exceljs reads it, or says what is wrong with it.
    return null;
  }
}

/** The zip reader, required on first use: it brings in node:zlib, which `validate` on CSV files never needs. */
function zipLayer(): typeof ZipLayer {
  return require('./docx-package');
}

function readWorkbookValues(bytes: Buffer, partLimit: number): XlsxSheetValues[] {
  const { readPart, readZip } = zipLayer();
  const parts = new Map<string, ZipPart>(readZip(bytes).map((part) => [part.name, part]));
  const partText = (name: string): string | undefined => {
    const part = parts.get(name);
    if (part === undefined) return undefined;
    const xml = UTF8.decode(readPart(part, partLimit));
    // Comments, CDATA and declarations (<!…>) are XML these scanners do not read: exceljs's parser does.
    return xml.includes('<!') ? unsure() : xml;
  };
  const workbook = rooted(partText('xl/workbook.xml') ?? unsure(), '<workbook');
  const rels = partText('xl/_rels/workbook.xml.rels') ?? unsure();
  // exceljs reads date1904="1" as the 1904 system, which is left to it, and any other value (LibreOffice writes
  // date1904="false" into every workbook) as the 1900 system.
  for (const attributes of elements(workbook, 'workbookPr')) if (attributes.get('date1904') === '1') unsure();
  const targets = new Map<string, string>();
  for (const attributes of elements(rels, 'Relationship')) {
    const id = attributes.get('Id');
    const type = attributes.get('Type') ?? '';
    const target = attributes.get('Target') ?? '';
    if (id === undefined) unsure();
    if (type.endsWith('/worksheet')) targets.set(id, worksheetPath(target));
  }
  const stringsXml = partText('xl/sharedStrings.xml');
  const stylesXml = partText('xl/styles.xml');
  const strings = sharedStrings(stringsXml === undefined ? undefined : rooted(stringsXml, '<sst'));
  const dateStyles = dateStyleIds(stylesXml === undefined ? undefined : rooted(stylesXml, '<styleSheet'));
  const sheets: XlsxSheetValues[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const attributes of elements(workbook, 'sheet')) {
    // exceljs decodes a sheet's name a second time.
    const name = decodeAgain(attributes.get('name') ?? unsure());
    // Names exceljs refuses or cuts short, and a sheet id twice (exceljs keeps one of them): exceljs's to read.
    if (name === '' || name === 'History' || name.length > 31 || /[*?:/\\[\]]|^'|'$/.test(name)) unsure();
    // exceljs files sheets by parseInt(sheetId) and refuses a name twice in any case: anything but distinct whole
    // numbers from 1 and distinct names is exceljs's to read.
    const id = attributes.get('sheetId') ?? unsure();
    const key = name.toLowerCase();
    if (!/^[1-9][0-9]{0,8}$/.test(id) || ids.has(id) || names.has(key)) unsure();
    ids.add(id);
    names.add(key);
    const path = targets.get(attributes.get('r:id') ?? '') ?? unsure();
    sheets.push({ name, values: sheetGrid(rooted(partText(path) ?? unsure(), '<worksheet'), strings, dateStyles) });
  }
  if (sheets.length === 0) unsure();
  return sheets;
}

const UTF8 = new TextDecoder('utf-8');

/** The part, when its root element has no namespace prefix (`<x:worksheet>` would hide every element looked for). */
function rooted(xml: string, root: string): string {
  const at = xml.indexOf(root);
  const next = xml.charCodeAt(at + root.length);
  return at >= 0 && (next === SPACE || next === GT || next === LF || next === CR || next === TAB) ? xml : unsure();
}

/** xl/worksheets/sheetN.xml from a workbook relationship's target, the only place exceljs looks for a worksheet. */
function worksheetPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return /^xl\/worksheets\/sheet\d+\.xml$/.test(path) ? path : unsure();
}

// ---------------------------------------------------------------------------------------------------------------
// XML, as far as these parts need it

/** The attributes of every `<tag …>` element in `xml`, in order (values decoded). */
function* elements(xml: string, tag: string): Generator<Map<string, string>> {
  const open = `<${tag}`;
  let at = xml.indexOf(open);
  while (at >= 0) {
    const next = xml.charCodeAt(at + open.length);
    const end = xml.indexOf('>', at);
    if (end < 0) unsure();
    // <sheet …> but not <sheets> or <sheetView …>.
    if (next === SPACE || next === TAB || next === LF || next === CR || next === SLASH || next === GT) {
      yield attributesOf(xml, at + open.length, end);
    }
    at = xml.indexOf(open, end);
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SLASH = 0x2f;
const GT = 0x3e;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Where the attribute nextAttribute found lies: its name from attributeStart to attributeEquals, its value up to attributeClose. */
let attributeStart = 0;
let attributeEquals = 0;
let attributeClose = 0;

/**
 * The next name="value" (or name='value') from `i` before `end`, the tag's '>': sets the positions above and returns
 * the index after it, or -1 when only white space and '/' are left. Any other shape → unsure.
 */
function nextAttribute(xml: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const code = xml.charCodeAt(i);
    if (code === SPACE || code === TAB || code === LF || code === CR || code === SLASH) continue;
    const equals = xml.indexOf('=', i);
    if (equals < 0 || equals >= end) unsure();
    const quote = xml.charCodeAt(equals + 1);
    if (quote !== QUOTE && quote !== APOSTROPHE) unsure();
    const close = xml.indexOf(quote === QUOTE ? '"' : "'", equals + 2);
    if (close < 0 || close >= end) unsure();
    attributeStart = i;
    attributeEquals = equals;
    attributeClose = close;
    return close + 1;
  }
  return -1;
}

/** The attributes between `from` and `end` (the tag's '>'), values decoded. */
function attributesOf(xml: string, from: number, end: number): Map<string, string> {
  const attributes = new Map<string, string>();
  for (let i = nextAttribute(xml, from, end); i >= 0; i = nextAttribute(xml, i, end)) {
    const name = xml.slice(attributeStart, attributeEquals).trim();
    // An attribute twice is not XML: exceljs's parser refuses the file.
    if (attributes.has(name)) unsure();
    attributes.set(name, decodeXml(xml.slice(attributeEquals + 2, attributeClose)));
  }
  return attributes;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Text or an attribute value as an XML parser gives it: the five named entities and character references. A line
 * break a parser would rewrite (CR) or an entity it would refuse makes the workbook exceljs's to read.
 */
function decodeXml(text: string): string {
  if (text.includes('\r')) unsure();
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]{1,10});|&/g, (_, name: string | undefined) => {
    if (name === undefined) return unsure();
    if (name in NAMED_ENTITIES) return NAMED_ENTITIES[name];
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(name)
      ? Number.parseInt(name.slice(2), 16)
      : /^#[0-9]{1,7}$/.test(name)
        ? Number.parseInt(name.slice(1), 10)
        : -1;
    // What XML allows in text; a CR by reference is kept as it is by parsers, but exceljs's own later steps are
    // not worth guessing for it.
    if (code < 0x20 && code !== TAB && code !== LF) return unsure();
    if ((code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff || code > 0x10ffff) unsure();
    return String.fromCodePoint(code);
  });
}

/** The texts of every `<t>` element in `xml` (no `<t>` inside another), decoded, joined. */
function joinedTexts(xml: string): string {
  let text = '';
  let at = xml.indexOf('<t');
  while (at >= 0) {
    const next = xml.charCodeAt(at + 2);
    const end = xml.indexOf('>', at);
    if (end < 0) unsure();
    if (next === GT || next === SPACE) {
      const close = xml.indexOf('</t>', end);
      if (close < 0) unsure();
      const body = xml.slice(end + 1, close);
      if (body.includes('<')) unsure();
      text += decodeXml(body);
      at = xml.indexOf('<t', close + 4);
    } else {
      // <t/> is empty text; <tag…> other than t is skipped.
      at = xml.indexOf('<t', end);
    }
  }
  return text;
}

/** exceljs decodes _x000D_ and its like (upper-case hexadecimal only) in a shared string's text. */
function withEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared strings and styles

/**
 * The shared strings, rich text joined as sheetValues joins its runs. Phonetic guides (<rPh>, the furigana Excel
 * keeps for Japanese typed through an IME) are not text, for exceljs as for Excel.
 */
function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  let at = xml.indexOf('<si>');
  while (at >= 0) {
    const close = xml.indexOf('</si>', at);
    if (close < 0) unsure();
    let item = xml.slice(at + 4, close);
    if (item.includes('<rPh')) item = withoutPhonetics(item);
    if (item.includes('<si') || !item.includes('<t')) unsure();
    if (item.includes('<r>') || item.includes('<r ')) {
      // Rich text: each run's text, _x escapes decoded per run, joined.
      let text = '';
      let outside = '';
      let from = 0;
      let run = item.indexOf('<r>');
      if (run < 0 || item.includes('<r ')) unsure();
      while (run >= 0) {
        const end = item.indexOf('</r>', run);
        if (end < 0) unsure();
        outside += item.slice(from, run);
        text += withEscapes(joinedTexts(item.slice(run, end)));
        from = end + 4;
        run = item.indexOf('<r>', from);
      }
      // A <t> beside the runs makes a shape exceljs reads its own way.
      if ((outside + item.slice(from)).includes('<t')) unsure();
      strings.push(text);
    } else {
      if (item.indexOf('<t', item.indexOf('<t') + 2) >= 0) unsure();
      strings.push(withEscapes(joinedTexts(item)));
    }
    at = xml.indexOf('<si>', close);
  }
  if (xml.includes('<si ')) unsure();
  return strings;
}

/** A shared string without its <rPh>…</rPh> phonetic runs, cut out by position (a lazy pattern would rescan). */
function withoutPhonetics(item: string): string {
  let kept = '';
  let from = 0;
  let at = item.indexOf('<rPh', from);
  while (at >= 0) {
    const next = item.charCodeAt(at + 4);
    if (next !== SPACE && next !== GT) unsure();
    const close = item.indexOf('</rPh>', at);
    if (close < 0) unsure();
    kept += item.slice(from, at);
    from = close + 6;
    at = item.indexOf('<rPh', from);
  }
  return kept + item.slice(from);
}

/** Built-in number formats exceljs reads as dates (its format table through its isDateFmt). */
const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * exceljs's test of a number format for a date (its isDateFmt): y, m, d, h, s or b once every [...] and then every
 * "..." is taken out; by position here, where its patterns rescan the rest of the text at each [ left open.
 */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(withoutDelimited(withoutDelimited(format, '[', ']'), '"', '"'));
}

/** `text` without each `open`…`close` span (the first close after each open); an open never closed stays. */
function withoutDelimited(text: string, open: string, close: string): string {
  let kept = '';
  let from = 0;
  let at = text.indexOf(open);
  while (at >= 0) {
    const end = text.indexOf(close, at + 1);
    if (end < 0) break;
    kept += text.slice(from, at);
    from = end + 1;
    at = text.indexOf(open, from);
  }
  return kept + text.slice(from);
}

/** The indexes of the cell formats (cellXfs) whose number format is a date, as exceljs decides it. */
function dateStyleIds(xml: string | undefined): ReadonlySet<number> {
  const ids = new Set<number>();
  if (xml === undefined) return ids;
  const custom = new Map<number, string>();
  for (const attributes of elements(xml, 'numFmt')) {
    custom.set(Number.parseInt(attributes.get('numFmtId') ?? '', 10), attributes.get('formatCode') ?? '');
  }
  const start = xml.indexOf('<cellXfs');
  if (start < 0) return ids;
  const end = xml.indexOf('</cellXfs>', start);
  if (end < 0) unsure();
  let index = 0;
  for (const attributes of elements(xml.slice(start + '<cellXfs'.length, end), 'xf')) {
    const format = Number.parseInt(attributes.get('numFmtId') ?? '', 10);
    if (format) {
      const code = custom.get(format);
      if (code !== undefined && code !== '' ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(format)) ids.add(index);
    }
    index++;
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheets

/**
 * The grid of one worksheet: each row as long as its last cell exceljs keeps (a styled empty cell counts, an
 * unstyled one does not), missing cells and rows blank, trailing blank rows dropped.
 */
function sheetGrid(xml: string, strings: readonly string[], dateStyles: ReadonlySet<number>): CellValue[][] {
  // exceljs makes cells of a merged range: its reading is the one to keep. (Comments, notes and tables it hangs on the
  // cells it read, making none.)
  if (xml.includes('<mergeCell')) unsure();
  const grid: CellValue[][] = [];
  sharedMasters.clear();
  linkedCells.clear();
  // Cells with a link to a relationship: exceljs makes their value a link whose text is the formula's result, kept
  // whatever it is.
  const links = xml.indexOf('<hyperlinks');
  if (links >= 0) {
    for (const attributes of elements(xml.slice(links, xml.indexOf('</hyperlinks>', links) >>> 0), 'hyperlink')) {
      if (attributes.get('r:id')) linkedCells.add(attributes.get('ref') ?? '');
    }
  }
  const start = xml.indexOf('<sheetData');
  if (start < 0) return grid;
  const open = xml.indexOf('>', start);
  if (open < 0) unsure();
  if (xml.charCodeAt(open - 1) === SLASH) return grid;
  const end = xml.indexOf('</sheetData>', open);
  if (end < 0) unsure();
  let i = open + 1;
  while (i < end) {
    const rowAt = xml.indexOf('<row', i);
    if (rowAt < 0 || rowAt >= end) {
      onlySpace(xml, i, end);
      break;
    }
    onlySpace(xml, i, rowAt);
    const rowOpenEnd = xml.indexOf('>', rowAt);
    const after = xml.charCodeAt(rowAt + 4);
    if (rowOpenEnd < 0 || rowOpenEnd > end || (after !== SPACE && after !== GT && after !== SLASH)) unsure();
    const rowAttributes = attributesOf(xml, rowAt + 4, rowOpenEnd);
    const rowText = rowAttributes.get('r') ?? unsure();
    // Digits only: exceljs reads the number with parseInt (0x2 is row 0 there).
    if (!/^[1-9][0-9]{0,6}$/.test(rowText)) unsure();
    const rowNumber = Number(rowText);
    if (rowNumber > MAX_ROW) unsure();
    if (xml.charCodeAt(rowOpenEnd - 1) === SLASH) {
      i = rowOpenEnd + 1;
      continue;
    }
    const rowEnd = xml.indexOf('</row>', rowOpenEnd);
    if (rowEnd < 0 || rowEnd > end) unsure();
    const values = readRow(xml, rowOpenEnd + 1, rowEnd, rowNumber, strings, dateStyles);
    while (grid.length < rowNumber) grid.push([]);
    grid[rowNumber - 1] = values;
    i = rowEnd + 6;
  }
  while (grid.length > 0 && grid[grid.length - 1].every((value) => value === null || value === '')) grid.pop();
  return grid;
}

/** Nothing but white space between `from` and `end`; anything else (another element) → unsure. */
function onlySpace(xml: string, from: number, end: number): void {
  for (let i = from; i < end; i++) {
    const code = xml.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== LF && code !== CR) unsure();
  }
}

/** The r, s and t attributes of the `<c …>` being read (readCellAttributes), kept here to make no object a cell. */
let cellAddress = '';
let cellStyle: string | undefined;
let cellType: string | undefined;

/** Reads a `<c …>` tag's attributes between `from` and `end` into cellAddress, cellStyle and cellType. */
function readCellAttributes(xml: string, from: number, end: number): void {
  cellAddress = '';
  cellStyle = undefined;
  cellType = undefined;
  let others: string[] | undefined;
  for (let i = nextAttribute(xml, from, end); i >= 0; i = nextAttribute(xml, i, end)) {
    const name = attributeEquals - attributeStart === 1 ? xml.charCodeAt(attributeStart) : 0;
    const value = xml.slice(attributeEquals + 2, attributeClose);
    // An attribute twice is not XML (exceljs's parser refuses the file); `r ="…"` is a shape left to that parser.
    if (name === 0x72 /* r */ && cellAddress === '') cellAddress = value;
    else if (name === 0x73 /* s */ && cellStyle === undefined) cellStyle = value;
    else if (name === 0x74 /* t */ && cellType === undefined) cellType = value;
    else if (name !== 0 || xml.charCodeAt(attributeEquals - 1) <= SPACE) unsure();
    else {
      // A cell has a few others (cm, vm, ph); many of them is no sheet Excel wrote, and would make this check slow.
      const other = xml.slice(attributeStart, attributeEquals);
      others ??= [];
      if (others.length >= MAX_OTHER_CELL_ATTRIBUTES || others.includes(other)) unsure();
      others.push(other);
    }
  }
}

/** Attributes a `<c>` may carry besides r, s and t before the reader leaves the sheet to exceljs. */
const MAX_OTHER_CELL_ATTRIBUTES = 8;

/** The cells of one row between `from` and `end`, by their column letters. */
function readRow(
  xml: string,
  from: number,
  end: number,
  rowNumber: number,
  strings: readonly string[],
  dateStyles: ReadonlySet<number>,
): CellValue[] {
  const values: CellValue[] = [];
  let i = from;
  while (i < end) {
    const code = xml.charCodeAt(i);
    if (code === SPACE || code === TAB || code === LF || code === CR) {
      i++;
      continue;
    }
    if (!xml.startsWith('<c', i)) unsure();
    const after = xml.charCodeAt(i + 2);
    if (after !== SPACE && after !== GT && after !== SLASH) unsure();
    const openEnd = xml.indexOf('>', i);
    if (openEnd < 0 || openEnd >= end) unsure();
    readCellAttributes(xml, i + 2, openEnd);
    const selfClosing = xml.charCodeAt(openEnd - 1) === SLASH;
    const close = selfClosing ? openEnd : xml.indexOf('</c>', openEnd);
    if (close < 0 || close > end) unsure();
    const column = cellColumn(cellAddress, rowNumber);
    const value = cellValue(
      cellType,
      cellStyle,
      xml,
      openEnd + 1,
      selfClosing ? openEnd + 1 : close,
      strings,
      dateStyles,
    );
    if (value !== SKIPPED) {
      while (values.length < column - 1) values.push(null);
      values[column - 1] = value;
    }
    i = selfClosing ? openEnd + 1 : close + 4;
  }
  return values;
}

/** The 1-based column of an address such as AB12 in row 12; any other row, or no such column → unsure. */
function cellColumn(address: string, rowNumber: number): number {
  let column = 0;
  let i = 0;
  for (; i < address.length && i < 3; i++) {
    const code = address.charCodeAt(i);
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + code - 0x40;
  }
  if (i === 0 || column > MAX_COLUMN) unsure();
  let row = 0;
  const digits = address.length - i;
  if (digits < 1 || digits > 7) unsure();
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 0x30 || code > 0x39) unsure();
    row = row * 10 + code - 0x30;
  }
  return row === rowNumber ? column : unsure();
}

/** The addresses of the sheet's cells with a link (exceljs's hyperlinkMap). */
const linkedCells = new Set<string>();

/** The shared-formula groups (si) whose master cell the sheet being read has shown so far. */
const sharedMasters = new Set<string>();

/** A cell exceljs does not keep (no value and no style, which it takes for part of a merge). */
const SKIPPED = Symbol('skipped');

/**
 * One `<c>` element's value as exceljs's cell reading (cell-xform.js) and sheetValues give it: a formula's cached
 * result, a shared string, a number (a date when its style's format is one), a boolean, an error's text.
 */
function cellValue(
  rawType: string | undefined,
  rawStyle: string | undefined,
  content: string,
  from: number,
  end: number,
  strings: readonly string[],
  dateStyles: ReadonlySet<number>,
): CellValue | typeof SKIPPED {
  const type = rawType === undefined ? undefined : decodeXml(rawType);
  const style = rawStyle === undefined ? undefined : Number.parseInt(decodeXml(rawStyle), 10);
  let formula = '';
  let formulaAttributes: Map<string, string> | undefined;
  let text: string | undefined;
  let seenFormula = false;
  let seenValue = false;
  let i = from;
  while (i < end) {
    const code = content.charCodeAt(i);
    if (code === SPACE || code === TAB || code === LF || code === CR) {
      i++;
      continue;
    }
    const name = content.startsWith('<f', i) ? 'f' : content.startsWith('<v', i) ? 'v' : unsure();
    const after = content.charCodeAt(i + 2);
    if (after !== SPACE && after !== GT && after !== SLASH) unsure();
    const openEnd = content.indexOf('>', i);
    if (openEnd < 0 || openEnd >= end) unsure();
    // Only <f>'s attributes matter (t="shared" makes a formula of an empty <f/>); <v> has none.
    if (name === 'f') formulaAttributes = attributesOf(content, i + 2, openEnd);
    else if (openEnd !== i + 2) unsure();
    let body = '';
    if (content.charCodeAt(openEnd - 1) === SLASH) i = openEnd + 1;
    else {
      const close = content.indexOf(name === 'f' ? '</f>' : '</v>', openEnd);
      if (close < 0 || close + 4 > end) unsure();
      body = content.slice(openEnd + 1, close);
      if (body.includes('<')) unsure();
      i = close + 4;
    }
    // A second <f> or <v> is joined or kept by exceljs's parser: its reading.
    if (name === 'f' ? seenFormula : seenValue) unsure();
    if (name === 'f') seenFormula = true;
    else seenValue = true;
    if (name === 'f') formula = decodeXml(body);
    else if (body !== '') {
      // A parser hands over no text for <v></v>: exceljs then holds no value.
      text = body;
    }
  }
  const isDate = style !== undefined && style !== 0 && dateStyles.has(style);
  const shareType = formulaAttributes?.get('t');
  if (formula !== '' || shareType !== undefined) {
    const group = formulaAttributes?.get('si');
    if (shareType === 'shared' && group !== undefined && formulaAttributes?.has('ref')) sharedMasters.add(group);
    // The other cells of a shared formula (<f t="shared" si="0"/>) read as their master's formula once exceljs has met
    // that master; anything else (an array formula's other cells, a group met nowhere before) is exceljs's.
    if (formula === '' && !(shareType === 'shared' && group !== undefined && sharedMasters.has(group))) unsure();
    if (text === undefined) return null;
    // exceljs turns a date-styled formula's result into a date whatever it is: only a number's date is read here.
    if (isDate && (type === 'str' || type === 'b' || type === 'e')) unsure();
    if (type === 'e') return decodeXml(text);
    if (isDate) return excelDate(Number.parseFloat(text));
    const result =
      type === 'str' ? textOnce(text) : type === 'b' ? Number.parseInt(text, 10) !== 0 : Number.parseFloat(text);
    // exceljs's formula value keeps its result only when truthy: a cached 0, FALSE or NaN reads as blank there,
    // unless the cell has a link, whose text keeps it.
    return linkedCells.has(cellAddress) ? result : result || null;
  }
  if (text === undefined) return style ? null : SKIPPED;
  switch (type) {
    case 's': {
      const shared = strings[Number.parseInt(text, 10)];
      return shared === undefined ? unsure() : shared;
    }
    case 'str':
      return textOnce(text);
    case 'inlineStr':
      return unsure();
    case 'b':
      return Number.parseInt(text, 10) !== 0;
    case 'e':
      return decodeXml(text);
    default: {
      const number = Number.parseFloat(text);
      return isDate ? excelDate(number) : number;
    }
  }
}

/** A formula's or str cell's text: exceljs decodes it a second time. */
function textOnce(raw: string): string {
  return decodeAgain(decodeXml(raw));
}

const DECODED_AGAIN: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&apos;': "'",
  '&quot;': '"',
};

/** exceljs's second decoding of a sheet name or a str cell (its utils.xmlDecode): the five named entities only. */
function decodeAgain(text: string): string {
  return text.includes('&') ? text.replace(/&([a-z]*);/g, (entity) => DECODED_AGAIN[entity] ?? entity) : text;
}

/** A date serial as exceljs reads it (excelToDate, the 1900 system) and sheetValues then keeps it (localDate). */
function excelDate(serial: number): Date {
  return localDate(new Date(Math.round((serial - 25569) * 24 * 3600 * 1000)));
}

/**
 * exceljs reads a date cell as the UTC instant of its wall-clock time (2022-04-01 → 2022-04-01T00:00Z); the core,
 * like Apps Script, reads Dates with local getters, so the same wall-clock time is rebuilt in the local zone.
 */
export function localDate(date: Date): Date {
  return new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}
