// Tests for evaluating a metric from formula arguments over raw tabs.
import { evaluateFormula, FormulaError, tabsForMetric } from '../../src/core/formulas';
import type { RawWorkbook } from '../../src/core/read-workbook';

const settings = [
  ['項目', '値'],
  ['団体名', 'テスト団体'],
  ['対象年度', 2022],
];
const programs = [
  ['事業内容', '定款の事業名', '区分'],
  ['育成事業', '統合を促す事業', '特定非営利活動'],
  ['啓発事業', '発信する事業', '特定非営利活動'],
];

function workbook(costs: unknown[][]): RawWorkbook {
  return {
    tabs: [
      { name: '設定', values: settings },
      { name: '事業', values: programs },
      { name: '費用', values: costs as RawWorkbook['tabs'][number]['values'] },
    ],
  };
}

describe('evaluateFormula', () => {
  const costs = [
    // Columns in an unusual order, one extra column, messy headers.
    ['　金額 ', 'メモ欄', '事業内容', '費目', '日付'],
    ['50,000円', 'x', '育成事業', '人件費', '2022/4/1'],
    ['１２，３４５', 'x', '育成事業', 'その他経費', '令和5年3月31日'],
    [7000, 'x', '啓発事業', '人件費', '2022-06-01'],
    [999, 'x', '育成事業', '人件費', '2023/4/1'], // next fiscal year
    [111, 'x', '管理費', '人件費', '2022/5/1'],
    ['', '', '', '', ''],
  ];

  it('sums 事業費 in yen for one 事業内容 within the fiscal year, headers in any order', () => {
    expect(evaluateFormula(workbook(costs), { metric: '事業費', filters: { 事業内容: '育成事業' } })).toBe(62345);
    expect(evaluateFormula(workbook(costs), { metric: '事業費', filters: { 事業内容: '啓発事業' } })).toBe(7000);
  });

  it('filters by 費目 and honours an explicit year', () => {
    expect(
      evaluateFormula(workbook(costs), { metric: '事業費', filters: { 事業内容: '育成事業', 費目: '人件費' } }),
    ).toBe(50000);
    expect(evaluateFormula(workbook(costs), { metric: '事業費', year: 2023, filters: { 事業内容: '育成事業' } })).toBe(
      999,
    );
  });

  it('rejects an unknown 事業内容 with a message naming it', () => {
    expect(() =>
      evaluateFormula(workbook(costs), { metric: '事業費', filters: { 事業内容: '存在しない事業' } }),
    ).toThrow(new FormulaError('事業内容「存在しない事業」は事業タブにありません（育成事業、啓発事業）'));
  });

  it('refuses to return a number when a cell it sums cannot be read', () => {
    const bad = [...costs.slice(0, 2), ['約5万', 'x', '育成事業', '人件費', '2022/4/2']];
    expect(() => evaluateFormula(workbook(bad), { metric: '事業費', filters: { 事業内容: '育成事業' } })).toThrow(
      /^費用!A3: 「金額」の「約5万」は数として読めません/,
    );
  });

  it('rejects a bad year and an unknown metric', () => {
    expect(() => evaluateFormula(workbook(costs), { metric: '事業費', year: 'きょねん' })).toThrow(/年度「きょねん」/);
    expect(() => evaluateFormula(workbook(costs), { metric: '寄付金' })).toThrow(/指標「寄付金」はありません/);
  });

  it('reads only the tabs the metric needs', () => {
    expect(tabsForMetric('事業費')).toEqual(['settings', 'costs', 'programs']);
    expect(tabsForMetric('就職者数')).toEqual(['settings', 'candidates']);
  });
});
