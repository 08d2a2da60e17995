// This file defines the sidebar's server functions, once for both doors (Apps Script and the dev server): what the
// sidebar shows, as plain JSON built from a raw workbook, with reading, writing the document and logging injected.
import { type DayNumber, ymdFromDayNumber } from './cells';
import { periodFromSettings } from './fiscal-year';
import {
  createFromForm,
  type FormCheckResponse,
  type FormCreateResponse,
  type FormDoors,
  type FormEntry,
  formEntries,
  previewForm,
} from './form-run';
import { isFiscalYearInRange } from './input-rules';
import type { Issue } from './issues';
import { finalizeIssue } from './messages';
import { missingMetricTabs } from './metric-tabs';
import { findMetric } from './metrics';
import { type CheckOptions, checkWorkbook, makeReport } from './pipeline';
import { type RawWorkbook, readWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { renderReportBody } from './render-html';
import type { ReportDocument, ReportKind } from './report-document';

/** One figure of the dashboard. */
export interface DashboardFigure {
  readonly metric: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
}

export interface DashboardCost {
  readonly program: string;
  readonly yen: number;
}

export interface Dashboard {
  readonly year: number;
  readonly figures: readonly DashboardFigure[];
  readonly costs: readonly DashboardCost[];
  readonly totalCost: number;
}

/** An issue as the sidebar lists it (all strings: the page escapes them). */
export interface IssueView {
  readonly severity: 'error' | 'warning';
  readonly tab: string;
  readonly cell: string;
  readonly message: string;
}

export interface SidebarState {
  readonly language: 'ja' | 'en';
  readonly orgName: string;
  readonly year: number | null;
  readonly years: readonly number[];
  readonly dashboard: Dashboard | null;
  readonly issues: readonly IssueView[];
  readonly errorCount: number;
  /** 様式: the forms used before, for テンプレートから作成 (latest first). */
  readonly forms: readonly FormEntry[];
}

const FIGURES: readonly { metric: string; ja: string; en: string; unit: { ja: string; en: string } }[] = [
  { metric: '新規接点数', ja: '新規接点数', en: 'New contacts', unit: { ja: '名', en: '' } },
  { metric: '登録者数', ja: '登録者数', en: 'Registrations', unit: { ja: '名', en: '' } },
  { metric: '就職者数', ja: '就職者数', en: 'Placements', unit: { ja: '名', en: '' } },
  { metric: '在留資格変更数', ja: '在留資格変更数', en: 'Status changes', unit: { ja: '件', en: '' } },
  { metric: 'イベント回数', ja: 'イベント回数', en: 'Events', unit: { ja: '回', en: '' } },
  { metric: '参加者数', ja: '参加者数（延べ）', en: 'Participants (total)', unit: { ja: '名', en: '' } },
  { metric: '参加者実人数', ja: '参加者数（実人数）', en: 'Participants (unique)', unit: { ja: '名', en: '' } },
];

function compute(metricId: string, workbook: Workbook, year: number, filters = {}): number {
  const metric = findMetric(metricId);
  if (!metric) throw new Error(`metric ${metricId} is not registered`);
  return metric.compute({ workbook, period: periodFromSettings(workbook.settings, year) }, filters);
}

/** The dashboard's figures, without those whose tabs the workbook lacks (a food bank has no 候補者: no 0s shown). */
export function buildDashboard(workbook: Workbook, year: number, language: 'ja' | 'en'): Dashboard {
  const available = FIGURES.filter((figure) => {
    const metric = findMetric(figure.metric);
    return metric !== undefined && missingMetricTabs(metric, workbook).length === 0;
  });
  const figures = available.map((figure) => ({
    metric: figure.metric,
    label: figure[language],
    value: compute(figure.metric, workbook, year),
    unit: figure.unit[language],
  }));
  const costs = workbook.programs
    .filter((program) => program.program !== null)
    .map((program) => ({
      program: program.program as string,
      yen: compute('事業費', workbook, year, { 事業内容: [program.program as string] }),
    }));
  return { year, figures, costs, totalCost: compute('事業費', workbook, year) };
}

/** Fiscal years that have data (by the dates in the workbook), plus the configured one, newest first. */
function yearsWithData(workbook: Workbook): number[] {
  const startMonth = workbook.settings.fiscalStartMonth;
  const years = new Set<number>();
  const add = (day: DayNumber | null) => {
    if (day === null) return;
    const { year, month } = ymdFromDayNumber(day);
    const fiscal = month >= startMonth ? year : year - 1;
    if (isFiscalYearInRange(fiscal)) years.add(fiscal);
  };
  for (const cost of workbook.costs) add(cost.date);
  for (const event of workbook.events) add(event.start);
  for (const candidate of workbook.candidates) add(candidate.firstContact);
  for (const meeting of workbook.meetings) add(meeting.date);
  if (workbook.settings.fiscalYear !== null) years.add(workbook.settings.fiscalYear);
  return [...years].sort((a, b) => b - a);
}

const toView = (issue: Issue): IssueView => ({
  severity: issue.severity,
  tab: issue.tab,
  cell: issue.cell,
  message: issue.message,
});

/** Everything the sidebar shows on open, in one response. */
export function sidebarState(
  raw: RawWorkbook,
  options: { year?: number; references?: CheckOptions['references'] } = {},
): SidebarState {
  const { workbook, issues } = checkWorkbook(raw, { references: options.references, year: options.year });
  const language = workbook.settings.language;
  const year = options.year ?? workbook.settings.fiscalYear;
  return {
    language,
    orgName: workbook.settings.orgName,
    year,
    years: yearsWithData(workbook),
    dashboard: year === null ? null : buildDashboard(workbook, year, language),
    issues: issues.map(toView),
    errorCount: issues.filter((issue) => issue.severity === 'error').length,
    forms: formEntries(workbook.forms),
  };
}

/** The report preview as HTML body markup (escaped), or the issues that prevent it. */
export function sidebarPreview(
  raw: RawWorkbook,
  options: { year?: number; references?: CheckOptions['references'] } = {},
): { readonly html: string | null; readonly issues: readonly IssueView[] } {
  const result = makeReport(raw, options);
  if (!result.ok) return { html: null, issues: result.issues.map(toView) };
  return { html: renderReportBody(result.report), issues: result.issues.map(toView) };
}

/** The report preview as the sidebar receives it. */
export interface PreviewResponse {
  /** Body markup from the core's HTML renderer (every workbook text escaped), or null when errors block the report. */
  readonly html: string | null;
  readonly issues: readonly IssueView[];
}

export type GenerateResponse =
  | { readonly kind: 'created'; readonly url: string; readonly name: string; readonly warnings: number }
  | { readonly kind: 'invalid'; readonly issues: readonly IssueView[] }
  | { readonly kind: 'busy' };

/** 事業報告書を作成 as the menu needs it: the same outcome with whole issues (the menu counts them). */
export type GenerateOutcome =
  | Exclude<GenerateResponse, { kind: 'invalid' }>
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] };

