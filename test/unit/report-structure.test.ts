// Tests of the report's structure worked out by hand: the appendix's yen per 費目, 表示順, paragraphs split by line,
// the empty-year warning, issue order, and an explicit year standing in for 対象年度 (survivors of a mutation run).
import { periodFromSettings } from '../../src/core/fiscal-year';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { buildReportDocument } from '../../src/core/report';
import type { Block, ReportDocument, ReportTable } from '../../src/core/report-document';
import { rawWorkbook } from '../helpers/raw';

const PROGRAMS = [
  ['事業内容', '定款の事業名', '区分', '表示順'],
  ['後', '事業B', '特定非営利活動', 2],
  ['先', '事業A', '特定非営利活動', 1],
  ['順なし', '事業C', '特定非営利活動', ''],
];
const COSTS = [
  ['日付', '事業内容', '費目', '金額'],
  ['2022/4/1', '先', '人件費', 1200],
  ['2022/5/1', '先', 'その他経費', 300],
  ['2022/6/1', '後', '人件費', 50],
  ['2022/7/1', '後', 'その他経費', 7],
  ['2022/8/1', '管理費', '人件費', 400],
  ['2022/9/1', '管理費', 'その他経費', 20],
];

function tabs(overrides: Record<string, unknown[][]> = {}): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト'],
      ['対象年度', 2022],
    ],
    事業: PROGRAMS,
    候補者: [['候補者ID']],
    企業: [['企業ID', '企業名']],
    イベント: [['イベントID', '事業内容', '種別', '開始日']],
    費用: COSTS,
    本文: [
      ['見出し', '本文'],
      ['見出し1', '一行目\r\n\r\n  \n二行目'],
    ],
    ...overrides,
  };
}

function report(overrides: Record<string, unknown[][]> = {}, appendix = false): ReportDocument {
  const result = makeReport(rawWorkbook(tabs(overrides)), { appendix });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.report;
}

const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
const cells = (table: ReportTable) => table.rows.map((row) => row.map((cell) => cell.text));

describe('the appendix (人件費 / その他経費 per 事業, for the 活動計算書)', () => {
  it('adds each row across and the totals down, in yen, with 管理費 on its own row', () => {
    const appendix = tables(report({}, true))[1];
    expect(appendix.header).toEqual(['事業内容', '人件費', 'その他経費', '合計']);
    expect(cells(appendix)).toEqual([
      ['先', '1,200', '300', '1,500'],
      ['後', '50', '7', '57'],
      ['順なし', '0', '0', '0'],
      ['事業費 合計', '1,250', '307', '1,557'],
      ['管理費（事業費に含まない）', '400', '20', '420'],
    ]);
  });

  it('is absent unless asked for', () => {
    expect(tables(report()).length).toBe(1);
  });
});

describe('the （１） table', () => {
  it('lists 事業 in 表示順, a blank 表示順 last, whatever the row order', () => {
    expect(tables(report())[0].rows.map((row) => row[1].text)).toEqual(['先', '後', '順なし']);
  });
});

describe('本文', () => {
  it('makes one paragraph per non-blank line, whether lines end in CRLF or LF', () => {
    const paragraphs = report()
      .blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
      .map((b) => b.text);
    expect(paragraphs).toEqual(['一行目', '二行目', 'なし']);
  });
});

describe('the empty-year warning', () => {
  const warnings = (overrides: Record<string, unknown[][]>) => {
    const result = makeReport(rawWorkbook(tabs(overrides)));
    return result.issues.filter((i) => i.code === 'no_data_for_year').map((i) => `${i.tab}!${i.cell} ${i.message}`);
  };
  const noCosts = { 費用: [COSTS[0]] };

  it('is given when no cost, event or candidate date falls in the year', () => {
    expect(warnings({ 費用: [COSTS[0], ['2021/4/1', '先', '人件費', 1]] })).toEqual([
      '設定!A1 2022年度（2022-04-01〜2023-03-31）の費用・イベント・候補者の行が1件もありません。対象年度と年度開始月を確認してください',
    ]);
  });

  it('is not given when only one cost, one event or one candidate date is in the year', () => {
    expect(warnings({})).toEqual([]);
    expect(
      warnings({
        ...noCosts,
        イベント: [
          ['イベントID', '事業内容', '種別', '開始日'],
          ['E1', '先', '交流会', '2021/4/1'],
          ['E2', '先', '交流会', '2022/4/1'],
        ],
      }),
    ).toEqual([]);
    expect(
      warnings({
        ...noCosts,
        候補者: [
          ['候補者ID', '初回接点日', '登録日'],
          ['C1', '2021/4/1', ''],
          ['C2', '2021/4/1', '2022/4/1'],
        ],
      }),
    ).toEqual([]);
  });
});

