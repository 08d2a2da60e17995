// This file defines yen → 千円 rounding for the report's 事業費 (端数処理): one amount, and a 区分's rows with its total.
import type { RoundingMode } from './records';

/**
 * Yen → 千円 by the 端数処理 setting, symmetric for refunds (-1,500 → -2 under 四捨五入, -1,999 → -1 under 切り捨て).
 * 合計に合わせる rounds a single amount like 四捨五入 (it changes only how a 区分's rows are rounded, below).
 */
export function toThousandYen(yen: number, rounding: RoundingMode): number {
  return rounding === '切り捨て' ? truncate(yen) : halfUp(yen);
}

/** 四捨五入 to 千円, half away from zero: 1,500 → 2, -1,500 → -2; a refund that rounds to nothing is 0, not -0. */
function halfUp(yen: number): number {
  return Math.sign(yen) * Math.floor(Math.abs(yen) / 1000 + 0.5) || 0;
}

/** 切り捨て to 千円, toward zero: 1,999 → 1, -1,999 → -1. */
function truncate(yen: number): number {
  return Math.sign(yen) * Math.floor(Math.abs(yen) / 1000) || 0;
}

/** One row of a 事業 table: its sheet row (事業 tab) and its 事業費 in yen. */
export interface ProgramCostAmount {
  readonly row: number;
  readonly yen: number;
}

/** A row that 合計に合わせる printed 1 千円 away from its own 四捨五入. */
export interface MovedRow {
  readonly row: number;
  /** The row's own 四捨五入, in 千円. */
  readonly plain: number;
  /** What the report prints, in 千円 (plain ± 1). */
  readonly adjusted: number;
}

export interface RoundedProgramCosts {
  /** The 区分's total in 千円: the rounding of the yen sum (never a sum of rounded rows). */
  readonly totalThousands: number;
  /** Sheet row → the row's 千円. */
  readonly byRow: Map<number, number>;
  /** Rows moved by 合計に合わせる, in the order given; always empty for 四捨五入 and 切り捨て. */
  readonly moved: readonly MovedRow[];
}

/**
 * Rounds one 区分's rows and its total.
 *
 * 四捨五入 / 切り捨て: each row alone, and the total is the rounding of the yen sum, so the rows may add up to a figure
 * 1 or 2 千円 away from the total (the report has always printed it this way).
 *
 * 合計に合わせる (largest remainder): the total is the 四捨五入 of the yen sum; each row starts at its floor
 * (⌊yen / 1000⌋, toward minus infinity, so a refund of -1,400 starts at -2 with a remainder of 600), and the units
 * still missing to reach the total go one each to the rows with the largest remainders. Refunds and a negative total
 * need no other rule: a remainder is always 0–999 above the floor, and the number of units to hand out is always
 * between 0 and the number of rows. So each row is its floor or its floor + 1, which is at most 1 away from its own
 * 四捨五入, and a row with no remainder (0 yen, or whole thousands) never moves.
 * Ties of equal remainders: first a row whose own 四捨五入 already rounds up (this only decides between a positive row
 * and a refund whose remainder is exactly 500, e.g. 1,500 rounds up to 2 while -1,500 rounds to -2, its floor), so no
 * row moves needlessly; then the earlier sheet row.
 */
export function roundProgramCosts(amounts: readonly ProgramCostAmount[], mode: RoundingMode): RoundedProgramCosts {
  const yenTotal = amounts.reduce((sum, amount) => sum + amount.yen, 0);
  if (mode !== '合計に合わせる') {
    return {
      totalThousands: toThousandYen(yenTotal, mode),
      byRow: new Map(amounts.map((amount) => [amount.row, toThousandYen(amount.yen, mode)])),
      moved: [],
    };
  }
  const totalThousands = halfUp(yenTotal);
  const rows = amounts.map((amount) => {
    // Integer arithmetic: a remainder from `%` is exact for any safe integer, a floored quotient may not be.
    const remainder = ((amount.yen % 1000) + 1000) % 1000;
    const floor = (amount.yen - remainder) / 1000;
    const plain = halfUp(amount.yen);
    return { row: amount.row, floor, remainder, plain, roundsUp: plain > floor };
  });
  const units = totalThousands - rows.reduce((sum, row) => sum + row.floor, 0);
  const receivers = new Set(
    [...rows]
      .sort((a, b) => b.remainder - a.remainder || Number(b.roundsUp) - Number(a.roundsUp) || a.row - b.row)
      .slice(0, units)
      .map((row) => row.row),
  );
  const byRow = new Map<number, number>();
  const moved: MovedRow[] = [];
  for (const row of rows) {
    const adjusted = row.floor + (receivers.has(row.row) ? 1 : 0);
    byRow.set(row.row, adjusted);
    if (adjusted !== row.plain) moved.push({ row: row.row, plain: row.plain, adjusted });
  }
  return { totalThousands, byRow, moved };
}
