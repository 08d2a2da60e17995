// This file defines the report builder: a checked Workbook and a fiscal year → ReportDocument (DESIGN §4).
import { ymdFromDayNumber } from './cells';
import type { Period } from './fiscal-year';
import { findMetric, formatThousands } from './metrics';
import { matchKey } from './read-workbook';
import type { ProgramRecord, RoundingMode, Workbook } from './records';
import type { Alignment, Block, ReportDocument, ReportTable, TableCell } from './report-document';
import { COST_ITEMS } from './schema';
import { type Figure, planSuppression } from './suppression';
import {
  parseTemplate,
  type References,
  renderTemplate,
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
}

const NONE = '－';

const LABELS = {
  ja: {
    title: (year: number) => `${year}年度 事業報告書`,
    period: (start: string, end: string) => `（${start}から${end}まで）`,
    date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
    results: '１．事業の成果',
    implementation: '２．事業の実施に関する事項',
    specified: (total: string) => `（１）特定非営利活動に係る事業（事業費の総費用【 ${total} 】千円）`,
    other: (total: string) => `（２）その他の事業（事業費の総費用【 ${total} 】千円）`,
    none: 'なし',
    notCarriedOut: '当該年度は実施なし',
    staff: (count: number) => `${count}人`,
    tableHeader: [
      '定款に記載された事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者人数',
      '受益対象者の範囲',
      '受益対象者の人数',
      '事業費（千円）',
    ],
    appendix: '（参考）事業費の内訳（活動計算書との照合用、単位: 円）',
    appendixHeader: ['事業内容', '人件費', 'その他経費', '合計'],
    appendixTotal: '事業費 合計',
    appendixAdmin: '管理費（事業費に含まない）',
    appendixNote:
      '事業費は円単位で合計してから千円単位に丸めています。そのため各事業の千円の合計と総費用が1千円程度異なることがあります。',
    suppressedNote: (threshold: number) =>
      `${SUPPRESSED_LABEL.ja}: 属性別の人数のうち${threshold}名未満のものと、ほかの数字との足し引きでそれがわかってしまうものは、個人が特定されないよう表示していません。`,
  },
  en: {
    title: (year: number) => `FY${year} Annual Activity Report (事業報告書)`,
    period: (start: string, end: string) => `(${start} to ${end})`,
    date: (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    results: '1. Results of activities',
    implementation: '2. Activities carried out',
    specified: (total: string) => `(1) Specified nonprofit activities (total program cost: ${total} thousand yen)`,
    other: (total: string) => `(2) Other activities (total program cost: ${total} thousand yen)`,
    none: 'None',
    notCarriedOut: 'Not carried out this year',
    staff: (count: number) => `${count}`,
    tableHeader: [
      'Program in the articles',
      'Activity',
      'When',
      'Where',
      'Staff',
      'Beneficiaries',
      'Number of beneficiaries',
      'Cost (thousand yen)',
    ],
    appendix: 'Appendix: program cost breakdown (for the statement of activities, yen)',
    appendixHeader: ['Activity', 'Personnel', 'Other', 'Total'],
    appendixTotal: 'Total program cost',
    appendixAdmin: 'Administration (not program cost)',
    appendixNote:
      'Costs are summed in yen and then rounded to thousands, so the total may differ by about 1 from the sum of rounded rows.',
    suppressedNote: (threshold: number) =>
      `${SUPPRESSED_LABEL.en}: counts by status below ${threshold}, and counts from which such a count could be worked out by adding or subtracting other figures, are not shown, so that no one can be identified.`,
  },
} as const;

/** Yen → 千円 by the 端数処理 setting, symmetric for refunds. */
export function toThousandYen(yen: number, rounding: RoundingMode): number {
  const sign = yen < 0 ? -1 : 1;
  const thousands = Math.abs(yen) / 1000;
  return sign * (rounding === '切り捨て' ? Math.floor(thousands) : Math.floor(thousands + 0.5));
}

function programCost(context: TemplateContext, program: string, item?: string): number {
  const metric = findMetric('事業費');
  if (!metric) throw new Error('metric 事業費 is not registered');
  return metric.compute(
    { workbook: context.workbook, period: context.period },
    item ? { 事業内容: [program], 費目: [item] } : { 事業内容: [program] },
  );
}

function categoryTotal(context: TemplateContext, category: string): number {
  const metric = findMetric('事業費合計');
  if (!metric) throw new Error('metric 事業費合計 is not registered');
  return metric.compute({ workbook: context.workbook, period: context.period }, { 区分: [category] });
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

function programTable(
  groups: readonly ProgramRecord[][],
  context: TemplateContext,
  rounding: RoundingMode,
  labels: (typeof LABELS)['ja' | 'en'],
  withBeneficiaries: boolean,
): ReportTable {
  const rows: TableCell[][] = [];
  for (const group of groups) {
    group.forEach((program, index) => {
      const notCarriedOut = program.status === '実施なし';
      const staff =
        program.staffCount === null
          ? NONE
          : `${labels.staff(program.staffCount)}${program.staffNote ? `（${program.staffNote}）` : ''}`;
      const cost = formatThousands(toThousandYen(programCost(context, program.program ?? ''), rounding));
      const cells: TableCell[] = [];
      if (index === 0)
        cells.push(
          group.length > 1
            ? { text: program.articleName ?? '', rowSpan: group.length }
            : { text: program.articleName ?? '' },
        );
      cells.push({ text: program.program ?? '' });
      cells.push({ text: notCarriedOut ? labels.notCarriedOut : (program.when ?? NONE) });
      cells.push({ text: notCarriedOut ? NONE : (program.where ?? NONE) });
      cells.push({ text: notCarriedOut ? NONE : staff });
      if (withBeneficiaries) {
        cells.push({ text: notCarriedOut ? NONE : (program.beneficiaryScope ?? NONE) });
        const count = program.beneficiaryCount
          ? renderTemplate(parseTemplate(program.beneficiaryCount).parts, context)
          : '';
        cells.push({ text: notCarriedOut || count.trim() === '' ? NONE : count });
      }
      cells.push({ text: cost });
      rows.push(cells);
    });
  }
  // （２）その他の事業 has the same columns without the two 受益対象者 ones (the law asks no beneficiaries there).
  const header = withBeneficiaries ? labels.tableHeader : labels.tableHeader.filter((_, i) => i !== 5 && i !== 6);
  const align: Alignment[] = header.map((_, i) => (i === header.length - 1 ? 'right' : i === 4 ? 'center' : 'left'));
  const widths = withBeneficiaries ? [14, 12, 9, 9, 9, 18, 17, 12] : [22, 20, 15, 15, 13, 15];
  return { kind: 'table', header: [...header], rows, align, widths };
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
      for (const line of renderTemplate(parseTemplate(template).parts, context).split(/\r?\n/)) {
        if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line });
      }
    }
  }
  return blocks;
}

