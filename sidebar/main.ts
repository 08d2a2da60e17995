// This file defines the sidebar: year picker, dashboard with a cost chart, issue links, report preview and generate button.
import type {
  Dashboard,
  GenerateResponse,
  IssueView,
  PreviewResponse,
  SidebarState,
  UpdateResponse,
} from '../src/core/sidebar-api';
import { byId, fill, h } from './dom';
import { initForms } from './forms';
import { callServer, failureMessage } from './server';
import { formatNumber, type Language, type SidebarText, TEXT } from './text';

/** Longer lists are cut: thousands of buttons make the sidebar sluggish, and 入力チェック in the menu lists them all. */
const MAX_LISTED_ISSUES = 100;

const orgLine = byId('org');
const yearSelect = byId<HTMLSelectElement>('year');
const refreshButton = byId<HTMLButtonElement>('refresh');
const alertBox = byId('alert');
const dashboardBox = byId('dashboard');
const issuesBox = byId('issues');
const generateButton = byId<HTMLButtonElement>('generate');
const generateShokaiButton = byId<HTMLButtonElement>('generate-shokai');
const updateButton = byId<HTMLButtonElement>('update');
const generateNote = byId('generate-note');
const generateResult = byId('generate-result');
const previewDetails = byId<HTMLDetailsElement>('preview');
const previewBody = byId('preview-body');

let text: SidebarText = TEXT.ja;
/** The year on screen; undefined before the first load or when 設定 has no 対象年度 (the server then picks). */
let currentYear: number | undefined;
let hasState = false;
let generating = false;
/** False when the preview must be rebuilt the next time it is opened (new year, refreshed data). */
let previewFresh = false;
// A slow answer for an older request must never overwrite a newer one.
let loadSequence = 0;
let previewSequence = 0;

function applyLanguage(language: Language): void {
  text = TEXT[language] ?? TEXT.ja;
  document.documentElement.lang = language;
  document.title = text.title;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-text]'))) {
    if ((node === generateButton || node === generateShokaiButton || node === updateButton) && generating) continue;
    const value = text[node.dataset.text as keyof SidebarText];
    if (typeof value === 'string') node.textContent = value;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

function showAlert(message: string, error?: unknown, retry?: () => void): void {
  fill(
    alertBox,
    h('p', {}, message),
    error !== undefined && h('p', { className: 'detail' }, failureMessage(error)),
    retry &&
      h(
        'button',
        {
          attrs: { type: 'button' },
          onClick: () => {
            alertBox.hidden = true;
            retry();
          },
        },
        text.retry,
      ),
  );
  alertBox.hidden = false;
}

