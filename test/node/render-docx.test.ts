// Tests for the .docx renderer: structure read back by mammoth, and the Word XML for page, fonts, table and footer.
import mammoth from 'mammoth';
import { makeReport } from '../../src/core/pipeline';
import { renderReportHtml } from '../../src/core/render-html';
import type { ReportDocument, ReportTable } from '../../src/core/report-document';
import { readWorkbookFile } from '../../src/node/read-workbook-file';
import { columnWidths, DOCX_FONT, renderReportDocx } from '../../src/node/render-docx';
import { xmlError, xmlInvalidCharacters } from '../helpers/well-formed-xml';
import { SAMPLE_DIR, unzip } from './support';

/** mammoth maps Word styles to the same tags as the HTML renderer: Title → h1, Heading 1..3 → h2..h4. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
];

async function docxToHtml(docx: Buffer): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: docx }, { styleMap: STYLE_MAP });
  expect(result.messages).toEqual([]);
  return result.value;
}

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function headings(html: string): string[] {
  return [...html.matchAll(/<(h[1-4])[^>]*>(.*?)<\/\1>/g)].map((m) => `${m[1]} ${decode(m[2])}`);
}

/** Each table as rows of cells, a cell as its text plus `^n` when it spans n rows. */
function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>(.*?)<\/table>/g)].map((table) =>
    [...table[1].matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
      [...row[1].matchAll(/<(td|th)([^>]*)>(.*?)<\/\1>/g)].map((cell) => {
        const span = /rowspan="(\d+)"/.exec(cell[2]);
        // mammoth gives each paragraph of a cell its own <p>; a line break inside one stays a <br />.
        const text = decode(cell[3].replace(/<br \/>/g, '\n').replace(/<\/p><p>/g, '\n'));
        return span ? `${text}^${span[1]}` : text;
      }),
    ),
  );
}

function expectedRows(table: ReportTable): string[][] {
  return [
    table.header.map((h) => h),
    ...table.rows.map((row) => row.map((cell) => (cell.rowSpan ? `${cell.text}^${cell.rowSpan}` : cell.text))),
  ];
}

const grouped: ReportDocument = {
  language: 'ja',
  title: '2023年度 事業報告書',
  year: 2023,
  orgName: '特定非営利活動法人 テスト',
  blocks: [
    { kind: 'title', text: '2023年度 事業報告書' },
    { kind: 'subtitle', text: '特定非営利活動法人 テスト' },
    { kind: 'heading', level: 1, text: '１．事業の成果' },
    { kind: 'heading', level: 2, text: '【職業紹介事業】' },
    { kind: 'heading', level: 3, text: '<育成事業>' },
    { kind: 'paragraph', text: 'A & B <c> "d"' },
    { kind: 'heading', level: 1, text: '２．事業の実施に関する事項' },
    {
      kind: 'table',
      header: ['定款に記載された事業名', '事業内容', '従事者人数', '事業費（千円）'],
      rows: [
        [{ text: '難民の統合を促す事業', rowSpan: 3 }, { text: '育成事業' }, { text: '3人' }, { text: '9,966' }],
        [{ text: '日本語事業' }, { text: '2人\n（兼任）' }, { text: '1,200' }],
        [{ text: '相談事業' }, { text: '－' }, { text: '0' }],
        [{ text: '啓発事業' }, { text: '啓発事業' }, { text: '3人' }, { text: '5,218' }],
      ],
      align: ['left', 'left', 'center', 'right'],
      widths: [40, 25, 15, 20],
    },
    { kind: 'note', text: '単位: 千円' },
  ],
};