describe('issue order and the year option', () => {
  it('lists issues in workbook order: by row within a tab', () => {
    const wide = [...COSTS[0], ...Array.from({ length: 22 }, (_, i) => `列${i}`), '金額2'];
    const row = ['2022/4/1', '先', '人件費', 'x', ...Array.from({ length: 22 }, () => ''), 'y'];
    const result = makeReport(rawWorkbook(tabs({ 費用: [wide, row, ['bad', '先', '人件費', 1]] })));
    expect(result.issues.map((i) => `${i.tab}!${i.cell}`)).toEqual(['費用!D2', '費用!A3']);
  });

  it('lets an explicit year stand in for a missing or blank 対象年度, and only for that setting', () => {
    const missing = tabs({
      設定: [
        ['項目', '値'],
        ['団体名', 'テスト'],
      ],
    });
    expect(makeReport(rawWorkbook(missing)).ok).toBe(false);
    expect(makeReport(rawWorkbook(missing), { year: 2022 }).ok).toBe(true);
    const blank = tabs({
      設定: [
        ['項目', '値'],
        ['団体名', 'テスト'],
        ['対象年度', ''],
      ],
    });
    expect(makeReport(rawWorkbook(blank), { year: 2022 }).ok).toBe(true);
    const noName = tabs({
      設定: [
        ['項目', '値'],
        ['対象年度', 2022],
      ],
    });
    const result = makeReport(rawWorkbook(noName), { year: 2022 });
    expect(result.issues.map((i) => `${i.code} ${i.column}`)).toEqual(['missing_setting 団体名']);
  });
});

describe('a failure while building the report', () => {
  /** A reference that reads as a number when checked and as text when rendered: the builder then throws. */
  function flipping(): Map<string, { text: string; sheet: string; column: number }> {
    let reads = 0;
    const map = new Map<string, { text: string; sheet: string; column: number }>();
    const get = map.get.bind(map);
    map.get = (key: string) => {
      const found = get(key);
      return found && reads++ > 0 ? { ...found, text: '文字' } : found;
    };
    map.set('集計!b3', { text: '12', sheet: '集計', column: 1 });
    return map;
  }
  const body = {
    本文: [
      ['見出し', '本文'],
      ['a', '{{=集計!B3}}名'],
    ],
  };

  it('becomes an internal_error issue at 設定!A1 in the report language, never a crash', () => {
    const result = makeReport(rawWorkbook(tabs(body)), { references: flipping() });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => `${i.severity} ${i.code} ${i.tab}!${i.cell} ${i.message}`)).toEqual([
      'error internal_error 設定!A1 内部エラー: {{=集計!B3}} is not a number',
    ]);
    const english = makeReport(rawWorkbook(tabs(body)), { references: flipping(), language: 'en' });
    expect(english.issues.map((i) => i.message)).toEqual(['Internal error: {{=集計!B3}} is not a number']);
  });
});

describe('template problems are located at the template cell', () => {
  it('names the tab and the cell of the 本文 column wherever it stands (here C, with an English header)', () => {
    const result = makeReport(
      rawWorkbook(
        tabs({
          本文: [
            ['見出し', '順序', ' 本文 '],
            ['a', 1, '{{就職しゃ数}}'],
          ],
        }),
      ),
    );
    expect(result.issues.map((i) => `${i.code} ${i.tab}!${i.cell} ${i.column}`)).toEqual([
      'unknown_metric 本文!C2 本文',
    ]);
  });
});

