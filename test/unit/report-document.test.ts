// This file tests tableGrid: the cells of a report table by row and column, with the positions a rowSpan covers.
import { type ReportTable, tableGrid } from '../../src/core/report-document';

function table(header: string[], rows: ReportTable['rows']): ReportTable {
  return {
    kind: 'table',
    header,
    rows,
    align: header.map(() => 'left'),
    widths: header.map(() => 100 / header.length),
  };
}

describe('tableGrid', () => {
  it('puts null where a cell above spans into the column, and takes the next cell of the row for the others', () => {
    // 事業名 spans 3 rows: rows 2 and 3 hold only their 事業内容 and 金額; a rowSpan of 1 covers nothing.
    const grid = tableGrid(
      table(
        ['事業名', '事業内容', '金額'],
        [
          [{ text: '職業紹介事業', rowSpan: 3 }, { text: '紹介' }, { text: '1' }],
          [{ text: '育成' }, { text: '2' }],
          [{ text: '啓発', rowSpan: 1 }, { text: '3' }],
          [{ text: '募金事業' }, { text: '寄付' }, { text: '4' }],
        ],
      ),
    );
    expect(grid).toEqual([
      [{ text: '職業紹介事業', rowSpan: 3 }, { text: '紹介' }, { text: '1' }],
      [null, { text: '育成' }, { text: '2' }],
      [null, { text: '啓発', rowSpan: 1 }, { text: '3' }],
      [{ text: '募金事業' }, { text: '寄付' }, { text: '4' }],
    ]);
  });

  it('fills a row shorter than the header with empty cells, so every row has one entry per column', () => {
    const grid = tableGrid(table(['事業名', '事業内容', '金額'], [[{ text: '職業紹介事業' }], []]));
    expect(grid).toEqual([
      [{ text: '職業紹介事業' }, { text: '' }, { text: '' }],
      [{ text: '' }, { text: '' }, { text: '' }],
    ]);
  });
});
