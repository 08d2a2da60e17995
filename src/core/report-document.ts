// This file defines ReportDocument: the 事業報告書 as plain data, which every renderer (Doc, .docx, HTML) draws.

export type Alignment = 'left' | 'center' | 'right';

/**
 * A figure the report inserted (issue 14): `text.slice(start, end)` of its block or cell (UTF-16 offsets) is the figure
 * named `tag` (see `figures.ts` for the tags). Renderers that ignore spans print the same text; the .docx wraps each
 * span in a content control and the Google Doc names its range, so `--update` / 報告書の数字を更新 can find it again.
 * Spans of one text do not overlap and are in order.
 */
export interface FigureSpan {
  readonly start: number;
  readonly end: number;
  readonly tag: string;
}

export interface TableCell {
  readonly text: string;
  readonly figures?: readonly FigureSpan[];
  /** Rows this cell spans downwards (grouped 定款 事業名); the cells it covers are absent from later rows. */
  readonly rowSpan?: number;
}

export interface ReportTable {
  readonly kind: 'table';
  readonly header: readonly string[];
  /** Each row has one cell per column, except where a cell above spans into it (see `rowSpan`). */
  readonly rows: readonly (readonly TableCell[])[];
  /** Per column. */
  readonly align: readonly Alignment[];
  /** Relative column widths (sum 100), so every renderer lays the table out alike. */
  readonly widths: readonly number[];
  /**
   * For a table whose figures are addressable: which table it is (`programs:特定非営利活動`, `appendix`, `comparison`)
   * and one name per body row (事業内容, or the label of a 合計 row). An update refuses the figures of a table whose
   * rows changed since the report was made (issue 14, point 4).
   */
  readonly figureRows?: { readonly id: string; readonly rows: readonly string[] };
}

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  /** 団体名 and 期間 under the title. */
  | { readonly kind: 'subtitle'; readonly text: string }
  /** 1: １．事業の成果 / ２．事業の実施に関する事項; 2: 【見出し】 or （１）…; 3: <小見出し>. */
  | {
      readonly kind: 'heading';
      readonly level: 1 | 2 | 3;
      readonly text: string;
      readonly figures?: readonly FigureSpan[];
    }
  | { readonly kind: 'paragraph'; readonly text: string; readonly figures?: readonly FigureSpan[] }
  | ReportTable
  /** Smaller text, e.g. a table's unit or the appendix explanation. */
  | { readonly kind: 'note'; readonly text: string; readonly figures?: readonly FigureSpan[] };

/** Which document a run makes: the 事業報告書 (default) or the 職業紹介事業報告書 (様式第8号). */
export type ReportKind = 'jigyo' | 'shokai';

export interface ReportDocument {
  /** Absent for the 事業報告書. */
  readonly kind?: ReportKind;
  readonly language: 'ja' | 'en';
  /** Document title: `{年度}年度 事業報告書`. */
  readonly title: string;
  readonly year: number;
  readonly orgName: string;
  readonly blocks: readonly Block[];
}

/** Exhaustiveness guard for renderers' switches. */
export function assertNever(value: never): never {
  throw new Error(`unexpected block ${JSON.stringify(value)}`);
}

/** A table's cells by row and column: `null` where a cell above spans into that position (see `TableCell.rowSpan`). */
export function tableGrid(table: ReportTable): (TableCell | null)[][] {
  const covered = table.header.map(() => 0);
  return table.rows.map((row) => {
    const out: (TableCell | null)[] = [];
    let next = 0;
    for (let column = 0; column < table.header.length; column++) {
      if (covered[column] > 0) {
        covered[column]--;
        out.push(null);
        continue;
      }
      const cell = row[next++] ?? { text: '' };
      if (cell.rowSpan && cell.rowSpan > 1) covered[column] = cell.rowSpan - 1;
      out.push(cell);
    }
    return out;
  });
}
