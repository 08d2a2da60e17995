// This file defines templates: `{{指標名|キー=値}}` and `{{=シート!B3}}` placeholders in 本文 and 受益対象者の人数.

import { normalizeText } from './cells';
import { describeKnownValues, knownFilterValues, parseCondition, unknownFilterValues } from './conditions';
import { metricTag, referenceTag } from './figure-tags';
import type { Period } from './fiscal-year';
import { type Area, type FormulaSource, formulaReadsPersonal } from './formula-refs';
import type { IssueCode, IssueParams, Severity } from './issues';
import { missingMetricTabs, tabNames } from './metric-tabs';
import type { FilterKey, Filters, MetricDef } from './metrics';
import { findMetric, formatThousands, METRICS } from './metrics';
import { isPersonRowTab } from './privacy';
import { matchKey } from './read-workbook';
import type { Workbook } from './records';
import type { FigureSpan } from './report-document';
import { TABS, type TabDef, tabDef } from './schema';
import { figureKey } from './suppression';

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'metric';
      readonly metric: MetricDef;
      readonly filters: Filters;
      readonly source: string;
      /** `年度=…` as typed (forms only, issue 16: `parseTemplate(text, { years: true })`); absent: the report's year. */
      readonly year?: string;
    }
  | { readonly kind: 'reference'; readonly target: string; readonly source: string };

export interface TemplateProblem {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** The placeholder or the part of it that is wrong. */
  readonly value: string;
  readonly params?: IssueParams;
}

/** A `{{=…}}` target as the adapter found it: its displayed text and where it lives (to refuse personal cells). */
export interface ResolvedReference {
  readonly text: string;
  readonly sheet: string;
  /** 0-based column of the top-left cell. */
  readonly column: number;
  /** The cell's formula, when it has one and the adapter can see it (to refuse formulas that read 候補者). */
  readonly formula?: string;
  /**
   * Lets the core follow the formula through the cells it reads, sheet to sheet (`formulaReadsPersonal`); without
   * it only the formula's own references are checked.
   */
  readonly formulaSource?: FormulaSource;
}

/** Target as written (see `referenceKey`) → what it resolved to, or null when it does not exist. */
export type References = ReadonlyMap<string, ResolvedReference | null>;

/** One `{{…}}`: no brace inside, so the scan is linear. */
export const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function referenceKey(target: string): string {
  return matchKey(target);
}

/** `年度=前年度` / `年度=2021` (also ＝): the year as typed, or undefined when the condition is not about 年度. */
export function yearCondition(text: string): string | undefined {
  const equals = text.search(/[=＝]/);
  return equals > 0 && matchKey(text.slice(0, equals)) === matchKey('年度') ? text.slice(equals + 1).trim() : undefined;
}

/**
 * Splits a template into text, metric and reference parts; problems that need no data are found here. With
 * `years` (a form of the NPO's own, issue 16), a metric may also take `年度=…`, kept as typed in the part's `year`.
 */
export function parseTemplate(
  text: string,
  options: { readonly years?: boolean } = {},
): { parts: TemplatePart[]; problems: TemplateProblem[] } {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', text: text.slice(last, index) });
    last = index + match[0].length;
    const inner = match[1].trim();
    if (inner.startsWith('=')) {
      const target = inner.slice(1).trim();
      if (target === '') problems.push({ severity: 'error', code: 'malformed_template', value: match[0] });
      else parts.push({ kind: 'reference', target, source: match[0] });
      continue;
    }
    const [name, ...conditions] = inner.split('|').map((piece) => piece.trim());
    const metric = findMetric(name);
    if (!metric) {
      problems.push({
        severity: 'error',
        code: name === '' ? 'malformed_template' : 'unknown_metric',
        value: name === '' ? match[0] : name,
        params: { expected: METRICS.map((m) => m.id).join('、') },
      });
      continue;
    }
    const filters: Partial<Record<FilterKey, string[]>> = {};
    let ok = true;
    let year: string | undefined;
    for (const text of conditions) {
      const typedYear = options.years ? yearCondition(text) : undefined;
      if (typedYear !== undefined) {
        year = typedYear;
        continue;
      }
      const condition = parseCondition(text);
      if (condition.ok && metric.filters.includes(condition.key)) {
        filters[condition.key] = condition.values;
        continue;
      }
      ok = false;
      if (!condition.ok && condition.problem === 'malformed') {
        problems.push({ severity: 'error', code: 'malformed_template', value: match[0] });
      } else {
        problems.push({
          severity: 'error',
          code: 'unknown_filter',
          value: condition.ok ? condition.key : condition.name,
          params: { expected: metric.filters.join('、') || undefined },
        });
      }
    }
    if (ok)
      parts.push(
        year === undefined
          ? { kind: 'metric', metric, filters, source: match[0] }
          : { kind: 'metric', metric, filters, source: match[0], year },
      );
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  const leftover = parts.some((part) => part.kind === 'text' && /\{\{|\}\}/.test(part.text));
  if (leftover)
    problems.push({
      severity: 'error',
      code: 'malformed_template',
      value: text.length > 40 ? `${text.slice(0, 40)}…` : text,
    });
  return { parts, problems };
}

