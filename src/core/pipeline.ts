// This file defines the pipeline in one readable place: read → validate → check templates → compute → ReportDocument.
import { sanitizeReportDocument } from './document-text';
import { describePeriod, inPeriod, type Period, periodFromSettings } from './fiscal-year';
import { a1, columnIndex, hasErrors, type Issue, type IssueDraft } from './issues';
import { finalizeIssue, type Language } from './messages';
import { shokaiYearPeriod } from './metrics';
import { isMissingYearSetting, matchKey, type RawWorkbook, type ReadResult, readWorkbook } from './read-workbook';
import { reconcileProgramCosts } from './reconcile';
import type { TabLayout, Workbook } from './records';
import { buildReportDocument } from './report';
import type { ReportDocument, ReportKind } from './report-document';
import { buildShokaiDocument } from './report-shokai';
import { type ColumnDef, TABS, type TabDef, type TabKey, tabDef } from './schema';
import {
  checkTemplateParts,
  collectReferenceTargets,
  parseTemplate,
  type References,
  templateTexts,
} from './templates';
import { type TabScope, VALIDATORS, validateWorkbook } from './validate';
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
  return checkRead(raw, readWorkbook(raw), options);
}

/**
 * The tabs that can be read and validated apart from the others (checkTabAlone): no check of another tab reads their
 * records beyond the columns other tabs refer to, except 費用's reconciliation, which goes with 費用. (イベント cannot:
 * the template checks read its 種別.)
 */
export type PartKey = 'candidates' | 'costs';

/**
 * One tab read and validated by itself (checkTabAlone), as the local runner does 候補者 and 費用 in a worker thread
 * while its main thread reads the rest: all that checkWorkbookWith needs of it, and no record.
 */
export interface TabChecked {
  readonly key: PartKey;
  readonly layout: TabLayout;
  /** The tab's values of the columns other tabs refer to (候補者ID), in row order: all their checks need of it. */
  readonly referred: Readonly<Record<string, readonly unknown[]>>;
  /** Reading the tab and validating its rows, in that order. */
  readonly issues: readonly IssueDraft[];
  /** For 費用, the 活動計算書 reconciliation (it sums 費用's rows); else null. */
  readonly reconciliation: readonly IssueDraft[] | null;
}

/** The tabs whose records the columns of `key` refer to (候補者 → 企業). */
function referencedTabs(key: TabKey): TabKey[] {
  const columns: readonly ColumnDef[] = tabDef(key).columns;
  return columns.flatMap((column) => (column.ref ? [column.ref.tab] : []));
}

/** The columns of `key` that other tabs refer to (候補者ID). */
function referredColumns(key: TabKey): string[] {
  const columns = (TABS as readonly TabDef[]).flatMap((def) =>
    def.columns.flatMap((column) => (column.ref?.tab === key ? [column.ref.column] : [])),
  );
  return [...new Set(columns)];
}

/**
 * The other tabs checkTabAlone reads for `key` (their issues are not its own): those it refers to, and for 費用 the
 * 設定 and 事業 its reconciliation reads.
 */
export function supportingTabs(key: PartKey): TabKey[] {
  const tabs = new Set<TabKey>(referencedTabs(key));
  if (key === 'costs') for (const other of ['settings', 'programs'] as const) tabs.add(other);
  return [...tabs];
}

/**
 * Reads the tab `key` of `raw` and validates its rows, with the records of its supporting tabs and without the
 * adapter's own issues (`raw.issues`, which checkWorkbookWith reports); for 費用, also the reconciliation of `year`.
 */
export function checkTabAlone(raw: RawWorkbook, key: PartKey, options: Pick<CheckOptions, 'year'> = {}): TabChecked {
  const tabs = { tabs: raw.tabs };
  const read = readWorkbook(tabs, { tabs: [key] });
  const supporting = supportingTabs(key);
  const others = readWorkbook(tabs, { tabs: supporting }).workbook as unknown as Record<string, unknown> & Workbook;
  const parts: Record<string, unknown> = { ...read.workbook };
  const layouts: Record<string, TabLayout> = { ...read.workbook.layouts };
  for (const tab of supporting) {
    parts[tab] = others[tab];
    layouts[tab] = others.layouts[tab];
  }
  const workbook = { ...parts, layouts } as unknown as Workbook;
  const records = parts[key] as readonly Record<string, unknown>[];
  return {
    key,
    layout: workbook.layouts[key],
    referred: Object.fromEntries(
      referredColumns(key).map((column) => [column, records.map((record) => record[column])]),
    ),
    issues: [...read.issues, ...validateWorkbook(workbook, VALIDATORS, (tab) => tab === key)],
    reconciliation: key === 'costs' ? reconcileYear(workbook, options.year) : null,
  };
}