/** A failed server call, in the place where its result would have appeared. */
function failureBox(message: string, error: unknown, retry?: () => void): HTMLElement {
  return h(
    'div',
    { className: 'message error', attrs: { role: 'alert' } },
    h('p', {}, message),
    h('p', { className: 'detail' }, failureMessage(error)),
    retry && h('button', { attrs: { type: 'button' }, onClick: retry }, text.retry),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Loading the state: one server call on open

function load(year?: number): void {
  const sequence = ++loadSequence;
  yearSelect.disabled = true;
  refreshButton.disabled = true;
  dashboardBox.setAttribute('aria-busy', 'true');
  const call = year === undefined ? callServer('sidebarLoad') : callServer('sidebarLoad', year);
  call
    .then((state) => {
      if (sequence === loadSequence) showState(state);
    })
    .catch((error: unknown) => {
      if (sequence !== loadSequence) return;
      if (!hasState) fill(dashboardBox);
      showAlert(text.loadFailed, error, () => load(year));
    })
    .then(() => {
      if (sequence !== loadSequence) return;
      yearSelect.disabled = yearSelect.options.length === 0;
      refreshButton.disabled = false;
      dashboardBox.setAttribute('aria-busy', 'false');
    });
}

function showState(state: SidebarState): void {
  hasState = true;
  alertBox.hidden = true;
  applyLanguage(state.language);
  fill(orgLine, state.orgName);
  const year = state.year ?? undefined;
  // A result (「作成しました」, busy, errors) belongs to the year it was made for: another year starts clean.
  if (year !== currentYear) fill(generateResult);
  currentYear = year;
  showYears(state);
  showDashboard(state.dashboard);
  formsSection.showForms(state.forms);
  fill(issuesBox, ...issueSummary(state.issues));
  generateNote.hidden = state.errorCount === 0;
  fill(generateNote, text.fixErrorsFirst(state.errorCount));
  generateButton.disabled = generating || state.year === null;
  generateShokaiButton.disabled = generateButton.disabled;
  updateButton.disabled = generateButton.disabled;
  previewFresh = false;
  if (previewDetails.open) loadPreview();
}

function showYears(state: SidebarState): void {
  const years = state.years.slice();
  if (state.year !== null && years.indexOf(state.year) < 0) years.push(state.year);
  years.sort((a, b) => b - a);
  const options = years.map((year) => h('option', { attrs: { value: String(year) } }, text.yearOption(year)));
  if (state.year === null) options.unshift(h('option', { attrs: { value: '' } }, text.noYearOption));
  fill(yearSelect, ...options);
  yearSelect.value = state.year === null ? '' : String(state.year);
}

// ---------------------------------------------------------------------------------------------------------------
// Dashboard

function showDashboard(dashboard: Dashboard | null): void {
  if (dashboard === null) {
    fill(dashboardBox, h('p', { className: 'muted' }, text.noYear));
    return;
  }
  const figures = dashboard.figures.map((figure) =>
    h(
      'div',
      { className: 'figure', attrs: { 'data-metric': figure.metric } },
      h('dt', {}, figure.label),
      h(
        'dd',
        {},
        h('span', { className: 'value' }, formatNumber(figure.value)),
        figure.unit && h('span', { className: 'unit' }, figure.unit),
      ),
    ),
  );
  // Bars are scaled to the largest 事業費; a refund-heavy (negative) total draws no bar.
  const largest = Math.max(0, ...dashboard.costs.map((cost) => cost.yen));
  const bars = dashboard.costs.map((cost) => {
    const bar = h('span', { className: 'bar-fill' });
    bar.style.width = `${largest > 0 ? ((Math.max(0, cost.yen) / largest) * 100).toFixed(1) : '0'}%`;
    return h(
      'li',
      { className: 'cost' },
      h('span', { className: 'cost-name' }, cost.program),
      h('span', { className: 'cost-yen' }, text.yen(formatNumber(cost.yen))),
      h('span', { className: 'bar', attrs: { 'aria-hidden': 'true' } }, bar),
    );
  });
  fill(
    dashboardBox,
    // Figures whose tabs the workbook lacks (no 候補者 or イベント tab) are left out by the server, not shown as 0.
    figures.length > 0 && h('dl', { className: 'figures' }, ...figures),
    h('h3', {}, text.costs),
    h('ul', { className: 'chart', attrs: { 'aria-label': text.costs } }, ...bars),
    h(
      'p',
      { className: 'total' },
      h('span', {}, text.totalCost),
      h('span', { className: 'cost-yen' }, text.yen(formatNumber(dashboard.totalCost))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Issues: each one a button that selects its cell in the sheet

function issueSummary(issues: readonly IssueView[]): Node[] {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  if (issues.length === 0) return [h('p', { className: 'summary ok' }, text.noIssues)];
  return [
    h(
      'p',
      { className: errors > 0 ? 'summary has-errors' : 'summary' },
      text.issueSummary(errors, issues.length - errors),
    ),
    ...issueLinks(issues),
  ];
}

/** What stopped the preview or the report: the errors (warnings do not block and stay in the main list). */
function blockingLinks(issues: readonly IssueView[]): Node[] {
  const errors = issues.filter((issue) => issue.severity === 'error');
  return issueLinks(errors.length > 0 ? errors : issues);
}

function issueLinks(issues: readonly IssueView[]): Node[] {
  const list = h('ul', { className: 'issues' }, ...issues.slice(0, MAX_LISTED_ISSUES).map(issueItem));
  if (issues.length <= MAX_LISTED_ISSUES) return [list];
  return [list, h('p', { className: 'muted' }, text.moreIssues(issues.length - MAX_LISTED_ISSUES))];
}

function issueItem(issue: IssueView): HTMLLIElement {
  const where = `${issue.tab}!${issue.cell}`;
  return h(
    'li',
    {},
    h(
      'button',
      {
        className: `issue ${issue.severity === 'error' ? 'error' : 'warning'}`,
        attrs: { type: 'button', title: text.selectCellHint },
        onClick: () => selectCell(issue.tab, issue.cell, where),
      },
      h(
        'span',
        { className: 'issue-where' },
        h('span', { className: 'badge' }, text.severity[issue.severity === 'error' ? 'error' : 'warning']),
        where,
      ),
      h('span', { className: 'issue-message' }, issue.message),
    ),
  );
}

function selectCell(tab: string, cell: string, where: string): void {
  callServer('sidebarSelectCell', tab, cell).then(
    (selected) => {
      if (selected) alertBox.hidden = true;
      else showAlert(text.cellMissing(where));
    },
    (error: unknown) => showAlert(text.selectFailed, error),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Preview: built on demand, so opening the sidebar costs one server call

function loadPreview(): void {
  const sequence = ++previewSequence;
  previewFresh = true;
  fill(previewBody, h('p', { className: 'muted progress' }, h('span', { className: 'spinner' }), text.previewLoading));
  const call = currentYear === undefined ? callServer('sidebarPreview') : callServer('sidebarPreview', currentYear);
  call
    .then((preview) => {
      if (sequence === previewSequence) showPreview(preview);
    })
    .catch((error: unknown) => {
      if (sequence !== previewSequence) return;
      previewFresh = false;
      fill(previewBody, failureBox(text.previewFailed, error, loadPreview));
    });
}

function showPreview(preview: PreviewResponse): void {
  if (preview.html === null) {
    fill(
      previewBody,
      h('div', { className: 'message error' }, h('p', {}, text.previewBlocked), ...blockingLinks(preview.issues)),
    );
    return;
  }
  const report = h('div', { className: 'report' });
  // The sidebar's only innerHTML. It is safe because this markup comes from the core's renderReportBody
  // (src/core/render-html.ts), which emits fixed tags only and passes every workbook text through escapeHtml;
  // nothing here adds cell text to it. Everything else on the page is built from text nodes (dom.ts).
  report.innerHTML = preview.html;
  fill(previewBody, report);
}

// ---------------------------------------------------------------------------------------------------------------
// Generate

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A made or updated document: a link when it has a web address (a Doc), its name alone when it is a local file. */
function documentLink(url: string, name: string): HTMLElement {
  return isWebUrl(url)
    ? h('a', { attrs: { href: url, target: '_blank', rel: 'noopener' } }, name)
    : h('span', {}, name);
}

function showOutcome(outcome: GenerateResponse): void {
  switch (outcome.kind) {
    case 'created': {
      const link = documentLink(outcome.url, outcome.name);
      fill(
        generateResult,
        h(
          'div',
          { className: 'message success' },
          h('p', {}, text.created),
          h('p', { className: 'doc-link' }, link),
          outcome.warnings > 0 && h('p', { className: 'detail' }, text.createdWarnings(outcome.warnings)),
        ),
      );
      return;
    }
    case 'busy':
      fill(generateResult, h('div', { className: 'message warning', attrs: { role: 'alert' } }, h('p', {}, text.busy)));
      return;
    case 'invalid':
      fill(
        generateResult,
        h(
          'div',
          { className: 'message error', attrs: { role: 'alert' } },
          h('p', {}, text.invalid),
          ...blockingLinks(outcome.issues),
        ),
      );
      return;
    default:
      fill(generateResult, failureBox(text.generateFailed, `unexpected response ${JSON.stringify(outcome)}`));
  }
}

/** Both reports share the result area; the button pressed shows the progress. */
function generate(kind: 'jigyo' | 'shokai'): void {
  if (generating) return;
  generating = true;
  const button = kind === 'shokai' ? generateShokaiButton : generateButton;
  generateButton.disabled = true;
  generateShokaiButton.disabled = true;
  updateButton.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = text.generating;
  fill(
    generateResult,
    h('p', { className: 'muted progress' }, h('span', { className: 'spinner' }), text.generatingNote),
  );
  const year = currentYear;
  const call =
    kind === 'shokai'
      ? callServer('sidebarGenerate', year ?? null, kind)
      : year === undefined
        ? callServer('sidebarGenerate')
        : callServer('sidebarGenerate', year);
  // Shown only while the sidebar still shows the year it was made for; 生成履歴 keeps every report either way.
  const stillShown = () => currentYear === year;
  call
    .then((outcome) => (stillShown() ? showOutcome(outcome) : fill(generateResult)))
    .catch((error: unknown) =>
      stillShown() ? fill(generateResult, failureBox(text.generateFailed, error)) : fill(generateResult),
    )
    .then(() => {
      generating = false;
      generateButton.disabled = false;
      generateShokaiButton.disabled = false;
      updateButton.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = kind === 'shokai' ? text.generateShokai : text.generate;
    });
}

function showUpdate(outcome: UpdateResponse): void {
  switch (outcome.kind) {
    case 'updated': {
      const link = documentLink(outcome.url, outcome.name);
      fill(
        generateResult,
        h(
          'div',
          { className: 'message success' },
          h('p', { className: 'doc-link' }, link),
          h('ul', { className: 'update-lines' }, ...outcome.lines.map((line) => h('li', {}, line))),
          outcome.warnings > 0 && h('p', { className: 'detail' }, text.createdWarnings(outcome.warnings)),
        ),
      );
      return;
    }
    case 'unavailable':
      fill(
        generateResult,
        h('div', { className: 'message warning', attrs: { role: 'alert' } }, h('p', {}, outcome.message)),
      );
      return;
    case 'busy':
    case 'invalid':
      showOutcome(outcome);
      return;
    default:
      fill(generateResult, failureBox(text.updateFailed, `unexpected response ${JSON.stringify(outcome)}`));
  }
}

/** 報告書の数字を更新 of the year on screen: the last 事業報告書 of that year in 生成履歴. */
function updateFigures(): void {
  if (generating) return;
  generating = true;
  generateButton.disabled = true;
  generateShokaiButton.disabled = true;
  updateButton.disabled = true;
  updateButton.setAttribute('aria-busy', 'true');
  updateButton.textContent = text.updating;
  fill(generateResult, h('p', { className: 'muted progress' }, h('span', { className: 'spinner' }), text.updatingNote));
  const year = currentYear;
  const stillShown = () => currentYear === year;
  (year === undefined ? callServer('sidebarUpdate') : callServer('sidebarUpdate', year))
    .then((outcome) => (stillShown() ? showUpdate(outcome) : fill(generateResult)))
    .catch((error: unknown) =>
      stillShown() ? fill(generateResult, failureBox(text.updateFailed, error)) : fill(generateResult),
    )
    .then(() => {
      generating = false;
      generateButton.disabled = false;
      generateShokaiButton.disabled = false;
      updateButton.disabled = false;
      updateButton.removeAttribute('aria-busy');
      updateButton.textContent = text.update;
    });
}

// ---------------------------------------------------------------------------------------------------------------

yearSelect.addEventListener('change', () => {
  if (yearSelect.value !== '') load(Number(yearSelect.value));
});
refreshButton.addEventListener('click', () => load(currentYear));
generateButton.addEventListener('click', () => generate('jigyo'));
generateShokaiButton.addEventListener('click', () => generate('shokai'));
updateButton.addEventListener('click', updateFigures);
previewDetails.addEventListener('toggle', () => {
  if (previewDetails.open && !previewFresh) loadPreview();
});

// テンプレートから作成: its own section (sidebar/forms.ts), sharing the year, the wording and the issue links.
const formsSection = initForms({
  text: () => text,
  year: () => currentYear,
  issueLinks,
  failureBox: (message, error) => failureBox(message, error),
  refresh: () => load(currentYear),
});

load();
