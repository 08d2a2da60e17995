// Hostile input for the renderers: control characters, noncharacters, lone surrogates and markup in printed cells.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createReport } from '../../src/gas/actions';
import { reportBaseName, writeReportFiles } from '../../src/node/write-report-files';
import { createFakeEnvironment, documentBlocks, installFakes } from '../fakes';
import { sampleSheets } from '../helpers/sample';
import { xmlError, xmlInvalidCharacters } from '../helpers/well-formed-xml';
import { columnIndex, outputDir, readSampleTabs, runCli, type Tabs, unzip, writeCsvFolder } from '../node/support';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}

const soffice = onPath('soffice');
const pdftotext = onPath('pdftotext');

/**
 * The hostile cells, planted into the sample at the cells the expected warnings name (設定!B2, 事業 row 2, 本文
 * row 2). A UTF-8 file cannot hold a lone surrogate (it is written as U+FFFD), so lone surrogates are planted
 * through the Sheets door below, where getValues() hands over JavaScript strings as typed.
 */
const PLANTED: Record<string, Record<string, string>> = {
  設定: { 値: '特定非営利活動法人\u0000サンプル\ufffe就労支援ネット' },
  事業: {
    定款の事業名: '職業紹介\u0001事業</w:t></w:r><w:r><w:t>X',
    実施日時: '通\u000b年',
    実施場所: '関東\uffff',
    従事者の備考: '兼任\u001f\u0001',
    受益対象者の範囲: '企業</p><script>alert(1)</script>',
    受益対象者の人数: '{{就職者数|就職経路=職業紹介}}名\ufffe]]>&#0;',
  },
  本文: {
    見出し: '職業紹介事業\u0000',
    小見出し: '<![CDATA[x]]>\u0008',
    本文: '企業を訪ねた。\uffff<script>alert(2)</script>&amp;',
    '本文(英語)': 'Visited companies.\u0001',
  },
};

function plantedTabs(sample: Tabs): Tabs {
  const tabs: Tabs = Object.fromEntries(Object.entries(sample).map(([name, rows]) => [name, rows.map((r) => [...r])]));
  for (const [tab, cells] of Object.entries(PLANTED)) {
    for (const [header, text] of Object.entries(cells)) tabs[tab][1][columnIndex(tabs, tab, header)] = text;
  }
  return tabs;
}

const WARNINGS = [
  '設定!B2: [警告] 「団体名」に文書に入れられない文字（制御文字など）が2文字あります。報告書では取り除きます。セルの内容を確認してください',
  '事業!B2: [警告] 「定款の事業名」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
  '事業!E2: [警告] 「実施日時」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
  '事業!F2: [警告] 「実施場所」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
  '事業!H2: [警告] 「従事者の備考」に文書に入れられない文字（制御文字など）が2文字あります。報告書では取り除きます。セルの内容を確認してください',
  '事業!J2: [警告] 「受益対象者の人数」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
  // The sample's own warning (a refund), in workbook order between 事業 and 本文.
  '費用!E44: [警告] 「金額」の「-8800」がマイナスです。返金であればこのままで構いません',
  '本文!A2: [警告] 「見出し」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
  '本文!B2: [警告] 「小見出し」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
  '本文!D2: [警告] 「本文」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
  '本文!E2: [警告] 「本文(英語)」に文書に入れられない文字（制御文字など）が1文字あります。報告書では取り除きます。セルの内容を確認してください',
];

/** What the report prints from the planted cells, cleaned: the markup is kept as text. */
const ORG = '特定非営利活動法人サンプル就労支援ネット';
const ARTICLE = '職業紹介事業</w:t></w:r><w:r><w:t>X';
const SCOPE = '企業</p><script>alert(1)</script>';
const COUNT = '7名]]>&#0;';
const SUBHEADING = '<<![CDATA[x]]>>';
const BODY = '企業を訪ねた。<script>alert(2)</script>&amp;';

describe('every renderer on cells holding characters a document cannot hold', () => {
  const cwd = outputDir('hostile-renderers');
  const formats = soffice ? 'docx,html,pdf' : 'docx,html';
  let run: Awaited<ReturnType<typeof runCli>>;
  const out = join(cwd, 'out');
  const base = join(out, '事業報告書_2022年度');

  beforeAll(async () => {
    writeCsvFolder(join(cwd, 'workbook'), plantedTabs(readSampleTabs()));
    run = await runCli(['report', 'workbook', '--format', formats, '--out', 'out'], cwd, soffice);
  }, 180_000);

  it('exits 0 and prints one warning per planted cell, naming the cell and never the value', () => {
    expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('完了: 2022年度 事業報告書（警告 11 件）')]);
    expect(run.stdout.split('\n').filter((line) => line.includes('[警告]'))).toEqual(WARNINGS);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/script|CDATA|w:t|&#0;/);
    expect(xmlInvalidCharacters(`${run.stdout}${run.stderr}`)).toEqual([]);
  });

  it('writes a word/document.xml (and every other part) that a strict XML 1.0 parser accepts', () => {
    const files = unzip(readFileSync(`${base}.docx`));
    for (const [name, bytes] of files) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      const xml = bytes.toString('utf8');
      expect([name, xmlInvalidCharacters(xml), xmlError(xml, name)]).toEqual([name, [], null]);
    }
    const document = files.get('word/document.xml')?.toString('utf8') ?? '';
    // Markup typed in a cell is escaped text inside one w:t, never an element.
    expect(document).toContain('職業紹介事業&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;X');
    expect(document).toContain('企業&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(document).toContain('7名]]&gt;&amp;#0;');
    expect(document).not.toContain('<script');
    expect(files.get('docProps/core.xml')?.toString('utf8')).toContain(`<dc:creator>${ORG}</dc:creator>`);
  });

  it('writes HTML with the cleaned text escaped: no raw <script>, no markup from a cell', () => {
    const html = readFileSync(`${base}.html`, 'utf8');
    expect(html).not.toMatch(/<script|<\/w:t|<!\[CDATA|]]>|&#0;/i);
    expect(xmlInvalidCharacters(html)).toEqual([]);
    expect(html).toContain(`<p class="subtitle">${ORG}</p>`);
    expect(html).toContain('<h3>【職業紹介事業】</h3>');
    expect(html).toContain('<h4>&lt;&lt;![CDATA[x]]&gt;&gt;</h4>');
    expect(html).toContain('<p>企業を訪ねた。&lt;script&gt;alert(2)&lt;/script&gt;&amp;amp;</p>');
    expect(html).toContain(
      '<td>職業紹介事業&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;X</td><td>職業紹介事業</td><td>通年</td><td>関東</td><td class="center">6人（兼任）</td><td>企業&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td><td>7名]]&gt;&amp;#0;</td><td class="right">6,408</td>',
    );
  });

  (soffice ? it : it.skip)('converts to PDF through LibreOffice, which reads the cleaned text', () => {
    expect(readFileSync(`${base}.pdf`).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!pdftotext) return;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', `${base}.pdf`, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    for (const expected of [ORG, '【職業紹介事業】', SUBHEADING, BODY]) expect(text).toContain(expected);
  });

  if (!soffice && process.env.CI === 'true') {
    it('has LibreOffice to check the PDF (CI)', () => {
      throw new Error('soffice missing: .ci/run installs libreoffice-writer');
    });
  }
});

