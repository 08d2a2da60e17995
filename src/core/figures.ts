// This file defines a report's figures as values (issue 14): what each tag shows and where, the record a report
// keeps of them, and the diff that an update (`--update`, 報告書の数字を更新) applies and summarises.
import { oneLineText } from './document-text';
import { type FigureUpdatePhrase, figureUpdateText, type Language } from './messages';
import type { Block, FigureSpan, ReportDocument, ReportKind, ReportTable, TableCell } from './report-document';
import { tableGrid } from './report-document';

/** Where a figure is, in words staff can find: 本文【就労支援】2段落目, 見出し「…」, 表「育成事業」の事業費（千円）. */
export type FigurePlace =
  /** A paragraph or note: the heading above it and its number among the paragraphs under that heading (from 1). */
  | { readonly kind: 'text'; readonly section: string; readonly paragraph: number }
  /** A heading, its figures shown as `…`. */
  | { readonly kind: 'heading'; readonly text: string }
  /** A table cell: the row's name (事業内容 or the row label) and the column's header. */
  | { readonly kind: 'cell'; readonly row: string; readonly column: string };

export interface FigureValue {
  /** The text the figure prints: `1,234`, `12名`, `（秘匿）`. */
  readonly text: string;
  /** Its first place (a tag printed twice shows the same text in both places, and both are updated). */
  readonly place: FigurePlace;
  /** The `figureRows.id` of the table it sits in, when it does. */
  readonly table?: string;
}

/** Every figure of one report, and the rows of each addressable table: kept in the file when the report is made. */
export interface FigureRecord {
  readonly kind: ReportKind;
  readonly year: number;
  readonly language: Language;
  readonly figures: ReadonlyMap<string, FigureValue>;
  readonly tables: ReadonlyMap<string, readonly string[]>;
}

/** A heading's text with each figure shown as `…` (the figure changes; the place must not). */
function maskFigures(text: string, figures: readonly FigureSpan[] | undefined): string {
  let out = '';
  let last = 0;
  for (const span of figures ?? []) {
    out += `${text.slice(last, span.start)}…`;
    last = span.end;
  }
  return out + text.slice(last);
}

function addFigures(
  into: Map<string, FigureValue>,
  text: string,
  figures: readonly FigureSpan[] | undefined,
  place: FigurePlace,
  table?: string,
): void {
  for (const span of figures ?? []) {
    if (into.has(span.tag)) continue;
    const value = text.slice(span.start, span.end);
    into.set(span.tag, table === undefined ? { text: value, place } : { text: value, place, table });
  }
}

/**
 * A row's name where its table names none (the 職業紹介事業報告書's fixed rows): the texts of its cells before its
 * first figure, joined by ・ (`常用求人数`, `求人・常用求人数` in the 国外 table).
 */
function rowLabel(row: readonly (TableCell | null)[]): string {
  const first = row.findIndex((cell) => cell?.figures !== undefined);
  return row
    .slice(0, first)
    .flatMap((cell) => (cell && cell.text !== '' ? [cell.text] : []))
    .join('・');
}

function addTable(into: Map<string, FigureValue>, tables: Map<string, readonly string[]>, table: ReportTable): void {
  const rows = table.figureRows;
  if (rows) tables.set(rows.id, rows.rows);
  tableGrid(table).forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell?.figures)
        addFigures(
          into,
          cell.text,
          cell.figures,
          { kind: 'cell', row: rows ? (rows.rows[r] ?? '') : rowLabel(row), column: table.header[c] ?? '' },
          rows?.id,
        );
    });
  });
}

const TOTAL_TAG = 'total:';

