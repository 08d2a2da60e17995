// Tests of テンプレートから作成's shared flow (src/core/form-run.ts) over hand-made doors: the address a page may send,
// the forms of 様式, what a use does to 様式, the check list, and that an error writes, logs and remembers nothing.
import {
  createFromForm,
  type FormDoors,
  formAddress,
  formEntries,
  formRowAction,
  type OpenedForm,
  previewForm,
} from '../../src/core/form-run';
import type { FormParagraph, FormReplacement } from '../../src/core/form-template';
import type { FormRecord } from '../../src/core/records';
import { sidebarHandlers, sidebarState } from '../../src/core/sidebar-api';
import { localWords } from '../../src/node/local-messages';
import { rawWorkbook } from '../helpers/raw';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abc';
const URL = `https://docs.google.com/document/d/${ID}/edit`;

describe('formAddress', () => {
  it('normalizes every Docs URL shape and a bare ID to …/document/d/ID/edit', () => {
    expect(formAddress(URL)).toBe(URL);
    expect(formAddress(`https://docs.google.com/document/d/${ID}`)).toBe(URL);
    expect(formAddress(`https://docs.google.com/document/d/${ID}/edit?tab=t.0`)).toBe(URL);
    expect(formAddress(`https://docs.google.com/document/d/${ID}#heading=h.2`)).toBe(URL);
    expect(formAddress(`https://docs.google.com/document/u/12/d/${ID}/view`)).toBe(URL);
    expect(formAddress(` \t${URL}\n`)).toBe(URL);
    expect(formAddress(ID)).toBe(URL);
    // IDs of 10 characters in a URL (the fakes' are short) and 25 bare are the shortest taken.
    expect(formAddress('https://docs.google.com/document/d/abcdefghij/edit')).toBe(
      'https://docs.google.com/document/d/abcdefghij/edit',
    );
    expect(formAddress('a'.repeat(25))).toBe(`https://docs.google.com/document/d/${'a'.repeat(25)}/edit`);
  });

  it('refuses what is no Doc address: other hosts and paths, short or broken IDs, non-strings, over 2,000 characters', () => {
    for (const typed of [
      'https://docs.google.com/document/d/abcdefghi/edit',
      'https://docs.google.com/document/d/abcdefghijk!x/edit',
      'https://docs.google.com/document/u/1234/d/abcdefghijk/edit',
      `https://docs.google.com/spreadsheets/d/${ID}/edit`,
      `http://docs.google.com/document/d/${ID}/edit`,
      `https://evil.example/?https://docs.google.com/document/d/${ID}`,
      `x${URL}`,
      'a'.repeat(24),
      `${ID}/edit`,
      '',
    ]) {
      expect(formAddress(typed)).toBe(null);
    }
    for (const typed of [undefined, null, 42, { url: URL }, [URL]]) expect(formAddress(typed)).toBe(null);
    expect(formAddress(URL.padEnd(2000, ' '))).toBe(URL);
    expect(formAddress(URL.padEnd(2001, ' '))).toBe(null);
  });
});

const row = (r: number, formName: string | null, formUrl: string | null): FormRecord => ({ row: r, formName, formUrl });

describe('formEntries and formRowAction (様式)', () => {
  const other = 'https://docs.google.com/document/d/otherdocument0001/edit';
  const rows = [
    row(2, '助成金A', URL),
    row(3, '  理事会資料 ', other.replace('/edit', '/view')),
    row(4, '読めない', 'https://example.com/form'),
    row(5, null, null),
    row(6, '助成金A（改）', `${URL}?tab=t.0`),
    row(7, null, 'otherdocument0002otherdocument0002'),
    row(8, '  ', 'https://docs.google.com/document/d/otherdocument0003/edit'),
  ];

  it('lists each readable document once, its last row winning, the latest first; a blank name shows the URL', () => {
    expect(formEntries(rows)).toEqual([
      {
        name: 'https://docs.google.com/document/d/otherdocument0003/edit',
        url: 'https://docs.google.com/document/d/otherdocument0003/edit',
      },
      {
        name: 'https://docs.google.com/document/d/otherdocument0002otherdocument0002/edit',
        url: 'https://docs.google.com/document/d/otherdocument0002otherdocument0002/edit',
      },
      { name: '助成金A（改）', url: URL },
      { name: '理事会資料', url: other },
    ]);
    expect(formEntries([])).toEqual([]);
  });

  it('appends a new document, renames the last row of a known one whose name changed, else leaves 様式 alone', () => {
    expect(
      formRowAction(rows, { name: '新しい様式', url: 'https://docs.google.com/document/d/zzzzzzzzzzzz/edit' }),
    ).toEqual({ kind: 'append' });
    expect(formRowAction(rows, { name: '助成金A（改）', url: URL })).toEqual({ kind: 'none' });
    expect(formRowAction(rows, { name: '助成金A', url: URL })).toEqual({ kind: 'rename', row: 6 });
    expect(formRowAction(rows, { name: '理事会資料', url: other })).toEqual({ kind: 'none' });
    expect(formRowAction([row(2, null, URL)], { name: '様式', url: URL })).toEqual({ kind: 'rename', row: 2 });
    expect(formRowAction([], { name: '様式', url: URL })).toEqual({ kind: 'append' });
  });
});

