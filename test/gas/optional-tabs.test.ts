// Tests of issue 12 on the Apps Script fakes: a food bank's spreadsheet without 候補者, 企業 and イベント (シートを準備
// still offers them and 会議; the sidebar hides what has no tab; formulas fail with the tab named), and section ３ in a Doc.
import { makeReport } from '../../src/core/pipeline';
import { createReport } from '../../src/gas/actions';
import { candidateCount, eventCount, jigyoMetric, programCost } from '../../src/gas/custom-functions';
import { prepareSheets } from '../../src/gas/prepare-sheets';
import { renderReportToDoc } from '../../src/gas/render-doc';
import { loadSidebar } from '../../src/gas/sidebar-server';
import {
  createFakeEnvironment,
  documentBlocks,
  type FakeEnvironment,
  fakeSheet,
  installFakes,
  sheetValues,
} from '../fakes';
import { foodBankTabs } from '../fixtures/food-bank';
import { rawWorkbook } from '../helpers/raw';

function withFakes<T>(sheets: Record<string, unknown[][]>, run: (env: FakeEnvironment) => T): T {
  const env = createFakeEnvironment({ sheets, htmlFiles: { sidebar: '<html></html>' } });
  const uninstall = installFakes(env);
  try {
    return run(env);
  } finally {
    uninstall();
  }
}

const MEETINGS = [
  ['開催日', '種別', '出席者数', '議題', '結果'],
  ['2022/6/25', '社員総会', 18, '2021年度事業報告及び活動決算の承認', '原案どおり承認'],
  ['2022/4/20', '理事会', 6, '社員総会に付議する議案の決定', '承認'],
  ['2023/4/1', '理事会', 6, '翌年度', '翌年度'], // next year: not in the FY2022 report
];

describe('シートを準備 on a food bank without 候補者, 企業 and イベント', () => {
  it('still offers the three tabs and 会議, each with its header, leaving the food bank’s tabs as they are', () => {
    withFakes(foodBankTabs(), (env) => {
      const before = foodBankTabs();
      const summary = prepareSheets(env.SpreadsheetApp.getActiveSpreadsheet());
      for (const tab of ['候補者', '企業', 'イベント', '会議']) expect(summary.createdTabs).toContain(tab);
      expect(summary.createdTabs).not.toContain('事業');
      expect(sheetValues(env, '会議')).toEqual([['開催日', '種別', '出席者数', '議題', '結果']]);
      for (const name of ['事業', '費用', '本文']) {
        expect(
          sheetValues(env, name)
            .slice(0, before[name].length)
            .map((row) => row.slice(0, before[name][0].length)),
        ).toEqual(before[name]);
      }
    });
  });

  it('gives 会議 its typing help: a date rule, a closed dropdown of kinds, a count of 0 or more, widths', () => {
    withFakes(foodBankTabs(), (env) => {
      prepareSheets(env.SpreadsheetApp.getActiveSpreadsheet());
      const sheet = fakeSheet(env, '会議');
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getRange('A2').getDataValidation()?.getCriteriaType()).toBe('DATE_BETWEEN');
      expect(sheet.getRange('A2').getNumberFormat()).toBe('yyyy/mm/dd');
      const kind = sheet.getRange('B2').getDataValidation();
      expect(kind?.getCriteriaType()).toBe('VALUE_IN_LIST');
      expect(kind?.getCriteriaValues()[0]).toEqual(['社員総会', '理事会', 'その他']);
      expect(kind?.getHelpText()).toBe('社員総会 / 理事会 / その他');
      const count = sheet.getRange('C2').getDataValidation();
      expect(count?.getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
      expect(count?.getCriteriaValues()).toEqual([0]);
      expect(sheet.getRange('D2').getDataValidation()).toBeNull();
      expect([1, 2, 3, 4, 5].map((column) => sheet.getColumnWidth(column))).toEqual([110, 100, 80, 320, 160]);
    });
  });
});

describe('the sidebar on a food bank', () => {
  it('shows no figure of a missing tab, only the costs', () => {
    withFakes(foodBankTabs(), () => {
      const state = loadSidebar(2022);
      expect(state.issues).toEqual([]);
      expect(state.dashboard).toEqual({
        year: 2022,
        figures: [],
        costs: [{ program: '食品配付事業', yen: 450500 }],
        totalCost: 450500,
      });
    });
  });
});

describe('custom formulas on a food bank', () => {
  it('fail with the missing tab named instead of returning 0, and answer from the tabs there are', () => {
    withFakes(foodBankTabs(), (env) =>
      env.asCustomFunction(() => {
        expect(() => candidateCount('新規接点数')).toThrow(
          '指標「新規接点数」には「候補者」タブが必要です（メニューの「シートを準備」で作成できます）',
        );
        expect(() => eventCount('食品配付事業')).toThrow('指標「イベント回数」には「イベント」タブが必要です');
        expect(() => jigyoMetric('ヒアリング企業数')).toThrow('指標「ヒアリング企業数」には「企業」タブが必要です');
        expect(programCost('食品配付事業')).toBe(450500);
      }),
    );
  });
});

describe('section ３ in a Google Doc', () => {
  it('is a level-1 heading followed by a table of the year’s meetings in date order', () => {
    const result = makeReport(rawWorkbook({ ...foodBankTabs(), 会議: MEETINGS }));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const blocks = withFakes({}, (env) => {
      renderReportToDoc(result.report, '2022年度 事業報告書');
      return documentBlocks(env.documents[0]);
    });
    const at = blocks.findIndex((b) => b.type === 'PARAGRAPH' && b.text === '３．社員総会等の開催状況');
    expect(blocks[at]).toMatchObject({ type: 'PARAGRAPH', heading: 'HEADING1' });
    expect(blocks[at + 1]).toMatchObject({
      type: 'TABLE',
      rows: [
        ['開催日', '種別', '出席者数', '議題', '結果'],
        ['2022年4月20日', '理事会', '6人', '社員総会に付議する議案の決定', '承認'],
        ['2022年6月25日', '社員総会', '18人', '2021年度事業報告及び活動決算の承認', '原案どおり承認'],
      ],
    });
  });

  it('is made by 事業報告書を作成 from a spreadsheet that has a 会議 tab', () => {
    withFakes({ ...foodBankTabs(), 会議: MEETINGS }, (env) => {
      const outcome = createReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: new Date(Date.UTC(2023, 4, 1)) });
      expect(outcome.kind).toBe('created');
      const texts = documentBlocks(env.documents[0]).map((b) => (b.type === 'PARAGRAPH' ? b.text : b.type));
      expect(texts.slice(texts.indexOf('３．社員総会等の開催状況'))).toEqual([
        '３．社員総会等の開催状況',
        'TABLE',
        '', // a Doc cannot end with a table: the renderer's closing empty paragraph
      ]);
    });
  });
});
