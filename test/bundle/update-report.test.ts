// End to end in the bundle harness: 報告書の数字を更新 is in the menu of dist/Code.js and rewrites the report's figures.
import { fakeSheet, sheetValues, unwrap } from '../fakes';
import { loadBundle } from '../helpers/bundle';
import { sampleSheets } from '../helpers/sample';

describe('報告書の数字を更新 (menuUpdateReport) in the bundle', () => {
  it('is in the add-on menu and updates the Doc that 事業報告書を作成 made', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    bundle.call('onOpen', { authMode: 'FULL' });
    const items = bundle.env.ui.menus[0].entries.filter((entry) => entry.kind === 'item');
    expect(items.find((entry) => entry.caption === '報告書の数字を更新')).toEqual({
      kind: 'item',
      caption: '報告書の数字を更新',
      functionName: 'menuUpdateReport',
    });
    bundle.call('menuCreateReport');
    const [doc] = bundle.env.documents;
    const cell = () => doc.getBody().getTables()[0].getCell(2, 7).getText();
    expect(cell()).toBe('9,966');
    unwrap(fakeSheet(bundle.env, '費用')).appendRow(['2022-06-01', '育成事業', '人件費', '', 1000000, '', '']);
    bundle.env.calls.reset();
    bundle.call('menuUpdateReport');
    expect(cell()).toBe('10,966');
    expect(bundle.env.documents).toHaveLength(1);
    const log = sheetValues(bundle.env, '生成履歴');
    expect(log.map((row) => row[2])).toEqual(['形式', 'Google ドキュメント', '更新']);
    expect(log[2][3]).toBe(doc.getUrl());
    const dialog = bundle.env.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('報告書の数字を更新しました');
    expect(dialog?.content).toContain('<li>数字の更新: 変わった数字 2 件、変わらない数字 30 件</li>');
    expect(dialog?.content).toContain('<li>変更 表「育成事業」の事業費（千円）: 9,966 → 10,966</li>');
    expect([bundle.env.calls.count('Documents.get'), bundle.env.calls.count('Documents.batchUpdate')]).toEqual([1, 1]);
    expect(bundle.env.calls.count('Range.getValues')).toBe(10); // the sample's 8 tabs, 生成履歴, its header row
  });
});
