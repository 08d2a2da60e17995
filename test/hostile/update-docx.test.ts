// Hostile .docx files given to `--update` (issue 14): forged tags (markup, huge, duplicate), a forged record, a zip
// bomb, a forged zip directory, entities: each handled with an exact line, no markup echoed, nothing written wrongly.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32, readZip, writeZip, type ZipPart } from '../../src/node/docx-package';
import { listFiles, outputDir, runCli, type Tabs, unzip, writeCsvFolder } from '../node/support';

function tabs(): Tabs {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', '特定非営利活動法人 テスト'],
      ['対象年度', '2022'],
    ],
    事業: [
      [
        '事業内容',
        '定款の事業名',
        '区分',
        '実施状況',
        '実施日時',
        '実施場所',
        '従事者人数',
        '受益対象者の範囲',
        '受益対象者の人数',
      ],
      ['紹介', '職業紹介事業', '特定非営利活動', '', '通年', '関東', '6', '企業', '{{就職者数}}名'],
    ],
    候補者: [
      ['候補者ID', '氏名', '属性', '就職日', '初回接点日', '同意取得日'],
      ['C1', '機密氏名SENTINEL1', '難民認定', '2022-05-01', '2022-04-01', '2022-04-01'],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額', '摘要'],
      ['2022-04-01', '紹介', '人件費', '1000000', ''],
    ],
    本文: [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', '1', '{{就職者数}}名が就職しました。'],
    ],
  };
}

/** A report made by the CLI, and a way to write a doctored copy of it. */
async function setUp(name: string) {
  const cwd = outputDir(`hostile-update-${name}`);
  writeCsvFolder(join(cwd, 'book'), tabs());
  expect((await runCli(['report', 'book', '--format', 'docx'], cwd)).code).toBe(0);
  const made = readFileSync(join(cwd, 'out', '事業報告書_2022年度.docx'));
  const documentXml = (unzip(made).get('word/document.xml') as Buffer).toString('utf8');
  const write = (file: string, parts: ZipPart[]) => writeFileSync(join(cwd, file), writeZip(parts));
  const withPart = (name: string, text: string): ZipPart[] =>
    readZip(made).map((part) => {
      if (part.name !== name) return part;
      const data = Buffer.from(text, 'utf8');
      return { ...part, method: 0, flags: 0, crc: crc32(data), size: data.length, compressed: data };
    });
  return { cwd, made, documentXml, write, withPart };
}

describe('--update with forged figure controls', () => {
  it('ignores tags that are not ours (markup, unknown kind, huge); none left: exit 2, no markup echoed', async () => {
    const { cwd, documentXml, write, withPart } = await setUp('tags');
    let count = 0;
    const forgedTags = ['&lt;script&gt;alert(1)&lt;/script&gt;', `m:${'x'.repeat(10_000)}`, 'cost&gt;:紹介'];
    const forged = documentXml.replace(/<w:alias w:val="[^"]*"\/><w:tag w:val="[^"]*"\/>/g, () => {
      const tag = forgedTags[count++ % forgedTags.length];
      return `<w:alias w:val="${tag}"/><w:tag w:val="${tag}"/>`;
    });
    expect(count).toBe(5);
    write('forged.docx', withPart('word/document.xml', forged));
    const run = await runCli(['report', 'book', '--update', 'forged.docx'], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      '読み込み中: forged.docx\nエラー: forged.docx には更新できる数字の欄がありません（この仕組みで作った報告書ではないか、別のソフトで保存したときに数字の欄が外れました）。数字を古いまま写すことはしないので、npm run report で新しい報告書を作り、直した文章を写してください\n',
    );
  });

  it('updates every control of a duplicated tag, and counts a tag of ours it never made without quoting it', async () => {
    const { cwd, documentXml, write, withPart } = await setUp('duplicate');
    const control = /<w:sdt><w:sdtPr><w:alias w:val="m:就職者数"\/>.*?<\/w:sdt>/.exec(documentXml)?.[0] as string;
    const planted = control.replace(/m:就職者数/g, 'm:&lt;b&gt;偽&lt;/b&gt;').replace('1名', '&lt;i&gt;9&lt;/i&gt;');
    const doubled = documentXml.replace(control, `${control}${control}${planted}`);
    write('double.docx', withPart('word/document.xml', doubled));
    const next = tabs();
    next.候補者.push(['C2', '機密氏名SENTINEL2', '難民申請中', '2022-06-01', '2022-04-01', '2022-04-01']);
    writeCsvFolder(join(cwd, 'book'), next);
    const run = await runCli(['report', 'book', '--update', 'double.docx'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '数字の更新: 変わった数字 2 件、変わらない数字 3 件',
      '変更 本文【職業紹介事業】1段落目: 1名 → 2名',
      '変更 表「紹介」の受益対象者の人数: 1名 → 2名',
      'この報告書が作った覚えのない数字の欄 1 件は、そのままにしました',
      join('out', '事業報告書_2022年度_更新.docx'),
      '',
    ]);
    const xml = (
      unzip(readFileSync(join(cwd, 'out', '事業報告書_2022年度_更新.docx'))).get('word/document.xml') as Buffer
    ).toString('utf8');
    // Both copies of the figure say 2名; the forged control keeps its text, still escaped.
    expect(xml.split('<w:t xml:space="preserve">2名</w:t>')).toHaveLength(4);
    expect(xml).toContain('&lt;i&gt;9&lt;/i&gt;');
    expect(run.stdout + run.stderr).not.toMatch(/[<>]|SENTINEL/);
  });

  it('reads a forged record as no record when its JSON is wrong, and quotes a forged place without markup', async () => {
    const { cwd, made, write } = await setUp('record');
    const custom = (unzip(made).get('docProps/custom.xml') as Buffer).toString('utf8');
    const broken = custom.replace(/<vt:lpwstr>\{/, '<vt:lpwstr>[');
    const parts = (text: string): ZipPart[] =>
      readZip(made).map((part) => {
        if (part.name !== 'docProps/custom.xml') return part;
        const data = Buffer.from(text, 'utf8');
        return { ...part, method: 0 as const, flags: 0, crc: crc32(data), size: data.length, compressed: data };
      });
    write('broken.docx', parts(broken));
    const run = await runCli(['report', 'book', '--update', 'broken.docx'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      '数字の更新: 変わった数字 0 件、変わらない数字 2 件',
      '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できず、表の数字は更新しません',
      '事業の表（特定非営利活動）は更新しませんでした: 作成時の事業の行が分からないため、表の数字 3 件はそのままです',
    ]);
    // A well-formed record whose figure the document lacks: its place and text are quoted, markup made harmless.
    const record = JSON.stringify({
      v: 1,
      kind: 'jigyo',
      year: 2022,
      language: 'ja',
      tables: [['programs:特定非営利活動', ['紹介']]],
      figures: [['m:登録者数', '<script>x</script>', ['t', '【<img src=x>】', 1]]],
    })
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
    const forged = custom
      .replace(/<vt:lpwstr>.*?<\/vt:lpwstr>/, `<vt:lpwstr>${record}</vt:lpwstr>`)
      .replace(/<property [^>]*name="jigyo-hokoku figures 00[2-9]".*?<\/property>/g, '');
    write('forged-record.docx', parts(forged));
    const second = await runCli(['report', 'book', '--update', 'forged-record.docx'], cwd);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      '削除されていた数字（戻していません） 本文【＜img src=x＞】1段落目: 作成時 ＜script＞x＜/script＞、今は なし\n',
    );
    expect(second.stdout).not.toMatch(/[<>]/);
  });
});

