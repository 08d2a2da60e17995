// This file defines the typing help each column gets — dropdown, date or number rule, help text — once, for both
// シートを準備 in Sheets and the .xlsx template. Every rule only warns: the reader also accepts forms such as 50千円
// or 令和4年4月1日 that a strict rule would refuse, and nothing a user types is ever blocked.
import type { ColumnDef, TabKey } from './schema';

export type InputRule =
  /** A dropdown of fixed values; `open` values are suggestions (イベント.種別): anything else is fine too. */
  | { readonly kind: 'choices'; readonly values: readonly string[]; readonly open: boolean }
  /** A dropdown of the values in another tab's column (事業内容 from 事業, 就職先企業ID from 企業). */
  | { readonly kind: 'reference'; readonly tab: TabKey; readonly column: string }
  | {
      readonly kind: 'date';
      readonly earliest: readonly [number, number, number];
      readonly latest: readonly [number, number, number];
    }
  /** A whole number from `min`, up to `max` when given. */
  | { readonly kind: 'number'; readonly min: number; readonly max?: number }
  | { readonly kind: 'none' };

/** The dates the validator accepts as plausible (year, month, day). */
export const PLAUSIBLE_DATES = { earliest: [1980, 1, 1], latest: [2100, 12, 31] } as const;

/** The fiscal years (対象年度, --year, a formula's 年度, the sidebar's year list) read as a year; others are refused. */
export const FISCAL_YEAR_RANGE = { earliest: 1990, latest: 2100 } as const;

export function isFiscalYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= FISCAL_YEAR_RANGE.earliest && year <= FISCAL_YEAR_RANGE.latest;
}

const BOOLEAN_CHOICES = ['はい', 'いいえ'] as const;

export function inputRuleFor(column: ColumnDef): InputRule {
  switch (column.type) {
    case 'choice':
      return { kind: 'choices', values: column.choices ?? [], open: column.openChoices === true };
    case 'boolean':
      return { kind: 'choices', values: BOOLEAN_CHOICES, open: false };
    case 'id':
      return column.ref ? { kind: 'reference', tab: column.ref.tab, column: column.ref.column } : { kind: 'none' };
    case 'date':
      return { kind: 'date', ...PLAUSIBLE_DATES };
    case 'count':
      return { kind: 'number', min: column.min ?? 0 };
    case 'yen':
      return { kind: 'number', min: column.min ?? -1e12, max: 1e12 };
    case 'text':
    case 'template':
    case 'idList':
      return { kind: 'none' };
  }
}

/** A column's help (its header note): the schema's words, or else its dropdown's values (`人件費 / その他経費`). */
export function columnHelp(column: ColumnDef): string {
  if (column.help !== undefined) return column.help;
  const rule = inputRuleFor(column);
  return rule.kind === 'choices' ? rule.values.join(' / ') : '';
}

/** The help text shown with the rule; a reference that also takes other values (管理費) says so. */
export function inputHelpFor(column: ColumnDef): string {
  const extra = column.ref?.extra ?? [];
  const help = columnHelp(column);
  return extra.length > 0 ? `${help}（${extra.join('、')}は一覧になくても入力できます）` : help;
}

/** Display format for the column's cells in Sheets and Excel, where one helps reading. */
export function numberFormatFor(column: ColumnDef): string | null {
  if (column.type === 'date') return 'yyyy/mm/dd';
  if (column.type === 'yen') return '#,##0';
  return null;
}
