// This file tests forms of the NPO's own (issue 16, form-template.ts): each placeholder's value or problem, worked out
// by hand from the small workbook below, and the replacements the adapters write.
import { checkForm, type FormParagraph, type FormPlace, fillForm, resolveFormYear } from '../../src/core/form-template';
import { formatFormIssue, formPlaceText, formValueLine } from '../../src/core/messages';
import { parseTemplate, type ResolvedReference, referenceKey } from '../../src/core/templates';
import { rawWorkbook } from '../helpers/raw';

/**
 * 2022: 7 new contacts (難民認定 C1–C3, 難民申請中 C4–C7), 3 placements (C4–C6); events 交流会 ×2 (10 + 5 people),
 * 勉強会 ×1 (8); 育成事業 costs 100,000 人件費 + 50,400 その他経費, 管理費 20,000. 2021: one contact (C8), placed.
 */
function tabs(settings: unknown[][] = []): Record<string, unknown[][]> {
  return {
    設定: [['項目', '値'], ['団体名', 'テスト支援会'], ['対象年度', 2022], ...settings],
    事業: [
      [
        '事業内容',
        '定款の事業名',
        '区分',
        '実施日時',
        '実施場所',
        '従事者人数',
        '受益対象者の範囲',
        '受益対象者の人数',
      ],
      ['育成事業', '人材育成の事業', '特定非営利活動', '通年', '東京', 2, '難民', '延べ{{参加者数}}名'],
    ],
    候補者: [
      ['候補者ID', '氏名', '属性', '初回接点日', '就職日'],
      ['C1', 'SENTINEL_NAME_1', '難民認定', '2022/5/1', ''],
      ['C2', 'SENTINEL_NAME_2', '難民認定', '2022/5/2', ''],
      ['C3', 'SENTINEL_NAME_3', '難民認定', '2022/5/3', ''],
      ['C4', 'SENTINEL_NAME_4', '難民申請中', '2022/6/1', '2022/10/1'],
      ['C5', 'SENTINEL_NAME_5', '難民申請中', '2022/6/2', '2022/10/2'],
      ['C6', 'SENTINEL_NAME_6', '難民申請中', '2022/6/3', '2022/10/3'],
      ['C7', 'SENTINEL_NAME_7', '難民申請中', '2022/6/4', ''],
      ['C8', 'SENTINEL_NAME_8', '難民認定', '2021/5/1', '2021/12/1'],
    ],
    イベント: [
      ['イベントID', '事業内容', '種別', '開始日', '参加者数'],
      ['E1', '育成事業', '交流会', '2022/5/10', 10],
      ['E2', '育成事業', '交流会', '2022/6/10', 5],
      ['E3', '育成事業', '勉強会', '2022/7/1', 8],
      ['E4', '育成事業', '交流会', '2021/7/1', 4],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/5/1', '育成事業', '人件費', 100000],
      ['2022/6/1', '育成事業', 'その他経費', 50400],
      ['2022/6/1', '管理費', 'その他経費', 20000],
      ['2021/6/1', '育成事業', '人件費', 70000],
    ],
    本文: [
      ['見出し', '本文'],
      ['成果', '新規 {{新規接点数}}名'],
    ],
  };
}

const BODY = (paragraph: number): FormPlace => ({ part: 'body', paragraph });

function paragraphs(...texts: string[]): FormParagraph[] {
  return texts.map((text, index) => ({ text, place: BODY(index + 1) }));
}

function references(entries: Record<string, ResolvedReference>): Map<string, ResolvedReference | null> {
  return new Map(Object.entries(entries).map(([target, resolved]) => [referenceKey(target), resolved]));
}

function check(texts: string[], settings: unknown[][] = [], extra: Partial<Parameters<typeof checkForm>[2]> = {}) {
  return checkForm(rawWorkbook(tabs(settings)), paragraphs(...texts), { formName: '様式.docx', ...extra });
}

/** Each placeholder as `source → text`, or its issue messages. */
function values(result: ReturnType<typeof checkForm>): string[] {
  return result.placeholders.map((p) =>
    p.issues.length > 0 ? `${p.source} ✗ ${p.issues.map((i) => i.message).join(' / ')}` : `${p.source} → ${p.text}`,
  );
}