/** The figures of a report by tag (first place of each), and its tables' rows: what the file keeps, and "now". */
export function figureRecord(report: ReportDocument): FigureRecord {
  const figures = new Map<string, FigureValue>();
  const tables = new Map<string, readonly string[]>();
  let section = '';
  let paragraph = 0;
  for (const block of report.blocks as readonly Block[]) {
    if (block.kind === 'table') addTable(figures, tables, block);
    else if (block.kind === 'heading') {
      // A 区分's total in its heading (標準) belongs to that 区分's table: refused with it when its rows change.
      for (const span of block.figures ?? [])
        addFigures(
          figures,
          block.text,
          [span],
          { kind: 'heading', text: maskFigures(block.text, block.figures) },
          span.tag.startsWith(TOTAL_TAG) ? `programs:${span.tag.slice(TOTAL_TAG.length)}` : undefined,
        );
      if (block.level < 3) {
        section = maskFigures(block.text, block.figures);
        paragraph = 0;
      }
    } else if (block.kind === 'paragraph' || block.kind === 'note') {
      paragraph++;
      addFigures(figures, block.text, block.figures, { kind: 'text', section, paragraph });
    }
  }
  return { kind: report.kind ?? 'jigyo', year: report.year, language: report.language, figures, tables };
}

/** Tag → text of every figure of the report (the brief's `figureValues`). */
export function figureValues(report: ReportDocument): Map<string, string> {
  return new Map([...figureRecord(report).figures].map(([tag, value]) => [tag, value.text]));
}

// --- The record in a file: JSON, read back with every shape and size checked (a file may be forged) ---

const RECORD_VERSION = 1;
/** A record longer than this is not one of ours (a report has hundreds of figures, each well under 1 KB). */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
const MAX_RECORD_STRING = 2000;
const MAX_RECORD_ENTRIES = 50_000;

type EncodedPlace = ['t', string, number] | ['h', string] | ['c', string, string];

function encodePlace(place: FigurePlace): EncodedPlace {
  if (place.kind === 'text') return ['t', place.section, place.paragraph];
  if (place.kind === 'heading') return ['h', place.text];
  return ['c', place.row, place.column];
}

/** The record as one JSON string (no markup: the adapter escapes it for XML or stores it as a property). */
export function encodeFigureRecord(record: FigureRecord): string {
  return JSON.stringify({
    v: RECORD_VERSION,
    kind: record.kind,
    year: record.year,
    language: record.language,
    tables: [...record.tables],
    figures: [...record.figures].map(([tag, value]) =>
      value.table === undefined
        ? [tag, value.text, encodePlace(value.place)]
        : [tag, value.text, encodePlace(value.place), value.table],
    ),
  });
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_RECORD_STRING;
}

function decodePlace(value: unknown): FigurePlace | null {
  if (!Array.isArray(value)) return null;
  const [kind, a, b] = value as unknown[];
  if (kind === 't' && isShortString(a) && Number.isInteger(b) && (b as number) >= 0)
    return { kind: 'text', section: a, paragraph: b as number };
  if (kind === 'h' && isShortString(a) && value.length === 2) return { kind: 'heading', text: a };
  if (kind === 'c' && isShortString(a) && isShortString(b)) return { kind: 'cell', row: a, column: b };
  return null;
}

/**
 * A record read back from a file, or null when the text is not a record this version wrote (too long, not JSON,
 * a wrong shape anywhere): an update then goes on without one (`diffFigures(null, …)`), never on half a record.
 */
export function decodeFigureRecord(text: string): FigureRecord | null {
  if (text.length > MAX_RECORD_CHARS) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { v, kind, year, language, tables, figures } = data as Record<string, unknown>;
  if (v !== RECORD_VERSION || (kind !== 'jigyo' && kind !== 'shokai')) return null;
  if (!Number.isInteger(year) || (language !== 'ja' && language !== 'en')) return null;
  if (!Array.isArray(tables) || !Array.isArray(figures)) return null;
  if (tables.length > MAX_RECORD_ENTRIES || figures.length > MAX_RECORD_ENTRIES) return null;
  const tableMap = new Map<string, readonly string[]>();
  for (const entry of tables as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || !isShortString(entry[0]) || !Array.isArray(entry[1]))
      return null;
    const rows = entry[1] as unknown[];
    if (rows.length > MAX_RECORD_ENTRIES || !rows.every(isShortString)) return null;
    tableMap.set(entry[0], rows as string[]);
  }
  const figureMap = new Map<string, FigureValue>();
  for (const entry of figures as unknown[]) {
    if (!Array.isArray(entry) || entry.length < 3 || entry.length > 4) return null;
    const [tag, value, encoded, table] = entry as unknown[];
    const place = decodePlace(encoded);
    if (!isShortString(tag) || !isShortString(value) || !place) return null;
    if (table !== undefined && !isShortString(table)) return null;
    figureMap.set(tag, table === undefined ? { text: value, place } : { text: value, place, table });
  }
  return { kind, year: year as number, language, figures: figureMap, tables: tableMap };
}

