// This file defines シートを準備: create what is missing (tabs, header cells) and help typing; never touch what exists.
import { columnLetters } from '../core/issues';
import { findTab, matchHeaders } from '../core/read-workbook';
import { ADMIN_COST, type ColumnDef, SETTINGS, TABS, type TabDef, tabDef } from '../core/schema';
import { BUSY_MESSAGE } from './dialogs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface PrepareSummary {
  readonly createdTabs: readonly string[];
  /** Tab name → header cells added. */
  readonly addedColumns: Readonly<Record<string, readonly string[]>>;
}

const BOOLEAN_CHOICES = ['はい', 'いいえ'];
const DATE_FORMAT = 'yyyy/mm/dd';
const YEN_FORMAT = '#,##0';

/** The data-validation rule for a column, or null when free text is expected. */
function ruleFor(column: ColumnDef, programRange: GoogleAppsScript.Spreadsheet.Range | null) {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  let rule: GoogleAppsScript.Spreadsheet.DataValidationBuilder | null = null;
  if (column.ref?.tab === 'programs' && programRange) {
    rule = builder.requireValueInRange(programRange, true);
  } else if (column.type === 'choice' && column.choices) {
    rule = builder.requireValueInList([...column.choices], true);
  } else if (column.type === 'boolean') {
    rule = builder.requireValueInList(BOOLEAN_CHOICES, true);
  } else if (column.type === 'date') {
    rule = builder.requireDate();
  } else if (column.type === 'count') {
    rule = builder.requireNumberGreaterThanOrEqualTo(0);
  } else if (column.type === 'yen') {
    rule = builder.requireNumberBetween(-1e12, 1e12);
  }
  if (!rule) return null;
  const help = column.ref?.extra?.includes(ADMIN_COST)
    ? `${column.help}（管理費は一覧になくても入力できます）`
    : column.help;
  return rule.setHelpText(help).build();
}

/** Header cell, width, number format and validation for each new column: a constant number of calls per column. */
function formatColumns(
  sheet: Sheet,
  columns: readonly { def: ColumnDef; index: number }[],
  programRange: GoogleAppsScript.Spreadsheet.Range | null,
): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const { def, index } of columns) {
    const column = index + 1;
    sheet.setColumnWidth(column, def.width ?? 120);
    const body = sheet.getRange(2, column, rows, 1);
    if (def.type === 'date') body.setNumberFormat(DATE_FORMAT);
    if (def.type === 'yen') body.setNumberFormat(YEN_FORMAT);
    const rule = ruleFor(def, programRange);
    if (rule) body.setDataValidation(rule);
  }
}

/** The live range of 事業.事業内容 values, for the 事業内容 dropdowns of イベント and 費用. */
function programNameRange(
  spreadsheet: Spreadsheet,
  sheet: Sheet | undefined,
): GoogleAppsScript.Spreadsheet.Range | null {
  if (!sheet) return null;
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  const index = matchHeaders(sheet.getName(), tabDef('programs'), header).layout.columns.program;
  if (index === undefined) return null;
  const letter = columnLetters(index);
  return spreadsheet.getRange(`'${sheet.getName().replace(/'/g, "''")}'!${letter}2:${letter}`);
}

function createTab(
  spreadsheet: Spreadsheet,
  def: TabDef,
  programRange: GoogleAppsScript.Spreadsheet.Range | null,
): Sheet {
  const sheet = spreadsheet.insertSheet(def.ja);
  const header = def.columns.map((column) => column.ja);
  sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold').setBackground('#eeeeee');
  sheet.setFrozenRows(1);
  if (def.kind === 'settings') {
    // A new 設定 tab lists every setting with its default, so staff only fill in the blanks.
    const rows = SETTINGS.map((setting) => [setting.ja, setting.default ?? '']);
    sheet.getRange(2, 1, rows.length, 2).setValues(rows);
    sheet.getRange(2, 1, rows.length, 1).setNotes(SETTINGS.map((setting) => [setting.help]));
    def.columns.forEach((column, index) => {
      sheet.setColumnWidth(index + 1, column.width ?? 120);
    });
    return sheet;
  }
  formatColumns(
    sheet,
    def.columns.map((column, index) => ({ def: column, index })),
    programRange,
  );
  return sheet;
}

/** Adds the header cells a tab lacks after its last column; a tab with every column (in any order) is left as it is. */
function completeTab(sheet: Sheet, def: TabDef, programRange: GoogleAppsScript.Spreadsheet.Range | null): string[] {
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  const present = matchHeaders(sheet.getName(), def, header).layout.columns;
  const missing = def.columns.filter((column) => present[column.key] === undefined);
  if (missing.length === 0) return [];
  sheet
    .getRange(1, width + 1, 1, missing.length)
    .setValues([missing.map((column) => column.ja)])
    .setFontWeight('bold')
    .setBackground('#eeeeee');
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  if (def.kind !== 'settings') {
    formatColumns(
      sheet,
      missing.map((column, offset) => ({ def: column, index: width + offset })),
      programRange,
    );
  }
  return missing.map((column) => column.ja);
}

/** シートを準備 without the lock: idempotent, creates only, never deletes, moves or overwrites. */
export function prepareSheets(spreadsheet: Spreadsheet): PrepareSummary {
  const sheets = spreadsheet.getSheets();
  const names = { tabs: sheets.map((sheet) => ({ name: sheet.getName(), values: [] })) };
  const sheetFor = (def: TabDef): Sheet | undefined => {
    const found = findTab(names, def);
    return found ? sheets.find((sheet) => sheet.getName() === found.name) : undefined;
  };
  const createdTabs: string[] = [];
  const addedColumns: Record<string, string[]> = {};
  // 事業 first, so the other tabs' 事業内容 dropdowns can point at its column.
  const ordered = [...(TABS as readonly TabDef[])].sort(
    (a, b) => Number(b.key === 'programs') - Number(a.key === 'programs'),
  );
  let programRange: GoogleAppsScript.Spreadsheet.Range | null = null;
  for (const def of ordered) {
    const existing = sheetFor(def);
    if (!existing) {
      const sheet = createTab(spreadsheet, def, programRange);
      createdTabs.push(def.ja);
      if (def.key === 'programs') programRange = programNameRange(spreadsheet, sheet);
      continue;
    }
    if (def.key === 'programs') programRange = programNameRange(spreadsheet, existing);
    const added = completeTab(existing, def, programRange);
    if (added.length > 0) addedColumns[existing.getName()] = added;
  }
  return { createdTabs, addedColumns };
}

export function describePreparation(summary: PrepareSummary): string {
  const lines: string[] = [];
  if (summary.createdTabs.length > 0) lines.push(`作成したタブ: ${summary.createdTabs.join('、')}`);
  for (const [tab, columns] of Object.entries(summary.addedColumns))
    lines.push(`「${tab}」に追加した列: ${columns.join('、')}`);
  return lines.length > 0 ? lines.join('\n') : 'すべてのタブと列がそろっています。変更はありません。';
}

export function menuPrepareSheets(): void {
  const lock = LockService.getDocumentLock();
  const ui = SpreadsheetApp.getUi();
  if (!lock.tryLock(5000)) {
    ui.alert(BUSY_MESSAGE);
    return;
  }
  try {
    const summary = prepareSheets(SpreadsheetApp.getActiveSpreadsheet());
    ui.alert('シートを準備', describePreparation(summary), ui.ButtonSet.OK);
  } finally {
    lock.releaseLock();
  }
}
