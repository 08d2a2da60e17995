// This file defines the pipeline in one readable place: read → validate → check templates → compute → ReportDocument.
import { sanitizeReportDocument } from './document-text';
import { describePeriod, inPeriod, type Period, periodFromSettings } from './fiscal-year';
import { a1, columnIndex, hasErrors, type Issue, type IssueDraft } from './issues';
import { finalizeIssue, type Language } from './messages';
import { shokaiYearPeriod } from './metrics';
import { isMissingYearSetting, matchKey, type RawWorkbook, readWorkbook } from './read-workbook';
import { reconcileProgramCosts } from './reconcile';
import type { Workbook } from './records';
import { buildReportDocument } from './report';
import type { ReportDocument, ReportKind } from './report-document';
import { buildShokaiDocument } from './report-shokai';
import { TABS, type TabDef, tabDef } from './schema';
import {
  checkTemplateParts,
  collectReferenceTargets,
  parseTemplate,
  type References,
  templateTexts,
} from './templates';
import { validateWorkbook } from './validate';
import { checkDocumentText } from './validate-text';

export interface CheckOptions {
  /**
   * `{{=…}}` targets resolved by the adapter: a map, or a function given the targets the templates use (so the
   * workbook is read once). Unresolved targets are errors.
   */
  readonly references?: References | ((targets: readonly string[]) => References);
  /** Message language; default 設定.報告書言語. */
  readonly language?: Language;
  /** An explicit year (CLI --year, the sidebar's year picker): 対象年度 may then be missing from 設定. */
  readonly year?: number;
}

export interface CheckResult {
  readonly workbook: Workbook;
  readonly issues: readonly Issue[];
}

export interface ReportRequest extends CheckOptions {
  readonly appendix?: boolean;
  /** 'jigyo' (default): the 事業報告書; 'shokai': the 職業紹介事業報告書, behind the same checks. */
  readonly kind?: ReportKind;
}

export type ReportResult =
  | { readonly ok: true; readonly report: ReportDocument; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Template problems located at their cells. */
function checkTemplates(workbook: Workbook, references: References): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const { tab, key, row, text } of templateTexts(workbook)) {
    const def: TabDef = tabDef(tab);
    const layout = workbook.layouts[tab];
    // templateTexts yields only text read from a column of the tab, so that column's header is always known.
    const location = {
      tab: layout.name ?? def.ja,
      cell: a1(layout.columns[key] ?? 0, row),
      column: layout.headers[key],
    };
    const parsed = parseTemplate(text);
    const problems = [...parsed.problems, ...checkTemplateParts(parsed.parts, workbook, references)];
    for (const problem of problems) {
      issues.push({
        ...location,
        severity: problem.severity,
        code: problem.code,
        value: problem.value,
        params: problem.params,
      });
    }
  }
  return issues;
}

const TAB_ORDER = new Map<string, number>();

/** Issues in workbook order: tab, then row, then column. */
function sortIssues(issues: Issue[]): Issue[] {
  if (TAB_ORDER.size === 0) {
    TABS.forEach((tab, index) => {
      TAB_ORDER.set(matchKey(tab.ja), index);
      TAB_ORDER.set(matchKey(tab.en), index);
    });
  }
  const position = (issue: Issue): [number, number, number] => {
    const match = /^([A-Z]+)(\d+)$/.exec(issue.cell);
    return [
      TAB_ORDER.get(matchKey(issue.tab)) ?? TABS.length,
      match ? Number(match[2]) : 0,
      match ? columnIndex(match[1]) : -1,
    ];
  };
  // Array.prototype.sort is stable (ES2019): issues at the same cell keep the order the stages made them in.
  return issues
    .map((issue) => ({ issue, key: position(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map((entry) => entry.issue);
}

/** Reads and checks everything that can be checked; bad data becomes issues, never exceptions. */
export function checkWorkbook(raw: RawWorkbook, options: CheckOptions = {}): CheckResult & { references: References } {
  const read = readWorkbook(raw);
  const workbook = read.workbook;
  const references = resolveReferences(workbook, options.references);
  const readIssues =
    options.year === undefined ? read.issues : read.issues.filter((issue) => !isMissingYearSetting(issue));
  const drafts = [
    ...readIssues,
    ...validateWorkbook(workbook),
    ...checkTemplates(workbook, references),
    ...checkDocumentText(workbook, raw),
    ...reconcileYear(workbook, options.year),
  ];
  const language = options.language ?? workbook.settings.language;
  return { workbook, references, issues: sortIssues(drafts.map((draft) => finalizeIssue(draft, language, raw.words))) };
}

/** The 活動計算書 reconciliation (reconcile.ts) of the year asked for, else of 対象年度; none without a year. */
function reconcileYear(workbook: Workbook, year: number | undefined): IssueDraft[] {
  const chosen = year ?? workbook.settings.fiscalYear;
  return chosen === null ? [] : reconcileProgramCosts(workbook, periodFromSettings(workbook.settings, chosen));
}

function resolveReferences(workbook: Workbook, given: CheckOptions['references']): References {
  if (typeof given === 'function') return given(collectReferenceTargets(workbook));
  return given ?? new Map();
}

/** A report of zeros is almost always the wrong 対象年度 or 年度開始月: worth a warning. */
function emptyYearIssue(workbook: Workbook, period: Period, language: Language): Issue | null {
  const candidateDays = (c: Workbook['candidates'][number]) => [c.firstContact, c.registered, c.hired, c.statusChanged];
  const hasRows =
    workbook.costs.some((cost) => inPeriod(cost.date, period)) ||
    workbook.events.some((event) => inPeriod(event.start, period)) ||
    workbook.candidates.some((candidate) => candidateDays(candidate).some((day) => inPeriod(day, period)));
  if (hasRows) return null;
  const { start, end } = describePeriod(period);
  const layout = workbook.layouts.settings;
  return finalizeIssue(
    {
      severity: 'warning',
      code: 'no_data_for_year',
      tab: layout.name ?? '設定',
      cell: 'A1',
      column: '',
      value: String(period.year),
      params: { expected: `${start}〜${end}` },
    },
    language,
  );
}

/** Checks, then builds the report when there is no error; warnings travel with the report. */
export function makeReport(raw: RawWorkbook, request: ReportRequest = {}): ReportResult {
  const { workbook, issues, references } = checkWorkbook(raw, request);
  const year = request.year ?? workbook.settings.fiscalYear;
  if (hasErrors(issues) || year === null) return { ok: false, issues };
  const shokai = request.kind === 'shokai';
  const period = shokai ? shokaiYearPeriod(year) : periodFromSettings(workbook.settings, year);
  const empty = emptyYearIssue(workbook, period, request.language ?? workbook.settings.language);
  try {
    const report = shokai
      ? buildShokaiDocument(workbook, year)
      : buildReportDocument(workbook, {
          period,
          references,
          appendix: request.appendix,
          language: request.language,
        });
    return { ok: true, report: sanitizeReportDocument(report), issues: empty ? [empty, ...issues] : issues };
  } catch (error) {
    // A bug in a metric or the builder must still reach the user as an issue, not as a crash.
    const draft: IssueDraft = {
      severity: 'error',
      code: 'internal_error',
      tab: workbook.layouts.settings.name ?? '設定',
      cell: 'A1',
      column: '',
      value: error instanceof Error ? error.message : String(error),
    };
    return { ok: false, issues: [...issues, finalizeIssue(draft, request.language ?? workbook.settings.language)] };
  }
}
