// Tests for `{{=…}}`: numbers only, the formula wall (direct, by text, through other cells), and a planted name kept out.

import { fiscalPeriod } from '../../src/core/fiscal-year';
import { type FormulaSource, formulaReadsPersonal, parseArea, scanFormula } from '../../src/core/formula-refs';
import { makeReport } from '../../src/core/pipeline';
import { readWorkbook } from '../../src/core/read-workbook';
import { renderReportHtml } from '../../src/core/render-html';
import { buildReportDocument } from '../../src/core/report';
import {
  isNumberDisplay,
  isPersonalArea,
  type ResolvedReference,
  referenceKey,
  referenceProblem,
} from '../../src/core/templates';
import { rawWorkbook } from '../helpers/raw';

const SENTINEL = 'SENTINEL_山田太郎';

function tabs(body = '寄付者は{{=集計!B3}}名でした。'): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト'],
      ['対象年度', 2022],
    ],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      ['紹介', '職業紹介事業', '特定非営利活動'],
    ],
    候補者: [
      ['候補者ID', '氏名', '属性', '国籍', '同意取得日'],
      ['C1', SENTINEL, '難民認定', '架空国', '2022/4/1'],
    ],
    企業: [
      ['企業ID', '企業名', '備考'],
      ['K1', '架空商事', '担当者メモ'],
    ],
    イベント: [['イベントID', '事業内容', '種別', '開始日']],
    費用: [['日付', '事業内容', '費目', '金額']],
    本文: [
      ['見出し', '本文'],
      ['寄付', body],
    ],
  };
}

const workbook = readWorkbook(rawWorkbook(tabs())).workbook;

describe('isNumberDisplay', () => {
  it.each([
    '0',
    '48',
    '1,234',
    '1,234,567',
    '12.5',
    '-3',
    '▲3,000',
    '△3,000',
    '1,234円',
    '50千円',
    '12名',
    '12人',
    '50%',
    '５０％',
    '１，２３４',
    '¥50,000',
    ' 7 ',
    '1'.repeat(40),
  ])('inserts %p', (text) => expect(isNumberDisplay(text)).toBe(true));

  it.each([
    '',
    ' ',
    SENTINEL,
    '山田',
    'A1',
    '12a',
    '12名 山田',
    '山田12',
    '1,23',
    '12,3456',
    '2022/4/1',
    'TRUE',
    '#REF!',
    '1e5',
    '12 名前',
    `${'1'.repeat(41)}`,
  ])('refuses %p', (text) => expect(isNumberDisplay(text)).toBe(false));
});

