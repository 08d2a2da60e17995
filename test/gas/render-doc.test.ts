// Tests of the Google Doc renderer on the fake DocumentApp: structure, formatting, and a call count independent of data.
import { makeReport } from '../../src/core/pipeline';
import type { ReportDocument } from '../../src/core/report-document';
import { DOC_FONT, renderReportToDoc } from '../../src/gas/render-doc';
import {
  createFakeEnvironment,
  documentBlocks,
  effectiveAttribute,
  type FakeEnvironment,
  installFakes,
} from '../fakes';
import { rawWorkbook } from '../helpers/raw';
import { sampleSheets, scaledSampleSheets } from '../helpers/sample';
import { xmlInvalidCharacters } from '../helpers/well-formed-xml';

function reportOf(sheets: Record<string, unknown[][]>): ReportDocument {
  const result = makeReport(rawWorkbook(sheets));
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.report;
}

function render(report: ReportDocument): FakeEnvironment {
  const env = createFakeEnvironment();
  const uninstall = installFakes(env);
  try {
    renderReportToDoc(report, '2022年度 事業報告書 (生成 2026-11-24 10:00)');
    return env;
  } finally {
    uninstall();
  }
}

describe('renderReportToDoc', () => {
  const sample = reportOf(sampleSheets());

  it('writes the title into the first paragraph and the headings at their levels', () => {
    const env = render(sample);
    const [doc] = env.documents;
    expect(doc.getName()).toBe('2022年度 事業報告書 (生成 2026-11-24 10:00)');
    const blocks = documentBlocks(doc);
    expect(blocks[0]).toMatchObject({ type: 'PARAGRAPH', text: '2022年度 事業報告書', heading: 'TITLE' });
    const headings = blocks.flatMap((b) =>
      b.type === 'PARAGRAPH' && b.heading !== 'NORMAL' ? [`${b.heading} ${b.text}`] : [],
    );
    expect(headings).toEqual([
      'TITLE 2022年度 事業報告書',
      'HEADING1 １．事業の成果',
      'HEADING2 【職業紹介事業】',
      'HEADING2 【統合事業】',
      'HEADING3 <難民の方との接点構築>',
      'HEADING3 <育成事業>',
      'HEADING3 <在留資格の安定化に向けた支援>',
      'HEADING2 【啓発事業】',
      'HEADING1 ２．事業の実施に関する事項',
      'HEADING2 （１）特定非営利活動に係る事業（事業費の総費用【 22,393 】千円）',
      'HEADING2 （２）その他の事業（事業費の総費用【 0 】千円）',
    ]);
  });

  it('draws one table of 8 columns with the header and one row per 事業, amounts right-aligned', () => {
    const env = render(sample);
    const [doc] = env.documents;
    const tables = documentBlocks(doc).filter((b) => b.type === 'TABLE');
    expect(tables).toHaveLength(1);
    const rows = tables[0].type === 'TABLE' ? tables[0].rows : [];
    expect(rows.map((row) => row.length)).toEqual([8, 8, 8, 8, 8]);
    expect(rows[0][7]).toBe('事業費（千円）');
    expect(rows.slice(1).map((row) => row[7])).toEqual(['6,408', '9,966', '5,218', '800']);
    expect(rows[2][6]).toBe('キャリア教育機会参加者延べ282名');
    const table = doc.getBody().getTables()[0];
    // The header's text is bold in every cell (a cell's own BOLD attribute would not reach its text), and the header
    // cells alone have the grey background; no body cell's text is bold.
    for (let column = 0; column < 8; column++) {
      const headerCell = table.getRow(0).getCell(column);
      expect(effectiveAttribute(headerCell.getChild(0) as never, 'BOLD')).toBe(true);
      expect(effectiveAttribute(headerCell as never, 'BACKGROUND_COLOR')).toBe('#e8e8e8');
      expect(effectiveAttribute(table.getCell(1, column).getChild(0) as never, 'BOLD')).toBeNull();
      expect(effectiveAttribute(table.getCell(1, column) as never, 'BACKGROUND_COLOR')).toBeNull();
    }
    expect(table.getCell(1, 7).getChild(0).asParagraph().getAlignment()).toBe('RIGHT');
    expect(table.getCell(1, 0).getChild(0).asParagraph().getAlignment()).not.toBe('RIGHT');
    expect(effectiveAttribute(table.getCell(1, 1).getChild(0) as never, 'FONT_FAMILY')).toBe(DOC_FONT);
  });

  it('draws the 記載例 table with 7 columns and a 合計 row, under title / period / 団体名 in 和暦 (issue 12)', () => {
    const sheets = sampleSheets();
    sheets.設定 = [...sheets.設定, ['様式', '記載例'], ['年の表記', '和暦']];
    const [doc] = render(reportOf(sheets)).documents;
    const blocks = documentBlocks(doc);
    expect(blocks.slice(0, 3).map((b) => (b.type === 'PARAGRAPH' ? `${b.heading} ${b.text}` : b.type))).toEqual([
      'TITLE 令和4年度 事業報告書',
      'NORMAL 令和4年4月1日から令和5年3月31日まで',
      'NORMAL 特定非営利活動法人 サンプル就労支援ネット',
    ]);
    const tables = blocks.filter((b) => b.type === 'TABLE');
    expect(tables).toHaveLength(1);
    const rows = tables[0].type === 'TABLE' ? tables[0].rows : [];
    expect(rows.map((row) => row.length)).toEqual([7, 7, 7, 7, 7, 7]);
    expect(rows[0]).toEqual([
      '定款の事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者の人数',
      '受益対象者の範囲及び人数',
      '支出額（千円）',
    ]);
    expect(rows[2][5]).toBe('日本で暮らす難民申請中の者を含む難民・避難民 キャリア教育機会参加者延べ282名');
    expect(rows.slice(1).map((row) => row[6])).toEqual(['6,408', '9,966', '5,218', '800', '22,393']);
    expect(rows[5]).toEqual(['合計', '', '', '', '', '', '22,393']);
    const headings = blocks.flatMap((b) => (b.type === 'PARAGRAPH' && b.heading === 'HEADING2' ? [b.text] : []));
    expect(headings.slice(-2)).toEqual(['（１）特定非営利活動に係る事業', '（２）その他の事業']);
    expect(doc.getBody().getTables()[0].getCell(5, 6).getChild(0).asParagraph().getAlignment()).toBe('RIGHT');
  });

  it('makes the same Doc calls for a workbook 50 times larger', () => {
    const small = render(sample).calls.snapshot();
    const large = render(reportOf(scaledSampleSheets(50))).calls.snapshot();
    expect(large).toEqual(small);
    expect(small['Body.appendTable']).toBe(1);
  });

  it('hands DocumentApp no control character, noncharacter or lone surrogate, in the text or the name', () => {
    // Built by hand, not by the pipeline: the renderer itself must clean what it is given.
    const hostile: ReportDocument = {
      language: 'ja',
      title: '2022年度 事業報告書',
      year: 2022,
      orgName: '団体名',
      blocks: [
        { kind: 'title', text: '2022年度\u0000 事業報告書' },
        { kind: 'subtitle', text: '団体\u000b名\ufffe' },
        { kind: 'heading', level: 3, text: '<小見出し\u001f>' },
        { kind: 'paragraph', text: '</p><script>alert(1)</script> ]]> &#0; 😀\uffff\ud800' },
        { kind: 'note', text: '注\u0085' },
        {
          kind: 'table',
          header: ['事業\u0002', '金額'],
          rows: [[{ text: '育成\u0008事業\tA' }, { text: '1,000\udfff' }]],
          align: ['left', 'right'],
          widths: [50, 50],
        },
      ],
    };
    const env = createFakeEnvironment();
    const uninstall = installFakes(env);
    try {
      renderReportToDoc(hostile, '2022年度 事業報告書\u0007 (生成 2026-11-24 10:00)');
    } finally {
      uninstall();
    }
    const [doc] = env.documents;
    expect(doc.getName()).toBe('2022年度 事業報告書 (生成 2026-11-24 10:00)');
    const blocks = documentBlocks(doc);
    expect(blocks.map((b) => (b.type === 'TABLE' ? b.rows : b.type === 'PARAGRAPH' ? b.text : b.type))).toEqual([
      '2022年度 事業報告書',
      '団体名',
      '<小見出し>',
      '</p><script>alert(1)</script> ]]> &#0; 😀',
      '注',
      [
        ['事業', '金額'],
        ['育成事業 A', '1,000'],
      ],
      '', // a body cannot end with a table: Apps Script adds an empty paragraph after it
    ]);
    expect(xmlInvalidCharacters(JSON.stringify(blocks))).toEqual([]);
  });
});
