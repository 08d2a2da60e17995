// Tests for the file reader: CSV folders (UTF-8 / Shift_JIS), .xlsx cells, {{=…}} references, and file errors.
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeReport } from '../../src/core/pipeline';
import type { RawTab } from '../../src/core/read-workbook';
import { FileError } from '../../src/node/file-error';
import { formatNumber, parseCellTarget, readWorkbookFile } from '../../src/node/read-workbook-file';
import {
  cloneTabs,
  columnIndex,
  outputDir,
  REPO,
  readSampleTabs,
  SAMPLE_DIR,
  type Tabs,
  writeCsvFolder,
  writeFilledTemplate,
} from './support';

const sample = readSampleTabs();

async function reportOf(path: string, appendix = false) {
  const file = await readWorkbookFile(path);
  const result = makeReport(file.raw, { references: file.references, appendix });
  return { file, result };
}

function sortedTabs(tabs: readonly RawTab[]) {
  return [...tabs].sort((a, b) => a.name.localeCompare(b.name));
}

async function expectFileError(path: string, code: FileError['code']): Promise<void> {
  const error = await readWorkbookFile(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileError);
  expect((error as FileError).code).toBe(code);
}

describe('readWorkbookFile: a folder of CSV files', () => {
  it('reads the sample: one tab per file, named after it, values as text', async () => {
    const file = await readWorkbookFile(SAMPLE_DIR);
    expect(file.format).toBe('csv');
    expect(file.raw.tabs.map((tab) => tab.name).sort()).toEqual(
      ['イベント', '事業', '企業', '候補者', '本文', '求人', '設定', '費用'].sort(),
    );
    const settings = file.raw.tabs.find((tab) => tab.name === '設定');
    expect(settings?.values[0]).toEqual(['項目', '値']);
    expect(settings?.values).toContainEqual(['対象年度', '2022']);
    expect(Object.values(file.encodings)).toEqual(Array(8).fill('utf-8'));
  });

  it('reads a Shift_JIS folder (as Excel on Japanese Windows saves CSV) the same as its UTF-8 twin', async () => {
    const dir = outputDir('sjis');
    const utf8 = writeCsvFolder(join(dir, 'utf8'), sample, 'utf-8');
    const bom = writeCsvFolder(join(dir, 'utf8-bom'), sample, 'utf-8-bom');
    const sjis = writeCsvFolder(join(dir, 'sjis'), sample, 'shift_jis');
    const [a, b, c] = await Promise.all([reportOf(utf8), reportOf(bom), reportOf(sjis)]);
    expect(Object.values(c.file.encodings)).toEqual(Array(8).fill('shift_jis'));
    // Shift_JIS has no ¥ (U+00A5): Excel writes byte 0x5C, which reads back as a backslash (the core takes both).
    const asShiftJisShowsIt = sortedTabs(a.file.raw.tabs).map((tab) => ({
      name: tab.name,
      values: tab.values.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace(/¥/g, '\\') : cell))),
    }));
    expect(sortedTabs(c.file.raw.tabs)).toEqual(asShiftJisShowsIt);
    expect(sortedTabs(b.file.raw.tabs)).toEqual(sortedTabs(a.file.raw.tabs));
    expect(a.result.ok).toBe(true);
    expect(c.result).toEqual(a.result);
  });

  it('matches decomposed (macOS) file names and skips lock files, dot files and other files', async () => {
    const dir = outputDir('names');
    writeCsvFolder(dir, sample);
    // イベント.csv as macOS may store it: ベ as ヘ + combining dakuten.
    const decomposed = 'イベント'.normalize('NFD');
    expect(decomposed).not.toBe('イベント');
    renameSync(join(dir, 'イベント.csv'), join(dir, `${decomposed}.csv`));
    writeFileSync(join(dir, '~$設定.csv'), 'garbage');
    writeFileSync(join(dir, '.hidden.csv'), 'garbage');
    writeFileSync(join(dir, 'メモ.txt'), 'not a tab');
    const { file, result } = await reportOf(dir);
    expect(file.raw.tabs.map((tab) => tab.name)).toContain('イベント');
    expect(file.raw.tabs).toHaveLength(8);
    expect(result.ok).toBe(true);
  });
});

