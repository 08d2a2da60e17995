// This file tests hostile forms and values for `report --template` (issue 16): forged XML (a DOCTYPE with entities,
// broken markup), a zip that says it inflates past the limit, a huge placeholder, and markup typed in 団体名.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { formParts, makeFormDocx, paragraph } from '../../scripts/make-form';
import { readPart } from '../../src/node/fill-docx';
import { cloneTabs, listFiles, outputDir, readSampleTabs, runCli, SAMPLE_DIR, writeCsvFolder } from '../node/support';

async function writeForm(dir: string, name: string, parts: Record<string, string>): Promise<void> {
  writeFileSync(join(dir, name), await makeFormDocx(parts));
}

describe('hostile forms', () => {
  it('refuses a DOCTYPE (entity tricks) with exit 2, reading nothing from it', async () => {
    const dir = outputDir('form-doctype');
    const parts = formParts({ body: [paragraph('{{団体名}}')] });
    parts['word/document.xml'] = parts['word/document.xml'].replace(
      '<w:document',
      '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">]><w:document',
    );
    await writeForm(dir, 'dtd.docx', parts);
    const result = await runCli(['report', SAMPLE_DIR, '--template', 'dtd.docx', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'エラー: 様式 dtd.docx を Word の文書（.docx）として読み込めません（word/document.xml: DOCTYPE is not allowed）。',
    );
    expect(listFiles(join(dir, 'out'))).toEqual([]);
  });

  it('refuses XML that is not well-formed, and an undefined entity', async () => {
    const dir = outputDir('form-broken');
    const broken = formParts({ body: [paragraph('{{団体名}}')] });
    broken['word/document.xml'] = broken['word/document.xml'].replace('</w:body>', '');
    await writeForm(dir, 'broken.docx', broken);
    const entity = formParts({ body: [paragraph('{{団体名}}')] });
    entity['word/footer1.xml'] = entity['word/document.xml'].replace('{{団体名}}', '&bomb;');
    await writeForm(dir, 'entity.docx', entity);
    for (const name of ['broken.docx', 'entity.docx']) {
      const result = await runCli(['report', SAMPLE_DIR, '--template', name, '--out', 'out'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `エラー: 様式 ${name.replace('.', '\\.')} を Word の文書（\\.docx）として読み込めません（word/(document|footer1)\\.xml: `,
        ),
      );
    }
    expect(listFiles(join(dir, 'out'))).toEqual([]);
  });

  it('refuses a zip whose directory declares more than 200 MB inflated, before inflating it', async () => {
    const dir = outputDir('form-bomb');
    const bytes = await makeFormDocx(formParts({ body: [paragraph('{{団体名}}')] }));
    // Every central-directory entry now declares 0xFFFFFF00 bytes uncompressed.
    for (
      let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    )
      bytes.writeUInt32LE(0xffffff00, at + 24);
    writeFileSync(join(dir, 'bomb.docx'), bytes);
    const result = await runCli(['report', SAMPLE_DIR, '--template', 'bomb.docx'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('エラー: bomb.docx は大きすぎるため読み込みません（展開後 上限 200 MB）');
  });

  it('quotes a huge placeholder cut at 60 characters, in linear time', async () => {
    const dir = outputDir('form-huge');
    const huge = `{{${'あ'.repeat(200_000)}}}`;
    await writeForm(dir, 'huge.docx', formParts({ body: [paragraph(huge), paragraph(`{{${'{'.repeat(100_000)}`)] }));
    const started = Date.now();
    const result = await runCli(['report', SAMPLE_DIR, '--template', 'huge.docx', '--out', 'out'], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('huge.docx'));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^huge\\.docx 本文 1段落目: 「\\{\\{${'あ'.repeat(58)}…」の指標「${'あ'.repeat(60)}…」はありません。`,
        ),
      ),
      `huge.docx 本文 2段落目: 「${'{'.repeat(20)}…」の差し込み「${'{'.repeat(20)}…」の書き方が正しくありません（例: {{就職者数}}、{{参加者数|事業内容=育成事業}}）`,
    ]);
    expect(listFiles(join(dir, 'out'))).toEqual([]);
  }, 60_000);

  it('escapes markup typed in 団体名: the filled XML is well-formed and shows the text as typed', async () => {
    const dir = outputDir('form-markup');
    const tabs = cloneTabs(readSampleTabs());
    const name = '</w:t></w:r><w:r><w:t>&amp;"悪意"<w:br/>';
    tabs.設定 = tabs.設定.map((row) => (row[0] === '団体名' ? [row[0], name] : row));
    writeCsvFolder(join(dir, 'book'), tabs);
    await writeForm(
      dir,
      'f.docx',
      formParts({ body: [paragraph('団体: {{団体名}}')], footer: [paragraph('{{団体名}}')] }),
    );
    const result = await runCli(['report', 'book', '--template', 'f.docx', '--out', 'out'], dir);
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', 'f_2022年度.docx')));
    for (const part of ['word/document.xml', 'word/footer1.xml']) {
      const xml = await zip.files[part].async('string');
      expect(xml).toContain('&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;&amp;amp;"悪意"&lt;w:br/&gt;');
      const { paragraphs } = readPart(xml, 'body');
      expect(paragraphs.map((p) => p.nodes.map((n) => n.text).join(''))).toEqual([
        part === 'word/document.xml' ? `団体: ${name}` : name,
      ]);
    }
  }, 60_000);
});
