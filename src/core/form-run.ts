// This file defines テンプレートから作成 behind both doors: the check list of a form's placeholders (each with its value
// or problem and where it is) and its filled copy, with opening the form, writing the copy and 様式 rows injected.
import {
  checkForm,
  type FormCheck,
  type FormParagraph,
  type FormPlace,
  type FormReplacement,
  fillForm,
} from './form-template';
import { hasErrors, type Issue } from './issues';
import { finalizeIssue, formPlaceText, formValueLine, type Language } from './messages';
import type { CheckOptions } from './pipeline';
import { type RawWorkbook, readWorkbook } from './read-workbook';
import type { FormRecord } from './records';

/** A form as its adapter read it (once): its name, its paragraphs in document order, and how to write its copy. */
export interface OpenedForm {
  readonly name: string;
  /** The form's address as the 様式 tab keeps it. */
  readonly url: string;
  readonly paragraphs: readonly FormParagraph[];
  /** Parts of the form the copy leaves out (a table of contents): where each was, and its element type. */
  readonly skipped: readonly { readonly place: FormPlace; readonly element: string }[];
  /** Writes the filled copy as a new document named `name`: where it is. */
  readonly write: (fills: ReadonlyMap<number, readonly FormReplacement[]>, name: string) => { readonly url: string };
}

/** What the form side needs from its door (Apps Script: DocumentApp and the 様式 and 生成履歴 tabs). */
export interface FormDoors {
  /** Reads the workbook afresh, with the lookup of `{{=…}}` references. */
  readonly read: () => { readonly raw: RawWorkbook; readonly references?: CheckOptions['references'] };
  /** Runs `work` while holding the document lock; 'busy' when someone else holds it. */
  readonly exclusive: <T>(work: () => T) => T | 'busy';
  /** Opens the form at `url` (a document address, see `formAddress`); null when it cannot be read. */
  readonly open: (url: string) => OpenedForm | null;
  /** The copy's name, made once per run: `{form}_{年度}年度 (生成 日時)`. */
  readonly copyName: (formName: string, year: number) => string;
  /** Adds the form's 様式 row, or renames the row of the same document (`row`, 1-based) when its name changed. */
  readonly remember: (form: { readonly name: string; readonly url: string }, action: FormRowAction) => void;
  /** Records the copy (生成履歴). */
  readonly logRun: (run: {
    readonly year: number;
    readonly url: string;
    readonly warnings: number;
    readonly formName: string;
  }) => void;
}

/** What a use of a form does to 様式: nothing, a new row, or a new name in the row that has its document. */
export type FormRowAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'append' }
  | { readonly kind: 'rename'; readonly row: number };

/** A form staff used before, as the sidebar offers it. */
export interface FormEntry {
  readonly name: string;
  readonly url: string;
}

/** One placeholder of the check list: where, and its value line or its problems. */
export interface PlaceholderView {
  readonly severity: 'ok' | 'warning' | 'error';
  readonly where: string;
  readonly source: string;
  /** `本文 3段落目 {{就職者数}} → 34` when it has a value; null when an error stops it. */
  readonly line: string | null;
  readonly problems: readonly string[];
}

/** An issue as the form list shows it (the workbook's keep their tab and cell: the sidebar links them). */
export interface FormIssueView {
  readonly severity: 'error' | 'warning';
  readonly tab: string;
  readonly cell: string;
  readonly message: string;
}

export type FormCheckResponse =
  | {
      readonly kind: 'checked';
      readonly name: string;
      readonly url: string;
      readonly year: number | null;
      /** True when the copy can be made: no error in the workbook or the form. */
      readonly ok: boolean;
      readonly placeholders: readonly PlaceholderView[];
      /** The form's issues that belong to no placeholder (stray braces, none at all, parts left out). */
      readonly formIssues: readonly FormIssueView[];
      /** The workbook's errors (they stop the copy too), each a link to its cell. */
      readonly workbookErrors: readonly FormIssueView[];
    }
  | { readonly kind: 'unreadable'; readonly message: string };

export type FormCreateResponse =
  | { readonly kind: 'created'; readonly url: string; readonly name: string; readonly warnings: number }
  | { readonly kind: 'busy' }
  | FormCheckResponse;

/** The longest address the page may send (a Docs URL is about 100 characters). */
const MAX_ADDRESS = 2000;

/**
 * A Google Doc's address from what staff typed or chose: its URL (any /document/d/ID/… form) or its bare ID, as
 * `https://docs.google.com/document/d/ID/edit`; null for anything else. Untrusted: bounded, one linear match.
 */