describe('checkForm: fields and metrics', () => {
  it('fills 団体名, 対象年度, 期間 and metrics of this year and other years', () => {
    const result = check([
      '{{団体名}} {{対象年度}}年度（{{期間}}）',
      '新規 {{新規接点数}}名、前年度 {{新規接点数|年度=前年度}}名、2021年度 {{新規接点数|年度=2021}}名',
      '就職 {{就職者数}}（{{就職者数|年度=R3}}）{{参加者数|種別=交流会}} {{事業費}} {{期間|年度=前年度}} {{対象年度|年度=前年度}}',
    ]);
    expect(result.ok).toBe(true);
    expect(result.year).toBe(2022);
    expect(values(result)).toEqual([
      '{{団体名}} → テスト支援会',
      '{{対象年度}} → 2022',
      '{{期間}} → 2022年4月1日から2023年3月31日まで',
      '{{新規接点数}} → 7',
      '{{新規接点数|年度=前年度}} → 1',
      '{{新規接点数|年度=2021}} → 1',
      '{{就職者数}} → 3',
      '{{就職者数|年度=R3}} → 1',
      '{{参加者数|種別=交流会}} → 15',
      '{{事業費}} → 150,400',
      '{{期間|年度=前年度}} → 2021年4月1日から2022年3月31日まで',
      '{{対象年度|年度=前年度}} → 2021',
    ]);
    expect(result.formIssues).toEqual([]);
  });

  it('gives each placeholder its offsets in the paragraph', () => {
    const result = check(['A{{団体名}}B{{就職者数}}']);
    expect(result.placeholders.map((p) => [p.paragraph, p.start, p.end])).toEqual([
      [0, 1, 8],
      [0, 9, 17],
    ]);
    expect(fillForm(result)).toEqual(
      new Map([
        [
          0,
          [
            { start: 1, end: 8, text: 'テスト支援会' },
            { start: 9, end: 17, text: '3' },
          ],
        ],
      ]),
    );
  });

  it('prints years in 和暦 when 年の表記 is 和暦, and in English when asked', () => {
    expect(values(check(['{{対象年度}} {{期間}}'], [['年の表記', '和暦']]))).toEqual([
      '{{対象年度}} → 令和4',
      '{{期間}} → 令和4年4月1日から令和5年3月31日まで',
    ]);
    expect(values(check(['{{対象年度}} {{期間}}'], [['年の表記', '和暦']], { language: 'en' }))).toEqual([
      '{{対象年度}} → 2022',
      '{{期間}} → 2022-04-01 to 2023-03-31',
    ]);
  });

  it('takes the year asked for (--year) as the form year, 前年度 counted from it', () => {
    const result = check(['{{新規接点数}} {{新規接点数|年度=前年度}}'], [], { year: 2023 });
    expect(values(result)).toEqual(['{{新規接点数}} → 0', '{{新規接点数|年度=前年度}} → 7']);
  });

  it('hides a 属性 figure below 秘匿しきい値 and the unit typed after it; the total stays', () => {
    const result = check(['{{新規接点数|属性=難民認定}}名 {{就職者数|属性=難民申請中}}名 {{新規接点数}}名']);
    // 難民認定 3 (= threshold) prints; the split of 就職者数 (3 申請中, 0 else) prints; nothing derives 1 or 2.
    expect(values(result)).toEqual([
      '{{新規接点数|属性=難民認定}} → 3',
      '{{就職者数|属性=難民申請中}} → 3',
      '{{新規接点数}} → 7',
    ]);
    const hidden = check(['認定 {{新規接点数|属性=難民認定}}名です'], [['秘匿しきい値', 4]]);
    expect(values(hidden)).toEqual(['{{新規接点数|属性=難民認定}} → （秘匿）']);
    // The unit 名 goes with the hidden figure: 「（秘匿）名」 would read as a count.
    // `認定 ` is 3 characters, the placeholder 17, and 名 one more: 3–21.
    expect(fillForm(hidden)?.get(0)).toEqual([{ start: 3, end: 21, text: '（秘匿）' }]);
  });
});

