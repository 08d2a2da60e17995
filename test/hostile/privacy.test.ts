// This file defines the hostile privacy cases of the local runner: crafted .xlsx and CSV workbooks that try to carry a
// refugee's name, or a count small enough to identify one, into the report or the messages, run through the CLI's main.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cloneTabs,
  columnIndex,
  listFiles,
  outputDir,
  readSampleTabs,
  runCli,
  type Tabs,
  unzip,
  writeCsvFolder,
  writeFilledTemplate,
} from '../node/support';

const SENTINEL = 'SENTINEL_山田太郎';
const REFUND = '費用!E44: [警告] 「金額」の「-8800」がマイナスです。返金であればこのままで構いません';
const NOT_NUMBER =
  'のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）';

/** The sample with the planted name in 候補者!B2 and one 本文 paragraph. */
function plantedTabs(body: string): Tabs {
  const tabs = cloneTabs(readSampleTabs());
  tabs.候補者[1][columnIndex(tabs, '候補者', '氏名')] = SENTINEL;
  tabs.本文 = [tabs.本文[0], ['寄付', '', '1', body, '']];
  return tabs;
}

/** Runs report into cwd/out and returns the run, the lines it printed to stdout and the files it wrote. */
async function report(cwd: string, workbook: string) {
  const run = await runCli(['report', workbook, '--out', 'out', '--format', 'docx,html'], cwd);
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  return { run, lines, files: listFiles(join(cwd, 'out')) };
}

describe('hostile privacy: a name through {{=…}} in an .xlsx (issue 10 point 1)', () => {
  it.each([
    ['=候補者!B2', '候補者!B2'],
    ["=INDEX('候補者'!B:B,2)", "INDEX('候補者'!B:B,2)"],
  ])('a helper tab %s under {{=集計!A1}} is exit 1 with the exact message, nothing written', async (_, formula) => {
    const cwd = outputDir('hostile-privacy-helper');
    await writeFilledTemplate(plantedTabs('寄付者 {{=集計!A1}} 名'), join(cwd, 'book.xlsx'), (book) => {
      book.addWorksheet('集計').getCell('A1').value = { formula, result: SENTINEL };
    });
    const { run, lines, files } = await report(cwd, 'book.xlsx');
    expect(run.code).toBe(1);
    expect(lines).toEqual([REFUND, `本文!D2: 「本文」の参照「集計!A1」${NOT_NUMBER}`]);
    expect(files).toEqual([]);
    const json = await runCli(['validate', 'book.xlsx', '--json'], cwd);
    expect(json.code).toBe(1);
    expect(`${run.stdout}${run.stderr}${json.stdout}${json.stderr}`).not.toContain('SENTINEL');
  });

  it('a copy of 候補者 under another tab name (名簿) carries no name: its cells are text', async () => {
    const cwd = outputDir('hostile-privacy-copy');
    const tabs = plantedTabs('{{=名簿!B2}}さん');
    tabs.名簿 = tabs.候補者.map((row) => [...row]);
    await writeFilledTemplate(tabs, join(cwd, 'book.xlsx'));
    const { run, lines, files } = await report(cwd, 'book.xlsx');
    expect(run.code).toBe(1);
    expect(lines).toEqual([REFUND, `本文!D2: 「本文」の参照「名簿!B2」${NOT_NUMBER}`]);
    expect(files).toEqual([]);
    expect(`${run.stdout}${run.stderr}`).not.toContain('SENTINEL');
  });

  it('the same through a CSV folder: a 名簿.csv copy is refused the same way', async () => {
    const cwd = outputDir('hostile-privacy-csv-copy');
    const tabs = plantedTabs('{{=名簿!B2}}さん');
    tabs.名簿 = tabs.候補者.map((row) => [...row]);
    writeCsvFolder(join(cwd, 'wb'), tabs);
    const { run, lines, files } = await report(cwd, 'wb');
    expect(run.code).toBe(1);
    expect(lines).toEqual([REFUND, `本文!D2: 「本文」の参照「名簿!B2」${NOT_NUMBER}`]);
    expect(files).toEqual([]);
  });

  // The .xlsx door of the formula wall: a number made from a name (its length) passes the numbers-only rule, and
  // only the formula check stops it, directly or through a chain of cells on other sheets.
  it.each([
    ['directly', { 集計: 'LEN(候補者!B2)' }],
    ['through 集計2', { 集計: '集計2!A1*1', 集計2: 'LEN(候補者!B2)' }],
    ['by text (INDIRECT)', { 集計: 'LEN(INDIRECT("候"&"補者!B2"))' }],
  ])('a number made from a name %s is refused by the formula wall', async (_, formulas) => {
    const cwd = outputDir('hostile-privacy-len');
    await writeFilledTemplate(plantedTabs('{{=集計!A1}}'), join(cwd, 'book.xlsx'), (book) => {
      for (const [sheet, formula] of Object.entries(formulas)) {
        book.addWorksheet(sheet).getCell('A1').value = { formula, result: 16 };
      }
    });
    const { run, lines, files } = await report(cwd, 'book.xlsx');
    expect(run.code).toBe(1);
    expect(lines).toEqual([
      REFUND,
      '本文!D2: 「本文」の参照「集計!A1」は使えません。そのセルの数式が候補者タブや個人情報の列を読んでいるか、たどれない参照（INDIRECT など）を使っています。人数は {{在留資格変更数}} のような指標で差し込んでください',
    ]);
    expect(files).toEqual([]);
  });
});

