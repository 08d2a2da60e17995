// Tests for the command line: report / validate / template, exit codes 0/1/2, messages, and files never overwritten.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnHelp } from '../../src/core/input-rules';
import { makeReport } from '../../src/core/pipeline';
import { SETTINGS, TABS, type TabDef } from '../../src/core/schema';
import { readWorkbookFile } from '../../src/node/read-workbook-file';
import { TEMPLATE_LAST_ROW } from '../../src/node/write-template';
import { SHOKAI_FIGURES, shokaiTextTabs } from '../fixtures/shokai-workbook';
import {
  cloneTabs,
  columnIndex,
  listFiles,
  outputDir,
  plantSentinels,
  REPO,
  readSampleTabs,
  runCli,
  SAMPLE_DIR,
  unzip,
  writeCsvFolder,
  writeFilledTemplate,
} from './support';

const sample = readSampleTabs();
const ISSUE_LINE = /^[^!\s]+![A-Z]+\d+: \S/;

function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('エラー'));
}

/** The sample with two unreadable cells: 費用 金額 of the first row and イベント 開始日 of the first row. */
function sampleWithErrors() {
  const tabs = cloneTabs(sample);
  tabs.費用[1][columnIndex(tabs, '費用', '金額')] = '五千円くらい';
  tabs.イベント[1][columnIndex(tabs, 'イベント', '開始日')] = '2022/13/45';
  return tabs;
}

const sampleHash = hashFolder(SAMPLE_DIR);
afterAll(() => {
  // Nothing the CLI did may have touched the input workbook.
  expect(hashFolder(SAMPLE_DIR)).toBe(sampleHash);
});