/** 報告書の数字を更新 (issue 14) as the sidebar receives it: the summary's lines, or why nothing was updated. */
export type UpdateResponse =
  | {
      readonly kind: 'updated';
      readonly url: string;
      readonly name: string;
      readonly lines: readonly string[];
      readonly warnings: number;
    }
  | { readonly kind: 'invalid'; readonly issues: readonly IssueView[] }
  | { readonly kind: 'busy' }
  /** No report to update (none in 生成履歴, the document cannot be opened or has no figures; also the dev server). */
  | { readonly kind: 'unavailable'; readonly message: string };

/** 報告書の数字を更新 as the menu needs it: whole issues. */
export type UpdateOutcome =
  | Exclude<UpdateResponse, { kind: 'invalid' }>
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] };

/** A step of 事業報告書を作成 worth telling the user about while it runs. */
export type GenerateStep = 'reading' | 'writing' | 'done';

/** The one thing that is not the core's: where the workbook comes from and where the report goes. */
export interface SidebarDoors {
  /** Reads the workbook afresh (each call sees the current sheet), with the lookup of `{{=…}}` references. */
  readonly read: () => { readonly raw: RawWorkbook; readonly references?: CheckOptions['references'] };
  /** Runs `work` while holding the document lock; 'busy' when someone else holds it. */
  readonly exclusive: <T>(work: () => T) => T | 'busy';
  /** Writes the report as a new document (never over an earlier one): where it is and what it is called. */
  readonly writeReport: (report: ReportDocument) => { readonly url: string; readonly name: string };
  /** Records a generated report (生成履歴 in Sheets). */
  readonly logRun: (run: {
    readonly year: number;
    readonly url: string;
    readonly warnings: number;
    readonly kind: ReportKind;
  }) => void;
  /** Selects the cell `cell` (A1) of the tab named exactly `tab`; false when that tab no longer exists. */
  readonly selectCell: (tab: string, cell: string) => boolean;
  /** Progress notes for a long run (toasts in Sheets). */
  readonly progress?: (step: GenerateStep, kind: ReportKind) => void;
  /** 報告書の数字を更新 of the last 事業報告書 of `year` (Sheets only: the dev server has no Google Doc to update). */
  readonly updateReport?: (year: number | undefined) => UpdateOutcome;
  /** テンプレートから作成 (Sheets only: the dev server has no Google Doc to read). */
  readonly forms?: Omit<FormDoors, 'read' | 'exclusive'>;
}

/** The functions the sidebar calls by name through google.script.run (src/index.ts declares each). */
export const SIDEBAR_FUNCTIONS = [
  'sidebarLoad',
  'sidebarPreview',
  'sidebarGenerate',
  'sidebarSelectCell',
  'sidebarUpdate',
  'sidebarFormCheck',
  'sidebarFormCreate',
] as const;
export type SidebarFunction = (typeof SIDEBAR_FUNCTIONS)[number];

