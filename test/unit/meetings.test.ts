// Tests of the optional 会議 tab: section ３．社員総会等の開催状況 (cells worked out by hand), the year's boundaries,
// its validation issues at their cells, and the report without it.
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import type { Block, ReportDocument, ReportTable } from '../../src/core/report-document';
import { meetingBlocks } from '../../src/core/report-meetings';
import { rawWorkbook } from '../helpers/raw';

const MEETINGS = [
  ['開催日', '種別', '出席者数', '議題', '結果'],
  ['2023/3/31', '理事会', 5, '2023年度事業計画案の審議', '承認'], // the year's last day
  ['2022/4/1', '理事会', 6, '2021年度事業報告案の審議', '承認'], // the year's first day
  ['2022/3/31', '理事会', 7, '前年度の議題', '前年度の結果'], // the day before the year
  ['2023/4/1', '社員総会', 30, '翌年度の議題', '翌年度の結果'], // the day after the year
  ['2022/6/25', '社員総会', '1,234名', '2021年度事業報告及び活動決算の承認', '原案どおり承認'],
  ['2022/6/25', 'その他', '', '', ''], // same day as the row above: sheet order
];

function tabs(overrides: Record<string, unknown[][]> = {}, settings: unknown[][] = []): Record<string, unknown[][]> {
  return {
    設定: [['項目', '値'], ['団体名', 'テスト会'], ['対象年度', 2022], ...settings],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      ['相談事業', '相談事業', '特定非営利活動'],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/5/1', '相談事業', 'その他経費', 12000],
    ],
    会議: MEETINGS,
    ...overrides,
  };
}

