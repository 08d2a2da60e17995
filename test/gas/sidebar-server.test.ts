// Tests that the Apps Script door of the sidebar runs the shared handlers of src/core/sidebar-api.ts (the same module
// the dev server runs), and that its own doors do what Sheets needs: the document lock, a Doc, a 生成履歴 row, the cell.
import * as sidebarApi from '../../src/core/sidebar-api';
import { createReport } from '../../src/gas/actions';
import { generateReport, loadSidebar, previewReport, selectCell } from '../../src/gas/sidebar-server';
import { createFakeEnvironment, type FakeEnvironment, installFakes, sheetValues } from '../fakes';
import { sampleSheets } from '../helpers/sample';

function withFakes(run: (env: FakeEnvironment) => void): void {
  const env = createFakeEnvironment({ sheets: sampleSheets(), htmlFiles: { sidebar: '<html></html>' } });
  const uninstall = installFakes(env);
  try {
    run(env);
  } finally {
    uninstall();
  }
}

describe('the Apps Script door of the sidebar', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers every sidebar function through sidebarHandlers', () => {
    withFakes((env) => {
      const handlers = jest.spyOn(sidebarApi, 'sidebarHandlers');
      expect(loadSidebar(2022).dashboard?.totalCost).toBe(22_393_000);
      expect(previewReport(2022).html).toContain('<td class="right">6,408</td>');
      expect(selectCell('費用', 'E7')).toBe(true);
      expect(generateReport(2022)).toMatchObject({ kind: 'created', warnings: 1 });
      expect(handlers).toHaveBeenCalledTimes(4);
      expect(env.documents).toHaveLength(1);
    });
  });

  it('the menu 事業報告書を作成 runs the same generateReport', () => {
    withFakes((env) => {
      const generate = jest.spyOn(sidebarApi, 'generateReport');
      const outcome = createReport(env.SpreadsheetApp.getActiveSpreadsheet(), {
        now: new Date(Date.UTC(2023, 4, 1, 0, 30)),
      });
      expect(generate).toHaveBeenCalledTimes(1);
      expect(outcome).toEqual({
        kind: 'created',
        url: env.documents[0].getUrl(),
        name: '2022年度 事業報告書 (生成 2023-05-01 09:30)',
        warnings: 1,
      });
      // 09:30 in Asia/Tokyo, the script's time zone; the Doc's name and the 生成履歴 row carry the same time.
      expect(sheetValues(env, '生成履歴')[1].slice(0, 5)).toEqual([
        '2023-05-01 09:30',
        '2022',
        'Google ドキュメント',
        env.documents[0].getUrl(),
        '1',
      ]);
      expect(env.spreadsheet.toasts.map((toast) => toast.message)).toEqual([
        '入力を読み込んでいます…',
        'ドキュメントを作成しています…',
        '作成しました',
      ]);
    });
  });

  it('selects a cell only of a tab named exactly as the issue names it', () => {
    withFakes((env) => {
      expect(selectCell('費用', 'B3')).toBe(true);
      expect(env.spreadsheet.getActiveRange()?.getA1Notation()).toBe('B3');
      // 'Costs' would find 費用 as a contract tab, but an issue names the tab as the workbook spells it.
      expect(selectCell('Costs', 'B4')).toBe(false);
      expect(selectCell('費用 ', 'B4')).toBe(false);
      expect(env.spreadsheet.getActiveRange()?.getA1Notation()).toBe('B3');
    });
  });
});
