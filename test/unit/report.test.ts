// Tests for the report builder: layout, money rounding, fiscal years, templates and privacy.
import { makeReport } from '../../src/core/pipeline';
import { renderReportHtml } from '../../src/core/render-html';
import { toThousandYen } from '../../src/core/report';
import type { ReportDocument, ReportTable } from '../../src/core/report-document';
import { referenceKey } from '../../src/core/templates';
import { PROGRAM_HEADER, rawWorkbook } from '../helpers/raw';

function workbook(overrides: Record<string, unknown[][]> = {}): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', '特定非営利活動法人 テスト'],
      ['対象年度', 2022],
    ],
    事業: [
      PROGRAM_HEADER,
      ['紹介', '職業紹介事業', '特定非営利活動', '', '通年', '関東', 6, '兼任', '企業', '{{就職者数}}名', 1],
      ['育成', '統合事業', '特定非営利活動', '', '通年', '関東', 3, '', '難民', '延べ{{参加者数|事業内容=育成}}名', 2],
      ['調査', '統合事業', '特定非営利活動', '実施なし', '', '', '', '', '', '', 3],
      ['寄付', '募金事業', 'その他の事業', '', '不定期', '不特定', 2, '', '', '', 4],
    ],
    候補者: [
      ['候補者ID', '氏名', '国籍', '属性', '就職日', '初回接点日', '同意取得日', '備考'],
      ['C1', '仮名一', '架空国', '難民認定', '2022/5/1', '2022/4/1', '2022/4/1', ''],
      ['C2', '仮名二', '架空国', '難民申請中', '2022/6/1', '2022/4/1', '2022/4/1', ''],
      ['C3', '仮名三', '架空国', '難民申請中', '2023/6/1', '2022/4/1', '2022/4/1', ''],
    ],
    イベント: [
      ['イベントID', '事業内容', '種別', '開始日', '参加者数'],
      ['E1', '育成', '交流会', '2022/4/10', 12],
      ['E2', '育成', '勉強会', '2023/3/31', 8],
      ['E3', '育成', '勉強会', '2023/4/1', 100],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額', '摘要'],
      ['2022/4/1', '紹介', '人件費', 6_408_300, ''],
      ['2022/4/1', '育成', '人件費', 9_966_300, ''],
      ['2022/4/1', '寄付', 'その他経費', 800_400, ''],
      ['2022/4/1', '管理費', '人件費', 5_000_000, ''],
    ],
    本文: [
      ['見出し', '小見出し', '順序', '本文'],
      ['統合事業', '育成', 2, '交流会などを{{イベント回数|事業内容=育成}}回開きました。'],
      ['職業紹介事業', '', 1, '{{就職者数}}名が就職しました。'],
      ['統合事業', '育成', 3, '二つ目の段落。'],
    ],
    ...overrides,
  };
}

