// This file defines the check for characters a report cannot hold, in every cell whose text reaches the report.
import { cleanDocumentText } from './document-text';
import { a1, type IssueDraft } from './issues';
import { matchKey, type RawWorkbook } from './read-workbook';
import type { Workbook } from './records';
import { SETTINGS, type TabDef, tabDef } from './schema';

/** Tabs whose text is printed in the report: 事業 (the tables), 本文 (section １) and 会議 (section ３). */
const REPORT_TEXT_TABS = ['programs', 'narrative', 'meetings'] as const;

function warning(tab: string, cell: string, column: string, removed: number): IssueDraft {
  // The value is never echoed: the cell may hold anything, and the message only needs to send staff to it.
  return { severity: 'warning', code: 'invalid_character', tab, cell, column, value: '', params: { count: removed } };
}

/** 設定: the 値 cell of each row whose 項目 is a text setting (団体名), read from the tab as given. */
function checkSettings(workbook: Workbook, raw: RawWorkbook): IssueDraft[] {
  const layout = workbook.layouts.settings;
  const tab = raw.tabs.find((t) => t.name === layout.name);
  if (!tab) return [];
  // The same column fallbacks as the 設定 reader.
  const itemColumn = layout.columns.item ?? 0;
  const valueColumn = layout.columns.value ?? 1;
  const textSettings = new Map<string, string>();
  for (const setting of SETTINGS.filter((s) => s.type === 'text')) {
    textSettings.set(matchKey(setting.ja), setting.ja);
    textSettings.set(matchKey(setting.en), setting.ja);
  }
  const issues: IssueDraft[] = [];
  tab.values.forEach((row, index) => {
    const item = row[itemColumn];
    const value = row[valueColumn];
    const name = typeof item === 'string' ? textSettings.get(matchKey(item)) : undefined;
    if (name === undefined || typeof value !== 'string') return;
    const { removed } = cleanDocumentText(value);
    if (removed > 0) issues.push(warning(tab.name, a1(valueColumn, index + 1), name, removed));
  });
  return issues;
}

/** 事業 and 本文: every cell read as text (the other columns hold numbers, dates or a fixed choice). */
function checkTables(workbook: Workbook): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const key of REPORT_TEXT_TABS) {
    const layout = workbook.layouts[key];
    const { columns }: TabDef = tabDef(key);
    for (const record of workbook[key] as unknown as readonly Record<string, unknown>[]) {
      for (const column of columns) {
        const text = record[column.key];
        if (typeof text !== 'string') continue;
        const { removed } = cleanDocumentText(text);
        if (removed === 0) continue;
        const cell = a1(layout.columns[column.key], record.row as number);
        issues.push(warning(layout.name as string, cell, layout.headers[column.key], removed));
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
