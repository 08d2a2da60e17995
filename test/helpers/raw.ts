// This file defines helpers that turn inline table literals into the core's RawWorkbook.
import type { RawWorkbook } from '../../src/core/read-workbook';

/** `{ 設定: [[…], …], 費用: … }` → RawWorkbook, tabs in the given order. */
export function rawWorkbook(tabs: Record<string, unknown[][]>): RawWorkbook {
  return {
    tabs: Object.entries(tabs).map(([name, values]) => ({
      name,
      values: values as RawWorkbook['tabs'][number]['values'],
    })),
  };
}