/** A workbook: 10 people met in FY2022 (新規接点数 10), one of them with a name but no 同意取得日 (one warning). */
function sheets(language = 'ja'): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', 'みなと就労支援ネット'],
      ['対象年度', 2022],
      ['報告書言語', language],
    ],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      ['就労支援事業', '難民の就労を支援する事業', '特定非営利活動'],
    ],
    候補者: [
      ['候補者ID', '氏名', '初回接点日', '同意取得日'],
      ...Array.from({ length: 10 }, (_, i) => [
        `C${i}`,
        i === 0 ? '名前あり' : '',
        '2022/5/1',
        i === 0 ? '' : '2022/5/1',
      ]),
    ],
    イベント: [
      ['イベントID', '事業内容', '種別', '開始日', '参加者数'],
      ['E1', '就労支援事業', '交流会', '2022/6/1', 5],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額'],
      ['2022/4/10', '就労支援事業', '人件費', 1000],
    ],
    様式: [
      ['名前', '文書URL'],
      ['実績報告（旧名）', URL],
    ],
  };
}

interface Recorded {
  writes: { fills: Map<number, FormReplacement[]>; name: string }[];
  logs: unknown[];
  remembered: unknown[];
}

function doors(
  paragraphs: FormParagraph[],
  options: { busy?: boolean; unreadable?: boolean; language?: string; skipped?: OpenedForm['skipped'] } = {},
): { doors: FormDoors; recorded: Recorded } {
  const recorded: Recorded = { writes: [], logs: [], remembered: [] };
  const form: OpenedForm = {
    name: '実績報告',
    url: URL,
    paragraphs,
    skipped: options.skipped ?? [],
    write: (fills, name) => {
      recorded.writes.push({ fills: new Map(fills) as Map<number, FormReplacement[]>, name });
      return { url: 'https://docs.google.com/document/d/copy/edit' };
    },
  };
  return {
    recorded,
    doors: {
      read: () => ({ raw: rawWorkbook(sheets(options.language)) }),
      exclusive: (work) => (options.busy ? 'busy' : work()),
      open: (url) => (options.unreadable || url !== URL ? null : form),
      copyName: (name, year) => `${name}_${year}年度 (生成 2023-05-10 09:30)`,
      remember: (entry, action) => recorded.remembered.push([entry, action]),
      logRun: (run) => recorded.logs.push(run),
    },
  };
}

const body = (paragraph: number, text: string): FormParagraph => ({ text, place: { part: 'body', paragraph } });

