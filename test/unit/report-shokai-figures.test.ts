// Tests of the 職業紹介事業報告書's figure spans (issue 14): every figure it prints carries a tag by meaning, the tags
// and places are the ones worked out by hand below, the record tells the kind, and the HTML is the same without them.
import { isFigureTag } from '../../src/core/figure-tags';
import {
  decodeFigureRecord,
  diffFigures,
  encodeFigureRecord,
  figureRecord,
  figureUpdateLines,
  figureValues,
} from '../../src/core/figures';
import { makeReport } from '../../src/core/pipeline';
import { renderReportHtml } from '../../src/core/render-html';
import type { Block, ReportDocument } from '../../src/core/report-document';
import { shokaiTabs } from '../fixtures/shokai-workbook';
import { rawWorkbook } from '../helpers/raw';

function shokai(): ReportDocument {
  const result = makeReport(rawWorkbook(shokaiTabs()), { kind: 'shokai' });
  if (!result.ok) throw new Error('not ok');
  return result.report;
}

/** The same document with every span removed: what a renderer that ignores spans sees. */
function withoutSpans(doc: ReportDocument): ReportDocument {
  const blocks = doc.blocks.map((block): Block => {
    if (block.kind !== 'table') return block;
    return { ...block, rows: block.rows.map((row) => row.map(({ text }) => ({ text }))) };
  });
  return { ...doc, blocks };
}

