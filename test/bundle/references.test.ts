// {{=シート!セル}} and {{=名前付き範囲}} in the bundle: looked up once each in Sheets, numbers only, and refused when
// their formula reaches 候補者 directly, by text (INDIRECT) or through a chain of cells on other sheets.
import { documentBlocks, fakeSheet } from '../fakes';
import { loadBundle } from '../helpers/bundle';
import { sampleSheets } from '../helpers/sample';

const SENTINEL = 'SENTINEL_山田太郎';

function sheetsWithNarrative(body: string): Record<string, unknown[][]> {
  const sheets = sampleSheets();
  sheets.本文 = [sheets.本文[0], ['寄付', '', 1, body, '']];
  sheets.候補者[1][sheets.候補者[0].indexOf('氏名')] = SENTINEL;
  sheets.集計 = [
    ['項目', '値'],
    ['寄付者数', 48],
    ['寄付総額', 1234567],
    ['名前', '=候補者!B2'],
    ['文字数', '=LEN(INDIRECT("候"&"補者!B2"))'],
    ['経由', '=集計2!A1'],
    ['合計', '=SUM(B2:B3)'],
  ];
  sheets.集計2 = [['=LEN(候補者!B2)']];
  // A copy of 候補者 under another name: nothing marks it personal, only its values can stop it.
  sheets.名簿 = sheets.候補者.map((row) => [...row]);
  return sheets;
}

type State = { issues: { tab: string; cell: string; message: string }[] };

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
    // Neither target holds a formula: no sheet is read for the formula wall.
    expect(bundle.env.calls.count('Range.getFormulas')).toBe(0);
  });

  it('follows a formula through the cells it reads, reading each sheet once, and inserts the sum', () => {
    const bundle = loadBundle({ sheets: sheetsWithNarrative('合計{{=集計!B7}}、再掲{{=集計!B7}}。') });
    fakeSheet(bundle.env, '集計').setComputedValue(7, 2, 1234615);
    bundle.env.calls.reset();
    bundle.call('menuCreateReport');
    const paragraphs = documentBlocks(bundle.env.documents[0]).flatMap((b) => (b.type === 'PARAGRAPH' ? [b.text] : []));
    expect(paragraphs).toContain('合計1234615、再掲1234615。');
    expect(bundle.env.calls.count('Range.getFormulas')).toBe(1);
  });

  it('refuses a reference that does not exist, whose formula reads 候補者, uses INDIRECT or reaches 候補者 by a chain', () => {
    const bundle = loadBundle({
      sheets: sheetsWithNarrative('{{=集計!B4}}と{{=ない名前}}と{{=集計!B5}}と{{=集計!B6}}と{{=名簿!B2}}'),
    });
    const summary = fakeSheet(bundle.env, '集計');
    // The fake does not evaluate formulas: give each the number Sheets would show, so only the formula wall stops them.
    summary.setComputedValue(4, 2, SENTINEL);
    summary.setComputedValue(5, 2, 4);
    summary.setComputedValue(6, 2, 4);
    fakeSheet(bundle.env, '集計2').setComputedValue(1, 1, 4);
    const state = bundle.call('sidebarLoad') as State;
    const notNumber =
      'のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）';
    const formulaWall =
      'は使えません。そのセルの数式が候補者タブや個人情報の列を読んでいるか、たどれない参照（INDIRECT など）を使っています。人数は {{在留資格変更数}} のような指標で差し込んでください';
    expect(state.issues.map((i) => `${i.tab}!${i.cell} ${i.message}`)).toEqual([
      expect.stringMatching(/^費用!E44 /),
      `本文!D2 「本文」の参照「集計!B4」${notNumber}`,
      '本文!D2 「本文」の参照「ない名前」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください',
      `本文!D2 「本文」の参照「集計!B5」${formulaWall}`,
      `本文!D2 「本文」の参照「集計!B6」${formulaWall}`,
      `本文!D2 「本文」の参照「名簿!B2」${notNumber}`,
    ]);
    bundle.call('menuCreateReport');
    expect(bundle.env.documents).toHaveLength(0);
    expect(JSON.stringify([state, bundle.env.ui.dialogs, bundle.env.logLines])).not.toContain('SENTINEL');
  });
});
