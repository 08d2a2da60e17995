// This file defines the tests of the one Doc table styling (render-doc's styleTable and tableTexts), which the report's
// tables and a form's {{表:…}} tables share: border, bold header, aligned amounts; a row span leaves its cells blank.
import type { ReportTable } from '../../src/core/report-document';
import { styleTable, tableTexts } from '../../src/gas/render-doc';
import { createFakeEnvironment, effectiveAttribute, installFakes } from '../fakes';

const TABLE: ReportTable = {
  kind: 'table',
  header: ['事業', '回数', '事業費'],
  rows: [
    [{ text: '育成事業', rowSpan: 2 }, { text: '12' }, { text: '1,234' }],
    [{ text: '3' }, { text: '56' }],
  ],
  align: ['left', 'center', 'right'],
  widths: [40, 30, 30],
};

describe('tableTexts', () => {
  it('is the header, then each row with a blank where a cell above spans into it', () => {
    expect(tableTexts(TABLE, [[{ text: 'a' }, null]])).toEqual([
      ['事業', '回数', '事業費'],
      ['a', ''],
    ]);
  });
});

describe('styleTable', () => {
  it('sets a border of 1, makes the header text bold and aligns each body cell by its column', () => {
    const env = createFakeEnvironment();
    const uninstall = installFakes(env);
    try {
      const body = DocumentApp.create('t').getBody();
      const table = body.appendTable([
        ['事業', '回数', '事業費'],
        ['育成事業', '12', '1,234'],
        ['', '3', '56'],
      ]);
      table.setBorderWidth(3);
      styleTable(table, TABLE);
      expect(effectiveAttribute(table as never, 'BORDER_WIDTH')).toBe(1);
      for (let column = 0; column < 3; column++) {
        expect(effectiveAttribute(table.getCell(0, column).getChild(0) as never, 'BOLD')).toBe(true);
        expect(effectiveAttribute(table.getCell(1, column).getChild(0) as never, 'BOLD')).toBeNull();
        // The grey header is the report's own (render-doc's appendTable), not the shared styling.
        expect(effectiveAttribute(table.getCell(0, column) as never, 'BACKGROUND_COLOR')).toBeNull();
      }
      const alignments = [1, 2].map((row) =>
        [0, 1, 2].map((column) => table.getCell(row, column).getChild(0).asParagraph().getAlignment()),
      );
      expect(alignments.map((row) => row.map(String))).toEqual([
        ['null', 'CENTER', 'RIGHT'],
        ['null', 'CENTER', 'RIGHT'],
      ]);
    } finally {
      uninstall();
    }
  });
});