describe('readWorkbookFile: errors are FileErrors with a code', () => {
  it('not_found for a path that does not exist', async () => {
    await expectFileError(join(outputDir('missing'), 'ない.xlsx'), 'not_found');
  });

  it('wrong_extension for a .txt or .xls file', async () => {
    const dir = outputDir('ext');
    writeFileSync(join(dir, 'data.txt'), 'a,b');
    writeFileSync(join(dir, 'old.xls'), 'x');
    await expectFileError(join(dir, 'data.txt'), 'wrong_extension');
    await expectFileError(join(dir, 'old.xls'), 'wrong_extension');
  });

  it('unreadable for a corrupt or empty .xlsx', async () => {
    const dir = outputDir('corrupt');
    writeFileSync(join(dir, 'broken.xlsx'), 'PK\u0003\u0004 this is not really a zip');
    writeFileSync(join(dir, 'empty.xlsx'), '');
    await expectFileError(join(dir, 'broken.xlsx'), 'unreadable');
    await expectFileError(join(dir, 'empty.xlsx'), 'unreadable');
  });

  it('empty_folder for a folder without CSV files', async () => {
    const dir = outputDir('empty');
    writeFileSync(join(dir, 'readme.txt'), 'no csv here');
    await expectFileError(dir, 'empty_folder');
  });
});

