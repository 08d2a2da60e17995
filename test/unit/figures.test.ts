// Tests for issue 14's core: figure tags, the spans a report carries, its figure record, the diff and the summary.
import { sanitizeReportDocument } from '../../src/core/document-text';
import { boundTag, escapeTagPiece, fnv1a, isFigureTag, MAX_TAG_LENGTH, metricTag } from '../../src/core/figure-tags';
import {
  decodeFigureRecord,
  diffFigures,
  encodeFigureRecord,
  type FigureRecord,
  type FigureValue,
  figureRecord,
  figureUpdateLines,
  figureValues,
  MAX_RECORD_CHARS,
} from '../../src/core/figures';
import { findMetric, type MetricDef } from '../../src/core/metrics';
import { makeReport } from '../../src/core/pipeline';
import type { Block, ReportDocument, ReportTable } from '../../src/core/report-document';
import { PROGRAM_HEADER, rawWorkbook } from '../helpers/raw';

/**
 * Worked by hand: 就職者数 in FY2022 = C1 (5/1) and C2 (6/1) = 2 (C3 is 2023/6/1); 育成's events in the year are E1
 * (12) and E2 (8): 2 events, 20 参加者; 事業費 紹介 6,408,300 → 6,408, 育成 9,966,300 → 9,966, so （１） is
 * 16,374,600 yen → 16,375 千円; 寄付 800,400 → 800.
 */
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
    ],
    本文: [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', 1, '{{就職者数}}名が就職しました。'],
      ['統合事業', '育成', 2, '交流会などを{{イベント回数|事業内容=育成}}回開きました。'],
    ],
    ...overrides,
  };
}

