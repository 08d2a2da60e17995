// This file defines templates: `{{指標名|キー=値}}` and `{{=シート!B3}}` placeholders in 本文 and 受益対象者の人数.

import { describeKnownValues, knownFilterValues, parseCondition, unknownFilterValues } from './conditions';
import type { Period } from './fiscal-year';
import type { IssueCode, IssueParams, Severity } from './issues';
import type { FilterKey, Filters, MetricDef } from './metrics';
import { findMetric, formatThousands, METRICS } from './metrics';
import { matchKey } from './read-workbook';
import type { Workbook } from './records';
import { TABS, type TabDef } from './schema';

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'metric'; readonly metric: MetricDef; readonly filters: Filters; readonly source: string }
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
}

/** Target as written (see `referenceKey`) → what it resolved to, or null when it does not exist. */
export type References = ReadonlyMap<string, ResolvedReference | null>;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function referenceKey(target: string): string {
  return matchKey(target);
}

/** Splits a template into text, metric and reference parts; problems that need no data are found here. */
export function parseTemplate(text: string): { parts: TemplatePart[]; problems: TemplateProblem[] } {
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
    for (const text of conditions) {
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
    if (ok) parts.push({ kind: 'metric', metric, filters, source: match[0] });
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

const CANDIDATES_TAB = TABS.find((tab) => tab.key === 'candidates') as TabDef;

/** Problems that need the data: filter values that match nothing, references that are missing or personal. */
export function checkTemplateParts(
  parts: readonly TemplatePart[],
  workbook: Workbook,
  references: References,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const part of parts) {
    if (part.kind === 'metric') {
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
      if (!resolved) problems.push({ severity: 'error', code: 'unknown_cell_reference', value: part.target });
      else if (isPersonalCell(workbook, resolved))
        problems.push({ severity: 'error', code: 'personal_reference', value: part.target });
    }
  }
  return problems;
}

/**
 * Every row of 候補者 is a person; elsewhere the personal columns are. A cell whose formula reads 候補者 at all is
 * refused too, since `=候補者!B2` or `=INDEX(候補者!B:B, 2)` would carry a name through (aggregate with the metrics).
 */
function isPersonalCell(workbook: Workbook, reference: ResolvedReference): boolean {
  const sheet = matchKey(reference.sheet);
  if (sheet === matchKey(CANDIDATES_TAB.ja) || sheet === matchKey(CANDIDATES_TAB.en)) return true;
  if (reference.formula && readsCandidates(reference.formula)) return true;
  for (const def of TABS as readonly TabDef[]) {
    const layout = workbook.layouts[def.key];
    if (layout.name === null || matchKey(layout.name) !== sheet) continue;
    return def.columns.some((column) => column.personal && layout.columns[column.key] === reference.column);
  }
  return false;
}

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
}

/** Renders checked parts. A 属性 breakdown below 秘匿しきい値 shows 「N名未満」 so no small group is identifiable. */
export function renderTemplate(parts: readonly TemplatePart[], context: TemplateContext): string {
  let out = '';
  let swallowUnit = false;
  for (const part of parts) {
    if (part.kind === 'text') {
      out += swallowUnit ? part.text.replace(/^[名人]/, '') : part.text;
      swallowUnit = false;
      continue;
    }
    swallowUnit = false;
    if (part.kind === 'reference') {
      out += context.references.get(referenceKey(part.target))?.text ?? '';
      continue;
    }
    const value = part.metric.compute({ workbook: context.workbook, period: context.period }, part.filters);
    const threshold = context.workbook.settings.suppressionThreshold;
    if (part.filters.属性 && part.metric.unit === 'people' && value > 0 && value < threshold) {
      out += `${threshold}名未満`;
      swallowUnit = true;
    } else out += formatThousands(value);
  }
  return out;
}

/** Every `{{=…}}` target in the workbook's templates, for the adapter to resolve before the report is built. */
export function collectReferenceTargets(workbook: Workbook): string[] {
  const targets = new Set<string>();
  for (const text of templateTexts(workbook)) {
    for (const part of parseTemplate(text.text).parts) if (part.kind === 'reference') targets.add(part.target);
  }
  return [...targets];
}

/** Every template cell: where it is and its text. */
export function templateTexts(
  workbook: Workbook,
): { tab: 'programs' | 'narrative'; key: string; row: number; text: string }[] {
  const texts: { tab: 'programs' | 'narrative'; key: string; row: number; text: string }[] = [];
  for (const program of workbook.programs) {
    if (program.beneficiaryCount)
      texts.push({ tab: 'programs', key: 'beneficiaryCount', row: program.row, text: program.beneficiaryCount });
  }
  for (const paragraph of workbook.narrative) {
    if (paragraph.body) texts.push({ tab: 'narrative', key: 'body', row: paragraph.row, text: paragraph.body });
    if (paragraph.bodyEn) texts.push({ tab: 'narrative', key: 'bodyEn', row: paragraph.row, text: paragraph.bodyEn });
  }
  return texts;
}
