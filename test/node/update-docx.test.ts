// Tests for `npm run report -- WORKBOOK --update REPORT.docx` (issue 14): a report edited the way people edit it,
// the workbook changed, the update: every edit kept byte for byte, the new figures in place, the summary exact.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip, writeZip, type ZipPart } from '../../src/node/docx-package';
import { figureRecordProperties, renderReportDocx } from '../../src/node/render-docx';
import { PROGRAM_HEADER } from '../helpers/raw';
import { listFiles, outputDir, runCli, type Tabs, unzip, writeCsvFolder } from './support';

const CANDIDATE_HEADER = ['候補者ID', '氏名', '国籍', '属性', '就職日', '初回接点日', '同意取得日', '備考'];

/**
 * Made by hand. Before: 就職者数 in FY2022 = C1 (難民認定) and C2 (難民申請中) = 2; 難民認定 alone is 1, below
 * 秘匿しきい値 3, so it prints （秘匿）. 育成 has 2 events (12 + 8 参加者). 事業費 紹介 6,408,300 → 6,408; 育成
 * 9,966,300 → 9,966; （１） 16,374,600 → 16,375; 寄付 800.
 */
function tabs(): Tabs {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', '特定非営利活動法人 テスト'],
      ['対象年度', '2022'],
    ],
    事業: [
      PROGRAM_HEADER,
      ['紹介', '職業紹介事業', '特定非営利活動', '', '通年', '関東', '6', '兼任', '企業', '{{就職者数}}名', '1'],
      [
        '育成',
        '統合事業',
        '特定非営利活動',
        '',
        '通年',
        '関東',
        '3',
        '',
        '難民',
        '延べ{{参加者数|事業内容=育成}}名',
        '2',
      ],
      ['寄付', '募金事業', 'その他の事業', '', '不定期', '不特定', '2', '', '', '', '4'],
    ],
    候補者: [
      CANDIDATE_HEADER,
      [
        'C1',
        '機密氏名SENTINEL1',
        '機密国籍SENTINEL1',
        '難民認定',
        '2022-05-01',
        '2022-04-01',
        '2022-04-01',
        '機密備考SENTINEL1',
      ],
      ['C2', '機密氏名SENTINEL2', '機密国籍SENTINEL2', '難民申請中', '2022-06-01', '2022-04-01', '2022-04-01', ''],
      ['C3', '機密氏名SENTINEL3', '機密国籍SENTINEL3', '難民申請中', '2023-06-01', '2022-04-01', '2022-04-01', ''],
    ],
    イベント: [
      ['イベントID', '事業内容', '種別', '開始日', '参加者数'],
      ['E1', '育成', '交流会', '2022-04-10', '12'],
      ['E2', '育成', '勉強会', '2023-03-31', '8'],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額', '摘要'],
      ['2022-04-01', '紹介', '人件費', '6408300', '機密摘要SENTINEL'],
      ['2022-04-01', '育成', '人件費', '9966300', ''],
      ['2022-04-01', '寄付', 'その他経費', '800400', ''],
    ],
    本文: [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', '1', '今年は{{就職者数}}名が就職しました。'],
      ['職業紹介事業', '', '2', '面談の場を{{イベント回数|事業内容=育成}}回設けました。'],
      ['統合事業', '', '3', '{{就職者数|属性=難民認定}}名が難民認定の方です。'],
    ],
  };
}

/**
 * After: a late cost row (紹介 +591,700 → 7,000,000 → 7,000; （１） 16,966,300 → 16,966) and late placements: C4,
 * C5 難民認定 and C6 難民申請中 placed, C3 placed in the year (2022/9/1): 就職者数 6, 難民認定 3, the others 3, so
 * nothing is hidden any more.
 */
function changedTabs(): Tabs {
  const next = tabs();
  next.費用.push(['2022-05-01', '紹介', 'その他経費', '591700', '']);
  next.候補者[3][4] = '2022-09-01';
  next.候補者.push(
    ['C4', '機密氏名SENTINEL4', '', '難民認定', '2022-07-01', '2022-04-01', '2022-04-01', ''],
    ['C5', '機密氏名SENTINEL5', '', '難民認定', '2022-08-01', '2022-04-01', '2022-04-01', ''],
    ['C6', '機密氏名SENTINEL6', '', '難民申請中', '2022-10-01', '2022-04-01', '2022-04-01', ''],
  );
  return next;
}