describe('previewForm and createFromForm', () => {
  it('lists each placeholder with its value line; form issues of no placeholder and the skipped parts after them', () => {
    const { doors: d, recorded } = doors([body(1, '{{団体名}}'), body(2, '接点 {{新規接点数}}名 {{'), body(3, '')], {
      skipped: [{ place: { part: 'body', paragraph: 3 }, element: 'TABLE_OF_CONTENTS' }],
    });
    const preview = previewForm(d, URL);
    expect(preview).toEqual({
      kind: 'checked',
      name: '実績報告',
      url: URL,
      year: 2022,
      ok: false,
      placeholders: [
        {
          severity: 'ok',
          where: '本文 1段落目',
          source: '{{団体名}}',
          line: '本文 1段落目 {{団体名}} → みなと就労支援ネット',
          problems: [],
        },
        {
          severity: 'ok',
          where: '本文 2段落目',
          source: '{{新規接点数}}',
          line: '本文 2段落目 {{新規接点数}} → 10',
          problems: [],
        },
      ],
      formIssues: [
        {
          severity: 'error',
          tab: '実績報告',
          cell: '本文 2段落目',
          message: expect.stringContaining('{{'),
        },
        {
          severity: 'warning',
          tab: '実績報告',
          cell: '本文 3段落目',
          message: '目次は作成する文書に入りません。必要なら、できあがった文書に挿入してください',
        },
      ],
      workbookErrors: [],
    });
    expect(recorded).toEqual({ writes: [], logs: [], remembered: [] });
  });

  it('creates the copy: the fills per paragraph, one 生成履歴 run counting every warning, and the 様式 row renamed', () => {
    const { doors: d, recorded } = doors(
      [body(1, '{{団体名}}：{{新規接点数}}名'), body(2, '{{イベント回数|種別=ピクニック}}')],
      {
        skipped: [{ place: { part: 'header', paragraph: 1 }, element: 'UNSUPPORTED' }],
      },
    );
    const created = createFromForm(d, ` ${URL}?tab=t.0 `, 2022);
    // Warnings: the workbook's missing_consent (C0), the unknown 種別 ピクニック, and the skipped part.
    expect(created).toEqual({
      kind: 'created',
      url: 'https://docs.google.com/document/d/copy/edit',
      name: '実績報告_2022年度 (生成 2023-05-10 09:30)',
      warnings: 3,
    });
    expect(recorded.writes).toEqual([
      {
        name: '実績報告_2022年度 (生成 2023-05-10 09:30)',
        fills: new Map([
          [
            0,
            [
              { start: 0, end: 7, text: 'みなと就労支援ネット' },
              { start: 8, end: 17, text: '10' },
            ],
          ],
          [1, [{ start: 0, end: 19, text: '0' }]],
        ]),
      },
    ]);
    expect(recorded.logs).toEqual([
      { year: 2022, url: 'https://docs.google.com/document/d/copy/edit', warnings: 3, formName: '実績報告' },
    ]);
    expect(recorded.remembered).toEqual([
      [
        { name: '実績報告', url: URL },
        { kind: 'rename', row: 2 },
      ],
    ]);
  });

  it('an error in the form or the workbook writes, logs and remembers nothing and returns the check list', () => {
    const { doors: d, recorded } = doors([body(1, '{{ない指標}}')]);
    const outcome = createFromForm(d, URL);
    expect(outcome).toMatchObject({ kind: 'checked', ok: false });
    expect(recorded).toEqual({ writes: [], logs: [], remembered: [] });
    const broken = doors([body(1, '{{団体名}}')]);
    broken.doors = { ...broken.doors, read: () => ({ raw: rawWorkbook({ 設定: sheets().設定 }) }) };
    const blocked = createFromForm(broken.doors, URL);
    expect(blocked.kind === 'checked' && blocked.workbookErrors.map((issue) => [issue.tab, issue.cell])).toEqual([
      ['事業', 'A1'],
      ['費用', 'A1'],
    ]);
    expect(broken.recorded).toEqual({ writes: [], logs: [], remembered: [] });
  });

  it('answers busy while another run holds the lock, and unreadable (in the report language) when the Doc cannot be opened', () => {
    expect(createFromForm(doors([body(1, '{{団体名}}')], { busy: true }).doors, URL)).toEqual({ kind: 'busy' });
    const closed = doors([body(1, '{{団体名}}')], { unreadable: true, language: 'en' });
    const message = `"${URL}" cannot be opened as a Google Doc. Give the URL of a document you can view (https://docs.google.com/document/d/…)`;
    expect(createFromForm(closed.doors, URL)).toEqual({ kind: 'unreadable', message });
    expect(previewForm(closed.doors, URL)).toEqual({ kind: 'unreadable', message });
    // Before any read, the page's text is refused in Japanese (the language is in the workbook not yet read).
    const refused = {
      kind: 'unreadable',
      message:
        '「not a url」を Google ドキュメントとして開けません。ドキュメントの URL（https://docs.google.com/document/d/…）で、あなたが閲覧できるものを指定してください',
    };
    expect(previewForm(closed.doors, 'not a url')).toEqual(refused);
    expect(createFromForm(closed.doors, 'not a url')).toEqual(refused);
    expect(closed.recorded).toEqual({ writes: [], logs: [], remembered: [] });
  });

  it('a warning of a placeholder marks its line (value kept); a 表 shows its row count', () => {
    const { doors: d } = doors([
      body(1, '{{表:事業一覧}}'),
      body(2, '{{イベント回数|種別=ピクニック}}'),
      body(3, '{{参加者数|事業内容=ない事業}}'),
    ]);
    const preview = previewForm(d, URL);
    expect(
      preview.kind === 'checked' && preview.placeholders.map((p) => [p.severity, p.line, p.problems.length]),
    ).toEqual([
      ['ok', '本文 1段落目 {{表:事業一覧}} → 表（1行）', 0],
      ['warning', '本文 2段落目 {{イベント回数|種別=ピクニック}} → 0', 1],
      ['error', null, 1],
    ]);
    // A placeholder's issues are on its line only, not again among the form's.
    expect(preview.kind === 'checked' && preview.formIssues).toEqual([]);
  });
});