export interface SidebarHandlers {
  sidebarLoad(year?: unknown): SidebarState;
  sidebarPreview(year?: unknown): PreviewResponse;
  /** `kind` 'shokai' makes the 職業紹介事業報告書; anything else the 事業報告書. */
  sidebarGenerate(year?: unknown, kind?: unknown): GenerateResponse;
  sidebarSelectCell(tab?: unknown, cell?: unknown): boolean;
  sidebarUpdate(year?: unknown): UpdateResponse;
  /** テンプレートから作成: the check list of the form at `url` (URL or ID); writes nothing. */
  sidebarFormCheck(url?: unknown, year?: unknown): FormCheckResponse;
  /** テンプレートから作成: the filled copy, or the check list when something stops it. */
  sidebarFormCreate(url?: unknown, year?: unknown): FormCreateResponse;
}

/** An argument from the page is untrusted: a whole number or nothing (then 設定.対象年度). */
export function yearArgument(year: unknown): number | undefined {
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

/** An argument from the page is untrusted: exactly 'shokai' asks for the 職業紹介事業報告書, anything else the default. */
export function kindArgument(kind: unknown): ReportKind {
  return kind === 'shokai' ? 'shokai' : 'jigyo';
}

/** One cell in A1 notation (no range, no sheet name): what an issue points at. */
export const CELL_ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/**
 * 事業報告書を作成 (or, with kind 'shokai', 職業紹介事業報告を作成): lock, read once, validate, write a new document,
 * log the run. Data tabs are never written.
 */
export function generateReport(
  doors: SidebarDoors,
  options: { readonly year?: number; readonly kind?: ReportKind } = {},
): GenerateOutcome {
  const kind = options.kind ?? 'jigyo';
  const outcome = doors.exclusive((): GenerateOutcome => {
    doors.progress?.('reading', kind);
    const { raw, references } = doors.read();
    const result = makeReport(raw, { references, year: options.year, kind });
    if (!result.ok) return { kind: 'invalid', issues: result.issues };
    doors.progress?.('writing', kind);
    const written = doors.writeReport(result.report);
    const warnings = result.issues.length;
    doors.logRun({ year: result.report.year, url: written.url, warnings, kind });
    doors.progress?.('done', kind);
    return { kind: 'created', url: written.url, name: written.name, warnings };
  });
  return outcome === 'busy' ? { kind: 'busy' } : outcome;
}

function formDoors(doors: SidebarDoors, forms: NonNullable<SidebarDoors['forms']>): FormDoors {
  return { read: doors.read, exclusive: doors.exclusive, ...forms };
}

/**
 * What only Sheets can do (a Google Doc form, updating a Google Doc), said in the report language where there is no
 * door for it: the dev server, whose workbook brings the words (RawWorkbook.words, src/node/local-messages.ts).
 */
function sheetsOnly(doors: SidebarDoors, code: 'form_sheets_only' | 'update_sheets_only'): string {
  const { raw } = doors.read();
  const { language } = readWorkbook(raw, { tabs: ['settings'] }).workbook.settings;
  return finalizeIssue({ severity: 'error', code, tab: '', cell: '', column: '', value: '' }, language, raw.words)
    .message;
}

function formsUnavailable(doors: SidebarDoors): FormCheckResponse {
  return { kind: 'unreadable', message: sheetsOnly(doors, 'form_sheets_only') };
}

/** The sidebar's four server functions over the given doors; Apps Script and the dev server differ only in those. */
export function sidebarHandlers(doors: SidebarDoors): SidebarHandlers {
  return {
    sidebarLoad(year) {
      const { raw, references } = doors.read();
      return sidebarState(raw, { year: yearArgument(year), references });
    },
    sidebarPreview(year) {
      const { raw, references } = doors.read();
      return sidebarPreview(raw, { year: yearArgument(year), references });
    },
    sidebarGenerate(year, kind) {
      const outcome = generateReport(doors, { year: yearArgument(year), kind: kindArgument(kind) });
      return outcome.kind === 'invalid' ? { kind: 'invalid', issues: outcome.issues.map(toView) } : outcome;
    },
    sidebarSelectCell(tab, cell) {
      if (typeof tab !== 'string' || typeof cell !== 'string' || !CELL_ADDRESS.test(cell)) return false;
      return doors.selectCell(tab, cell);
    },
    sidebarFormCheck(url, year) {
      return doors.forms
        ? previewForm(formDoors(doors, doors.forms), url, yearArgument(year))
        : formsUnavailable(doors);
    },
    sidebarFormCreate(url, year) {
      return doors.forms
        ? createFromForm(formDoors(doors, doors.forms), url, yearArgument(year))
        : formsUnavailable(doors);
    },
    sidebarUpdate(year) {
      if (!doors.updateReport) return { kind: 'unavailable', message: sheetsOnly(doors, 'update_sheets_only') };
      const outcome = doors.updateReport(yearArgument(year));
      return outcome.kind === 'invalid' ? { kind: 'invalid', issues: outcome.issues.map(toView) } : outcome;
    },
  };
}
