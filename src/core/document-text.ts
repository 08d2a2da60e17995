// This file defines document text: which characters a report may hold, and the one function that cleans text for it.
import type { Block, FigureSpan, ReportDocument, TableCell } from './report-document';

export interface CleanedText {
  readonly text: string;
  /** Characters left out (a surrogate pair counts as one); TAB and CR normalisations are not counted. */
  readonly removed: number;
}

/** U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE…): never text. */
function isNoncharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

/** C0 and C1 controls, DEL, surrogates (a lone one: codePointAt gives a pair's full code point) and noncharacters. */
function isRemoved(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    isNoncharacter(codePoint)
  );
}

/**
 * Characters no report may hold. XML 1.0 (the .docx, and LibreOffice's PDF of it) refuses C0 controls other than
 * TAB/LF/CR, lone surrogates and U+FFFE/U+FFFF; a Google Doc or an HTML page would show them as boxes or not at all.
 * Also left out, as they carry nothing a reader can see: DEL and the C1 controls (U+007F–U+009F, which some
 * terminals read as escape sequences) and the other noncharacters (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF in every plane).
 * They are removed, not replaced: a U+FFFD or a space would print as a visible flaw in a published report, and the
 * warning (`invalid_character`) sends staff to the cell. TAB becomes a space and CR or CRLF a line break (LF): both
 * are valid XML, but renderers treat them alike only in this form. These two are not counted as removals.
 * Returns the text a document may hold and how many characters were left out, in one pass over `text`.
 */
export function cleanDocumentText(text: string): CleanedText {
  let out = '';
  let removed = 0;
  let afterCarriageReturn = false;
  // for…of walks code points: a surrogate pair comes as one string, a lone surrogate as itself.
  for (const character of text) {
    if (character === '\n') {
      if (!afterCarriageReturn) out += '\n';
    } else if (character === '\r') out += '\n';
    else if (character === '\t') out += ' ';
    else if (isRemoved(character.codePointAt(0) as number)) removed++;
    else out += character;
    afterCarriageReturn = character === '\r';
  }
  return { text: out, removed };
}

/** `cleanDocumentText(text).text`. */
export function sanitizeDocumentText(text: string): string {
  return cleanDocumentText(text).text;
}

/** Cleaned text on one line: what a message may quote of a cell, so an ESC or a line break never reaches a terminal. */
export function oneLineText(text: string): string {
  const cleaned = sanitizeDocumentText(text);
  return cleaned.indexOf('\n') >= 0 ? cleaned.replace(/\n/g, ' ') : cleaned;
}

/**
 * Cleans a text and moves its figure spans (issue 14) with it: the pieces between span edges are cleaned one by one,
 * which gives the same text as cleaning the whole (no span edge falls inside a CRLF: a figure holds no line break).
 * A span left empty is dropped.
 */
function cleanWithFigures<T extends { readonly text: string; readonly figures?: readonly FigureSpan[] }>(item: T): T {
  if (!item.figures || item.figures.length === 0) return { ...item, text: sanitizeDocumentText(item.text) };
  let text = '';
  let last = 0;
  const figures: FigureSpan[] = [];
  for (const span of item.figures) {
    text += sanitizeDocumentText(item.text.slice(last, span.start));
    const start = text.length;
    text += sanitizeDocumentText(item.text.slice(span.start, span.end));
    if (text.length > start) figures.push({ start, end: text.length, tag: span.tag });
    last = span.end;
  }
  text += sanitizeDocumentText(item.text.slice(last));
  if (figures.length > 0) return { ...item, text, figures };
  const { figures: _dropped, ...rest } = item;
  return { ...rest, text } as T;
}

function cleanCell(cell: TableCell): TableCell {
  return cleanWithFigures(cell);
}

function cleanBlock(block: Block): Block {
  if (block.kind !== 'table') return cleanWithFigures(block);
  return {
    ...block,
    header: block.header.map(sanitizeDocumentText),
    rows: block.rows.map((row) => row.map(cleanCell)),
  };
}

/**
 * The report with every text cleaned (title, 団体名, every block, every table header and cell). The pipeline applies
 * it where the report is built, and every renderer again on what it is given, so no renderer can emit a character
 * a document cannot hold, whoever built the ReportDocument.
 */
export function sanitizeReportDocument(report: ReportDocument): ReportDocument {
  return {
    ...report,
    title: sanitizeDocumentText(report.title),
    orgName: sanitizeDocumentText(report.orgName),
    blocks: report.blocks.map(cleanBlock),
  };
}