// --- The diff an update applies ---

export interface FigureChange {
  readonly tag: string;
  readonly place: FigurePlace;
  /** The text in the document now ('' for a figure not in it). */
  readonly before: string;
  /** The text the workbook gives now (null: the workbook no longer makes this figure). */
  readonly after: string | null;
}

export interface TableRefusal {
  /** `programs:特定非営利活動`, `appendix`, `comparison`. */
  readonly table: string;
  /** 事業 rows now that the report did not have, and rows it had that are gone (empty when there is no record). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** How many figures of the document sit in that table and were left as they are. */
  readonly figures: number;
}

export interface FigureUpdate {
  /** Tag → the text to write at every place of that tag in the document (figures of refused tables excluded). */
  readonly replacements: ReadonlyMap<string, string>;
  /** Figures whose text changes. */
  readonly changed: readonly FigureChange[];
  readonly unchanged: number;
  /** In the report when it was made, not in the document now: the editor deleted its place (not re-inserted). */
  readonly deleted: readonly FigureChange[];
  /** Made by the workbook now, not in the report when it was made (not inserted: staff add them if wanted). */
  readonly added: readonly FigureChange[];
  /** In the document and the record, no longer made by the workbook (a template changed): left as they are. */
  readonly gone: readonly FigureChange[];
  /** Tags of ours in the document that neither the record nor the workbook knows (copied in, forged): left. */
  readonly unknown: number;
  /** Tables whose 事業 rows changed: their figures are left as they are. */
  readonly refused: readonly TableRefusal[];
  /** False when the document had no record of its figures (then deleted and added cannot be told apart). */
  readonly hadRecord: boolean;
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((row, index) => row === sortedB[index]);
}

/**
 * Tables whose rows changed between the record and now: a table either lacks counts as one without rows (（２）
 * that was 「なし」 and now has a 事業). Without a record, every table of today's report.
 */
function refusedTables(made: FigureRecord | null, now: FigureRecord): Map<string, TableRefusal> {
  const refused = new Map<string, TableRefusal>();
  if (!made) {
    for (const id of now.tables.keys()) refused.set(id, { table: id, added: [], removed: [], figures: 0 });
    return refused;
  }
  for (const id of new Set([...made.tables.keys(), ...now.tables.keys()])) {
    const rows = made.tables.get(id) ?? [];
    const current = now.tables.get(id) ?? [];
    if (sameRows(rows, current)) continue;
    refused.set(id, {
      table: id,
      added: current.filter((row) => !rows.includes(row)),
      removed: rows.filter((row) => !current.includes(row)),
      figures: 0,
    });
  }
  return refused;
}

/**
 * What an update does: `made` is the record kept when the report was made (null when the file has none), `now` the
 * record of the report the workbook gives today, `present` the figures found in the document (tag → the text of its
 * first place). Every present figure that the workbook still makes is rewritten with today's text, except in a
 * table whose 事業 rows changed (refused whole, issue 14 point 4: a row added or removed is not guessed at).
 */
