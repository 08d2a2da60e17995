// This file defines シートを準備: create what is missing (tabs, header cells) and help typing; never touch what exists.

import { inputHelpFor, inputRuleFor, numberFormatFor } from '../core/input-rules';
import { columnLetters } from '../core/issues';
import { matchHeaders } from '../core/read-workbook';
import { type ColumnDef, SETTINGS, TABS, type TabDef, type TabKey } from '../core/schema';
import { BUSY_MESSAGE } from './dialogs';
import { findContractSheet, listSheets } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface PrepareSummary {
  readonly createdTabs: readonly string[];
  /** Tab name → header cells added. */
  readonly addedColumns: Readonly<Record<string, readonly string[]>>;
}

type Range = GoogleAppsScript.Spreadsheet.Range;
/** Ranges that reference dropdowns offer, by tab: the live column of 事業.事業内容 and 企業.企業ID. */
type ReferenceRanges = Map<TabKey, Range>;

/** The Sheets rule for a column, translated from the one definition in core/input-rules; null for free text. */
function ruleFor(column: ColumnDef, references: ReferenceRanges) {
  const rule = inputRuleFor(column);
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(inputHelpFor(column));
  switch (rule.kind) {
    case 'choices':
      return builder.requireValueInList([...rule.values], true).build();
    case 'reference': {
      const range = references.get(rule.tab);
      return range ? builder.requireValueInRange(range, true).build() : null;
    }
    case 'date': {
      const [y1, m1, d1] = rule.earliest;
      const [y2, m2, d2] = rule.latest;
      return builder.requireDateBetween(new Date(y1, m1 - 1, d1), new Date(y2, m2 - 1, d2)).build();
    }
    case 'number':
      return rule.max === undefined
        ? builder.requireNumberGreaterThanOrEqualTo(rule.min).build()
        : builder.requireNumberBetween(rule.min, rule.max).build();
    case 'none':
      return null;
  }
}

/** Width, number format and validation for each new column: a constant number of calls per column. */
function formatColumns(
  sheet: Sheet,
  columns: readonly { def: ColumnDef; index: number }[],
  references: ReferenceRanges,
): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const { def, index } of columns) {
    const column = index + 1;
    sheet.setColumnWidth(column, def.width ?? 120);
    const body = sheet.getRange(2, column, rows, 1);
    const format = numberFormatFor(def);
    if (format) body.setNumberFormat(format);
    const rule = ruleFor(def, references);
    if (rule) body.setDataValidation(rule);
  }
}

/** The width of a tab's header row and where each of the tab's columns is in it, found by header. */
function readHeader(sheet: Sheet, def: TabDef): { width: number; columns: Readonly<Record<string, number>> } {
  const width = sheet.getLastColumn();
  const header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  return { width, columns: matchHeaders(sheet.getName(), def, header).layout.columns };
}

/** Writes header cells from `column` (1-based) on, bold on grey like every header シートを準備 writes. */
function writeHeader(sheet: Sheet, column: number, names: readonly string[]): void {
  sheet
    .getRange(1, column, 1, names.length)
    .setValues([[...names]])
    .setFontWeight('bold')
    .setBackground('#eeeeee');
}

/** The open-ended range of a tab's column from row 2 (e.g. '事業'!A2:A), found by its header. */
function columnRange(spreadsheet: Spreadsheet, sheet: Sheet, def: TabDef, key: string): Range | null {
  const index = readHeader(sheet, def).columns[key];
  if (index === undefined) return null;
  const letter = columnLetters(index);
  return spreadsheet.getRange(`'${sheet.getName().replace(/'/g, "''")}'!${letter}2:${letter}`);
}

/** Tabs whose column another tab's dropdown offers; they are prepared first. */
const REFERENCED = new Map<TabKey, string>();
function referencedTabs(): ReadonlyMap<TabKey, string> {
  if (REFERENCED.size === 0) {
    for (const tab of TABS as readonly TabDef[]) {
      for (const column of tab.columns) {
        const rule = inputRuleFor(column);
        if (rule.kind === 'reference') REFERENCED.set(rule.tab, rule.column);
      }
    }
  }
  return REFERENCED;
}

function createTab(spreadsheet: Spreadsheet, def: TabDef, references: ReferenceRanges): Sheet {
  const sheet = spreadsheet.insertSheet(def.ja);
  writeHeader(
    sheet,
    1,
    def.columns.map((column) => column.ja),
  );
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
    references,
  );
  return sheet;
}

/** Adds the header cells a tab lacks after its last column; a tab with every column (in any order) is left as it is. */
function completeTab(sheet: Sheet, def: TabDef, references: ReferenceRanges): string[] {
  const { width, columns: present } = readHeader(sheet, def);
  const missing = def.columns.filter((column) => present[column.key] === undefined);
  if (missing.length === 0) return [];
  // A sheet has fixed dimensions (a new one 26 columns): writing past them throws, so the columns come first.
  const maxColumns = sheet.getMaxColumns();
  if (width + missing.length > maxColumns) sheet.insertColumnsAfter(maxColumns, width + missing.length - maxColumns);
  writeHeader(
    sheet,
    width + 1,
    missing.map((column) => column.ja),
  );
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  if (def.kind !== 'settings') {
    formatColumns(
      sheet,
      missing.map((column, offset) => ({ def: column, index: width + offset })),
      references,
    );
  }
  return missing.map((column) => column.ja);
}

/** シートを準備 without the lock: idempotent, creates only, never deletes, moves or overwrites. */
export function prepareSheets(spreadsheet: Spreadsheet): PrepareSummary {
  const sheets = listSheets(spreadsheet);
  const sheetFor = (def: TabDef): Sheet | undefined => findContractSheet(sheets, def)?.sheet;
  const createdTabs: string[] = [];
  const addedColumns: Record<string, string[]> = {};
  // Referenced tabs (事業, 企業) first, so the other tabs' dropdowns can point at their columns.
  const referenced = referencedTabs();
  const ordered = [...(TABS as readonly TabDef[])].sort(
    (a, b) => Number(referenced.has(b.key)) - Number(referenced.has(a.key)),
  );
  const references: ReferenceRanges = new Map();
  for (const def of ordered) {
    const existing = sheetFor(def);
    const sheet = existing ?? createTab(spreadsheet, def, references);
    if (!existing) createdTabs.push(def.ja);
    const referencedColumn = referenced.get(def.key);
    if (referencedColumn) {
      const range = columnRange(spreadsheet, sheet, def, referencedColumn);
      if (range) references.set(def.key, range);
    }
    if (!existing) continue;
    const added = completeTab(existing, def, references);
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
