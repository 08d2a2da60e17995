// Tests for document text: the character classes a report may hold, the cleaned ReportDocument, and the cell warning.
import {
  cleanDocumentText,
  oneLineText,
  sanitizeDocumentText,
  sanitizeReportDocument,
} from '../../src/core/document-text';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import { renderReportBody, renderReportHtml } from '../../src/core/render-html';
import type { ReportDocument } from '../../src/core/report-document';
import { rawWorkbook } from '../helpers/raw';

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

describe('cleanDocumentText', () => {
  it('leaves ordinary text untouched, the same string', () => {
    const text = '難民の就労支援 ABC 123 ＜全角＞ & "quotes" \u00a0nbsp\u3000全角空白\n二行目';
    expect(cleanDocumentText(text)).toEqual({ text, removed: 0 });
    expect(cleanDocumentText('')).toEqual({ text: '', removed: 0 });
  });

  // Each C0 control but TAB, LF and CR: XML 1.0 refuses them.
  const removedC0 = [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f];
  it.each(removedC0.map((code) => [hex(code), code]))('removes %s', (_name, code) => {
    expect(cleanDocumentText(`a${String.fromCharCode(code as number)}b`)).toEqual({ text: 'ab', removed: 1 });
  });

  it('keeps U+0020, the first character after the C0 block', () => {
    expect(cleanDocumentText('a\u001f \u001fb')).toEqual({ text: 'a b', removed: 2 });
  });

  it('turns TAB into a space and CR or CRLF into LF, without counting them as removed', () => {
    expect(cleanDocumentText('a\tb')).toEqual({ text: 'a b', removed: 0 });
    expect(cleanDocumentText('a\r\nb\rc\nd')).toEqual({ text: 'a\nb\nc\nd', removed: 0 });
    expect(cleanDocumentText('\r')).toEqual({ text: '\n', removed: 0 });
    expect(cleanDocumentText('\nx\n')).toEqual({ text: '\nx\n', removed: 0 });
    expect(cleanDocumentText('a\r\r\nb')).toEqual({ text: 'a\n\nb', removed: 0 });
  });

  it('removes DEL and the C1 controls, keeping U+007E and U+00A0 around them', () => {
    expect(cleanDocumentText('~\u007f\u0080\u0085\u009b\u009f\u00a0')).toEqual({ text: '~\u00a0', removed: 5 });
  });

  it('removes U+FFFE and U+FFFF, keeps U+FFFD and U+FFFC and what follows them', () => {
    expect(cleanDocumentText('\ufffc\ufffd\ufffe\uffff')).toEqual({ text: '\ufffc\ufffd', removed: 2 });
    expect(cleanDocumentText('x\uffffy\ufffez')).toEqual({ text: 'xyz', removed: 2 });
  });

  it('keeps the characters around the surrogate block: U+D7FF and U+E000', () => {
    expect(cleanDocumentText('\ud7ff\ue000')).toEqual({ text: '\ud7ff\ue000', removed: 0 });
  });

  it('removes the noncharacters U+FDD0–U+FDEF, keeps U+FDCF and U+FDF0', () => {
    expect(cleanDocumentText('\ufdcf\ufdd0\ufde7\ufdef\ufdf0')).toEqual({ text: '\ufdcf\ufdf0', removed: 3 });
  });

  it('keeps surrogate pairs intact: emoji and CJK extension B survive', () => {
    // U+10000 is the first pair (D800 DC00); U+1FDD0 shares its low bits with the noncharacter U+FDD0.
    const text = '成果😀👍🏽𠮷野家\u{10FFFD}\u{10000}\u{1FDD0}';
    expect(cleanDocumentText(text)).toEqual({ text, removed: 0 });
    // With a removal before them, the pairs are still copied whole.
    expect(cleanDocumentText('\u0000😀\u0001𠮷')).toEqual({ text: '😀𠮷', removed: 2 });
  });

  it('removes a supplementary noncharacter (U+1FFFE, U+10FFFF) as one character', () => {
    expect(cleanDocumentText('a\u{1FFFE}b\u{10FFFF}c\u{1FFFD}')).toEqual({ text: 'abc\u{1FFFD}', removed: 2 });
  });

  it('removes lone surrogates: a high one at the end or before a non-surrogate, a low one alone, a reversed pair', () => {
    expect(cleanDocumentText('a\ud800')).toEqual({ text: 'a', removed: 1 });
    expect(cleanDocumentText('a\udbffb')).toEqual({ text: 'ab', removed: 1 });
    expect(cleanDocumentText('\udc00a\udfff')).toEqual({ text: 'a', removed: 2 });
    expect(cleanDocumentText('x\ude00\ud83dy')).toEqual({ text: 'xy', removed: 2 });
    // A high surrogate followed by a valid pair: only the lone one goes.
    expect(cleanDocumentText('\ud83d\ud83d\ude00')).toEqual({ text: '😀', removed: 1 });
  });

  it('keeps markup-like text as text (escaping is each renderer’s job)', () => {
    const text = '</w:t><script>alert(1)</script>]]>&#0;';
    expect(sanitizeDocumentText(text)).toBe(text);
  });

  it('runs in linear time on 100,000 characters of mixed input', () => {
    const text = 'あ\u0000😀\ud800\t'.repeat(20_000);
    const started = Date.now();
    const cleaned = cleanDocumentText(text);
    // Generous for a shared, instrumented run; a quadratic cleaner would take minutes on this input.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(cleaned.removed).toBe(40_000);
    expect(cleaned.text).toBe('あ😀 '.repeat(20_000));
  });
});

