// Tests of 数式を再計算 on the fakes: only formula cells that use the add-on's functions are written.
import { recalculateFormulas, usesCustomFunction } from '../../src/gas/recalculate';
import { createFakeEnvironment, fakeSheet, installFakes, sheetValues } from '../fakes';

describe('数式を再計算 (recalculateFormulas)', () => {
  it('recognises the add-on functions in any case, and nothing else', () => {
    expect(usesCustomFunction('=PROGRAM_COST("育成事業")')).toBe(true);
    expect(usesCustomFunction('=sum(1, participants("育成事業"))')).toBe(true);
    expect(usesCustomFunction('=MY_PROGRAM_COST(1)')).toBe(false);
    expect(usesCustomFunction('=SUM(A1:A3)')).toBe(false);
    expect(usesCustomFunction('')).toBe(false);
  });

  it('rewrites exactly the cells using them, one write per run of cells, and leaves every other cell alone', () => {
    const env = createFakeEnvironment({
      sheets: {
        集計: [
          ['事業', '事業費', 'メモ'],
          ['育成事業', '=PROGRAM_COST(A2)', 'x'],
          ['啓発事業', '=program_cost(A3, 2022)', '=SUM(1,2)'],
          ['合計', '=SUM(B2:B3)', 'y'],
          ['就職者', '=PLACEMENTS()', ''],
        ],
        費用: [
          ['日付', '金額'],
          ['2022/4/1', 100],
        ],
      },
    });
    const uninstall = installFakes(env);
    try {
      const sheet = fakeSheet(env, '集計');
      sheet.setComputedValue(4, 2, 12345);
      sheet.setComputedValue(3, 3, 3);
      const formulasBefore = sheet.getDataRange().getFormulas();
      const costsBefore = sheetValues(env, '費用');
      env.calls.reset();
      expect(recalculateFormulas(env.SpreadsheetApp.getActiveSpreadsheet())).toBe(3);
      expect(sheet.getDataRange().getFormulas()).toEqual(formulasBefore);
      // The SUM cells kept their computed values: they were never written.
      expect(sheetValues(env, '集計')[3][1]).toBe(12345);
      expect(sheetValues(env, '集計')[2][2]).toBe(3);
      expect(sheetValues(env, '費用')).toEqual(costsBefore);
      // Runs: B2:B3 and B5, each emptied once and restored once; one flush in between.
      expect(env.calls.count('Range.setFormulas')).toBe(4);
      expect(env.calls.count('SpreadsheetApp.flush')).toBe(1);
      const writes = Object.keys(env.calls.snapshot()).filter((key) => /\.(set|clear|append|insert)/.test(key));
      expect(writes).toEqual(['Range.setFormulas']);
    } finally {
      uninstall();
    }
  });
});
