// This file defines the hostile cases of the local runner's reading: crafted CSV folders and .xlsx files run through the CLI's main.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readPart, readZip, replacePart, writeZip } from '../../src/node/docx-package';
import { readRegularFile } from '../../src/node/read-workbook-file';
import { readXlsxValues } from '../../src/node/read-xlsx';
import {
  cloneTabs,
  encodeShiftJis,
  listFiles,
  outputDir,
  readSampleTabs,
  runCli,
  type Tabs,
  toCsv,
  writeCsvFolder,
  writeFilledTemplate,
} from '../node/support';

const sample = readSampleTabs();

/** The sample's one warning (a refund), printed by every run that reads its 費用 tab. */
const REFUND = '費用!E44: [警告] 「金額」の「-8800」がマイナスです。返金であればこのままで構いません';
const CLEAN = 'エラー 0 件、警告 1 件';

/** A fresh folder holding the sample as CSV in `wb/`; the CLI runs with this folder as its cwd. */
function sampleFolder(name: string, tabs: Tabs = sample): string {
  const cwd = outputDir(`hostile-${name}`);
  writeCsvFolder(join(cwd, 'wb'), tabs);
  return cwd;
}

/** The lines a run printed, without the progress lines every run writes to stderr. */
function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !/^(読み込み中|読み込みました|入力をチェック)/.test(line));
}

/** Report into cwd/out; asserts that nothing was written there. */
async function reportWritesNothing(cwd: string, workbook: string) {
  const run = await runCli(['report', workbook, '--out', 'out', '--format', 'docx,html'], cwd);
  expect(listFiles(join(cwd, 'out'))).toEqual([]);
  return run;
}

/** Whether mkfifo exists here (POSIX). */
function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('hostile reading: a CSV quote that never closes (issue 10 point 5)', () => {
  it('is exit 2 naming the file and the line where the quote opened, and nothing is written', async () => {
    const cwd = sampleFolder('unclosed-quote');
    const path = join(cwd, 'wb', '費用.csv');
    const text = readFileSync(path, 'utf8').split('\r\n');
    // Line 100 (row 100 of 費用, no quoted line break before it in the sample): 証憑番号 opens a quote.
    expect(text.slice(0, 99).every((line) => !line.includes('"') || /^[^"]*("[^"]*")*[^"]*$/.test(line))).toBe(true);
    text[99] = text[99].replace(/,R4-(\d+)$/, ',"R4-$1');
    expect(text[99]).toMatch(/,"R4-\d{4}$/);
    writeFileSync(path, text.join('\r\n'));
    const run = await reportWritesNothing(cwd, 'wb');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      'エラー: wb/費用.csv の 100 行目で始まる「"」が閉じられていません。この行から後ろがすべて1つのセルとして読まれてしまうため、読み込みを中止しました。「"」を閉じるか取り除いてください',
    ]);
    const validate = await runCli(['validate', 'wb', '--json'], cwd);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toBe('');
  });
});

describe('hostile reading: not a regular file (issue 10 point 7)', () => {
  it('a FIFO given as the workbook is exit 2 at once, not a hang', async () => {
    const cwd = outputDir('hostile-fifo');
    mkfifo(join(cwd, 'book.xlsx'));
    const run = await reportWritesNothing(cwd, 'book.xlsx');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'エラー: book.xlsx は普通のファイルではありません（名前付きパイプ FIFO）。.xlsx ファイルか、タブごとの CSV を入れたフォルダを指定してください',
    ]);
  }, 10_000);

  it('a FIFO named 費用.csv inside a CSV folder is exit 2, not a hang nor a missing tab', async () => {
    const cwd = outputDir('hostile-fifo-folder');
    const tabs = cloneTabs(sample);
    delete tabs.費用;
    writeCsvFolder(join(cwd, 'wb'), tabs);
    mkfifo(join(cwd, 'wb', '費用.csv'));
    const run = await reportWritesNothing(cwd, 'wb');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'エラー: wb/費用.csv は普通のファイルではありません（名前付きパイプ FIFO）。.xlsx ファイルか、タブごとの CSV を入れたフォルダを指定してください',
    ]);
  }, 10_000);

  it('a character device given as the workbook is exit 2', async () => {
    const run = await runCli(['validate', '/dev/zero'], outputDir('hostile-device'));
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'エラー: /dev/zero は普通のファイルではありません（デバイス）。.xlsx ファイルか、タブごとの CSV を入れたフォルダを指定してください',
    ]);
  });

  it('a folder named 費用.csv inside the workbook folder is exit 2', async () => {
    const cwd = outputDir('hostile-dir-csv');
    const tabs = cloneTabs(sample);
    delete tabs.費用;
    writeCsvFolder(join(cwd, 'wb'), tabs);
    mkdirSync(join(cwd, 'wb', '費用.csv'));
    const run = await runCli(['validate', 'wb'], cwd);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'エラー: wb/費用.csv は普通のファイルではありません（フォルダ）。.xlsx ファイルか、タブごとの CSV を入れたフォルダを指定してください',
    ]);
  });
});