describe('renderReportDocx', () => {
  it('reads back (mammoth) as the same headings and table, rowSpan as a vertical merge', async () => {
    const html = await docxToHtml(await renderReportDocx(grouped));
    expect(headings(html)).toEqual([
      'h1 2023年度 事業報告書',
      'h2 １．事業の成果',
      'h3 【職業紹介事業】',
      'h4 <育成事業>',
      'h2 ２．事業の実施に関する事項',
    ]);
    expect(tables(html)).toEqual([expectedRows(grouped.blocks[7] as ReportTable)]);
    expect(html).toContain('<p>A &amp; B &lt;c&gt; "d"</p>');
    expect(html).toContain('<p>単位: 千円</p>');
  });

  it('writes A4 portrait, the Japanese font, heading styles, a bordered table with a shaded bold header, and page numbers', async () => {
    const files = unzip(await renderReportDocx(grouped));
    const document = files.get('word/document.xml')?.toString('utf8') ?? '';
    const styles = files.get('word/styles.xml')?.toString('utf8') ?? '';
    const footer = files.get('word/footer1.xml')?.toString('utf8') ?? '';
    const fontTable = files.get('word/fontTable.xml')?.toString('utf8') ?? '';

    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(styles).toContain(`w:eastAsia="${DOCX_FONT}"`);
    expect(styles).toMatch(/<w:lang w:val="ja-JP" w:eastAsia="ja-JP"\/>/);
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3']) expect(styles).toContain(`w:styleId="${id}"`);
    expect(fontTable).toContain(`<w:font w:name="${DOCX_FONT}"><w:altName w:val="Yu Gothic"/><w:charset w:val="80"/>`);

    const grid = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual(columnWidths([40, 25, 15, 20]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1134);
    for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) {
      expect(document).toMatch(new RegExp(`<w:${side} w:val="single" w:color="444444" w:sz="4"/>`));
    }
    const rows = [...document.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((m) => m[1]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0].match(/w:fill="E8E8E8"/g)).toHaveLength(4);
    expect(rows[0].match(/<w:b\/>/g)).toHaveLength(4);
    // Amounts (last column) are right-aligned; the merged first column restarts in row 1 and continues in rows 2-3.
    expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(rows[2]).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect(rows[3]).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect(rows[4]).not.toContain('w:vMerge');
    for (const row of rows.slice(1)) {
      const cells = [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((m) => m[1]);
      expect(cells).toHaveLength(4);
      expect(cells[3]).toContain('<w:jc w:val="right"/>');
    }
    expect(rows[2]).toMatch(/2人<\/w:t><\/w:r><w:r>.*<w:br\/><w:t[^>]*>（兼任）/);

    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('renders the sample report: the same headings and table as the ReportDocument and its HTML', async () => {
    const file = await readWorkbookFile(SAMPLE_DIR);
    const result = makeReport(file.raw, { references: file.references, appendix: true });
    if (!result.ok) throw new Error('the sample must make a report');
    const html = await docxToHtml(await renderReportDocx(result.report));
    expect(headings(html)).toEqual(headings(renderReportHtml(result.report)));
    const reportTables = result.report.blocks.filter((block): block is ReportTable => block.kind === 'table');
    expect(tables(html)).toEqual(reportTables.map(expectedRows));
    const [main] = tables(html);
    expect(main[1]).toEqual([
      '職業紹介事業',
      '職業紹介事業',
      '通年',
      '関東',
      '6人（兼任）',
      '就労許可を持つ難民/外国人材採用に関心のある企業',
      '7名',
      '6,408',
    ]);
    expect(main.slice(1).map((row) => row[7])).toEqual(['6,408', '9,966', '5,218', '800']);
    expect(main.slice(1).map((row) => row[6])).toEqual([
      '7名',
      'キャリア教育機会参加者延べ282名',
      '各回10人～200人規模・計71回',
      '－',
    ]);
    expect(headings(html)).toContain('h3 （１）特定非営利活動に係る事業（事業費の総費用【 22,393 】千円）');
  });

  // Built by hand, not by the pipeline: the renderer itself must never write what XML 1.0 refuses.
  const hostile: ReportDocument = {
    language: 'ja',
    title: '2022年度\u0000 事業報告書\uffff',
    year: 2022,
    orgName: '団体\u0001名\ud800',
    blocks: [
      { kind: 'title', text: '2022年度\u0000 事業報告書' },
      { kind: 'subtitle', text: '団体\u000b名\ufffe' },
      { kind: 'heading', level: 2, text: '【見出し\u001f】' },
      { kind: 'paragraph', text: '</w:t></w:r><w:r><w:t>injected' },
      { kind: 'paragraph', text: '<script>alert(1)</script> ]]> &#0; &amp; 😀\uffff\udc00' },
      {
        kind: 'table',
        header: ['事業\u0002', '金額'],
        rows: [[{ text: '育成\u0008事業\tA' }, { text: '1,000\ufffe' }]],
        align: ['left', 'right'],
        widths: [50, 50],
      },
    ],
  };

  it('writes no character XML 1.0 refuses in any part, and every part parses strictly', async () => {
    const files = unzip(await renderReportDocx(hostile));
    const parts = [...files.keys()].filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
    expect(parts).toEqual(expect.arrayContaining(['word/document.xml', 'docProps/core.xml']));
    for (const name of parts) {
      const xml = files.get(name)?.toString('utf8') ?? '';
      expect([name, xmlInvalidCharacters(xml)]).toEqual([name, []]);
      expect([name, xmlError(xml, name)]).toEqual([name, null]);
    }
    const core = files.get('docProps/core.xml')?.toString('utf8') ?? '';
    expect(core).toContain('<dc:title>2022年度 事業報告書</dc:title>');
    expect(core).toContain('<dc:creator>団体名</dc:creator>');
  });

  it('keeps markup in the text as text: mammoth reads back the same characters, the cleaned ones left out', async () => {
    const html = await docxToHtml(await renderReportDocx(hostile));
    expect(headings(html)).toEqual(['h1 2022年度 事業報告書', 'h3 【見出し】']);
    const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => decode(m[1]));
    expect(paragraphs).toEqual([
      '団体名',
      '</w:t></w:r><w:r><w:t>injected',
      '<script>alert(1)</script> ]]> &#0; &amp; 😀',
      '事業',
      '金額',
      '育成事業 A',
      '1,000',
    ]);
  });
});
