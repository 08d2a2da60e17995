// This file defines the tests of scanFormula on texts that open with a quote or a !: an unclosed token ends the scan.
import { scanFormula } from '../../src/core/formula-refs';

describe('scanFormula on a token left open', () => {
  it('reads a text that opens with an unclosed " as one string: no reference, no name', () => {
    expect(scanFormula('"B2 and more')).toEqual({ references: [], names: [], opaque: false });
  });

  it("calls a text that opens with an unclosed ' opaque", () => {
    expect(scanFormula("'候補者!B2")).toEqual({ references: [], names: [], opaque: true });
  });

  it("calls an unclosed ' after a leading ! opaque, keeping the reference read before it", () => {
    expect(scanFormula("!A1'")).toEqual({
      references: [{ sheet: null, area: { firstRow: 1, lastRow: 1, firstColumn: 0, lastColumn: 0 } }],
      names: [],
      opaque: true,
    });
  });
});
