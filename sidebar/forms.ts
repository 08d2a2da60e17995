// This file defines the sidebar's テンプレートから作成 section: pick a Google Doc form (used before, from 様式, or by
// URL), list each placeholder with its value or its problem and where it is, and create the filled copy.
import type { FormCheckResponse, FormCreateResponse, FormEntry, PlaceholderView } from '../src/core/form-run';
import type { IssueView } from '../src/core/sidebar-api';
import { byId, fill, h } from './dom';
import { callServer } from './server';
import type { SidebarText } from './text';

/** What the section borrows from the rest of the sidebar. */
export interface FormsContext {
  readonly text: () => SidebarText;
  /** The year on screen (undefined: 設定.対象年度). */
  readonly year: () => number | undefined;
  /** The workbook's errors as links to their cells. */
  readonly issueLinks: (issues: readonly IssueView[]) => Node[];
  readonly failureBox: (message: string, error: unknown) => HTMLElement;
  /** Reloads the sidebar's state: a form just used is then among those used before. */
  readonly refresh: () => void;
}

/** A link only for a web address (a Doc URL); anything else is shown as text. */
function docLink(url: string, name: string): HTMLElement {
  return /^https:\/\//i.test(url)
    ? h('a', { attrs: { href: url, target: '_blank', rel: 'noopener' } }, name)
    : h('span', {}, name);
}

function placeholderItem(placeholder: PlaceholderView): HTMLLIElement {
  return h(
    'li',
    { className: `form-line ${placeholder.severity}` },
    placeholder.line ?? `${placeholder.where} ${placeholder.source}`,
    ...placeholder.problems.map((problem) => h('span', { className: 'issue-message' }, problem)),
  );
}

/** Wires the section; `showForms` refreshes the list of forms used before (each sidebarLoad). */
export function initForms(context: FormsContext): { showForms(forms: readonly FormEntry[]): void } {
  const details = byId<HTMLDetailsElement>('forms');
  const pick = byId<HTMLSelectElement>('form-pick');
  const url = byId<HTMLInputElement>('form-url');
  const check = byId<HTMLButtonElement>('form-check');
  const create = byId<HTMLButtonElement>('form-create');
  const result = byId('form-result');
  let busy = false;

  const address = () => url.value.trim() || pick.value;

  function showCheck(response: FormCheckResponse): void {
    const text = context.text();
    if (response.kind === 'unreadable') {
      fill(result, h('div', { className: 'message error', attrs: { role: 'alert' } }, h('p', {}, response.message)));
      return;
    }
    const formIssues = response.formIssues.map((issue) =>
      h('li', { className: `form-line ${issue.severity}` }, `${issue.cell} ${issue.message}`.trim()),
    );
    fill(
      result,
      h(
        'div',
        { className: response.ok ? 'message success' : 'message error' },
        h('p', {}, response.ok ? text.formReady : text.formBlocked),
        h('p', { className: 'doc-link' }, docLink(response.url, response.name)),
      ),
      response.workbookErrors.length > 0 && h('p', {}, text.invalid),
      ...(response.workbookErrors.length > 0 ? context.issueLinks(response.workbookErrors) : []),
      h('ul', { className: 'form-lines' }, ...response.placeholders.map(placeholderItem), ...formIssues),
    );
  }

  function showCreate(response: FormCreateResponse): void {
    const text = context.text();
    if (response.kind === 'created') {
      fill(
        result,
        h(
          'div',
          { className: 'message success' },
          h('p', {}, text.created),
          h('p', { className: 'doc-link' }, docLink(response.url, response.name)),
          response.warnings > 0 && h('p', { className: 'detail' }, text.createdWarnings(response.warnings)),
        ),
      );
      context.refresh();
    } else if (response.kind === 'busy') {
      fill(result, h('div', { className: 'message warning', attrs: { role: 'alert' } }, h('p', {}, text.busy)));
    } else showCheck(response);
  }

  /** One request at a time; the result area shows progress, then the answer or the failure. */
  function run(kind: 'check' | 'create'): void {
    if (busy) return;
    const typed = address();
    const text = context.text();
    if (typed === '') {
      fill(result, h('p', { className: 'note-error' }, text.formNone));
      return;
    }
    busy = true;
    check.disabled = true;
    create.disabled = true;
    fill(result, h('p', { className: 'muted progress' }, h('span', { className: 'spinner' }), text.formWorking));
    const year = context.year() ?? null;
    const call =
      kind === 'check'
        ? callServer('sidebarFormCheck', typed, year).then(showCheck)
        : callServer('sidebarFormCreate', typed, year).then(showCreate);
    call
      .catch((error: unknown) =>
        fill(result, context.failureBox(kind === 'check' ? text.formCheckFailed : text.generateFailed, error)),
      )
      .then(() => {
        busy = false;
        check.disabled = false;
        create.disabled = false;
      });
  }

  check.addEventListener('click', () => run('check'));
  create.addEventListener('click', () => run('create'));
  // テンプレートから作成 in the menu opens the sidebar here (src/gas/dialogs.ts appends this one fixed word).
  window.addEventListener('load', () => {
    if ((window as { jhSection?: unknown }).jhSection === 'forms') {
      details.open = true;
      details.scrollIntoView();
    }
  });

  return {
    showForms(forms) {
      const text = context.text();
      const chosen = pick.value;
      fill(
        pick,
        h('option', { attrs: { value: '' } }, forms.length > 0 ? text.formPickPrompt : text.formPickNone),
        ...forms.map((form) => h('option', { attrs: { value: form.url } }, form.name)),
      );
      pick.value = forms.some((form) => form.url === chosen) ? chosen : '';
    },
  };
}