describe('sanitizeReportDocument', () => {
  const dirty: ReportDocument = {
    language: 'ja',
    title: '2022年度\u0000 事業報告書',
    year: 2022,
    orgName: '団体\uffff名',
    blocks: [
      { kind: 'title', text: 'T\u0001' },
      { kind: 'subtitle', text: 'S\u000b' },
      { kind: 'heading', level: 3, text: 'H\ufffe' },
      { kind: 'paragraph', text: 'P\ud800' },
      { kind: 'note', text: 'N\u001f' },
      {
        kind: 'table',
        header: ['A\u0002', 'B'],
        rows: [[{ text: 'c\u0003', rowSpan: 2 }, { text: 'd\te' }], [{ text: 'f\uffff' }]],
        align: ['left', 'right'],
        widths: [40, 60],
      },
    ],
  };

  it('cleans every text of the report and keeps everything else', () => {
    expect(sanitizeReportDocument(dirty)).toEqual({
      language: 'ja',
      title: '2022年度 事業報告書',
      year: 2022,
      orgName: '団体名',
      blocks: [
        { kind: 'title', text: 'T' },
        { kind: 'subtitle', text: 'S' },
        { kind: 'heading', level: 3, text: 'H' },
        { kind: 'paragraph', text: 'P' },
        { kind: 'note', text: 'N' },
        {
          kind: 'table',
          header: ['A', 'B'],
          rows: [[{ text: 'c', rowSpan: 2 }, { text: 'd e' }], [{ text: 'f' }]],
          align: ['left', 'right'],
          widths: [40, 60],
        },
      ],
    });
  });

  it('does not change the report it is given', () => {
    sanitizeReportDocument(dirty);
    expect(dirty.title).toBe('2022年度\u0000 事業報告書');
  });

  it('keeps a block with an empty figure list as it is, only its text cleaned', () => {
    const report: ReportDocument = {
      language: 'ja',
      title: 'T',
      year: 2022,
      orgName: 'O',
      blocks: [{ kind: 'paragraph', text: 'a\u0001b', figures: [] }],
    };
    expect(sanitizeReportDocument(report).blocks).toEqual([{ kind: 'paragraph', text: 'ab', figures: [] }]);
  });
});

describe('oneLineText', () => {
  it('puts a cleaned text on one line: each line break a space, wherever it is', () => {
    expect(oneLineText('\n育成事業')).toBe(' 育成事業');
    expect(oneLineText('\r\n育成\r事業\n')).toBe(' 育成 事業 ');
    expect(oneLineText('a\u001b[31mb\tc')).toBe('a[31mb c');
    expect(oneLineText('育成事業')).toBe('育成事業');
    expect(oneLineText('')).toBe('');
  });
});

const PROGRAM_HEADER = [
  '事業内容',
  '定款の事業名',
  '区分',
  '実施日時',
  '実施場所',
  '従事者人数',
  '従事者の備考',
  '受益対象者の範囲',
  '受益対象者の人数',
];

