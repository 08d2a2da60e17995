// This file defines the fake of the Docs advanced service (Docs.Documents.get and batchUpdate): a view of the
// DocumentApp fake's documents in Docs API indices, so the Doc a report made through DocumentApp is the very Doc an
// update reads and writes through Docs (one document model, two services, as in Apps Script).
import { FakeObject } from './base';
import {
  type FakeContainer,
  type FakeDocument,
  type FakeDocumentApp,
  type FakeDocumentNamedRange,
  FakeDocumentRange,
  type FakeElement,
  FakeParagraph,
  FakeRangeElement,
  FakeTable,
} from './document';

type Json = Record<string, unknown>;

/** A paragraph laid out in body indices: its text runs from `start` to `textEnd`; its newline is the last index. */
interface Placed {
  readonly paragraph: FakeParagraph;
  readonly start: number;
  readonly textEnd: number;
  readonly end: number;
}

interface Layout {
  readonly content: Json[];
  readonly paragraphs: Placed[];
  readonly byParagraph: Map<FakeParagraph, Placed>;
  /** The body's end index (exclusive). */
  readonly end: number;
}

/**
 * A line break inside a paragraph: DocumentApp text holds it as '\n', the Docs API as U+000B (a vertical tab, what
 * Shift+Enter types), since '\n' there ends a paragraph.
 */
const LINE_BREAK = '\u000b';
const toApi = (text: string) => text.split('\n').join(LINE_BREAK);

/** Text runs of a paragraph's text split where BOLD changes (the one text style the update's tests look at). */
function textRuns(paragraph: FakeParagraph, start: number): Json[] {
  const text = paragraph.getText();
  const view = paragraph.editAsText();
  const runs: Json[] = [];
  let from = 0;
  for (let at = 1; at <= text.length; at++) {
    if (at < text.length && view.isBold(at) === view.isBold(from)) continue;
    const textStyle = view.isBold(from) ? { bold: true } : {};
    runs.push({
      startIndex: start + from,
      endIndex: start + at,
      textRun: { content: toApi(text.slice(from, at)), textStyle },
    });
    from = at;
  }
  return runs;
}

/**
 * Lays out a body the way the Docs API indexes it (UTF-16 code units): a section break over [0, 1), then each
 * paragraph's text, one index per inline element (page break, rule) and one for its newline. A table takes one index
 * before its first row, one at the start of each row and of each cell, and one after its last row: for an empty
 * table inserted at T, the first cell's content is at T + 4 ("cellContentIndex(T, r, c, C) = T + 4 + r * (1 + 2*C) +
 * 2*c", verified against the API in a-bonus/google-docs-mcp pull request #58; T + 1 is the table's start, as the API
 * adds a newline before a table it inserts).
 */
function layOut(
  children: readonly FakeElement[],
  first: number,
  layout: Omit<Layout, 'end' | 'content'>,
): { content: Json[]; end: number } {
  const content: Json[] = [];
  let index = first;
  for (const child of children) {
    if (child instanceof FakeParagraph) {
      const start = index;
      const textEnd = start + child.getText().length;
      const elements = textRuns(child, start);
      let at = textEnd;
      for (const inline of child.children) {
        const kind = inline.type === 'PAGE_BREAK' ? 'pageBreak' : 'horizontalRule';
        elements.push({ startIndex: at, endIndex: at + 1, [kind]: {} });
        at++;
      }
      // The newline closes the last text run (the API keeps them together), or runs alone after an inline element.
      const last = elements.at(-1) as { endIndex: number; textRun?: { content: string } } | undefined;
      if (last?.textRun && child.children.length === 0) {
        last.textRun.content += '\n';
        last.endIndex++;
      } else elements.push({ startIndex: at, endIndex: at + 1, textRun: { content: '\n', textStyle: {} } });
      const placed = { paragraph: child, start, textEnd, end: at + 1 };
      layout.paragraphs.push(placed);
      layout.byParagraph.set(child, placed);
      content.push({ startIndex: start, endIndex: placed.end, paragraph: { elements } });
      index = placed.end;
    } else if (child instanceof FakeTable) {
      const start = index;
      index++;
      const tableRows = child.children.map((row) => {
        const rowStart = index;
        index++;
        const tableCells = (row as FakeContainer).children.map((cell) => {
          const cellStart = index;
          const inner = layOut((cell as FakeContainer).children, cellStart + 1, layout);
          index = inner.end;
          return { startIndex: cellStart, endIndex: index, content: inner.content };
        });
        return { startIndex: rowStart, endIndex: index, tableCells };
      });
      index++;
      const columns = Math.max(0, ...tableRows.map((row) => row.tableCells.length));
      content.push({ startIndex: start, endIndex: index, table: { rows: tableRows.length, columns, tableRows } });
    } else {
      throw new Error(`The Docs fake does not lay out a ${child.type}.`);
    }
  }
  return { content, end: index };
}