describe('テンプレートから作成 in the sidebar handlers', () => {
  const base = (language = 'ja') => ({
    // The dev server's workbook comes from the local reader, with the local runner's words (RawWorkbook.words).
    read: () => ({ raw: { ...rawWorkbook(sheets(language)), words: localWords } }),
    exclusive: <T>(work: () => T) => work(),
    writeReport: () => ({ url: '', name: '' }),
    logRun: () => undefined,
    selectCell: () => false,
  });

  it('lists 様式 in the sidebar state', () => {
    expect(sidebarState(rawWorkbook(sheets())).forms).toEqual([{ name: '実績報告（旧名）', url: URL }]);
  });

  it('without form doors (the dev server) both calls say forms need Sheets, in the report language', () => {
    const ja = sidebarHandlers(base());
    const message =
      'Google ドキュメントのテンプレートは、スプレッドシートのアドオンから使えます（手元では npm run report -- ブック --template 様式.docx）';
    expect(ja.sidebarFormCheck(URL, 2022)).toEqual({ kind: 'unreadable', message });
    expect(ja.sidebarFormCreate(URL, 2022)).toEqual({ kind: 'unreadable', message });
    expect(sidebarHandlers(base('en')).sidebarFormCheck(URL)).toEqual({
      kind: 'unreadable',
      message:
        'Google Doc templates are used from the add-on in Sheets (locally: npm run report -- WORKBOOK --template FORM.docx)',
    });
  });

  it('with form doors, check and create go through them; a year from the page is used only when it is a whole number', () => {
    const { doors: d, recorded } = doors([body(1, '{{対象年度}}')]);
    const handlers = sidebarHandlers({ ...base(), forms: d });
    const checked = handlers.sidebarFormCheck(URL, 2021);
    expect(checked.kind === 'checked' && [checked.year, checked.placeholders[0].line]).toEqual([
      2021,
      '本文 1段落目 {{対象年度}} → 2021',
    ]);
    expect(handlers.sidebarFormCheck(URL, '2021') as { year: number }).toMatchObject({ year: 2022 });
    expect(handlers.sidebarFormCreate(URL, 2022)).toMatchObject({ kind: 'created', warnings: 1 });
    expect(recorded.writes).toHaveLength(1);
  });

  it('quotes at most 120 characters of what the page sent, and nothing of a non-string', () => {
    const { doors: d } = doors([]);
    const long = 'x'.repeat(300);
    expect(previewForm(d, long)).toEqual({
      kind: 'unreadable',
      message: `「${'x'.repeat(120)}」を Google ドキュメントとして開けません。ドキュメントの URL（https://docs.google.com/document/d/…）で、あなたが閲覧できるものを指定してください`,
    });
    expect(createFromForm(d, 7)).toEqual({
      kind: 'unreadable',
      message:
        '「」を Google ドキュメントとして開けません。ドキュメントの URL（https://docs.google.com/document/d/…）で、あなたが閲覧できるものを指定してください',
    });
  });
});