const CANDIDATES_TAB: TabDef = tabDef('candidates');

/** Problems that need the data: filter values that match nothing, references that are missing or personal. */
export function checkTemplateParts(
  parts: readonly TemplatePart[],
  workbook: Workbook,
  references: References,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const part of parts) {
    if (part.kind === 'metric') {
      const missing = missingMetricTabs(part.metric, workbook);
      if (missing.length > 0) {
        // 候補者, 企業 and イベント are optional: a figure from a tab the workbook lacks is not a 0.
        problems.push({
          severity: 'error',
          code: 'metric_needs_tab',
          value: part.metric.id,
          params: { other: tabNames(missing) },
        });
        continue;
      }
      for (const [key, values] of Object.entries(part.filters) as [FilterKey, string[]][]) {
        const known = knownFilterValues(workbook, key);
        if (!known) continue;
        for (const value of unknownFilterValues(known, values)) {
          problems.push({
            severity: known.open ? 'warning' : 'error',
            code: 'invalid_filter_value',
            value: `${key}=${value}`,
            params: { expected: describeKnownValues(known) },
          });
        }
      }
    } else if (part.kind === 'reference') {
      const resolved = references.get(referenceKey(part.target));
      const code = resolved ? referenceProblem(workbook, resolved) : 'unknown_cell_reference';
      if (code) problems.push({ severity: 'error', code, value: part.target });
    }
  }
  return problems;
}

/**
 * Why a `{{=…}}` target cannot be inserted, or null. Three walls: the cell is person-level (a 候補者 row, a personal
 * column); its value is not a number, which closes the class (whatever route a name takes to the cell, text is never
 * inserted); its formula reads a person-level cell, directly, by text (INDIRECT) or through other cells, which stops
 * numbers made from them (`=LEN(候補者!B2)`, a count of one nationality) that suppression would not see.
 */
export function referenceProblem(
  workbook: Workbook,
  reference: ResolvedReference,
): 'personal_reference' | 'personal_formula_reference' | 'reference_not_number' | null {
  const cell: Area = {
    firstRow: 1,
    lastRow: 1,
    firstColumn: reference.column,
    lastColumn: reference.column,
  };
  if (isPersonalArea(workbook, reference.sheet, cell)) return 'personal_reference';
  if (!isNumberDisplay(reference.text)) return 'reference_not_number';
  if (!reference.formula) return null;
  if (readsCandidates(reference.formula)) return 'personal_formula_reference';
  const personal = (sheet: string, area: Area) => isPersonalArea(workbook, sheet, area);
  return formulaReadsPersonal(reference.sheet, reference.formula, personal, reference.formulaSource)
    ? 'personal_formula_reference'
    : null;
}

/** Every cell of a person-row tab (候補者) is personal; on the other contract tabs, the personal columns are. */
export function isPersonalArea(workbook: Workbook, sheet: string, area: Area): boolean {
  if (isPersonRowTab(sheet)) return true;
  const key = matchKey(sheet);
  for (const def of TABS as readonly TabDef[]) {
    const layout = workbook.layouts[def.key];
    if (layout.name === null || matchKey(layout.name) !== key) continue;
    return def.columns.some((column) => {
      const index = layout.columns[column.key];
      return column.personal === true && index !== undefined && index >= area.firstColumn && index <= area.lastColumn;
    });
  }
  return false;
}

/**
 * What `{{=…}}` may insert: a number as the cell shows it, with thousands separators, a sign, decimals, a leading
 * ¥/$ and one unit of a closed list (1,234 / 1,234円 / 12名 / 50% / ▲3,000). No other letter passes, so no name can.
 */
const NUMBER_DISPLAY =
  /^(?:[-+−▲△]\s?)?[¥$]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(?:%|円|千円|万円|名|人|件|回|社)?$/;

export function isNumberDisplay(text: string): boolean {
  return text.length <= 40 && NUMBER_DISPLAY.test(normalizeText(text));
}

/** A textual check kept beside the parser: `候補者!` or `'Candidates'!` anywhere in the formula is refused. */
function readsCandidates(formula: string): boolean {
  const folded = matchKey(formula);
  return [CANDIDATES_TAB.ja, CANDIDATES_TAB.en].some(
    (name) => folded.includes(`${matchKey(name)}!`) || folded.includes(`'${matchKey(name)}'!`),
  );
}

