// Tests for evaluating a metric from formula arguments over raw tabs.
import { evaluateFormula, evaluateFormulaOnRange, FormulaError, tabsForMetric } from '../../src/core/formulas';
import type { Grid, RawWorkbook } from '../../src/core/read-workbook';
import { tabDef } from '../../src/core/schema';

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
    const error = thrown(() =>
      evaluateFormula(workbook(costs), { metric: '事業費', filters: { 事業内容: '存在しない事業' } }),
    );
    expect([error.code, error.language, error.params.where]).toEqual(['formula_unknown_value', 'ja', 'programs']);
    expect(error.message).toBe('事業内容「存在しない事業」は事業タブにありません（育成事業、啓発事業）');
  });

  it('refuses to return a number when a cell it sums cannot be read', () => {
    const bad = [...costs.slice(0, 2), ['約5万', 'x', '育成事業', '人件費', '2022/4/2']];
    expect(() => evaluateFormula(workbook(bad), { metric: '事業費', filters: { 事業内容: '育成事業' } })).toThrow(
      /^費用!A3: 「金額」の「約5万」は数として読めません/,
    );
  });

  it('rejects a bad year and an unknown metric', () => {
    expect(codeOf(() => evaluateFormula(workbook(costs), { metric: '事業費', year: 'きょねん' }))).toBe(
      'formula_invalid_year',
    );
    expect(thrown(() => evaluateFormula(workbook(costs), { metric: '事業費', year: 'きょねん' })).message).toBe(
      '年度「きょねん」は年度として読めません（例: 2022）',
    );
    expect(thrown(() => evaluateFormula(workbook(costs), { metric: '寄付金' })).message).toMatch(
      /^指標「寄付金」はありません。使える指標: 新規接点数、登録者数、/,
    );
  });

  it('reads only the tabs the metric needs, and 設定 alone for an unknown metric', () => {
    expect(tabsForMetric('事業費')).toEqual(['settings', 'costs', 'programs']);
    expect(tabsForMetric('就職者数')).toEqual(['settings', 'candidates']);
    expect(tabsForMetric('寄付金')).toEqual(['settings']);
  });
});

function thrown(run: () => unknown): FormulaError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error('expected a FormulaError, got a value');
}

const codeOf = (run: () => unknown) => thrown(run).code;

