// The built bundle on the fakes: テンプレートから作成 is in the add-on menu, opens the sidebar at its section, and the
// sidebar's two calls check a Google Doc form and create its filled copy (its size budget is asserted in budgets.test.ts).
import { type FakeDocumentApp, sheetValues, unwrap } from '../fakes';
import { loadBundle } from '../helpers/bundle';

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
  // 2022: 300,000 + 150,500 = 450,500 yen.
  費用: [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/4/10', '就労支援事業', '人件費', 300000],
    ['2022/9/1', '就労支援事業', 'その他経費', 150500],
  ],
};

describe('テンプレートから作成 in dist/Code.js', () => {
  it('is an item of the add-on menu whose global opens the sidebar at the テンプレートから作成 section', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    bundle.call('onOpen', { authMode: 'NONE' });
    const [menu] = bundle.env.ui.menus;
    expect(menu.entries).toContainEqual({
      kind: 'item',
      caption: 'テンプレートから作成',
      functionName: 'menuCreateFromForm',
    });
    bundle.call('menuCreateFromForm');
    const [sidebar] = bundle.env.ui.dialogs;
    expect(sidebar.kind).toBe('sidebar');
    expect(sidebar.content.endsWith('<script>window.jhSection="forms"</script>')).toBe(true);
  });

  it('checks a form and creates its filled copy through the sidebar functions, with a 様式 and a 生成履歴 row', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    const docs = unwrap(bundle.env.DocumentApp) as unknown as FakeDocumentApp;
    const form = docs.create('実績報告');
    form.getBody().getChild(0).asParagraph().setText('{{団体名}}の{{対象年度}}年度の事業費は{{事業費}}円です。');
    const checked = bundle.call('sidebarFormCheck', form.getUrl(), 2022) as { ok: boolean; placeholders: unknown[] };
    expect(checked.ok).toBe(true);
    expect(checked.placeholders).toHaveLength(3);
    expect(docs.documents).toHaveLength(1);
    const created = bundle.call('sidebarFormCreate', form.getUrl(), 2022) as { kind: string; url: string };
    expect(created.kind).toBe('created');
    expect(created.url).toBe(docs.documents[1].getUrl());
    expect(docs.documents[1].body.getText()).toBe('みなと就労支援ネットの2022年度の事業費は450,500円です。');
    expect(sheetValues(bundle.env, '様式')).toEqual([
      ['名前', '文書URL'],
      ['実績報告', form.getUrl()],
    ]);
    expect(sheetValues(bundle.env, '生成履歴')[1][2]).toBe('Google ドキュメント（様式: 実績報告）');
  });
});
