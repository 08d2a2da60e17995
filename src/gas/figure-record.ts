// This file defines the record of a report's figures for Google Docs (issue 14), kept in the spreadsheet's document
// properties under the Doc's ID when the report is made: the figures and table rows it had, so that 報告書の数字を更新
// can tell a figure the editor deleted from one that is new since (src/core/figures.ts). A property holds 9 KB: the
// record is cut into pieces of 2,500 UTF-16 units (at most 7.5 KB of UTF-8 each). The store holds 500 KB in all: only
// the records of the newest 40 reports are kept (the sample's is 3.5 KB), listed oldest first under `jh:figures`.
import { decodeFigureRecord, encodeFigureRecord, type FigureRecord, figureRecord } from '../core/figures';
import type { ReportDocument } from '../core/report-document';

const RECORD_KEY = 'jh:figures:';
const PIECE = 2500;
const MAX_PIECES = 2000;
const INDEX_KEY = 'jh:figures';
export const KEPT_RECORDS = 40;

type Store = GoogleAppsScript.Properties.Properties;

/** The number of pieces a record's head value names, or 0 when it names none this version wrote. */
function pieceCount(head: string | null | undefined): number {
  const count = Number(head);
  return Number.isInteger(count) && count > 0 && count <= MAX_PIECES ? count : 0;
}

function deleteRecord(store: Store, documentId: string): void {
  const count = pieceCount(store.getProperty(RECORD_KEY + documentId));
  for (let piece = 0; piece < count; piece++) store.deleteProperty(`${RECORD_KEY}${documentId}:${piece}`);
  store.deleteProperty(RECORD_KEY + documentId);
}

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
  const store = PropertiesService.getDocumentProperties();
  // Doc IDs are letters, digits, - and _: the index is those IDs separated by spaces.
  const kept = (store.getProperty(INDEX_KEY) ?? '').split(' ').filter((id) => /^[\w-]{1,200}$/.test(id));
  const index = [...kept.filter((id) => id !== documentId), documentId];
  for (const dropped of index.splice(0, Math.max(0, index.length - KEPT_RECORDS))) deleteRecord(store, dropped);
  entries[INDEX_KEY] = index.join(' ');
  store.setProperties(entries);
}

/**
 * The record kept for the Doc, or null (none, or not one this version wrote: the update goes on without it). One
 * read of the whole store (at most 500 KB) instead of one call per piece.
 */
export function loadFigureRecord(documentId: string): FigureRecord | null {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const count = pieceCount(all[RECORD_KEY + documentId]);
  if (count === 0) return null;
  let text = '';
  for (let piece = 0; piece < count; piece++) {
    const part = all[`${RECORD_KEY}${documentId}:${piece}`];
    if (typeof part !== 'string') return null;
    text += part;
  }
  return decodeFigureRecord(text);
}