describe('hostile reading: every read is bounded (issue 10 point 7)', () => {
  it('an .xlsx over 100 MB is refused before it is read (a sparse file: no 100 MB is written)', async () => {
    const cwd = outputDir('hostile-huge');
    writeFileSync(join(cwd, 'huge.xlsx'), '');
    truncateSync(join(cwd, 'huge.xlsx'), 100 * 1024 * 1024 + 1);
    const run = await reportWritesNothing(cwd, 'huge.xlsx');
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'エラー: huge.xlsx は大きすぎるため読み込みません（上限 100 MB）。フォルダの場合は CSV ファイルの合計の大きさです',
    ]);
  });

  it('CSV files adding up to more than 100 MB are refused, naming the folder', async () => {
    const cwd = sampleFolder('huge-folder');
    writeFileSync(join(cwd, 'wb', '生成履歴.csv'), '');
    truncateSync(join(cwd, 'wb', '生成履歴.csv'), 100 * 1024 * 1024 - 1000);
    const run = await runCli(['validate', 'wb'], cwd);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'エラー: wb は大きすぎるため読み込みません（上限 100 MB）。フォルダの場合は CSV ファイルの合計の大きさです',
    ]);
  });

  it('an .xlsx whose zip declares more than 400 MB once inflated (a zip bomb) is refused before exceljs', async () => {
    const cwd = outputDir('hostile-bomb');
    writeFileSync(join(cwd, 'bomb.xlsx'), zipDeclaring([300 * 1024 * 1024, 200 * 1024 * 1024]));
    const run = await runCli(['validate', 'bomb.xlsx'], cwd);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'エラー: bomb.xlsx は大きすぎるため読み込みません（展開後 上限 400 MB）。フォルダの場合は CSV ファイルの合計の大きさです',
    ]);
  });
});

describe('hostile reading: a file longer than its stat says (issue 10 point 7)', () => {
  // /proc files report size 0 and hold text: the read past what fstat said goes on in 64 KB pieces and stays bounded.
  const onLinux = process.platform === 'linux' ? it : it.skip;

  onLinux('is read whole when under the limit', async () => {
    const status = await readRegularFile('/proc/self/status', 1024 * 1024);
    expect(statSync('/proc/self/status').size).toBe(0);
    expect(status.toString('utf8').split('\n')[0]).toMatch(/^Name:\t/);
    expect(status.toString('utf8')).toContain('\nPid:\t');
  });

  onLinux('is read whole when it takes more than one 64 KB piece', async () => {
    const smaps = (await readRegularFile('/proc/self/smaps', 64 * 1024 * 1024)).toString('utf8');
    expect(smaps.length).toBeGreaterThan(64 * 1024 + 1);
    expect(smaps.endsWith('\n')).toBe(true);
    expect(smaps.trimEnd().split('\n').at(-1)).toMatch(/^VmFlags:/);
  });

  onLinux('is refused once past the limit, whatever fstat said', async () => {
    await expect(readRegularFile('/proc/self/status', 10)).rejects.toMatchObject({ code: 'too_large' });
  });

  it('a regular file is read byte for byte, a byte short of the limit, at the limit and one past it', async () => {
    const cwd = outputDir('hostile-exact');
    const bytes = Buffer.from('候補者ID,氏名\r\nA-1,SENTINEL\r\n');
    writeFileSync(join(cwd, 'exact.csv'), bytes);
    expect((await readRegularFile(join(cwd, 'exact.csv'), bytes.length + 1)).equals(bytes)).toBe(true);
    expect((await readRegularFile(join(cwd, 'exact.csv'), bytes.length)).equals(bytes)).toBe(true);
    await expect(readRegularFile(join(cwd, 'exact.csv'), bytes.length - 1)).rejects.toMatchObject({
      code: 'too_large',
    });
  });
});

