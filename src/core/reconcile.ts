// This file defines the reconciliation of the report's 事業費 with the 活動計算書 (DESIGN §9): warnings at 設定 cells.
import { columnKeys } from './column-keys';
import { oneLineText } from './document-text';
import type { Period } from './fiscal-year';
import { a1, type IssueDraft, type MovedProgramRow } from './issues';
import { findMetric, type MetricDef } from './metrics';
import { matchKey } from './read-workbook';
import type { CostRecord, ProgramRecord, Workbook } from './records';
import { roundProgramCosts, toThousandYen } from './rounding';
import { PROGRAM_CATEGORIES, SETTINGS, type SettingKey } from './schema';

/**
 * Each program's 事業費 in yen (of one 費目 when `item` is given): the 事業費 metric with 事業内容 = the program, as
 * the report's tables compute it. The metric runs over only the costs whose 事業内容 has the program's match key (the
 * only rows that filter accepts), so a workbook of P programs and C costs takes one pass over 費用 instead of P.
 * The report's tables and appendix (report.ts) and the reconciliation below use this one grouping.
 */
export function programYen(workbook: Workbook, period: Period): (program: string, item?: string) => number {
  const metric = costMetric();
  const keys = columnKeys(workbook.costs, 'program');
  const byKey = new Map<string, CostRecord[]>();
  workbook.costs.forEach((cost, index) => {
    // A blank 事業内容 (null) joins '' only to be refused by the metric's own filter.
    const key = keys[index] ?? '';
    const list = byKey.get(key);
    if (list) list.push(cost);
    else byKey.set(key, [cost]);
  });
  return (name, item) => {
    const costs = byKey.get(matchKey(name)) ?? [];
    const filters = item === undefined ? { 事業内容: [name] } : { 事業内容: [name], 費目: [item] };
    return metric.compute({ workbook: { ...workbook, costs }, period }, filters);
  };
}

/** The year's 事業費 of both 区分 (管理費 excluded), in yen. */
function totalYen(workbook: Workbook, period: Period): number {
  return costMetric().compute({ workbook, period }, {});
}

function costMetric(): MetricDef {
  const metric = findMetric('事業費');
  if (!metric) throw new Error('metric 事業費 is not registered');
  return metric;
}

/** A warning at a setting's 値 cell on 設定 (A1 of the tab when the row cannot be found). */
function settingWarning(workbook: Workbook, key: SettingKey, draft: Pick<IssueDraft, 'code' | 'value' | 'params'>) {
  const setting = SETTINGS.find((s) => s.key === key);
  const issue: IssueDraft = {
    severity: 'warning',
    tab: workbook.layouts.settings.name ?? '設定',
    cell: workbook.settings.settingCells[key] ?? 'A1',
    column: setting?.ja ?? '',
    ...draft,
  };
  return issue;
}

/**
 * (a) 活動計算書の事業費計 against the 費用 tab's 事業費 of the year, both 区分 together (the statement's 合計 column).
 * In yen; when the figure was typed in 千円, the yen sum is rounded to 千円 (by 端数処理, as the report's totals are)
 * and compared in 千円.
 */
function statementMismatch(workbook: Workbook, period: Period): IssueDraft[] {
  const statement = workbook.settings.statementProgramCost;
  if (statement === null) return [];
  const costsYen = totalYen(workbook, period);
  const inThousands = statement.inThousands;
  const costs = inThousands ? toThousandYen(costsYen, workbook.settings.rounding) : costsYen;
  const figure = inThousands ? statement.yen / 1000 : statement.yen;
  if (costs === figure) return [];
  return [
    settingWarning(workbook, 'statementProgramCost', {
      code: 'statement_cost_mismatch',
      value: String(statement.yen),
      params: { reconciliation: { statement: figure, costs, inThousands, costsYen } },
    }),
  ];
}

/**
 * (b) Under 合計に合わせる, the 事業 rows printed 1 千円 away from their own 四捨五入: the same rounding over the same
 * amounts as the report's tables, one 区分 at a time, listed in 事業 tab order. A 区分 the report leaves out
 * (その他の事業 = 定款にない) prints no row, so none of its rows is listed.
 */
function movedRows(workbook: Workbook, period: Period): IssueDraft[] {
  if (workbook.settings.rounding !== '合計に合わせる') return [];
  const layout = workbook.layouts.programs;
  const tab = layout.name ?? '事業';
  const column = layout.columns.program ?? 0;
  const moved: { row: number; entry: MovedProgramRow }[] = [];
  const yenOf = programYen(workbook, period);
  for (const category of PROGRAM_CATEGORIES) {
    if (category === 'その他の事業' && workbook.settings.otherBusiness === '定款にない') continue;
    const programs = workbook.programs.filter((program) => program.category === category);
    const amounts = programs.map((program) => ({ row: program.row, yen: yenOf(program.program ?? '') }));
    for (const row of roundProgramCosts(amounts, '合計に合わせる').moved) {
      const program = programs.find((p) => p.row === row.row) as ProgramRecord;
      const place = `${oneLineText(tab)}!${a1(column, row.row)}`;
      const entry = { place, name: oneLineText(program.program ?? ''), plain: row.plain, adjusted: row.adjusted };
      moved.push({ row: row.row, entry });
    }
  }
  if (moved.length === 0) return [];
  const rows = moved.sort((a, b) => a.row - b.row).map((m) => m.entry);
  return [settingWarning(workbook, 'rounding', { code: 'rounding_moved_rows', value: '', params: { moved: rows } })];
}

/**
 * (c) その他の事業 = 定款にない leaves （２） out: rows of that 区分 typed on the 事業 tab would vanish from the report
 * without a word, so they are named (the first row and how many).
 */
function otherBusinessLeftOut(workbook: Workbook): IssueDraft[] {
  if (workbook.settings.otherBusiness !== '定款にない') return [];
  const rows = workbook.programs.filter((program) => program.category === 'その他の事業');
  if (rows.length === 0) return [];
  const layout = workbook.layouts.programs;
  const first = `${oneLineText(layout.name ?? '事業')}!${a1(layout.columns.category ?? 0, rows[0].row)}`;
  return [
    settingWarning(workbook, 'otherBusiness', {
      code: 'other_business_left_out',
      value: '',
      params: { count: rows.length, other: first },
    }),
  ];
}

/**
 * The reconciliation warnings of one fiscal year: (a) the 活動計算書 figure, (b) rows moved by 合計に合わせる,
 * (c) その他の事業 rows a 定款にない setting leaves out.
 */
export function reconcileProgramCosts(workbook: Workbook, period: Period): IssueDraft[] {
  return [...statementMismatch(workbook, period), ...movedRows(workbook, period), ...otherBusinessLeftOut(workbook)];
}
