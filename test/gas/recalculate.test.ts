// Tests of 数式を再計算 on the fakes: every add-on formula takes the named cell JIGYO_RECALC, which the menu changes.
import { RECALC_NAME, recalculateFormulas, usesCustomFunction, withRecalcArgument } from '../../src/gas/recalculate';
import { createFakeEnvironment, fakeSheet, installFakes, sheetValues } from '../fakes';

describe('数式を再計算 (recalculateFormulas)', () => {
  it('recognises the add-on functions in any case, and nothing else', () => {
    expect(usesCustomFunction('=PROGRAM_COST("育成事業")')).toBe(true);
    expect(usesCustomFunction('=sum(1, participants("育成事業"))')).toBe(true);
    expect(usesCustomFunction('=JIGYO_TABLE(A2:C9)')).toBe(true);
    expect(usesCustomFunction('=MY_PROGRAM_COST(1)')).toBe(false);
    expect(usesCustomFunction('=SUM(A1:A3)')).toBe(false);
    expect(usesCustomFunction('')).toBe(false);
  });

  it.each([
    // Positional formulas: empty arguments up to the documented ones, then the hidden one.
    ['=PROGRAM_COST(A2)', '=PROGRAM_COST(A2,,,,JIGYO_RECALC)'],
    ['=program_cost(A3, 2022)', '=program_cost(A3, 2022,,,JIGYO_RECALC)'],
    ['=PLACEMENTS()', '=PLACEMENTS(,,,JIGYO_RECALC)'],
    ['=NEW_CONTACTS( )', '=NEW_CONTACTS( ,,JIGYO_RECALC)'],
    [
      '=PARTICIPANTS("育成事業", , 2022, "実人数", イベント!A:L)',
      '=PARTICIPANTS("育成事業", , 2022, "実人数", イベント!A:L,JIGYO_RECALC)',
    ],
    ['=JIGYO_TABLE(A2:C9)', '=JIGYO_TABLE(A2:C9,,JIGYO_RECALC)'],
    // JIGYO_METRIC takes any number of conditions: the hidden argument goes last.
    [
      '=JIGYO_METRIC("就職者数", 2022, "就職経路=職業紹介")',
      '=JIGYO_METRIC("就職者数", 2022, "就職経路=職業紹介",JIGYO_RECALC)',
    ],
    // Nested calls, strings and quoted sheet names holding brackets and commas, array literals.
    [
      '=SUM(1, PROGRAM_COST("a(b,c)", 2022), MAX({1,2}), Total_Cost(,, \'費用 (2022), 本\'!A:G))',
      '=SUM(1, PROGRAM_COST("a(b,c)", 2022,,,JIGYO_RECALC), MAX({1,2}), Total_Cost(,, \'費用 (2022), 本\'!A:G,JIGYO_RECALC))',
    ],
    [
      '=IF(A1, PLACEMENTS(PROGRAM_COST("x")), "")',
      '=IF(A1, PLACEMENTS(PROGRAM_COST("x",,,,JIGYO_RECALC),,,JIGYO_RECALC), "")',
    ],
    ['=EVENT_COUNT ("a""b")', '=EVENT_COUNT ("a""b",,,,JIGYO_RECALC)'],
  ])('gives %s the hidden argument: %s', (before, after) => {
    expect(withRecalcArgument(before)).toBe(after);
    // Once is enough: the argument is never added twice.
    expect(withRecalcArgument(after)).toBe(after);
  });

  it.each([
    '=SUM(A1:A3)',
    '=MY_PROGRAM_COST(1)',
    '="PROGRAM_COST(1)"',
    '=X.PROGRAM_COST(1)',
    '=STATUS_CHANGES(2022, 候補者!A:Z, 1)', // more arguments than documented: left for the formula to report
    '=JIGYO_METRIC("就職者数", jigyo_recalc)',
    '=PROGRAM_COST("unclosed',
  ])('leaves %s as it is', (formula) => {
    expect(withRecalcArgument(formula)).toBe(formula);
  });

  it('scans a hostile formula in one pass: 20,000 nested calls, an unclosed string, stray closing brackets', () => {
    const depth = 20_000;
    const nested = `=${'PLACEMENTS('.repeat(depth)}${')'.repeat(depth)}`;
    const started = Date.now();
    const out = withRecalcArgument(nested);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(out).toBe(
      `=PLACEMENTS(${'PLACEMENTS('.repeat(depth - 1)},,,JIGYO_RECALC${'),,,JIGYO_RECALC'.repeat(depth - 1)})`,
    );
    expect(withRecalcArgument(`=))}${'"'.repeat(3)}PROGRAM_COST(`)).toBe(`=))}${'"'.repeat(3)}PROGRAM_COST(`);
  });

  it('gives each formula the hidden argument once, then changes only the named cell on later runs', () => {
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
      const costsBefore = sheetValues(env, '費用');
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      const first = new Date(2026, 10, 26, 9, 0, 0);
      expect(recalculateFormulas(spreadsheet, first)).toBe(3);
      expect(sheet.getRange('B2:B5').getFormulas()).toEqual([
        ['=PROGRAM_COST(A2,,,,JIGYO_RECALC)'],
        ['=program_cost(A3, 2022,,,JIGYO_RECALC)'],
        ['=SUM(B2:B3)'],
        ['=PLACEMENTS(,,,JIGYO_RECALC)'],
      ]);
      // The SUM cells kept their computed values: they were never written.
      expect(sheetValues(env, '集計')[3][1]).toBe(12345);
      expect(sheetValues(env, '集計')[2][2]).toBe(3);
      expect(sheetValues(env, '費用')).toEqual(costsBefore);
      // The named cell: B1 of a hidden 再計算 tab, labelled, holding the time of the run.
      const recalc = fakeSheet(env, '再計算');
      expect(recalc.isSheetHidden()).toBe(true);
      expect(sheetValues(env, '再計算')).toEqual([['数式を再計算した日時', first]]);
      expect(spreadsheet.getRangeByName(RECALC_NAME)?.getA1Notation()).toBe('B1');

      env.calls.reset();
      const second = new Date(2026, 10, 26, 9, 5, 0);
      expect(recalculateFormulas(spreadsheet, second)).toBe(3);
      expect(sheetValues(env, '再計算')).toEqual([['数式を再計算した日時', second]]);
      // Later runs write one cell: every formula already reads it, so Sheets evaluates each again.
      const writes = Object.entries(env.calls.snapshot()).filter(([key]) =>
        /\.(set|clear|append|insert|hide)/.test(key),
      );
      expect(writes).toEqual([['Range.setValue', 1]]);
      expect(env.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['集計', '費用', '再計算']);
    } finally {
      uninstall();
    }
  });

  it('writes nothing and makes no tab when no cell uses an add-on formula', () => {
    const env = createFakeEnvironment({ sheets: { 集計: [['=SUM(1,2)']] } });
    const uninstall = installFakes(env);
    try {
      expect(recalculateFormulas(env.SpreadsheetApp.getActiveSpreadsheet())).toBe(0);
      expect(env.spreadsheet.getSheets()).toHaveLength(1);
    } finally {
      uninstall();
    }
  });
});
