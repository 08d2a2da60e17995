// Tests of 入力チェック on the fakes: the planted-fault workbook's exact issues, one read per tab, no data changed.
import { checkInput } from '../../src/gas/actions';
import { createFakeEnvironment, installFakes, sheetValues } from '../fakes';
import { BAD_WORKBOOK } from '../fixtures/bad-workbook';
import { sampleSheets, scaledSampleSheets } from '../helpers/sample';

describe('入力チェック (checkInput)', () => {
  it('lists exactly the planted faults and changes nothing', () => {
    const env = createFakeEnvironment({ sheets: BAD_WORKBOOK });
    const uninstall = installFakes(env);
    try {
      const before = Object.keys(BAD_WORKBOOK).map((name) => sheetValues(env, name));
      const issues = checkInput(env.SpreadsheetApp.getActiveSpreadsheet());
      expect(issues.map((i) => `${i.severity} ${i.code} ${i.tab}!${i.cell}`)).toEqual([
        'error invalid_setting 設定!B4',
        'warning unknown_setting 設定!A5',
        'error invalid_choice 事業!C3',
        'error duplicate_id 事業!A4',
        'error unknown_filter 事業!D5',
        'error unknown_metric 事業!D6',
        'error invalid_date 候補者!C3',
        'error hired_before_contact 候補者!D4',
        'error unknown_reference 候補者!E5',
        'warning missing_consent 候補者!H6',
        'error invalid_boolean 候補者!F7',
        'error error_value 候補者!G8',
        'error implausible_date 候補者!C9',
        'error required 候補者!A10',
        'error duplicate_header 企業!C1',
        'error unknown_reference イベント!B2',
        'error end_before_start イベント!E3',
        'error participants_below_ids イベント!F4',
        'error negative_count イベント!F5',
        'error unknown_reference イベント!G6',
        'error invalid_number 費用!D2',
        'warning negative_amount 費用!D3',
        'error not_integer 費用!D4',
        'error missing_column 本文!C1',
      ]);
      expect(Object.keys(BAD_WORKBOOK).map((name) => sheetValues(env, name))).toEqual(before);
      const writes = Object.keys(env.calls.snapshot()).filter((key) => /\.(set|append|insert|clear|delete)/.test(key));
      expect(writes).toEqual([]);
    } finally {
      uninstall();
    }
  });

  it('reports a missing tab once, at A1 of the tab to create', () => {
    const { 費用: _costs, ...withoutCosts } = BAD_WORKBOOK;
    const env = createFakeEnvironment({ sheets: withoutCosts });
    const uninstall = installFakes(env);
    try {
      const issues = checkInput(env.SpreadsheetApp.getActiveSpreadsheet()).filter((i) => i.tab === '費用');
      expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual(['missing_tab A1']);
      expect(issues[0].message).toBe('タブ「費用」が見つかりません。メニューの「シートを準備」で作成できます');
    } finally {
      uninstall();
    }
  });

  it('reads each tab with one getValues, whatever the number of rows', () => {
    const counts = [1, 40].map((factor) => {
      const env = createFakeEnvironment({ sheets: factor === 1 ? sampleSheets() : scaledSampleSheets(factor) });
      const uninstall = installFakes(env);
      try {
        checkInput(env.SpreadsheetApp.getActiveSpreadsheet());
        return env.calls.snapshot();
      } finally {
        uninstall();
      }
    });
    expect(counts[0]['Range.getValues']).toBe(8); // 設定 事業 候補者 企業 求人 イベント 費用 本文
    expect(counts[1]).toEqual(counts[0]);
  });
});
