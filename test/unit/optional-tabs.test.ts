// Tests of 候補者, 企業 and イベント as optional tabs: a food bank's workbook without them reads and reports without an
// issue, while a template, a formula or a dashboard figure that needs a missing tab says so instead of printing 0.
import { evaluateFormula, evaluateFormulaOnRange, FormulaError } from '../../src/core/formulas';
import { missingMetricTabs, tabNames } from '../../src/core/metric-tabs';
import { findMetric } from '../../src/core/metrics';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import type { ReportTable } from '../../src/core/report-document';
import { sidebarState } from '../../src/core/sidebar-api';
import { FOOD_BANK_ROW, foodBankTabs } from '../fixtures/food-bank';
import { rawWorkbook } from '../helpers/raw';

function foodBank(edit: (tabs: Record<string, unknown[][]>) => void = () => {}) {
  const tabs = foodBankTabs();
  edit(tabs);
  return rawWorkbook(tabs);
}

/** The food bank with one more 本文 row holding `body`, at 本文!B3. */
const withBody = (body: string) => foodBank((tabs) => tabs.本文.push(['見出し2', body]));

describe('a workbook without 候補者, 企業 and イベント', () => {
  it('reads without an issue', () => {
    expect(readWorkbook(foodBank()).issues).toEqual([]);
  });

  it('gets its report, with the figures of its own tabs', () => {
    const result = makeReport(foodBank());
    expect(result.ok && result.issues).toEqual([]);
    if (!result.ok) return;
    const blocks = result.report.blocks;
    // The figures are addressable (issue 14): 16 + 4 characters before 450,500; 15 + 10 before 451.
    expect(blocks).toContainEqual({
      kind: 'paragraph',
      text: '年間を通じて食品を配付しました。事業費は450,500円でした。',
      figures: [{ start: 20, end: 27, tag: 'm:事業費' }],
    });
    expect(blocks).toContainEqual({
      kind: 'heading',
      level: 2,
      text: '（１）特定非営利活動に係る事業（事業費の総費用【 451 】千円）',
      figures: [{ start: 25, end: 28, tag: 'total:特定非営利活動' }],
    });
    const table = blocks.find((b): b is ReportTable => b.kind === 'table');
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([FOOD_BANK_ROW]);
  });
});

describe('a template that needs a missing tab', () => {
  it('is an error at its 本文 cell naming the metric and the tab, in Japanese and English', () => {
    const ja = checkWorkbook(withBody('新たに{{新規接点数}}名と出会いました')).issues;
    expect(ja.map((i) => [i.severity, i.code, i.tab, i.cell, i.column, i.value])).toEqual([
      ['error', 'metric_needs_tab', '本文', 'B3', '本文', '新規接点数'],
    ]);
    expect(ja[0].message).toBe(
      '「本文」の指標「新規接点数」には「候補者」タブが必要です。タブを作って行を入力するか（メニューの「シートを準備」で作成できます）、この差し込みを消してください',
    );
    const en = checkWorkbook(withBody('{{新規接点数}}'), { language: 'en' }).issues;
    expect(en[0].message).toBe(
      '"本文": the metric "新規接点数" needs the tab "候補者". Add the tab and its rows (the menu シートを準備 creates it) or remove this placeholder',
    );
  });

  it('names イベント for an event figure in 受益対象者の人数 and 企業 for a company figure, each once per placeholder', () => {
    const raw = foodBank((tabs) => {
      tabs.事業[1][7] = '延べ{{参加者数|事業内容=食品配付事業}}名（{{ヒアリング企業数}}社）';
    });
    const { issues } = checkWorkbook(raw);
    expect(issues.map((i) => [i.code, i.tab, i.cell, i.value, i.params.other])).toEqual([
      ['metric_needs_tab', '事業', 'H2', '参加者数', 'イベント'],
      ['metric_needs_tab', '事業', 'H2', 'ヒアリング企業数', '企業'],
    ]);
    expect(makeReport(raw).ok).toBe(false);
  });

  it('is fine once the tab exists, even with only its header: the figure is then a true 0', () => {
    const raw = foodBank((tabs) => {
      tabs.本文.push(['見出し2', '{{新規接点数}}名']);
      tabs.候補者 = [['候補者ID', '初回接点日']];
    });
    const result = makeReport(raw);
    expect(result.ok && result.issues).toEqual([]);
    if (result.ok)
      expect(result.report.blocks).toContainEqual({
        kind: 'paragraph',
        text: '0名',
        // The figure's span takes in its unit: an update that suppresses it writes （秘匿） without 名.
        figures: [{ start: 0, end: 2, tag: 'm:新規接点数' }],
      });
  });

  it('does not hide other template problems of the same cell (those found by parsing are listed first)', () => {
    const { issues } = checkWorkbook(withBody('{{新規接点数}} {{事業費|種別=交流会}}'));
    expect(issues.map((i) => [i.code, i.value])).toEqual([
      ['unknown_filter', '種別'],
      ['metric_needs_tab', '新規接点数'],
    ]);
  });
});