/** A zip's central directory and end record only, declaring entries of these uncompressed sizes. */
function zipDeclaring(sizes: readonly number[]): Buffer {
  const entries = sizes.map((size, index) => {
    const name = Buffer.from(`xl/worksheets/sheet${index + 1}.xml`);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(1000, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    return Buffer.concat([entry, name]);
  });
  const directory = Buffer.concat(entries);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sizes.length, 8);
  end.writeUInt16LE(sizes.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(0, 16);
  return Buffer.concat([directory, end]);
}

describe('hostile reading: two tabs that mean the same tab (issue 10 point 8)', () => {
  it('費用.csv and Costs.csv in one folder are an error naming both; nothing is written', async () => {
    const cwd = sampleFolder('costs-twice');
    writeFileSync(join(cwd, 'wb', 'Costs.csv'), toCsv(sample.費用.slice(0, 2)));
    const run = await reportWritesNothing(cwd, 'wb');
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      'Costs!A1: タブ「Costs」と「費用」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください',
    ]);
  });

  it('費用 and Costs sheets in one .xlsx are an error naming both', async () => {
    const cwd = outputDir('hostile-costs-xlsx');
    await writeFilledTemplate(sample, join(cwd, 'book.xlsx'), (book) => {
      book.addWorksheet('Costs').addRow(sample.費用[0]);
    });
    const run = await runCli(['validate', 'book.xlsx'], cwd);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      '費用!A1: タブ「費用」と「Costs」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください',
      REFUND,
    ]);
  });

  it('a 候補者.csv that is a symbolic link to a file elsewhere is read as that file', async () => {
    const cwd = outputDir('hostile-symlink');
    const tabs = cloneTabs(sample);
    delete tabs.候補者;
    writeCsvFolder(join(cwd, 'wb'), tabs);
    writeCsvFolder(join(cwd, 'elsewhere'), { 候補者: sample.候補者 });
    symlinkSync(join(cwd, 'elsewhere', '候補者.csv'), join(cwd, 'wb', '候補者.csv'));
    const run = await runCli(['validate', 'wb'], cwd);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([CLEAN]);
    expect(lines(run.stdout)).toEqual([REFUND]);
  });

  it('候補者.csv twice through a link (Candidates.csv → 候補者.csv) is one error naming both', async () => {
    const cwd = sampleFolder('symlink-twice');
    symlinkSync('候補者.csv', join(cwd, 'wb', 'Candidates.csv'));
    const run = await runCli(['validate', 'wb'], cwd);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      'Candidates!A1: タブ「Candidates」と「候補者」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください',
      REFUND,
    ]);
  });

  it('a dangling link named 候補者.csv is exit 2 naming it, and a missing tab is named once', async () => {
    const cwd = outputDir('hostile-dangling');
    const tabs = cloneTabs(sample);
    delete tabs.候補者;
    writeCsvFolder(join(cwd, 'wb'), tabs);
    symlinkSync('どこにもない.csv', join(cwd, 'wb', '候補者.csv'));
    const dangling = await runCli(['validate', 'wb'], cwd);
    expect(dangling.code).toBe(2);
    expect(lines(dangling.stderr)).toEqual([
      'エラー: wb/候補者.csv が見つかりません。ファイル名かフォルダ名を確かめてください',
    ]);
    // Without the link: イベント.参加者ID refers to 候補者 too, yet the tab is named once.
    const bare = outputDir('hostile-missing-once');
    writeCsvFolder(join(bare, 'wb'), tabs);
    const missing = await runCli(['validate', 'wb'], bare);
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)).toEqual([
      'エラー: wb に必要なタブがありません: 候補者（あるタブ: イベント、事業、企業、本文、求人、設定、費用）。npm run template -- 新しいブック.xlsx で全タブそろった雛形を作れます',
    ]);
  });
});

