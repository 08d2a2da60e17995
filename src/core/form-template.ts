// This file defines forms of the NPO's own (issue 16): the placeholders of a Word or Google Docs form, found in its
// paragraphs, checked against the workbook (each with its value or its problem), and the values an adapter writes.
import { sanitizeDocumentText, sanitizeReportDocument } from './document-text';
import { formatReportDate, formatYear, parseFiscalYear } from './era';
import { describePeriod, inPeriod, type Period, periodFromSettings } from './fiscal-year';
import { FISCAL_YEAR_RANGE, isFiscalYearInRange } from './input-rules';
import { hasErrors, type Issue, type IssueCode, type IssueParams, type Severity } from './issues';
import { finalizeIssue, formPlaceText, type Language } from './messages';
import { findMetric, formatThousands, type MetricDef } from './metrics';
import { type CheckOptions, checkWorkbook } from './pipeline';
import { matchKey, type RawWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { buildReportDocument, templateFigures } from './report';
import type { ReportTable, TableCell } from './report-document';
import { REPORT_LABELS } from './report-labels';
import { CANDIDATE_ATTRIBUTES, EVENT_KINDS } from './schema';
import { type Figure, figureKey, planSuppression } from './suppression';
import {
  checkTemplateParts,
  PLACEHOLDER,
  parseTemplate,
  type References,
  renderTemplate,
  SUPPRESSED_LABEL,
  type TemplatePart,
  UNIT_AFTER_FIGURE,
  yearCondition,
} from './templates';

/** Where a paragraph of a form is: the adapters number paragraphs and tables in document order, from 1. */
export interface FormPlace {
  readonly part: 'body' | 'header' | 'footer';
  /** Which header (or footer) of the document, from 1, when it has more than one. */
  readonly partNumber?: number;
  /** The paragraph's number among the part's paragraphs outside tables, or, in a table cell, within that cell. */
  readonly paragraph: number;
  /** The table cell holding the paragraph: the table's number in its part, the row and the column, from 1. */
  readonly cell?: { readonly table: number; readonly row: number; readonly column: number };
}

/** One paragraph of a form as its adapter read it: the text of its runs joined, and where it is. */
export interface FormParagraph {
  readonly text: string;
  readonly place: FormPlace;
}

/** `{{団体名}}`, `{{対象年度}}`, `{{期間}}`: the words of the report's title lines. */
export const FORM_FIELDS = ['団体名', '対象年度', '期間'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** `{{表:…}}`: a paragraph holding only this becomes the table. */
export const FORM_TABLES = ['事業一覧', '事業別事業費', 'イベント種別別', '属性別'] as const;
export type FormTable = (typeof FORM_TABLES)[number];

/** One placeholder of the form with its value, or its problems (then no value). */
export interface FormPlaceholder {
  /** Index of its paragraph in the list given to `checkForm`. */
  readonly paragraph: number;
  readonly place: FormPlace;
  /** As typed, braces included. */
  readonly source: string;
  /**
   * What to replace in the paragraph's text (UTF-16 offsets): the placeholder, and after a suppressed figure the unit
   * typed right after it (「（秘匿）名」 would read as a count). A table replaces the whole paragraph.
   */
  readonly start: number;
  readonly end: number;
  /** The text to write; for a table, '' (the table replaces the paragraph) unless it has no row (then 「なし」). */
  readonly text?: string;
  readonly table?: ReportTable;
  readonly issues: readonly Issue[];
}

export interface FormRequest extends Pick<CheckOptions, 'references' | 'year' | 'language'> {
  /** The form's name as staff know it (the file or Doc name): issues name it as their tab. */
  readonly formName: string;
}

export interface FormCheck {
  /** True when nothing stops the fill: no error in the workbook or the form. */
  readonly ok: boolean;
  readonly year: number | null;
  readonly language: Language;
  /** The workbook's issues (as `checkWorkbook` gives them). */
  readonly workbookIssues: readonly Issue[];
  /** Every placeholder in document order. */
  readonly placeholders: readonly FormPlaceholder[];
  /** The form's issues in document order: each placeholder's, and those of the form as a whole. */
  readonly formIssues: readonly Issue[];
}

/** A placeholder as parsed, before the data is looked at. */
type Parsed =
  | { readonly kind: 'field'; readonly field: FormField; readonly year?: string }
  | { readonly kind: 'table'; readonly table: FormTable; readonly year?: string }
  | { readonly kind: 'part'; readonly part: TemplatePart & { kind: 'metric' | 'reference' } };

interface Problem {
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly value: string;
  readonly params?: IssueParams;
}

/** The longest placeholder a message quotes; a longer one is cut with 「…」 (a form may hold anything). */
const QUOTED = 60;

function clip(text: string): string {
  return text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text;
}

/** `{{表:事業一覧}}`'s name, or undefined when the placeholder is not a table. */
function tableName(name: string): string | undefined {
  const match = /^表\s*[:：]\s*/.exec(name);
  return match ? name.slice(match[0].length).trim() : undefined;
}

/** Fields and tables take one condition, 年度; anything else is the same problem as an unknown filter in 本文. */
function yearOnly(conditions: readonly string[], allowed: boolean): { year?: string; problems: Problem[] } {
  let year: string | undefined;
  const problems: Problem[] = [];
  for (const condition of conditions) {
    const typed = allowed ? yearCondition(condition) : undefined;
    if (typed !== undefined) year = typed;
    else {
      const equals = condition.search(/[=＝]/);
      problems.push({
        severity: 'error',
        code: equals > 0 ? 'unknown_filter' : 'malformed_template',
        value: equals > 0 ? condition.slice(0, equals).trim() : condition,
        params: { expected: allowed ? '年度' : undefined },
      });
    }
  }
  return year === undefined ? { problems } : { year, problems };
}

/** One `{{…}}`: a field, a table, or what 本文 accepts (a metric, with `年度=` here, or `{{=…}}`). */
function parsePlaceholder(source: string): { parsed?: Parsed; problems: Problem[] } {
  const inner = source.slice(2, -2).trim();
  if (!inner.startsWith('=')) {
    const [name, ...conditions] = inner.split('|').map((piece) => piece.trim());
    const field = FORM_FIELDS.find((f) => matchKey(f) === matchKey(name));
    if (field) {
      const { year, problems } = yearOnly(conditions, field !== '団体名');
      return { parsed: year === undefined ? { kind: 'field', field } : { kind: 'field', field, year }, problems };
    }
    const typedTable = tableName(name);
    if (typedTable !== undefined) {
      const table = FORM_TABLES.find((t) => matchKey(t) === matchKey(typedTable));
      if (!table)
        return {
          problems: [
            {
              severity: 'error',
              code: 'unknown_form_table',
              value: typedTable,
              params: { expected: FORM_TABLES.join('、') },
            },
          ],
        };
      const { year, problems } = yearOnly(conditions, true);
      return { parsed: year === undefined ? { kind: 'table', table } : { kind: 'table', table, year }, problems };
    }
  }
  const { parts, problems } = parseTemplate(source, { years: true });
  const part = parts.find((p): p is TemplatePart & { kind: 'metric' | 'reference' } => p.kind !== 'text');
  return part && problems.length === 0 ? { parsed: { kind: 'part', part }, problems } : { problems };
}

/** `前年度`, `前々年度`, `今年度` / `当年度`, or a year as 対象年度 takes it (2021, 2021年度, 令和3年度, R3). */
export function resolveFormYear(typed: string, base: number): number | undefined {
  const text = matchKey(typed);
  const relative: Record<string, number> = { 前年度: -1, 前々年度: -2, 今年度: 0, 当年度: 0, 本年度: 0 };
  const offset = relative[text];
  const year = offset !== undefined ? base + offset : parseFiscalYear(typed);
  return year !== undefined && isFiscalYearInRange(year) ? year : undefined;
}

/** Whether the workbook has any row of the year: without one, a year other than the form's is a mistake. */
function yearHasRows(workbook: Workbook, period: Period): boolean {
  return (
    workbook.costs.some((cost) => inPeriod(cost.date, period)) ||
    workbook.events.some((event) => inPeriod(event.start, period)) ||
    workbook.candidates.some((c) =>
      [c.firstContact, c.registered, c.hired, c.statusChanged].some((day) => inPeriod(day, period)),
    )
  );
}

/** The metrics of 属性別, one column each. */
const ATTRIBUTE_METRICS = ['新規接点数', '登録者数', '就職者数', '在留資格変更数'] as const;

/** Words of the tables this file adds (the other two are the report's own tables). */
const TABLE_LABELS = {
  ja: { kind: '種別', events: '回数', participants: '参加者数（延べ）', attribute: '属性', total: '合計' },
  en: { kind: 'Kind', events: 'Events', participants: 'Participants (total)', attribute: 'Status', total: 'Total' },
} as const;

function metric(id: string): MetricDef {
  const found = findMetric(id);
  if (!found) throw new Error(`metric ${id} is not registered`);
  return found;
}

/** The figures of 属性別: each 属性 and the total, per column (suppression plans them with the form's own). */
function attributeFigures(): Figure[] {
  return ATTRIBUTE_METRICS.flatMap((id) => [
    ...CANDIDATE_ATTRIBUTES.map((attribute) => ({ metric: metric(id), filters: { 属性: [attribute] } })),
    { metric: metric(id), filters: {} },
  ]);
}

interface YearContext {
  readonly period: Period;
  readonly suppressed: ReadonlySet<string>;
}

/** 属性別: one row per 属性 and a 合計 row; a figure the plan hides prints 「（秘匿）」. */
function attributeTable(workbook: Workbook, year: YearContext, language: Language): ReportTable {
  const labels = TABLE_LABELS[language];
  const context = { workbook, period: year.period };
  const cell = (id: string, attribute?: string): TableCell => {
    const m = metric(id);
    const filters = attribute ? { 属性: [attribute] } : {};
    return {
      text: year.suppressed.has(figureKey(m, filters))
        ? SUPPRESSED_LABEL[language]
        : formatThousands(m.compute(context, filters)),
    };
  };
  const rows = [...CANDIDATE_ATTRIBUTES, undefined].map((attribute) => [
    { text: attribute ?? labels.total },
    ...ATTRIBUTE_METRICS.map((id) => cell(id, attribute)),
  ]);
  return {
    kind: 'table',
    header: [labels.attribute, ...ATTRIBUTE_METRICS.map((id) => (language === 'en' ? metric(id).en : id))],
    rows,
    align: ['left', 'right', 'right', 'right', 'right'],
    widths: [28, 18, 18, 18, 18],
  };
}

/** イベント種別別: the 種別 held in the year (the usual ones first), their イベント回数 and 参加者数, and 合計. */
function eventKindTable(workbook: Workbook, year: YearContext, language: Language): ReportTable {
  const labels = TABLE_LABELS[language];
  const context = { workbook, period: year.period };
  const kinds = new Map<string, string>();
  for (const kind of [...EVENT_KINDS, ...workbook.events.map((event) => event.kind ?? '')]) {
    if (kind !== '' && !kinds.has(matchKey(kind))) kinds.set(matchKey(kind), kind);
  }
  const count = metric('イベント回数');
  const participants = metric('参加者数');
  const row = (label: string, filters: { 種別?: string[] }): TableCell[] => [
    { text: label },
    { text: formatThousands(count.compute(context, filters)) },
    { text: formatThousands(participants.compute(context, filters)) },
  ];
  const rows = [...kinds.values()]
    .filter((kind) => count.compute(context, { 種別: [kind] }) > 0)
    .map((kind) => row(kind, { 種別: [kind] }));
  return {
    kind: 'table',
    header: [labels.kind, labels.events, labels.participants],
    rows: [...rows, row(labels.total, {})],
    align: ['left', 'right', 'right'],
    widths: [50, 25, 25],
  };
}

/** Every figure of the form for one year, for its suppression plan. */
function yearFigures(workbook: Workbook, parsed: readonly Parsed[]): Figure[] {
  const figures: Figure[] = [];
  for (const p of parsed) {
    if (p.kind === 'part' && p.part.kind === 'metric') figures.push({ metric: p.part.metric, filters: p.part.filters });
    if (p.kind === 'table' && p.table === '属性別') figures.push(...attributeFigures());
    // 事業一覧 prints the report's table, whose 受益対象者の人数 may hold figures of the workbook's templates.
    if (p.kind === 'table' && p.table === '事業一覧') figures.push(...templateFigures(workbook));
  }
  return figures;
}

/** A paragraph with braces that open or close no placeholder, and where the first is. */
interface Stray {
  readonly paragraph: number;
  readonly at: number;
}

interface Found {
  readonly paragraph: number;
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly parsed?: Parsed;
  readonly year?: number;
  readonly problems: Problem[];
}

/** The placeholders of every paragraph, parsed, with the problems that need no data and the year each asks for. */
function findPlaceholders(paragraphs: readonly FormParagraph[], base: number): { found: Found[]; stray: Stray[] } {
  const found: Found[] = [];
  const stray: Stray[] = [];
  paragraphs.forEach(({ text }, paragraph) => {
    let at = -1;
    let last = 0;
    // `{{` or `}}` outside every placeholder: one that is not closed, or braces inside one.
    const gap = (end: number) => {
      const hit = at < 0 ? text.slice(last, end).search(/\{\{|\}\}/) : -1;
      if (hit >= 0) at = last + hit;
    };
    for (const match of text.matchAll(PLACEHOLDER)) {
      const start = match.index ?? 0;
      gap(start);
      last = start + match[0].length;
      const { parsed, problems } = parsePlaceholder(match[0]);
      const typedYear = parsed?.kind === 'part' ? parsed.part.kind === 'metric' && parsed.part.year : parsed?.year;
      let year = base;
      if (typeof typedYear === 'string') {
        const resolved = resolveFormYear(typedYear, base);
        if (resolved === undefined)
          problems.push({
            severity: 'error',
            code: 'form_invalid_year',
            value: typedYear,
            params: { expected: `${FISCAL_YEAR_RANGE.earliest}〜${FISCAL_YEAR_RANGE.latest}` },
          });
        else year = resolved;
      }
      if (parsed?.kind === 'table' && text.trim() !== match[0])
        problems.push({ severity: 'error', code: 'form_table_not_alone', value: match[0] });
      found.push({ paragraph, source: match[0], start, end: last, parsed, year, problems });
    }
    gap(text.length);
    if (at >= 0) stray.push({ paragraph, at });
  });
  return { found, stray };
}

/**
 * Checks a form against a workbook: the workbook as for a report (its errors stop the fill too), then every
 * placeholder of the form, each with its value or its problems. `paragraphs` come from the adapter in document order.
 */
export function checkForm(raw: RawWorkbook, paragraphs: readonly FormParagraph[], request: FormRequest): FormCheck {
  // The form's {{=…}} targets are resolved with the workbook's, in the adapter's one pass.
  const formTargets = paragraphs.flatMap(({ text }) =>
    [...text.matchAll(PLACEHOLDER)].flatMap((m) => {
      const inner = m[1].trim();
      return inner.startsWith('=') && inner.length > 1 ? [inner.slice(1).trim()] : [];
    }),
  );
  const given = request.references;
  const references =
    typeof given === 'function' ? (targets: readonly string[]) => given([...targets, ...formTargets]) : given;
  const checked = checkWorkbook(raw, { references, year: request.year, language: request.language });
  const { workbook } = checked;
  const language = request.language ?? workbook.settings.language;
  const year = request.year ?? workbook.settings.fiscalYear;
  const issue = (place: FormPlace | null, source: string, problem: Problem): Issue =>
    finalizeIssue(
      {
        severity: problem.severity,
        code: problem.code,
        tab: request.formName,
        cell: place ? formPlaceText(place, language) : '',
        column: clip(source),
        value: clip(problem.value),
        params: problem.params,
      },
      language,
    );
  if (year === null)
    return { ok: false, year, language, workbookIssues: checked.issues, placeholders: [], formIssues: [] };
  const { found, stray } = findPlaceholders(paragraphs, year);
  const formIssues: Issue[] = [];
  const placeholders = buildValues(found, paragraphs, workbook, checked.references, year, language, issue);
  // Document order: a paragraph's stray braces after its placeholders.
  let next = 0;
  for (const placeholder of placeholders) {
    while (next < stray.length && stray[next].paragraph < placeholder.paragraph) {
      formIssues.push(strayIssue(paragraphs, stray[next], issue));
      next++;
    }
    formIssues.push(...placeholder.issues);
  }
  for (; next < stray.length; next++) formIssues.push(strayIssue(paragraphs, stray[next], issue));
  if (found.length === 0 && stray.length === 0)
    formIssues.push(issue(null, '', { severity: 'error', code: 'form_no_placeholders', value: request.formName }));
  const ok = !hasErrors(checked.issues) && !hasErrors(formIssues);
  return { ok, year, language, workbookIssues: checked.issues, placeholders, formIssues };
}

/** A stray `{{` or `}}`, quoted from there (20 characters), as 本文 quotes a malformed template. */
function strayIssue(
  paragraphs: readonly FormParagraph[],
  { paragraph, at }: Stray,
  issue: (place: FormPlace, source: string, problem: Problem) => Issue,
): Issue {
  const { text, place } = paragraphs[paragraph];
  const excerpt = text.length - at > 20 ? `${text.slice(at, at + 20)}…` : text.slice(at);
  return issue(place, excerpt, { severity: 'error', code: 'malformed_template', value: excerpt });
}

/** Each placeholder's value, or its problems; suppression planned per year over every figure the form prints. */
function buildValues(
  found: readonly Found[],
  paragraphs: readonly FormParagraph[],
  workbook: Workbook,
  references: References,
  base: number,
  language: Language,
  issue: (place: FormPlace, source: string, problem: Problem) => Issue,
): FormPlaceholder[] {
  const settings = workbook.settings;
  const years = new Map<number, YearContext>();
  const yearContext = (year: number): YearContext => {
    let context = years.get(year);
    if (!context) {
      const period = periodFromSettings(settings, year);
      const parsed = found.filter((f) => f.year === year && f.parsed).map((f) => f.parsed as Parsed);
      const figures = yearFigures(workbook, parsed);
      context = { period, suppressed: planSuppression(figures, { workbook, period }, settings.suppressionThreshold) };
      years.set(year, context);
    }
    return context;
  };
  const reports = new Map<number, ReportTable[]>();
  const reportTables = (year: number): ReportTable[] => {
    let tables = reports.get(year);
    if (!tables) {
      const { period, suppressed } = yearContext(year);
      const report = sanitizeReportDocument(
        buildReportDocument(workbook, { period, references, appendix: true, language, suppressed }),
      );
      tables = report.blocks.filter((block): block is ReportTable => block.kind === 'table');
      reports.set(year, tables);
    }
    return tables;
  };
  return found.map((f): FormPlaceholder => {
    const { place, text: paragraphText } = paragraphs[f.paragraph];
    const problems = [...f.problems];
    const year = f.year ?? base;
    if (problems.length === 0 && f.parsed?.kind === 'part')
      problems.push(...checkTemplateParts([f.parsed.part], workbook, references));
    if (problems.every((p) => p.severity !== 'error') && year !== base) {
      const period = periodFromSettings(settings, year);
      if (!yearHasRows(workbook, period)) {
        const { start, end } = describePeriod(period);
        problems.push({
          severity: 'error',
          code: 'form_year_without_data',
          value: String(year),
          params: { expected: `${start}〜${end}` },
        });
      }
    }
    const at = { paragraph: f.paragraph, place, source: f.source, start: f.start, end: f.end };
    if (!f.parsed || problems.some((p) => p.severity === 'error'))
      return { ...at, issues: problems.map((p) => issue(place, f.source, p)) };
    const warnings = problems.map((p) => issue(place, f.source, p));
    try {
      const value = placeholderValue(f.parsed, workbook, yearContext(year), year, references, language, reportTables);
      if (value.table) return { ...at, start: 0, end: paragraphText.length, ...value, issues: warnings };
      // A suppressed figure drops the unit typed after it, as in 本文.
      const unit = value.suppressed ? (UNIT_AFTER_FIGURE.exec(paragraphText.slice(f.end))?.[0] ?? '') : '';
      return { ...at, end: f.end + unit.length, text: value.text, issues: warnings };
    } catch (error) {
      // A bug in a metric or a builder reaches staff as an issue at the placeholder, not as a crash.
      const message = error instanceof Error ? error.message : String(error);
      return {
        ...at,
        issues: [...warnings, issue(place, f.source, { severity: 'error', code: 'internal_error', value: message })],
      };
    }
  });
}

interface Value {
  readonly text: string;
  /** A metric the plan hides (its unit after it goes too). */
  readonly suppressed?: boolean;
  readonly table?: ReportTable;
}

function placeholderValue(
  parsed: Parsed,
  workbook: Workbook,
  context: YearContext,
  year: number,
  references: References,
  language: Language,
  reportTables: (year: number) => ReportTable[],
): Value {
  const settings = workbook.settings;
  const labels = REPORT_LABELS[language];
  if (parsed.kind === 'field') {
    switch (parsed.field) {
      case '団体名':
        return { text: sanitizeDocumentText(settings.orgName) };
      case '対象年度':
        return { text: language === 'ja' ? formatYear(year, settings.yearStyle) : String(year) };
      case '期間': {
        const date = (day: number) => formatReportDate(day, settings, language);
        return { text: labels.periodBare(date(context.period.start), date(context.period.end)) };
      }
    }
  }
  if (parsed.kind === 'table') {
    const table = formTable(parsed.table, workbook, context, language, () => reportTables(year));
    return table ? { text: '', table } : { text: labels.none };
  }
  const part = parsed.part;
  const text = renderTemplate([part], {
    workbook,
    period: context.period,
    references,
    suppressed: context.suppressed,
    language,
  });
  const suppressed = part.kind === 'metric' && context.suppressed.has(figureKey(part.metric, part.filters));
  return { text: sanitizeDocumentText(text), suppressed };
}

function formTable(
  name: FormTable,
  workbook: Workbook,
  context: YearContext,
  language: Language,
  reportTables: () => ReportTable[],
): ReportTable | undefined {
  switch (name) {
    case '事業一覧':
      return reportTables().find((table) => table.figureRows?.id === 'programs:特定非営利活動');
    case '事業別事業費':
      return reportTables().find((table) => table.figureRows?.id === 'appendix');
    case 'イベント種別別':
      return eventKindTable(workbook, context, language);
    case '属性別':
      return attributeTable(workbook, context, language);
  }
}

/** A replacement an adapter makes in one paragraph: `start`–`end` of its text becomes `text`, or the table. */
export interface FormReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly table?: ReportTable;
}

/**
 * The fill: for each paragraph with placeholders, its replacements in order (none overlap). Null when the check found
 * an error: then nothing is written.
 */
export function fillForm(check: FormCheck): Map<number, FormReplacement[]> | null {
  if (!check.ok) return null;
  const fills = new Map<number, FormReplacement[]>();
  for (const p of check.placeholders) {
    const replacement: FormReplacement = p.table
      ? { start: p.start, end: p.end, text: '', table: p.table }
      : { start: p.start, end: p.end, text: p.text ?? '' };
    const list = fills.get(p.paragraph);
    if (list) list.push(replacement);
    else fills.set(p.paragraph, [replacement]);
  }
  return fills;
}
