// Tests of issue 12 on the command line: a food bank's CSV folder (設定, 事業, 費用, 本文 only) gets its report, 会議
// adds section ３ to the .html and the .docx, a template needing a missing tab stops the run, and the .xlsx template has 会議.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FOOD_BANK_ROW, foodBankTabs } from '../fixtures/food-bank';
import { listFiles, outputDir, runCli, type Tabs, unzip, writeCsvFolder } from './support';

/** The fixture as CSV text cells. */
function foodBankCsv(extra: Record<string, unknown[][]> = {}): Tabs {
  const tabs = { ...foodBankTabs(), ...extra };
  return Object.fromEntries(
    Object.entries(tabs).map(([name, rows]) => [name, rows.map((row) => row.map((cell) => String(cell)))]),
  );
}

const MEETINGS = [
  ['開催日', '種別', '出席者数', '議題', '結果'],
  ['2022/6/25', '社員総会', '18', '2021年度事業報告及び活動決算の承認', '原案どおり承認'],
  ['2022/4/20', '理事会', '6', '社員総会に付議する議案の決定', '承認'],
  ['2022/3/31', '理事会', '6', '前年度の理事会', '承認'], // the day before FY2022
];

describe('report on a food bank without 候補者, 企業 and イベント', () => {
  it('exits 0 without a warning and writes the report with its own figures', async () => {
    const cwd = outputDir('food-bank');
    writeCsvFolder(join(cwd, 'book'), foodBankCsv());
    const run = await runCli(['report', 'book', '--format', 'docx,html'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.includes('!'))).toEqual([]);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx', '事業報告書_2022年度.html']);
    const html = readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8');
    expect(html).toContain('年間を通じて食品を配付しました。事業費は450,500円でした。');
    for (const cell of FOOD_BANK_ROW) expect(html).toContain(`>${cell}</td>`);
    expect(html).not.toContain('社員総会');
  });

  it('adds ３．社員総会等の開催状況 from 会議, the year’s meetings only, in the .html and the .docx', async () => {
    const cwd = outputDir('food-bank-meetings');
    writeCsvFolder(join(cwd, 'book'), foodBankCsv({ 会議: MEETINGS }));
    const run = await runCli(['report', 'book', '--format', 'docx,html'], cwd);
    expect(run.code).toBe(0);
    const html = readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8');
    const section = html.slice(html.indexOf('３．社員総会等の開催状況'));
    const cells = [...section.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((match) => match[1]);
    expect(cells).toEqual([
      ...['開催日', '種別', '出席者数', '議題', '結果'],
      ...['2022年4月20日', '理事会', '6人', '社員総会に付議する議案の決定', '承認'],
      ...['2022年6月25日', '社員総会', '18人', '2021年度事業報告及び活動決算の承認', '原案どおり承認'],
    ]);
    const documentXml = unzip(readFileSync(join(cwd, 'out', '事業報告書_2022年度.docx'))).get('word/document.xml');
    const text = String(documentXml);
    expect(text).toContain('３．社員総会等の開催状況');
    expect(text.indexOf('2022年4月20日')).toBeLessThan(text.indexOf('2022年6月25日'));
    expect(text).not.toContain('前年度の理事会');
  });

  it('exits 1 when a template needs the missing 候補者 tab, with the line at the template’s cell', async () => {
    const cwd = outputDir('food-bank-template');
    const tabs = foodBankCsv();
    tabs.本文.push(['見出し2', '{{就職者数}}名が就職しました']);
    writeCsvFolder(join(cwd, 'book'), tabs);
    const run = await runCli(['report', 'book'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      '本文!B3: 「本文」の指標「就職者数」には「候補者」タブが必要です。タブを作って行を入力するか（メニューの「シートを準備」で作成できます）、この差し込みを消してください',
    ]);
    expect(listFiles(join(cwd, 'out'))).toEqual([]);
  });

  it('lists a bad 会議 row at its cell', async () => {
    const cwd = outputDir('food-bank-bad-meeting');
    writeCsvFolder(join(cwd, 'book'), foodBankCsv({ 会議: [MEETINGS[0], ['2022/6/25', '総会', '-1', '', '']] }));
    const run = await runCli(['validate', 'book'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      '会議!B2: 「種別」の「総会」は選択肢にありません（社員総会 / 理事会 / その他 のいずれか）',
      '会議!C2: 「出席者数」の「-1」はマイナスです。0以上の整数を入力してください',
    ]);
  });
});

describe('the .xlsx template', () => {
  it('has a 会議 tab with a date rule, a closed list of kinds and a whole-number rule', async () => {
    const cwd = outputDir('template-meetings');
    expect((await runCli(['template', 'ブック.xlsx'], cwd)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(cwd, 'ブック.xlsx'));
    const sheet = book.getWorksheet('会議') as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['開催日', '種別', '出席者数', '議題', '結果']);
    expect(sheet.getCell('A2').dataValidation).toMatchObject({ type: 'date', operator: 'between' });
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"社員総会,理事会,その他"'] });
    expect(sheet.getCell('C2').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
  });
});