export interface TemplateContext {
  readonly workbook: Workbook;
  readonly period: Period;
  readonly references: References;
  /** `figureKey`s of the figures this report hides (`planSuppression`), each printed as SUPPRESSED_LABEL. */
  readonly suppressed: ReadonlySet<string>;
  readonly language: 'ja' | 'en';
}

/** What a suppressed figure prints: the same words for every hidden figure, so none can be told from another. */
export const SUPPRESSED_LABEL = { ja: '（秘匿）', en: '(suppressed)' } as const;

/** The unit after a suppressed figure is dropped: 「（秘匿）名」 would read as a count. */
export const UNIT_AFTER_FIGURE = /^(?:[名人]| ?(?:people|persons|person)\b)/;

/** Renders checked parts; a figure the suppression plan hides prints SUPPRESSED_LABEL, without its unit. */
export function renderTemplate(parts: readonly TemplatePart[], context: TemplateContext): string {
  return renderTemplateFigures(parts, context).text;
}

/**
 * `renderTemplate`, and where each figure landed (issue 14): one span per placeholder, tagged by meaning
 * (`metricTag`, `referenceTag`). A metric's span takes in the unit typed right after it (`12名`), the unit a
 * suppressed figure drops, so the text an update swaps is `12名` ↔ `（秘匿）` and never leaves 「（秘匿）名」.
 */
export function renderTemplateFigures(
  parts: readonly TemplatePart[],
  context: TemplateContext,
): { text: string; figures: FigureSpan[] } {
  let out = '';
  const figures: FigureSpan[] = [];
  // The metric span just written, whose unit (if the next text starts with one) belongs to it.
  let open: { start: number; tag: string; suppressed: boolean } | null = null;
  for (const part of parts) {
    if (part.kind === 'text') {
      let text = part.text;
      if (open) {
        const unit = UNIT_AFTER_FIGURE.exec(text)?.[0] ?? '';
        text = text.slice(unit.length);
        if (!open.suppressed) out += unit;
        figures.push({ start: open.start, end: out.length, tag: open.tag });
        open = null;
      }
      out += text;
      continue;
    }
    if (open) figures.push({ start: open.start, end: out.length, tag: open.tag });
    open = null;
    const start = out.length;
    if (part.kind === 'reference') {
      const text = context.references.get(referenceKey(part.target))?.text ?? '';
      // Checked before any report is built; refused again here so no path inserts text (the value is not quoted).
      if (!isNumberDisplay(text)) throw new Error(`{{=${part.target}}} is not a number`);
      out += text.trim();
      figures.push({ start, end: out.length, tag: referenceTag(part.target) });
      continue;
    }
    const suppressed = context.suppressed.has(figureKey(part.metric, part.filters));
    out += suppressed
      ? SUPPRESSED_LABEL[context.language]
      : formatThousands(part.metric.compute({ workbook: context.workbook, period: context.period }, part.filters));
    open = { start, tag: metricTag(part.metric, part.filters), suppressed };
  }
  if (open) figures.push({ start: open.start, end: out.length, tag: open.tag });
  return { text: out, figures };
}

/** Every `{{=…}}` target in the workbook's templates, for the adapter to resolve before the report is built. */
export function collectReferenceTargets(workbook: Workbook): string[] {
  const targets = new Set<string>();
  for (const text of templateTexts(workbook)) {
    for (const part of parseTemplate(text.text).parts) if (part.kind === 'reference') targets.add(part.target);
  }
  return [...targets];
}

/** 事業 columns whose text is a template: 実施日時, 実施場所, 従事者の備考 and 受益対象者の人数. */
const PROGRAM_TEMPLATE_KEYS = ['when', 'where', 'staffNote', 'beneficiaryCount'] as const;

/** Every template cell: where it is and its text. */
export function templateTexts(
  workbook: Workbook,
): { tab: 'programs' | 'narrative'; key: string; row: number; text: string }[] {
  const texts: { tab: 'programs' | 'narrative'; key: string; row: number; text: string }[] = [];
  for (const program of workbook.programs) {
    // The 事業 cells the report's tables print that may hold `{{…}}` (DESIGN §9), in the tab's column order.
    for (const key of PROGRAM_TEMPLATE_KEYS) {
      const text = program[key];
      if (text) texts.push({ tab: 'programs', key, row: program.row, text });
    }
  }
  for (const paragraph of workbook.narrative) {
    if (paragraph.body) texts.push({ tab: 'narrative', key: 'body', row: paragraph.row, text: paragraph.body });
    if (paragraph.bodyEn) texts.push({ tab: 'narrative', key: 'bodyEn', row: paragraph.row, text: paragraph.bodyEn });
  }
  return texts;
}