describe('checkForm: tables', () => {
  it('builds 属性別 from the registry: one row per 属性 and 合計', () => {
    const result = check(['{{表:属性別}}']);
    const table = result.placeholders[0].table;
    expect(table?.header).toEqual(['属性', '新規接点数', '登録者数', '就職者数', '在留資格変更数']);
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['難民申請中', '4', '0', '3', '0'],
      ['難民認定', '3', '0', '0', '0'],
      ['補完的保護', '0', '0', '0', '0'],
      ['人道配慮', '0', '0', '0', '0'],
      ['避難民', '0', '0', '0', '0'],
      ['その他', '0', '0', '0', '0'],
      ['合計', '7', '0', '3', '0'],
    ]);
    expect(result.placeholders[0]).toMatchObject({ start: 0, end: 9, text: '' });
  });

  it('hides the 属性別 cells suppression finds, planned with the form’s own figures', () => {
    const result = check(['{{表:属性別}}'], [['秘匿しきい値', 4]]);
    const rows = result.placeholders[0].table?.rows.map((row) => row.map((cell) => cell.text));
    // 新規接点数: 難民認定 3 < 4 is hidden; then 合計 − 申請中 − zeros = 認定 + blank = 3 would give it back, so the
    // zeros go (lowest count first) and, last, 難民申請中: only 合計 7 is left. 就職者数: 申請中 3 < 4, the same way.
    expect(rows?.[0]).toEqual(['難民申請中', '（秘匿）', '0', '（秘匿）', '0']);
    expect(rows?.[1]).toEqual(['難民認定', '（秘匿）', '0', '（秘匿）', '0']);
    expect(rows?.[6]).toEqual(['合計', '7', '0', '3', '0']);
  });

  it('builds イベント種別別: the 種別 held in the year, in the usual order, and 合計', () => {
    const table = check(['{{表:イベント種別別}}']).placeholders[0].table;
    expect(table?.header).toEqual(['種別', '回数', '参加者数（延べ）']);
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['交流会', '2', '15'],
      ['勉強会', '1', '8'],
      ['合計', '3', '23'],
    ]);
    const previous = check(['{{表:イベント種別別|年度=前年度}}']).placeholders[0].table;
    expect(previous?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['交流会', '1', '4'],
      ['合計', '1', '4'],
    ]);
  });

  it('takes 事業一覧 and 事業別事業費 from the report’s own tables', () => {
    const result = check(['{{表:事業一覧}}', '{{表:事業別事業費}}']);
    const [programs, costs] = result.placeholders.map((p) => p.table);
    expect(programs?.header).toEqual([
      '定款に記載された事業名',
      '事業内容',
      '実施日時',
      '実施場所',
      '従事者人数',
      '受益対象者の範囲',
      '受益対象者の人数',
      '事業費（千円）',
    ]);
    expect(programs?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['人材育成の事業', '育成事業', '通年', '東京', '2人', '難民', '延べ23名', '150'],
    ]);
    expect(costs?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['育成事業', '100,000', '50,400', '150,400'],
      ['事業費 合計', '100,000', '50,400', '150,400'],
      ['管理費（事業費に含まない）', '0', '20,000', '20,000'],
    ]);
  });

  it('prints 「なし」 for 事業一覧 when there is no 特定非営利活動 事業', () => {
    const t = tabs();
    t.事業[1][2] = 'その他の事業';
    const result = checkForm(rawWorkbook(t), paragraphs('{{表:事業一覧}}'), { formName: 'f' });
    expect(result.placeholders[0].text).toBe('なし');
    expect(result.placeholders[0].table).toBeUndefined();
    expect(fillForm(result)?.get(0)).toEqual([{ start: 0, end: 10, text: 'なし' }]);
  });
});