function layOutBody(document: FakeDocument): Layout {
  const paragraphs: Placed[] = [];
  const byParagraph = new Map<FakeParagraph, Placed>();
  const body = layOut(document.body.children, 1, { paragraphs, byParagraph });
  const sectionBreak = { endIndex: 1, sectionBreak: { sectionStyle: { sectionType: 'CONTINUOUS' } } };
  return { content: [sectionBreak, ...body.content], paragraphs, byParagraph, end: body.end };
}

/** Document.namedRanges: name → {name, namedRanges: [{namedRangeId, name, ranges: [{startIndex, endIndex}]}]}. */
function namedRangesOf(document: FakeDocument, layout: Layout): Json {
  const out: Record<string, { name: string; namedRanges: Json[] }> = {};
  for (const range of document.getNamedRanges()) {
    const ranges = range.getRange().elements.map((element) => {
      const placed = layout.byParagraph.get(element.paragraph);
      if (!placed) throw new Error('The Docs fake lays out named ranges of the body only.');
      return { startIndex: placed.start + element.first, endIndex: placed.start + element.last + 1 };
    });
    const name = range.getName();
    out[name] ??= { name, namedRanges: [] };
    out[name].namedRanges.push({ namedRangeId: range.getId(), name, ranges });
  }
  return out;
}

// --- The `fields` mask: `a,b/c(d,e/f)`, as the partial-response syntax of Google APIs writes it -----------------

type Mask = Map<string, Mask | true>;

/** Parses a fields mask; a malformed one is the API's 400. */
export function parseFieldMask(fields: string): Mask {
  let at = 0;
  const fail = (): never => {
    throw new Error(`Invalid field selection ${fields}`);
  };
  const list = (): Mask => {
    const mask: Mask = new Map();
    do {
      const path = /^[A-Za-z]\w*(?:\/[A-Za-z]\w*)*/.exec(fields.slice(at))?.[0] ?? fail();
      at += path.length;
      let leaf: Mask | true = true;
      if (fields[at] === '(') {
        at++;
        leaf = list();
        if (fields[at] !== ')') fail();
        at++;
      }
      const names = path.split('/');
      let node = mask;
      names.forEach((name, i) => {
        if (i === names.length - 1) {
          node.set(name, leaf);
          return;
        }
        const next = node.get(name);
        const child: Mask = next instanceof Map ? next : new Map();
        node.set(name, child);
        node = child;
      });
    } while (fields[at] === ',' && ++at);
    return mask;
  };
  const mask = list();
  if (at !== fields.length) fail();
  return mask;
}

/** Keeps what the mask selects: an object's named fields, each element of a list. */
function applyMask(value: unknown, mask: Mask | true): unknown {
  if (mask === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => applyMask(item, mask));
  const out: Json = {};
  for (const [key, sub] of mask) if (key in value) out[key] = applyMask((value as Json)[key], sub);
  return out;
}

// --- Requests ----------------------------------------------------------------------------------------------------

/** The API's 400 for request `i`: the whole batch fails and nothing is applied. */
class RequestError extends Error {}