export function formAddress(typed: unknown): string | null {
  if (typeof typed !== 'string' || typed.length > MAX_ADDRESS) return null;
  const text = typed.trim();
  const id =
    /^https:\/\/docs\.google\.com\/document\/(?:u\/\d{1,3}\/)?d\/([\w-]{10,200})(?:[/?#]|$)/.exec(text)?.[1] ??
    /^[\w-]{25,200}$/.exec(text)?.[0];
  return id ? `https://docs.google.com/document/d/${id}/edit` : null;
}

/** The forms of 様式 with a readable address, each document once (its last row wins), the latest row first. */
export function formEntries(forms: readonly FormRecord[]): FormEntry[] {
  const entries = new Map<string, FormEntry>();
  for (const record of forms) {
    const url = formAddress(record.formUrl);
    if (!url) continue;
    entries.delete(url);
    entries.set(url, { name: record.formName?.trim() || url, url });
  }
  return [...entries.values()].reverse();
}

/** What remembering `form` does to 様式: its document's row is renamed when the name changed, else a new row. */
export function formRowAction(
  forms: readonly FormRecord[],
  form: { readonly name: string; readonly url: string },
): FormRowAction {
  const same = forms.filter((record) => formAddress(record.formUrl) === form.url);
  if (same.length === 0) return { kind: 'append' };
  const last = same[same.length - 1];
  return last.formName?.trim() === form.name ? { kind: 'none' } : { kind: 'rename', row: last.row };
}

function issueView(issue: Issue): FormIssueView {
  return { severity: issue.severity, tab: issue.tab, cell: issue.cell, message: issue.message };
}

/** The check as the sidebar lists it. */
function checkView(form: OpenedForm, check: FormCheck, skipped: readonly Issue[]): FormCheckResponse {
  const language = check.language;
  const placeholders = check.placeholders.map((p): PlaceholderView => {
    const where = formPlaceText(p.place, language);
    const error = hasErrors(p.issues);
    const value = p.table ? { tableRows: p.table.rows.length } : { text: p.text };
    return {
      severity: error ? 'error' : p.issues.length > 0 ? 'warning' : 'ok',
      where,
      source: p.source,
      line: error ? null : formValueLine(where, p.source, value, language),
      problems: p.issues.map((issue) => issue.message),
    };
  });
  const ofPlaceholders = new Set(check.placeholders.flatMap((p) => p.issues));
  return {
    kind: 'checked',
    name: form.name,
    url: form.url,
    year: check.year,
    ok: check.ok,
    placeholders,
    formIssues: [...check.formIssues.filter((issue) => !ofPlaceholders.has(issue)), ...skipped].map(issueView),
    workbookErrors: check.workbookIssues.filter((issue) => issue.severity === 'error').map(issueView),
  };
}

interface Checked {
  readonly form: OpenedForm;
  readonly check: FormCheck;
  /** The 様式 rows of the same read. */
  readonly forms: readonly FormRecord[];
  readonly skipped: readonly Issue[];
}

/** Reads the workbook and the form once each and checks them; the report language when the form cannot be opened. */
function checkOnce(doors: FormDoors, address: string, year: number | undefined): Checked | { unreadable: Language } {
  const { raw, references } = doors.read();
  const { workbook } = readWorkbook(raw, { tabs: ['settings', 'forms'] });
  const form = doors.open(address);
  if (!form) return { unreadable: workbook.settings.language };
  const check = checkForm(raw, form.paragraphs, { formName: form.name, references, year });
  const skipped = form.skipped.map((part) =>
    finalizeIssue(
      {
        severity: 'warning',
        code: 'form_element_skipped',
        tab: form.name,
        cell: formPlaceText(part.place, check.language),
        column: '',
        value: part.element,
      },
      check.language,
    ),
  );
  return { form, check, forms: workbook.forms, skipped };
}

function unreadable(typed: unknown, language: Language): FormCheckResponse {
  const shown = typeof typed === 'string' ? typed.slice(0, 120) : '';
  const issue = finalizeIssue(
    { severity: 'error', code: 'form_unreadable', tab: '', cell: '', column: '', value: shown },
    language,
  );
  return { kind: 'unreadable', message: issue.message };
}

/** The check list of the form at `typed` (URL or ID) for `year`; writes nothing. */
export function previewForm(doors: FormDoors, typed: unknown, year?: number): FormCheckResponse {
  const address = formAddress(typed);
  if (!address) return unreadable(typed, 'ja');
  const result = checkOnce(doors, address, year);
  if ('unreadable' in result) return unreadable(typed, result.unreadable);
  return checkView(result.form, result.check, result.skipped);
}

/**
 * テンプレートから作成: lock, read the workbook and the form once, check; any error → the check list and nothing
 * written. Otherwise the filled copy as a new document, a 生成履歴 row, and the form remembered in 様式.
 */
export function createFromForm(doors: FormDoors, typed: unknown, year?: number): FormCreateResponse {
  const address = formAddress(typed);
  if (!address) return unreadable(typed, 'ja');
  const outcome = doors.exclusive((): FormCreateResponse => {
    const result = checkOnce(doors, address, year);
    if ('unreadable' in result) return unreadable(typed, result.unreadable);
    const { form, check, forms, skipped } = result;
    const fills = fillForm(check);
    if (!fills || check.year === null) return checkView(form, check, skipped);
    const name = doors.copyName(form.name, check.year);
    const written = form.write(fills, name);
    const warnings = check.workbookIssues.length + check.formIssues.length + skipped.length;
    doors.logRun({ year: check.year, url: written.url, warnings, formName: form.name });
    doors.remember({ name: form.name, url: form.url }, formRowAction(forms, form));
    return { kind: 'created', url: written.url, name, warnings };
  });
  return outcome === 'busy' ? { kind: 'busy' } : outcome;
}