describe('report', () => {
  it('with no arguments makes the sample report in out/ (.docx and .html; PDF skipped with a clear message)', async () => {
    const cwd = outputDir('cli-default');
    const run = await runCli(['report'], cwd);
    expect(run.code).toBe(0);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx', '事業報告書_2022年度.html']);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('out'))).toEqual([
      join('out', '事業報告書_2022年度.docx'),
      join('out', '事業報告書_2022年度.html'),
    ]);
    // Warnings are printed, one per line, and do not stop the report.
    for (const line of run.stdout.split('\n').filter((l) => l.includes('!'))) expect(line).toMatch(ISSUE_LINE);
    expect(run.stderr).toContain('読み込み中: ');
    expect(run.stderr).toContain('LibreOffice（soffice）が見つかりません');
    expect(run.stderr).toContain('完了: 2022年度 事業報告書');
    const html = readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8');
    expect(html).toContain('（１）特定非営利活動に係る事業（事業費の総費用【 22,393 】千円）');
    for (const figure of ['6,408', '9,966', '5,218', '800', '7名', '延べ282名', '計71回']) {
      expect(html).toContain(figure);
    }
  });

  it('never writes over an existing report: the next run gets " (2)", then " (3)"', async () => {
    const cwd = outputDir('cli-existing');
    const out = join(cwd, 'out');
    mkdirSync(out);
    writeFileSync(join(out, '事業報告書_2022年度.docx'), 'keep me');
    const first = await runCli(['report', '--format', 'docx,html'], cwd);
    expect(first.code).toBe(0);
    expect(readFileSync(join(out, '事業報告書_2022年度.docx'), 'utf8')).toBe('keep me');
    // The .html name is free, but one run's files share one name.
    expect(listFiles(out)).toEqual([
      '事業報告書_2022年度 (2).docx',
      '事業報告書_2022年度 (2).html',
      '事業報告書_2022年度.docx',
    ]);
    const second = await runCli(['report', '--format', 'html'], cwd);
    expect(second.code).toBe(0);
    expect(listFiles(out)).toContain('事業報告書_2022年度 (3).html');
    expect(readFileSync(join(out, '事業報告書_2022年度.docx'), 'utf8')).toBe('keep me');
  });

  it('exits 2 with one line for a missing file', async () => {
    const cwd = outputDir('cli-missing');
    const run = await runCli(['report', 'ない.xlsx'], cwd);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([
      'エラー: ない.xlsx が見つかりません。ファイル名かフォルダ名を確かめてください',
    ]);
    expect(run.stdout).toBe('');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('exits 2 with one line for a .txt file', async () => {
    const cwd = outputDir('cli-txt');
    writeFileSync(join(cwd, 'data.txt'), '項目,値\n');
    const run = await runCli(['report', 'data.txt'], cwd);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toHaveLength(1);
    expect(errorLines(run.stderr)[0]).toMatch(/^エラー: data\.txt は読めない種類のファイルです。\.xlsx ファイルか/);
  });

  it('exits 2 with one line for a corrupt .xlsx', async () => {
    const cwd = outputDir('cli-corrupt');
    writeFileSync(join(cwd, 'broken.xlsx'), 'not a zip at all');
    const run = await runCli(['report', 'broken.xlsx'], cwd);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toHaveLength(1);
    expect(errorLines(run.stderr)[0]).toMatch(/^エラー: broken\.xlsx を読み込めません。/);
  });

  it('exits 2 with one line naming the missing tab, and writes nothing', async () => {
    const cwd = outputDir('cli-missing-tab');
    const { 費用: _costs, ...withoutCosts } = sample;
    writeCsvFolder(join(cwd, 'book'), withoutCosts);
    const run = await runCli(['report', 'book'], cwd);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toHaveLength(1);
    expect(errorLines(run.stderr)[0]).toMatch(/^エラー: book に必要なタブがありません: 費用（あるタブ: /);
    expect(run.stdout).toBe('');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('exits 1 on validation errors: issues one per line as タブ!セル: message, nothing written', async () => {
    const cwd = outputDir('cli-invalid');
    writeCsvFolder(join(cwd, 'book'), sampleWithErrors());
    const run = await runCli(['report', 'book', '--out', 'reports'], cwd);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(ISSUE_LINE);
    expect(lines).toContain(
      'イベント!E2: 「開始日」の「2022/13/45」は日付として読めません（例: 2022/4/1、2022-04-01、令和4年4月1日、R4.4.1）',
    );
    expect(lines.some((line) => line.startsWith('費用!E2: 「金額」の「五千円くらい」は数として読めません'))).toBe(true);
    expect(run.stderr).toContain('エラーが 2 件あるため、報告書は作成しませんでした。');
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
  });

  it('asks for a PDF explicitly without LibreOffice: the other formats are written, exit 2', async () => {
    const cwd = outputDir('cli-pdf-missing');
    const run = await runCli(['report', '--format', 'docx,pdf'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PDF は作成しませんでした: LibreOffice（soffice）が見つかりません');
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
  });

  it('takes --year, --out, --lang en and --appendix', async () => {
    const cwd = outputDir('cli-options');
    const run = await runCli(
      ['report', SAMPLE_DIR, '--year', '2022', '--out', 'en', '--lang', 'en', '--appendix', '--format', 'html'],
      cwd,
    );
    expect(run.code).toBe(0);
    const html = readFileSync(join(cwd, 'en', '事業報告書_2022年度.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('FY2022 Annual Activity Report');
    expect(html).toContain('Appendix: program cost breakdown');
    const earlier = await runCli(['report', '--year', '2021', '--format', 'html'], cwd);
    expect(earlier.code).toBe(0);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2021年度.html']);
  });

  it('reads an .xlsx workbook and leaves it byte for byte unchanged', async () => {
    const cwd = outputDir('cli-xlsx');
    await writeFilledTemplate(sample, join(cwd, 'book.xlsx'));
    const before = readFileSync(join(cwd, 'book.xlsx'));
    const run = await runCli(['report', 'book.xlsx', '--format', 'docx'], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('読み込みました: 11 タブ'); // the template's tabs, 求人, 会議 and 様式 included
    expect(readFileSync(join(cwd, 'book.xlsx')).equals(before)).toBe(true);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.docx']);
  }, 20_000);

  it.each([
    [['report', '--bogus'], /「--bogus」というオプションはありません/],
    [['report', '--year', '22'], /--year には 2022 のような西暦の年度を指定してください: 22/],
    [['report', '--format', 'doc'], /--format に使えるのは docx, html, pdf です: doc/],
    [['report', '--lang', 'fr'], /--lang には ja か en を指定してください: fr/],
    [['report', 'a.xlsx', 'b.xlsx'], /ブックは1つだけ指定してください/],
    [['publish'], /「publish」というコマンドはありません/],
    [[], /使い方:/],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const cwd = outputDir('cli-usage');
    const run = await runCli(argv, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it.each([[['--help']], [['report', '--help']], [['validate', '-h']], [['template', '--help']]])(
    'prints the usage for %j and exits 0',
    async (argv) => {
      const run = await runCli(argv, outputDir('cli-help'));
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'npm run report -- [ブック] [--year 年度] [--out フォルダ] [--format docx,html,pdf]',
      );
      expect(run.stdout).toContain(
        '終了コード: 0 完了（警告は表示）、1 入力にエラー（何も書き出しません）、2 使い方かファイルの問題',
      );
    },
  );
});

describe('privacy', () => {
  it('keeps sentinel values of 氏名, 国籍, 候補者ID, 備考 and 摘要 out of the .docx, the .html and the printed issues', async () => {
    const cwd = outputDir('cli-privacy');
    const { tabs, sentinels } = plantSentinels(sample);
    expect(sentinels.length).toBeGreaterThan(400);
    writeCsvFolder(join(cwd, 'book'), tabs);
    // The planted values change no figure: the report is the sample's.
    const planted = await readWorkbookFile(join(cwd, 'book'));
    const original = await readWorkbookFile(SAMPLE_DIR);
    const plantedReport = makeReport(planted.raw, { references: planted.references });
    expect(plantedReport.ok).toBe(true);
    expect(plantedReport.ok && plantedReport.report).toEqual(
      (makeReport(original.raw, { references: original.references }) as { report: unknown }).report,
    );

    const run = await runCli(['report', 'book', '--format', 'docx,html', '--appendix'], cwd);
    expect(run.code).toBe(0);
    const docx = unzip(readFileSync(join(cwd, 'out', '事業報告書_2022年度.docx')));
    const outputs: [string, string][] = [
      ...[...docx].map(([name, bytes]): [string, string] => [`docx:${name}`, bytes.toString('utf8')]),
      ['html', readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8')],
      ['stdout', run.stdout],
      ['stderr', run.stderr],
    ];
    expect(docx.get('word/document.xml')?.toString('utf8')).toContain('6,408');
    for (const [where, text] of outputs) {
      expect({ where, found: ['SENTINEL', '機密'].filter((marker) => text.includes(marker)) }).toEqual({
        where,
        found: [],
      });
    }
  });
});

describe('report --report shokai (職業紹介事業報告書)', () => {
  it('writes 職業紹介事業報告書_{年度}年度.docx and .html with the hand-worked figures and no name, ID or 企業名', async () => {
    const cwd = outputDir('cli-shokai');
    writeCsvFolder(join(cwd, 'book'), shokaiTextTabs());
    const run = await runCli(['report', 'book', '--report', 'shokai', '--format', 'docx,html'], cwd);
    expect(run.code).toBe(0);
    expect(listFiles(join(cwd, 'out'))).toEqual([
      '職業紹介事業報告書_2022年度.docx',
      '職業紹介事業報告書_2022年度.html',
    ]);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('out'))).toEqual([
      join('out', '職業紹介事業報告書_2022年度.docx'),
      join('out', '職業紹介事業報告書_2022年度.html'),
    ]);
    expect(run.stderr).toContain('完了: 2022年度 職業紹介事業報告書');
    const html = readFileSync(join(cwd, 'out', '職業紹介事業報告書_2022年度.html'), 'utf8');
    const document = unzip(readFileSync(join(cwd, 'out', '職業紹介事業報告書_2022年度.docx')));
    const xml = document.get('word/document.xml')?.toString('utf8') ?? '';
    // One table row per figure: its label cell, then its number cell.
    for (const text of [html, xml]) {
      expect(text).toContain('2022年度 職業紹介事業報告書');
      expect(text).toContain('（2022年4月1日から2023年3月31日まで）');
      expect(text).toContain('350,000');
      expect(text).toContain('30,000');
      expect(text).toContain('人材サービス総合サイトで公開する数');
    }
    expect(html).toMatch(/新規求職申込件数<\/td><td[^>]*>10<\/td>/);
    for (const [label, value] of Object.entries(SHOKAI_FIGURES.site)) {
      expect(html).toMatch(new RegExp(`>${label}</td><td[^>]*>${value}</td>`));
    }
    const outputs = [html, run.stdout, run.stderr, ...[...document.values()].map((bytes) => bytes.toString('utf8'))];
    for (const text of outputs) expect(text).not.toContain('SENTINEL');
  });

  it('takes --report jigyo as the default 事業報告書', async () => {
    const cwd = outputDir('cli-jigyo');
    const run = await runCli(['report', '--report', 'jigyo', '--format', 'html'], cwd);
    expect(run.code).toBe(0);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.html']);
  });

  it('exits 2 for an unknown kind, naming the allowed ones, and writes nothing', async () => {
    const cwd = outputDir('cli-bad-kind');
    const run = await runCli(['report', '--report', 'shokai2'], cwd);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual(['エラー: --report に使えるのは jigyo, shokai です: shokai2']);
    expect(run.stderr).toContain('npm run report -- --help で使い方を表示します');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('exits 2 for --appendix with the 職業紹介事業報告書, which has no 事業費', async () => {
    const cwd = outputDir('cli-shokai-appendix');
    const run = await runCli(['report', '--report', 'shokai', '--appendix'], cwd);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual(['エラー: --appendix は事業報告書（--report jigyo）にだけ付けられます']);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('exits 1 on validation errors, as the 事業報告書 does, and writes nothing', async () => {
    const cwd = outputDir('cli-shokai-invalid');
    const tabs = shokaiTextTabs();
    tabs.費用.push(['2022/4/1', '職業紹介', '人件費', '五千円くらい']);
    writeCsvFolder(join(cwd, 'book'), tabs);
    const run = await runCli(['report', 'book', '--report', 'shokai'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('費用!'))).toEqual([
      '費用!D2: 「金額」の「五千円くらい」は数として読めません（例: 50000、50,000円、50千円）',
    ]);
    expect(run.stderr).toContain('エラーが 1 件あるため、報告書は作成しませんでした。');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('lists --report in the usage text', async () => {
    const run = await runCli(['report', '--help'], outputDir('cli-shokai-help'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[--appendix]\n                    [--report jigyo|shokai]');
    expect(run.stdout).toContain('shokai: 職業紹介事業報告書');
  });
});

describe('validate', () => {
  it('exits 0 for the sample, printing warnings as タブ!セル: message', async () => {
    const run = await runCli(['validate'], outputDir('cli-validate'));
    expect(run.code).toBe(0);
    for (const line of run.stdout
      .trim()
      .split('\n')
      .filter((l) => l !== ''))
      expect(line).toMatch(ISSUE_LINE);
    expect(run.stderr).toMatch(/エラー 0 件|問題は見つかりませんでした/);
  });

  it('exits 1 with the issues, and gives the same issues as JSON with --json', async () => {
    const cwd = outputDir('cli-validate-errors');
    writeCsvFolder(join(cwd, 'book'), sampleWithErrors());
    const text = await runCli(['validate', 'book'], cwd);
    expect(text.code).toBe(1);
    const json = await runCli(['validate', 'book', '--json'], cwd);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      ok: boolean;
      errors: number;
      issues: { tab: string; cell: string; code: string; severity: string; message: string }[];
    };
    expect(parsed.ok).toBe(false);
    expect(parsed.errors).toBe(2);
    expect(parsed.issues.filter((issue) => issue.severity === 'error').map((i) => [i.tab, i.cell, i.code])).toEqual([
      ['イベント', 'E2', 'invalid_date'],
      ['費用', 'E2', 'invalid_number'],
    ]);
    expect(text.stdout.trim().split('\n')).toEqual(
      parsed.issues.map((i) => `${i.tab}!${i.cell}: ${i.severity === 'error' ? '' : '[警告] '}${i.message}`),
    );
  });

  it('exits 2 for a workbook without the required tabs', async () => {
    const cwd = outputDir('cli-validate-tabs');
    writeCsvFolder(join(cwd, 'book'), { 設定: sample.設定 });
    const run = await runCli(['validate', 'book'], cwd);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)).toEqual([
      expect.stringMatching(/^エラー: book に必要なタブがありません: 事業、費用（あるタブ: 設定）/),
    ]);
  });
});

describe('template', () => {
  it('writes every tab with its header, frozen row, widths, dropdowns, date/number rules and the 設定 keys', async () => {
    const cwd = outputDir('cli-template');
    const run = await runCli(['template', '新しいブック.xlsx'], cwd);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(cwd, '新しいブック.xlsx'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(TABS.map((tab) => tab.ja));
    for (const def of TABS as readonly TabDef[]) {
      const sheet = book.getWorksheet(def.ja) as ExcelJS.Worksheet;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(def.columns.map((column) => column.ja));
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      def.columns.forEach((column, index) => {
        // exceljs leaves out a column of its default width (9) when it writes, and reads it back without one.
        const width = sheet.getColumn(index + 1).width ?? 9;
        expect(width).toBe(Math.max(6, Math.round(((column.width ?? 100) - 5) / 7)));
        expect(sheet.getRow(1).getCell(index + 1).note).toBe(columnHelp(column));
      });
    }
    // A choice column without its own help is noted with its dropdown's values (費目 is column C of 費用).
    expect((book.getWorksheet('費用') as ExcelJS.Worksheet).getCell('C1').note).toBe('人件費 / その他経費');
    const events = book.getWorksheet('イベント') as ExcelJS.Worksheet;
    const rule = (sheet: ExcelJS.Worksheet, address: string) => sheet.getCell(address).dataValidation;
    // 事業内容 offers the 事業 tab's 事業内容 column; the rules reach the last prepared row.
    expect(rule(events, 'B2')).toMatchObject({ type: 'list', formulae: [`'事業'!$A$2:$A$${TEMPLATE_LAST_ROW}`] });
    expect(rule(events, `B${TEMPLATE_LAST_ROW}`)).toMatchObject({ type: 'list' });
    expect(rule(events, 'C2')).toMatchObject({ type: 'list', prompt: expect.stringContaining('交流会') });
    expect(rule(events, 'C2').showErrorMessage).toBeFalsy(); // 種別 allows other values
    expect(rule(events, 'E2')).toMatchObject({
      type: 'date',
      operator: 'between',
      prompt: '開始日（期間のあるものは初日）',
    });
    expect(rule(events, 'I2')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    const programs = book.getWorksheet('事業') as ExcelJS.Worksheet;
    expect(rule(programs, 'C2')).toMatchObject({ type: 'list', formulae: ['"特定非営利活動,その他の事業"'] });
    const costs = book.getWorksheet('費用') as ExcelJS.Worksheet;
    expect(rule(costs, 'B2')).toMatchObject({ type: 'list', errorStyle: 'warning' }); // 管理費 is allowed too
    expect(rule(costs, 'E2')).toMatchObject({ type: 'whole' });
    const candidates = book.getWorksheet('候補者') as ExcelJS.Worksheet;
    expect(rule(candidates, 'J2')).toMatchObject({ type: 'list', formulae: [`'企業'!$A$2:$A$${TEMPLATE_LAST_ROW}`] });
    expect(rule(candidates, 'M2')).toMatchObject({ type: 'list', formulae: ['"はい,いいえ"'] });

    const settings = book.getWorksheet('設定') as ExcelJS.Worksheet;
    SETTINGS.forEach((setting, index) => {
      expect(settings.getCell(index + 2, 1).value).toBe(setting.ja);
      expect(settings.getCell(index + 2, 2).value).toBe(setting.default ?? null);
      expect(settings.getCell(index + 2, 2).dataValidation?.prompt).toBe(setting.help);
    });
    expect(rule(settings, 'B3')).toMatchObject({ type: 'whole', formulae: [1990, 2100] });

    // A blank template is a readable workbook whose only errors are the two required settings.
    const check = await runCli(['validate', '新しいブック.xlsx', '--json'], cwd);
    expect(check.code).toBe(1);
    const codes = (JSON.parse(check.stdout) as { issues: { code: string; column: string; cell: string }[] }).issues.map(
      (i) => [i.code, i.column, i.cell],
    );
    // The template lists both items with their 値 left blank: each issue points at the 値 cell to fill in.
    expect(codes).toEqual([
      ['blank_setting', '団体名', 'B2'],
      ['blank_setting', '対象年度', 'B3'],
    ]);
  });

  it('never replaces an existing file, and wants an .xlsx name', async () => {
    const cwd = outputDir('cli-template-exists');
    writeFileSync(join(cwd, 'mine.xlsx'), 'my data');
    const exists = await runCli(['template', 'mine.xlsx'], cwd);
    expect(exists.code).toBe(2);
    expect(errorLines(exists.stderr)).toEqual([
      'エラー: mine.xlsx は既にあります。上書きしないので、別の名前を指定してください',
    ]);
    expect(readFileSync(join(cwd, 'mine.xlsx'), 'utf8')).toBe('my data');
    const wrong = await runCli(['template', 'book.csv'], cwd);
    expect(wrong.code).toBe(2);
    expect(existsSync(join(cwd, 'book.csv'))).toBe(false);
    expect((await runCli(['template'], cwd)).code).toBe(2);
  });
});

describe('bin/jigyo-hokoku.js', () => {
  it('runs the CLI and passes the exit code on (test/node/bin.test.ts: how)', async () => {
    const cwd = outputDir('cli-bin');
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [join(REPO, 'bin/jigyo-hokoku.js'), ...args], { cwd }, (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        });
      });
    const ok = await run(['report', '--format', 'html']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('事業報告書_2022年度.html');
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.html']);
    const missing = await run(['validate', 'ない.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('エラー: ない.xlsx が見つかりません');
    rmSync(join(cwd, 'out'), { recursive: true });
  }, 30_000);
});