/** A small workbook whose text cells hold `dirt`, at cells worked out by hand below. */
function dirtyWorkbook(dirt: string): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['対象年度', 2022],
      [' 団体名 ', `特定非営利活動法人${dirt}テスト`],
    ],
    事業: [
      PROGRAM_HEADER,
      [
        `紹介${dirt}`,
        `職業紹介${dirt}事業`,
        '特定非営利活動',
        `通年${dirt}`,
        `関東${dirt}`,
        6,
        `兼任${dirt}`,
        `企業${dirt}`,
        `{{就職者数}}名${dirt}`,
      ],
      ['育成', '統合事業', '特定非営利活動', '通年', '関東', 3, '', '難民', ''],
    ],
    候補者: [
      ['候補者ID', '氏名', '就職日', '初回接点日', '同意取得日', '備考'],
      ['C1', `仮名${dirt}`, '2022/5/1', '2022/4/1', '2022/4/1', `個人${dirt}`],
    ],
    イベント: [['イベントID', '事業内容', '種別', '開始日', '参加者数']],
    費用: [
      ['日付', '事業内容', '費目', '金額', '摘要'],
      ['2022/4/1', `紹介${dirt}`, '人件費', 6_408_300, `摘要${dirt}`],
    ],
    本文: [
      ['順序', '見出し', '小見出し', '本文', '本文(英語)'],
      [1, `職業紹介${dirt}`, `小${dirt}`, `{{就職者数}}名が就職${dirt}しました。`, `Hired${dirt}`],
      [2, '統合事業', '', '段落。', ''],
    ],
  };
}

