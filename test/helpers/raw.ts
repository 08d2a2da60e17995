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

/** The 事業 tab's header row with every column a report prints, in the order staff see it (the tests' 事業 tabs). */
export const PROGRAM_HEADER = [
  '事業内容',
  '定款の事業名',
  '区分',
  '実施状況',
  '実施日時',
  '実施場所',
  '従事者人数',
  '従事者の備考',
  '受益対象者の範囲',
  '受益対象者の人数',
  '表示順',
];