describe('checkForm: problems', () => {
  it('names the placeholder and where it is for each problem; nothing is filled', () => {
    const result = checkForm(
      rawWorkbook(tabs()),
      [
        { text: '{{不明な指標}}', place: BODY(3) },
        {
          text: '{{就職者数|年度=2019}}',
          place: { part: 'body', paragraph: 1, cell: { table: 2, row: 3, column: 4 } },
        },
        { text: '{{就職者数|年度=去年}}', place: { part: 'header', paragraph: 1 } },
        { text: '見出し {{表:事業一覧}}', place: { part: 'footer', partNumber: 2, paragraph: 2 } },
        { text: '{{表:謎}} {{団体名|年度=前年度}} {{期間|種別=交流会}}', place: BODY(5) },
        { text: '{{就職者数|国籍=ベトナム}} {{新規接点数', place: BODY(6) },
      ],
      { formName: '助成.docx' },
    );
    expect(result.ok).toBe(false);
    expect(fillForm(result)).toBeNull();
    expect(result.formIssues.map(formatFormIssue)).toEqual([
      expect.stringMatching(
        /^助成\.docx 本文 3段落目: 「\{\{不明な指標\}\}」の指標「不明な指標」はありません。使える指標: 新規接点数、/,
      ),
      '助成.docx 表2 3行目4列目: 「{{就職者数|年度=2019}}」: 2019年度（2019-04-01〜2020-03-31）の費用・イベント・候補者の行がこのブックに1件もありません。その年度の行が別のブックにあるときは、このブックに加えてください',
      '助成.docx ヘッダー 1段落目: 「{{就職者数|年度=去年}}」の年度「去年」が読めません（例: 年度=前年度、年度=2021、年度=令和3年度。1990〜2100年度の範囲）',
      '助成.docx フッター2 2段落目: 「{{表:事業一覧}}」は表に置き換わるため、ほかの文字のない段落に1つだけ書いてください',
      '助成.docx 本文 5段落目: 「{{表:謎}}」の表「謎」はありません。使える表: 事業一覧、事業別事業費、イベント種別別、属性別',
      '助成.docx 本文 5段落目: 「{{団体名|年度=前年度}}」の条件「年度」はこの指標に使えません。使える条件: なし',
      '助成.docx 本文 5段落目: 「{{期間|種別=交流会}}」の条件「種別」はこの指標に使えません。使える条件: 年度',
      '助成.docx 本文 6段落目: 「{{就職者数|国籍=ベトナム}}」の条件「国籍」はこの指標に使えません。使える条件: 就職経路、雇用形態、属性',
      '助成.docx 本文 6段落目: 「{{新規接点数」の差し込み「{{新規接点数」の書き方が正しくありません（例: {{就職者数}}、{{参加者数|事業内容=育成事業}}）',
    ]);
    expect(result.formIssues.map((i) => i.code)).toEqual([
      'unknown_metric',
      'form_year_without_data',
      'form_invalid_year',
      'form_table_not_alone',
      'unknown_form_table',
      'unknown_filter',
      'unknown_filter',
      'unknown_filter',
      'malformed_template',
    ]);
  });

  it('refuses {{=…}} into person data, a text cell, or an unknown cell, quoting no value', () => {
    const result = check(['{{=候補者!B2}} {{=集計!B1}} {{=集計!B2}} {{=集計!Z9}}'], [], {
      references: references({
        '候補者!B2': { text: 'SENTINEL_NAME_1', sheet: '候補者', column: 1 },
        '集計!B1': { text: 'SENTINEL_TEXT', sheet: '集計', column: 1 },
        '集計!B2': { text: '1,234円', sheet: '集計', column: 1 },
      }),
    });
    expect(values(result)).toEqual([
      '{{=候補者!B2}} ✗ 「{{=候補者!B2}}」の参照「候補者!B2」は個人情報の列を指しているため使えません',
      '{{=集計!B1}} ✗ 「{{=集計!B1}}」の参照「集計!B1」のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）',
      '{{=集計!B2}} → 1,234円',
      '{{=集計!Z9}} ✗ 「{{=集計!Z9}}」の参照「集計!Z9」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください',
    ]);
    expect(JSON.stringify(result)).not.toContain('SENTINEL');
  });

  it('asks the adapter to resolve the form’s {{=…}} targets with the workbook’s, in one call', () => {
    const asked: string[][] = [];
    check(['{{=集計!B2}} {{= 合計 }}'], [], {
      references: (targets) => {
        asked.push([...targets]);
        return new Map();
      },
    });
    expect(asked).toEqual([['集計!B2', '合計']]);
  });

  it('is an error when the form has no placeholder at all', () => {
    const result = check(['ただの文章']);
    expect(result.ok).toBe(false);
    expect(result.formIssues.map(formatFormIssue)).toEqual([
      '様式.docx: 様式「様式.docx」に差し込み（{{…}}）が1つもありません。{{団体名}}、{{就職者数}}、{{表:事業一覧}} のように書いてください',
    ]);
  });

  it('does not fill when the workbook has an error, and says so in its issues', () => {
    const t = tabs();
    t.候補者[1][3] = '2022/13/45';
    const result = checkForm(rawWorkbook(t), paragraphs('{{団体名}}'), { formName: 'f' });
    expect(result.ok).toBe(false);
    expect(
      result.workbookIssues.filter((i) => i.severity === 'error').map((i) => `${i.tab}!${i.cell} ${i.code}`),
    ).toEqual(['候補者!D2 invalid_date']);
    expect(fillForm(result)).toBeNull();
  });

  it('gives nothing without a year', () => {
    const t = tabs();
    t.設定 = [
      ['項目', '値'],
      ['団体名', 'テスト支援会'],
    ];
    const result = checkForm(rawWorkbook(t), paragraphs('{{団体名}}'), { formName: 'f' });
    expect(result).toMatchObject({ ok: false, year: null, placeholders: [], formIssues: [] });
  });

  it('keeps a 種別 not in the list as a warning, and fills', () => {
    const result = check(['{{イベント回数|種別=茶話会}}']);
    expect(result.ok).toBe(true);
    expect(result.formIssues.map((i) => [i.severity, i.code])).toEqual([['warning', 'invalid_filter_value']]);
    expect(values(result)[0]).toMatch(/^\{\{イベント回数\|種別=茶話会\}\} ✗ /);
    expect(result.placeholders[0].text).toBe('0');
  });
});

describe('resolveFormYear', () => {
  it.each([
    ['前年度', 2021],
    ['前々年度', 2020],
    ['今年度', 2022],
    ['当年度', 2022],
    ['本年度', 2022],
    ['2021', 2021],
    ['2021年度', 2021],
    ['令和3年度', 2021],
    ['R3', 2021],
    ['1989', undefined],
    ['2101', undefined],
    ['去年', undefined],
  ])('%s → %s', (typed, year) => {
    expect(resolveFormYear(typed, 2022)).toBe(year);
  });
});