describe('hostile privacy: differencing a 属性 breakdown (issue 10 point 2)', () => {
  it('全体 − 人道配慮以外 cannot give 人道配慮: both 属性 figures are hidden in the .html and the .docx', async () => {
    const cwd = outputDir('hostile-privacy-differencing');
    const others = '難民申請中,難民認定,補完的保護,避難民,その他';
    // The sample's FY2022 在留資格変更: 2 people, both 人道配慮. Before: 「全体 2 / 人道配慮以外 0 / 人道配慮 3名未満」.
    const tabs = plantedTabs(
      `在留資格変更 全体 {{在留資格変更数}} / 人道配慮以外 {{在留資格変更数|属性=${others}}} / 人道配慮 {{在留資格変更数|属性=人道配慮}}`,
    );
    writeCsvFolder(join(cwd, 'wb'), tabs);
    const { run, files } = await report(cwd, 'wb');
    expect(run.code).toBe(0);
    expect(files).toEqual(['事業報告書_2022年度.docx', '事業報告書_2022年度.html']);
    const html = readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8');
    expect(html).toContain('在留資格変更 全体 2 / 人道配慮以外 （秘匿） / 人道配慮 （秘匿）');
    const docx = unzip(readFileSync(join(cwd, 'out', '事業報告書_2022年度.docx')));
    const text = (docx.get('word/document.xml')?.toString('utf8') ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('在留資格変更 全体 2 / 人道配慮以外 （秘匿） / 人道配慮 （秘匿）');
    expect(text).not.toContain('人道配慮以外 0');
    expect(`${html}${text}`).not.toContain('SENTINEL');
  });
});

describe('hostile privacy: messages about a 候補者 row (issue 10 point 3)', () => {
  it('validate --json shows the cell and what is expected, never the value, for any column of the row', async () => {
    const cwd = outputDir('hostile-privacy-messages');
    const tabs = plantedTabs('本文');
    tabs.候補者[2][columnIndex(tabs, '候補者', '属性')] = `${SENTINEL}属性`;
    tabs.候補者[3][columnIndex(tabs, '候補者', '就職先企業ID')] = `${SENTINEL}企業`;
    writeCsvFolder(join(cwd, 'wb'), tabs);
    const run = await runCli(['validate', 'wb', '--json'], cwd);
    expect(run.code).toBe(1);
    const issues = (
      JSON.parse(run.stdout) as { issues: { tab: string; cell: string; value: string; message: string }[] }
    ).issues;
    expect(issues.filter((i) => i.tab === '候補者').map((i) => [i.cell, i.value, i.message])).toEqual([
      [
        'C3',
        '＊＊＊',
        '「属性」が選択肢にありません（難民申請中 / 難民認定 / 補完的保護 / 人道配慮 / 避難民 / その他 のいずれか）',
      ],
      ['J4', '＊＊＊', '「就職先企業ID」のIDが「企業」タブにありません'],
    ]);
    expect(`${run.stdout}${run.stderr}`).not.toContain('SENTINEL');
    const text = await runCli(['validate', 'wb'], cwd);
    expect(text.stdout).toContain(
      '候補者!C3: 「属性」が選択肢にありません（難民申請中 / 難民認定 / 補完的保護 / 人道配慮 / 避難民 / その他 のいずれか）',
    );
    expect(`${text.stdout}${text.stderr}`).not.toContain('SENTINEL');
  });
});
