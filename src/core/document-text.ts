// This file defines document text: which characters a report may hold, and the one function that cleans text for it.
import type { Block, ReportDocument, TableCell } from './report-document';

/**
 * Characters no report may hold. XML 1.0 (the .docx, and LibreOffice's PDF of it) refuses C0 controls other than
 * TAB/LF/CR, lone surrogates and U+FFFE/U+FFFF; a Google Doc or an HTML page would show them as boxes or not at all.
 * Also left out, as they carry nothing a reader can see: DEL and the C1 controls (U+007F–U+009F, which some
 * terminals read as escape sequences) and the other noncharacters (U+FDD0–U+FDEF, U+nFFFE/U+nFFFF in every plane).
 * They are removed, not replaced: a U+FFFD or a space would print as a visible flaw in a published report, and the
 * warning (`invalid_character`) sends staff to the cell. TAB becomes a space and CR or CRLF a line break (LF): both
 * are valid XML, but renderers treat them alike only in this form. These two are not counted as removals.
 */

/** Index of the first code unit that may need cleaning (a control, a surrogate, a noncharacter), or -1. */
function firstSuspect(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return i;
    if (code >= 0x7f && (code <= 0x9f || (code >= 0xd800 && code <= 0xdfff) || isNoncharacter(code))) return i;
  }
  return -1;
}

export interface CleanedText {
  readonly text: string;
  /** Characters left out (a surrogate pair counts as one); TAB and CR normalisations are not counted. */
  readonly removed: number;
}

function isNoncharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

function isRemovedBmp(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || isNoncharacter(code);
}

/** Text as a document may hold it, and how many characters were left out. Linear in the length of `text`. */
export function cleanDocumentText(text: string): CleanedText {
  const start = firstSuspect(text);
  if (start < 0) return { text, removed: 0 };
  let out = text.slice(0, start);
  let removed = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) out += '\n';
    else if (code === 0x09) out += ' ';
    else if (code === 0x0d) {
      if (text.charCodeAt(i + 1) !== 0x0a) out += '\n';
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        if (isNoncharacter(codePoint)) removed++;
        else out += text[i] + text[i + 1];
        i++;
      } else removed++;
    } else if ((code >= 0xdc00 && code <= 0xdfff) || isRemovedBmp(code)) removed++;
    else out += text[i];
  }
  return { text: out, removed };
}

/** `cleanDocumentText(text).text`. */
export function sanitizeDocumentText(text: string): string {
  return cleanDocumentText(text).text;
}

function cleanCell(cell: TableCell): TableCell {
  return { ...cell, text: sanitizeDocumentText(cell.text) };
}

function cleanBlock(block: Block): Block {
  if (block.kind !== 'table') return { ...block, text: sanitizeDocumentText(block.text) };
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