/** Every tab as tab-delimited UTF-16 LE without a BOM, as some tools save Excel's 「Unicode テキスト」. */
function writeUtf16Folder(dir: string, tabs: Tabs, extension: '.csv' | '.txt'): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(tabs)) {
    const text = rows.map((row) =>
      row.map((field) => (/[\t"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join('\t'),
    );
    writeFileSync(join(dir, `${name}${extension}`), Buffer.from(`${text.join('\r\n')}\r\n`, 'utf16le'));
  }
}

describe('hostile reading: encodings and delimiters (issue 10 point 9)', () => {
  it('UTF-16 LE without a BOM, tab-delimited, reads as the sample does', async () => {
    const cwd = outputDir('hostile-utf16');
    writeUtf16Folder(join(cwd, 'wb'), sample, '.csv');
    const run = await runCli(['validate', 'wb'], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('読み込みました: CSV 8 ファイル（UTF-16）\n');
    expect(lines(run.stderr)).toEqual([CLEAN]);
    expect(lines(run.stdout)).toEqual([REFUND]);
  });

  it('the same saved as 費用.txt and so on (Excel names 「Unicode テキスト」 .txt) reads too; a readme.txt is no tab', async () => {
    const cwd = outputDir('hostile-utf16-txt');
    writeUtf16Folder(join(cwd, 'wb'), sample, '.txt');
    writeFileSync(join(cwd, 'wb', 'readme.txt'), 'not a tab');
    const run = await runCli(['validate', 'wb'], cwd);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual([CLEAN]);
    expect(lines(run.stdout)).toEqual([REFUND]);
  });

  it('bytes that are not Shift_JIS are a warning naming file, line and cell, in validate, --json and report', async () => {
    const cwd = outputDir('hostile-sjis');
    const dir = writeCsvFolder(join(cwd, 'wb'), sample, 'shift_jis');
    const lines費用 = toCsv(sample.費用).split('\r\n');
    // Line 5 (row 5): 摘要 gets an unassigned code 0x85 0x40 after its text; line 9 one more.
    const bytes = lines費用.map((line, index) => {
      const encoded = Buffer.from(encodeShiftJis(line));
      if (index !== 4 && index !== 8) return encoded;
      const cut = line.lastIndexOf(',');
      return Buffer.concat([
        Buffer.from(encodeShiftJis(line.slice(0, cut))),
        Buffer.from([0x85, 0x40]),
        Buffer.from(encodeShiftJis(line.slice(cut))),
      ]);
    });
    writeFileSync(
      join(dir, '費用.csv'),
      Buffer.concat(bytes.flatMap((line) => [line, Buffer.from('\r\n')]).slice(0, -1)),
    );
    const warning =
      '費用!F5: [警告] ファイル「費用.csv」の 5 行目（ほか 1 行）に Shift_JIS として読めないバイトがあり、「\ufffd」として読みました。元のファイルを開き、CSV UTF-8 で保存し直してください';
    const validate = await runCli(['validate', 'wb'], cwd);
    expect(validate.code).toBe(0);
    expect(lines(validate.stdout)).toEqual([warning, REFUND]);
    const json = await runCli(['validate', 'wb', '--json'], cwd);
    const parsed = JSON.parse(json.stdout) as {
      ok: boolean;
      warnings: number;
      issues: { code: string; cell: string; value: string }[];
    };
    expect(parsed.ok).toBe(true);
    expect(parsed.warnings).toBe(2);
    expect(parsed.issues.map((issue) => [issue.code, issue.cell, issue.value])).toEqual([
      ['undecodable_text', 'F5', ''],
      ['negative_amount', 'E44', '-8800'],
    ]);
    const report = await runCli(['report', 'wb', '--out', 'out', '--format', 'html'], cwd);
    expect(report.code).toBe(0);
    expect(report.stdout.split('\n')[0]).toBe(warning);
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.html']);
  });
});

describe('hostile reading: one message for one problem (issue 10 point 10)', () => {
  it('an unreadable 対象年度 is said once, not also as missing', async () => {
    const tabs = cloneTabs(sample);
    const row = tabs.設定.findIndex((r) => r[0] === '対象年度');
    tabs.設定[row][1] = 'にせんにじゅうに';
    const cwd = sampleFolder('year-once', tabs);
    const run = await reportWritesNothing(cwd, 'wb');
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `設定!B${row + 1}: 設定「対象年度」の「にせんにじゅうに」は使えません（例: 2022）`,
      REFUND,
    ]);
  });

  it('{{=事業!A99999999999}} and {{=事業!XFE1}} are unknown references, not empty text', async () => {
    const tabs = cloneTabs(sample);
    tabs.本文[1][3] = '行 {{=事業!A99999999999}} 列 {{=事業!XFE1}}';
    const cwd = sampleFolder('far-cell', tabs);
    const run = await reportWritesNothing(cwd, 'wb');
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      REFUND,
      '本文!D2: 「本文」の参照「事業!A99999999999」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください',
      '本文!D2: 「本文」の参照「事業!XFE1」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください',
    ]);
  });
});

