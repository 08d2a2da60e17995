// Hostile headers and footers given to `--update` (issue 14): a figure whose tag holds XML specials moved into a header
// beside a forged control of markup, a header with a DTD and a malformed footer: exact lines, no markup echoed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutFigure, editPackage, linkHeader, partText, referenceHeader, setFigure } from '../helpers/docx-edit';
import { PROGRAM_HEADER } from '../helpers/raw';
import { listFiles, outputDir, runCli, type Tabs, writeCsvFolder } from '../node/support';

/** 事業内容 holds every XML special; its 事業費 is 1,000,000 → 1,000 千円 (after: 2,500,000 → 2,500). */
const PROGRAM = 'A&B<"x\'>';
/** Its tag as the renderer escapes it (figure-tags.ts): each special as %XX. */
const COST_TAG = 'cost:A%26B%3C%22x%27%3E';

function tabs(amount: string): Tabs {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', '特定非営利活動法人 テスト'],
      ['対象年度', '2022'],
    ],
    事業: [
      PROGRAM_HEADER,
      [PROGRAM, '職業紹介事業', '特定非営利活動', '', '通年', '関東', '6', '', '企業', '10名', '1'],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額', '摘要'],
      ['2022-04-01', PROGRAM, '人件費', amount, '機密摘要SENTINEL'],
    ],
    本文: [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', '1', '相談を受けました。'],
    ],
  };
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** A control of ours in form (a known kind) whose tag and text are markup, escaped as XML requires. */
const FORGED =
  '<w:sdt><w:sdtPr><w:tag w:val="cost:&lt;script&gt;&amp;&quot;\'"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>&lt;b&gt;偽&lt;/b&gt;</w:t></w:r></w:sdtContent></w:sdt>';

async function setUp(name: string) {
  const cwd = outputDir(`hostile-update-parts-${name}`);
  writeCsvFolder(join(cwd, 'book'), tabs('1000000'));
  expect((await runCli(['report', 'book', '--format', 'docx'], cwd)).code).toBe(0);
  const made = readFileSync(join(cwd, 'out', '事業報告書_2022年度.docx'));
  return { cwd, made };
}

describe('--update with figures in headers and footers', () => {
  it('updates a figure whose tag holds XML specials in a header, and leaves a forged control of markup as it was', async () => {
    const { cwd, made } = await setUp('specials');
    const { xml, control } = cutFigure(partText(made, 'word/document.xml'), COST_TAG);
    expect(control).toContain(`<w:tag w:val="${COST_TAG}"/>`);
    const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W_NS}"><w:p><w:r><w:t>事業費 &amp; &lt;千円&gt; </w:t></w:r>${control}${FORGED}</w:p></w:hdr>`;
    const edited = editPackage(
      made,
      (name, text) => (name === 'word/document.xml' ? referenceHeader(xml) : linkHeader(name, text)),
      [['word/header1.xml', header]],
    );
    writeFileSync(join(cwd, 'header.docx'), edited);
    writeCsvFolder(join(cwd, 'book'), tabs('2500000'));

    const run = await runCli(['report', 'book', '--update', 'header.docx'], cwd);

    expect(run.code).toBe(0);
    // Four figures: the 区分 total (in its heading) and the cost (in the header) change; 受益対象者の人数 (10名) and the
    // total of その他の事業 (0) do not. The forged control is counted, not quoted.
    expect(run.stdout.split('\n')).toEqual([
      '数字の更新: 変わった数字 2 件、変わらない数字 2 件',
      '変更 見出し「（１）特定非営利活動に係る事業（事業費の総費用【 … 】千円）」: 1,000 → 2,500',
      '変更 表「A＆B＜"x\'＞」の事業費（千円）: 1,000 → 2,500',
      'この報告書が作った覚えのない数字の欄 1 件は、そのままにしました',
      join('out', '事業報告書_2022年度_更新.docx'),
      '',
    ]);
    const updated = readFileSync(join(cwd, 'out', '事業報告書_2022年度_更新.docx'));
    expect(partText(updated, 'word/header1.xml')).toBe(setFigure(header, COST_TAG, '2,500'));
    expect(partText(updated, 'word/header1.xml')).toContain(
      '<w:t xml:space="preserve">2,500</w:t></w:r></w:sdtContent></w:sdt><w:sdt><w:sdtPr><w:tag w:val="cost:&lt;script&gt;&amp;&quot;\'"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>&lt;b&gt;偽&lt;/b&gt;</w:t>',
    );
    expect(run.stdout + run.stderr).not.toMatch(/[<>]|script|偽|SENTINEL/);
  });

  it('refuses a header that defines entities and a malformed footer (exit 2), naming the part, quoting neither', async () => {
    const { cwd, made } = await setUp('bad-parts');
    const laughs = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:hdr [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:hdr xmlns:w="${W_NS}"><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:hdr>`;
    writeFileSync(
      join(cwd, 'laughs.docx'),
      editPackage(made, (name, text) => linkHeader(name, text), [['word/header1.xml', laughs]]),
    );
    writeFileSync(
      join(cwd, 'broken.docx'),
      editPackage(made, (name, text) =>
        name === 'word/footer1.xml' ? text.replace('</w:p></w:ftr>', '<b>機密</w:p></w:ftr>') : undefined,
      ),
    );
    for (const [file, part] of [
      ['laughs.docx', 'word/header1.xml'],
      ['broken.docx', 'word/footer1.xml'],
    ]) {
      const run = await runCli(['report', 'book', '--update', file], cwd);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(
          `^読み込み中: ${file}\\nエラー: ${file} を Word の文書（\\.docx）として読み込めません（${part}: [^\\n]{1,120}）。この仕組みで作った \\.docx の報告書を指定してください\\n$`,
        ),
      );
      expect(run.stderr).not.toMatch(/機密|aaaaaaaaaa/);
    }
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
  });
});