describe('messages of forms', () => {
  it('names places in both languages', () => {
    const places: FormPlace[] = [
      BODY(3),
      { part: 'body', paragraph: 1, cell: { table: 2, row: 3, column: 4 } },
      { part: 'header', paragraph: 1 },
      { part: 'footer', partNumber: 2, paragraph: 2, cell: { table: 1, row: 1, column: 2 } },
    ];
    expect(places.map((p) => formPlaceText(p, 'ja'))).toEqual([
      '本文 3段落目',
      '表2 3行目4列目',
      'ヘッダー 1段落目',
      'フッター2 表1 1行目2列目',
    ]);
    expect(places.map((p) => formPlaceText(p, 'en'))).toEqual([
      'paragraph 3',
      'table 2, row 3, column 4',
      'header, paragraph 1',
      'footer 2, table 1, row 1, column 2',
    ]);
  });

  it('words the form problems in English', () => {
    const result = checkForm(
      rawWorkbook(tabs()),
      paragraphs('{{表:謎}}', 'x {{表:属性別}}', '{{就職者数|年度=去年}}', '{{就職者数|年度=2019}}', 'none'),
      { formName: 'f.docx', language: 'en' },
    );
    expect(result.formIssues.map(formatFormIssue)).toEqual([
      'f.docx paragraph 1: "{{表:謎}}": there is no table "謎". Tables: 事業一覧、事業別事業費、イベント種別別、属性別',
      'f.docx paragraph 2: "{{表:属性別}}" becomes a table: put it alone in a paragraph with no other text',
      'f.docx paragraph 3: "{{就職者数|年度=去年}}": the year "去年" cannot be read (e.g. 年度=前年度, 年度=2021, 年度=令和3年度; years 1990〜2100)',
      'f.docx paragraph 4: "{{就職者数|年度=2019}}": this workbook has no row in 費用, イベント or 候補者 for FY2019 (2019-04-01〜2020-03-31). If that year\'s rows are in another workbook, add them to this one',
    ]);
    const empty = checkForm(rawWorkbook(tabs()), paragraphs('none'), { formName: 'f.docx', language: 'en' });
    expect(empty.formIssues.map(formatFormIssue)).toEqual([
      'f.docx: The form "f.docx" holds no placeholder ({{…}}). Write them as {{団体名}}, {{就職者数}}, {{表:事業一覧}}',
    ]);
  });

  it('prints a value line and a table line', () => {
    expect(formValueLine('本文 1段落目', '{{就職者数}}', { text: '3' }, 'ja')).toBe('本文 1段落目 {{就職者数}} → 3');
    expect(formValueLine('p1', '{{表:属性別}}', { tableRows: 7 }, 'ja')).toBe('p1 {{表:属性別}} → 表（7行）');
    expect(formValueLine('p1', '{{表:属性別}}', { tableRows: 7 }, 'en')).toBe('p1 {{表:属性別}} → table (7 rows)');
    expect(formValueLine('p1', 'a\nb', { text: 'x\u001by' }, 'en')).toBe('p1 a b → xy');
  });

  it('marks a warning in the one-line form', () => {
    const result = check(['{{イベント回数|種別=茶話会}}']);
    expect(formatFormIssue(result.formIssues[0])).toMatch(
      /^様式\.docx 本文 1段落目: \[警告\] 「\{\{イベント回数\|種別=茶話会\}\}」の条件の値「種別=茶話会」/,
    );
  });
});