export function diffFigures(
  made: FigureRecord | null,
  now: FigureRecord,
  present: ReadonlyMap<string, string>,
): FigureUpdate {
  const refused = refusedTables(made, now);
  const tableOf = (tag: string) => now.figures.get(tag)?.table ?? made?.figures.get(tag)?.table;
  const replacements = new Map<string, string>();
  const changed: FigureChange[] = [];
  const gone: FigureChange[] = [];
  let unchanged = 0;
  let unknown = 0;
  for (const [tag, before] of present) {
    const refusal = refused.get(tableOf(tag) ?? '');
    if (refusal) {
      refused.set(refusal.table, { ...refusal, figures: refusal.figures + 1 });
      continue;
    }
    const value = now.figures.get(tag);
    const recorded = made?.figures.get(tag);
    if (!value) {
      if (recorded) gone.push({ tag, place: recorded.place, before, after: null });
      else unknown++;
      continue;
    }
    replacements.set(tag, value.text);
    if (value.text === before) unchanged++;
    else changed.push({ tag, place: value.place, before, after: value.text });
  }
  const deleted: FigureChange[] = [];
  const added: FigureChange[] = [];
  for (const [tag, value] of made?.figures ?? []) {
    if (present.has(tag) || refused.has(tableOf(tag) ?? '')) continue;
    deleted.push({
      tag,
      place: now.figures.get(tag)?.place ?? value.place,
      before: value.text,
      after: now.figures.get(tag)?.text ?? null,
    });
  }
  for (const [tag, value] of now.figures) {
    if (present.has(tag) || made?.figures.has(tag) || refused.has(value.table ?? '')) continue;
    added.push({ tag, place: value.place, before: '', after: value.text });
  }
  return {
    replacements,
    changed,
    unchanged,
    deleted,
    added,
    gone,
    unknown,
    refused: [...refused.values()],
    hadRecord: made !== null,
  };
}

// --- The summary, one line per figure, in the report's language ---

/** The longest figure text or place a summary line quotes (a forged file cannot flood the output). */
const MAX_QUOTED = 60;

const MARKUP = { '<': '＜', '>': '＞', '&': '＆' } as const;

/**
 * A value from a document or a record (either may be forged), on one line, bounded, and with no markup: `< > &`
 * become their full-width forms, so no summary line carries a tag into a terminal, a log or the sidebar.
 */
function quoted(text: string): string {
  const line = oneLineText(text).replace(/[<>&]/g, (c) => MARKUP[c as keyof typeof MARKUP]);
  return line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED)}…` : line;
}

export function describePlace(place: FigurePlace, language: Language): string {
  if (place.kind === 'text')
    return figureUpdateText('place_text', language, { name: quoted(place.section), count: place.paragraph });
  if (place.kind === 'heading') return figureUpdateText('place_heading', language, { name: quoted(place.text) });
  return figureUpdateText('place_cell', language, { name: quoted(place.row), value: quoted(place.column) });
}

/** A table's name in the summary: 事業の表（特定非営利活動）, 事業費の内訳の表, 活動計算書との照合の表. */
function describeTable(id: string, language: Language): string {
  if (id.startsWith('programs:'))
    return figureUpdateText('table_programs', language, { name: quoted(id.slice('programs:'.length)) });
  return figureUpdateText(id === 'appendix' ? 'table_appendix' : 'table_comparison', language);
}

/** The summary an update prints (CLI) or shows (sidebar): totals first, then one line per figure. */
export function figureUpdateLines(update: FigureUpdate, language: Language): string[] {
  const line = (phrase: FigureUpdatePhrase, change: FigureChange) =>
    figureUpdateText(phrase, language, {
      name: describePlace(change.place, language),
      before: quoted(change.before),
      after: change.after === null ? undefined : quoted(change.after),
    });
  const lines = [
    figureUpdateText('summary', language, {
      count: update.changed.length,
      other: update.unchanged,
    }),
  ];
  // Without a record every table whose rows could change is left (refused); a report whose tables have fixed rows
  // (the 職業紹介事業報告書) has none, and its table figures are updated.
  if (!update.hadRecord)
    lines.push(figureUpdateText(update.refused.length > 0 ? 'no_record' : 'no_record_fixed_tables', language));
  for (const change of update.changed) lines.push(line('changed', change));
  for (const refusal of update.refused)
    lines.push(
      figureUpdateText(update.hadRecord ? 'table_refused' : 'table_unchecked', language, {
        name: describeTable(refusal.table, language),
        before: refusal.removed.map(quoted).join('、'),
        after: refusal.added.map(quoted).join('、'),
        count: refusal.figures,
      }),
    );
  for (const change of update.deleted) lines.push(line('deleted', change));
  for (const change of update.added) lines.push(line('added', change));
  for (const change of update.gone) lines.push(line('gone', change));
  if (update.unknown > 0) lines.push(figureUpdateText('unknown_tags', language, { count: update.unknown }));
  return lines;
}