function appendixBlocks(
  context: TemplateContext,
  programs: readonly ProgramRecord[],
  labels: (typeof LABELS)['ja' | 'en'],
): Block[] {
  const [personnel, other] = COST_ITEMS;
  const rows: TableCell[][] = [];
  let totals = [0, 0];
  for (const program of programs) {
    const name = program.program ?? '';
    const amounts = [programCost(context, name, personnel), programCost(context, name, other)];
    totals = [totals[0] + amounts[0], totals[1] + amounts[1]];
    rows.push([{ text: name }, ...[...amounts, amounts[0] + amounts[1]].map((n) => ({ text: formatThousands(n) }))]);
  }
  rows.push([
    { text: labels.appendixTotal },
    ...[...totals, totals[0] + totals[1]].map((n) => ({ text: formatThousands(n) })),
  ]);
  const admin = findMetric('管理費');
  if (admin) {
    const amounts = [personnel, other].map((item) => admin.compute(context, { 費目: [item] }));
    rows.push([
      { text: labels.appendixAdmin },
      ...[...amounts, amounts[0] + amounts[1]].map((n) => ({ text: formatThousands(n) })),
    ]);
  }
  return [
    { kind: 'heading', level: 2, text: labels.appendix },
    {
      kind: 'table',
      header: [...labels.appendixHeader],
      rows,
      align: ['left', 'right', 'right', 'right'],
      widths: [40, 20, 20, 20],
    },
    { kind: 'note', text: labels.appendixNote },
  ];
}

/** Every figure the report's templates can print (本文 in both languages, every 受益対象者の人数), for suppression. */
function templateFigures(workbook: Workbook): Figure[] {
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

/** Builds the report; the workbook must have passed validation (templates included). */
export function buildReportDocument(workbook: Workbook, options: ReportOptions): ReportDocument {
  const language = options.language ?? workbook.settings.language;
  const labels = LABELS[language];
  const threshold = workbook.settings.suppressionThreshold;
  const context: TemplateContext = {
    workbook,
    period: options.period,
    references: options.references ?? new Map(),
    suppressed: planSuppression(templateFigures(workbook), { workbook, period: options.period }, threshold),
    language,
  };
  const rounding = workbook.settings.rounding;
  const start = ymdFromDayNumber(options.period.start);
  const end = ymdFromDayNumber(options.period.end);
  const year = options.period.year;
  const blocks: Block[] = [
    { kind: 'title', text: labels.title(year) },
    { kind: 'subtitle', text: workbook.settings.orgName },
    {
      kind: 'subtitle',
      text: labels.period(labels.date(start.year, start.month, start.day), labels.date(end.year, end.month, end.day)),
    },
    { kind: 'heading', level: 1, text: labels.results },
    ...narrativeBlocks(context, language),
    { kind: 'heading', level: 1, text: labels.implementation },
  ];
  const specified = workbook.programs.filter((p) => p.category === '特定非営利活動');
  const others = workbook.programs.filter((p) => p.category === 'その他の事業');
  const specifiedTotal = toThousandYen(categoryTotal(context, '特定非営利活動'), rounding);
  blocks.push({ kind: 'heading', level: 2, text: labels.specified(formatThousands(specifiedTotal)) });
  if (specified.length > 0) blocks.push(programTable(orderPrograms(specified), context, rounding, labels, true));
  else blocks.push({ kind: 'paragraph', text: labels.none });
  const otherTotal = toThousandYen(categoryTotal(context, 'その他の事業'), rounding);
  blocks.push({ kind: 'heading', level: 2, text: labels.other(formatThousands(otherTotal)) });
  if (others.length > 0) blocks.push(programTable(orderPrograms(others), context, rounding, labels, false));
  else blocks.push({ kind: 'paragraph', text: labels.none });
  if (options.appendix) {
    const ordered = orderPrograms([...specified, ...others]).flat();
    blocks.push(...appendixBlocks(context, ordered, labels));
  }
  if (printsSuppressed(blocks, SUPPRESSED_LABEL[language]))
    blocks.push({ kind: 'note', text: labels.suppressedNote(threshold) });
  return { language, title: labels.title(year), year, orgName: workbook.settings.orgName, blocks };
}