describe('checkForm: more cases', () => {
  it('words the tables it adds in English', () => {
    const result = check(['{{表:イベント種別別}}', '{{表:属性別}}'], [], { language: 'en' });
    expect(result.placeholders.map((p) => p.table?.header)).toEqual([
      ['Kind', 'Events', 'Participants (total)'],
      ['Status', 'New contacts', 'Registrations', 'Placements', 'Residence status changes'],
    ]);
    expect(result.placeholders[0].table?.rows.at(-1)?.map((c) => c.text)).toEqual(['Total', '3', '23']);
    expect(result.placeholders[1].table?.rows.at(-1)?.map((c) => c.text)).toEqual(['Total', '7', '0', '3', '0']);
  });

  it('counts 属性別 of another year', () => {
    const rows = check(['{{表:属性別|年度=前年度}}']).placeholders[0].table?.rows.map((r) => r.map((c) => c.text));
    // FY2021: C8 (難民認定) only; 1 < 3 is hidden, and with it everything that gives it back.
    expect(rows?.[6]).toEqual(['合計', '1', '0', '1', '0']);
    expect(rows?.[1]).toEqual(['難民認定', '（秘匿）', '0', '（秘匿）', '0']);
  });

  it('is malformed: a condition without =, an empty {{=}}, a stray }} before a good placeholder', () => {
    const result = check(['{{期間|あ}}', '{{=}}', '}} {{団体名}}', '{{}}']);
    expect(result.formIssues.map((i) => `${i.cell} ${i.code} ${i.column} ${i.value}`)).toEqual([
      '本文 1段落目 malformed_template {{期間|あ}} あ',
      '本文 2段落目 malformed_template {{=}} {{=}}',
      '本文 3段落目 malformed_template }} {{団体名}} }} {{団体名}}',
      '本文 4段落目 malformed_template {{}} {{}}',
    ]);
    // The good placeholder of paragraph 3 still has its value in the list.
    expect(result.placeholders[2]).toMatchObject({ source: '{{団体名}}', text: 'テスト支援会' });
  });

  it('takes 年度 written with a full-width ＝ and spaces, and a table name with ：', () => {
    expect(values(check(['{{ 新規接点数 | 年度 ＝ 前年度 }} {{表：イベント種別別}}'])).slice(0, 1)).toEqual([
      '{{ 新規接点数 | 年度 ＝ 前年度 }} → 1',
    ]);
    expect(check(['{{表：イベント種別別}}']).placeholders[0].table?.rows).toHaveLength(3);
  });

  it('puts the last 年度 written when there are two, as a later condition wins', () => {
    expect(values(check(['{{新規接点数|年度=2022|年度=前年度}}']))).toEqual([
      '{{新規接点数|年度=2022|年度=前年度}} → 1',
    ]);
  });

  it('names the metric that needs a missing tab', () => {
    const t = tabs();
    delete (t as Partial<typeof t>).イベント;
    const result = checkForm(rawWorkbook(t), paragraphs('{{イベント回数}}'), { formName: 'f' });
    expect(result.formIssues.map((i) => i.message)).toEqual([
      '「{{イベント回数}}」の指標「イベント回数」には「イベント」タブが必要です。タブを作って行を入力するか（メニューの「シートを準備」で作成できます）、この差し込みを消してください',
    ]);
  });
});

describe('parseTemplate and 年度', () => {
  it('keeps 年度= an unknown filter in 本文 (the report has one year); a form takes it', () => {
    expect(parseTemplate('{{就職者数|年度=前年度}}').problems.map((p) => [p.code, p.value])).toEqual([
      ['unknown_filter', '年度'],
    ]);
    const form = parseTemplate('{{就職者数|年度=前年度|属性=難民認定}}', { years: true });
    expect(form.problems).toEqual([]);
    expect(form.parts[0]).toMatchObject({ kind: 'metric', year: '前年度', filters: { 属性: ['難民認定'] } });
    expect(parseTemplate('{{就職者数}}', { years: true }).parts[0]).not.toHaveProperty('year');
  });
});

/** The table's cells as text, row by row. */
function cells(table: { rows: readonly (readonly { text: string }[])[] } | undefined): string[][] | undefined {
  return table?.rows.map((row) => row.map((cell) => cell.text));
}

