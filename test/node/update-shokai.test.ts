// Tests for `--update` on the 職業紹介事業報告書 (issue 14) and on figures staff moved into a header or footer or
// emptied in Word (w:showingPlcHdr): the sample workbook gains a late placement, the update writes the figures worked
// out by hand, lists them, and keeps every edit byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cutFigure,
  editPackage,
  headerXml,
  linkHeader,
  partText,
  referenceHeader,
  setFigure,
} from '../helpers/docx-edit';
import { listFiles, outputDir, readSampleTabs, runCli, type Tabs, unzip, writeCsvFolder } from './support';

const MADE = '職業紹介事業報告書_2022年度.docx';
const UPDATED = '職業紹介事業報告書_2022年度_更新.docx';

/**
 * The sample plus one late 職業紹介 placement, 国内: 求職申込日 2022-06-05, placed 2022-09-01 期間の定めなし 無期,
 * 手数料 250,000, still employed. By hand, from the sample's figures (test/unit/report-shokai.test.ts, golden):
 * 新規求職申込件数 84 → 85; 常用就職件数 7 → 8; 無期雇用就職件数 5 → 6; 手数料収入 1,490,000 → 1,740,000;
 * 年度就職者数 7 → 8; 無期雇用就職者数 5 → 6. 有効求職者数 stays 42 (placed, and no 求職有効期限), 6か月以内離職者数
 * and 離職不明者数 stay 1 (no 離職日), every 国外 figure stays 0: 6 changed, 24 unchanged.
 */
function withLatePlacement(): Tabs {
  const tabs = readSampleTabs();
  const header = tabs.候補者[0];
  const row = header.map(() => '');
  const set = (column: string, value: string) => {
    const index = header.indexOf(column);
    if (index < 0) throw new Error(`no column ${column}`);
    row[index] = value;
  };
  set('候補者ID', 'C9001');
  set('氏名', '機密氏名SENTINEL');
  set('属性', '人道配慮');
  set('国籍', '機密国籍SENTINEL');
  set('初回接点日', '2022-06-01');
  set('登録日', '2022-06-01');
  set('就職日', '2022-09-01');
  set('就職先企業ID', 'K002');
  set('就職経路', '職業紹介');
  set('雇用形態', '正社員');
  set('無期雇用', 'はい');
  set('同意取得日', '2022-06-01');
  set('備考', '機密備考SENTINEL');
  set('求職申込日', '2022-06-05');
  set('雇用期間', '期間の定めなし');
  set('手数料', '250000');
  tabs.候補者.push(row);
  return tabs;
}

/** The sample's one warning (a refund row), printed before the summary. */
const WARNING = '費用!E44: [警告] 「金額」の「-8800」がマイナスです。返金であればこのままで構いません';

const CHANGED = [
  '変更 表「新規求職申込件数」の数: 84 → 85',
  '変更 表「常用就職件数」の数: 7 → 8',
  '変更 表「無期雇用就職件数」の数: 5 → 6',
  '変更 表「手数料収入」の数: 1,490,000 → 1,740,000',
  '変更 表「年度就職者数」の人数: 7 → 8',
  '変更 表「無期雇用就職者数」の人数: 5 → 6',
];

/** The six figures the late placement changes, as the update writes them. */
const NEW_TEXT: readonly (readonly [string, string])[] = [
  ['m:新規求職申込件数', '85'],
  ['m:常用就職件数', '8'],
  ['m:無期雇用就職件数', '6'],
  ['m:手数料収入', '1,740,000'],
  ['site:年度就職者数', '8'],
  ['site:無期雇用就職者数', '6'],
];

function expectedXml(xml: string, except: readonly string[] = []): string {
  let out = xml;
  for (const [tag, text] of NEW_TEXT) if (!except.includes(tag)) out = setFigure(out, tag, text);
  return out;
}