/** The parts of a .docx, each replaced by `edit` (name → new text, or undefined to keep), plus new parts. */
function editPackage(
  bytes: Buffer,
  edit: (name: string, text: string) => string | undefined,
  extra: [string, string][] = [],
): Buffer {
  const texts = unzip(bytes);
  const parts: ZipPart[] = readZip(bytes).map((part) => {
    const changed = edit(part.name, (texts.get(part.name) as Buffer).toString('utf8'));
    if (changed === undefined) return part;
    const data = Buffer.from(changed, 'utf8');
    return { ...part, method: 0, crc: crcOf(data), size: data.length, compressed: data };
  });
  for (const [name, text] of extra) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    parts.push({
      name,
      nameBytes,
      method: 0,
      flags: 0,
      crc: crcOf(data),
      size: data.length,
      time: 0,
      date: 0x21,
      versionMadeBy: 20,
      versionNeeded: 20,
      internalAttributes: 0,
      externalAttributes: 0,
      compressed: data,
    });
  }
  return writeZip(parts);
}

/** CRC-32 written out here (not the code under test's), bit by bit. */
function crcOf(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The test's own oracle: the text of every `w:t` in the controls tagged `tag`, set to `text`. */
function setFigure(xml: string, tag: string, text: string): string {
  const control = new RegExp(`<w:sdt><w:sdtPr><w:alias w:val="${escapeRegExp(tag)}"/>.*?</w:sdt>`, 'g');
  return xml.replace(control, (whole) => whole.replace(/(<w:t(?: [^>]*)?>)[^<]*(<\/w:t>)/, `$1${text}$2`));
}

const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="理事" w:date="2023-05-10T09:00:00Z" w:initials="R"><w:p><w:r><w:t>この数字は最終版で確認</w:t></w:r></w:p></w:comment></w:comments>`;

/** What staff do to the report in May: reword, add a paragraph, bold a figure, delete a sentence, comment, track. */
function editLikeStaff(xml: string): string {
  let out = xml;
  const replaceOnce = (from: string, to: string) => {
    expect(out.split(from)).toHaveLength(2);
    out = out.replace(from, to);
  };
  // Reworded: the text before the first figure.
  replaceOnce('<w:t xml:space="preserve">今年は</w:t>', '<w:t xml:space="preserve">この一年で</w:t>');
  // Bold figure.
  replaceOnce(
    '<w:tag w:val="m:就職者数"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">2名</w:t>',
    '<w:tag w:val="m:就職者数"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">2名</w:t>',
  );
  // The sentence with イベント回数 deleted: its whole paragraph.
  const sentence = out.indexOf('<w:t xml:space="preserve">面談の場を</w:t>');
  const start = out.lastIndexOf('<w:p>', sentence);
  const end = out.indexOf('</w:p>', sentence) + '</w:p>'.length;
  out = out.slice(0, start) + out.slice(end);
  // A paragraph added after the title, with a tracked insertion and deletion.
  replaceOnce(
    '2022年度 事業報告書</w:t></w:r></w:p>',
    '2022年度 事業報告書</w:t></w:r></w:p><w:p><w:r><w:t>編集者が書き足した段落。</w:t></w:r><w:ins w:id="90" w:author="事務局" w:date="2023-05-01T00:00:00Z"><w:r><w:t>（追記）</w:t></w:r></w:ins><w:del w:id="91" w:author="事務局" w:date="2023-05-01T00:00:00Z"><w:r><w:delText>（削除）</w:delText></w:r></w:del></w:p>',
  );
  // A comment on the sentence after the first figure.
  replaceOnce(
    '<w:r><w:t xml:space="preserve">が就職しました。</w:t></w:r>',
    '<w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">が就職しました。</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>',
  );
  return out;
}

function addCommentsPart(name: string, text: string): string | undefined {
  if (name === 'word/_rels/document.xml.rels')
    return text.replace(
      '</Relationships>',
      '<Relationship Id="rIdComments7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
    );
  if (name === '[Content_Types].xml')
    return text.replace(
      '</Types>',
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    );
  return undefined;
}

/** A folder with the workbook (before) and its report, made by the CLI. */
async function madeReport(name: string, book: Tabs = tabs()): Promise<{ cwd: string; report: string }> {
  const cwd = outputDir(name);
  writeCsvFolder(join(cwd, 'book'), book);
  const run = await runCli(['report', 'book', '--format', 'docx'], cwd);
  expect(run.code).toBe(0);
  return { cwd, report: join(cwd, 'out', '事業報告書_2022年度.docx') };
}

describe('--update on an edited report', () => {
  it('keeps every edit byte for byte, writes the new figures, and lists what changed', async () => {
    const { cwd, report } = await madeReport('update-edited');
    const made = readFileSync(report);
    const madeXml = (unzip(made).get('word/document.xml') as Buffer).toString('utf8');
    const editedXml = editLikeStaff(madeXml);
    const edited = editPackage(
      made,
      (name, text) => (name === 'word/document.xml' ? editedXml : addCommentsPart(name, text)),
      [['word/comments.xml', COMMENTS]],
    );
    writeFileSync(join(cwd, '手直し版.docx'), edited);
    writeCsvFolder(join(cwd, 'book'), changedTabs());

    const run = await runCli(['report', 'book', '--update', '手直し版.docx'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '数字の更新: 変わった数字 5 件、変わらない数字 4 件',
      '変更 本文【職業紹介事業】1段落目: 2名 → 6名',
      '変更 本文【統合事業】1段落目: （秘匿） → 3名',
      '変更 見出し「（１）特定非営利活動に係る事業（事業費の総費用【 … 】千円）」: 16,375 → 16,966',
      '変更 表「紹介」の受益対象者の人数: 2名 → 6名',
      '変更 表「紹介」の事業費（千円）: 6,408 → 7,000',
      '削除されていた数字（戻していません） 本文【職業紹介事業】2段落目: 作成時 2、今は 2',
      join('out', '事業報告書_2022年度_更新.docx'),
      '',
    ]);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx', '事業報告書_2022年度_更新.docx']);
    // The input is never written to.
    expect(readFileSync(join(cwd, '手直し版.docx')).equals(edited)).toBe(true);

    const before = unzip(edited);
    const after = unzip(readFileSync(join(cwd, 'out', '事業報告書_2022年度_更新.docx')));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) {
      if (name !== 'word/document.xml') expect([name, (after.get(name) as Buffer).equals(bytes)]).toEqual([name, true]);
    }
    // document.xml: the edited XML with exactly the five figures' text replaced, nothing else.
    let expected = editedXml;
    for (const [tag, text] of [
      ['m:就職者数', '6名'],
      ['m:就職者数|属性=難民認定', '3名'],
      ['total:特定非営利活動', '16,966'],
      ['beneficiaries:紹介', '6名'],
      ['cost:紹介', '7,000'],
    ])
      expected = setFigure(expected, tag, text);
    const updatedXml = (after.get('word/document.xml') as Buffer).toString('utf8');
    expect(updatedXml).toBe(expected);
    // The figure made bold is still bold; the unit is not doubled where （秘匿） became a count.
    expect(updatedXml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">6名</w:t></w:r>');
    expect(updatedXml).toContain(
      '<w:t xml:space="preserve">3名</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve">が難民認定の方です。</w:t>',
    );
    // No person-level value in any part (tags and the figure record included), nor in what was printed.
    for (const [name, bytes] of after)
      expect([name, /SENTINEL|機密/.test(bytes.toString('utf8'))]).toEqual([name, false]);
    expect(run.stdout + run.stderr).not.toMatch(/SENTINEL|機密/);
  });

  it('writes （秘匿） without the unit when a figure becomes hidden, and numbers a second update', async () => {
    const { cwd, report } = await madeReport('update-hide', changedTabs());
    writeCsvFolder(join(cwd, 'book'), tabs());
    const first = await runCli(['report', 'book', '--update', report], cwd);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').slice(0, 3)).toEqual([
      '数字の更新: 変わった数字 5 件、変わらない数字 5 件',
      '変更 本文【職業紹介事業】1段落目: 6名 → 2名',
      '変更 本文【統合事業】1段落目: 3名 → （秘匿）',
    ]);
    const xml = (
      unzip(readFileSync(join(cwd, 'out', '事業報告書_2022年度_更新.docx'))).get('word/document.xml') as Buffer
    ).toString('utf8');
    expect(xml).toContain(
      '<w:t xml:space="preserve">（秘匿）</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve">が難民認定の方です。</w:t>',
    );
    const second = await runCli(['report', 'book', '--update', report], cwd);
    expect(second.code).toBe(0);
    expect(listFiles(join(cwd, 'out'))).toEqual([
      '事業報告書_2022年度.docx',
      '事業報告書_2022年度_更新 (2).docx',
      '事業報告書_2022年度_更新.docx',
    ]);
  });

  it('refuses the table whose 事業 rows changed and updates the figures elsewhere', async () => {
    const { cwd, report } = await madeReport('update-rows');
    const next = changedTabs();
    next.事業.push(['相談', '統合事業', '特定非営利活動', '', '通年', '関東', '1', '', '難民', '5名', '3']);
    writeCsvFolder(join(cwd, 'book'), next);
    const run = await runCli(['report', 'book', '--update', report], cwd);
    expect(run.code).toBe(0);
    // Table (1) and the total in its heading are left (5 figures); the text and table (2) are updated.
    expect(run.stdout.split('\n')).toEqual([
      '数字の更新: 変わった数字 2 件、変わらない数字 3 件',
      '変更 本文【職業紹介事業】1段落目: 2名 → 6名',
      '変更 本文【統合事業】1段落目: （秘匿） → 3名',
      '事業の表（特定非営利活動）は更新しませんでした: 事業の行が作成時と違います（増えた行: 相談／なくなった行: なし）。この表の数字 5 件は、手で直すか新しい報告書を作ってください',
      join('out', '事業報告書_2022年度_更新.docx'),
      '',
    ]);
    const xml = (
      unzip(readFileSync(join(cwd, 'out', '事業報告書_2022年度_更新.docx'))).get('word/document.xml') as Buffer
    ).toString('utf8');
    expect(xml).toContain('<w:t xml:space="preserve">6,408</w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">16,375</w:t>');
    expect(xml).not.toContain('相談');
  });

  it('blocks the update on validation errors: exit 1, nothing written', async () => {
    const { cwd, report } = await madeReport('update-invalid');
    const next = changedTabs();
    next.費用.push(['2022-05-01', '存在しない事業', '人件費', '100', '']);
    writeCsvFolder(join(cwd, 'book'), next);
    const run = await runCli(['report', 'book', '--update', report], cwd);
    expect(run.code).toBe(1);
    // Row 6: the header, three rows, the late row of changedTabs, then this one.
    expect(run.stdout).toBe('費用!B6: 「事業内容」の「存在しない事業」が「事業」タブにありません\n');
    expect(run.stderr).toContain('エラーが 1 件あるため、数字は更新しませんでした。');
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
  });

  it('refuses a .docx whose figure controls were removed: exit 2, says so, writes nothing', async () => {
    const { cwd, report } = await madeReport('update-no-controls');
    // As when an editor's program drops content controls: each control replaced by its run.
    const stripped = editPackage(readFileSync(report), (name, text) =>
      name === 'word/document.xml'
        ? text.replace(/<w:sdt><w:sdtPr>.*?<\/w:sdtPr><w:sdtContent>(.*?)<\/w:sdtContent><\/w:sdt>/g, '$1')
        : undefined,
    );
    writeFileSync(join(cwd, '別保存.docx'), stripped);
    const run = await runCli(['report', 'book', '--update', '別保存.docx'], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      '読み込み中: 別保存.docx\nエラー: 別保存.docx には更新できる数字の欄がありません（この仕組みで作った報告書ではないか、別のソフトで保存したときに数字の欄が外れました）。数字を古いまま写すことはしないので、npm run report で新しい報告書を作り、直した文章を写してください\n',
    );
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
  });

  it('refuses a file that is not a .docx, and options that the report already fixed (exit 2)', async () => {
    const { cwd, report } = await madeReport('update-bad-input');
    writeFileSync(join(cwd, 'メモ.docx'), 'これは文書ではありません');
    const text = await runCli(['report', 'book', '--update', 'メモ.docx'], cwd);
    expect(text.code).toBe(2);
    expect(text.stderr).toBe(
      '読み込み中: メモ.docx\nエラー: メモ.docx を Word の文書（.docx）として読み込めません（no zip end record）。この仕組みで作った .docx の報告書を指定してください\n',
    );
    const pdf = await runCli(['report', 'book', '--update', 'report.pdf'], cwd);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toBe(
      'エラー: report.pdf を Word の文書（.docx）として読み込めません（.pdf）。この仕組みで作った .docx の報告書を指定してください\n',
    );
    const year = await runCli(['report', 'book', '--update', report, '--year', '2022', '--appendix'], cwd);
    expect(year.code).toBe(2);
    expect(year.stderr).toBe(
      'エラー: --update は報告書を作ったときの設定で数字を更新するので、--year --appendix とは一緒に使えません\n（npm run report -- --help で使い方を表示します）\n',
    );
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
    const help = await runCli(['report', '--help'], cwd);
    expect(help.stdout).toContain('\n  npm run report -- [ブック] --update 報告書.docx [--out フォルダ]\n');
    expect(help.stdout).toContain('\n  --update 報告書.docx  前に作って手直しした .docx の数字だけを');
  });
});

describe('the .docx renderer marks each figure', () => {
  it('as a plain-text content control (alias and tag = the tag, escaped), one ordinary run inside', async () => {
    const docx = await renderReportDocx({
      language: 'ja',
      title: 't',
      year: 2022,
      orgName: 'o',
      blocks: [
        { kind: 'paragraph', text: '今年は2名が就職。', figures: [{ start: 3, end: 5, tag: 'm:就職者数' }] },
        {
          kind: 'table',
          header: ['事業内容', '事業費'],
          rows: [[{ text: 'A&B' }, { text: '1,000', figures: [{ start: 0, end: 5, tag: 'cost:A%26B<"x">' }] }]],
          align: ['left', 'right'],
          widths: [50, 50],
          figureRows: { id: 'programs:特定非営利活動', rows: ['A&B'] },
        },
      ],
    });
    const parts = unzip(docx);
    const xml = (parts.get('word/document.xml') as Buffer).toString('utf8');
    expect(xml).toContain(
      '<w:r><w:t xml:space="preserve">今年は</w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="m:就職者数"/><w:tag w:val="m:就職者数"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">2名</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve">が就職。</w:t></w:r>',
    );
    expect(xml).toContain(
      '<w:sdt><w:sdtPr><w:alias w:val="cost:A%26B&lt;&quot;x&quot;&gt;"/><w:tag w:val="cost:A%26B&lt;&quot;x&quot;&gt;"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:t xml:space="preserve">1,000</w:t></w:r></w:sdtContent></w:sdt>',
    );
    const custom = (parts.get('docProps/custom.xml') as Buffer).toString('utf8');
    expect(custom).toContain(
      'name="jigyo-hokoku figures 001"><vt:lpwstr>{&quot;v&quot;:1,&quot;kind&quot;:&quot;jigyo&quot;',
    );
  });

  it('cuts the record into properties of at most 240 characters, never inside a surrogate pair', () => {
    const text = `${'a'.repeat(239)}😀${'b'.repeat(240)}c`;
    const properties = figureRecordProperties(text);
    expect(properties.map((p) => [p.name, p.value.length])).toEqual([
      ['jigyo-hokoku figures 001', 239],
      ['jigyo-hokoku figures 002', 240],
      ['jigyo-hokoku figures 003', 3],
    ]);
    expect(properties.map((p) => p.value).join('')).toBe(text);
  });
});