describe('formula errors: a code each, worded in 報告書言語', () => {
  const costs = [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/4/1', '育成事業', '人件費', 1000],
  ];
  const english = (): RawWorkbook => ({
    tabs: [{ name: '設定', values: [...settings, ['報告書言語', 'en']] }, ...workbook(costs).tabs.slice(1)],
  });
  const noYear = (): RawWorkbook => ({
    tabs: [{ name: '設定', values: settings.slice(0, 2) }, ...workbook(costs).tabs.slice(1)],
  });

  it.each([
    ['formula_unknown_metric', () => evaluateFormula(workbook(costs), { metric: '寄付金' })],
    ['formula_invalid_year', () => evaluateFormula(workbook(costs), { metric: '事業費', year: 1989 })],
    ['formula_invalid_year', () => evaluateFormula(workbook(costs), { metric: '事業費', year: 2101 })],
    // Without 対象年度 the 設定 issue itself is the answer (formula_missing_year only guards a 設定 that reads as none).
    ['formula_workbook_error', () => evaluateFormula(noYear(), { metric: '事業費' })],
    [
      'formula_filter_not_allowed',
      () => evaluateFormula(workbook(costs), { metric: '事業費', filters: { 地域: 'x' } }),
    ],
    [
      'formula_filter_not_allowed',
      () => evaluateFormula(workbook(costs), { metric: '事業費', filters: { 種別: 'x' } }),
    ],
    ['formula_unknown_value', () => evaluateFormula(workbook(costs), { metric: '事業費', filters: { 費目: '人件' } })],
    [
      'formula_category_with_range',
      () => evaluateFormulaOnRange(costs as Grid, { metric: '事業費合計', filters: { 区分: '特定非営利活動' } }),
    ],
    ['formula_range_needs_header', () => evaluateFormulaOnRange([] as unknown as Grid, { metric: '事業費' })],
    [
      'formula_workbook_error',
      () => evaluateFormula(workbook([...costs, ['2022/4/2', '育成事業', '人件費', '約5万']]), { metric: '事業費' }),
    ],
  ])('%s', (code, run) => {
    expect(codeOf(run)).toBe(code);
  });

  it('accepts the first and the last year of the range', () => {
    expect(evaluateFormula(workbook(costs), { metric: '事業費', year: 1990, filters: { 事業内容: '育成事業' } })).toBe(
      0,
    );
    expect(evaluateFormula(workbook(costs), { metric: '事業費', year: '2100年度' })).toBe(0);
  });

  it('words each error in English when 報告書言語 is en', () => {
    const error = thrown(() => evaluateFormula(english(), { metric: '事業費', filters: { 事業内容: '育成' } }));
    expect([error.code, error.language]).toEqual(['formula_unknown_value', 'en']);
    expect(error.message).toBe('事業内容 "育成" is not in the 事業 tab (育成事業、啓発事業)');
    expect(thrown(() => evaluateFormula(english(), { metric: '事業費', year: 'きょねん' })).message).toBe(
      '"きょねん" is not a fiscal year (e.g. 2022)',
    );
    expect(thrown(() => evaluateFormula(english(), { metric: '事業費', filters: { 地域: '東京' } })).message).toBe(
      'The metric "事業費" has no filter "地域" (filters: 事業内容, 費目)',
    );
    expect(thrown(() => evaluateFormula(english(), { metric: '寄付金' })).message).toMatch(
      /^There is no metric "寄付金". Metrics: 新規接点数, 登録者数, /,
    );
  });

  it('names the first problem of the workbook and counts the others, in the report language', () => {
    const bad = [...costs, ['2022/4/2', '育成事業', '人件費', '約5万'], ['2022/4/3', '育成事業', '人件費', '約6万']];
    const ja = thrown(() => evaluateFormula(workbook(bad), { metric: '事業費' }));
    expect(ja.params.count).toBe(1);
    expect(ja.message).toBe(
      '費用!D3: 「金額」の「約5万」は数として読めません（例: 50000、50,000円、50千円）（ほか1件。メニューの「入力チェック」で確認できます）',
    );
    const en = thrown(() =>
      evaluateFormula(
        { tabs: [english().tabs[0], english().tabs[1], { name: '費用', values: bad }] },
        { metric: '事業費' },
      ),
    );
    expect(en.message).toBe(
      '費用!D3: "金額": "約5万" is not a number (e.g. 50000、50,000円、50千円) (and 1 more; see the menu 入力チェック)',
    );
  });

  it('says where an unknown value was looked for, and points 管理費 at its own metric', () => {
    const range = [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '育成事業', '人件費', 1],
    ] as Grid;
    const inRange = thrown(() =>
      evaluateFormulaOnRange(range, { metric: '事業費', filters: { 事業内容: '啓発事業' } }),
    );
    expect([inRange.params.where, inRange.language]).toEqual(['range', null]);
    expect(inRange.message).toBe('事業内容「啓発事業」は範囲にありません（育成事業）');
    expect(inRange.inLanguage('en').message).toBe('事業内容 "啓発事業" is not in the range (育成事業)');
    const admin = thrown(() =>
      evaluateFormula(workbook(costs), { metric: '事業費', filters: { 事業内容: ' 管理費 ' } }),
    );
    expect(admin.message).toBe(
      '事業内容「管理費」は事業タブにありません（育成事業、啓発事業）。管理費は =JIGYO_METRIC("管理費") で集計できます',
    );
    const choice = thrown(() => evaluateFormula(workbook(costs), { metric: '事業費', filters: { 費目: '人件' } }));
    expect(choice.message).toBe('費目「人件」は選択肢にありません（人件費、その他経費）');
  });

  it('leaves the language open for a range alone (no 設定 read), for the adapter to settle', () => {
    const error = thrown(() => evaluateFormulaOnRange([] as unknown as Grid, { metric: 'イベント回数' }));
    expect([error.code, error.language, error.params.tab]).toEqual(['formula_range_needs_header', null, 'イベント']);
    expect(error.message).toBe('範囲には「イベント」タブの見出し行を含めてください（例: イベント!A:H）');
    expect(error.inLanguage('en').message).toBe(
      'The range must include the header row of the "イベント" tab (e.g. イベント!A:H)',
    );
  });
});