/** A folder with the sample workbook (before) and its 職業紹介事業報告書, made by the CLI. */
async function madeShokai(name: string): Promise<{ cwd: string; made: Buffer }> {
  const cwd = outputDir(name);
  writeCsvFolder(join(cwd, 'book'), readSampleTabs());
  const run = await runCli(['report', 'book', '--report', 'shokai', '--format', 'docx'], cwd);
  expect(run.code).toBe(0);
  return { cwd, made: readFileSync(join(cwd, 'out', MADE)) };
}

/** Every part of `after` but `except` is byte for byte the part of `before`, and no part is added or lost. */
function expectOtherPartsKept(before: Buffer, after: Buffer, except: readonly string[]): void {
  const old = unzip(before);
  const now = unzip(after);
  expect([...now.keys()]).toEqual([...old.keys()]);
  for (const [name, bytes] of old)
    if (!except.includes(name)) expect([name, (now.get(name) as Buffer).equals(bytes)]).toEqual([name, true]);
}

function replaceOnce(xml: string, from: string, to: string): string {
  expect(xml.split(from)).toHaveLength(2);
  return xml.replace(from, to);
}

describe('--update on a 職業紹介事業報告書', () => {
  it('updates without --report (the record names the kind), keeps the staff’s edits, and lists the six figures', async () => {
    const { cwd, made } = await madeShokai('update-shokai');
    const madeXml = partText(made, 'word/document.xml');
    // Staff: a paragraph under the title, and the 手数料収入 figure made bold.
    let edited = replaceOnce(
      madeXml,
      '2022年度 職業紹介事業報告書</w:t></w:r></w:p>',
      '2022年度 職業紹介事業報告書</w:t></w:r></w:p><w:p><w:r><w:t>責任者が書き足した段落。</w:t></w:r></w:p>',
    );
    edited = replaceOnce(
      edited,
      '<w:tag w:val="m:手数料収入"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:sz w:val="18"/>',
      '<w:tag w:val="m:手数料収入"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:b/><w:sz w:val="18"/>',
    );
    const editedDocx = editPackage(made, (name) => (name === 'word/document.xml' ? edited : undefined));
    writeFileSync(join(cwd, '手直し版.docx'), editedDocx);
    writeCsvFolder(join(cwd, 'book'), withLatePlacement());

    const run = await runCli(['report', 'book', '--update', '手直し版.docx'], cwd);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      WARNING,
      '数字の更新: 変わった数字 6 件、変わらない数字 24 件',
      ...CHANGED,
      join('out', UPDATED),
      '',
    ]);
    expect(listFiles(join(cwd, 'out'))).toEqual([MADE, UPDATED]);
    const updated = readFileSync(join(cwd, 'out', UPDATED));
    expectOtherPartsKept(editedDocx, updated, ['word/document.xml']);
    const xml = partText(updated, 'word/document.xml');
    expect(xml).toBe(expectedXml(edited));
    // The added paragraph and the bold figure, with its new text.
    expect(xml).toContain('<w:p><w:r><w:t>責任者が書き足した段落。</w:t></w:r></w:p>');
    expect(xml).toContain(
      '<w:r><w:rPr><w:b/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:t xml:space="preserve">1,740,000</w:t></w:r>',
    );
    for (const [name, bytes] of unzip(updated))
      expect([name, /SENTINEL|機密|C9001/.test(bytes.toString('utf8'))]).toEqual([name, false]);
    expect(run.stdout + run.stderr).not.toMatch(/SENTINEL|機密|C9001/);
  });

  it('takes --report shokai when the record agrees, and refuses --report jigyo (exit 2, nothing written)', async () => {
    const { cwd } = await madeShokai('update-shokai-kind');
    writeCsvFolder(join(cwd, 'book'), withLatePlacement());
    const wrong = await runCli(['report', 'book', '--update', join('out', MADE), '--report', 'jigyo'], cwd);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toBe(
      `読み込み中: ${join('out', MADE)}\nエラー: ${join('out', MADE)} は職業紹介事業報告書です（作成時の記録による）が、--report jigyo は事業報告書を指します。--report を外すか、事業報告書の .docx を指定してください\n（npm run report -- --help で使い方を表示します）\n`,
    );
    expect(listFiles(join(cwd, 'out'))).toEqual([MADE]);
    const right = await runCli(['report', 'book', '--update', join('out', MADE), '--report', 'shokai'], cwd);
    expect(right.code).toBe(0);
    expect(right.stdout.split('\n').slice(0, 8)).toEqual([
      WARNING,
      '数字の更新: 変わった数字 6 件、変わらない数字 24 件',
      ...CHANGED,
    ]);
    expect(listFiles(join(cwd, 'out'))).toEqual([MADE, UPDATED]);
  });

  it('without the record (another program dropped it), knows the kind from its site: figures and still updates', async () => {
    const { cwd, made } = await madeShokai('update-shokai-no-record');
    const stripped = editPackage(made, (name, text) =>
      name === 'docProps/custom.xml' ? text.replace(/jigyo-hokoku figures/g, 'other property') : undefined,
    );
    writeFileSync(join(cwd, '記録なし.docx'), stripped);
    writeCsvFolder(join(cwd, 'book'), withLatePlacement());
    const run = await runCli(['report', 'book', '--update', '記録なし.docx'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      WARNING,
      '数字の更新: 変わった数字 6 件、変わらない数字 24 件',
      '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できません（表の行は決まっているので、表の数字も更新します）',
      ...CHANGED,
      join('out', UPDATED),
      '',
    ]);
    expect(partText(readFileSync(join(cwd, 'out', UPDATED)), 'word/document.xml')).toBe(
      expectedXml(partText(made, 'word/document.xml')),
    );
  });
});