describe('hostile reading: a helper tab whose formula reads 候補者 (issue 10 point 1, the Node half)', () => {
  const NAME = '機密氏名SENTINELFORMULA';
  /** A number only a 候補者 row holds (say, digits of an ID), cached as the formula's result. */
  const PERSONAL_NUMBER = 987654321;
  const NOT_NUMBER =
    '本文!D2: 「本文」の参照「集計!A1」のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）';
  const FORMULA_WALL =
    '本文!D2: 「本文」の参照「集計!A1」は使えません。そのセルの数式が候補者タブや個人情報の列を読んでいるか、たどれない参照（INDIRECT など）を使っています。人数は {{在留資格変更数}} のような指標で差し込んでください';

  type Plant = (book: ExcelJS.Workbook, result: string | number) => ExcelJS.CellValue;
  const direct: Plant = (_book, result) => ({ formula: '候補者!B2', result }) as never;
  const index: Plant = (_book, result) => ({ formula: "INDEX('候補者'!D:D,3)", result }) as never;
  const chain: Plant = (book, result) => {
    book.addWorksheet('集計2').getCell('A1').value = { formula: '候補者!B2', result } as never;
    return { formula: '集計2!A1', result } as never;
  };
  const named: Plant = (book, result) => {
    book.definedNames.add('候補者!$B$2:$B$9', '名簿');
    return { formula: 'INDEX(名簿,1)', result } as never;
  };

  /** 本文 row 1 inserts {{=集計!A1}}; 集計!A1 holds what `plant` makes; the report must refuse it. */
  async function refused(plant: Plant, result: string | number): Promise<string[]> {
    const cwd = outputDir('hostile-formula');
    const tabs = cloneTabs(sample);
    tabs.本文[1][3] = '件数 {{=集計!A1}} 名';
    await writeFilledTemplate(tabs, join(cwd, 'book.xlsx'), (book) => {
      const value = plant(book, result);
      book.addWorksheet('集計').getCell('A1').value = value;
    });
    const run = await reportWritesNothing(cwd, 'book.xlsx');
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toContain(String(result));
    return lines(run.stdout);
  }

  it.each([
    ['=候補者!B2', direct],
    ["=INDEX('候補者'!D:D,3)", index],
    ['a chain 集計!A1 → 集計2!A1 → 候補者!B2', chain],
    ['a named range 名簿 over 候補者!B2:B9', named],
  ])('a name through %s: the name reaches no output, nothing is written', async (_label, plant) => {
    expect(await refused(plant, NAME)).toEqual([REFUND, NOT_NUMBER]);
  });

  it.each([
    ['=候補者!B2', direct],
    ["=INDEX('候補者'!D:D,3)", index],
    ['a chain 集計!A1 → 集計2!A1 → 候補者!B2', chain],
    ['a named range 名簿 over 候補者!B2:B9', named],
  ])('a number through %s is stopped by the formula wall, which sees the .xlsx formulas', async (_label, plant) => {
    expect(await refused(plant, PERSONAL_NUMBER)).toEqual([REFUND, FORMULA_WALL]);
  });

  it('a number through a named range and a chain over harmless cells is inserted (the wall reads, not guesses)', async () => {
    const cwd = outputDir('hostile-formula-ok');
    const tabs = cloneTabs(sample);
    tabs.本文[1][3] = '寄付 {{=集計!A1}} 円';
    await writeFilledTemplate(tabs, join(cwd, 'book.xlsx'), (book) => {
      const other = book.addWorksheet('集計2');
      other.getCell('B1').value = { formula: 'C1*2', result: 614 } as never;
      other.getCell('C1').value = 307;
      book.definedNames.add('集計2!$B$1', '寄付');
      book.addWorksheet('集計').getCell('A1').value = { formula: '寄付*2', result: 1228 } as never;
    });
    const run = await runCli(['report', 'book.xlsx', '--out', 'out', '--format', 'html'], cwd);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([REFUND, 'out/事業報告書_2022年度.html']);
    expect(readFileSync(join(cwd, 'out', '事業報告書_2022年度.html'), 'utf8')).toContain('寄付 1228 円');
  });
});