describe('formula checks that could pass a wrong number or refuse a right one', () => {
  const costs = [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/4/1', '育成事業', '人件費', 1000],
  ];
  const withSettings = (rows: unknown[][], costRows: unknown[][] = costs): RawWorkbook => ({
    tabs: [{ name: '設定', values: rows as Grid }, ...workbook(costRows).tabs.slice(1)],
  });
  const header = ['項目', '値'];

  it('names its errors FormulaError', () => {
    expect(thrown(() => evaluateFormula(workbook(costs), { metric: '寄付金' })).name).toBe('FormulaError');
  });

  it('reads 2022年 like 2022年度, and only at the end of the text', () => {
    // 2022年 → 2022: the row of 2022/4/1 counts. 2023年 → 2023: it does not.
    expect(evaluateFormula(workbook(costs), { metric: '事業費', year: '2022年' })).toBe(1000);
    expect(evaluateFormula(workbook(costs), { metric: '事業費', year: '2023年' })).toBe(0);
    expect(thrown(() => evaluateFormula(workbook(costs), { metric: '事業費', year: '年度2022' })).message).toBe(
      '年度「年度2022」は年度として読めません（例: 2022）',
    );
  });

  it('is not stopped by a 団体名 missing or blank, nor by a warning (an unknown 項目)', () => {
    expect(evaluateFormula(withSettings([header, ['対象年度', 2022]]), { metric: '事業費' })).toBe(1000);
    expect(evaluateFormula(withSettings([header, ['団体名', ''], ['対象年度', 2022]]), { metric: '事業費' })).toBe(
      1000,
    );
    expect(evaluateFormula(withSettings([...settings, ['謎の項目', 'x']]), { metric: '事業費' })).toBe(1000);
  });

  it('lets an explicit 年度 stand in for a missing or blank 対象年度, but not for a cell it cannot read', () => {
    expect(evaluateFormula(withSettings([header, ['団体名', 'テスト団体']]), { metric: '事業費', year: 2022 })).toBe(
      1000,
    );
    expect(evaluateFormula(withSettings([header, ['対象年度', '']]), { metric: '事業費', year: 2022 })).toBe(1000);
    expect(evaluateFormula(withSettings([header, ['対象年度', '']]), { metric: '事業費', year: 2023 })).toBe(0);
    const bad = [...costs, ['2022/4/2', '育成事業', '人件費', '約5万']];
    expect(thrown(() => evaluateFormula(workbook(bad), { metric: '事業費', year: 2022 })).message).toBe(
      '費用!D3: 「金額」の「約5万」は数として読めません（例: 50000、50,000円、50千円）',
    );
  });

  it('lists the filters a metric allows with 、 in Japanese', () => {
    expect(
      thrown(() => evaluateFormula(workbook(costs), { metric: '事業費', filters: { 地域: '東京' } })).message,
    ).toBe('指標「事業費」に条件「地域」は使えません（使える条件: 事業内容、費目）');
  });

  it('points only a 事業内容 of 管理費 at the 管理費 metric, not a 費目 of 管理費', () => {
    expect(
      thrown(() => evaluateFormula(workbook(costs), { metric: '事業費', filters: { 費目: '管理費' } })).message,
    ).toBe('費目「管理費」は選択肢にありません（人件費、その他経費）');
  });

  it('knows the 種別 of a range from the range alone (勉強会 is a usual 種別 but not in this range)', () => {
    const events = [
      ['イベントID', '事業内容', '種別', '開始日'],
      ['E1', '育成事業', '交流会', '2022/5/1'],
    ] as Grid;
    expect(evaluateFormulaOnRange(events, { metric: 'イベント回数', filters: { 種別: '交流会' } })).toBe(1);
    const error = thrown(() => evaluateFormulaOnRange(events, { metric: 'イベント回数', filters: { 種別: '勉強会' } }));
    expect([error.code, error.params.where]).toEqual(['formula_unknown_value', 'range']);
    expect(error.message).toBe('種別「勉強会」は範囲にありません（交流会）');
  });

  it('takes a 雇用形態 filter without a list to check it against', () => {
    const candidates = [tabDef('candidates').columns.map((column) => column.ja)] as Grid;
    expect(evaluateFormulaOnRange(candidates, { metric: '就職者数', filters: { 雇用形態: '正社員' } })).toBe(0);
  });

  it.each([
    ['null (no range)', null],
    ['one row given as a flat list', ['日付', '事業内容', '費目', '金額']],
  ])('refuses a range that is not a table: %s', (_label, range) => {
    const error = thrown(() => evaluateFormulaOnRange(range as unknown as Grid, { metric: '事業費' }));
    expect([error.code, error.message]).toEqual([
      'formula_range_needs_header',
      '範囲には「費用」タブの見出し行を含めてください（例: 費用!A:H）',
    ]);
  });
});
