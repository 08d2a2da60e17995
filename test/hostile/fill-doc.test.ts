// Hostile input at テンプレートから作成's doors (Sheets side): what the page sends (huge, forged or non-string
// addresses), a form whose name and text carry markup, control characters and formula starts, and planted person data;
// each case asserts the exact answer and that nothing unsafe is written.
import { createFromForm, type FormDoors, formAddress, previewForm } from '../../src/core/form-run';
import { appsScriptDoors } from '../../src/gas/actions';
import { appsScriptFormDoors } from '../../src/gas/fill-doc';
import {
  createFakeEnvironment,
  type FakeDocumentApp,
  type FakeEnvironment,
  installFakes,
  sheetValues,
  unwrap,
} from '../fakes';

const SENTINEL = 'QQ植えた氏名';

const SHEETS = {
  設定: [
    ['項目', '値'],
    ['団体名', 'みなと就労支援ネット'],
    ['対象年度', 2022],
  ],
  事業: [
    ['事業内容', '定款の事業名', '区分'],
    ['就労支援事業', '難民の就労を支援する事業', '特定非営利活動'],
  ],
  候補者: [
    ['候補者ID', '氏名', '初回接点日', '同意取得日', '備考'],
    ['C1', SENTINEL, '2022/5/1', '2022/5/1', `${SENTINEL}の備考`],
  ],
  費用: [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/4/10', '就労支援事業', '人件費', 1000],
  ],
};

const NOW = new Date(Date.UTC(2023, 4, 10, 0, 30));

function withFakes(run: (env: FakeEnvironment, doors: FormDoors, docs: FakeDocumentApp) => void): void {
  const env = createFakeEnvironment({ sheets: SHEETS });
  const uninstall = installFakes(env);
  try {
    const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
    const base = appsScriptDoors(spreadsheet, { now: NOW });
    const doors = { read: base.read, exclusive: base.exclusive, ...appsScriptFormDoors(spreadsheet, { now: NOW }) };
    run(env, doors, unwrap(env.DocumentApp) as unknown as FakeDocumentApp);
  } finally {
    uninstall();
  }
}

const UNREADABLE = (shown: string) =>
  `「${shown}」を Google ドキュメントとして開けません。ドキュメントの URL（https://docs.google.com/document/d/…）で、あなたが閲覧できるものを指定してください`;

describe('テンプレートから作成: hostile addresses from the page', () => {
  it('refuses a 10 MB address at once, quoting only its first 120 characters', () => {
    withFakes((env, doors) => {
      const huge = `https://docs.google.com/document/d/${'a'.repeat(10_000_000)}`;
      const started = Date.now();
      expect(createFromForm(doors, huge)).toEqual({ kind: 'unreadable', message: UNREADABLE(huge.slice(0, 120)) });
      expect(Date.now() - started).toBeLessThan(500);
      expect(env.calls.count('DocumentApp.openByUrl')).toBe(0);
    });
  });

  it('refuses non-strings, other hosts, javascript: and markup without opening anything', () => {
    withFakes((env, doors) => {
      expect(previewForm(doors, { url: 'x' })).toEqual({ kind: 'unreadable', message: UNREADABLE('') });
      expect(previewForm(doors, 42)).toEqual({ kind: 'unreadable', message: UNREADABLE('') });
      for (const typed of [
        'https://docs.google.com.evil.example/document/d/abcdefghijklmnop/edit',
        'http://docs.google.com/document/d/abcdefghijklmnop/edit',
        'javascript:alert(1)//docs.google.com/document/d/abcdefghijklmnop',
        'https://docs.google.com/document/d/<script>alert(1)</script>/edit',
        'https://docs.google.com/spreadsheets/d/abcdefghijklmnopqrstuvwxyz/edit',
      ]) {
        expect(previewForm(doors, typed)).toEqual({ kind: 'unreadable', message: UNREADABLE(typed) });
      }
      // A control character typed with the address is not echoed raw.
      expect(previewForm(doors, 'bad\u0007\nurl')).toEqual({ kind: 'unreadable', message: UNREADABLE('bad url') });
      expect(env.calls.count('DocumentApp.openByUrl')).toBe(0);
    });
  });

  it('takes a Docs address only in its own shapes, normalized (user number, tab, bare ID)', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abc';
    const url = `https://docs.google.com/document/d/${id}/edit`;
    expect(formAddress(`https://docs.google.com/document/u/1/d/${id}/edit?tab=t.0#heading=h.1`)).toBe(url);
    expect(formAddress(`  ${id}  `)).toBe(url);
    expect(formAddress('short-id')).toBe(null);
  });
});