/** Characters the API strips out of inserted text: U+0000–U+0008, U+000C–U+001F and the BMP Private Use Area. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the API's own list of stripped control characters
const STRIPPED = /[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g;

/** A revision ID that changes whenever what the fake lays out changes: text, bold, named ranges (FNV-1a of the JSON). */
function revisionOf(document: FakeDocument): string {
  const layout = layOutBody(document);
  const json = JSON.stringify([layout.content, namedRangesOf(document, layout)]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193) >>> 0;
  return `fake-revision-${hash.toString(16)}`;
}

/** What a batch can undo: each paragraph's text, styles and named-range anchors, and the named ranges it removed. */
function snapshot(document: FakeDocument) {
  const paragraphs = document.body.getParagraphs().map((paragraph) => ({
    paragraph,
    text: paragraph.getText(),
    runs: paragraph.runs.map((run) => ({ ...run })),
    anchors: paragraph.anchors.map((anchor) => ({ anchor, saved: { ...anchor } })),
  }));
  return () => {
    for (const { paragraph, text, runs, anchors } of paragraphs) {
      paragraph.splice(0, paragraph.getText().length, text);
      paragraph.runs.splice(0, paragraph.runs.length, ...runs);
      paragraph.anchors.splice(0, paragraph.anchors.length, ...anchors.map(({ anchor }) => anchor));
      for (const { anchor, saved } of anchors) Object.assign(anchor, saved);
    }
  };
}

/** The paragraph whose text holds `start`..`end` (end exclusive; an empty stretch is an insertion point). */
function paragraphAt(layout: Layout, start: number, end: number): Placed | undefined {
  return layout.paragraphs.find((placed) => placed.start <= start && end <= placed.textEnd);
}

export class FakeDocsDocuments extends FakeObject {
  readonly service = 'Documents';
  /** Every batchUpdate's requests, as sent (a test's record; not an API). */
  readonly batches: Json[][] = [];

  constructor(private readonly documentApp: FakeDocumentApp) {
    super();
  }

  /** Documents.get(documentId, {fields}): the body and named ranges of the document's only tab, masked. */
  get(documentId: string, optionalArgs: { fields?: string } = {}): Json {
    const document = this.open(documentId, 'get');
    const layout = layOutBody(document);
    const whole: Json = {
      documentId,
      title: document.getName(),
      revisionId: revisionOf(document),
      body: { content: layout.content },
      namedRanges: namedRangesOf(document, layout),
    };
    if (optionalArgs.fields === undefined) return whole;
    let mask: Mask;
    try {
      mask = parseFieldMask(optionalArgs.fields);
    } catch (error) {
      throw this.failure('get', (error as Error).message);
    }
    return applyMask(whole, mask) as Json;
  }

  /**
   * Documents.batchUpdate({requests, writeControl}, documentId): applies the requests in order, each on the document
   * as the ones before it left it. The fake models insertText, deleteContentRange, createNamedRange and
   * deleteNamedRange in the body. If any request is invalid, the whole batch fails and nothing is applied (the API's
   * contract). A writeControl.requiredRevisionId that is not the document's current revision fails it too.
   */
  batchUpdate(
    resource: { requests?: Json[]; writeControl?: { requiredRevisionId?: string } },
    documentId: string,
  ): Json {
    const document = this.open(documentId, 'batchUpdate');
    const requests = resource.requests ?? [];
    this.batches.push(requests);
    const required = resource.writeControl?.requiredRevisionId;
    if (required !== undefined && required !== revisionOf(document)) {
      throw this.failure('batchUpdate', `The required revision ID ${required} does not match the latest revision.`);
    }
    const undo = snapshot(document);
    const created: FakeDocumentNamedRange[] = [];
    const removed: FakeDocumentNamedRange[] = [];
    try {
      const replies = requests.map((request, i) => this.apply(document, request, i, created, removed));
      return { documentId, replies, writeControl: { requiredRevisionId: revisionOf(document) } };
    } catch (error) {
      undo();
      for (const range of created) range.removed = true;
      for (const range of removed) range.removed = false;
      if (error instanceof RequestError) throw this.failure('batchUpdate', error.message);
      throw error;
    }
  }