function report(tabs: Record<string, unknown[][]>, request: Parameters<typeof makeReport>[1] = {}): ReportDocument {
  const result = makeReport(rawWorkbook(tabs), request);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.tab}!${i.cell} ${i.message}`).join('\n'));
  return result.report;
}

const tables = (doc: ReportDocument): ReportTable[] => doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
const texts = (doc: ReportDocument): string[] =>
  doc.blocks.filter((b) => b.kind !== 'table').map((b) => ('text' in b ? b.text : ''));

describe('buildReportDocument', () => {
  it('lays out title, 団体名, period, narrative by 順序 and the two sections', () => {
    expect(texts(report(workbook()))).toEqual([
      '2022年度 事業報告書',
      '特定非営利活動法人 テスト',
      '（2022年4月1日から2023年3月31日まで）',
      '１．事業の成果',
      '【職業紹介事業】',
      '2名が就職しました。',
      '【統合事業】',
      '<育成>',
      '交流会などを2回開きました。',
      '二つ目の段落。',
      '２．事業の実施に関する事項',
      '（１）特定非営利活動に係る事業（事業費の総費用【 16,375 】千円）',
      '（２）その他の事業（事業費の総費用【 800 】千円）',
    ]);
  });

  it('fills the 8-column table with grouped 定款 rows, 実施なし, staff notes and 千円', () => {
    const [specified, other] = tables(report(workbook()));
    expect(specified.header).toHaveLength(8);
    expect(specified.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['職業紹介事業', '紹介', '通年', '関東', '6人（兼任）', '企業', '2名', '6,408'],
      ['統合事業', '育成', '通年', '関東', '3人', '難民', '延べ20名', '9,966'],
      ['調査', '当該年度は実施なし', '－', '－', '－', '－', '0'],
    ]);
    expect(specified.rows[1][0].rowSpan).toBe(2);
    expect(other.header).toEqual([
      '定款に記載された事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者人数',
      '事業費（千円）',
    ]);
    expect(other.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['募金事業', '寄付', '不定期', '不特定', '2人', '800'],
    ]);
  });

  it('writes なし when there is no その他の事業', () => {
    const programs = workbook().事業.filter((row) => row[2] !== 'その他の事業');
    const doc = report(workbook({ 事業: programs, 費用: workbook().費用.filter((row) => row[1] !== '寄付') }));
    const index = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('（２）'));
    expect(doc.blocks[index]).toEqual({
      kind: 'heading',
      level: 2,
      text: '（２）その他の事業（事業費の総費用【 0 】千円）',
      figures: [{ start: 19, end: 20, tag: 'total:その他の事業' }],
    });
    expect(doc.blocks[index + 1]).toEqual({ kind: 'paragraph', text: 'なし' });
  });

  it('sums yen before rounding, so the total may differ by one from the rounded rows', () => {
    // 6,408,300 + 9,966,300 + 5,218,300 + 800,100 = 22,393,000: rows 6,408 + 9,966 + 5,218 + 800 = 22,392.
    const costs = [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/1', '紹介', '人件費', 6_408_300],
      ['2022/4/1', '育成', '人件費', 9_966_300],
      ['2022/4/1', '調査', '人件費', 5_218_300],
      ['2022/4/1', '紹介', 'その他経費', 800_100],
    ];
    const programs = workbook().事業.map((row) =>
      row[0] === '調査' ? [...row.slice(0, 3), '', ...row.slice(4)] : row,
    );
    const doc = report(workbook({ 事業: programs, 費用: costs }));
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.text.startsWith('（１）'))).toMatchObject({
      text: '（１）特定非営利活動に係る事業（事業費の総費用【 22,393 】千円）',
    });
    expect(tables(doc)[0].rows.map((row) => row[row.length - 1].text)).toEqual(['7,208', '9,966', '5,218']);
  });

  it('rounds by 端数処理: 四捨五入 and 切り捨て', () => {
    expect([499, 500, 1499, 1500, -1500].map((yen) => toThousandYen(yen, '四捨五入'))).toEqual([0, 1, 1, 2, -2]);
    expect([499, 999, 1999, -1999].map((yen) => toThousandYen(yen, '切り捨て'))).toEqual([0, 0, 1, -1]);
    const truncated = workbook({ 設定: [...workbook().設定, ['端数処理', '切り捨て']] });
    const doc = report(truncated);
    expect(tables(doc)[0].rows.map((row) => row[row.length - 1].text)).toEqual(['6,408', '9,966', '0']);
    expect(tables(doc)[1].rows[0][5].text).toBe('800');
  });

  it('shortens a partial first year to 初年度開始日', () => {
    const partial = workbook({ 設定: [...workbook().設定, ['初年度開始日', '2022/5/15']] });
    const doc = report(partial);
    expect(doc.blocks[2]).toEqual({ kind: 'subtitle', text: '（2022年5月15日から2023年3月31日まで）' });
    // E1 (2022-04-10) and C1 hired 2022-05-01 fall before the first day.
    expect(tables(doc)[0].rows[0][6].text).toBe('1名');
    expect(tables(doc)[0].rows[1][6].text).toBe('延べ8名');
  });

  it('uses 年度開始月 for the period: a calendar-year NPO', () => {
    const calendar = workbook({ 設定: [...workbook().設定, ['年度開始月', 1]] });
    const doc = report(calendar);
    expect(doc.blocks[2]).toEqual({ kind: 'subtitle', text: '（2022年1月1日から2022年12月31日まで）' });
    expect(tables(doc)[0].rows[1][6].text).toBe('延べ12名');
  });

  it('hides small 属性 breakdowns as 「（秘匿）」, drops their unit and explains the label once, at the end', () => {
    const narrative = [
      ['見出し', '本文'],
      ['内訳', '難民申請中{{就職者数|属性=難民申請中}}名、難民認定{{就職者数|属性=難民認定}}名、合計{{就職者数}}名。'],
    ];
    const doc = report(workbook({ 本文: narrative }));
    // C1 (難民認定) and C2 (難民申請中) were hired in FY2022: 1 and 1, total 2.
    expect(texts(doc)).toContain('難民申請中（秘匿）、難民認定（秘匿）、合計2名。');
    expect(doc.blocks.at(-1)).toEqual({
      kind: 'note',
      text: '（秘匿）: 属性別の人数のうち3名未満のものと、ほかの数字との足し引きでそれがわかってしまうものは、個人が特定されないよう表示していません。',
    });
    const english = report(workbook({ 本文: narrative }), { language: 'en' });
    expect(texts(english)).toContain('難民申請中(suppressed)、難民認定(suppressed)、合計2名。');
    expect(english.blocks.at(-1)).toEqual({
      kind: 'note',
      text: '(suppressed): counts by status below 3, and counts from which such a count could be worked out by adding or subtracting other figures, are not shown, so that no one can be identified.',
    });
    // Without a 属性 split nothing is hidden and no note is added.
    expect(report(workbook()).blocks.some((block) => block.kind === 'note')).toBe(false);
  });

  it('closes the differencing hole: 全体 − 人道配慮以外 can no longer give 人道配慮', () => {
    const others = '難民申請中,難民認定,補完的保護,避難民,その他';
    const narrative = [
      ['見出し', '本文'],
      [
        '在留資格',
        `在留資格変更 全体 {{在留資格変更数}} / 人道配慮以外 {{在留資格変更数|属性=${others}}} / 人道配慮 {{在留資格変更数|属性=人道配慮}}`,
      ],
    ];
    const candidates = [
      ['候補者ID', '属性', '在留資格変更日'],
      ['C1', '人道配慮', '2022/6/1'],
      ['C2', '人道配慮', '2022/7/1'],
      ['C3', '難民認定', '2021/7/1'],
    ];
    const doc = report(workbook({ 本文: narrative, 候補者: candidates }));
    // Before: 「全体 2 / 人道配慮以外 0 / 人道配慮 3名未満」, from which 2 − 0 = 2.
    expect(texts(doc)).toContain('在留資格変更 全体 2 / 人道配慮以外 （秘匿） / 人道配慮 （秘匿）');
  });

  it('hides a 受益対象者の人数 figure that 本文 figures of the same metric would give away', () => {
    const programs = workbook().事業.map((row, index) =>
      index === 1 ? [...row.slice(0, 9), '人道配慮{{就職者数|属性=人道配慮}}名', ...row.slice(10)] : row,
    );
    const narrative = [
      ['見出し', '本文'],
      ['就職', '就職{{就職者数}}名、うち難民認定{{就職者数|属性=難民認定}}名。'],
    ];
    const candidates = [
      ['候補者ID', '属性', '就職日'],
      ['C1', '人道配慮', '2022/6/1'],
      ['C2', '難民認定', '2022/6/1'],
      ['C3', '難民認定', '2022/6/1'],
      ['C4', '難民認定', '2022/6/1'],
    ];
    const doc = report(workbook({ 事業: programs, 本文: narrative, 候補者: candidates }));
    // 人道配慮 1 is hidden in the table; then 4 − 3 would give it: 難民認定 3 is hidden in 本文 too.
    expect(texts(doc)).toContain('就職4名、うち難民認定（秘匿）。');
    expect(tables(doc)[0].rows[0][6].text).toBe('人道配慮（秘匿）');
  });

  it('explains 「（秘匿）」 when it is printed only in one cell of one table row, not the first', () => {
    // 人道配慮 hires: 0 of C1–C3 (below 3) → hidden in 育成's 受益対象者の人数 only; 本文 prints no hidden figure.
    const programs = workbook().事業.map((row, index) =>
      index === 2 ? [...row.slice(0, 9), '人道配慮{{就職者数|属性=人道配慮}}名', ...row.slice(10)] : row,
    );
    const narrative = [
      ['見出し', '本文'],
      ['就職', '二つ目の段落。'],
    ];
    const doc = report(workbook({ 事業: programs, 本文: narrative }));
    expect(tables(doc)[0].rows.map((row) => row.filter((cell) => cell.text.includes('（秘匿）')).length)).toEqual([
      0, 1, 0,
    ]);
    expect(texts(doc).filter((text) => text.includes('（秘匿）'))).toEqual([
      '（秘匿）: 属性別の人数のうち3名未満のものと、ほかの数字との足し引きでそれがわかってしまうものは、個人が特定されないよう表示していません。',
    ]);
    expect(doc.blocks.at(-1)?.kind).toBe('note');
  });

  it('prints every figure when 秘匿しきい値 is 1, with a warning at 設定', () => {
    const narrative = [
      ['見出し', '本文'],
      ['内訳', '難民申請中{{就職者数|属性=難民申請中}}名、合計{{就職者数}}名。'],
    ];
    const settings = [...workbook().設定, ['秘匿しきい値', 1]];
    const result = makeReport(rawWorkbook(workbook({ 設定: settings, 本文: narrative })));
    expect(result.ok && texts(result.report)).toContain('難民申請中1名、合計2名。');
    expect(result.issues.map((i) => `${i.severity} ${i.code} ${i.tab}!${i.cell} ${i.message}`)).toEqual([
      'warning low_suppression_threshold 設定!B4 秘匿しきい値が1です。3未満では少ない人数の属性がそのまま報告書に載り、個人が特定されるおそれがあります（3以上を推奨）',
    ]);
    const three = [...workbook().設定, ['秘匿しきい値', 3]];
    expect(makeReport(rawWorkbook(workbook({ 設定: three }))).issues).toEqual([]);
  });

  it('inserts a referenced cell and refuses references into person-level data', () => {
    const narrative = [
      ['見出し', '本文'],
      ['寄付', '寄付者は{{=集計!B3}}名でした。'],
    ];
    const references = new Map([[referenceKey('集計!B3'), { text: '1,234', sheet: '集計', column: 1 }]]);
    expect(texts(report(workbook({ 本文: narrative }), { references }))).toContain('寄付者は1,234名でした。');
    const personal = new Map([[referenceKey('集計!B3'), { text: '仮名一', sheet: '候補者', column: 1 }]]);
    const refused = makeReport(rawWorkbook(workbook({ 本文: narrative })), { references: personal });
    expect(refused.ok).toBe(false);
    expect(refused.issues.map((i) => `${i.code} ${i.tab}!${i.cell}`)).toEqual(['personal_reference 本文!B2']);
    const throughFormula = new Map([
      [referenceKey('集計!B3'), { text: '3', sheet: '集計', column: 1, formula: "=INDEX('候補者'!B:B, 2)" }],
    ]);
    const refusedFormula = makeReport(rawWorkbook(workbook({ 本文: narrative })), { references: throughFormula });
    expect(refusedFormula.issues.map((i) => i.code)).toEqual(['personal_formula_reference']);
    const aggregate = new Map([
      [referenceKey('集計!B3'), { text: '12', sheet: '集計', column: 1, formula: '=SUM(B1:B2)' }],
    ]);
    expect(makeReport(rawWorkbook(workbook({ 本文: narrative })), { references: aggregate }).ok).toBe(true);
    const missing = makeReport(rawWorkbook(workbook({ 本文: narrative })));
    expect(missing.issues.map((i) => `${i.code} ${i.tab}!${i.cell}`)).toEqual(['unknown_cell_reference 本文!B2']);
  });

  it('warns when the chosen year has no rows at all', () => {
    const result = makeReport(rawWorkbook(workbook()), { year: 2019 });
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => `${i.severity} ${i.code} ${i.message}`)).toEqual([
      'warning no_data_for_year 2019年度（2019-04-01〜2020-03-31）の費用・イベント・候補者の行が1件もありません。対象年度と年度開始月を確認してください',
    ]);
    expect(makeReport(rawWorkbook(workbook())).issues).toEqual([]);
  });

  it('lets an explicit year stand in for a missing 対象年度, and otherwise asks for it', () => {
    const noYear = workbook({ 設定: workbook().設定.filter((row) => row[0] !== '対象年度') });
    expect(report(noYear, { year: 2022 }).title).toBe('2022年度 事業報告書');
    const missing = makeReport(rawWorkbook(noYear));
    expect(missing.issues.map((i) => `${i.code} ${i.column}`)).toEqual(['missing_setting 対象年度']);
  });

  it('adds the 人件費 / その他経費 appendix on request, with 管理費 apart', () => {
    const doc = report(workbook(), { appendix: true });
    const appendix = tables(doc)[2];
    expect(appendix.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['紹介', '6,408,300', '0', '6,408,300'],
      ['育成', '9,966,300', '0', '9,966,300'],
      ['調査', '0', '0', '0'],
      ['寄付', '0', '800,400', '800,400'],
      ['事業費 合計', '16,374,600', '800,400', '17,175,000'],
      ['管理費（事業費に含まない）', '5,000,000', '0', '5,000,000'],
    ]);
  });

  it('keeps every person-level value out of the report and its HTML', () => {
    const planted = workbook({
      候補者: [
        ['候補者ID', '氏名', '国籍', '属性', '就職日', '初回接点日', '同意取得日', '備考'],
        [
          'SENTINEL_ID_7',
          'SENTINEL_NAME_7',
          'SENTINEL_NATION_7',
          '難民認定',
          '2022/5/1',
          '2022/4/1',
          '2022/4/1',
          'SENTINEL_NOTE_7',
        ],
      ],
      費用: [
        ['日付', '事業内容', '費目', '金額', '摘要'],
        ['2022/4/1', '紹介', '人件費', 1000, 'SENTINEL_MEMO_7'],
      ],
    });
    const doc = report(planted);
    const html = renderReportHtml(doc);
    expect(html).toContain('1名');
    expect(`${JSON.stringify(doc)}${html}`).not.toMatch(/SENTINEL/);
  });

  it('merges grouped 定款 rows in HTML and keeps the other cells in their columns', () => {
    const html = renderReportHtml(report(workbook()));
    expect(html).toContain('<tr><td rowspan="2">統合事業</td><td>育成</td>');
    expect(html).toContain('<tr><td>調査</td><td>当該年度は実施なし</td><td>－</td><td class="center">－</td>');
  });

  it('escapes cell text in HTML', () => {
    const narrative = [
      ['見出し', '本文'],
      ['<script>x</script>', '<img src=x onerror=alert(1)> & "quotes"'],
    ];
    const html = renderReportHtml(report(workbook({ 本文: narrative })));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>x');
  });
});