describe('--update with a hostile package', () => {
  it('stops a zip bomb at the size its directory declares', async () => {
    const { cwd, made, write } = await setUp('bomb');
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    write(
      'bomb.docx',
      readZip(made).map((part) => (part.name === 'word/document.xml' ? { ...part, compressed: bomb } : part)),
    );
    const run = await runCli(['report', 'book', '--update', 'bomb.docx'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '読み込み中: bomb.docx\nエラー: bomb.docx を Word の文書（.docx）として読み込めません（part does not inflate）。この仕組みで作った .docx の報告書を指定してください\n',
    );
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
  });

  it('refuses a part that declares more than the limit, an encrypted part and a damaged one', async () => {
    const { cwd, made, write } = await setUp('parts');
    const change = (patch: Partial<ZipPart>) =>
      readZip(made).map((part) => (part.name === 'word/document.xml' ? { ...part, ...patch } : part));
    write('huge.docx', change({ size: 500 * 1024 * 1024 }));
    write('encrypted.docx', change({ flags: 1 }));
    write('damaged.docx', change({ crc: 12345 }));
    const lines = [];
    for (const file of ['huge.docx', 'encrypted.docx', 'damaged.docx']) {
      const run = await runCli(['report', 'book', '--update', file], cwd);
      expect(run.code).toBe(2);
      lines.push(run.stderr.split('\n')[1]);
    }
    expect(lines).toEqual([
      'エラー: huge.docx を Word の文書（.docx）として読み込めません（展開後 400 MB を超えます）。この仕組みで作った .docx の報告書を指定してください',
      'エラー: encrypted.docx を Word の文書（.docx）として読み込めません（encrypted）。この仕組みで作った .docx の報告書を指定してください',
      'エラー: damaged.docx を Word の文書（.docx）として読み込めません（part is damaged）。この仕組みで作った .docx の報告書を指定してください',
    ]);
  });

  it('refuses entities a DTD defines (no expansion) and malformed XML, without quoting the document', async () => {
    const { cwd, documentXml, write, withPart } = await setUp('xml');
    const laughs = documentXml
      .replace(
        '<w:document ',
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ',
      )
      .replace('>1名<', '>&b;<');
    write('laughs.docx', withPart('word/document.xml', laughs));
    write('broken.docx', withPart('word/document.xml', documentXml.replace('</w:body>', '<b>機密</w:body>')));
    for (const file of ['laughs.docx', 'broken.docx']) {
      const run = await runCli(['report', 'book', '--update', file], cwd);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^読み込み中: ${file}\\nエラー: ${file} を Word の文書（\\.docx）として読み込めません（[^\\n]{1,130}）。この仕組みで作った \\.docx の報告書を指定してください\\n$`,
        ),
      );
      expect(run.stderr).not.toContain('機密');
      expect(run.stderr).not.toContain('aaaaaaaaaa');
    }
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
  });
});