  private apply(
    document: FakeDocument,
    request: Json,
    i: number,
    created: FakeDocumentNamedRange[],
    removed: FakeDocumentNamedRange[],
  ): Json {
    const kinds = Object.keys(request);
    if (kinds.length !== 1) throw new RequestError(`Invalid requests[${i}]: exactly one kind of request is required.`);
    const [kind] = kinds;
    const body = request[kind] as Json;
    const where = `Invalid requests[${i}].${kind}:`;
    const layout = layOutBody(document);
    const range = (value: unknown) => {
      const { startIndex, endIndex, segmentId } = (value ?? {}) as {
        startIndex?: number;
        endIndex?: number;
        segmentId?: string;
      };
      if (segmentId) throw new Error('The Docs fake edits the body only (no segmentId).');
      const start = startIndex ?? 0;
      const end = endIndex ?? 0;
      if (!(Number.isInteger(start) && Number.isInteger(end)) || end <= start) {
        throw new RequestError(`${where} The range should not be empty.`);
      }
      if (start < 1 || end > layout.end - 1) {
        throw new RequestError(
          `${where} Index ${end} must be less than the end index of the referenced segment, ${layout.end}.`,
        );
      }
      const placed = paragraphAt(layout, start, end);
      if (!placed) throw new Error('The Docs fake edits and names text inside one paragraph only.');
      return { placed, start, end };
    };
    switch (kind) {
      case 'insertText': {
        const { location, text } = body as { location?: { index?: number; segmentId?: string }; text?: unknown };
        if (location?.segmentId) throw new Error('The Docs fake edits the body only (no segmentId).');
        const index = location?.index ?? 0;
        if (!Number.isInteger(index) || index < 1 || index >= layout.end) {
          throw new RequestError(
            `${where} Index ${index} must be less than the end index of the referenced segment, ${layout.end}.`,
          );
        }
        const placed = paragraphAt(layout, index, index);
        if (!placed)
          throw new RequestError(`${where} The insertion index must be inside the bounds of an existing paragraph.`);
        const inserted = String(text ?? '').replace(STRIPPED, '');
        if (inserted.includes('\n'))
          throw new Error('The Docs fake does not split paragraphs (a newline in insertText).');
        placed.paragraph.splice(index - placed.start, 0, inserted.split(LINE_BREAK).join('\n'));
        return {};
      }
      case 'deleteContentRange': {
        const { placed, start, end } = range(body.range);
        placed.paragraph.splice(start - placed.start, end - start, '');
        return {};
      }
      case 'createNamedRange': {
        const name = body.name;
        if (typeof name !== 'string' || name.length < 1 || name.length > 256) {
          throw new RequestError(`${where} The name must be between 1 and 256 characters.`);
        }
        const { placed, start, end } = range(body.range);
        const element = new FakeRangeElement(placed.paragraph, start - placed.start, end - placed.start - 1);
        const namedRange = document.addNamedRange(name, new FakeDocumentRange([element]));
        created.push(namedRange);
        return { createNamedRange: { namedRangeId: namedRange.getId() } };
      }
      case 'deleteNamedRange': {
        const { namedRangeId, name } = body as { namedRangeId?: string; name?: string };
        const targets =
          namedRangeId !== undefined
            ? [document.getNamedRangeById(namedRangeId)].filter((found) => found !== null)
            : document.getNamedRanges(name ?? '');
        if (targets.length === 0) {
          throw new RequestError(`${where} The named range ${namedRangeId ?? name} does not exist.`);
        }
        for (const target of targets) {
          target.removed = true;
          removed.push(target);
        }
        return {};
      }
      default:
        throw new Error(`The Docs fake does not model ${kind} requests.`);
    }
  }

  private open(documentId: string, method: string): FakeDocument {
    const document = this.documentApp.documents.find((doc) => doc.getId() === documentId);
    if (!document) throw this.failure(method, 'Requested entity was not found.');
    return document;
  }

  /** The error Apps Script throws for a failed advanced-service call. */
  private failure(method: string, message: string): Error {
    return new Error(`API call to docs.documents.${method} failed with error: ${message}`);
  }
}

/** The `Docs` global of the advanced service (the part this project calls). */
export function fakeDocs(documents: FakeDocsDocuments): { Documents: FakeDocsDocuments } {
  return { Documents: documents };
}