describe('the 職業紹介事業報告書’s figures', () => {
  it('tags each figure by its metric and condition, and the site figures by label: all 30, text as printed', () => {
    // The fixture's figures (test/fixtures/shokai-workbook.ts, worked out row by row there): 13 国内, 13 国外, 4 site.
    expect([...figureValues(shokai())]).toEqual([
      ['m:有効求人数', '6'],
      ['m:常用求人数', '3'],
      ['m:臨時求人数', '4'],
      ['m:日雇求人数', '1'],
      ['m:新規求職申込件数', '10'],
      ['m:有効求職者数', '2'],
      ['m:常用就職件数', '5'],
      ['m:臨時就職件数', '1'],
      ['m:日雇就職件数', '1'],
      ['m:無期雇用就職件数', '4'],
      ['m:6か月以内離職者数', '1'],
      ['m:離職不明者数', '1'],
      ['m:手数料収入', '350,000'],
      ['m:有効求人数|国外=はい', '0'],
      ['m:常用求人数|国外=はい', '5'],
      ['m:臨時求人数|国外=はい', '0'],
      ['m:日雇求人数|国外=はい', '0'],
      ['m:新規求職申込件数|国外=はい', '1'],
      ['m:有効求職者数|国外=はい', '0'],
      ['m:常用就職件数|国外=はい', '1'],
      ['m:臨時就職件数|国外=はい', '0'],
      ['m:日雇就職件数|国外=はい', '0'],
      ['m:無期雇用就職件数|国外=はい', '1'],
      ['m:6か月以内離職者数|国外=はい', '0'],
      ['m:離職不明者数|国外=はい', '0'],
      ['m:手数料収入|国外=はい', '30,000'],
      ['site:年度就職者数', '8'],
      ['site:無期雇用就職者数', '5'],
      ['site:うち6か月以内離職者数', '1'],
      ['site:うち離職不明者数', '1'],
    ]);
  });

  it('spans the whole 数 cell and nothing else: no heading, note or label carries a span', () => {
    const doc = shokai();
    for (const block of doc.blocks) {
      if (block.kind !== 'table') {
        expect(['figures' in block, block.kind]).toEqual([false, block.kind]);
        continue;
      }
      const column = block.header.length === 4 ? 2 : 1;
      for (const row of block.rows)
        row.forEach((cell, c) => {
          if (c === column)
            expect(cell.figures).toEqual([{ start: 0, end: cell.text.length, tag: cell.figures?.[0].tag }]);
          else expect(cell.figures).toBeUndefined();
        });
    }
    const fees = doc.blocks.filter((b) => b.kind === 'table')[4];
    expect(fees.kind === 'table' && fees.rows[0][1]).toEqual({
      text: '350,000',
      figures: [{ start: 0, end: 7, tag: 'm:手数料収入' }],
    });
  });

  it('places each figure by its row’s label cells and its column; no table can be refused (fixed rows)', () => {
    const record = figureRecord(shokai());
    expect(record.kind).toBe('shokai');
    expect(record.tables.size).toBe(0);
    expect(record.figures.get('m:常用求人数')).toEqual({
      text: '3',
      place: { kind: 'cell', row: '常用求人数', column: '数' },
    });
    expect(record.figures.get('m:6か月以内離職者数')?.place).toEqual({
      kind: 'cell',
      row: 'うち6か月以内に離職した者（解雇を除く）',
      column: '数',
    });
    expect(record.figures.get('m:常用求人数|国外=はい')?.place).toEqual({
      kind: 'cell',
      row: '求人・常用求人数',
      column: '数',
    });
    expect(record.figures.get('site:年度就職者数')).toEqual({
      text: '8',
      place: { kind: 'cell', row: '年度就職者数', column: '人数' },
    });
  });

  it('keeps the kind through the record a file holds, and updates its figures with or without it', () => {
    const now = figureRecord(shokai());
    const decoded = decodeFigureRecord(encodeFigureRecord(now));
    expect(decoded?.kind).toBe('shokai');
    // A document whose 常用求人数 still says 2: changed (with the record, and without one: no table is left out).
    const present = new Map(
      [...figureValues(shokai())].map(([tag, text]) => [tag, tag === 'm:常用求人数' ? '2' : text]),
    );
    for (const made of [decoded, null]) {
      const update = diffFigures(made, now, present);
      expect(update.changed).toEqual([
        { tag: 'm:常用求人数', place: { kind: 'cell', row: '常用求人数', column: '数' }, before: '2', after: '3' },
      ]);
      expect(update.unchanged).toBe(29);
      expect(update.refused).toEqual([]);
    }
    // Without a record the summary says so, and (no table being left) that the table figures are updated too.
    expect(figureUpdateLines(diffFigures(null, now, present), 'ja')).toEqual([
      '数字の更新: 変わった数字 1 件、変わらない数字 29 件',
      '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できません（表の行は決まっているので、表の数字も更新します）',
      '変更 表「常用求人数」の数: 2 → 3',
    ]);
    expect(figureUpdateLines(diffFigures(null, now, present), 'en')[1]).toBe(
      'The record of the figures made with the report is missing (e.g. the file was saved again by another program): deleted and new figures cannot be told apart (the tables have fixed rows, so their figures are updated too)',
    );
    expect(figureUpdateLines(diffFigures(decoded, now, present), 'ja')).toHaveLength(2);
  });

  it('prints the same HTML as without spans (spans are invisible)', () => {
    const doc = shokai();
    const html = renderReportHtml(doc);
    expect(html).toBe(renderReportHtml(withoutSpans(doc)));
    expect(html).toContain('<td class="right">350,000</td>');
  });

  it('reads site: tags back from a document, and no other new kind', () => {
    expect(isFigureTag('site:年度就職者数')).toBe(true);
    expect(isFigureTag('sites:年度就職者数')).toBe(false);
    expect(isFigureTag('site年度就職者数')).toBe(false);
  });
});

describe('a figure’s row in a table that names no rows', () => {
  it('is the non-empty cells before its first figure, a cell spanned from above left out', () => {
    const record = figureRecord({
      language: 'ja',
      title: 't',
      year: 2022,
      orgName: 'o',
      blocks: [
        {
          kind: 'table',
          header: ['区分', '空', '項目', '数', '後'],
          rows: [
            [{ text: '求人', rowSpan: 2 }, { text: '' }, { text: '常用' }, figureCell('3', 'm:a'), { text: '人' }],
            [{ text: '' }, { text: '臨時' }, figureCell('4', 'm:b'), figureCell('5', 'm:c')],
          ],
          align: ['left', 'left', 'left', 'right', 'right'],
          widths: [20, 20, 20, 20, 20],
        },
      ],
    });
    expect([...record.figures].map(([tag, value]) => [tag, value.place])).toEqual([
      ['m:a', { kind: 'cell', row: '求人・常用', column: '数' }],
      ['m:b', { kind: 'cell', row: '臨時', column: '数' }],
      ['m:c', { kind: 'cell', row: '臨時', column: '後' }],
    ]);
  });
});

function figureCell(text: string, tag: string) {
  return { text, figures: [{ start: 0, end: text.length, tag }] };
}
