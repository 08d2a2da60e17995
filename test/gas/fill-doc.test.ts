// Tests of テンプレートから作成 on the fakes: a Google Doc form read once and copied element by element into a new Doc
// (paragraphs, list items and tables in order with their attributes, split and styled placeholders, a 表 block, header
// and footer), errors that write nothing, the 様式 and 生成履歴 rows, and service calls that do not grow with data rows.

import { createFromForm, type FormCreateResponse, previewForm } from '../../src/core/form-run';
import { appsScriptDoors } from '../../src/gas/actions';
import { appsScriptFormDoors } from '../../src/gas/fill-doc';
import { MENU_ITEMS } from '../../src/gas/menu';
import { checkFormFromSidebar, createFormFromSidebar } from '../../src/gas/sidebar-server';
import {
  createFakeEnvironment,
  type FakeBody,
  type FakeDocument,
  type FakeEnvironment,
  FakeListItem,
  type FakeParagraph,
  FakeTable,
  installFakes,
  plantTableOfContents,
  sheetValues,
  unwrap,
} from '../fakes';

/** A value typed in a 候補者 row: it must never reach the copy, a message or a log. */
const SENTINEL = 'ZZ秘密花子';

/**
 * A small workbook whose figures are worked out by hand: `candidates` people, all first met on 2022/5/1, every
 * second one (C0, C2, …) placed on 2022/8/1; 事業費 2022 = 300,000 + 150,500 = 450,500 yen; 2021 = 80,000 yen.
 */
function workbook(candidates: number): Record<string, unknown[][]> {
  const people = Array.from({ length: candidates }, (_, i) => [
    `C${i}`,
    `${SENTINEL}${i}`,
    '2022/5/1',
    i % 2 === 0 ? '2022/8/1' : '',
    '2022/5/1',
  ]);
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'みなと就労支援ネット'],
      ['対象年度', 2022],
    ],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      ['就労支援事業', '難民の就労を支援する事業', '特定非営利活動'],
    ],
    候補者: [['候補者ID', '氏名', '初回接点日', '就職日', '同意取得日'], ...people],
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/10', '就労支援事業', '人件費', 300000],
      ['2022/9/1', '就労支援事業', 'その他経費', 150500],
      ['2021/6/1', '就労支援事業', 'その他経費', 80000],
    ],
  };
}

function withFakes(run: (env: FakeEnvironment) => void, sheets = workbook(10)): void {
  const env = createFakeEnvironment({ sheets, htmlFiles: { sidebar: '<html></html>' } });
  const uninstall = installFakes(env);
  try {
    run(env);
  } finally {
    uninstall();
  }
}

/** The raw fake DocumentApp (arranging a form is no call of the code under test). */
const docs = (env: FakeEnvironment) => unwrap(env.DocumentApp) as unknown as import('../fakes').FakeDocumentApp;

/** Text of a paragraph, and the bold flag of each character (as `getAttributes(offset)` reads it). */
function boldMap(paragraph: FakeParagraph): string {
  const text = paragraph.editAsText();
  return [...paragraph.getText()].map((_, i) => (text.isBold(i) ? 'B' : '.')).join('');
}

/**
 * The grant-report form: title, period, a placeholder Word split into a plain and a bold run, one that starts bold,
 * a numbered list of two items (this year and 前年度), a table with a placeholder cell, a 事業一覧 block, a closing
 * paragraph, and a header and footer.
 */