describe('the invalid_character warning', () => {
  // Two removed characters in each dirty cell: U+0000 and U+FFFF.
  // Computed in each test, not once for the describe block, so a mutation tester re-runs it per mutant.
  const dirtyIssues = () => checkWorkbook(rawWorkbook(dirtyWorkbook('\u0000\uffff'))).issues;

  it('names each printed text cell that holds such characters, in workbook order, never echoing the value', () => {
    expect(
      dirtyIssues().map((i) => [i.severity, i.code, `${i.tab}!${i.cell}`, i.column, i.value, i.params.count]),
    ).toEqual([
      ['warning', 'invalid_character', '設定!B3', '団体名', '', 2],
      ['warning', 'invalid_character', '事業!A2', '事業内容', '', 2],
      ['warning', 'invalid_character', '事業!B2', '定款の事業名', '', 2],
      ['warning', 'invalid_character', '事業!D2', '実施日時', '', 2],
      ['warning', 'invalid_character', '事業!E2', '実施場所', '', 2],
      ['warning', 'invalid_character', '事業!G2', '従事者の備考', '', 2],
      ['warning', 'invalid_character', '事業!H2', '受益対象者の範囲', '', 2],
      ['warning', 'invalid_character', '事業!I2', '受益対象者の人数', '', 2],
      ['warning', 'invalid_character', '本文!B2', '見出し', '', 2],
      ['warning', 'invalid_character', '本文!C2', '小見出し', '', 2],
      ['warning', 'invalid_character', '本文!D2', '本文', '', 2],
      ['warning', 'invalid_character', '本文!E2', '本文(英語)', '', 2],
    ]);
  });

  it('says it in Japanese', () => {
    expect(dirtyIssues()[0].message).toBe(
      '「団体名」に文書に入れられない文字（制御文字など）が2文字あります。報告書では取り除きます。セルの内容を確認してください',
    );
  });

  it('says it in English', () => {
    const english = checkWorkbook(rawWorkbook(dirtyWorkbook('\u0001')), { language: 'en' }).issues;
    expect(english.map((i) => `${i.tab}!${i.cell} ${i.message}`).slice(0, 2)).toEqual([
      '設定!B3 "団体名" holds 1 character(s) a document cannot hold (control characters or similar); the report leaves them out. Check the cell',
      '事業!A2 "事業内容" holds 1 character(s) a document cannot hold (control characters or similar); the report leaves them out. Check the cell',
    ]);
  });

  it('is silent for TAB, CR, U+FFFD, emoji, and for person-level columns and tabs not printed (候補者, 費用)', () => {
    const clean = checkWorkbook(rawWorkbook(dirtyWorkbook('\t\r\ufffd😀'))).issues;
    expect(clean.filter((i) => i.code === 'invalid_character')).toEqual([]);
    const dirty = checkWorkbook(rawWorkbook(dirtyWorkbook('\u0000'))).issues;
    expect(dirty.filter((i) => i.tab === '候補者' || i.tab === '費用')).toEqual([]);
  });

  it('finds 団体名 by its English name, and the columns wherever they are', () => {
    const tabs = dirtyWorkbook('\u0007');
    tabs.設定 = [
      ['値', '項目'],
      ['特定非営利活動法人\u0007テスト', 'Organization'],
      [2022, '対象年度'],
    ];
    const found = checkWorkbook(rawWorkbook(tabs)).issues.filter((i) => i.tab === '設定');
    expect(found.map((i) => [i.code, i.cell, i.column])).toEqual([['invalid_character', 'A2', '団体名']]);
    tabs.設定 = [
      ['項目', 'メモ', '値'],
      ['団体名', '', '特定非営利活動法人\u0007テスト'],
      ['対象年度', '', 2022],
    ];
    const third = checkWorkbook(rawWorkbook(tabs)).issues.filter((i) => i.tab === '設定');
    expect(third.map((i) => [i.code, i.cell, i.column])).toEqual([['invalid_character', 'C2', '団体名']]);
  });

  it('uses the tab and header names as written (English), 設定 wherever it is among the tabs', () => {
    const tabs = dirtyWorkbook('\u0007');
    const english = {
      事業内容: 'Program',
      定款の事業名: 'Article name',
      見出し: 'Heading',
      本文: 'Body',
    } as Record<string, string>;
    const renamed = (rows: unknown[][]) => [rows[0].map((h) => english[h as string] ?? h), ...rows.slice(1)];
    const found = checkWorkbook(
      rawWorkbook({
        Programs: renamed(tabs.事業),
        候補者: tabs.候補者,
        Narrative: renamed(tabs.本文),
        Settings: tabs.設定,
        イベント: tabs.イベント,
        費用: tabs.費用,
      }),
    ).issues.filter((i) => i.code === 'invalid_character');
    expect(found.map((i) => `${i.tab}!${i.cell} ${i.column}`)).toEqual([
      'Settings!B3 団体名',
      'Programs!A2 Program',
      'Programs!B2 Article name',
      'Programs!D2 実施日時',
      'Programs!E2 実施場所',
      'Programs!G2 従事者の備考',
      'Programs!H2 受益対象者の範囲',
      'Programs!I2 受益対象者の人数',
      'Narrative!B2 Heading',
      'Narrative!C2 小見出し',
      'Narrative!D2 Body',
      'Narrative!E2 本文(英語)',
    ]);
  });

  it('looks only at text settings, and survives numbers, a number as 項目 and a missing 設定 tab', () => {
    const tabs = dirtyWorkbook('');
    tabs.設定 = [
      ['項目', '値'],
      ['対象年度', 2022],
      ['団体名', 12345],
      [42, 'x\u0000'],
      ['報告書言語', 'ja\u0000'],
      ['団体名', '二つ目\u0000'],
    ];
    const found = checkWorkbook(rawWorkbook(tabs)).issues;
    expect(found.filter((i) => i.tab === '設定').map((i) => `${i.code} ${i.cell}`)).toEqual([
      'unknown_setting A4',
      'invalid_setting B5',
      'invalid_character B6',
    ]);
    const { 設定: _omitted, ...withoutSettings } = dirtyWorkbook('\u0000');
    const issues = checkWorkbook(rawWorkbook(withoutSettings)).issues;
    expect(issues.filter((i) => i.tab === '設定').map((i) => i.code)).toEqual(['missing_tab']);
    expect(issues.filter((i) => i.code === 'invalid_character')).toHaveLength(11);
  });

  it('leaves the characters out of the report, which is still made', () => {
    const result = makeReport(rawWorkbook(dirtyWorkbook('\u0000\uffff\ud800')));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const texts = result.report.blocks.flatMap((b) =>
      b.kind === 'table' ? [...b.header, ...b.rows.flat().map((c) => c.text)] : [b.text],
    );
    expect(texts.slice(1, 7)).toEqual([
      '特定非営利活動法人テスト',
      '（2022年4月1日から2023年3月31日まで）',
      '１．事業の成果',
      '【職業紹介】',
      '<小>',
      '1名が就職しました。',
    ]);
    expect(result.report.orgName).toBe('特定非営利活動法人テスト');
    const table = result.report.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['職業紹介事業', '紹介', '通年', '関東', '6人（兼任）', '企業', '1名', '6,408'],
      ['統合事業', '育成', '通年', '関東', '3人', '難民', '－', '0'],
    ]);
    expect(cleanDocumentText(texts.join('')).removed).toBe(0);
  });
});