describe('hostile reading: XML the fast .xlsx reader must refuse in linear time (issue 15 point 2)', () => {
  /** A workbook of one sheet S: A1 'x', B1 2, C1 1970-01-01 as yyyy/m/d; `part` edited by `edit`. */
  async function patched(part: string, edit: (xml: string) => string): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('S');
    sheet.getCell('A1').value = 'x';
    sheet.getCell('B1').value = 2;
    sheet.getCell('C1').value = new Date(0);
    sheet.getCell('C1').numFmt = 'yyyy/m/d';
    const bytes = Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
    let changed = false;
    const parts = readZip(bytes).map((zipPart) => {
      if (zipPart.name !== part) return zipPart;
      const before = readPart(zipPart, 1e8).toString('utf8');
      const after = edit(before);
      changed = after !== before;
      return replacePart(zipPart, Buffer.from(after, 'utf8'));
    });
    expect(changed).toBe(true);
    return writeZip(parts);
  }

  /** The reader's answer and the milliseconds it took (a linear pass over a few hundred KB takes a few). */
  function timed(bytes: Buffer): { result: ReturnType<typeof readXlsxValues>; ms: number } {
    const started = performance.now();
    const result = readXlsxValues(bytes, 400 * 1024 * 1024);
    return { result, ms: performance.now() - started };
  }

  /** exceljs's full load refuses these bytes too: null is the one answer equal to the runner's reading. */
  async function exceljsRefuses(bytes: Buffer): Promise<void> {
    await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer)).rejects.toThrow();
  }

  const SHEET = 'xl/worksheets/sheet1.xml';
  it.each([
    [
      'an unclosed <c tag before </row>',
      SHEET,
      (xml: string) => xml.replace('</row>', '<c r="D1" t="n"><v>2</v></row>'),
    ],
    ['a sheet cut short inside <c r="B1', SHEET, (xml: string) => xml.slice(0, xml.indexOf('<c r="B1"') + 8)],
    ['200,000 < characters in a row', SHEET, (xml: string) => xml.replace('</row>', `${'<'.repeat(200_000)}</row>`)],
    ['200,000 < characters in a <v>', SHEET, (xml: string) => xml.replace('<v>2</v>', `<v>${'<'.repeat(200_000)}</v>`)],
    [
      '100,000 nested <c> openings',
      SHEET,
      (xml: string) => xml.replace('</row>', `${'<c r="D1">'.repeat(100_000)}</row>`),
    ],
    [
      '100,000 unclosed <rPh openings in a shared string',
      'xl/sharedStrings.xml',
      (xml: string) => xml.replace('<si><t>x</t></si>', `<si>${'<rPh '.repeat(100_000)}<t>x</t></si>`),
    ],
    [
      '50,000 <sheet openings in workbook.xml',
      'xl/workbook.xml',
      (xml: string) => xml.replace('<sheets>', `<sheets>${'<sheet '.repeat(50_000)}`),
    ],
  ])(
    '%s: null, in linear time (exceljs refuses it too)',
    async (_label, part, edit) => {
      const bytes = await patched(part, edit);
      const { result, ms } = timed(bytes);
      // Both at once: a quadratic pass that also accepts the bytes shows both faults.
      expect({ result, slow: ms >= 2000 }).toEqual({ result: null, slow: false });
      await exceljsRefuses(bytes);
    },
    30_000,
  );

  it('a cell with 100,000 distinct attributes is left to exceljs (null), in linear time', async () => {
    // Valid XML, but no sheet Excel writes: the reader checks each attribute against the others, so it stops at a few.
    const attributes = Array.from({ length: 100_000 }, (_, i) => ` a${i}="1"`).join('');
    const bytes = await patched(SHEET, (xml) => xml.replace('<c r="B1"', `<c r="B1"${attributes}`));
    const { result, ms } = timed(bytes);
    expect({ result, slow: ms >= 2000 }).toEqual({ result: null, slow: false });
  }, 30_000);

  it('a number format of 100,000 [ characters is read in linear time: null or the grid by hand', async () => {
    // exceljs's own date-format test (a regex) takes seconds on it; the reader must not.
    const bytes = await patched('xl/styles.xml', (xml) =>
      xml.replace('formatCode="yyyy/m/d"', `formatCode="${'['.repeat(100_000)}yyyy"`),
    );
    const { result, ms } = timed(bytes);
    expect(ms).toBeLessThan(2000);
    if (result !== null) expect(result).toEqual([{ name: 'S', values: [['x', 2, new Date(1970, 0, 1)]] }]);
  }, 60_000);
});
