// This file defines the check for characters a report cannot hold, in every cell whose text reaches the report.
import { cleanDocumentText } from './document-text';
import { a1, type IssueDraft } from './issues';
import { matchKey, type RawWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { type ColumnDef, SETTINGS, TABS, type TabDef, type TabKey } from './schema';

/** Tabs whose text columns are printed in the report: 事業 (the tables) and 本文 (section １). */
const REPORT_TEXT_TABS: readonly TabKey[] = ['programs', 'narrative'];
const TEXT_TYPES: ReadonlySet<ColumnDef['type']> = new Set(['text', 'id', 'template']);

function warning(tab: string, cell: string, column: string, removed: number): IssueDraft {
  // The value is never echoed: the cell may hold anything, and the message only needs to send staff to it.
  return { severity: 'warning', code: 'invalid_character', tab, cell, column, value: '', params: { count: removed } };
}

/** 設定: the 値 cell of every text setting (団体名), found in the tab as read. */
function checkSettings(workbook: Workbook, raw: RawWorkbook): IssueDraft[] {
  const layout = workbook.layouts.settings;
  const tab = raw.tabs.find((t) => t.name === layout.name);
  const itemColumn = layout.columns.item;
  const valueColumn = layout.columns.value;
  if (!tab || itemColumn === undefined || valueColumn === undefined) return [];
  const textSettings = new Map<string, string>();
  for (const setting of SETTINGS.filter((s) => s.type === 'text')) {
    textSettings.set(matchKey(setting.ja), setting.ja);
    textSettings.set(matchKey(setting.en), setting.ja);
  }
  const issues: IssueDraft[] = [];
  tab.values.forEach((row, index) => {
    const item = row[itemColumn];
    const value = row[valueColumn];
    if (index === 0 || typeof item !== 'string' || typeof value !== 'string') return;
    const name = textSettings.get(matchKey(item));
    if (name === undefined) return;
    const { removed } = cleanDocumentText(value);
    if (removed > 0) issues.push(warning(tab.name, a1(valueColumn, index + 1), name, removed));
  });
  return issues;
}

/** 事業 and 本文: every non-personal text column, whatever its position in the sheet. */
function checkTables(workbook: Workbook): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const key of REPORT_TEXT_TABS) {
    const def = TABS.find((t) => t.key === key) as TabDef;
    const layout = workbook.layouts[key];
    const records = workbook[key as 'programs' | 'narrative'] as unknown as readonly ({ row: number } & Record<
      string,
      unknown
    >)[];
    const columns = def.columns.filter((c) => TEXT_TYPES.has(c.type) && !('personal' in c && c.personal));
    for (const record of records) {
      for (const column of columns) {
        const text = record[column.key];
        const index = layout.columns[column.key];
        if (typeof text !== 'string' || index === undefined) continue;
        const { removed } = cleanDocumentText(text);
        if (removed === 0) continue;
        issues.push(
          warning(layout.name ?? def.ja, a1(index, record.row), layout.headers[column.key] ?? column.ja, removed),
        );
      }
    }
  }
  return issues;
}

/**
 * Warnings for cells holding characters a document cannot hold (see document-text.ts): the report leaves those
 * characters out, and each warning names the cell and column so staff can clean it, without quoting the value.
 */
export function checkDocumentText(workbook: Workbook, raw: RawWorkbook): IssueDraft[] {
  return [...checkSettings(workbook, raw), ...checkTables(workbook)];
}