describe('--update on figures moved into a header and a footer', () => {
  it('updates them there, and keeps the rest of those parts byte for byte', async () => {
    const { cwd, made } = await madeShokai('update-header');
    // An editor moves 手数料収入 into a new header and 年度就職者数 into the existing footer (beside the page number).
    const fee = cutFigure(partText(made, 'word/document.xml'), 'm:手数料収入');
    const placed = cutFigure(fee.xml, 'site:年度就職者数');
    const document = referenceHeader(placed.xml);
    const header = headerXml('手数料収入 ', fee.control, ' 円（2022年度）');
    const footer = replaceOnce(
      partText(made, 'word/footer1.xml'),
      '</w:p></w:ftr>',
      `<w:r><w:t xml:space="preserve">　就職 </w:t></w:r>${placed.control}</w:p></w:ftr>`,
    );
    const edited = editPackage(
      made,
      (name, text) =>
        name === 'word/document.xml' ? document : name === 'word/footer1.xml' ? footer : linkHeader(name, text),
      [['word/header1.xml', header]],
    );
    writeFileSync(join(cwd, 'ヘッダー.docx'), edited);
    writeCsvFolder(join(cwd, 'book'), withLatePlacement());

    const run = await runCli(['report', 'book', '--update', 'ヘッダー.docx'], cwd);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      WARNING,
      '数字の更新: 変わった数字 6 件、変わらない数字 24 件',
      '変更 表「新規求職申込件数」の数: 84 → 85',
      '変更 表「常用就職件数」の数: 7 → 8',
      '変更 表「無期雇用就職件数」の数: 5 → 6',
      '変更 表「無期雇用就職者数」の人数: 5 → 6',
      // The headers and footers come after the body: their figures are listed last.
      '変更 表「年度就職者数」の人数: 7 → 8',
      '変更 表「手数料収入」の数: 1,490,000 → 1,740,000',
      join('out', UPDATED),
      '',
    ]);
    const updated = readFileSync(join(cwd, 'out', UPDATED));
    expectOtherPartsKept(edited, updated, ['word/document.xml', 'word/header1.xml', 'word/footer1.xml']);
    expect(partText(updated, 'word/header1.xml')).toBe(setFigure(header, 'm:手数料収入', '1,740,000'));
    expect(partText(updated, 'word/footer1.xml')).toBe(setFigure(footer, 'site:年度就職者数', '8'));
    expect(partText(updated, 'word/header1.xml')).toContain(
      '<w:t xml:space="preserve">手数料収入 </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="m:手数料収入"/>',
    );
    expect(partText(updated, 'word/document.xml')).toBe(expectedXml(document, ['m:手数料収入', 'site:年度就職者数']));
  });
});

