// {{=シート!セル}} and {{=名前付き範囲}} in the bundle: looked up once each in Sheets, refused when they reach a person.
import { documentBlocks, fakeSheet } from '../fakes';
import { loadBundle } from '../helpers/bundle';
import { sampleSheets } from '../helpers/sample';

function sheetsWithNarrative(body: string): Record<string, unknown[][]> {
  const sheets = sampleSheets();
  sheets.本文 = [sheets.本文[0], ['寄付', '', 1, body, '']];
  sheets.集計 = [
    ['項目', '値'],
    ['寄付者数', 48],
    ['寄付総額', 1234567],
    ['名前', '=候補者!B2'],
  ];
  return sheets;
}

describe('cell references in templates', () => {
  it('inserts a cell by address and a named range by name, one lookup each', () => {
    const bundle = loadBundle({
      sheets: sheetsWithNarrative('寄付者{{=集計!B2}}名、総額{{=寄付総額}}円、再掲{{=集計!B2}}名。'),
    });
    const summary = fakeSheet(bundle.env, '集計');
    bundle.env.spreadsheet.setNamedRange('寄付総額', summary.getRange('B3'));
    bundle.env.calls.reset();
    bundle.call('menuCreateReport');
    const paragraphs = documentBlocks(bundle.env.documents[0]).flatMap((b) => (b.type === 'PARAGRAPH' ? [b.text] : []));
    expect(paragraphs).toContain('寄付者48名、総額1234567円、再掲48名。');
    expect(bundle.env.calls.count('Spreadsheet.getRange')).toBe(1);
    expect(bundle.env.calls.count('Spreadsheet.getRangeByName')).toBe(1);
  });

  it('refuses a reference that does not exist, or whose formula reads 候補者', () => {
    const bundle = loadBundle({ sheets: sheetsWithNarrative('{{=集計!B4}}と{{=ない名前}}') });
    const state = bundle.call('sidebarLoad') as { issues: { tab: string; cell: string; message: string }[] };
    expect(state.issues.map((i) => `${i.tab}!${i.cell} ${i.message}`)).toEqual([
      expect.stringMatching(/^費用!E44 /),
      '本文!D2 「本文」の参照「集計!B4」は個人情報の列を指しているため使えません',
      '本文!D2 「本文」の参照「ない名前」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください',
    ]);
    bundle.call('menuCreateReport');
    expect(bundle.env.documents).toHaveLength(0);
  });
});
