// This file defines the hostile cases of the report forms (issue 12): 対象年度, 見出し: rows and 従事者人数 as typed by
// someone careless or malicious, each with the exact output or issue it must give.
import { parseFiscalYear } from '../../src/core/era';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { renderReportHtml } from '../../src/core/render-html';
import type { ReportDocument, ReportTable } from '../../src/core/report-document';
import { rawWorkbook } from '../helpers/raw';

function tabs(settings: unknown[][], staff: unknown = 3): Record<string, unknown[][]> {
  return {
    設定: [['項目', '値'], ['団体名', 'テスト法人'], ['対象年度', 2022], ...settings],
    事業: [
      ['事業内容', '定款の事業名', '区分', '従事者人数'],
      ['相談', '相談事業', '特定非営利活動', staff],
    ],
    費用: [['日付', '事業内容', '費目', '金額']],
    本文: [['見出し', '本文']],
  };
}

function report(settings: unknown[][], staff?: unknown): ReportDocument {
  const result = makeReport(rawWorkbook(tabs(settings, staff)));
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.report;
}

const firstTable = (doc: ReportDocument) => doc.blocks.find((b): b is ReportTable => b.kind === 'table') as ReportTable;

/** The fastest of three calls, in ms: a linear reader takes well under a millisecond on 100,000 characters. */
function fastestMs(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('対象年度', () => {
  it.each([
    ['R'.repeat(100_000)],
    [`令和${'1'.repeat(100_000)}年度`],
    [`令和4${' '.repeat(100_000)}年度`],
    ['2'.repeat(100_000)],
  ])('a 100,000-character value is refused at once (%#)', (typed) => {
    expect(parseFiscalYear(typed)).toBeUndefined();
    expect(fastestMs(() => parseFiscalYear(typed))).toBeLessThan(50);
  });

  it('an era letter from another alphabet (Cyrillic Р, full-width ｒ folds, Greek Ρ does not) ', () => {
    expect(parseFiscalYear('ｒ4')).toBe(2022);
    expect(parseFiscalYear('\u0420' + '4')).toBeUndefined();
    expect(parseFiscalYear('\u03a1' + '4')).toBeUndefined();
  });

  it('a 令和4年度 with a control character is an error at its cell, not a guess', () => {
    const sheets = {
      ...tabs([]),
      設定: [
        ['項目', '値'],
        ['団体名', 'x'],
        ['対象年度', '令和4\u0000年度'],
      ],
    };
    const { issues } = checkWorkbook(rawWorkbook(sheets));
    expect(issues.filter((i) => i.code === 'invalid_setting').map((i) => [i.cell, i.column])).toEqual([
      ['B3', '対象年度'],
    ]);
  });
});

describe('見出し: rows', () => {
  it('markup in a replacement is text: escaped in the HTML, never a tag', () => {
    const doc = report([['見出し:１．事業の成果', '<script>alert(1)</script>&amp;']]);
    expect(doc.blocks[3]).toEqual({ kind: 'heading', level: 1, text: '<script>alert(1)</script>&amp;' });
    const html = renderReportHtml(doc);
    expect(html).toContain('<h2>&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;</h2>');
    expect(html).not.toContain('<script>alert');
  });

  it('`{{…}}` in a replacement is printed as typed, never computed (no figure bypasses the template checks)', () => {
    const doc = report([['見出し:事業費（千円）', '{{=候補者!B2}}{{就職者数}}']]);
    expect(firstTable(doc).header[7]).toBe('{{=候補者!B2}}{{就職者数}}');
  });

  it('a control character in a replacement is removed from the document', () => {
    const doc = report([['見出し:２．事業の実施に関する事項', '2\u0007 事業\u0000']]);
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.text.startsWith('2'))).toEqual({
      kind: 'heading',
      level: 1,
      text: '2 事業',
    });
  });

  it('a 100,000-character key is one unknown-key warning at its cell, read in linear time', () => {
    const key = `見出し:${'あ'.repeat(100_000)}`;
    const { issues } = checkWorkbook(rawWorkbook(tabs([[key, 'x']])));
    expect(issues.filter((i) => i.code === 'unknown_heading_override').map((i) => [i.tab, i.cell])).toEqual([
      ['設定', 'A4'],
    ]);
    expect(fastestMs(() => checkWorkbook(rawWorkbook(tabs([[key, 'x']]))))).toBeLessThan(500);
  });

  it('a key naming text the report prints from the workbook (団体名, a 事業内容) is unknown: only fixed words change', () => {
    const result = makeReport(
      rawWorkbook(
        tabs([
          ['見出し:テスト法人', '別の法人'],
          ['見出し:相談', '別の事業'],
        ]),
      ),
    );
    if (!result.ok) throw new Error('no report');
    expect(result.issues.filter((i) => i.code === 'unknown_heading_override').map((i) => i.cell)).toEqual(['A4', 'A5']);
    expect(result.report.blocks[1]).toEqual({ kind: 'subtitle', text: 'テスト法人' });
    expect(firstTable(result.report).rows[0][1].text).toBe('相談');
  });
});

describe('従事者人数 as typed', () => {
  it.each([
    ['9'.repeat(400), '9'.repeat(400)], // not Infinity人: too long to be a head count, printed as typed
    ['1234567890', '1234567890'],
    ['123456789', '123,456,789人'],
    ['-3', '-3'],
    ['<b>3</b>', '<b>3</b>'],
    [0, '0人'],
  ])('case %#', (typed, printed) => {
    expect(firstTable(report([], typed)).rows[0][4].text).toBe(printed);
  });
});
