// This file defines the blank .xlsx template: every tab, header, dropdown and number/date rule, all from the schema.
import { writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { columnHelp, FISCAL_YEAR_RANGE, inputHelpFor, inputRuleFor, PLAUSIBLE_DATES } from '../core/input-rules';
import { columnLetters } from '../core/issues';
import { type ColumnDef, SETTINGS, type SettingDef, TABS, type TabDef, type TabKey, tabDef } from '../core/schema';
import { describeCause, FileError } from './file-error';

/** Rows 2..TEMPLATE_LAST_ROW carry the rules; more would make every later read of the file slow. */
export const TEMPLATE_LAST_ROW = 2000;

const utcDate = ([year, month, day]: readonly [number, number, number]): Date =>
  new Date(Date.UTC(year, month - 1, day));
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };

/**
 * exceljs writes a rule of type 'any' (input message only) and adds rules for whole ranges
 * (`worksheet.dataValidations.add('B2:B2000', rule)`); its typings know neither.
 */
export type ValidationRule = Omit<ExcelJS.DataValidation, 'type'> & { type: ExcelJS.DataValidation['type'] | 'any' };
interface RangeValidations {
  add(address: string, rule: ValidationRule): void;
}

/** Schema widths are pixels; Excel measures columns in widths of the digit 0 (7 px in the default font). */
function excelWidth(pixels: number | undefined): number {
  return Math.max(6, Math.round(((pixels ?? 100) - 5) / 7));
}

/** Excel limits a prompt title to 32 characters and a prompt to 255. */
function messages(title: string, help: string): Partial<ExcelJS.DataValidation> {
  const prompt = help.slice(0, 255);
  return {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: title.slice(0, 32),
    prompt,
    errorTitle: title.slice(0, 32),
    error: prompt,
  };
}

function dateRule(base: Partial<ExcelJS.DataValidation>): ValidationRule {
  return {
    ...base,
    type: 'date',
    operator: 'between',
    formulae: [utcDate(PLAUSIBLE_DATES.earliest), utcDate(PLAUSIBLE_DATES.latest)],
    showErrorMessage: true,
    errorStyle: 'warning',
  };
}

/** A list rule from literal choices: Excel's list is one comma-separated string. */
function listOf(choices: readonly string[]): string[] {
  return [`"${choices.join(',')}"`];
}

/** The column range of another tab that a dropdown offers, e.g. '事業'!$A$2:$A$2000. */
function referencedRange(tab: TabKey, key: string): string {
  const target = tabDef(tab) as TabDef;
  const letters = columnLetters(target.columns.findIndex((column) => column.key === key));
  return `'${target.ja}'!$${letters}$2:$${letters}$${TEMPLATE_LAST_ROW}`;
}

/** The Excel rule for a column, translated from the one definition in core/input-rules (every rule only warns). */
export function columnValidation(column: ColumnDef): ValidationRule {
  const base = messages(column.ja, inputHelpFor(column));
  const warn = { showErrorMessage: true, errorStyle: 'warning' as const };
  const rule = inputRuleFor(column);
  switch (rule.kind) {
    case 'choices':
      // Open choices (イベント.種別) are suggestions: any other value is accepted without a question.
      return { ...base, type: 'list', formulae: listOf(rule.values), ...warn, showErrorMessage: !rule.open };
    case 'reference':
      return { ...base, type: 'list', formulae: [referencedRange(rule.tab, rule.column)], ...warn };
    case 'date':
      return dateRule(base);
    case 'number':
      return rule.max === undefined
        ? { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [rule.min], ...warn }
        : { ...base, type: 'whole', operator: 'between', formulae: [rule.min, rule.max], ...warn };
    case 'none':
      return { ...base, type: 'any', formulae: [] };
  }
}

/** The rule for one 設定 row's 値 cell. */
function settingValidation(setting: SettingDef): ValidationRule {
  const base = messages(setting.ja, setting.help);
  const whole = (min: number, max: number): ValidationRule => ({
    ...base,
    type: 'whole',
    operator: 'between',
    formulae: [min, max],
    showErrorMessage: true,
    errorStyle: 'stop',
  });
  switch (setting.type) {
    case 'choice':
      return { ...base, type: 'list', formulae: listOf(setting.choices ?? []), showErrorMessage: true };
    case 'year':
      return whole(FISCAL_YEAR_RANGE.earliest, FISCAL_YEAR_RANGE.latest);
    case 'month':
      return whole(1, 12);
    case 'count':
      return whole(0, 1000);
    case 'date':
      return dateRule(base);
    case 'text':
    case 'yen': // 12,345,678 or 12,346千円: text a number rule would refuse
      return { ...base, type: 'any', formulae: [] };
  }
}

function addTab(book: ExcelJS.Workbook, def: TabDef): void {
  const sheet = book.addWorksheet(def.ja, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = def.columns.map((column) => ({ key: column.key, width: excelWidth(column.width) }));
  const header = sheet.getRow(1);
  def.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.ja;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.note = columnHelp(column);
  });
  if (def.kind === 'log') return; // 生成履歴 is written by the add-on, not typed into.
  if (def.kind === 'settings') {
    SETTINGS.forEach((setting, index) => {
      const row = sheet.getRow(index + 2);
      row.getCell(1).value = setting.ja;
      if (setting.default !== undefined) row.getCell(2).value = setting.default;
      row.getCell(2).dataValidation = settingValidation(setting) as ExcelJS.DataValidation;
    });
    return;
  }
  def.columns.forEach((column, index) => {
    const letters = columnLetters(index);
    (sheet as unknown as { dataValidations: RangeValidations }).dataValidations.add(
      `${letters}2:${letters}${TEMPLATE_LAST_ROW}`,
      columnValidation(column),
    );
  });
}

/** The blank workbook: one tab per TABS entry, in schema order. */
export function buildTemplateWorkbook(): ExcelJS.Workbook {
  // Loaded here, not at the top: every start of the runner (report, validate) would pay for loading exceljs.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const book = new Workbook();
  book.creator = 'jigyo-hokoku';
  for (const def of TABS as readonly TabDef[]) addTab(book, def);
  return book;
}

/** Writes the template to `path`; never replaces an existing file. */
export async function writeTemplateFile(path: string): Promise<void> {
  if (!path.toLowerCase().endsWith('.xlsx')) throw new FileError('wrong_extension', path);
  const bytes = await buildTemplateWorkbook().xlsx.writeBuffer();
  try {
    await writeFile(path, new Uint8Array(bytes as ArrayBuffer), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(code === 'EEXIST' ? 'output_exists' : 'write_failed', path, describeCause(error));
  }
}
