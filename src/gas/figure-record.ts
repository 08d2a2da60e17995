// This file defines the record of a report's figures for Google Docs (issue 14), kept in the spreadsheet's document
// properties under the Doc's ID when the report is made: the figures and table rows it had, so that 報告書の数字を更新
// can tell a figure the editor deleted from one that is new since (src/core/figures.ts). A property holds 9 KB: the
// record is cut into pieces of 2,500 UTF-16 units (at most 7.5 KB of UTF-8 each).
import { decodeFigureRecord, encodeFigureRecord, type FigureRecord, figureRecord } from '../core/figures';
import type { ReportDocument } from '../core/report-document';

const RECORD_KEY = 'jh:figures:';
const PIECE = 2500;
const MAX_PIECES = 2000;

export function saveFigureRecord(documentId: string, report: ReportDocument): void {
  const text = encodeFigureRecord(figureRecord(report));
  const entries: Record<string, string> = {};
  let count = 0;
  for (let at = 0; at < text.length; count++) {
    let end = Math.min(at + PIECE, text.length);
    // Never between the two halves of a surrogate pair (a property is stored as UTF-8).
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    entries[`${RECORD_KEY}${documentId}:${count}`] = text.slice(at, end);
    at = end;
  }
  entries[RECORD_KEY + documentId] = String(count);
  PropertiesService.getDocumentProperties().setProperties(entries);
}

/** The record kept for the Doc, or null (none, or not one this version wrote: the update goes on without it). */
export function loadFigureRecord(documentId: string): FigureRecord | null {
  const store = PropertiesService.getDocumentProperties();
  const count = Number(store.getProperty(RECORD_KEY + documentId));
  if (!(Number.isInteger(count) && count > 0 && count <= MAX_PIECES)) return null;
  let text = '';
  for (let piece = 0; piece < count; piece++) {
    const part = store.getProperty(`${RECORD_KEY}${documentId}:${piece}`);
    if (part === null) return null;
    text += part;
  }
  return decodeFigureRecord(text);
}