function report(overrides: Record<string, unknown[][]> = {}, settings: unknown[][] = [], appendix = false) {
  const result = makeReport(rawWorkbook(tabs(overrides, settings)), { appendix });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.tab}!${i.cell} ${i.message}`).join('\n'));
  return result.report;
}

const headingIndex = (doc: ReportDocument, text: string) =>
  doc.blocks.findIndex((block) => block.kind === 'heading' && block.text === text);
const cells = (table: ReportTable) => table.rows.map((row) => row.map((cell) => cell.text));

describe('３．社員総会等の開催状況', () => {
  it('lists the meetings of the year in date order, both boundary days in, the days outside out', () => {
    const doc = report();
    const at = headingIndex(doc, '３．社員総会等の開催状況');
    expect(at).toBeGreaterThan(0);
    expect(doc.blocks[at]).toEqual({ kind: 'heading', level: 1, text: '３．社員総会等の開催状況' });
    const table = doc.blocks[at + 1] as ReportTable;
    expect(table.kind).toBe('table');
    expect(table.header).toEqual(['開催日', '種別', '出席者数', '議題', '結果']);
    expect(cells(table)).toEqual([
      ['2022年4月1日', '理事会', '6人', '2021年度事業報告案の審議', '承認'],
      ['2022年6月25日', '社員総会', '1,234人', '2021年度事業報告及び活動決算の承認', '原案どおり承認'],
      ['2022年6月25日', 'その他', '－', '－', '－'],
      ['2023年3月31日', '理事会', '5人', '2023年度事業計画案の審議', '承認'],
    ]);
    expect(table.align).toEqual(['left', 'left', 'right', 'left', 'left']);
    expect(table.widths.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('comes after section ２ and before the appendix, as the last section of the report', () => {
    const doc = report({}, [], true);
    const at = headingIndex(doc, '３．社員総会等の開催状況');
    // （２）その他の事業 has no 事業 here, so its body is なし, right before section ３.
    expect(doc.blocks[at - 1]).toEqual({ kind: 'paragraph', text: 'なし' });
    expect(doc.blocks[at + 2]).toEqual({
      kind: 'heading',
      level: 2,
      text: '（参考）事業費の内訳（活動計算書との照合用、単位: 円）',
    });
    expect(headingIndex(doc, '２．事業の実施に関する事項')).toBeLessThan(at);
  });

  it('prints dates in 和暦 and people in 名 when 設定 says so', () => {
    const doc = report({}, [
      ['年の表記', '和暦'],
      ['人数の単位', '名'],
    ]);
    const table = doc.blocks[headingIndex(doc, '３．社員総会等の開催状況') + 1] as ReportTable;
    expect(cells(table).map((row) => [row[0], row[2]])).toEqual([
      ['令和4年4月1日', '6名'],
      ['令和4年6月25日', '1,234名'],
      ['令和4年6月25日', '－'],
      ['令和5年3月31日', '5名'],
    ]);
  });

  it('is written in English when 報告書言語 is en: western dates, kinds translated, no unit', () => {
    const doc = report({}, [['報告書言語', 'en']]);
    const at = headingIndex(doc, '3. General and board meetings');
    const table = doc.blocks[at + 1] as ReportTable;
    expect(table.header).toEqual(['Date', 'Meeting', 'Attendance', 'Agenda', 'Result']);
    expect(cells(table)).toEqual([
      ['2022-04-01', 'Board meeting', '6', '2021年度事業報告案の審議', '承認'],
      ['2022-06-25', 'General meeting', '1,234', '2021年度事業報告及び活動決算の承認', '原案どおり承認'],
      ['2022-06-25', 'Other', '－', '－', '－'],
      ['2023-03-31', 'Board meeting', '5', '2023年度事業計画案の審議', '承認'],
    ]);
  });

  it('is left out when the tab is missing, has only a header, or has no meeting in the year', () => {
    const without = tabs();
    delete without.会議;
    const noTab = makeReport(rawWorkbook(without));
    const headerOnly = report({ 会議: [MEETINGS[0]] });
    const otherYears = report({ 会議: [MEETINGS[0], MEETINGS[3], MEETINGS[4]] });
    expect(noTab.ok && noTab.issues).toEqual([]);
    for (const doc of [noTab.ok ? noTab.report : null, headerOnly, otherYears]) {
      expect(doc?.blocks.some((b) => b.kind === 'heading' && b.text.includes('社員総会'))).toBe(false);
      expect(doc?.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
    }
  });

  it('follows 年度開始月: a January year takes January to December', () => {
    const doc = report({}, [['年度開始月', 1]]);
    // 対象年度 2022 from January: 2022/3/31, 2022/4/1 and the two of 2022/6/25; not 2023/3/31 or 2023/4/1.
    const table = doc.blocks[headingIndex(doc, '３．社員総会等の開催状況') + 1] as ReportTable;
    expect(cells(table).map((row) => row[0])).toEqual([
      '2022年3月31日',
      '2022年4月1日',
      '2022年6月25日',
      '2022年6月25日',
    ]);
  });
});

describe('meetingBlocks', () => {
  const period = { year: 2022, start: 19083, end: 19447 }; // 2022-04-01 .. 2023-03-31
  const workbook = readWorkbook(rawWorkbook(tabs())).workbook;

  it('prints 開催日 with the formatter it is given', () => {
    const blocks = meetingBlocks(workbook, period, (day) => `day${day}`, 'ja');
    const table = blocks[1] as ReportTable;
    // 2022-04-01 is day 19083 since 1970-01-01; 2022-06-25 is 85 days later; 2023-03-31 is 19447.
    expect(cells(table).map((row) => row[0])).toEqual(['day19083', 'day19168', 'day19168', 'day19447']);
  });

  it('gives nothing for a period without meetings', () => {
    expect(meetingBlocks(workbook, { year: 2030, start: 22005, end: 22369 }, String, 'ja')).toEqual([]);
  });
});

describe('validation of 会議', () => {
  const bad = [
    ['開催日', '種別', '出席者数', '議題', '結果'],
    ['2022/6/25', '総会', 10, '議題A', '承認'], // 種別 not among 社員総会 / 理事会 / その他
    ['2022/6/26', '理事会', -3, '議題B', '承認'], // negative 出席者数
    ['2202/6/25', '理事会', 4, '議題C', '承認'], // a typo for 2022: outside any plausible year
    ['', '', 4, '議題D', ''], // 開催日 and 種別 are required
    ['6月25日ごろ', '理事会', '約10', '議題E', '承認'], // neither a date nor a number
  ];

  it('puts each problem at its cell, with its code', () => {
    const { issues } = checkWorkbook(rawWorkbook(tabs({ 会議: bad })));
    expect(issues.map((i) => [i.severity, i.code, i.tab, i.cell, i.column, i.value])).toEqual([
      ['error', 'invalid_choice', '会議', 'B2', '種別', '総会'],
      ['error', 'negative_count', '会議', 'C3', '出席者数', '-3'],
      ['error', 'implausible_date', '会議', 'A4', '開催日', '2202-06-25'],
      ['error', 'required', '会議', 'A5', '開催日', ''],
      ['error', 'required', '会議', 'B5', '種別', ''],
      ['error', 'invalid_date', '会議', 'A6', '開催日', '6月25日ごろ'],
      ['error', 'invalid_number', '会議', 'C6', '出席者数', '約10'],
    ]);
  });

  it('words the 会議 problems in Japanese and in English', () => {
    const ja = checkWorkbook(rawWorkbook(tabs({ 会議: bad.slice(0, 4) }))).issues.map((i) => i.message);
    expect(ja).toEqual([
      '「種別」の「総会」は選択肢にありません（社員総会 / 理事会 / その他 のいずれか）',
      '「出席者数」の「-3」はマイナスです。0以上の整数を入力してください',
      '「開催日」の「2202-06-25」はありえない日付です（1980年〜2100年の範囲で入力してください）',
    ]);
    const en = checkWorkbook(rawWorkbook(tabs({ 会議: bad.slice(0, 2) })), { language: 'en' }).issues;
    expect(en.map((i) => i.message)).toEqual(['"種別": "総会" is not one of 社員総会 / 理事会 / その他']);
  });

  it('blocks the report', () => {
    const result = makeReport(rawWorkbook(tabs({ 会議: bad.slice(0, 2) })));
    expect(result.ok).toBe(false);
  });

  it('accepts the kinds width- and case-folded, and 出席者数 written as 12名', () => {
    const doc = report({
      会議: [
        ['開催日', '種別', '出席者数'],
        ['令和4年6月25日', ' 社員総会 ', '１２名'],
      ],
    });
    const table = doc.blocks[headingIndex(doc, '３．社員総会等の開催状況') + 1] as ReportTable;
    expect(cells(table)).toEqual([['2022年6月25日', '社員総会', '12人', '－', '－']]);
  });

  it('warns at the cell about a character no document can hold in 議題, and leaves it out of the report', () => {
    const meetings = [MEETINGS[0], ['2022/6/25', '社員総会', 10, '事業報告\u0007の承認', '承認']];
    const result = makeReport(rawWorkbook(tabs({ 会議: meetings })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.issues.map((i) => [i.severity, i.code, i.tab, i.cell, i.column])).toEqual([
      ['warning', 'invalid_character', '会議', 'D2', '議題'],
    ]);
    const table = result.report.blocks.find(
      (b: Block, i, all) =>
        b.kind === 'table' && all[i - 1]?.kind === 'heading' && (all[i - 1] as { text: string }).text.startsWith('３'),
    ) as ReportTable;
    expect(cells(table)).toEqual([['2022年6月25日', '社員総会', '10人', '事業報告の承認', '承認']]);
  });
});