function makeForm(env: FakeEnvironment): FakeDocument {
  const form = docs(env).create('助成金実績報告');
  const body = form.getBody();
  body.getChild(0).asParagraph().setText('{{団体名}} {{対象年度}}年度 実績報告');
  body.getChild(0).asParagraph().setHeading('TITLE').setAlignment('CENTER');
  body.appendParagraph('期間: {{期間}}').setSpacingAfter(12);
  const split = body.appendParagraph('新規接点数は{{新規接点数}}名でした。');
  // `{{新規` plain, `接点数}}名` bold (as Word splits runs), then plain again.
  split.editAsText().setBold(10, 15, true);
  const bold = body.appendParagraph('{{就職者数}}名が就職しました。');
  bold.editAsText().setBold(0, 7, true);
  bold.editAsText().setFontSize(0, 7, 14);
  const first = body.appendListItem('事業費: {{事業費}}円');
  first.setGlyphType('NUMBER');
  const second = body.appendListItem('前年度の事業費: {{事業費|年度=前年度}}円');
  second.setGlyphType('NUMBER').setListId(first);
  const table = body.appendTable([
    ['項目', '数'],
    ['就職者数', '{{就職者数}}'],
  ]);
  table.setBorderWidth(2);
  table.getCell(0, 0).setBackgroundColor('#dddddd');
  body.appendParagraph('{{表:事業一覧}}');
  body.appendParagraph('以上').setAlignment('RIGHT');
  form.addHeader().getChild(0).asParagraph().setText('{{団体名}}');
  form.addFooter().getChild(0).asParagraph().setText('{{対象年度}}年度 実績報告');
  return form;
}

const NOW = new Date(Date.UTC(2023, 4, 10, 0, 30)); // 2023-05-10 09:30 in Tokyo

function create(env: FakeEnvironment, url: string, year?: number): FormCreateResponse {
  const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
  const doors = appsScriptDoors(spreadsheet, { now: NOW });
  return createFromForm(
    { read: doors.read, exclusive: doors.exclusive, ...appsScriptFormDoors(spreadsheet, { now: NOW }) },
    url,
    year,
  );
}

/** The new Doc's top-level elements as [type, text]; tables as their rows. */
function outline(body: FakeBody): unknown[] {
  return body.children.map((child) =>
    child instanceof FakeTable
      ? ['TABLE', child.children.map((row) => (row as FakeTable).children.map((cell) => (cell as FakeBody).getText()))]
      : [child.type, (child as FakeParagraph).getText()],
  );
}