describe('--update on a figure emptied in Word (w:showingPlcHdr)', () => {
  const PLACEHOLDER_RUN =
    '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>ここをクリックまたはタップしてテキストを入力してください。</w:t></w:r>';

  /** The control of `tag` as Word leaves it when its text is deleted: the flag, and its placeholder text shown. */
  function emptyInWord(xml: string, tag: string, flag: string): string {
    const { control } = cutFigure(xml, tag);
    const emptied = control
      .replace('<w:text/></w:sdtPr>', `${flag}<w:text/></w:sdtPr>`)
      .replace(/<w:sdtContent>.*<\/w:sdtContent>/, `<w:sdtContent>${PLACEHOLDER_RUN}</w:sdtContent>`);
    return replaceOnce(xml, control, emptied);
  }

  it('lists it as deleted and writes nothing into the placeholder; the other figures update', async () => {
    const { cwd, made } = await madeShokai('update-placeholder');
    const edited = emptyInWord(partText(made, 'word/document.xml'), 'm:常用就職件数', '<w:showingPlcHdr/>');
    writeFileSync(
      join(cwd, '空欄.docx'),
      editPackage(made, (name) => (name === 'word/document.xml' ? edited : undefined)),
    );
    writeCsvFolder(join(cwd, 'book'), withLatePlacement());
    const run = await runCli(['report', 'book', '--update', '空欄.docx'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      WARNING,
      '数字の更新: 変わった数字 5 件、変わらない数字 24 件',
      '変更 表「新規求職申込件数」の数: 84 → 85',
      '変更 表「無期雇用就職件数」の数: 5 → 6',
      '変更 表「手数料収入」の数: 1,490,000 → 1,740,000',
      '変更 表「年度就職者数」の人数: 7 → 8',
      '変更 表「無期雇用就職者数」の人数: 5 → 6',
      '削除されていた数字（戻していません） 表「常用就職件数」の数: 作成時 7、今は 8',
      join('out', UPDATED),
      '',
    ]);
    const xml = partText(readFileSync(join(cwd, 'out', UPDATED)), 'word/document.xml');
    expect(xml).toBe(expectedXml(edited, ['m:常用就職件数']));
    expect(xml).toContain(
      `<w:tag w:val="m:常用就職件数"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>${PLACEHOLDER_RUN}</w:sdtContent>`,
    );
  });

  it('treats w:showingPlcHdr w:val="false" as off: the control is an ordinary figure and is written', async () => {
    const { cwd, made } = await madeShokai('update-placeholder-off');
    const edited = emptyInWord(
      partText(made, 'word/document.xml'),
      'm:常用就職件数',
      '<w:showingPlcHdr w:val="false"/>',
    );
    writeFileSync(
      join(cwd, '空欄.docx'),
      editPackage(made, (name) => (name === 'word/document.xml' ? edited : undefined)),
    );
    writeCsvFolder(join(cwd, 'book'), withLatePlacement());
    const run = await runCli(['report', 'book', '--update', '空欄.docx'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[3]).toBe(
      '変更 表「常用就職件数」の数: ここをクリックまたはタップしてテキストを入力してください。 → 8',
    );
    expect(partText(readFileSync(join(cwd, 'out', UPDATED)), 'word/document.xml')).toBe(expectedXml(edited));
  });
});
