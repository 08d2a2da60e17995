// This file defines the report builder: a checked Workbook and a fiscal year → ReportDocument (DESIGN §4).
import { normalizeText } from './cells';
import { formatReportDate, formatYear } from './era';
import { type CellFigureKind, cellTag } from './figure-tags';
import type { Period } from './fiscal-year';
import { findMetric, formatThousands } from './metrics';
import { matchKey } from './read-workbook';
import { programYen } from './reconcile';
import type { ProgramRecord, ReportForm, RoundingMode, Workbook } from './records';
import type { Alignment, Block, FigureSpan, ReportDocument, ReportTable, TableCell } from './report-document';
import { REPORT_LABELS, type ReportLabels } from './report-labels';
import { meetingBlocks } from './report-meetings';
import { type RoundedProgramCosts, toThousandYen as roundOne, roundProgramCosts } from './rounding';
import { COST_ITEMS } from './schema';
import { type Figure, planSuppression } from './suppression';
import {
  parseTemplate,
  type References,
  renderTemplateFigures,
  SUPPRESSED_LABEL,
  type TemplateContext,
  templateTexts,
} from './templates';

export interface ReportOptions {
  readonly period: Period;
  readonly references?: References;
  /** Adds the 人件費 / その他経費 breakdown for reconciling with the 活動計算書. */
  readonly appendix?: boolean;
  readonly language?: 'ja' | 'en';
  /**
   * The figures to print as 「（秘匿）」, when the caller plans them over more than this report (a form that prints the
   * report's tables beside figures of its own, issue 16); default: planned over this report's templates.
   */
  readonly suppressed?: ReadonlySet<string>;
}

const NONE = '－';

/** Yen → 千円 by the 端数処理 setting, symmetric for refunds (kept here for callers; rounding.ts holds the rule). */
export function toThousandYen(yen: number, rounding: RoundingMode): number {
  return roundOne(yen, rounding);
}

/** The costs grouped by 事業内容 once per report (reconcile.ts programYen), not scanned once per 事業 and 費目. */
const PROGRAM_YEN = new WeakMap<TemplateContext, ReturnType<typeof programYen>>();

function programCost(context: TemplateContext, program: string, item?: string): number {
  let yenOf = PROGRAM_YEN.get(context);
  if (!yenOf) {
    yenOf = programYen(context.workbook, context.period);
    PROGRAM_YEN.set(context, yenOf);
  }
  return yenOf(program, item);
}

