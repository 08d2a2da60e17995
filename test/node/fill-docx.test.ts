// This file tests `report --template FORM.docx` (issue 16) on Word forms made by scripts/make-form.ts: split runs, a
// bold placeholder, tables, header and footer, other years, tables put in place of their paragraph; the output's XML
// is the template's with only the placeholders changed; exit codes and the check list as printed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { formParts, makeFormDocx, paragraph, run, table } from '../../scripts/make-form';
import { readDocxForm, readPart } from '../../src/node/fill-docx';
import { listFiles, outputDir, runCli, SAMPLE_DIR } from './support';

const ORG = '特定非営利活動法人 サンプル就労支援ネット';

/** The sample's figures used below: those of the reference report (新規接点数 137, 就職者数 11) and of FY2021. */
const SPLIT = `<w:p><w:r><w:t xml:space="preserve">新規接点数は{{新規</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>接点数}}</w:t></w:r><w:r><w:t xml:space="preserve">名、前年度 {{新規接点数|年度=前年度}}名</w:t></w:r></w:p>`;
const BOLD = `<w:p><w:r><w:t xml:space="preserve">就職 </w:t></w:r><w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr><w:t>{{就職者数}}</w:t></w:r><w:r><w:t>名（2021年度 {{就職者数|年度=2021}}名）</w:t></w:r></w:p>`;

function spec() {
  return {
    header: [paragraph('{{対象年度}}年度 実績報告')],
    body: [
      SPLIT,
      BOLD,
      table(
        [
          ['団体名', '{{団体名}}'],
          ['期間', '{{期間}}'],
        ],
        [2000, 7000],
      ),
      paragraph(run('{{表:イベント種別別}}', { bold: true })),
      paragraph('おわり'),
    ],
    footer: [paragraph(run('{{団体名}}', { size: 16 }))],
  };
}

async function writeForm(dir: string, name: string, parts: Record<string, string>): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await makeFormDocx(parts));
  return path;
}

async function parts(path: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await zip.files[name].async('string');
  return out;
}

describe('report --template FORM.docx', () => {
  let dir: string;
  let template: Record<string, string>;
  let output: Record<string, string>;
  let cli: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = outputDir('form');
    template = formParts(spec());
    await writeForm(dir, '実績報告_様式.docx', template);
    cli = await runCli(['report', SAMPLE_DIR, '--template', '実績報告_様式.docx', '--out', 'out'], dir);
    output = await parts(join(dir, 'out', '実績報告_様式_2022年度.docx'));
  }, 60_000);

  it('exits 0, prints the check list in document order and the file written', () => {
    expect(cli.code).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('実績報告_様式.docx'))).toEqual([
      '実績報告_様式.docx 本文 1段落目 {{新規接点数}} → 137',
      '実績報告_様式.docx 本文 1段落目 {{新規接点数|年度=前年度}} → 12',
      '実績報告_様式.docx 本文 2段落目 {{就職者数}} → 11',
      '実績報告_様式.docx 本文 2段落目 {{就職者数|年度=2021}} → 1',
      `実績報告_様式.docx 表1 1行目2列目 {{団体名}} → ${ORG}`,
      '実績報告_様式.docx 表1 2行目2列目 {{期間}} → 2022年4月1日から2023年3月31日まで',
      '実績報告_様式.docx 本文 3段落目 {{表:イベント種別別}} → 表（11行）',
      '実績報告_様式.docx ヘッダー 1段落目 {{対象年度}} → 2022',
      `実績報告_様式.docx フッター 1段落目 {{団体名}} → ${ORG}`,
    ]);
    expect(lines[lines.length - 1]).toBe('out/実績報告_様式_2022年度.docx');
    expect(listFiles(join(dir, 'out'))).toEqual(['実績報告_様式_2022年度.docx']);
  });

  it('fills a placeholder split across runs in the run where it began; the bold run keeps only its formatting', () => {
    const filled = SPLIT.replace('新規接点数は{{新規</w:t>', '新規接点数は137</w:t>')
      .replace('<w:t>接点数}}</w:t>', '<w:t></w:t>')
      .replace('名、前年度 {{新規接点数|年度=前年度}}名', '名、前年度 12名');
    expect(output['word/document.xml']).toContain(filled);
  });

  it('fills a bold placeholder inside its bold run, and 年度=2021', () => {
    const filled = BOLD.replace('<w:t>{{就職者数}}</w:t>', '<w:t>11</w:t>').replace(
      '2021年度 {{就職者数|年度=2021}}名',
      '2021年度 1名',
    );
    expect(output['word/document.xml']).toContain(filled);
  });

  it('changes nothing else: the document XML is the template’s with only these texts replaced', () => {
    const tableStart = output['word/document.xml'].indexOf('<w:tbl><w:tblPr><w:tblW w:w="9638"');
    const tableEnd = output['word/document.xml'].indexOf('</w:tbl>', tableStart) + '</w:tbl>'.length;
    const withoutTable =
      output['word/document.xml'].slice(0, tableStart) +
      paragraph(run('{{表:イベント種別別}}', { bold: true })) +
      output['word/document.xml'].slice(tableEnd);
    const expected = template['word/document.xml']
      .replace(
        SPLIT,
        SPLIT.replace('{{新規</w:t>', '137</w:t>')
          .replace('<w:t>接点数}}</w:t>', '<w:t></w:t>')
          .replace('{{新規接点数|年度=前年度}}', '12'),
      )
      .replace(BOLD, BOLD.replace('{{就職者数}}', '11').replace('{{就職者数|年度=2021}}', '1'))
      .replace('{{団体名}}', ORG)
      .replace('{{期間}}', '2022年4月1日から2023年3月31日まで');
    expect(withoutTable).toBe(expected);
    expect(output['word/header1.xml']).toBe(template['word/header1.xml'].replace('{{対象年度}}', '2022'));
    expect(output['word/footer1.xml']).toBe(template['word/footer1.xml'].replace('{{団体名}}', ORG));
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels'])
      expect(output[name]).toBe(template[name]);
    expect(Object.keys(output).sort()).toEqual(Object.keys(template).sort());
  });

  it('puts the table in place of its paragraph, styled like the report’s tables', () => {
    const { paragraphs } = readPart(output['word/document.xml'], 'body');
    const texts = paragraphs.map((p) => p.nodes.map((n) => n.text).join(''));
    // The table's cells are paragraphs of their own: 種別 / 回数 / 参加者数（延べ）, then each row, then おわり.
    expect(
      texts.slice(
        texts.indexOf('2022年4月1日から2023年3月31日まで') + 1,
        texts.indexOf('2022年4月1日から2023年3月31日まで') + 7,
      ),
    ).toEqual(['種別', '回数', '参加者数（延べ）', '交流会', '5', '47']);
    expect(texts[texts.length - 1]).toBe('おわり');
    expect(texts).not.toContain('{{表:イベント種別別}}');
    expect(output['word/document.xml']).toContain('<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>');
    expect(output['word/document.xml']).toContain('<w:tblHeader/>');
  });

  it('never writes over an earlier fill: the next one is (2)', async () => {
    const again = await runCli(['report', SAMPLE_DIR, '--template', '実績報告_様式.docx', '--out', 'out'], dir);
    expect(again.code).toBe(0);
    expect(listFiles(join(dir, 'out'))).toEqual(['実績報告_様式_2022年度 (2).docx', '実績報告_様式_2022年度.docx']);
  }, 60_000);
});

