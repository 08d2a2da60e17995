// Hostile input for the 会議 tab and the optional tabs: markup and placeholders in 議題, huge and odd cells, many rows,
// the tab under two names, and a 候補者 sentinel that must never reach section ３ or a "needs a tab" message.
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { renderReportHtml } from '../../src/core/render-html';
import type { ReportTable } from '../../src/core/report-document';
import { foodBankTabs } from '../fixtures/food-bank';
import { rawWorkbook } from '../helpers/raw';

const HEADER = ['開催日', '種別', '出席者数', '議題', '結果'];

function withMeetings(rows: unknown[][], extra: Record<string, unknown[][]> = {}) {
  return rawWorkbook({ ...foodBankTabs(), 会議: [HEADER, ...rows], ...extra });
}

function sectionThree(rows: unknown[][]): string[][] {
  const result = makeReport(withMeetings(rows));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.tab}!${i.cell} ${i.message}`).join('\n'));
  const blocks = result.report.blocks;
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === '３．社員総会等の開催状況');
  return (blocks[at + 1] as ReportTable).rows.map((row) => row.map((cell) => cell.text));
}

describe('会議 cells that try to be something else', () => {
  it('prints markup in 議題 and 結果 as text: the HTML escapes it', () => {
    const rows = [['2022/6/25', '社員総会', 10, '<script>alert(1)</script>&amp;', '</td></tr><tr><td>承認']];
    const result = makeReport(withMeetings(rows));
    if (!result.ok) throw new Error('blocked');
    const html = renderReportHtml(result.report);
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;</td>');
    expect(html).toContain('<td>&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;承認</td>');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('prints a placeholder in 議題 as typed: 会議 is not a template column, so nothing is computed or looked up', () => {
    const rows = [['2022/6/25', '理事会', 5, '{{新規接点数}} と {{=候補者!B2}}', '{{事業費}}']];
    expect(sectionThree(rows)).toEqual([
      ['2022年6月25日', '理事会', '5人', '{{新規接点数}} と {{=候補者!B2}}', '{{事業費}}'],
    ]);
  });

  it('refuses a 種別 that only looks like a kind, quoting it on one line', () => {
    const rows = [
      ['2022/6/25', '社員総会\n理事会', 5, '', ''],
      ['2022/6/26', '社員総会（臨時）', 5, '', ''],
    ];
    const { issues } = checkWorkbook(withMeetings(rows));
    expect(issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        'invalid_choice',
        'B2',
        '「種別」の「社員総会 理事会」は選択肢にありません（社員総会 / 理事会 / その他 のいずれか）',
      ],
      [
        'invalid_choice',
        'B3',
        '「種別」の「社員総会（臨時）」は選択肢にありません（社員総会 / 理事会 / その他 のいずれか）',
      ],
    ]);
  });

  it('reads a 200,000-character 開催日 and 出席者数 in linear time, as one issue each', () => {
    const long = `2022/6/25${'0'.repeat(200_000)}`;
    const started = Date.now();
    const { issues } = checkWorkbook(withMeetings([[long, '理事会', '1'.repeat(200_000), '', '']]));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ['invalid_date', 'A2'],
      ['invalid_number', 'C2'],
    ]);
  });

  it('lists 5,000 meetings of the year in date order without a quadratic cost', () => {
    // Months 4..12 and days 1..28 in a scrambled order; the last in date order is 2022/12/28 (i = 251).
    const rows = Array.from({ length: 5000 }, (_, i) => [
      `2022/${4 + (i % 9)}/${1 + (i % 28)}`,
      '理事会',
      i,
      `議題${i}`,
      '承認',
    ]);
    const started = Date.now();
    const table = sectionThree(rows);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(table).toHaveLength(5000);
    expect(table[0][0]).toBe('2022年4月1日');
    expect(table[4999][0]).toBe('2022年12月28日');
  });
});

describe('the tab itself', () => {
  it('is one tab under its Japanese and English names: both present is an error naming both', () => {
    const raw = withMeetings([], { Meetings: [HEADER] });
    const { issues } = checkWorkbook(raw);
    expect(issues.map((i) => [i.code, i.tab, i.cell, i.params.other])).toEqual([
      ['duplicate_tab', '会議', 'A1', 'Meetings'],
    ]);
  });

  it('is read under its English name and English headers', () => {
    const raw = rawWorkbook({
      ...foodBankTabs(),
      Meetings: [
        ['Date', 'Kind', 'Attendance', 'Agenda', 'Result'],
        ['2022-06-25', '社員総会', 12, 'Approval of the FY2021 report', 'Approved'],
      ],
    });
    const result = makeReport(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const at = result.report.blocks.findIndex((b) => b.kind === 'heading' && b.text === '３．社員総会等の開催状況');
    expect((result.report.blocks[at + 1] as ReportTable).rows.map((row) => row.map((c) => c.text))).toEqual([
      ['2022年6月25日', '社員総会', '12人', 'Approval of the FY2021 report', 'Approved'],
    ]);
  });
});

describe('a 候補者 sentinel', () => {
  it('never reaches section ３ or the message of a template that needs a missing tab', () => {
    const SENTINEL = 'SENTINEL_MEETING_候補者_9f3';
    const tabs: Record<string, unknown[][]> = {
      ...foodBankTabs(),
      候補者: [
        ['候補者ID', '氏名', '国籍', '備考', '初回接点日', '同意取得日'],
        [SENTINEL, SENTINEL, SENTINEL, SENTINEL, '2022/5/1', '2022/5/1'],
      ],
      会議: [HEADER, ['2022/6/25', '社員総会', 10, '事業報告の承認', '承認']],
    };
    tabs.本文.push(['見出し2', '{{ヒアリング企業数}}社']);
    const checked = checkWorkbook(rawWorkbook(tabs));
    expect(checked.issues.map((i) => [i.code, i.tab, i.cell])).toEqual([['metric_needs_tab', '本文', 'B3']]);
    expect(JSON.stringify(checked.issues)).not.toContain('SENTINEL');
    tabs.本文.pop();
    const result = makeReport(rawWorkbook(tabs));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('SENTINEL');
  });
});
