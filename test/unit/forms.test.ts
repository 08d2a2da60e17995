// Tests of the forms that differ by 所轄庁 (issue 12 points 1–4): 年の表記, 様式 標準/記載例, 見出し: overrides,
// その他の事業 and 「実施しなかった」, 従事者人数 as a number or text, and `{{…}}` in 実施日時 / 実施場所 / 従事者の備考.
// Every expected cell is worked out by hand from the small workbook below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSampleWorkbook } from '../../scripts/make-sample';
import { eraOfDay, eraOfYear, formatReportDate, formatYear, parseFiscalYear } from '../../src/core/era';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { renderReportHtml } from '../../src/core/render-html';
import type { Block, ReportDocument, ReportTable } from '../../src/core/report-document';
import { isOverridableText } from '../../src/core/report-labels';
import { PROGRAM_HEADER, rawWorkbook } from '../helpers/raw';

interface Options {
  /** 対象年度 as typed. */
  readonly year?: unknown;
  /** The western year the costs and events fall in. */
  readonly dataYear?: number;
  /** Extra 設定 rows. */
  readonly settings?: unknown[][];
  /** Replaces the 事業 rows. */
  readonly programs?: unknown[][];
  /** Replaces the 費用 rows. */
  readonly costs?: unknown[][];
  /** Replaces the イベント rows. */
  readonly events?: unknown[][];
}

// 相談 2,400 yen → 2 千円, 講座 3,400 → 3, so （１） rows add up to 5 while the 総費用 is the rounded 5,800 → 6;
// 物販 10,000 → 10. 相談 has two events in the year and one after it: 「通年（2回）」.
function tabs(options: Options = {}): Record<string, unknown[][]> {
  const y = options.dataYear ?? 2022;
  return {
    設定: [['項目', '値'], ['団体名', 'テスト法人'], ['対象年度', options.year ?? 2022], ...(options.settings ?? [])],
    事業: [
      PROGRAM_HEADER,
      ...(options.programs ?? [
        [
          '相談',
          '相談事業',
          '特定非営利活動',
          '',
          '通年（{{イベント回数|事業内容=相談}}回）',
          '東京',
          3,
          '兼任',
          '難民',
          '12名',
          1,
        ],
        ['講座', '教育事業', '特定非営利活動', '', '毎月', 'オンライン', '毎回1名', '', '市民', '', 2],
        ['物販', '物品販売事業', 'その他の事業', '', '不定期', '事務所', 2, '', '', '', 3],
      ]),
    ],
    候補者: [['候補者ID']],
    企業: [['企業ID', '企業名']],
    イベント: [
      ['イベントID', '事業内容', '種別', '開始日'],
      ...(options.events ?? [
        ['E1', '相談', '相談会', `${y}/6/1`],
        ['E2', '相談', '相談会', `${y}/7/1`],
        ['E3', '相談', '相談会', `${y + 1}/6/1`],
      ]),
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ...(options.costs ?? [
        [`${y}/5/1`, '相談', '人件費', 2400],
        [`${y}/5/2`, '講座', 'その他経費', 3400],
        [`${y}/5/3`, '物販', 'その他経費', 10000],
      ]),
    ],
    本文: [
      ['見出し', '本文'],
      ['相談', '相談を受けました。'],
    ],
  };
}

