// Tests of the one way src/gas finds a sheet: a contract tab by its folded Japanese or English name, or an exact name.
import { tabDef } from '../../src/core/schema';
import { findContractSheet, findSheetNamed, listSheets } from '../../src/gas/sheets';
import { createFakeEnvironment, installFakes } from '../fakes';

describe('finding sheets', () => {
  const env = createFakeEnvironment({ sheets: { ' Costs ': [['日付']], 設定: [['項目']], メモ: [['x']] } });
  let uninstall: () => void = () => {};
  beforeAll(() => {
    uninstall = installFakes(env);
  });
  afterAll(() => uninstall());

  it('lists each sheet with one getName call', () => {
    env.calls.reset();
    expect(listSheets(env.SpreadsheetApp.getActiveSpreadsheet()).map((entry) => entry.name)).toEqual([
      ' Costs ',
      '設定',
      'メモ',
    ]);
    expect(env.calls.count('Sheet.getName')).toBe(3);
  });

  it('finds a contract tab by its English name, spaces and case folded, and nothing for a tab that is not there', () => {
    const sheets = listSheets(env.SpreadsheetApp.getActiveSpreadsheet());
    expect(findContractSheet(sheets, tabDef('costs'))?.name).toBe(' Costs ');
    expect(findContractSheet(sheets, tabDef('settings'))?.name).toBe('設定');
    expect(findContractSheet(sheets, tabDef('events'))).toBeUndefined();
  });

  it('finds a sheet by exact name only', () => {
    const sheets = listSheets(env.SpreadsheetApp.getActiveSpreadsheet());
    expect(findSheetNamed(sheets, ' Costs ')?.sheet.getName()).toBe(' Costs ');
    expect(findSheetNamed(sheets, 'Costs')).toBeUndefined();
    expect(findSheetNamed(sheets, '費用')).toBeUndefined();
  });
});