describe('scanFormula', () => {
  const refs = (formula: string) =>
    scanFormula(formula).references.map(
      (r) => `${r.sheet ?? '-'}:${r.area.firstRow}-${r.area.lastRow}:${r.area.firstColumn}-${r.area.lastColumn}`,
    );

  it('finds references with and without a sheet, quoted or not, cells, ranges and whole columns', () => {
    expect(refs('=候補者!B2')).toEqual(['候補者:2-2:1-1']);
    expect(refs("=INDEX('候補者'!D:D,3)")).toEqual(['候補者:1-Infinity:3-3']);
    expect(refs("=SUM('集計 2'!$B$2:C4)+A1")).toEqual(['集計 2:2-4:1-2', '-:1-1:0-0']);
    expect(refs("='It''s'!A1")).toEqual(["It's:1-1:0-0"]);
    expect(refs('=SUM(3:5)')).toEqual(['-:3-5:0-Infinity']);
    expect(refs('=SUM(費用!E2:E)')).toEqual(['費用:2-Infinity:4-4']);
    expect(refs('=LOG10(B2)*2.5+1E3')).toEqual(['-:2-2:1-1']);
    expect(refs('=IF(A1="候補者!B2", 1, 0)')).toEqual(['-:1-1:0-0']);
    expect(refs('="say ""B2!"" here"&C3')).toEqual(['-:3-3:2-2']);
    expect(scanFormula('="say ""B2!"" here"&C3').names).toEqual([]);
    expect(refs('=SUM(A1:INDEX(B:B,3))')).toEqual(['-:1-1:0-0', '-:1-Infinity:1-1']);
    expect(refs('=A1+集計!B2')).toEqual(['-:1-1:0-0', '集計:2-2:1-1']);
    expect(scanFormula('=SUM(寄付2022)').names).toEqual(['寄付2022']);
    expect(refs('B2')).toEqual(['-:2-2:1-1']);
  });

  it('reports names and opaque references', () => {
    expect(scanFormula('=SUM(寄付額)*TRUE+false-1.5e3+.5').names).toEqual(['寄付額']);
    for (const formula of [
      '=INDIRECT("候"&"補者!B2")',
      '=indirect(A1)',
      '=_xlfn.INDIRECT(A1)',
      '=IMPORTRANGE("id","x!A1")',
      '=[1]Sheet1!A1',
      '=SUM(表1[金額])',
      '=SUM(Sheet1:Sheet3!A1)',
      '=#REF!',
      '=集計!#REF!',
      '=IFERROR(A1,#N/A)',
      "='候補者'",
      "='abc'&A1",
      "='集計'!#REF!",
      "='unclosed",
      '=_xlfn._xlws.INDIRECT(A1)',
    ]) {
      expect({ formula, opaque: scanFormula(formula).opaque }).toEqual({ formula, opaque: true });
    }
    expect(scanFormula('=OFFSET(集計!A1,1,1)+SUM(A1:B2)').opaque).toBe(false);
  });

  it('parses areas and refuses what is not one', () => {
    expect(parseArea('B3')).toEqual({ firstRow: 3, lastRow: 3, firstColumn: 1, lastColumn: 1 });
    expect(parseArea('$C$4:A2')).toEqual({ firstRow: 2, lastRow: 4, firstColumn: 0, lastColumn: 2 });
    expect(parseArea('AA:AB')).toEqual({ firstRow: 1, lastRow: Infinity, firstColumn: 26, lastColumn: 27 });
    expect(parseArea('A:B5')).toEqual({ firstRow: 1, lastRow: 5, firstColumn: 0, lastColumn: 1 });
    for (const text of ['B', '12', 'B0', 'A1:B2:C3', 'ABCD1', '2:B5', '寄付', 'B3x', ':', 'A1:9x', 'A:3', 'A1:5', '']) {
      expect({ text, area: parseArea(text) }).toEqual({ text, area: null });
    }
  });

  it('reads a 100,000-character formula in linear time', () => {
    const long = `=${'A1+'.repeat(25_000)}1`;
    const started = Date.now();
    expect(scanFormula(long).references).toHaveLength(25_000);
    expect(scanFormula(`=${'名'.repeat(100_000)}`).names).toHaveLength(1);
    expect(scanFormula(`="${'""'.repeat(50_000)}`).references).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('formulaReadsPersonal', () => {
  const personal = (sheet: string) => sheet === '候補者';
  /** Sheets as formula grids, and named ranges. */
  function source(sheets: Record<string, string[][]>, names: Record<string, [string, string]> = {}) {
    const read: string[] = [];
    const value: FormulaSource = {
      sheetFormulas: (sheet) => {
        read.push(sheet);
        return sheets[sheet] ?? null;
      },
      namedRange: (name) => (names[name] ? { sheet: names[name][0], area: names[name][1] } : null),
    };
    return { value, read };
  }

  it('follows a chain across sheets: 集計!B1 = 集計2!A1, 集計2!A1 = 候補者!B2', () => {
    const { value, read } = source({ 集計2: [['=候補者!B2']] });
    expect(formulaReadsPersonal('集計', '=集計2!A1', personal, value)).toBe(true);
    expect(read).toEqual(['集計2']);
    // Without a source only the formula itself is seen: the chain passes this wall (numbers-only stops the name).
    expect(formulaReadsPersonal('集計', '=集計2!A1', personal)).toBe(false);
  });

  it('follows unqualified references on the same sheet, named ranges, and stops at cycles', () => {
    const sheets = {
      集計: [
        ['=B1', '=A1'],
        ['=SUM(A1:B1)', '=名簿範囲'],
      ],
    };
    const names: Record<string, [string, string]> = { 名簿範囲: ['候補者', 'B2:B9'], 安全: ['集計', 'A1'] };
    expect(formulaReadsPersonal('集計', '=A2', personal, source(sheets, names).value)).toBe(false);
    expect(formulaReadsPersonal('集計', '=B2', personal, source(sheets, names).value)).toBe(true);
    expect(formulaReadsPersonal('集計', '=安全*2', personal, source(sheets, names).value)).toBe(false);
    expect(formulaReadsPersonal('集計', '=不明な名前', personal, source(sheets, names).value)).toBe(true);
  });

  it('skips a sheet that does not exist, and refuses an area too large to look through', () => {
    expect(formulaReadsPersonal('集計', '=ない!A1+A1', personal, source({ 集計: [['1']] }).value)).toBe(false);
    // B:Z over 25 columns (A–Y) is 24 cells a row: 83,333 rows are 1,999,992 cells, 83,334 rows 2,000,016.
    const wide = Array.from({ length: 83_334 }, () => new Array<string>(25).fill(''));
    expect(formulaReadsPersonal('集計', '=SUM(B:Z)', personal, source({ 集計: wide }).value)).toBe(true);
    wide.pop();
    expect(formulaReadsPersonal('集計', '=SUM(B:Z)', personal, source({ 集計: wide }).value)).toBe(false);
    // A:Y over 80,000 rows is exactly 2,000,000 cells: the most looked through.
    expect(formulaReadsPersonal('集計', '=SUM(A:Y)', personal, source({ 集計: wide.slice(0, 80_000) }).value)).toBe(
      false,
    );
  });

  it('refuses a name it cannot resolve: without a source, or whose range is not an area', () => {
    expect(formulaReadsPersonal('集計', '=SUM(寄付額)', personal)).toBe(true);
    const names: Record<string, [string, string]> = { 寄付額: ['集計', 'NOTANAREA'] };
    expect(formulaReadsPersonal('集計', '=SUM(寄付額)', personal, source({}, names).value)).toBe(true);
    expect(formulaReadsPersonal('集計', '=SUM(B2)', personal)).toBe(false);
  });

  it('refuses INDIRECT anywhere on the way, and a chain too long to follow', () => {
    const { value } = source({ 集計2: [['=INDIRECT("候"&"補者!B2")']] });
    expect(formulaReadsPersonal('集計', '=集計2!A1+1', personal, value)).toBe(true);
    // A chain of N formula cells queues N + 1 formulas (the target's own first): 20,000 is the most followed.
    const chain = (n: number) => [...Array.from({ length: n }, (_, i) => [`=A${i + 2}`]), ['']];
    expect(formulaReadsPersonal('集計', '=A1', personal, source({ 集計: chain(20_000) }).value)).toBe(true);
    expect(formulaReadsPersonal('集計', '=A1', personal, source({ 集計: chain(19_999) }).value)).toBe(false);
  });
});

describe('referenceProblem', () => {
  const at = (sheet: string, column: number, text = '12', formula?: string): ResolvedReference => ({
    text,
    sheet,
    column,
    formula,
  });

  it('refuses any cell of 候補者 (by either name) and the personal columns of other tabs', () => {
    expect(referenceProblem(workbook, at('候補者', 2))).toBe('personal_reference');
    expect(referenceProblem(workbook, at('candidates', 0))).toBe('personal_reference');
    expect(referenceProblem(workbook, at('企業', 2))).toBe('personal_reference');
    expect(referenceProblem(workbook, at('企業', 1, '7'))).toBeNull();
    expect(isPersonalArea(workbook, '企業', { firstRow: 1, lastRow: 9, firstColumn: 0, lastColumn: 1 })).toBe(false);
    expect(isPersonalArea(workbook, '企業', { firstRow: 1, lastRow: 9, firstColumn: 1, lastColumn: 5 })).toBe(true);
    // Right of 備考 (column 2): a range that starts after the personal column does not hold it.
    expect(isPersonalArea(workbook, '企業', { firstRow: 1, lastRow: 9, firstColumn: 3, lastColumn: 5 })).toBe(false);
    expect(referenceProblem(workbook, at('企業', 3, '7'))).toBeNull();
  });

  it('refuses formulas that read 候補者 by any spelling, and INDIRECT', () => {
    for (const formula of [
      '=候補者!B2',
      "=INDEX('候補者'!D:D,3)",
      '=COUNTA(Candidates!B:B)',
      "=LEN('candidates'!B2)",
      '=INDIRECT("候"&"補者!B2")',
      '=LEN(企業!C2)',
    ]) {
      expect({ formula, code: referenceProblem(workbook, at('集計', 1, '3', formula)) }).toEqual({
        formula,
        code: 'personal_formula_reference',
      });
    }
    expect(referenceProblem(workbook, at('集計', 1, '3', '=SUM(費用!D:D)'))).toBeNull();
  });

  it('refuses text: the copy of 候補者 under another name (名簿) cannot carry a name', () => {
    expect(referenceProblem(workbook, at('名簿', 1, SENTINEL))).toBe('reference_not_number');
    expect(referenceProblem(workbook, at('集計', 1, ''))).toBe('reference_not_number');
  });
});

describe('a planted name never reaches the report, the messages or the JSON', () => {
  const copies: [string, ResolvedReference][] = [
    ['名簿!B2', { text: SENTINEL, sheet: '名簿', column: 1 }],
    ['集計!A1', { text: SENTINEL, sheet: '集計', column: 0, formula: '=集計2!A1' }],
    ['候補者!B2', { text: SENTINEL, sheet: '候補者', column: 1 }],
  ];

  it.each(copies)('{{=%s}} is an error at the template cell that does not echo the value', (target, resolved) => {
    const references = new Map([[referenceKey(target), resolved]]);
    const result = makeReport(rawWorkbook(tabs(`寄付者は{{=${target}}}名でした。`)), { references });
    expect(result.ok).toBe(false);
    const expected: Record<string, string> = {
      '名簿!B2': `本文!B2 「本文」の参照「名簿!B2」のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）`,
      '集計!A1': `本文!B2 「本文」の参照「集計!A1」のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）`,
      '候補者!B2': '本文!B2 「本文」の参照「候補者!B2」は個人情報の列を指しているため使えません',
    };
    expect(result.issues.map((i) => `${i.tab}!${i.cell} ${i.message}`)).toEqual([expected[target]]);
    expect(JSON.stringify(result)).not.toContain('SENTINEL');
    const english = makeReport(rawWorkbook(tabs(`{{=${target}}}`)), { references, language: 'en' });
    expect(JSON.stringify(english)).not.toContain('SENTINEL');
  });

  it('inserts a number as the cell shows it, and the report holds no planted value', () => {
    const references = new Map([[referenceKey('集計!B3'), { text: '1,234', sheet: '集計', column: 1 }]]);
    const result = makeReport(rawWorkbook(tabs()), { references });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const html = renderReportHtml(result.report);
    expect(html).toContain('寄付者は1,234名でした。');
    expect(`${JSON.stringify(result)}${html}`).not.toContain('SENTINEL');
  });

  it('refuses to render text even when the check was skipped (a second wall in the renderer)', () => {
    const references = new Map([[referenceKey('集計!B3'), { text: SENTINEL, sheet: '集計', column: 1 }]]);
    // buildReportDocument is only called on checked workbooks; if it were not, the renderer throws without the value.
    const read = readWorkbook(rawWorkbook(tabs())).workbook;
    expect(() => buildReportDocument(read, { period: fiscalPeriod(2022), references })).toThrow(
      /^\{\{=集計!B3\}\} is not a number$/,
    );
  });
});
