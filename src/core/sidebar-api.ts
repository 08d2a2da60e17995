// This file defines what the sidebar shows, as plain JSON built from a raw workbook: dashboard, issues and preview.
import { type DayNumber, ymdFromDayNumber } from './cells';
import { periodFromSettings } from './fiscal-year';
import type { Issue } from './issues';
import { findMetric } from './metrics';
import { type CheckOptions, checkWorkbook, makeReport } from './pipeline';
import type { RawWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { renderReportBody } from './render-html';

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

export function buildDashboard(workbook: Workbook, year: number, language: 'ja' | 'en'): Dashboard {
  const figures = FIGURES.map((figure) => ({
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
    if (fiscal >= 1990 && fiscal <= 2100) years.add(fiscal);
  };
  for (const cost of workbook.costs) add(cost.date);
  for (const event of workbook.events) add(event.start);
  for (const candidate of workbook.candidates) add(candidate.firstContact);
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