function build(options: Options = {}, request: { appendix?: boolean; language?: 'ja' | 'en' } = {}): ReportDocument {
  const result = makeReport(rawWorkbook(tabs(options)), request);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.cell} ${i.message}`).join('\n'));
  expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return result.report;
}

const texts = (blocks: readonly Block[]) => blocks.map((b) => ('text' in b ? b.text : `<table ${b.header.length}>`));
const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
const cells = (table: ReportTable) => table.rows.map((row) => row.map((cell) => cell.text));
/** Everything after ２．事業の実施に関する事項, tables as their column count. */
const implementation = (doc: ReportDocument) =>
  texts(doc.blocks.slice(doc.blocks.findIndex((b) => 'text' in b && b.text === '２．事業の実施に関する事項')));

const STANDARD_HEADER = [
  '定款に記載された事業名',
  '事業内容',
  '実施日時',
  '実施場所',
  '従事者人数',
  '受益対象者の範囲',
  '受益対象者の人数',
  '事業費（千円）',
];
const EXAMPLE_HEADER = [
  '定款の事業名',
  '事業内容',
  '実施日時',
  '実施場所',
  '従事者の人数',
  '受益対象者の範囲及び人数',
  '支出額（千円）',
];
const STANDARD_ROWS = [
  ['相談事業', '相談', '通年（2回）', '東京', '3人（兼任）', '難民', '12名', '2'],
  ['教育事業', '講座', '毎月', 'オンライン', '毎回1名', '市民', '－', '3'],
];
const EXAMPLE_ROWS = [
  ['相談事業', '相談', '通年（2回）', '東京', '3人（兼任）', '難民 12名', '2'],
  ['教育事業', '講座', '毎月', 'オンライン', '毎回1名', '市民', '3'],
  ['合計', '', '', '', '', '', '6'],
];

describe('golden: 様式 × 年の表記', () => {
  it('標準 × 西暦 (the defaults): title, 団体名, period; totals in the headings; 8 columns', () => {
    const doc = build();
    expect(texts(doc.blocks.slice(0, 3))).toEqual([
      '2022年度 事業報告書',
      'テスト法人',
      '（2022年4月1日から2023年3月31日まで）',
    ]);
    expect(doc.title).toBe('2022年度 事業報告書');
    expect(implementation(doc)).toEqual([
      '２．事業の実施に関する事項',
      '（１）特定非営利活動に係る事業（事業費の総費用【 6 】千円）',
      '<table 8>',
      '（２）その他の事業（事業費の総費用【 10 】千円）',
      '<table 6>',
    ]);
    const [first, second] = tables(doc);
    expect(first.header).toEqual(STANDARD_HEADER);
    expect(cells(first)).toEqual(STANDARD_ROWS);
    expect(second.header).toEqual([
      '定款に記載された事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者人数',
      '事業費（千円）',
    ]);
    expect(cells(second)).toEqual([['物品販売事業', '物販', '不定期', '事務所', '2人', '10']]);
  });

  it('標準 × 和暦: 令和 in the title and the period, the tables unchanged', () => {
    const doc = build({ settings: [['年の表記', '和暦']] });
    expect(texts(doc.blocks.slice(0, 3))).toEqual([
      '令和4年度 事業報告書',
      'テスト法人',
      '（令和4年4月1日から令和5年3月31日まで）',
    ]);
    expect(doc.title).toBe('令和4年度 事業報告書');
    expect(cells(tables(doc)[0])).toEqual(STANDARD_ROWS);
  });

  it('記載例 × 西暦: title, period, 団体名; no totals in the headings; 7 columns ending in a 合計 row', () => {
    const doc = build({ settings: [['様式', '記載例']] });
    expect(texts(doc.blocks.slice(0, 3))).toEqual([
      '2022年度 事業報告書',
      '2022年4月1日から2023年3月31日まで',
      'テスト法人',
    ]);
    expect(implementation(doc)).toEqual([
      '２．事業の実施に関する事項',
      '（１）特定非営利活動に係る事業',
      '<table 7>',
      '（２）その他の事業',
      '<table 6>',
    ]);
    const [first, second] = tables(doc);
    expect(first.header).toEqual(EXAMPLE_HEADER);
    expect(cells(first)).toEqual(EXAMPLE_ROWS);
    expect(first.widths.reduce((a, b) => a + b, 0)).toBe(100);
    expect(first.align).toEqual(['left', 'left', 'left', 'left', 'center', 'left', 'right']);
    expect(second.header).toEqual([
      '定款の事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者の人数',
      '支出額（千円）',
    ]);
    expect(first.widths).toEqual([16, 16, 12, 12, 10, 20, 14]);
    expect(second.widths).toEqual([22, 20, 15, 15, 13, 15]);
    expect(second.align).toEqual(['left', 'left', 'left', 'left', 'center', 'right']);
    expect(cells(second)).toEqual([
      ['物品販売事業', '物販', '不定期', '事務所', '2人', '10'],
      ['合計', '', '', '', '', '10'],
    ]);
  });

  it('記載例 × 和暦', () => {
    const doc = build({
      settings: [
        ['様式', '記載例'],
        ['年の表記', '和暦'],
      ],
    });
    expect(texts(doc.blocks.slice(0, 3))).toEqual([
      '令和4年度 事業報告書',
      '令和4年4月1日から令和5年3月31日まで',
      'テスト法人',
    ]);
    expect(cells(tables(doc)[0])).toEqual(EXAMPLE_ROWS);
  });

  it('元年: 令和元年度, and the period changes era on 2019-05-01 (平成31年4月1日 … 令和2年3月31日)', () => {
    const doc = build({ year: '令和元年度', dataYear: 2019, settings: [['年の表記', '和暦']] });
    expect(doc.year).toBe(2019);
    expect(texts(doc.blocks.slice(0, 3))).toEqual([
      '令和元年度 事業報告書',
      'テスト法人',
      '（平成31年4月1日から令和2年3月31日まで）',
    ]);
  });

  it('平成12年度 with 年度開始月 1: January to December 2000, in 平成', () => {
    const doc = build({
      year: '平成12年度',
      dataYear: 2000,
      settings: [
        ['年度開始月', 1],
        ['年の表記', '和暦'],
        ['様式', '記載例'],
      ],
    });
    expect(doc.year).toBe(2000);
    expect(texts(doc.blocks.slice(0, 3))).toEqual([
      '平成12年度 事業報告書',
      '平成12年1月1日から平成12年12月31日まで',
      'テスト法人',
    ]);
    // The event of 2001/6/1 is outside the year: still 2回.
    expect(cells(tables(doc)[0])).toEqual(EXAMPLE_ROWS);
  });

  it('an English report keeps western years even with 和暦', () => {
    const doc = build({ settings: [['年の表記', '和暦']] }, { language: 'en' });
    expect(texts(doc.blocks.slice(0, 3))).toEqual([
      'FY2022 Annual Activity Report (事業報告書)',
      'テスト法人',
      '(2022-04-01 to 2023-03-31)',
    ]);
  });

  it('記載例 in English: 7 English column labels, a Total row', () => {
    const doc = build({ settings: [['様式', '記載例']] }, { language: 'en' });
    const [first] = tables(doc);
    expect(first.header).toEqual([
      'Program in the articles',
      'Activity',
      'When',
      'Where',
      'Staff',
      'Beneficiaries and their number',
      'Expenditure (thousand yen)',
    ]);
    expect(cells(first)[2]).toEqual(['Total', '', '', '', '', '', '6']);
    expect(cells(first)[0][4]).toBe('3（兼任）');
  });
});

describe('the sample (samples/fy2022) is unchanged byte for byte with default settings', () => {
  // The fixture was written from the commit before issue 12 (a32042d): ReportDocument in ja, ja with the appendix,
  // en, and the ja HTML.
  const golden = JSON.parse(readFileSync(join(__dirname, '../fixtures/sample-report-fy2022.json'), 'utf8'));
  const report = (request: { appendix?: boolean; language?: 'en' }) => {
    const result = makeReport({ tabs: makeSampleWorkbook() as never }, request);
    if (!result.ok) throw new Error('the sample has errors');
    return result.report;
  };

  // What a reader sees: every block's kind and text, and every table's cells, widths and alignment. The addresses of
  // the figures (issue 14: `figures`, `figureRows`) are not printed, so they are left out of the comparison.
  const printed = (doc: unknown) =>
    JSON.stringify(doc, (key, value) => (key === 'figures' || key === 'figureRows' ? undefined : value));

  it('ReportDocument (ja, ja + appendix, en) and the HTML', () => {
    expect(printed(report({}))).toBe(printed(golden.ja));
    expect(printed(report({ appendix: true }))).toBe(printed(golden.jaAppendix));
    expect(printed(report({ language: 'en' }))).toBe(printed(golden.en));
    expect(renderReportHtml(report({}))).toBe(golden.html);
  });
});

describe('対象年度', () => {
  it.each([
    [2022, 2022],
    ['2022', 2022],
    ['2022年度', 2022],
    ['2022年', 2022],
    ['２０２２年度', 2022],
    ['令和4年度', 2022],
    ['令和 4 年度', 2022],
    ['令和\t4\u3000年度', 2022],
    [' R4 ', 2022],
    ['2022 年度', 2022],
    ['令和４年度', 2022],
    ['R4', 2022],
    ['r4', 2022],
    ['Ｒ４', 2022],
    ['R4年度', 2022],
    ['令和元年度', 2019],
    ['平成31年度', 2019],
    ['平成12年度', 2000],
    ['H12', 2000],
    ['h2', 1990],
    ['昭和64年', 1989],
  ])('%p → %p', (typed, year) => {
    expect(parseFiscalYear(typed)).toBe(year);
  });

  it.each([
    ['平成32年度'], // 平成 ended in its 31st year
    ['令和0年度'],
    ['令和'],
    ['R'],
    ['X4'],
    ['令和4年4月1日'],
    ['R4.4.1'],
    ['20222'],
    ['令和4年度です'],
    [2022.5],
    [true],
    ['令'.repeat(50)],
  ])('%p is not a 対象年度', (typed) => {
    expect(parseFiscalYear(typed)).toBeUndefined();
  });

  it.each([
    ['平成32年度', '「平成32年度」'],
    ['H1', '「H1」'], // 1989: before the years a report may be made for (1990–2100)
    ['R100', '「R100」'], // 2117
  ])('%p is an error at the 値 cell, quoting what was typed', (typed, quoted) => {
    const { issues } = checkWorkbook(rawWorkbook(tabs({ year: typed })));
    const errors = issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.tab, issue.cell, issue.message])).toEqual([
      ['invalid_setting', '設定', 'B3', `設定「対象年度」の${quoted}は使えません（例: 2022）`],
    ]);
  });

  it('令和4年度 is read as 2022 by the whole pipeline', () => {
    expect(checkWorkbook(rawWorkbook(tabs({ year: '令和4年度' }))).workbook.settings.fiscalYear).toBe(2022);
  });
});

describe('era.ts', () => {
  it('names a day by its era: 平成31年4月30日 and 令和元年5月1日; 昭和64年1月7日 and 平成元年1月8日', () => {
    const wareki = { yearStyle: '和暦' } as const;
    // DayNumbers: 2019-04-30 = 18016, 2019-05-01 = 18017, 1989-01-07 = 6946, 1989-01-08 = 6947.
    expect(formatReportDate(18016, wareki, 'ja')).toBe('平成31年4月30日');
    expect(formatReportDate(18017, wareki, 'ja')).toBe('令和元年5月1日');
    expect(formatReportDate(6946, wareki, 'ja')).toBe('昭和64年1月7日');
    expect(formatReportDate(6947, wareki, 'ja')).toBe('平成元年1月8日');
    expect(formatReportDate(18017, { yearStyle: '西暦' }, 'ja')).toBe('2019年5月1日');
    expect(formatReportDate(18017, wareki, 'en')).toBe('2019-05-01');
    expect(eraOfDay(-40000)).toBeNull(); // 1860: before 明治
  });

  it('knows where 明治, 大正 and 昭和 begin (the day before is the previous era, or none before 明治)', () => {
    const wareki = { yearStyle: '和暦' } as const;
    // DayNumbers worked out with Date.UTC: 1868-10-22 = -36960, 1912-07-29 = -20975, 1926-12-24 = -15714.
    expect(formatReportDate(-36960, wareki, 'ja')).toBe('1868年10月22日');
    expect(formatReportDate(-36959, wareki, 'ja')).toBe('明治元年10月23日');
    expect(formatReportDate(-20975, wareki, 'ja')).toBe('明治45年7月29日');
    expect(formatReportDate(-20974, wareki, 'ja')).toBe('大正元年7月30日');
    expect(formatReportDate(-15714, wareki, 'ja')).toBe('大正15年12月24日');
    expect(formatReportDate(-15713, wareki, 'ja')).toBe('昭和元年12月25日');
  });

  it("reads every era name and letter, up to each era's last year", () => {
    const typed = ['明治45', 'M45', 'm1', '大正15', 'T15', 't2', '昭和64', 'S64', 's1', '平成31', 'H31', 'R1'];
    expect(typed.map(parseFiscalYear)).toEqual([
      1912, 1912, 1868, 1926, 1926, 1913, 1989, 1989, 1926, 2019, 2019, 2019,
    ]);
    const past = ['明治46', '大正16', '昭和65', '平成32', 'M0'];
    expect(past.map(parseFiscalYear)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(parseFiscalYear('R99')).toBe(2117); // 令和 has no last year yet (the 対象年度 range refuses it later)
  });

  it('refuses text longer than 40 characters before reading it', () => {
    expect(parseFiscalYear(`2022${' '.repeat(36)}`)).toBe(2022);
    expect(parseFiscalYear(`2022${' '.repeat(37)}`)).toBeUndefined();
  });

  it('names a 年度 by the latest era begun in or before its year', () => {
    expect(formatYear(2019, '和暦')).toBe('令和元');
    expect(formatYear(2018, '和暦')).toBe('平成30');
    expect(formatYear(1989, '和暦')).toBe('平成元');
    expect(formatYear(1988, '和暦')).toBe('昭和63');
    expect(formatYear(1900, '和暦')).toBe('明治33');
    expect(formatYear(1868, '和暦')).toBe('明治元');
    expect(formatYear(2022, '西暦')).toBe('2022');
    expect(formatYear(1800, '和暦')).toBe('1800');
    expect(eraOfYear(1912)?.era.name).toBe('大正');
  });
});

describe('見出し: overrides', () => {
  it('replaces a heading, a column label and the words after the year in the title', () => {
    const doc = build({
      settings: [
        ['見出し:１．事業の成果', '1 事業実施の方針'],
        ['見出し:事業費（千円）', '支出額（千円）'],
        ['見出し:事業報告書', '活動報告書'],
      ],
    });
    expect(doc.title).toBe('2022年度 活動報告書');
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: '2022年度 活動報告書' });
    expect(doc.blocks[3]).toEqual({ kind: 'heading', level: 1, text: '1 事業実施の方針' });
    const [first, second] = tables(doc);
    expect(first.header[7]).toBe('支出額（千円）');
    expect(second.header[5]).toBe('支出額（千円）');
    expect(first.header.slice(0, 7)).toEqual(STANDARD_HEADER.slice(0, 7));
  });

  it('keeps the total of a 標準 heading: the key is the text before the total', () => {
    const doc = build({ settings: [['見出し:（１）特定非営利活動に係る事業', '(1) 特定非営利活動事業']] });
    expect(implementation(doc)[1]).toBe('(1) 特定非営利活動事業（事業費の総費用【 6 】千円）');
  });

  it('matches width-folded (full-width colon, half-width digits) and replaces 記載例 headings and labels', () => {
    const doc = build({
      settings: [
        ['様式', '記載例'],
        ['見出し：(1)特定非営利活動に係る事業', '（１）特定非営利活動に係る事業の実施に関する事項'],
        ['見出し:合計', '計'],
        ['見出し:従事者の人数', '従事者数'],
      ],
    });
    expect(implementation(doc)[1]).toBe('（１）特定非営利活動に係る事業の実施に関する事項');
    expect(tables(doc)[0].header[4]).toBe('従事者数');
    expect(cells(tables(doc)[0])[2][0]).toBe('計');
  });

  it('replaces fixed cells and paragraphs: なし, 当該年度は実施なし, 実施しなかった', () => {
    const doc = build({
      programs: [
        ['相談', '相談事業', '特定非営利活動', '実施なし', '', '', '', '', '', '', 1],
        ['物販', '物品販売事業', 'その他の事業', '実施なし', '', '', '', '', '', '', 2],
      ],
      costs: [],
      settings: [
        ['見出し:当該年度は実施なし', '実施予定なし'],
        ['見出し:実施しなかった', '当該年度は実施しなかった'],
      ],
    });
    expect(cells(tables(doc)[0])).toEqual([['相談事業', '相談', '実施予定なし', '－', '－', '－', '－', '0']]);
    expect(implementation(doc).slice(3)).toEqual([
      '（２）その他の事業（事業費の総費用【 0 】千円）',
      '当該年度は実施しなかった',
    ]);
  });

  it('an unknown key is a warning at its 項目 cell, and the report is made without it', () => {
    const result = makeReport(rawWorkbook(tabs({ settings: [['見出し:３．事業の課題', '3 課題']] })));
    expect(result.ok).toBe(true);
    const warnings = result.issues.filter((issue) => issue.code.includes('heading'));
    expect(warnings.map((issue) => [issue.severity, issue.code, issue.tab, issue.cell, issue.message])).toEqual([
      [
        'warning',
        'unknown_heading_override',
        '設定',
        'A4',
        '設定「見出し:３．事業の課題」: 報告書にこの見出し・列名はありません（無視します）。「見出し:」のあとに報告書に印刷される文字をそのまま書いてください（例: 見出し:１．事業の成果、見出し:事業費（千円））',
      ],
    ]);
  });

  it('a key or a 値 left blank is a warning at its 項目 cell (English message with 報告書言語 en)', () => {
    const { issues } = checkWorkbook(
      rawWorkbook(
        tabs({
          settings: [
            ['見出し:１．事業の成果', ''],
            ['見出し:', 'x'],
            ['報告書言語', 'en'],
          ],
        }),
      ),
    );
    const warnings = issues.filter((issue) => issue.code.includes('heading'));
    expect(warnings.map((issue) => [issue.code, issue.cell, issue.message])).toEqual([
      [
        'invalid_heading_override',
        'A4',
        'Setting "見出し:１．事業の成果": write the heading to replace after 見出し: and the new text in 値 (ignored)',
      ],
      [
        'invalid_heading_override',
        'A5',
        'Setting "見出し:": write the heading to replace after 見出し: and the new text in 値 (ignored)',
      ],
    ]);
  });

  it('knows the fixed texts of every section, 会議 included, in both languages', () => {
    expect(isOverridableText('３．社員総会等の開催状況')).toBe(true);
    expect(isOverridableText('受益対象者の範囲及び人数')).toBe(true);
    expect(isOverridableText('Cost (thousand yen)')).toBe(true);
    expect(isOverridableText('活動計算書の事業費計')).toBe(true);
    expect(isOverridableText('【相談】')).toBe(false);
    expect(isOverridableText('テスト法人')).toBe(false);
  });
});

describe('記載例: 受益対象者の範囲及び人数', () => {
  it('範囲 alone, 人数 alone, neither (－), and a 事業 not carried out (－ whatever is typed)', () => {
    const doc = build({
      settings: [['様式', '記載例']],
      programs: [
        ['a', 'A', '特定非営利活動', '', '', '', '', '', '市民', '', 1],
        ['b', 'B', '特定非営利活動', '', '', '', '', '', '', '5名', 2],
        ['c', 'C', '特定非営利活動', '', '', '', '', '', '', '', 3],
        ['d', 'D', '特定非営利活動', '実施なし', '', '', '', '', '市民', '5名', 4],
      ],
      costs: [],
      events: [],
    });
    expect(cells(tables(doc)[0]).map((row) => row[5])).toEqual(['市民', '5名', '－', '－', '']);
  });
});

describe('その他の事業', () => {
  it('定款にない: （２） is left out entirely, in both 様式', () => {
    for (const form of ['標準', '記載例']) {
      const doc = build({
        settings: [
          ['その他の事業', '定款にない'],
          ['様式', form],
        ],
      });
      expect(implementation(doc).filter((text) => text.includes('（２）'))).toEqual([]);
      expect(tables(doc).length).toBe(1);
    }
  });

  it('実施しなかった: a （２） whose 事業 were all 実施なし says so instead of a table', () => {
    const doc = build({
      settings: [['様式', '記載例']],
      programs: [
        ['相談', '相談事業', '特定非営利活動', '', '通年', '東京', 3, '', '難民', '12名', 1],
        ['物販', '物品販売事業', 'その他の事業', '実施なし', '', '', '', '', '', '', 2],
        ['賃貸', '賃貸事業', 'その他の事業', '実施なし', '', '', '', '', '', '', 3],
      ],
      costs: [['2022/5/1', '相談', '人件費', 2400]],
    });
    expect(implementation(doc)).toEqual([
      '２．事業の実施に関する事項',
      '（１）特定非営利活動に係る事業',
      '<table 7>',
      '（２）その他の事業',
      '実施しなかった',
    ]);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '実施しなかった' });
  });

  it('one of two （２） 事業 carried out: the table, the other row saying 当該年度は実施なし', () => {
    const doc = build({
      programs: [
        ['物販', '物品販売事業', 'その他の事業', '', '不定期', '事務所', 2, '', '', '', 1],
        ['賃貸', '賃貸事業', 'その他の事業', '実施なし', '', '', '', '', '', '', 2],
      ],
      costs: [['2022/5/3', '物販', 'その他経費', 10000]],
      events: [],
    });
    expect(cells(tables(doc)[0])).toEqual([
      ['物品販売事業', '物販', '不定期', '事務所', '2人', '10'],
      ['賃貸事業', '賃貸', '当該年度は実施なし', '－', '－', '0'],
    ]);
    expect(tables(doc)[0].widths).toEqual([22, 20, 15, 15, 13, 15]);
    expect(implementation(doc)[1]).toBe('（１）特定非営利活動に係る事業（事業費の総費用【 0 】千円）');
    expect(implementation(doc)[2]).toBe('なし');
  });
});

describe('従事者人数 and templates in 実施日時 / 実施場所 / 従事者の備考', () => {
  const staffRows = (unit?: string) =>
    cells(
      tables(
        build({
          settings: unit ? [['人数の単位', unit]] : [],
          programs: [
            ['a', 'A', '特定非営利活動', '', '', '', 3, '兼任', '', '', 1],
            ['b', 'B', '特定非営利活動', '', '', '', '毎回1名', '', '', '', 2],
            ['c', 'C', '特定非営利活動', '', '', '', '延べ12人', '', '', '', 3],
            ['d', 'D', '特定非営利活動', '', '', '', '１，２００', '', '', '', 4],
            ['e', 'E', '特定非営利活動', '', '', '', '', '常勤', '', '', 5],
            ['f', 'F', '特定非営利活動', '', '', '', '', '', '', '', 6],
            ['g', 'G', '特定非営利活動', '', '', '', '6人', '', '', '', 7],
          ],
          costs: [],
          events: [],
        }),
      )[0],
    ).map((row) => row[4]);

  it('a number takes 人 by default; text prints as typed; a note alone prints alone', () => {
    expect(staffRows()).toEqual(['3人（兼任）', '毎回1名', '延べ12人', '1,200人', '常勤', '－', '6人']);
  });

  it('人数の単位 名', () => {
    expect(staffRows('名')).toEqual(['3名（兼任）', '毎回1名', '延べ12人', '1,200名', '常勤', '－', '6人']);
  });

  it('`{{…}}` in 実施日時, 実施場所 and 従事者の備考 is rendered', () => {
    const doc = build({
      programs: [
        [
          '相談',
          '相談事業',
          '特定非営利活動',
          '',
          '{{イベント回数}}回',
          '{{イベント回数|事業内容=相談}}か所',
          2,
          'ほか延べ{{イベント回数}}名',
          '',
          '',
          1,
        ],
      ],
      costs: [['2022/5/1', '相談', '人件費', 2400]],
    });
    expect(cells(tables(doc)[0])[0].slice(2, 5)).toEqual(['2回', '2か所', '2人（ほか延べ2名）']);
  });
});

describe('the appendix compares with 活動計算書の事業費計', () => {
  const comparison = (typed: unknown) => {
    const doc = build({ settings: [['活動計算書の事業費計', typed]] }, { appendix: true });
    const table = tables(doc).find((t) => t.header[0] === '活動計算書との照合');
    return table ? cells(table) : null;
  };

  it('in yen: both figures and report − statement', () => {
    const doc = build({ settings: [['活動計算書の事業費計', 16000]] }, { appendix: true });
    const table = tables(doc).find((t) => t.header[0] === '活動計算書との照合') as ReportTable;
    expect([table.header, table.align, table.widths]).toEqual([
      ['活動計算書との照合', '金額'],
      ['left', 'right'],
      [60, 40],
    ]);
    expect(comparison(16000)).toEqual([
      ['活動計算書の事業費計', '16,000円'],
      ['この報告書の事業費 合計', '15,800円'],
      ['差額（報告書 − 活動計算書）', '-200円'],
    ]);
  });

  it('in 千円 when typed in 千円: the report total rounded (15,800 → 16)', () => {
    expect(comparison('16千円')).toEqual([
      ['活動計算書の事業費計', '16千円'],
      ['この報告書の事業費 合計', '16千円'],
      ['差額（報告書 − 活動計算書）', '0千円'],
    ]);
  });

  it('absent without the setting', () => {
    expect(tables(build({}, { appendix: true })).map((t) => t.header[0])).toEqual([
      '定款に記載された事業名',
      '定款に記載された事業名',
      '事業内容',
    ]);
  });
});

describe('端数処理 合計に合わせる in the tables', () => {
  it('rows add up to the total: 2,400 and 3,400 (remainders tie) → the earlier row gets the unit: 3 + 3 = 6', () => {
    const doc = build({
      settings: [
        ['端数処理', '合計に合わせる'],
        ['様式', '記載例'],
      ],
    });
    expect(cells(tables(doc)[0]).map((row) => row[6])).toEqual(['3', '3', '6']);
  });
});