describe('checkForm: edges that the mutation run found untested', () => {
  it('quotes a placeholder of up to 60 characters whole and cuts a longer one with 「…」', () => {
    const at60 = `{{${'あ'.repeat(56)}}}`;
    const at63 = `{{${'い'.repeat(59)}}}`;
    const at65 = `{{${'う'.repeat(61)}}}`;
    const result = check([at60, at63, at65]);
    expect(result.formIssues.map((i) => [i.code, i.column, i.value])).toEqual([
      ['unknown_metric', at60, 'あ'.repeat(56)],
      ['unknown_metric', `{{${'い'.repeat(58)}…`, 'い'.repeat(59)],
      ['unknown_metric', `{{${'う'.repeat(58)}…`, `${'う'.repeat(60)}…`],
    ]);
  });

  it('reads 表: only at the start of the name, with spaces around the colon and inside the braces', () => {
    const result = check(['{{X表:属性別}}', '{{表 : 属性別}}', '{{ 表：属性別 }}']);
    expect(result.formIssues.map((i) => [i.code, i.value])).toEqual([['unknown_metric', 'X表:属性別']]);
    expect(result.placeholders.map((p) => p.table?.rows.length)).toEqual([undefined, 7, 7]);
  });

  it('words a condition that starts with = as malformed, and quotes a condition or filter name without its spaces', () => {
    const result = check(['{{期間|=2021}}', '{{期間| あ }}', '{{団体名|年度 =前年度}}', '{{団体名|年度=}}']);
    expect(result.formIssues.map((i) => [i.code, i.value])).toEqual([
      ['malformed_template', '=2021'],
      ['malformed_template', 'あ'],
      ['unknown_filter', '年度'],
      ['unknown_filter', '年度'],
    ]);
  });

  it('takes a year whose only rows are イベント, or a 候補者 date, as a year with data', () => {
    const t = tabs();
    t.イベント.push(['E5', '育成事業', '交流会', '2020/7/1', 6]);
    t.候補者.push(['C9', 'SENTINEL_NAME_9', '難民認定', '2019/5/1', '']);
    const result = checkForm(
      rawWorkbook(t),
      paragraphs('{{イベント回数|年度=2020}} {{参加者数|年度=2020}} {{新規接点数|年度=2019}}'),
      { formName: 'f' },
    );
    expect(values(result)).toEqual([
      '{{イベント回数|年度=2020}} → 1',
      '{{参加者数|年度=2020}} → 6',
      '{{新規接点数|年度=2019}} → 1',
    ]);
    expect(result.ok).toBe(true);
  });

  it('gives the tables it builds their kind, alignment and widths, and fills them with no text', () => {
    const result = check(['{{表:属性別}}', '{{表:イベント種別別}}']);
    const [attributes, kinds] = result.placeholders.map((p) => p.table);
    expect(attributes).toMatchObject({
      kind: 'table',
      align: ['left', 'right', 'right', 'right', 'right'],
      widths: [28, 18, 18, 18, 18],
    });
    expect(kinds).toMatchObject({ kind: 'table', align: ['left', 'right', 'right'], widths: [50, 25, 25] });
    expect(fillForm(result)).toEqual(
      new Map([
        [0, [{ start: 0, end: 9, text: '', table: attributes }]],
        [1, [{ start: 0, end: 13, text: '', table: kinds }]],
      ]),
    );
  });

  it('lists a 種別 not in the usual list under its first spelling, and an event without 種別 only in 合計', () => {
    const t = tabs();
    t.イベント.push(
      ['E5', '育成事業', 'Picnic', '2022/8/1', 3],
      ['E6', '育成事業', 'picnic', '2022/9/1', 2],
      ['E7', '育成事業', '', '2022/10/1', 4],
    );
    const result = checkForm(rawWorkbook(t), paragraphs('{{表:イベント種別別}}'), { formName: 'f' });
    expect(cells(result.placeholders[0].table)).toEqual([
      ['交流会', '2', '15'],
      ['勉強会', '1', '8'],
      ['Picnic', '2', '5'],
      ['合計', '6', '32'],
    ]);
  });

  it('plans 属性別 figures only when the form has 属性別', () => {
    // Alone, 難民申請中 4 gives nothing away; with 属性別 (難民認定 3 < 4, and 合計 7) 申請中 would give 認定 back.
    const form = ['{{新規接点数|属性=難民申請中}}名', '{{表:イベント種別別}}'];
    expect(values(check(form, [['秘匿しきい値', 4]]))).toEqual([
      '{{新規接点数|属性=難民申請中}} → 4',
      '{{表:イベント種別別}} → ',
    ]);
    expect(values(check([...form, '{{表:属性別}}'], [['秘匿しきい値', 4]])).slice(0, 1)).toEqual([
      '{{新規接点数|属性=難民申請中}} → （秘匿）',
    ]);
  });

  it('plans the figures of 事業一覧’s templates only when the form has 事業一覧', () => {
    const t = tabs([['秘匿しきい値', 4]]);
    t.事業[1][7] = '{{新規接点数}}名（うち難民認定{{新規接点数|属性=難民認定}}名）';
    const form = ['{{新規接点数|属性=難民申請中}}名', '{{表:イベント種別別}}'];
    expect(values(checkForm(rawWorkbook(t), paragraphs(...form), { formName: 'f' }))).toEqual([
      '{{新規接点数|属性=難民申請中}} → 4',
      '{{表:イベント種別別}} → ',
    ]);
    // With 事業一覧, its 7 and 難民認定 3 (< 4, hidden) join the plan: 7 − 4 would give 3 back, so 申請中 goes too.
    const withPrograms = checkForm(rawWorkbook(t), paragraphs(...form, '{{表:事業一覧}}'), { formName: 'f' });
    expect(values(withPrograms).slice(0, 1)).toEqual(['{{新規接点数|属性=難民申請中}} → （秘匿）']);
    expect(cells(withPrograms.placeholders[2].table)?.[0][6]).toBe('7名（うち難民認定（秘匿））');
  });

  it('plans each year with its own placeholders only', () => {
    // FY2021's total is not a figure of FY2022's plan, where 申請中 4 without a total gives nothing away.
    const result = check(['{{新規接点数|年度=前年度}}', '{{新規接点数|属性=難民申請中}}'], [['秘匿しきい値', 4]]);
    expect(values(result)).toEqual(['{{新規接点数|年度=前年度}} → 1', '{{新規接点数|属性=難民申請中}} → 4']);
  });

  it('quotes the first stray brace of a paragraph, 20 characters at most, and needs no placeholder then', () => {
    const result = check(['}} {{団体名}} }}', `x}}${'a'.repeat(18)}`, `x}}${'b'.repeat(19)}`, 'a }} b']);
    expect(result.formIssues.map((i) => [i.cell, i.code, i.column, i.value])).toEqual([
      ['本文 1段落目', 'malformed_template', '}} {{団体名}} }}', '}} {{団体名}} }}'],
      ['本文 2段落目', 'malformed_template', `}}${'a'.repeat(18)}`, `}}${'a'.repeat(18)}`],
      ['本文 3段落目', 'malformed_template', `}}${'b'.repeat(18)}…`, `}}${'b'.repeat(18)}…`],
      ['本文 4段落目', 'malformed_template', '}} b', '}} b'],
    ]);
    const strayOnly = check(['a }} b']);
    expect(strayOnly.formIssues.map((i) => i.code)).toEqual(['malformed_template']);
    const none = check(['ただの文章']);
    expect(none.formIssues.map((i) => [i.cell, i.column, i.value])).toEqual([['', '', '様式.docx']]);
  });

  it('asks for {{=…}} targets written with spaces inside the braces, and not for an empty one', () => {
    const asked: string[][] = [];
    check(['{{ =集計!B2 }} {{=}} {{= 合計 }}'], [], {
      references: (targets) => {
        asked.push([...targets]);
        return new Map();
      },
    });
    expect(asked).toEqual([['集計!B2', '合計']]);
  });

  it('checks a metric against the data only when it has no problem yet', () => {
    const result = check(['{{イベント回数|種別=茶話会|年度=去年}}']);
    expect(result.formIssues.map((i) => [i.severity, i.code])).toEqual([['error', 'form_invalid_year']]);
  });

  it('checks the year’s rows after a warning, and not after an error', () => {
    const result = check(['{{イベント回数|種別=茶話会|年度=2019}}', 'x {{表:属性別|年度=2019}}']);
    expect(result.formIssues.map((i) => [i.cell, i.severity, i.code])).toEqual([
      ['本文 1段落目', 'warning', 'invalid_filter_value'],
      ['本文 1段落目', 'error', 'form_year_without_data'],
      ['本文 2段落目', 'error', 'form_table_not_alone'],
    ]);
  });

  it('replaces a hidden figure with no unit after it, and nothing more', () => {
    const result = check(['{{新規接点数|属性=難民認定}}'], [['秘匿しきい値', 4]]);
    expect(result.placeholders.map((p) => [p.start, p.end, p.text, p.issues])).toEqual([[0, 17, '（秘匿）', []]]);
  });

  it('takes a table paragraph with spaces around the placeholder as alone', () => {
    const result = check([' {{表:属性別}} ']);
    expect(result.formIssues).toEqual([]);
    expect(result.placeholders.map((p) => [p.start, p.end, p.table?.rows.length])).toEqual([[0, 11, 7]]);
  });

  it('finds 事業別事業費 and 事業一覧 past a 会議 table, which has no figure rows', () => {
    const t = tabs();
    t.会議 = [
      ['開催日', '種別'],
      ['2022/6/1', '理事会'],
    ];
    const result = checkForm(rawWorkbook(t), paragraphs('{{表:事業別事業費}}'), { formName: 'f' });
    expect(result.formIssues).toEqual([]);
    expect(cells(result.placeholders[0].table)?.[0]).toEqual(['育成事業', '100,000', '50,400', '150,400']);
    t.事業[1][2] = 'その他の事業';
    const other = checkForm(rawWorkbook(t), paragraphs('{{表:事業一覧}}'), { formName: 'f' });
    expect(other.formIssues).toEqual([]);
    expect(other.placeholders[0].text).toBe('なし');
  });

  it('reports a failure while writing a value as an internal error at the placeholder, quoting no value', () => {
    // A lookup that answers a number when checked and text when written: the writer refuses it and says so.
    class Flaky extends Map<string, ResolvedReference | null> {
      private calls = 0;
      override get(key: string): ResolvedReference | null | undefined {
        this.calls++;
        return this.calls === 1 ? super.get(key) : { text: 'SENTINEL_TEXT', sheet: '集計', column: 1 };
      }
    }
    const flaky = new Flaky(references({ '集計!B2': { text: '1,234', sheet: '集計', column: 1 } }));
    const result = check(['{{=集計!B2}}'], [], { references: flaky });
    expect(result.ok).toBe(false);
    expect(fillForm(result)).toBeNull();
    expect(result.formIssues.map((i) => [i.severity, i.code, i.cell, i.column, i.value])).toEqual([
      ['error', 'internal_error', '本文 1段落目', '{{=集計!B2}}', '{{=集計!B2}} is not a number'],
    ]);
    expect(result.placeholders[0]).toMatchObject({ start: 0, end: 10 });
    expect(result.placeholders[0].text).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain('SENTINEL');
  });
});