describe('the Google Doc on the fakes, from Sheets cells holding the same characters and lone surrogates', () => {
  it('receives none of them: every paragraph, table cell and the 生成履歴 row are clean', () => {
    const sheets = sampleSheets();
    const plant = (tab: string, header: string, text: string) => {
      const rows = sheets[tab];
      rows[1][rows[0].indexOf(header)] = text;
    };
    for (const [tab, cells] of Object.entries(PLANTED)) {
      for (const [header, text] of Object.entries(cells)) plant(tab, header, text);
    }
    // Lone surrogates, which only Sheets can hand over: a high one at the end, a low one in the middle.
    plant('事業', '実施場所', '関東\ud800');
    plant('本文', '本文(英語)', 'Visited\udc00 companies.');
    const env = createFakeEnvironment({ sheets });
    const uninstall = installFakes(env);
    try {
      createReport(env.SpreadsheetApp.getActiveSpreadsheet(), { now: new Date(Date.UTC(2026, 10, 24, 1)) });
    } finally {
      uninstall();
    }
    expect(env.documents).toHaveLength(1);
    const blocks = documentBlocks(env.documents[0]);
    const texts = blocks.flatMap((b) => (b.type === 'TABLE' ? b.rows.flat() : b.type === 'PARAGRAPH' ? [b.text] : []));
    expect(texts.flatMap(xmlInvalidCharacters)).toEqual([]);
    expect(texts.join('')).not.toMatch(/[\u007f-\u009f\ufdd0-\ufdef]/);
    expect(texts.slice(0, 5)).toEqual([
      '2022年度 事業報告書',
      ORG,
      '（2022年4月1日から2023年3月31日まで）',
      '１．事業の成果',
      '【職業紹介事業】',
    ]);
    expect(texts).toContain(BODY);
    expect(texts).toContain(SUBHEADING);
    const table = blocks.find((b) => b.type === 'TABLE');
    expect(table?.type === 'TABLE' && table.rows[1]).toEqual([
      ARTICLE,
      '職業紹介事業',
      '通年',
      '関東',
      '6人（兼任）',
      SCOPE,
      COUNT,
      '6,408',
    ]);
  });
});

/** Every file under `dir`, as relative paths. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('report file names', () => {
  it('never come from 団体名: one with "../" and "/" still writes only out/事業報告書_2022年度.*', async () => {
    const cwd = outputDir('hostile-file-names');
    const tabs = readSampleTabs();
    tabs.設定[1][columnIndex(tabs, '設定', '値')] = '../../逃げた/団体\\..\\x:*?';
    writeCsvFolder(join(cwd, 'workbook'), tabs);
    const before = tree(cwd);
    const result = await runCli(['report', 'workbook', '--format', 'docx,html', '--out', 'out'], cwd);
    expect(result.code).toBe(0);
    expect(tree(cwd)).toEqual(
      [...before, join('out', '事業報告書_2022年度.docx'), join('out', '事業報告書_2022年度.html')].sort(),
    );
    expect(readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8')).toContain(
      '<p class="subtitle">../../逃げた/団体\\..\\x:*?</p>',
    );
  });

  it('are refused for a year that is not a whole number, before anything is made', async () => {
    expect(reportBaseName(2022)).toBe('事業報告書_2022年度');
    expect(reportBaseName(2022, 2)).toBe('事業報告書_2022年度 (2)');
    for (const year of [Number.NaN, 2022.5, -2022, 999, 10_000, Number.POSITIVE_INFINITY]) {
      expect(() => reportBaseName(year)).toThrow(`report file name: not a year and attempt: ${year}, 1`);
    }
    expect(() => reportBaseName(2022, 0)).toThrow('report file name: not a year and attempt: 2022, 0');
    const cwd = outputDir('hostile-file-year');
    await expect(
      writeReportFiles(join(cwd, 'out'), Number.NaN, [{ format: 'html', bytes: new Uint8Array([0x3c]) }]),
    ).rejects.toThrow('report file name: not a year and attempt: NaN, 1');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