describe('the HTML renderer on a hostile ReportDocument (built by hand, not by the pipeline)', () => {
  // Wrong types on purpose: a report from elsewhere (JSON, a future builder) must not reach an attribute either.
  const hostile = {
    language: 'ja"><script>x</script>',
    title: '</title><script>t()</script>\u0000',
    year: 2022,
    orgName: '団体',
    blocks: [
      { kind: 'title', text: '<h1>\u0000' },
      { kind: 'subtitle', text: '<b>\u0001' },
      { kind: 'note', text: '<i>\u0002' },
      { kind: 'heading', level: 2, text: '</h3><script>h()</script>\uffff' },
      { kind: 'paragraph', text: '</p><script>p()</script> ]]> &#0; &amp; \'"\ud800' },
      {
        kind: 'table',
        header: ['<th>\u0001'],
        rows: [[{ text: '<td>\ufffe', rowSpan: '2" onclick="x()' }], [{ text: 'b', rowSpan: 3.7 }]],
        align: ['right" onclick="x()'],
        widths: ['50%;background:url(x)'],
      },
    ],
  } as unknown as ReportDocument;

  it('escapes every text and cleans it, and puts only constants and whole numbers in attributes', () => {
    const html = renderReportHtml(hostile);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;t()&lt;/script&gt;</title>');
    expect(renderReportBody(hostile)).toBe(
      [
        '<h1>&lt;h1&gt;</h1>',
        '<p class="subtitle">&lt;b&gt;</p>',
        '<p class="note">&lt;i&gt;</p>',
        '<h3>&lt;/h3&gt;&lt;script&gt;h()&lt;/script&gt;</h3>',
        '<p>&lt;/p&gt;&lt;script&gt;p()&lt;/script&gt; ]]&gt; &amp;#0; &amp;amp; &#39;&quot;</p>',
        '<div class="table-wrap"><table><colgroup><col style="width:0%"></colgroup>',
        '<thead><tr><th>&lt;th&gt;</th></tr></thead>',
        '<tbody>',
        '<tr><td>&lt;td&gt;</td></tr>',
        '<tr><td rowspan="3">b</td></tr>',
        '</tbody></table></div>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|onclick="|url\(/);
  });

  it('keeps the alignment classes and spans of an ordinary table', () => {
    const body = renderReportBody({
      language: 'en',
      title: 'T',
      year: 2022,
      orgName: 'O',
      blocks: [
        {
          kind: 'table',
          header: ['a', 'b', 'c'],
          rows: [
            [{ text: 'x', rowSpan: 2 }, { text: 'y' }, { text: 'z' }],
            [{ text: 'y2' }, { text: 'z2' }],
            [{ text: 'x3', rowSpan: 1 }, { text: 'y3' }, { text: 'z3' }],
          ],
          align: ['left', 'center', 'right'],
          widths: [50, 25.5, 24.5],
        },
      ],
    });
    expect(body).toContain('<col style="width:50%"><col style="width:25%"><col style="width:24%">');
    expect(body).toContain('<tr><td rowspan="2">x</td><td class="center">y</td><td class="right">z</td></tr>');
    expect(body).toContain('<tr><td class="center">y2</td><td class="right">z2</td></tr>');
    expect(body).toContain('<tr><td>x3</td><td class="center">y3</td><td class="right">z3</td></tr>');
    expect(body).toContain('<thead><tr><th>a</th><th>b</th><th>c</th></tr></thead>');
    const page = renderReportHtml({ language: 'en', title: 'T', year: 2022, orgName: 'O', blocks: [] });
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('td.right { text-align: right; } td.center { text-align: center; }');
    const bogus = { language: 'ja', title: '', year: 2022, orgName: '', blocks: [{ kind: 'image', text: 'x' }] };
    expect(() => renderReportBody(bogus as unknown as ReportDocument)).toThrow(
      'unexpected block {"kind":"image","text":"x"}',
    );
  });
});