describe('readWorkbookFile: .xlsx cells', () => {
  async function writeBook(build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<string> {
    const book = new ExcelJS.Workbook();
    build(book.addWorksheet('表'), book);
    const path = join(outputDir('cells'), 'cells.xlsx');
    await book.xlsx.writeFile(path);
    return path;
  }

  it('reads cached formula results, rich text, hyperlinks, errors, booleans; merged cells but the master are blank', async () => {
    const path = await writeBook((sheet) => {
      sheet.getCell('A1').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
      sheet.getCell('B1').value = { richText: [{ text: '育成' }, { text: '事業', font: { bold: true } }] };
      sheet.getCell('C1').value = { text: '団体サイト', hyperlink: 'https://example.org/' };
      sheet.getCell('D1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      sheet.getCell('E1').value = true;
      sheet.getCell('F1').value = { formula: 'A1&"件"', result: '3件' } as ExcelJS.CellFormulaValue;
      sheet.getCell('G1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue; // never calculated
      sheet.getCell('A2').value = '結合';
      sheet.mergeCells('A2:C3');
      sheet.getCell('D3').value = 42;
    });
    const { raw } = await readWorkbookFile(path);
    expect(raw.tabs).toEqual([
      {
        name: '表',
        values: [
          [3, '育成事業', '団体サイト', '#N/A', true, '3件', null],
          ['結合', null, null],
          [null, null, null, 42],
        ],
      },
    ]);
  });

  it('reads dates as local-midnight Dates, whatever the time zone', async () => {
    const path = await writeBook((sheet) => {
      sheet.getCell('A1').value = new Date(Date.UTC(2022, 3, 1));
      sheet.getCell('A1').numFmt = 'yyyy/m/d';
      sheet.getCell('B1').value = {
        formula: 'DATE(2023,3,31)',
        result: new Date(Date.UTC(2023, 2, 31)),
      } as ExcelJS.CellFormulaValue;
      sheet.getCell('B1').numFmt = 'yyyy/m/d';
    });
    // Jest gives tests a copy of process.env, so TZ only takes effect in a process of its own.
    const script = `
      const { readWorkbookFile } = require(${JSON.stringify(join(REPO, 'src/node/read-workbook-file.ts'))});
      (async () => {
        const out = {};
        for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
          process.env.TZ = zone;
          const [start, end] = (await readWorkbookFile(${JSON.stringify(path)})).raw.tabs[0].values[0];
          out[zone] = [new Date(2022, 0, 1).getTimezoneOffset(), start.getFullYear(), start.getMonth() + 1,
            start.getDate(), start.getHours(), end.getFullYear(), end.getMonth() + 1, end.getDate()];
        }
        console.log(JSON.stringify(out));
      })();`;
    const output = execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({
      'Asia/Tokyo': [-540, 2022, 4, 1, 0, 2023, 3, 31],
      'America/Los_Angeles': [480, 2022, 4, 1, 0, 2023, 3, 31],
      UTC: [0, 2022, 4, 1, 0, 2023, 3, 31],
    });
  }, 20_000);
});

describe('the sample as CSV and as .xlsx', () => {
  it('gives identical ReportDocuments and issues (xlsx = the template filled with typed cells)', async () => {
    const filled = join(outputDir('xlsx-twin'), 'sample.xlsx');
    await writeFilledTemplate(sample, filled);
    const fromCsv = await reportOf(SAMPLE_DIR, true);
    const fromXlsx = await reportOf(filled, true);
    expect(fromXlsx.file.format).toBe('xlsx');
    // The xlsx holds real numbers and dates, not text: the comparison is not trivially text against text.
    const costs = fromXlsx.file.raw.tabs.find((tab) => tab.name === '費用');
    expect(typeof costs?.values[1][4]).toBe('number');
    expect(costs?.values[1][0]).toBeInstanceOf(Date);
    expect(fromCsv.result.ok).toBe(true);
    expect(fromXlsx.result).toEqual(fromCsv.result);
  }, 20_000);
});

describe('{{=…}} references', () => {
  /** The sample plus one 本文 row holding `body`. */
  function withNarrative(tabs: Tabs, body: string): Tabs {
    const copy = cloneTabs(tabs);
    const header = copy.本文[0];
    const row = header.map(() => '');
    row[columnIndex(copy, '本文', '見出し')] = '参照';
    row[columnIndex(copy, '本文', '順序')] = '99';
    row[columnIndex(copy, '本文', '本文')] = body;
    copy.本文.push(row);
    return copy;
  }

  function paragraphs(result: ReturnType<typeof makeReport>): string[] {
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
    return result.report.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  }

  it('resolves シート!セル from a CSV folder', async () => {
    const tabs = withNarrative(sample, '寄付は{{=集計!B3}}、会員は{{=集計!$C$3}}名。');
    tabs.集計 = [['項目', '寄付', '会員'], [], ['', '1,234,000円', '85']];
    const { result } = await reportOf(writeCsvFolder(outputDir('ref-csv'), tabs));
    expect(paragraphs(result)).toContain('寄付は1,234,000円、会員は85名。');
  });

  it('resolves cell addresses and named ranges from an .xlsx, as the cell displays them', async () => {
    const path = join(outputDir('ref-xlsx'), 'refs.xlsx');
    // A date is shown as the sheet shows it, but only numbers may be inserted into a report: B6 is resolved, not used.
    const body = "寄付{{=寄付総額}}、比率{{='集計 表'!B4}}、会員{{=集計 表!B5}}名";
    await writeFilledTemplate(withNarrative(sample, body), path, (book) => {
      const sheet = book.addWorksheet('集計 表');
      sheet.getCell('B3').value = 1234567;
      sheet.getCell('B3').numFmt = '#,##0"円"';
      sheet.getCell('B4').value = { formula: 'B5/200', result: 0.425 } as ExcelJS.CellFormulaValue;
      sheet.getCell('B4').numFmt = '0.0%';
      sheet.getCell('B5').value = 85;
      sheet.getCell('B6').value = new Date(Date.UTC(2023, 5, 30));
      sheet.getCell('B6').numFmt = 'yyyy/m/d';
      book.definedNames.add("'集計 表'!$B$3", '寄付総額');
    });
    const { file, result } = await reportOf(path);
    const targets = ['寄付総額', "'集計 表'!B4", '集計 表!B5', '集計 表!B6'];
    expect([...file.references(targets).values()].map((reference) => [reference?.sheet, reference?.text])).toEqual([
      ['集計 表', '1,234,567円'],
      ['集計 表', '42.5%'],
      ['集計 表', '85'],
      ['集計 表', '2023/6/30'],
    ]);
    expect(paragraphs(result)).toContain('寄付1,234,567円、比率42.5%、会員85名');
  }, 20_000);

  it("hands each cell's formula to the core as Sheets gives it: shared formulas translated, named ranges too", async () => {
    const path = join(outputDir('ref-formula'), 'formula.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('集計');
    sheet.getCell('A1').value = { formula: '候補者!B2', result: 'x' } as ExcelJS.CellFormulaValue;
    sheet.getCell('A2').value = { formula: 'B1*2', result: 2, shareType: 'shared', ref: 'A2:A3' } as never;
    sheet.getCell('A3').value = { sharedFormula: 'A2', result: 4 } as ExcelJS.CellSharedFormulaValue;
    sheet.getCell('B1').value = 1;
    sheet.mergeCells('C1:D1');
    sheet.getCell('C1').value = { formula: "INDEX('候補者'!D:D,3)", result: 'y' } as ExcelJS.CellFormulaValue;
    book.definedNames.add('集計!$A$1', '名前');
    await book.xlsx.writeFile(path);
    const file = await readWorkbookFile(path);
    const references = file.references(['集計!A1', '集計!A3', '集計!B1', '名前', '集計!D1']);
    const plain = [...references.values()].map((reference) => {
      if (!reference) return reference;
      const { formulaSource, ...rest } = reference;
      return rest;
    });
    expect(plain).toEqual([
      { text: 'x', sheet: '集計', column: 0, formula: '=候補者!B2' },
      { text: '4', sheet: '集計', column: 0, formula: '=B2*2' },
      { text: '1', sheet: '集計', column: 1 },
      { text: 'x', sheet: '集計', column: 0, formula: '=候補者!B2' },
      // D1 is merged into C1: the master's formula, as the sheet shows it.
      { text: 'y', sheet: '集計', column: 3, formula: "=INDEX('候補者'!D:D,3)" },
    ]);
    // The wall's view of the workbook: one source for the check, only for cells with a formula.
    const source = references.get('集計!a1')?.formulaSource;
    expect(references.get('集計!a3')?.formulaSource).toBe(source);
    expect(references.get('集計!b1')?.formulaSource).toBeUndefined();
    expect(source?.sheetFormulas('集計')).toEqual([
      ['=候補者!B2', '', "=INDEX('候補者'!D:D,3)", ''],
      ['=B1*2'],
      ['=B2*2'],
    ]);
    expect(source?.sheetFormulas('ない')).toBeNull();
    expect(source?.namedRange('名前')).toEqual({ sheet: '集計', area: 'A1' });
    expect(source?.namedRange('ない名前')).toBeNull();
  });

  it('reports a reference to a missing sheet or name as an error at the template cell', async () => {
    const tabs = withNarrative(sample, '{{=ないシート!B3}}と{{=ない名前}}');
    const { result } = await reportOf(writeCsvFolder(outputDir('ref-missing'), tabs));
    expect(result.ok).toBe(false);
    const row = tabs.本文.length;
    const errors = result.issues.filter((issue) => issue.code === 'unknown_cell_reference');
    expect(errors.map((issue) => [issue.tab, issue.cell, issue.value])).toEqual([
      ['本文', `D${row}`, 'ないシート!B3'],
      ['本文', `D${row}`, 'ない名前'],
    ]);
  });

  it('refuses a reference into a person-level column (the sheet and column are passed to the core)', async () => {
    const tabs = withNarrative(sample, '{{=候補者!B2}}');
    const { result } = await reportOf(writeCsvFolder(outputDir('ref-personal'), tabs));
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toContain('personal_reference');
  });
});

describe('parseCellTarget and formatNumber', () => {
  it('parses sheet!cell forms to sheet, 1-based row and 0-based column', () => {
    expect(parseCellTarget('集計!B3')).toEqual({ sheet: '集計', row: 3, column: 1 });
    expect(parseCellTarget("'My ''sheet'''!$AA$10:$AB$12")).toEqual({ sheet: "My 'sheet'", row: 10, column: 26 });
    expect(parseCellTarget('名前付き範囲')).toBeNull();
  });

  it('refuses cells beyond the grid Excel and Sheets share: rows past 1,048,576, columns past XFD', () => {
    expect(parseCellTarget('事業!XFD1048576')).toEqual({ sheet: '事業', row: 1048576, column: 16383 });
    expect(parseCellTarget('事業!A1048577')).toBeNull();
    expect(parseCellTarget('事業!XFE1')).toBeNull();
    expect(parseCellTarget('事業!A99999999999')).toBeNull();
    expect(parseCellTarget('事業!A0')).toBeNull();
  });

  it('formats numbers as the common Excel formats show them', () => {
    expect(formatNumber(1234567, '#,##0')).toBe('1,234,567');
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatNumber(0.425, '0.0%')).toBe('42.5%');
    expect(formatNumber(22393, '#,##0"千円"')).toBe('22,393千円');
    expect(formatNumber(5000, '¥#,##0')).toBe('¥5,000');
    expect(formatNumber(12, undefined)).toBe('12');
  });
});