function report(tabs: Record<string, unknown[][]>, request: Parameters<typeof makeReport>[1] = {}): ReportDocument {
  const result = makeReport(rawWorkbook(tabs), request);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.tab}!${i.cell} ${i.message}`).join('\n'));
  return result.report;
}

const paragraphs = (doc: ReportDocument) =>
  doc.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
const tables = (doc: ReportDocument): ReportTable[] => doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
const metric = (id: string) => findMetric(id) as MetricDef;

describe('figure tags', () => {
  it('escapes the separators, XML specials, spaces and controls of a piece; folds width; keeps kanji and emoji', () => {
    expect(escapeTagPiece('育成　事業')).toBe('育成%20事業');
    expect(escapeTagPiece('ＡＢＣ事業')).toBe('ABC事業');
    expect(escapeTagPiece('事業<1>&"x"')).toBe('事業%3C1%3E%26%22x%22');
    expect(escapeTagPiece("a:b|c=d,e/f%'")).toBe('a%3Ab%7Cc%3Dd%2Ce%2Ff%25%27');
    expect(escapeTagPiece('x\u0007y\u0085z')).toBe('x%07y%u0085z');
    expect(escapeTagPiece('x\ufffey\ud800z')).toBe('x%uFFFEy%uD800z');
    expect(escapeTagPiece('😀事業')).toBe('😀事業');
    // Category by category, each side of the line: kept ~ ¡ ‐ ‰ 〜 ア; escaped DEL, NBSP, ZWSP, LRM, LS, NNBSP, BOM,
    // a private-use character, a noncharacter outside the BMP (as its two UTF-16 units).
    expect(escapeTagPiece('~¡‐‰〜ア')).toBe('~¡‐‰〜ア');
    expect(escapeTagPiece('x\u0080y')).toBe('x%u0080y');
    expect(
      ['\u007f', 'a\u00a0b', '\u200b', '\u200e', '\u2028', 'a\u202fb', '\ufeff', '\ue000', '\u{1fffe}'].map((piece) =>
        escapeTagPiece(`x${piece}y`),
      ),
    ).toEqual([
      'x%7Fy',
      'xa%20by',
      'x%u200By',
      'x%u200Ey',
      // normalizeText makes these three spaces first.
      'x%20y',
      'xa%20by',
      'x%20y',
      'x%uE000y',
      'x%uD83F%uDFFEy',
    ]);
  });

  it('names a placeholder by metric and filters in the metric’s order, values sorted, whatever order typed', () => {
    const events = metric('イベント回数');
    expect(metricTag(events, { 種別: ['勉強会', '交流会'], 事業内容: ['育成'] })).toBe(
      'm:イベント回数|事業内容=育成|種別=交流会,勉強会',
    );
    expect(metricTag(events, { 事業内容: ['育成'], 種別: ['交流会', '勉強会'] })).toBe(
      'm:イベント回数|事業内容=育成|種別=交流会,勉強会',
    );
    expect(metricTag(metric('就職者数'), {})).toBe('m:就職者数');
    expect(metricTag(metric('就職者数'), { 属性: [] })).toBe('m:就職者数');
  });

  it('bounds a long tag to MAX_TAG_LENGTH with a hash of the whole, so two long tags stay apart', () => {
    const a = boundTag(`cost:${'あ'.repeat(200)}`);
    const b = boundTag(`cost:${'あ'.repeat(199)}い`);
    expect(a).toHaveLength(MAX_TAG_LENGTH);
    expect(a.slice(0, 111)).toBe(`cost:${'あ'.repeat(106)}`);
    expect(a).toMatch(/~[0-9A-F]{8}$/);
    expect(b.slice(0, 111)).toBe(a.slice(0, 111));
    expect(b).not.toBe(a);
    expect(boundTag('cost:育成')).toBe('cost:育成');
    // Exactly MAX_TAG_LENGTH stays as it is; one more is bounded.
    expect(boundTag(`m:${'a'.repeat(118)}`)).toBe(`m:${'a'.repeat(118)}`);
    expect(boundTag(`m:${'a'.repeat(119)}`)).toMatch(/^m:a{109}~[0-9A-F]{8}$/);
    // The cut falls after a high surrogate (U+D800 and U+DBFF, the range's ends): the pair goes whole; after a low
    // surrogate (a pair ending at the cut) it stays.
    expect(boundTag(`m:${'a'.repeat(108)}\u{10000}${'b'.repeat(20)}`).slice(0, 111)).toBe(`m:${'a'.repeat(108)}~`);
    expect(boundTag(`m:${'a'.repeat(108)}\u{10fc00}${'b'.repeat(20)}`).slice(0, 111)).toBe(`m:${'a'.repeat(108)}~`);
    expect(boundTag(`m:${'a'.repeat(107)}\u{10000}${'b'.repeat(20)}`).slice(0, 112)).toBe(
      `m:${'a'.repeat(107)}\u{10000}~`,
    );
    // Never cut inside a surrogate pair: the emoji that would be split at the cut goes whole.
    const emoji = boundTag(`cost:${'a'.repeat(105)}😀${'b'.repeat(50)}`);
    expect(emoji).toHaveLength(MAX_TAG_LENGTH - 1);
    expect(emoji.slice(0, 111)).toBe(`cost:${'a'.repeat(105)}~`);
  });

  it('hashes with FNV-1a (the published 32-bit vectors)', () => {
    expect([fnv1a(''), fnv1a('a'), fnv1a('foobar')]).toEqual(['811C9DC5', 'E40C292C', 'BF9CF968']);
  });

  it('recognises its own tags only (a known kind, within the length)', () => {
    expect(isFigureTag('cost:育成')).toBe(true);
    expect(isFigureTag('m:就職者数')).toBe(true);
    expect(isFigureTag('appendix-total:人件費')).toBe(true);
    expect(isFigureTag('foo:育成')).toBe(false);
    expect(isFigureTag('Cost:育成')).toBe(false);
    expect(isFigureTag('xcost:育成')).toBe(false);
    expect(isFigureTag(`m:${'a'.repeat(MAX_TAG_LENGTH - 2)}`)).toBe(true);
    expect(isFigureTag(`m:${'a'.repeat(MAX_TAG_LENGTH - 1)}`)).toBe(false);
  });
});

describe('figure spans in the report', () => {
  it('marks each placeholder of 本文, its unit included', () => {
    expect(paragraphs(report(workbook())).map((p) => [p.text, p.figures])).toEqual([
      ['2名が就職しました。', [{ start: 0, end: 2, tag: 'm:就職者数' }]],
      ['交流会などを2回開きました。', [{ start: 6, end: 7, tag: 'm:イベント回数|事業内容=育成' }]],
    ]);
  });

  it('covers （秘匿） without a unit, and the unit with a figure printed (so an update swaps the two cleanly)', () => {
    // C1 is the only 難民認定 placement: 1 < 3 (秘匿しきい値) is hidden; the total, without a 属性 filter, is not.
    const body = [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', 1, '{{就職者数|属性=難民認定}}名と{{就職者数}}名'],
    ];
    expect(paragraphs(report(workbook({ 本文: body }))).map((p) => [p.text, p.figures])).toEqual([
      [
        '（秘匿）と2名',
        [
          { start: 0, end: 4, tag: 'm:就職者数|属性=難民認定' },
          { start: 5, end: 7, tag: 'm:就職者数' },
        ],
      ],
    ]);
    const english = [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', 1, '{{就職者数}} people, {{=集計!B3}}.'],
    ];
    const references = new Map([['集計!b3', { text: ' 1,200 ', sheet: '集計', column: 1 }]]);
    expect(
      paragraphs(report(workbook({ 本文: english }), { references: () => references })).map((p) => p.figures),
    ).toEqual([
      [
        { start: 0, end: 8, tag: 'm:就職者数' },
        { start: 10, end: 15, tag: 'r:集計!B3' },
      ],
    ]);
  });

  it('closes a figure followed at once by another placeholder, and one that ends the text', () => {
    const body = [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', 1, '計{{就職者数}}{{イベント回数}}'],
    ];
    expect(paragraphs(report(workbook({ 本文: body }))).map((p) => [p.text, p.figures])).toEqual([
      [
        '計22',
        [
          { start: 1, end: 2, tag: 'm:就職者数' },
          { start: 2, end: 3, tag: 'm:イベント回数' },
        ],
      ],
    ]);
  });

  it('splits a multi-line 本文 into paragraphs, each with its own figures at offsets within it', () => {
    const body = [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', 1, 'まず{{就職者数}}名。\r\n\r\n次に{{イベント回数}}回。'],
    ];
    expect(paragraphs(report(workbook({ 本文: body }))).map((p) => [p.text, p.figures])).toEqual([
      ['まず2名。', [{ start: 2, end: 4, tag: 'm:就職者数' }]],
      ['次に2回。', [{ start: 2, end: 3, tag: 'm:イベント回数' }]],
    ]);
  });

  it('moves the spans with the text when a control character is removed before a figure', () => {
    const body = [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', 1, 'a\u0007b{{就職者数}}名'],
    ];
    expect(paragraphs(report(workbook({ 本文: body }))).map((p) => [p.text, p.figures])).toEqual([
      ['ab2名', [{ start: 2, end: 4, tag: 'm:就職者数' }]],
    ]);
  });

  it('marks the 事業費, 受益対象者の人数 and template cells of each 事業 row, and names the rows', () => {
    const tabs = workbook();
    tabs.事業[2] = [
      '育成',
      '統合事業',
      '特定非営利活動',
      '',
      '{{イベント回数|事業内容=育成}}回',
      '関東',
      3,
      '',
      '難民',
      '延べ{{参加者数|事業内容=育成}}名',
      2,
    ];
    const [first, second] = tables(report(tabs));
    expect(first.figureRows).toEqual({ id: 'programs:特定非営利活動', rows: ['紹介', '育成', '調査'] });
    expect(
      first.rows.map((row) => row.filter((cell) => cell.figures).map((cell) => [cell.text, cell.figures])),
    ).toEqual([
      [
        ['2名', [{ start: 0, end: 2, tag: 'beneficiaries:紹介' }]],
        ['6,408', [{ start: 0, end: 5, tag: 'cost:紹介' }]],
      ],
      [
        ['2回', [{ start: 0, end: 2, tag: 'when:育成' }]],
        ['延べ20名', [{ start: 0, end: 5, tag: 'beneficiaries:育成' }]],
        ['9,966', [{ start: 0, end: 5, tag: 'cost:育成' }]],
      ],
      [
        // A 事業 not carried out: its 受益対象者 cell is still the figure's place (a later update may fill it).
        ['－', [{ start: 0, end: 1, tag: 'beneficiaries:調査' }]],
        ['0', [{ start: 0, end: 1, tag: 'cost:調査' }]],
      ],
    ]);
    expect(second.figureRows).toEqual({ id: 'programs:その他の事業', rows: ['寄付'] });
    expect(second.rows[0].filter((cell) => cell.figures).map((cell) => cell.figures)).toEqual([
      [{ start: 0, end: 3, tag: 'cost:寄付' }],
    ]);
  });

  it('marks the section totals: in the heading (標準), in the 合計 row (記載例)', () => {
    const standard = report(workbook()).blocks.filter((b) => b.kind === 'heading' && b.level === 2);
    expect(standard.slice(-2)).toEqual([
      {
        kind: 'heading',
        level: 2,
        text: '（１）特定非営利活動に係る事業（事業費の総費用【 16,375 】千円）',
        figures: [{ start: 25, end: 31, tag: 'total:特定非営利活動' }],
      },
      {
        kind: 'heading',
        level: 2,
        text: '（２）その他の事業（事業費の総費用【 800 】千円）',
        figures: [{ start: 19, end: 22, tag: 'total:その他の事業' }],
      },
    ]);
    const tabs = workbook();
    tabs.設定.push(['様式', '記載例']);
    const [first] = tables(report(tabs));
    expect(first.figureRows).toEqual({ id: 'programs:特定非営利活動', rows: ['紹介', '育成', '調査', '合計'] });
    expect(first.rows[3][first.rows[3].length - 1]).toEqual({
      text: '16,375',
      figures: [{ start: 0, end: 6, tag: 'total:特定非営利活動' }],
    });
  });

  it('moves the total’s span with a 見出し: replacement of the section name', () => {
    const tabs = workbook();
    tabs.設定.push(['見出し:（２）その他の事業', '（２）その他の事業（収益事業）']);
    const headings = report(tabs).blocks.filter((b) => b.kind === 'heading' && b.level === 2);
    // 15 characters of the new name, 10 of the suffix before the figure.
    expect(headings[headings.length - 1]).toEqual({
      kind: 'heading',
      level: 2,
      text: '（２）その他の事業（収益事業）（事業費の総費用【 800 】千円）',
      figures: [{ start: 25, end: 28, tag: 'total:その他の事業' }],
    });
  });

  it('marks every appendix amount and names its rows', () => {
    const appendix = tables(report(workbook(), { appendix: true })).find((t) => t.figureRows?.id === 'appendix');
    expect(appendix?.figureRows?.rows).toEqual([
      '紹介',
      '育成',
      '調査',
      '寄付',
      '事業費 合計',
      '管理費（事業費に含まない）',
    ]);
    expect(appendix?.rows[0].map((cell) => cell.figures?.[0]?.tag ?? cell.text)).toEqual([
      '紹介',
      'appendix:紹介:人件費',
      'appendix:紹介:その他経費',
      'appendix:紹介:計',
    ]);
    expect(appendix?.rows[4].map((cell) => [cell.text, cell.figures?.[0]?.tag])).toEqual([
      ['事業費 合計', undefined],
      ['16,374,600', 'appendix-total:人件費'],
      ['800,400', 'appendix-total:その他経費'],
      ['17,175,000', 'appendix-total:計'],
    ]);
    expect(appendix?.rows[5].map((cell) => cell.figures?.[0]?.tag)).toEqual([
      undefined,
      'admin:人件費',
      'admin:その他経費',
      'admin:計',
    ]);
  });
});

describe('figureRecord', () => {
  it('gives each tag its text, its first place in words and its table', () => {
    const record = figureRecord(report(workbook()));
    expect(record.kind).toBe('jigyo');
    expect(record.year).toBe(2022);
    expect(record.language).toBe('ja');
    expect(record.figures.get('m:就職者数')).toEqual({
      text: '2名',
      place: { kind: 'text', section: '【職業紹介事業】', paragraph: 1 },
    });
    // The <育成> subheading does not start a new count: the paragraph is the first under 【統合事業】.
    expect(record.figures.get('m:イベント回数|事業内容=育成')?.place).toEqual({
      kind: 'text',
      section: '【統合事業】',
      paragraph: 1,
    });
    // The total in the heading belongs to the table it sums: refused with it when its rows change.
    expect(record.figures.get('total:特定非営利活動')).toEqual({
      text: '16,375',
      place: { kind: 'heading', text: '（１）特定非営利活動に係る事業（事業費の総費用【 … 】千円）' },
      table: 'programs:特定非営利活動',
    });
    expect(record.figures.get('cost:育成')).toEqual({
      text: '9,966',
      place: { kind: 'cell', row: '育成', column: '事業費（千円）' },
      table: 'programs:特定非営利活動',
    });
    expect([...record.tables]).toEqual([
      ['programs:特定非営利活動', ['紹介', '育成', '調査']],
      ['programs:その他の事業', ['寄付']],
    ]);
    expect(figureValues(report(workbook())).get('beneficiaries:育成')).toBe('延べ20名');
  });

  it('counts paragraphs and notes from the top when no heading came yet; a figure outside any table has no table', () => {
    const record = figureRecord({
      language: 'ja',
      title: 't',
      year: 2022,
      orgName: 'o',
      blocks: [
        { kind: 'title', text: 't' },
        { kind: 'table', header: ['a'], rows: [[{ text: '9' }]], align: ['left'], widths: [100] },
        { kind: 'paragraph', text: 'x 1', figures: [{ start: 2, end: 3, tag: 'm:a' }] },
        { kind: 'note', text: '2 y', figures: [{ start: 0, end: 1, tag: 'm:b' }] },
        { kind: 'heading', level: 3, text: '<小>' },
        { kind: 'paragraph', text: '3', figures: [{ start: 0, end: 1, tag: 'm:c' }] },
      ],
    });
    expect(record).toStrictEqual({
      kind: 'jigyo',
      year: 2022,
      language: 'ja',
      tables: new Map(),
      figures: new Map([
        ['m:a', { text: '1', place: { kind: 'text', section: '', paragraph: 1 } }],
        ['m:b', { text: '2', place: { kind: 'text', section: '', paragraph: 2 } }],
        ['m:c', { text: '3', place: { kind: 'text', section: '', paragraph: 3 } }],
      ]),
    });
    // No `table` key at all on a figure outside a table.
    expect(Object.keys(record.figures.get('m:a') as object)).toEqual(['text', 'place']);
  });

  it('keeps figure spans through cleaning, drops one left empty', () => {
    const clean = sanitizeReportDocument({
      language: 'ja',
      title: 't',
      year: 2022,
      orgName: 'o',
      blocks: [
        {
          kind: 'paragraph',
          text: 'a\u0001b1c',
          figures: [
            { start: 1, end: 2, tag: 'm:gone' },
            { start: 3, end: 4, tag: 'm:kept' },
          ],
        },
        { kind: 'paragraph', text: '\u0002', figures: [{ start: 0, end: 1, tag: 'm:empty' }] },
      ],
    });
    expect(clean.blocks).toStrictEqual([
      { kind: 'paragraph', text: 'ab1c', figures: [{ start: 2, end: 3, tag: 'm:kept' }] },
      { kind: 'paragraph', text: '' },
    ]);
  });

  it('names a table cell by its row of figureRows, and a row past those rows by ""', () => {
    const record = figureRecord({
      language: 'ja',
      title: 't',
      year: 2022,
      orgName: 'o',
      blocks: [
        {
          kind: 'table',
          header: ['事業内容', '事業費（千円）'],
          rows: [
            [{ text: '育成' }, { text: '9', figures: [{ start: 0, end: 1, tag: 'cost:育成' }] }],
            [{ text: '合計' }, { text: '10', figures: [{ start: 0, end: 2, tag: 'total:x' }] }],
          ],
          align: ['left', 'right'],
          widths: [50, 50],
          figureRows: { id: 'programs:x', rows: ['育成'] },
        },
      ],
    });
    expect(record.figures).toStrictEqual(
      new Map([
        [
          'cost:育成',
          { text: '9', place: { kind: 'cell', row: '育成', column: '事業費（千円）' }, table: 'programs:x' },
        ],
        ['total:x', { text: '10', place: { kind: 'cell', row: '', column: '事業費（千円）' }, table: 'programs:x' }],
      ]),
    );
    expect(record.tables).toStrictEqual(new Map([['programs:x', ['育成']]]));
  });

  it('keeps the first place of a tag printed twice', () => {
    const body = [
      ['見出し', '小見出し', '順序', '本文'],
      ['職業紹介事業', '', 1, '{{就職者数}}名。\n再掲 {{就職者数}}名'],
    ];
    const record = figureRecord(report(workbook({ 本文: body })));
    expect(record.figures.get('m:就職者数')).toEqual({
      text: '2名',
      place: { kind: 'text', section: '【職業紹介事業】', paragraph: 1 },
    });
  });
});

describe('the record in a file', () => {
  const record = (): FigureRecord => figureRecord(report(workbook(), { appendix: true }));

  it('reads back what it wrote', () => {
    const original = record();
    expect(decodeFigureRecord(encodeFigureRecord(original))).toEqual(original);
  });

  const shape = (fields: Record<string, unknown>) =>
    JSON.stringify({ v: 1, kind: 'jigyo', year: 2022, language: 'ja', tables: [], figures: [], ...fields });
  const many = (item: unknown) => Array.from({ length: 50_001 }, () => item);

  // One test with every case (Stryker maps each mutant to the tests that cover it; it.each names confuse it).
  it('refuses every wrong shape (null: the update goes on as without a record), accepts each right one', () => {
    const refused: [string, string][] = [
      ['not JSON', '{"v":1,'],
      ['null', 'null'],
      ['a number', '7'],
      ['another version', shape({ v: 2 })],
      ['an unknown kind', shape({ kind: 'x' })],
      ['a year that is not whole', shape({ year: 2022.5 })],
      ['another language', shape({ language: 'fr' })],
      ['tables not a list', shape({ tables: {} })],
      ['figures not a list', shape({ figures: {} })],
      ['too many tables', shape({ tables: many(['t', []]) })],
      ['too many figures', shape({ figures: many(['m:a', '1', ['h', 'x']]) })],
      ['a table not a pair', shape({ tables: [['t', [], 'x']] })],
      ['a table entry not a list', shape({ tables: ['t'] })],
      ['a table name not text', shape({ tables: [[1, []]] })],
      ['table rows not a list', shape({ tables: [['t', 'a']] })],
      ['too many rows', shape({ tables: [['t', many('a')]] })],
      ['a row that is not text', shape({ tables: [['t', ['a', 1]]] })],
      ['a row too long', shape({ tables: [['t', ['a'.repeat(2001)]]] })],
      ['a figure not a list', shape({ figures: ['m:a'] })],
      ['a figure that is a number', shape({ figures: [7] })],
      ['a figure that is an object', shape({ figures: [{}] })],
      ['a figure too short', shape({ figures: [['m:a', '1']] })],
      ['a figure too long', shape({ figures: [['m:a', '1', ['h', 'x'], 't', 'extra']] })],
      ['a tag not text', shape({ figures: [[1, '1', ['h', 'x']]] })],
      ['a tag that is a list', shape({ figures: [[['m:a'], '1', ['h', 'x']]] })],
      ['a value not text', shape({ figures: [['m:a', 1, ['h', 'x']]] })],
      ['a value too long', shape({ figures: [['m:a', '9'.repeat(2001), ['h', 'x']]] })],
      ['a table name of a figure not text', shape({ figures: [['m:a', '1', ['h', 'x'], 5]] })],
      ['a place not a list', shape({ figures: [['m:a', '1', 'h']] })],
      ['a place that is text of two characters', shape({ figures: [['m:a', '1', 'hx']] })],
      ['a place that is a number', shape({ figures: [['m:a', '1', 5]] })],
      ['a place of no kind', shape({ figures: [['m:a', '1', ['x', 'a']]] })],
      ['a paragraph below 0', shape({ figures: [['m:a', '1', ['t', 's', -1]]] })],
      ['a paragraph not whole', shape({ figures: [['m:a', '1', ['t', 's', 1.5]]] })],
      ['a section not text', shape({ figures: [['m:a', '1', ['t', 5, 1]]] })],
      ['a heading with more', shape({ figures: [['m:a', '1', ['h', 'x', 'y']]] })],
      ['a heading not text', shape({ figures: [['m:a', '1', ['h', 5]]] })],
      ['a cell row not text', shape({ figures: [['m:a', '1', ['c', 5, 'c']]] })],
      ['a cell column not text', shape({ figures: [['m:a', '1', ['c', 'r', 5]]] })],
    ];
    expect(refused.filter(([, text]) => decodeFigureRecord(text) !== null).map(([name]) => name)).toEqual([]);
    const accepted = decodeFigureRecord(
      shape({
        kind: 'shokai',
        language: 'en',
        tables: [['t', ['a'.repeat(2000)]]],
        figures: [
          ['m:a', '1', ['t', '', 0]],
          ['m:b', '2', ['h', 'x']],
          ['m:c', '3', ['c', 'r', 'c'], 't'],
        ],
      }),
    );
    expect(accepted).toStrictEqual({
      kind: 'shokai',
      year: 2022,
      language: 'en',
      tables: new Map([['t', ['a'.repeat(2000)]]]),
      figures: new Map([
        ['m:a', { text: '1', place: { kind: 'text', section: '', paragraph: 0 } }],
        ['m:b', { text: '2', place: { kind: 'heading', text: 'x' } }],
        ['m:c', { text: '3', place: { kind: 'cell', row: 'r', column: 'c' }, table: 't' }],
      ]),
    });
  });

  it('takes exactly 50,000 tables, figures and rows; a figure without a table has no table key', () => {
    const full = (item: unknown) => Array.from({ length: 50_000 }, () => item);
    expect(decodeFigureRecord(shape({ tables: full(['t', []]) }))?.tables.size).toBe(1);
    expect(decodeFigureRecord(shape({ figures: full(['m:a', '1', ['h', 'x']]) }))?.figures.size).toBe(1);
    expect(decodeFigureRecord(shape({ tables: [['t', full('a')]] }))?.tables.get('t')).toHaveLength(50_000);
    const decoded = decodeFigureRecord(shape({ figures: [['m:a', '1', ['h', 'x']]] }));
    expect(Object.keys(decoded?.figures.get('m:a') as object)).toEqual(['text', 'place']);
  });

  it('refuses a record over MAX_RECORD_CHARS, even well-formed; takes one of exactly that length', () => {
    const body = shape({});
    const padded = (length: number) => `${' '.repeat(length - body.length)}${body}`;
    expect(decodeFigureRecord(padded(MAX_RECORD_CHARS))).not.toBeNull();
    expect(decodeFigureRecord(padded(MAX_RECORD_CHARS + 1))).toBeNull();
  });
});

const cell = (row: string, column: string, table = 'programs:特定非営利活動'): Omit<FigureValue, 'text'> => ({
  place: { kind: 'cell', row, column },
  table,
});
const text = (section: string, paragraph: number): Omit<FigureValue, 'text'> => ({
  place: { kind: 'text', section, paragraph },
});

function hand(
  figures: [string, string, Omit<FigureValue, 'text'>][],
  tables: [string, string[]][] = [['programs:特定非営利活動', ['紹介', '育成']]],
): FigureRecord {
  return {
    kind: 'jigyo',
    year: 2022,
    language: 'ja',
    figures: new Map(figures.map(([tag, value, rest]) => [tag, { text: value, ...rest }])),
    tables: new Map(tables),
  };
}

describe('diffFigures', () => {
  const made = hand([
    ['m:就職者数', '2名', text('【職業紹介事業】', 1)],
    ['m:面談実施数', '5', text('【統合事業】', 2)],
    ['m:登録者数', '8名', text('【統合事業】', 3)],
    ['cost:紹介', '6,408', cell('紹介', '事業費（千円）')],
    ['cost:育成', '9,966', cell('育成', '事業費（千円）')],
  ]);

  it('sorts figures into changed, unchanged, deleted, added and gone', () => {
    const now = hand([
      ['m:就職者数', '3名', text('【職業紹介事業】', 1)],
      // Moved down by a paragraph added to the workbook: the place listed is today's.
      ['m:面談実施数', '6', text('【統合事業】', 5)],
      ['cost:紹介', '6,408', cell('紹介', '事業費（千円）')],
      ['cost:育成', '9,966', cell('育成', '事業費（千円）')],
      ['m:新規接点数', '40名', text('【統合事業】', 4)],
      ['when:紹介', '3回', cell('紹介', '実施日時')],
    ]);
    // The editor deleted 面談実施数's sentence and the 育成 row's cost; 登録者数 is no longer in the templates.
    const present = new Map([
      ['m:就職者数', '2名'],
      ['m:登録者数', '8名'],
      ['cost:紹介', '6,408'],
      ['m:unknown', '1'],
    ]);
    const update = diffFigures(made, now, present);
    expect([...update.replacements]).toEqual([
      ['m:就職者数', '3名'],
      ['cost:紹介', '6,408'],
    ]);
    expect(update.changed).toEqual([
      { tag: 'm:就職者数', place: text('【職業紹介事業】', 1).place, before: '2名', after: '3名' },
    ]);
    expect(update.unchanged).toBe(1);
    expect(update.deleted).toEqual([
      { tag: 'm:面談実施数', place: text('【統合事業】', 5).place, before: '5', after: '6' },
      { tag: 'cost:育成', place: cell('育成', '事業費（千円）').place, before: '9,966', after: '9,966' },
    ]);
    // A new figure in a table whose rows did not change is listed too.
    expect(update.added).toEqual([
      { tag: 'm:新規接点数', place: text('【統合事業】', 4).place, before: '', after: '40名' },
      { tag: 'when:紹介', place: cell('紹介', '実施日時').place, before: '', after: '3回' },
    ]);
    expect(update.gone).toEqual([
      { tag: 'm:登録者数', place: text('【統合事業】', 3).place, before: '8名', after: null },
    ]);
    expect(update.unknown).toBe(1);
    expect(update.refused).toEqual([]);
    expect(update.hadRecord).toBe(true);
  });

  it('refuses the figures of a table whose 事業 rows changed, and updates the rest', () => {
    const now = hand(
      [
        ['m:就職者数', '3名', text('【職業紹介事業】', 1)],
        ['cost:紹介', '7,000', cell('紹介', '事業費（千円）')],
        ['cost:新規', '100', cell('新規', '事業費（千円）')],
      ],
      [['programs:特定非営利活動', ['紹介', '新規']]],
    );
    const present = new Map([
      ['m:就職者数', '2名'],
      ['cost:紹介', '6,408'],
    ]);
    const update = diffFigures(made, now, present);
    expect([...update.replacements]).toEqual([['m:就職者数', '3名']]);
    expect(update.refused).toEqual([
      { table: 'programs:特定非営利活動', added: ['新規'], removed: ['育成'], figures: 1 },
    ]);
    // Neither the new row's figure nor the table's figures (育成's cost, not in the document) are listed one by
    // one: the table's line says it.
    expect(update.added).toEqual([]);
    expect(update.deleted.map((change) => change.tag)).toEqual(['m:面談実施数', 'm:登録者数']);
  });

  it('accepts the same rows in another order (表示順 changed), refuses a renamed row', () => {
    // 紹介 (U+7D39) sorts before 育成 (U+80B2): the record's order is not sorted, today's is.
    const before = hand([], [['programs:特定非営利活動', ['育成', '紹介']]]);
    const now = hand(
      [['cost:紹介', '7,000', cell('紹介', '事業費（千円）')]],
      [['programs:特定非営利活動', ['紹介', '育成']]],
    );
    const update = diffFigures(before, now, new Map([['cost:紹介', '6,408']]));
    expect(update.refused).toEqual([]);
    expect([...update.replacements]).toEqual([['cost:紹介', '7,000']]);
    const sortedFirst = hand([], [['programs:特定非営利活動', ['紹介', '育成']]]);
    const unsortedNow = hand(
      [['cost:紹介', '7,000', cell('紹介', '事業費（千円）')]],
      [['programs:特定非営利活動', ['育成', '紹介']]],
    );
    expect(diffFigures(sortedFirst, unsortedNow, new Map([['cost:紹介', '6,408']])).refused).toEqual([]);
    // 臨時 (U+81E8) sorts after 紹介 as 育成 did: one position still matches, the other does not.
    const renamed = hand(
      [['cost:紹介', '7,000', cell('紹介', '事業費（千円）')]],
      [['programs:特定非営利活動', ['紹介', '臨時']]],
    );
    expect(diffFigures(before, renamed, new Map([['cost:紹介', '6,408']])).refused).toEqual([
      { table: 'programs:特定非営利活動', added: ['臨時'], removed: ['育成'], figures: 1 },
    ]);
  });

  it('refuses a table that is new since (（２） was なし and now has a 事業), its total in the heading with it', () => {
    const before = hand(
      [['total:その他の事業', '0', { place: { kind: 'heading', text: '（２）…' }, table: 'programs:その他の事業' }]],
      [],
    );
    const now = hand(
      [
        ['total:その他の事業', '800', { place: { kind: 'heading', text: '（２）…' }, table: 'programs:その他の事業' }],
        ['cost:寄付', '800', cell('寄付', '事業費（千円）', 'programs:その他の事業')],
      ],
      [['programs:その他の事業', ['寄付']]],
    );
    const update = diffFigures(before, now, new Map([['total:その他の事業', '0']]));
    expect(update.replacements.size).toBe(0);
    expect(update.refused).toEqual([{ table: 'programs:その他の事業', added: ['寄付'], removed: [], figures: 1 }]);
    expect(update.added).toEqual([]);
  });

  it('refuses a table the workbook no longer makes', () => {
    const now = hand([], []);
    const update = diffFigures(made, now, new Map([['cost:紹介', '6,408']]));
    expect(update.refused).toEqual([
      { table: 'programs:特定非営利活動', added: [], removed: ['紹介', '育成'], figures: 1 },
    ]);
  });

  it('without a record: updates the text figures, leaves every table, lists every missing figure as new', () => {
    const now = hand([
      ['m:就職者数', '3名', text('【職業紹介事業】', 1)],
      ['m:面談実施数', '6', text('【統合事業】', 2)],
      ['cost:紹介', '7,000', cell('紹介', '事業費（千円）')],
    ]);
    const update = diffFigures(
      null,
      now,
      new Map([
        ['m:就職者数', '2名'],
        ['cost:紹介', '6,408'],
      ]),
    );
    expect([...update.replacements]).toEqual([['m:就職者数', '3名']]);
    expect(update.refused).toEqual([{ table: 'programs:特定非営利活動', added: [], removed: [], figures: 1 }]);
    expect(update.added.map((change) => change.tag)).toEqual(['m:面談実施数']);
    expect(update.deleted).toEqual([]);
    expect(update.hadRecord).toBe(false);
  });
});

describe('figureUpdateLines', () => {
  const made = hand(
    [
      ['m:就職者数', '2名', text('【職業紹介事業】', 2)],
      ['m:面談実施数', '5', text('１．事業の成果', 1)],
      [
        'total:特定非営利活動',
        '16,375',
        { place: { kind: 'heading', text: '（１）特定非営利活動に係る事業（【 … 】千円）' } },
      ],
      ['cost:紹介', '6,408', cell('紹介', '事業費（千円）')],
      ['appendix:紹介:人件費', '1', cell('紹介', '人件費', 'appendix')],
    ],
    [
      ['programs:特定非営利活動', ['紹介']],
      ['appendix', ['紹介']],
    ],
  );
  const now = hand(
    [
      ['m:就職者数', '3名', text('【職業紹介事業】', 2)],
      ['m:面談実施数', '6', text('１．事業の成果', 1)],
      [
        'total:特定非営利活動',
        '17,000',
        { place: { kind: 'heading', text: '（１）特定非営利活動に係る事業（【 … 】千円）' } },
      ],
      ['cost:紹介', '7,000', cell('紹介', '事業費（千円）')],
      ['appendix:紹介:人件費', '2', cell('紹介', '人件費', 'appendix')],
      ['appendix:育成:人件費', '3', cell('育成', '人件費', 'appendix')],
      ['m:新規接点数', '40名', text('【統合事業】', 1)],
    ],
    [
      ['programs:特定非営利活動', ['紹介']],
      ['appendix', ['紹介', '育成']],
    ],
  );
  const present = new Map([
    ['m:就職者数', '2名'],
    ['total:特定非営利活動', '16,375'],
    ['cost:紹介', '6,408'],
    ['appendix:紹介:人件費', '1'],
    ['m:gone', '<b>9</b>\n'],
  ]);

  it('words every kind of line in Japanese', () => {
    expect(figureUpdateLines(diffFigures(made, now, present), 'ja')).toEqual([
      '数字の更新: 変わった数字 3 件、変わらない数字 0 件',
      '変更 本文【職業紹介事業】2段落目: 2名 → 3名',
      '変更 見出し「（１）特定非営利活動に係る事業（【 … 】千円）」: 16,375 → 17,000',
      '変更 表「紹介」の事業費（千円）: 6,408 → 7,000',
      '事業費の内訳の表は更新しませんでした: 事業の行が作成時と違います（増えた行: 育成／なくなった行: なし）。この表の数字 1 件は、手で直すか新しい報告書を作ってください',
      '削除されていた数字（戻していません） 「１．事業の成果」の1段落目: 作成時 5、今は 6',
      '新しい数字（入れていません。必要なら手で書き足してください） 本文【統合事業】1段落目: 40名',
      'この報告書が作った覚えのない数字の欄 1 件は、そのままにしました',
    ]);
  });

  it('words them in English', () => {
    expect(figureUpdateLines(diffFigures(made, now, present), 'en')).toEqual([
      'Figures updated: 3 changed, 0 unchanged',
      'Changed "【職業紹介事業】", paragraph 2: 2名 → 3名',
      'Changed Heading "（１）特定非営利活動に係る事業（【 … 】千円）": 16,375 → 17,000',
      'Changed Table row "紹介", 事業費（千円）: 6,408 → 7,000',
      'The cost breakdown table was not updated: its program rows differ from when the report was made (added: 育成; removed: none). Fix its 1 figure(s) by hand or make a new report',
      'Deleted by an editor (not put back) "１．事業の成果", paragraph 1: was 5, now 6',
      'New figure (not inserted; add it by hand if needed) "【統合事業】", paragraph 1: 40名',
      '1 figure field(s) this report did not make were left as they are',
    ]);
  });

  it('says when there was no record, names the program table, quotes a gone figure on one line and bounded', () => {
    const recorded = hand([['m:gone', 'x', text('【統合事業】', 1)]]);
    const lines = figureUpdateLines(
      diffFigures(
        null,
        now,
        new Map([
          ['cost:紹介', '6,408'],
          ['m:gone', `a\nb${'9'.repeat(80)}`],
        ]),
      ),
      'ja',
    );
    expect(lines.slice(0, 3)).toEqual([
      '数字の更新: 変わった数字 0 件、変わらない数字 0 件',
      '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できず、表の数字は更新しません',
      '事業の表（特定非営利活動）は更新しませんでした: 作成時の事業の行が分からないため、表の数字 1 件はそのままです',
    ]);
    const gone = figureUpdateLines(
      diffFigures(recorded, hand([]), new Map([['m:gone', `a\nb${'9'.repeat(80)}`]])),
      'ja',
    );
    expect(gone).toEqual([
      '数字の更新: 変わった数字 0 件、変わらない数字 0 件',
      `ブックから出なくなった数字（そのままにしました） 本文【統合事業】1段落目: a b${'9'.repeat(57)}…`,
    ]);
  });

  it('names the comparison table, joins rows with 、, and cuts a quote only past 60 characters', () => {
    const before = hand(
      [
        ['m:x', '1', text('【統合事業】', 1)],
        ['comparison:report', '1円', cell('本報告書', '金額', 'comparison')],
      ],
      [['comparison', ['a', 'd']]],
    );
    const after = hand([['m:x', '9'.repeat(60), text('【統合事業】', 1)]], [['comparison', ['b', 'c']]]);
    const present = new Map([
      ['m:x', '1'],
      ['comparison:report', '1円'],
    ]);
    expect(figureUpdateLines(diffFigures(before, after, present), 'ja')).toEqual([
      '数字の更新: 変わった数字 1 件、変わらない数字 0 件',
      `変更 本文【統合事業】1段落目: 1 → ${'9'.repeat(60)}`,
      '活動計算書との照合の表は更新しませんでした: 事業の行が作成時と違います（増えた行: b、c／なくなった行: a、d）。この表の数字 1 件は、手で直すか新しい報告書を作ってください',
    ]);
  });

  it('quotes no markup: < > & of a forged record or document become full-width', () => {
    const forged = hand([['m:gone', 'x', text('<i>【x】</i>&', 1)]]);
    expect(figureUpdateLines(diffFigures(forged, hand([]), new Map([['m:gone', '<b>9</b>']])), 'ja')[1]).toBe(
      'ブックから出なくなった数字（そのままにしました） 「＜i＞【x】＜/i＞＆」の1段落目: ＜b＞9＜/b＞',
    );
  });
});