describe('report --template: problems', () => {
  it('exits 1 listing each problem with the placeholder and its place, and writes nothing', async () => {
    const dir = outputDir('form-errors');
    await writeForm(
      dir,
      'bad.docx',
      formParts({
        body: [paragraph('{{団体名}} {{不明な数}}'), table([['{{=候補者!B2}}']], [9000]), paragraph('x {{表:属性別}}')],
      }),
    );
    const result = await runCli(['report', SAMPLE_DIR, '--template', 'bad.docx', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('bad.docx'))).toEqual([
      `bad.docx 本文 1段落目 {{団体名}} → ${ORG}`,
      expect.stringMatching(
        /^bad\.docx 本文 1段落目: 「\{\{不明な数\}\}」の指標「不明な数」はありません。使える指標: /,
      ),
      'bad.docx 表1 1行目1列目: 「{{=候補者!B2}}」の参照「候補者!B2」は個人情報の列を指しているため使えません',
      'bad.docx 本文 2段落目: 「{{表:属性別}}」は表に置き換わるため、ほかの文字のない段落に1つだけ書いてください',
    ]);
    expect(result.stderr).toContain(
      'エラーが 3 件あるため、様式には何も書き込みませんでした。上の各セルと差し込みを直してから、もう一度実行してください。',
    );
    expect(listFiles(join(dir, 'out'))).toEqual([]);
  }, 60_000);

  it('exits 2 for a file that is not a .docx, naming it', async () => {
    const dir = outputDir('form-files');
    writeFileSync(join(dir, 'broken.docx'), 'not a zip at all');
    writeFileSync(join(dir, 'old.doc'), 'x');
    const broken = await runCli(['report', SAMPLE_DIR, '--template', 'broken.docx'], dir);
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    expect(broken.stderr).toContain(
      'エラー: 様式 broken.docx を Word の文書（.docx）として読み込めません（zip ではありません）。.doc や .dotx の様式は、Word か LibreOffice で開いて .docx として保存し直してください',
    );
    const old = await runCli(['report', SAMPLE_DIR, '--template', 'old.doc'], dir);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('エラー: 様式 old.doc を Word の文書（.docx）として読み込めません（.doc）。');
    const missing = await runCli(['report', SAMPLE_DIR, '--template', 'nothing.docx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('エラー: nothing.docx が見つかりません。');
  });

  it('refuses options that belong to the 事業報告書, and html', async () => {
    const dir = outputDir('form-usage');
    const appendix = await runCli(['report', SAMPLE_DIR, '--template', 'f.docx', '--appendix'], dir);
    expect(appendix.code).toBe(2);
    expect(appendix.stderr).toContain('エラー: --template は様式を埋めるので、--appendix とは一緒に使えません');
    const html = await runCli(['report', SAMPLE_DIR, '--template', 'f.docx', '--format', 'docx,html'], dir);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('エラー: --template で作れるのは docx と pdf です（html は作れません）');
  });

  it('reads the sample grant-report form: 16 placeholders, body, table cells, header and footer', async () => {
    const form = await readDocxForm(join(__dirname, '../../samples/forms/助成金実績報告_様式.docx'));
    expect(form.parts.map((p) => p.name)).toEqual(['word/document.xml', 'word/header1.xml', 'word/footer1.xml']);
    expect(
      form.paragraphs
        .map((p) => p.text)
        .join('')
        .match(/\{\{[^{}]*\}\}/g),
    ).toHaveLength(16);
  });
});
