// Tests of シートを準備 on the fakes: creates what is missing, idempotent, never changes a value, constant call count.

import { TABS } from '../../src/core/schema';
import { menuPrepareSheets, prepareSheets } from '../../src/gas/prepare-sheets';
import { createFakeEnvironment, type FakeEnvironment, fakeSheet, installFakes, sheetValues } from '../fakes';
import { sampleSheets, scaledSampleSheets } from '../helpers/sample';

function withFakes<T>(sheets: Record<string, unknown[][]>, run: (env: FakeEnvironment) => T): T {
  const env = createFakeEnvironment({ sheets });
  const uninstall = installFakes(env);
  try {
    return run(env);
  } finally {
    uninstall();
  }
}

const tabNames = (env: FakeEnvironment) => env.spreadsheet.getSheets().map((sheet) => sheet.getName());
const allValues = (env: FakeEnvironment) =>
  Object.fromEntries(tabNames(env).map((name) => [name, sheetValues(env, name)]));
const writeCalls = (env: FakeEnvironment) =>
  Object.entries(env.calls.snapshot()).filter(([key]) => /\.(set|append|insert|clear|delete|remove)/.test(key));

describe('シートを準備 (prepareSheets)', () => {
  it('creates every tab with its header, frozen row, widths and validations in an empty spreadsheet', () => {
    withFakes({}, (env) => {
      const summary = prepareSheets(env.SpreadsheetApp.getActiveSpreadsheet());
      // The tabs other tabs' dropdowns point at come first.
      expect(summary.createdTabs).toEqual([
        '事業',
        '企業',
        '設定',
        '候補者',
        '求人',
        'イベント',
        '費用',
        '本文',
        '会議',
        '様式',
        '生成履歴',
      ]);
      for (const def of TABS) {
        expect(sheetValues(env, def.ja)[0]).toEqual(def.columns.map((c) => c.ja));
        expect(fakeSheet(env, def.ja).getFrozenRows()).toBe(1);
      }
      const costs = fakeSheet(env, '費用');
      const program = costs.getRange('B2').getDataValidation();
      expect(program?.getCriteriaType()).toBe('VALUE_IN_RANGE');
      expect(program?.getHelpText()).toContain('管理費');
      expect(costs.getRange('C2').getDataValidation()?.getCriteriaValues()[0]).toEqual(['人件費', 'その他経費']);
      expect(costs.getRange('A2').getDataValidation()?.getCriteriaType()).toBe('DATE_BETWEEN');
      expect(costs.getRange('A2').getNumberFormat()).toBe('yyyy/mm/dd');
      expect(costs.getColumnWidth(5)).toBe(110);
      const candidates = fakeSheet(env, '候補者');
      expect(candidates.getRange('M2').getDataValidation()?.getCriteriaValues()[0]).toEqual(['はい', 'いいえ']);
      const employer = candidates.getRange('J2').getDataValidation();
      expect(employer?.getCriteriaType()).toBe('VALUE_IN_RANGE');
      const [employerRange] = employer?.getCriteriaValues() ?? [];
      expect((employerRange as { getA1Notation(): string }).getA1Notation()).toBe('A2:A1000');
      expect(employer?.getAllowInvalid()).toBe(true);
      expect(sheetValues(env, '設定').map((row) => row[0])).toEqual([
        '項目',
        '団体名',
        '対象年度',
        '年度開始月',
        '初年度開始日',
        '端数処理',
        '活動計算書の事業費計',
        '秘匿しきい値',
        '報告書言語',
        '年の表記',
        '様式',
        'その他の事業',
        '人数の単位',
      ]);
    });
  });

  it('changes nothing on a second run', () => {
    withFakes({}, (env) => {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      prepareSheets(spreadsheet);
      const before = allValues(env);
      env.calls.reset();
      expect(prepareSheets(spreadsheet)).toEqual({ createdTabs: [], addedColumns: {} });
      expect(writeCalls(env)).toEqual([]);
      expect(allValues(env)).toEqual(before);
    });
  });

  it('leaves a filled workbook byte-for-byte as it is, adding only the tabs it lacks (会議, 様式, 生成履歴)', () => {
    withFakes(sampleSheets(), (env) => {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      const before = allValues(env);
      expect(prepareSheets(spreadsheet)).toEqual({ createdTabs: ['会議', '様式', '生成履歴'], addedColumns: {} });
      const after = allValues(env);
      for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
      env.calls.reset();
      expect(prepareSheets(spreadsheet)).toEqual({ createdTabs: [], addedColumns: {} });
      expect(writeCalls(env)).toEqual([]);
    });
  });

  it('adds missing header cells after the last column without touching a value, and leaves reordered tabs alone', () => {
    const sheets = sampleSheets();
    const costs = sheets.費用.map((row) => [row[4], row[0]]); // 金額, 日付 only
    const reordered = sheets.企業.map((row) => [...row].reverse().concat(['メモ']));
    withFakes({ ...sheets, 費用: costs, 企業: reordered }, (env) => {
      const before = allValues(env);
      const summary = prepareSheets(env.SpreadsheetApp.getActiveSpreadsheet());
      expect(summary.addedColumns).toEqual({ 費用: ['事業内容', '費目', '勘定科目', '摘要', '証憑番号'] });
      const after = sheetValues(env, '費用');
      expect(after[0]).toEqual(['金額', '日付', '事業内容', '費目', '勘定科目', '摘要', '証憑番号']);
      expect(after.map((row) => row.slice(0, 2))).toEqual(before.費用);
      expect(after.slice(1).every((row) => row.slice(2).every((cell) => cell === ''))).toBe(true);
      expect(sheetValues(env, '企業')).toEqual(before.企業);
    });
  });

  it('inserts columns before adding header cells past the last column of the sheet (a real sheet has fixed dimensions)', () => {
    // 費用 with 金額, 日付 and 22 columns of the NPO's own: 24 of the new sheet's 26 columns are used, and the five
    // missing contract columns need three more.
    const own = Array.from({ length: 22 }, (_, i) => `独自${i + 1}`);
    const costs = [
      ['金額', '日付', ...own],
      [1000, '2022/4/1', ...own.map(() => 'x')],
    ];
    withFakes({ ...sampleSheets(), 費用: costs }, (env) => {
      const sheet = fakeSheet(env, '費用');
      expect(sheet.getMaxColumns()).toBe(26);
      const summary = prepareSheets(env.SpreadsheetApp.getActiveSpreadsheet());
      expect(summary.addedColumns).toEqual({ 費用: ['事業内容', '費目', '勘定科目', '摘要', '証憑番号'] });
      expect(sheet.getMaxColumns()).toBe(29);
      expect(sheetValues(env, '費用')[0].slice(22)).toEqual([
        '独自21',
        '独自22',
        '事業内容',
        '費目',
        '勘定科目',
        '摘要',
        '証憑番号',
      ]);
      expect(sheetValues(env, '費用')[1].slice(0, 24)).toEqual(costs[1]);
      expect([sheet.getColumnWidth(27), sheet.getColumnWidth(29)]).toEqual([120, 100]);
      expect(sheet.getRange(2, 26).getDataValidation()?.getCriteriaValues()[0]).toEqual(['人件費', 'その他経費']);
      expect(env.calls.count('Sheet.insertColumnsAfter')).toBe(1);
    });
  });

  it('inserts no column when the missing header cells fit', () => {
    const sheets = sampleSheets();
    withFakes({ ...sheets, 費用: sheets.費用.map((row) => [row[4], row[0]]) }, (env) => {
      prepareSheets(env.SpreadsheetApp.getActiveSpreadsheet());
      expect(env.calls.count('Sheet.insertColumnsAfter')).toBe(0);
      expect(fakeSheet(env, '費用').getMaxColumns()).toBe(26);
    });
  });

  it('makes the same calls for 40 times as many rows', () => {
    const run = (sheets: Record<string, unknown[][]>) =>
      withFakes({ ...sheets, 費用: sheets.費用.map((row) => row.slice(0, 4)) }, (env) => {
        prepareSheets(env.SpreadsheetApp.getActiveSpreadsheet());
        return env.calls.snapshot();
      });
    expect(run(scaledSampleSheets(40))).toEqual(run(sampleSheets()));
  });

  it('says so instead of waiting when someone else holds the lock', () => {
    withFakes({}, (env) => {
      env.locks.holdElsewhere('document');
      menuPrepareSheets();
      expect(env.ui.alerts.map((a) => a.prompt)).toEqual([
        '他の人が事業報告書の作成かシートの準備をしています。しばらくしてからもう一度お試しください。',
      ]);
      expect(env.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('費用');
    });
  });
});