describe('テンプレートから作成 (fill-doc)', () => {
  it('is a menu item after 職業紹介事業報告を作成, calling menuCreateFromForm', () => {
    const index = MENU_ITEMS.findIndex((item) => item.caption === 'テンプレートから作成');
    expect(MENU_ITEMS[index - 1].caption).toBe('職業紹介事業報告を作成');
    expect(MENU_ITEMS[index].functionName).toBe('menuCreateFromForm');
  });

  it('copies paragraphs, list items and tables in order, with every placeholder filled and a 事業一覧 table', () => {
    withFakes((env) => {
      const form = makeForm(env);
      const outcome = create(env, form.getUrl());
      expect(outcome).toEqual({
        kind: 'created',
        url: 'https://docs.google.com/document/d/fake-document-2/edit',
        name: '助成金実績報告_2022年度 (生成 2023-05-10 09:30)',
        warnings: 0,
      });
      const copy = docs(env).documents[1];
      expect(copy.getName()).toBe('助成金実績報告_2022年度 (生成 2023-05-10 09:30)');
      expect(copy.closed).toBe(true);
      const rows = outline(copy.body);
      // 10 people met in FY2022; C0, C2, C4, C6, C8 placed: 5. 事業費 450,500; 前年度 80,000.
      expect(rows.slice(0, 6)).toEqual([
        ['PARAGRAPH', 'みなと就労支援ネット 2022年度 実績報告'],
        ['PARAGRAPH', '期間: 2022年4月1日から2023年3月31日まで'],
        ['PARAGRAPH', '新規接点数は10名でした。'],
        ['PARAGRAPH', '5名が就職しました。'],
        ['LIST_ITEM', '事業費: 450,500円'],
        ['LIST_ITEM', '前年度の事業費: 80,000円'],
      ]);
      expect(rows[6]).toEqual([
        'TABLE',
        [
          ['項目', '数'],
          ['就職者数', '5'],
        ],
      ]);
      // The empty paragraph Docs keeps after the form's table is the form's own: copied as it is.
      expect(rows[7]).toEqual(['PARAGRAPH', '']);
      // The 事業一覧 block became the report's (１) table: 450,500 yen → 451 千円; then 以上, nothing else.
      const [kind, programs] = rows[8] as [string, string[][]];
      expect(kind).toBe('TABLE');
      expect(programs[0][0]).toBe('定款に記載された事業名');
      expect(programs[1][0]).toBe('難民の就労を支援する事業');
      expect(programs[1][programs[1].length - 1]).toBe('451');
      expect(rows.slice(9)).toEqual([['PARAGRAPH', '以上']]);
      // The form itself is unchanged.
      expect(outline(form.body)[0]).toEqual(['PARAGRAPH', '{{団体名}} {{対象年度}}年度 実績報告']);
      expect(form.body.children).toHaveLength(10);
    });
  });

  it("keeps each element's attributes and each run's style; the figure takes the style where its placeholder began", () => {
    withFakes((env) => {
      const form = makeForm(env);
      create(env, form.getUrl());
      const body = docs(env).documents[1].body;
      const [title, period, split, bold, first, second, table] = body.children as [
        FakeParagraph,
        FakeParagraph,
        FakeParagraph,
        FakeParagraph,
        FakeListItem,
        FakeListItem,
        FakeTable,
      ];
      expect([title.getHeading(), title.getAlignment()]).toEqual(['TITLE', 'CENTER']);
      expect(period.getSpacingAfter()).toBe(12);
      // `{{新規` began plain: 10 is plain although `接点数}}` was bold; 名 after it keeps its own bold.
      expect(split.getText()).toBe('新規接点数は10名でした。');
      expect(boldMap(split)).toBe('........B....');
      // `{{就職者数}}` began bold, 14 pt: 5 is bold and 14 pt, 名が就職しました。 stays plain.
      expect(boldMap(bold)).toBe('B.........');
      expect(bold.editAsText().getFontSize(0)).toBe(14);
      expect(bold.editAsText().getFontSize(1)).toBe(null);
      // One numbered list: the second item joined the first one's list.
      expect(first).toBeInstanceOf(FakeListItem);
      expect([first.getGlyphType(), second.getGlyphType()]).toEqual(['NUMBER', 'NUMBER']);
      expect(second.getListId()).toBe(first.getListId());
      expect(table.getBorderWidth()).toBe(2);
      expect(table.getCell(0, 0).getBackgroundColor()).toBe('#dddddd');
      expect((body.children[9] as FakeParagraph).getAlignment()).toBe('RIGHT');
    });
  });

  it('fills the header and the footer', () => {
    withFakes((env) => {
      const form = makeForm(env);
      create(env, form.getUrl());
      const copy = docs(env).documents[1];
      expect(copy.getHeader()?.getText()).toBe('みなと就労支援ネット');
      expect(copy.getFooter()?.getText()).toBe('2022年度 実績報告');
    });
  });

  it('a 表 block alone in a table cell becomes a table inside that cell', () => {
    withFakes((env) => {
      const form = docs(env).create('様式B');
      const body = form.getBody();
      body.getChild(0).asParagraph().setText('{{団体名}}');
      body.appendTable([['実績', '{{表:事業一覧}}']]);
      create(env, form.getUrl());
      const copy = docs(env).documents[1].body;
      const cell = (copy.children[1] as FakeTable).getCell(0, 1);
      expect(cell.children.map((child) => child.type)).toEqual(['TABLE', 'PARAGRAPH']);
      expect((cell.children[1] as FakeParagraph).getText()).toBe('');
      expect((cell.children[0] as FakeTable).getCell(1, 1).getText()).toBe('就労支援事業');
    });
  });

  it('a form that starts with a table keeps the empty paragraph before it; a table of contents is left out with a warning', () => {
    withFakes((env) => {
      const form = docs(env).create('様式C');
      const body = form.getBody();
      body.insertTable(0, [['{{団体名}}']]);
      plantTableOfContents(body, 1, ['目次']);
      body.getChild(2).asParagraph().setText('就職者数 {{就職者数}}');
      const outcome = create(env, form.getUrl());
      expect(outcome).toMatchObject({ kind: 'created', warnings: 1 });
      expect(outline(docs(env).documents[1].body)).toEqual([
        ['PARAGRAPH', ''],
        ['TABLE', [['みなと就労支援ネット']]],
        ['PARAGRAPH', '就職者数 5'],
      ]);
      const preview = previewForm(formDoors(env), form.getUrl());
      expect(preview.kind === 'checked' && preview.formIssues).toEqual([
        {
          severity: 'warning',
          tab: '様式C',
          cell: '本文 2段落目',
          message: '目次は作成する文書に入りません。必要なら、できあがった文書に挿入してください',
        },
      ]);
    });
  });

  it('an unknown placeholder and a person reference are exact errors at their place; no Doc, no row is written', () => {
    withFakes((env) => {
      const form = docs(env).create('様式D');
      const body = form.getBody();
      body.getChild(0).asParagraph().setText('{{団体名}}');
      body.appendParagraph('{{新規接点数の合計}}名');
      body.appendTable([['氏名', '{{=候補者!B2}}']]);
      const before = env.spreadsheet.getSheets().map((sheet) => sheet.getName());
      const outcome = create(env, form.getUrl());
      expect(outcome.kind).toBe('checked');
      if (outcome.kind !== 'checked') return;
      expect(outcome.ok).toBe(false);
      expect(outcome.placeholders.map((p) => [p.severity, p.where, p.source, p.line])).toEqual([
        ['ok', '本文 1段落目', '{{団体名}}', '本文 1段落目 {{団体名}} → みなと就労支援ネット'],
        ['error', '本文 2段落目', '{{新規接点数の合計}}', null],
        ['error', '表1 1行目2列目', '{{=候補者!B2}}', null],
      ]);
      expect(outcome.placeholders[1].problems).toHaveLength(1);
      // The list of metrics after it grows with the registry; the sentence naming the placeholder is fixed.
      expect(outcome.placeholders[1].problems[0]).toMatch(
        /^「\{\{新規接点数の合計\}\}」の指標「新規接点数の合計」はありません。使える指標: 新規接点数、登録者数、/,
      );
      expect(outcome.placeholders[2].problems).toEqual([
        '「{{=候補者!B2}}」の参照「候補者!B2」は個人情報の列を指しているため使えません',
      ]);
      expect([outcome.formIssues, outcome.workbookErrors]).toEqual([[], []]);
      expect(JSON.stringify(outcome)).not.toContain(SENTINEL);
      expect(docs(env).documents).toHaveLength(1);
      expect(env.spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(before);
    });
  });

  it('an address that is no Doc, or a Doc the user cannot open, is refused before anything is read from it', () => {
    withFakes((env) => {
      const message =
        '「https://example.com/x」を Google ドキュメントとして開けません。ドキュメントの URL（https://docs.google.com/document/d/…）で、あなたが閲覧できるものを指定してください';
      expect(create(env, 'https://example.com/x')).toEqual({ kind: 'unreadable', message });
      const missing = 'https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz012345/edit';
      expect(create(env, missing)).toEqual({
        kind: 'unreadable',
        message: message.replace('https://example.com/x', missing),
      });
      expect(docs(env).documents).toHaveLength(0);
    });
  });

  it('a successful use appends a 様式 row and a 生成履歴 row; a second use adds neither 様式 row, a renamed Doc updates it', () => {
    withFakes((env) => {
      const form = makeForm(env);
      create(env, form.getUrl().replace('/edit', '/edit?tab=t.0'));
      expect(sheetValues(env, '様式')).toEqual([
        ['名前', '文書URL'],
        ['助成金実績報告', form.getUrl()],
      ]);
      expect(sheetValues(env, '生成履歴')).toEqual([
        ['日時', '年度', '形式', '文書URL/パス', '警告数', '実行者'],
        [
          '2023-05-10 09:30',
          '2022',
          'Google ドキュメント（様式: 助成金実績報告）',
          'https://docs.google.com/document/d/fake-document-2/edit',
          '0',
          expect.stringMatching(/^利用者 /),
        ],
      ]);
      create(env, form.getUrl());
      expect(sheetValues(env, '様式')).toHaveLength(2);
      form.setName('=助成金実績報告 2023');
      create(env, form.getUrl());
      // The name starts with =: stored as text, never as a formula.
      expect(sheetValues(env, '様式')).toEqual([
        ['名前', '文書URL'],
        ["'=助成金実績報告 2023", form.getUrl()],
      ]);
      expect(sheetValues(env, '生成履歴')).toHaveLength(4);
    });
  });

  it('the sidebar lists the forms of 様式 and checks and creates through google.script.run', () => {
    withFakes((env) => {
      const form = makeForm(env);
      const checked = checkFormFromSidebar(form.getUrl(), 2022);
      expect(checked.kind === 'checked' && checked.placeholders.map((p) => p.line)).toEqual([
        '本文 1段落目 {{団体名}} → みなと就労支援ネット',
        '本文 1段落目 {{対象年度}} → 2022',
        '本文 2段落目 {{期間}} → 2022年4月1日から2023年3月31日まで',
        '本文 3段落目 {{新規接点数}} → 10',
        '本文 4段落目 {{就職者数}} → 5',
        '本文 5段落目 {{事業費}} → 450,500',
        '本文 6段落目 {{事業費|年度=前年度}} → 80,000',
        '表1 2行目2列目 {{就職者数}} → 5',
        '本文 12段落目 {{表:事業一覧}} → 表（1行）',
        'ヘッダー 1段落目 {{団体名}} → みなと就労支援ネット',
        'フッター 1段落目 {{対象年度}} → 2022',
      ]);
      expect(docs(env).documents).toHaveLength(1);
      const created = createFormFromSidebar(form.getUrl(), 2022);
      expect(created).toMatchObject({ kind: 'created', url: docs(env).documents[1].getUrl() });
    });
  });
});

/** The form doors over the active spreadsheet at NOW. */
function formDoors(env: FakeEnvironment) {
  const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
  const doors = appsScriptDoors(spreadsheet, { now: NOW });
  return { read: doors.read, exclusive: doors.exclusive, ...appsScriptFormDoors(spreadsheet, { now: NOW }) };
}

describe('テンプレートから作成: service calls', () => {
  /** Every call of one テンプレートから作成 run on the form, by service. */
  function callsFor(rows: number): Record<string, number> {
    let counts: Record<string, number> = {};
    withFakes((env) => {
      const form = makeForm(env);
      env.calls.reset();
      const outcome = create(env, form.getUrl());
      expect(outcome.kind).toBe('created');
      counts = env.calls.snapshot();
    }, workbook(rows));
    return counts;
  }

  it('makes the same calls for 10 and 1,000 data rows: one read per tab, the rest per element of the form', () => {
    const ten = callsFor(10);
    const thousand = callsFor(1000);
    expect(thousand).toEqual(ten);
    // One getValues per tab present (設定, 事業, 候補者, 費用); 生成履歴 and 様式 are created, so not read.
    expect([ten['Sheet.getDataRange'], ten['Range.getValues'], ten['Spreadsheet.insertSheet']]).toEqual([4, 4, 2]);
    expect([ten['DocumentApp.openByUrl'], ten['DocumentApp.create'], ten['Document.saveAndClose']]).toEqual([1, 1, 1]);
    // Every top-level element of the form is copied once: body 7 paragraphs + header + footer, 2 list items, 1 table.
    expect([ten['Paragraph.copy'], ten['ListItem.copy'], ten['Table.copy']]).toEqual([9, 2, 1]);
    // Each paragraph's text is read once: 7 body + 4 table cells + header + footer, and the 2 list items.
    expect([ten['Paragraph.getText'], ten['ListItem.getText']]).toEqual([13, 2]);
    // 10 placeholders filled in text (body 8, header, footer), four calls each.
    for (const call of ['getAttributes', 'insertText', 'setAttributes', 'deleteText'])
      expect(ten[`Text.${call}`]).toBe(10);
    // Written: 6 paragraphs (the 表 paragraph became a table), 2 list items (the second joined to the first's list),
    // 2 tables; 5 spare paragraphs removed (the new body's, header's and footer's first, and Docs' after each table).
    expect([ten['Body.appendParagraph'], ten['Body.appendListItem'], ten['ListItem.setListId']]).toEqual([6, 2, 1]);
    expect([ten['Body.appendTable'], ten['Paragraph.removeFromParent']]).toEqual([2, 5]);
    expect(Object.values(ten).reduce((a, b) => a + b, 0)).toBe(275);
  });
});