describe('figure spans of the （１） table, the comparison and 本文 lines (mutation survivors of report.ts)', () => {
  // 事業費 of FY2022: 先 1,500 + 後 57 = 1,557 yen (管理費 is not 事業費).
  const withTemplates = [
    ['事業内容', '定款の事業名', '区分', '表示順', '実施日時', '実施場所', '従事者人数', '従事者の備考'],
    ['先', '事業A', '特定非営利活動', 1, '{{事業費}}', '{{事業費}}', 3, '{{事業費}}'],
    ['後', '事業B', '特定非営利活動', 2, '通年', '', '', ''],
  ];

  it('tags a 実施日時, 実施場所 or 従事者 cell holding a placeholder by its kind and 事業内容', () => {
    const row = tables(report({ 事業: withTemplates }))[0].rows[0];
    expect(row.slice(2, 5)).toStrictEqual([
      { text: '1,557', figures: [{ start: 0, end: 5, tag: 'when:先' }] },
      { text: '1,557', figures: [{ start: 0, end: 5, tag: 'where:先' }] },
      { text: '3人（1,557）', figures: [{ start: 0, end: 9, tag: 'staff:先' }] },
    ]);
  });

  it('tags the 記載例 joined 受益対象者 cell as beneficiaries', () => {
    const settings = [...tabs().設定, ['様式', '記載例']];
    const programs = [
      ['事業内容', '定款の事業名', '区分', '受益対象者の範囲', '受益対象者の人数'],
      ['先', '事業A', '特定非営利活動', '市民', '10名'],
      ['後', '事業B', '特定非営利活動', '', ''],
    ];
    const row = tables(report({ 設定: settings, 事業: programs }))[0].rows[0];
    expect(row[5]).toStrictEqual({ text: '市民 10名', figures: [{ start: 0, end: 6, tag: 'beneficiaries:先' }] });
  });

  it('tags the 活動計算書 comparison rows and names them for the update', () => {
    const settings = [...tabs().設定, ['活動計算書の事業費計', 1600]];
    const comparison = tables(report({ 設定: settings }, true))[2];
    expect(comparison.rows).toStrictEqual([
      [
        { text: '活動計算書の事業費計' },
        { text: '1,600円', figures: [{ start: 0, end: 6, tag: 'comparison:statement' }] },
      ],
      [
        { text: 'この報告書の事業費 合計' },
        { text: '1,557円', figures: [{ start: 0, end: 6, tag: 'comparison:report' }] },
      ],
      [
        { text: '差額（報告書 − 活動計算書）' },
        { text: '-43円', figures: [{ start: 0, end: 4, tag: 'comparison:difference' }] },
      ],
    ]);
    expect(comparison.figureRows).toStrictEqual({
      id: 'comparison',
      rows: ['活動計算書の事業費計', 'この報告書の事業費 合計', '差額（報告書 − 活動計算書）'],
    });
  });

  it('gives each 本文 line the figures inside it, counted from the line start, after LF and CRLF alike', () => {
    const body = [
      ['見出し', '本文'],
      ['見出し1', '一行目{{事業費}}\n二行目{{事業費}}円\r\n三行目{{事業費}}\n四行目'],
    ];
    const blocks = report({ 本文: body }).blocks;
    const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === '【見出し1】');
    expect(blocks.slice(start + 1, start + 5)).toStrictEqual([
      { kind: 'paragraph', text: '一行目1,557', figures: [{ start: 3, end: 8, tag: 'm:事業費' }] },
      { kind: 'paragraph', text: '二行目1,557円', figures: [{ start: 3, end: 8, tag: 'm:事業費' }] },
      { kind: 'paragraph', text: '三行目1,557', figures: [{ start: 3, end: 8, tag: 'm:事業費' }] },
      { kind: 'paragraph', text: '四行目' },
    ]);
  });

  it('leaves a later line’s figure off an earlier line in the builder itself (before makeReport sanitizes spans)', () => {
    const body = [
      ['見出し', '本文'],
      ['見出し1', '一行目{{事業費}}\n二行目{{事業費}}'],
    ];
    const { workbook, references } = checkWorkbook(rawWorkbook(tabs({ 本文: body })));
    const doc = buildReportDocument(workbook, { period: periodFromSettings(workbook.settings, 2022), references });
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').slice(0, 2)).toStrictEqual([
      { kind: 'paragraph', text: '一行目1,557', figures: [{ start: 3, end: 8, tag: 'm:事業費' }] },
      { kind: 'paragraph', text: '二行目1,557', figures: [{ start: 3, end: 8, tag: 'm:事業費' }] },
    ]);
  });
});