/** The tabs other than `keys`, for readWorkbook's `tabs` when `keys` are read elsewhere (checkTabAlone). */
export function tabsBut(keys: readonly TabKey[]): TabKey[] {
  return (TABS as readonly TabDef[]).map((def) => def.key).filter((tab) => !keys.includes(tab));
}

/** Records holding only the columns other tabs refer to, from checkTabAlone's `referred`. */
function standIns(columns: Readonly<Record<string, readonly unknown[]>>): Record<string, unknown>[] {
  const names = Object.keys(columns);
  if (names.length === 0) return [];
  return Array.from({ length: columns[names[0]].length }, (_, index) =>
    Object.fromEntries(names.map((name) => [name, columns[name][index]])),
  );
}

/**
 * checkWorkbook over a workbook read in parts: `read` is readWorkbook(raw, { tabs: tabsBut(keys of parts) }), `parts`
 * the other tabs, each by checkTabAlone (given the same year). The same issues in the same order as checkWorkbook:
 * each check runs once, over the rows of one part, and the records of the parts' tabs are stand-ins holding only the
 * columns other tabs refer to (none for 費用), so the workbook returned is for no report.
 */
export function checkWorkbookWith(
  raw: RawWorkbook,
  read: ReadResult,
  parts: readonly TabChecked[],
  options: CheckOptions = {},
): CheckResult & { references: References } {
  const workbook: Record<string, unknown> = { ...read.workbook };
  const layouts: Record<string, TabLayout> = { ...read.workbook.layouts };
  for (const part of parts) {
    workbook[part.key] = standIns(part.referred);
    layouts[part.key] = part.layout;
  }
  const whole = { workbook: { ...workbook, layouts } as unknown as Workbook, issues: read.issues };
  return checkRead(raw, whole, options, parts);
}

/**
 * The checks after reading. The rows of the tabs of `parts` (checkTabAlone's) are not validated here: their issues
 * are, all located on their own tabs, so sorting puts them where checkWorkbook would; the reconciliation, the last
 * stage, comes last, from the part of 費用 when there is one.
 */
function checkRead(
  raw: RawWorkbook,
  read: ReadResult,
  options: CheckOptions,
  parts: readonly TabChecked[] = [],
): CheckResult & { references: References } {
  const workbook = read.workbook;
  const references = resolveReferences(workbook, options.references);
  const readIssues =
    options.year === undefined ? read.issues : read.issues.filter((issue) => !isMissingYearSetting(issue));
  const elsewhere = new Set<TabKey>(parts.map((part) => part.key));
  const inScope: TabScope = (tab) => !elsewhere.has(tab);
  const reconciled = parts.find((part) => part.reconciliation !== null)?.reconciliation;
  const drafts = [
    ...readIssues,
    ...parts.flatMap((part) => part.issues),
    ...validateWorkbook(workbook, VALIDATORS, inScope),
    ...checkTemplates(workbook, references),
    ...checkDocumentText(workbook, raw),
    ...(reconciled ?? reconcileYear(workbook, options.year)),
  ];
  const language = options.language ?? workbook.settings.language;
  return { workbook, references, issues: sortIssues(drafts.map((draft) => finalizeIssue(draft, language, raw.words))) };
}

/** The 活動計算書 reconciliation (reconcile.ts) of the year asked for, else of 対象年度; none without a year. */
function reconcileYear(workbook: Workbook, year: number | undefined): IssueDraft[] {
  const chosen = year ?? workbook.settings.fiscalYear;
  return chosen === null ? [] : reconcileProgramCosts(workbook, periodFromSettings(workbook.settings, chosen));
}

/** The tabs whose text may hold a template (templateTexts reads them): a Record, so each must be named here. */
const TEMPLATE_TABS: Record<ReturnType<typeof templateTexts>[number]['tab'], true> = {
  programs: true,
  narrative: true,
};

/**
 * The `{{=…}}` targets of a workbook's templates (what CheckOptions.references is given), read from its template tabs
 * alone: for an adapter that must resolve them before the other tabs are read (the local runner hands the bytes of big
 * tabs over to a worker thread, after which it cannot look into them).
 */
export function referenceTargets(raw: RawWorkbook): string[] {
  return collectReferenceTargets(readWorkbook(raw, { tabs: Object.keys(TEMPLATE_TABS) as TabKey[] }).workbook);
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