describe('テンプレートから作成: a hostile form', () => {
  it('a name with markup, control characters and a formula start reaches the Doc name cleaned and 様式 as text', () => {
    withFakes((env, doors, docs) => {
      const form = docs.create('=HYPERLINK("http://evil.example","<b>様式</b>")\u0007');
      form.getBody().getChild(0).asParagraph().setText('{{団体名}}');
      const created = createFromForm(doors, form.getUrl());
      expect(created).toEqual({
        kind: 'created',
        url: 'https://docs.google.com/document/d/fake-document-2/edit',
        name: '=HYPERLINK("http://evil.example","<b>様式</b>")_2022年度 (生成 2023-05-10 09:30)',
        warnings: 0,
      });
      expect(docs.documents[1].getName()).toBe(
        '=HYPERLINK("http://evil.example","<b>様式</b>")_2022年度 (生成 2023-05-10 09:30)',
      );
      expect(sheetValues(env, '様式')[1]).toEqual([`'=HYPERLINK("http://evil.example","<b>様式</b>")`, form.getUrl()]);
      expect(sheetValues(env, '生成履歴')[1][2]).toBe(
        'Google ドキュメント（様式: =HYPERLINK("http://evil.example","<b>様式</b>")）',
      );
    });
  });

  it('a paragraph of 200,000 opening braces is one malformed placeholder, checked in linear time; nothing written', () => {
    withFakes((env, doors, docs) => {
      const form = docs.create('様式');
      form
        .getBody()
        .getChild(0)
        .asParagraph()
        .setText(`{{団体名}}${'{'.repeat(200_000)}`);
      const started = Date.now();
      const outcome = createFromForm(doors, form.getUrl());
      expect(Date.now() - started).toBeLessThan(3000);
      expect(outcome.kind).toBe('checked');
      if (outcome.kind !== 'checked') return;
      expect(outcome.ok).toBe(false);
      expect(outcome.formIssues.map((issue) => [issue.severity, issue.cell])).toEqual([['error', '本文 1段落目']]);
      expect(JSON.stringify(outcome).length).toBeLessThan(5000);
      expect(docs.documents).toHaveLength(1);
      expect(env.spreadsheet.getSheetByName('様式')).toBe(null);
    });
  });

  it('person data planted in 候補者 never reaches the check list, the copy or a row, whatever the form asks', () => {
    withFakes((env, doors, docs) => {
      const form = docs.create('様式');
      const body = form.getBody();
      body.getChild(0).asParagraph().setText('{{=候補者!B2}} {{=候補者!E2}}');
      body.appendParagraph('{{氏名}} {{備考}} {{新規接点数|氏名=花子}}');
      const outcome = createFromForm(doors, form.getUrl());
      expect(outcome.kind).toBe('checked');
      expect(JSON.stringify(outcome)).not.toContain(SENTINEL);
      expect(docs.documents).toHaveLength(1);
      const previewed = previewForm(doors, form.getUrl());
      expect(JSON.stringify(previewed)).not.toContain(SENTINEL);
      expect(env.logLines.join('\n')).not.toContain(SENTINEL);
    });
  });
});