/** Programs in 表示順, rows of the same 定款 事業名 kept together (the group sits where its first row would). */
function orderPrograms(programs: readonly ProgramRecord[]): ProgramRecord[][] {
  const sorted = [...programs].sort(
    (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || a.row - b.row,
  );
  const groups = new Map<string, ProgramRecord[]>();
  for (const program of sorted) {
    const key = matchKey(program.articleName ?? program.program ?? '');
    const group = groups.get(key);
    if (group) group.push(program);
    else groups.set(key, [program]);
  }
  return [...groups.values()];
}

/** What the builder needs besides the data: words, the 様式, and the `見出し:` replacement of a fixed text. */
interface Style {
  readonly labels: ReportLabels;
  readonly form: ReportForm;
  readonly staffUnit: string;
  /** A fixed text, or its `見出し:` replacement. */
  readonly label: (text: string) => string;
}

/** A template cell (実施日時, 実施場所, 従事者の備考, 受益対象者の人数) as printed; '' when blank. */
function renderCell(text: string | null, context: TemplateContext): string {
  return renderCellFigures(text, context).text;
}

/** `renderCell` and whether the cell printed a figure of a placeholder. */
function renderCellFigures(text: string | null, context: TemplateContext): { text: string; placeholders: boolean } {
  if (!text) return { text: '', placeholders: false };
  const rendered = renderTemplateFigures(parseTemplate(text).parts, context);
  return { text: rendered.text.trim(), placeholders: rendered.figures.length > 0 };
}

/**
 * A cell that is one figure as a whole (issue 14): 事業費, 受益対象者の人数, a total, an appendix amount. Never
 * called with '': amounts are formatted numbers and every other caller prints 「－」 for a blank.
 */
function figureCell(text: string, kind: CellFigureKind, ...pieces: string[]): TableCell {
  return { text, figures: [{ start: 0, end: text.length, tag: cellTag(kind, ...pieces) }] };
}

/** A 事業 cell whose template may hold placeholders: then the whole cell is a figure (`when:育成事業`). */
function templateCell(text: string, placeholders: boolean, kind: CellFigureKind, program: string): TableCell {
  return placeholders ? figureCell(text, kind, program) : { text };
}

// A bare whole number (6, ６, 1,200) up to 9 digits: printed with 人数の単位. Anything else (毎回1名, 延べ12人, 6人, or
// digits too long to be a head count) prints as typed.
const BARE_COUNT = /^\d{1,3}(?:,\d{3}){0,2}$|^\d{1,9}$/;

/** 従事者人数 with its unit (or as typed), then 従事者の備考 in parentheses: `6人（兼任）`, `毎回1名`. */
function staffText(program: ProgramRecord, context: TemplateContext, style: Style): TableCell {
  const typed = program.staffCount === null ? '' : normalizeText(program.staffCount);
  const count = BARE_COUNT.test(typed) ? style.labels.staff(Number(typed.replace(/,/g, '')), style.staffUnit) : typed;
  const { text: note, placeholders } = renderCellFigures(program.staffNote, context);
  const text = count === '' ? (note === '' ? NONE : note) : note === '' ? count : `${count}（${note}）`;
  return templateCell(text, placeholders, 'staff', program.program ?? '');
}

function programTable(
  groups: readonly ProgramRecord[][],
  context: TemplateContext,
  costs: RoundedProgramCosts,
  style: Style,
  category: string,
): ReportTable {
  const withBeneficiaries = category === '特定非営利活動';
  const { labels, form } = style;
  const example = form === '記載例';
  const rows: TableCell[][] = [];
  // One name per body row, for the update's check that the table still has the same 事業 (issue 14, point 4).
  const rowNames: string[] = [];
  for (const group of groups) {
    group.forEach((program, index) => {
      const notCarriedOut = program.status === '実施なし';
      const name = program.program ?? '';
      rowNames.push(name);
      const cost = formatThousands(costs.byRow.get(program.row) ?? 0);
      const cells: TableCell[] = [];
      if (index === 0)
        cells.push(
          group.length > 1
            ? { text: program.articleName ?? '', rowSpan: group.length }
            : { text: program.articleName ?? '' },
        );
      cells.push({ text: name });
      if (notCarriedOut) cells.push({ text: style.label(labels.notCarriedOut) }, { text: NONE }, { text: NONE });
      else {
        const when = renderCellFigures(program.when, context);
        const where = renderCellFigures(program.where, context);
        cells.push(templateCell(when.text || NONE, when.placeholders, 'when', name));
        cells.push(templateCell(where.text || NONE, where.placeholders, 'where', name));
        cells.push(staffText(program, context, style));
      }
      if (withBeneficiaries) {
        const scope = program.beneficiaryScope?.trim() ?? '';
        const count = renderCell(program.beneficiaryCount, context);
        if (example) {
          // 記載例: 受益対象者の範囲及び人数 in one cell, 範囲 and 人数 joined by a space.
          const joined = [scope, count].filter((text) => text !== '').join(' ');
          cells.push(figureCell(notCarriedOut || joined === '' ? NONE : joined, 'beneficiaries', name));
        } else {
          cells.push({ text: notCarriedOut ? NONE : (program.beneficiaryScope ?? NONE) });
          cells.push(figureCell(notCarriedOut || count === '' ? NONE : count, 'beneficiaries', name));
        }
      }
      cells.push(figureCell(cost, 'cost', name));
      rows.push(cells);
    });
  }
  const full = example ? labels.exampleHeader : labels.tableHeader;
  // （２）その他の事業 has the same columns without the 受益対象者 ones (the law asks no beneficiaries there).
  const beneficiaryColumns = example ? [5] : [5, 6];
  const header = withBeneficiaries ? [...full] : full.filter((_, i) => !beneficiaryColumns.includes(i));
  if (example) {
    // 記載例: the section heading carries no total, so the table ends with a 合計 row (the 区分's rounded total).
    rows.push([
      { text: style.label(labels.total) },
      ...header.slice(1, -1).map(() => ({ text: '' })),
      figureCell(formatThousands(costs.totalThousands), 'total', category),
    ]);
    rowNames.push(style.label(labels.total));
  }
  const align: Alignment[] = header.map((_, i) => (i === header.length - 1 ? 'right' : i === 4 ? 'center' : 'left'));
  const widths = example
    ? withBeneficiaries
      ? [16, 16, 12, 12, 10, 20, 14]
      : [22, 20, 15, 15, 13, 15]
    : withBeneficiaries
      ? [14, 12, 9, 9, 9, 18, 17, 12]
      : [22, 20, 15, 15, 13, 15];
  return { kind: 'table', header, rows, align, widths, figureRows: { id: `programs:${category}`, rows: rowNames } };
}

/** One 区分's rows rounded together (端数処理, 合計に合わせる included) with its total. */
function roundCategory(programs: readonly ProgramRecord[], context: TemplateContext): RoundedProgramCosts {
  const amounts = programs.map((program) => ({ row: program.row, yen: programCost(context, program.program ?? '') }));
  return roundProgramCosts(amounts, context.workbook.settings.rounding);
}

/**
 * One section （１） or （２）: its heading (標準: with the total; 記載例: without, the table's 合計 row has it) and
 * the table, 「なし」 when the 区分 has no 事業, or 「実施しなかった」 when none of its 事業 was carried out (（２）).
 */
function sectionBlocks(
  heading: string,
  programs: readonly ProgramRecord[],
  context: TemplateContext,
  style: Style,
  category: '特定非営利活動' | 'その他の事業',
): Block[] {
  const withBeneficiaries = category === '特定非営利活動';
  const costs = roundCategory(programs, context);
  const blocks: Block[] = [];
  if (style.form === '記載例') blocks.push({ kind: 'heading', level: 2, text: heading });
  else {
    // The total inside the heading is a figure (`total:特定非営利活動`): found by the suffix's text before it.
    const total = formatThousands(costs.totalThousands);
    const start = style.label(heading).length + style.labels.totalSuffix('\u0000').indexOf('\u0000');
    const text = `${style.label(heading)}${style.labels.totalSuffix(total)}`;
    const figures: FigureSpan[] = [{ start, end: start + total.length, tag: cellTag('total', category) }];
    blocks.push({ kind: 'heading', level: 2, text, figures });
  }
  if (programs.length === 0) blocks.push({ kind: 'paragraph', text: style.label(style.labels.none) });
  else if (!withBeneficiaries && programs.every((program) => program.status === '実施なし'))
    // The guidance for （２）: 「定款に定めているが当該事業年度に実施しなかった場合は「実施しなかった」と記載する」.
    blocks.push({ kind: 'paragraph', text: style.label(style.labels.otherNotCarriedOut) });
  else blocks.push(programTable(orderPrograms(programs), context, costs, style, category));
  return blocks;
}

function narrativeBlocks(context: TemplateContext, language: 'ja' | 'en'): Block[] {
  const paragraphs = [...context.workbook.narrative].sort(
    (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || a.row - b.row,
  );
  const byHeading = new Map<string, typeof paragraphs>();
  for (const paragraph of paragraphs) {
    const key = paragraph.heading ?? '';
    const list = byHeading.get(key);
    if (list) list.push(paragraph);
    else byHeading.set(key, [paragraph]);
  }
  const blocks: Block[] = [];
  for (const [heading, list] of byHeading) {
    blocks.push({ kind: 'heading', level: 2, text: `【${heading}】` });
    let subheading: string | null = null;
    for (const paragraph of list) {
      if (paragraph.subheading && paragraph.subheading !== subheading) {
        blocks.push({ kind: 'heading', level: 3, text: `<${paragraph.subheading}>` });
      }
      subheading = paragraph.subheading;
      const template = language === 'en' && paragraph.bodyEn ? paragraph.bodyEn : (paragraph.body ?? '');
      const rendered = renderTemplateFigures(parseTemplate(template).parts, context);
      // One paragraph per line, each with the figures that fall in it (no figure holds a line break).
      let start = 0;
      for (const line of rendered.text.split(/\r?\n/)) {
        const end = start + line.length;
        const figures = rendered.figures
          .filter((span) => span.start >= start && span.end <= end)
          .map((span) => ({ start: span.start - start, end: span.end - start, tag: span.tag }));
        if (line.trim() !== '')
          blocks.push(
            figures.length > 0 ? { kind: 'paragraph', text: line, figures } : { kind: 'paragraph', text: line },
          );
        start = end + (rendered.text.startsWith('\r\n', end) ? 2 : 1);
      }
    }
  }
  return blocks;
}

/** 人件費, その他経費 and their sum as figure cells (`appendix:育成事業:人件費`, `admin:計`). */
function amountCells(amounts: readonly number[], kind: CellFigureKind, ...row: string[]): TableCell[] {
  const [personnel, other] = COST_ITEMS;
  return [
    figureCell(formatThousands(amounts[0]), kind, ...row, personnel),
    figureCell(formatThousands(amounts[1]), kind, ...row, other),
    figureCell(formatThousands(amounts[0] + amounts[1]), kind, ...row, '計'),
  ];
}

function appendixBlocks(context: TemplateContext, programs: readonly ProgramRecord[], style: Style): Block[] {
  const { labels } = style;
  const [personnel, other] = COST_ITEMS;
  const rows: TableCell[][] = [];
  const rowNames: string[] = [];
  let totals = [0, 0];
  for (const program of programs) {
    const name = program.program ?? '';
    const amounts = [programCost(context, name, personnel), programCost(context, name, other)];
    totals = [totals[0] + amounts[0], totals[1] + amounts[1]];
    rows.push([{ text: name }, ...amountCells(amounts, 'appendix', name)]);
    rowNames.push(name);
  }
  rows.push([{ text: style.label(labels.appendixTotal) }, ...amountCells(totals, 'appendix-total')]);
  rowNames.push(style.label(labels.appendixTotal));
  const admin = findMetric('管理費');
  if (admin) {
    const amounts = [personnel, other].map((item) => admin.compute(context, { 費目: [item] }));
    rows.push([{ text: style.label(labels.appendixAdmin) }, ...amountCells(amounts, 'admin')]);
    rowNames.push(style.label(labels.appendixAdmin));
  }
  return [
    { kind: 'heading', level: 2, text: labels.appendix },
    {
      kind: 'table',
      header: [...labels.appendixHeader],
      rows,
      align: ['left', 'right', 'right', 'right'],
      widths: [40, 20, 20, 20],
      figureRows: { id: 'appendix', rows: rowNames },
    },
    ...statementComparison(context, totals[0] + totals[1], style),
    { kind: 'note', text: labels.appendixNote },
  ];
}

/**
 * 活動計算書の事業費計 (設定) beside this report's 事業費 total and their difference (report − statement). In yen;
 * in 千円 when the setting was typed in 千円 (the report's total then rounded by 端数処理).
 */
function statementComparison(context: TemplateContext, reportYen: number, style: Style): Block[] {
  const statement = context.workbook.settings.statementProgramCost;
  if (!statement) return [];
  const { labels } = style;
  const rounding = context.workbook.settings.rounding;
  const [ours, theirs] = statement.inThousands
    ? [roundOne(reportYen, rounding), statement.yen / 1000]
    : [reportYen, statement.yen];
  const unit = statement.inThousands ? labels.thousandYen : labels.yen;
  const amount = (value: number, row: string) => figureCell(`${formatThousands(value)}${unit}`, 'comparison', row);
  const names = [labels.comparisonStatement, labels.comparisonReport, labels.comparisonDifference].map(style.label);
  return [
    {
      kind: 'table',
      header: [...labels.comparisonHeader],
      rows: [
        [{ text: names[0] }, amount(theirs, 'statement')],
        [{ text: names[1] }, amount(ours, 'report')],
        [{ text: names[2] }, amount(ours - theirs, 'difference')],
      ],
      align: ['left', 'right'],
      widths: [60, 40],
      figureRows: { id: 'comparison', rows: names },
    },
  ];
}

/** Every figure the report's templates can print (本文 in both languages, every 受益対象者の人数), for suppression. */
export function templateFigures(workbook: Workbook): Figure[] {
  const figures: Figure[] = [];
  for (const { text } of templateTexts(workbook)) {
    for (const part of parseTemplate(text).parts) {
      if (part.kind === 'metric') figures.push({ metric: part.metric, filters: part.filters });
    }
  }
  return figures;
}

/** Whether any text of the report prints the suppressed label (then a note explains it). */
function printsSuppressed(blocks: readonly Block[], label: string): boolean {
  return blocks.some((block) =>
    block.kind === 'table'
      ? block.rows.some((row) => row.some((cell) => cell.text.includes(label)))
      : 'text' in block && block.text.includes(label),
  );
}

/** Replaces every heading and table header cell that a `見出し:` row names (the whole text, compared folded). */
function applyHeadingOverrides(blocks: readonly Block[], replace: (text: string) => string): Block[] {
  return blocks.map((block): Block => {
    if (block.kind === 'heading') {
      const text = replace(block.text);
      if (text === block.text) return block;
      // A replaced heading prints none of the figures it had.
      const { figures: _figures, ...rest } = block;
      return { ...rest, text };
    }
    if (block.kind === 'table') return { ...block, header: block.header.map(replace) };
    return block;
  });
}

/** Builds the report; the workbook must have passed validation (templates included). */
export function buildReportDocument(workbook: Workbook, options: ReportOptions): ReportDocument {
  const language = options.language ?? workbook.settings.language;
  const labels = REPORT_LABELS[language];
  const settings = workbook.settings;
  const threshold = settings.suppressionThreshold;
  const context: TemplateContext = {
    workbook,
    period: options.period,
    references: options.references ?? new Map(),
    suppressed:
      options.suppressed ?? planSuppression(templateFigures(workbook), { workbook, period: options.period }, threshold),
    language,
  };
  // A later row for the same text wins, as when a setting is typed twice.
  const overrides = new Map(settings.headingOverrides.map((o) => [matchKey(o.target), o.text]));
  const label = (text: string): string => overrides.get(matchKey(text)) ?? text;
  const style: Style = { labels, form: settings.form, staffUnit: settings.staffUnit, label };
  const year = options.period.year;
  // English readers do not read era names: an English report keeps western years (README).
  const title = labels.title(
    language === 'ja' ? formatYear(year, settings.yearStyle) : String(year),
    label(labels.titleName),
  );
  const date = (day: number) => formatReportDate(day, settings, language);
  const orgName: Block = { kind: 'subtitle', text: settings.orgName };
  const example = settings.form === '記載例';
  const period: Block = {
    kind: 'subtitle',
    text: (example ? labels.periodBare : labels.period)(date(options.period.start), date(options.period.end)),
  };
  const specified = workbook.programs.filter((p) => p.category === '特定非営利活動');
  const others = workbook.programs.filter((p) => p.category === 'その他の事業');
  const blocks: Block[] = [
    { kind: 'title', text: title },
    // 記載例: title, period, 団体名; 標準 (the reference report): title, 団体名, period.
    ...(example ? [period, orgName] : [orgName, period]),
    { kind: 'heading', level: 1, text: labels.results },
    ...narrativeBlocks(context, language),
    { kind: 'heading', level: 1, text: labels.implementation },
    ...sectionBlocks(labels.specified, specified, context, style, '特定非営利活動'),
  ];
  // 定款にない: the 定款 has no その他の事業, and the guidance is to leave （２） out rather than write 「なし」.
  if (settings.otherBusiness !== '定款にない')
    blocks.push(...sectionBlocks(labels.other, others, context, style, 'その他の事業'));
  // ３．社員総会等の開催状況 (issue 12): only when the 会議 tab has meetings in the period.
  blocks.push(...meetingBlocks(workbook, options.period, date, language));
  if (options.appendix) {
    const ordered = orderPrograms([...specified, ...others]).flat();
    blocks.push(...appendixBlocks(context, ordered, style));
  }
  if (printsSuppressed(blocks, SUPPRESSED_LABEL[language]))
    blocks.push({ kind: 'note', text: labels.suppressedNote(SUPPRESSED_LABEL[language], threshold) });
  const finished = overrides.size === 0 ? blocks : applyHeadingOverrides(blocks, label);
  return { language, title, year, orgName: settings.orgName, blocks: finished };
}