describe('a custom formula whose metric needs a missing tab', () => {
  it('fails with the formula error naming the tab, not 0', () => {
    const call = () => evaluateFormula(foodBank(), { metric: '新規接点数' });
    expect(call).toThrow(FormulaError);
    expect(call).toThrow('指標「新規接点数」には「候補者」タブが必要です（メニューの「シートを準備」で作成できます）');
    try {
      call();
    } catch (error) {
      expect((error as FormulaError).code).toBe('formula_metric_needs_tab');
    }
  });

  it('is worded in English when 報告書言語 is en', () => {
    const raw = foodBank((tabs) => tabs.設定.push(['報告書言語', 'en']));
    expect(() => evaluateFormula(raw, { metric: 'イベント回数' })).toThrow(
      'The metric "イベント回数" needs the tab "イベント" (the menu シートを準備 creates it)',
    );
  });

  it('still answers the metrics of the tabs the workbook has', () => {
    expect(evaluateFormula(foodBank(), { metric: '事業費' })).toBe(450500);
    expect(evaluateFormula(foodBank(), { metric: '管理費' })).toBe(20000);
  });

  it('counts from a range given as an argument, which needs no tab', () => {
    const range = [
      ['候補者ID', '初回接点日'],
      ['C1', '2022/4/1'],
      ['C2', '2023/4/1'],
    ];
    expect(evaluateFormulaOnRange(range, { metric: '新規接点数', year: 2022 })).toBe(1);
  });
});

describe('the sidebar dashboard', () => {
  it('shows no figure whose tab is missing, and the costs of the tabs there are', () => {
    const state = sidebarState(foodBank());
    expect(state.issues).toEqual([]);
    expect(state.dashboard).toEqual({
      year: 2022,
      figures: [],
      costs: [{ program: '食品配付事業', yen: 450500 }],
      totalCost: 450500,
    });
  });

  it('shows the 候補者 figures when only イベント is missing, with their values', () => {
    const state = sidebarState(
      foodBank((tabs) => {
        tabs.候補者 = [
          ['候補者ID', '初回接点日', '登録日', '就職日'],
          ['C1', '2022/4/1', '2022/5/1', ''],
          ['C2', '2022/7/1', '', '2023/3/31'],
        ];
      }),
    );
    expect(state.dashboard?.figures.map((f) => [f.metric, f.value])).toEqual([
      ['新規接点数', 2],
      ['登録者数', 1],
      ['就職者数', 1],
      ['在留資格変更数', 0],
    ]);
  });
});

describe('missingMetricTabs', () => {
  const layouts = (present: string[]) => {
    const keys = [
      'settings',
      'programs',
      'candidates',
      'companies',
      'events',
      'costs',
      'narrative',
      'meetings',
      'runs',
    ];
    return {
      layouts: Object.fromEntries(
        keys.map((key) => [key, { name: present.includes(key) ? key : null, columns: {}, headers: {} }]),
      ),
    } as unknown as Parameters<typeof missingMetricTabs>[1];
  };

  it('lists the tab a metric reads when the workbook lacks it', () => {
    expect(missingMetricTabs(findMetric('参加者実人数') as never, layouts(['costs']))).toEqual(['events']);
    expect(missingMetricTabs(findMetric('参加者実人数') as never, layouts(['events']))).toEqual([]);
  });

  it('asks for one of several tabs only when all are missing, and nothing of a metric that reads none', () => {
    expect(missingMetricTabs({ tabs: ['companies', 'events'] }, layouts(['events']))).toEqual([]);
    expect(missingMetricTabs({ tabs: ['companies', 'events'] }, layouts([]))).toEqual(['companies', 'events']);
    expect(missingMetricTabs({ tabs: [] }, layouts([]))).toEqual([]);
  });

  it('names tabs by their Japanese names', () => {
    expect(tabNames(['candidates'])).toBe('候補者');
    expect(tabNames(['companies', 'events'])).toBe('企業 / イベント');
  });
});

describe('イベント naming 参加者ID without a 候補者 tab', () => {
  it('is one missing_tab error pointing at the first cell that needs it', () => {
    const raw = foodBank((tabs) => {
      tabs.イベント = [
        ['イベントID', '事業内容', '種別', '開始日', '参加者ID'],
        ['E1', '食品配付事業', '交流会', '2022/5/1', 'C1'],
      ];
    });
    const { issues } = checkWorkbook(raw);
    expect(issues.map((i) => [i.code, i.tab, i.cell, i.params.other])).toEqual([
      ['missing_tab', '候補者', 'A1', 'イベント!E2'],
    ]);
  });
});
