// Privacy by construction: sentinel strings planted in person-level cells reach no Doc, dialog, log, run row or formula.
import { fakeSheet, sheetValues } from '../fakes';
import { loadBundle } from '../helpers/bundle';
import { sampleSheets } from '../helpers/sample';

const SENTINELS = {
  氏名: 'SENTINEL_NAME_f3a1',
  国籍: 'SENTINEL_NATION_9c2e',
  候補者ID: 'SENTINEL_ID_77b0',
  備考: 'SENTINEL_NOTE_5d4c',
};

function plantedSheets(): Record<string, unknown[][]> {
  const sheets = sampleSheets();
  const candidates = sheets.候補者;
  for (const [column, sentinel] of Object.entries(SENTINELS)) candidates[1][candidates[0].indexOf(column)] = sentinel;
  // A duplicate of the planted ID and an unreadable date on that row: issues about person-level cells must not echo them.
  candidates[2][candidates[0].indexOf('候補者ID')] = SENTINELS.候補者ID;
  // Values typed in any column of a 候補者 row, even one that is not personal in itself, are never quoted either.
  candidates[3][candidates[0].indexOf('属性')] = 'SENTINEL_ATTR_2b7d';
  candidates[3][candidates[0].indexOf('就職先企業ID')] = 'SENTINEL_EMPLOYER_c41e';
  candidates[3][candidates[0].indexOf('初回接点日')] = 'SENTINEL_DATE_90aa';
  const costs = sheets.費用;
  costs[1][costs[0].indexOf('摘要')] = 'SENTINEL_MEMO_0e8f';
  const events = sheets.イベント;
  events[1][events[0].indexOf('備考')] = 'SENTINEL_EVENTNOTE_41aa';
  return sheets;
}

const everything = (texts: unknown[]): string => JSON.stringify(texts);

function makeValid(bundle: ReturnType<typeof loadBundle>): void {
  const candidates = fakeSheet(bundle.env, '候補者');
  candidates.getRange('A3').setValue('C9999');
  candidates.getRange('C4').setValue('難民認定');
  candidates.getRange('E4').setValue('2021/5/1');
  candidates.getRange('J4').setValue('K002');
}

describe('privacy', () => {
  it('keeps planted person-level values out of issues, Docs, dialogs, logs and the run log', () => {
    const bundle = loadBundle({ sheets: plantedSheets() });
    bundle.call('menuCheckInput');
    const issueList = JSON.stringify(bundle.call('sidebarLoad'));
    expect(issueList).toContain('"tab":"候補者","cell":"A3"'); // the duplicate ID is reported, by its cell
    expect(issueList).toContain(
      '"tab":"候補者","cell":"C4","message":"「属性」が選択肢にありません（難民申請中 / 難民認定 / 補完的保護 / 人道配慮 / 避難民 / その他 のいずれか）"',
    );
    expect(issueList).toContain('"tab":"候補者","cell":"E4","message":"「初回接点日」が日付として読めません');
    expect(issueList).toContain(
      '"tab":"候補者","cell":"J4","message":"「就職先企業ID」のIDが「企業」タブにありません"',
    );
    // Make the workbook valid again (these errors block the report), keeping every other sentinel.
    makeValid(bundle);
    bundle.call('menuCreateReport');
    expect(bundle.env.documents).toHaveLength(1);
    const outputs = [
      issueList,
      bundle.env.documents.map((doc) => doc.getBody().getText()),
      bundle.env.ui.dialogs.map((d) => d.content),
      bundle.env.ui.alerts,
      bundle.env.logLines,
      bundle.env.spreadsheet.toasts,
      sheetValues(bundle.env, '生成履歴'),
    ];
    expect(everything(outputs)).not.toMatch(/SENTINEL/);
    expect(bundle.env.documents[0].getBody().getText()).toContain('6,408');
  });

  it('hides 属性 figures a reader could work out by difference (the sample’s 在留資格変更数: 人道配慮 2, others 0)', () => {
    const sheets = sampleSheets();
    const others = '難民申請中,難民認定,補完的保護,避難民,その他';
    sheets.本文 = [
      sheets.本文[0],
      [
        '在留資格',
        '',
        1,
        `在留資格変更 全体 {{在留資格変更数}} / 人道配慮以外 {{在留資格変更数|属性=${others}}} / 人道配慮 {{在留資格変更数|属性=人道配慮}}`,
        '',
      ],
      ['就職', '', 2, '就職 {{就職者数}} うち難民申請中 {{就職者数|属性=難民申請中}}名', ''],
    ];
    const bundle = loadBundle({ sheets });
    bundle.call('menuCreateReport');
    const text = bundle.env.documents[0].getBody().getText();
    // Before: 「全体 2 / 人道配慮以外 0 / 人道配慮 3名未満」, and 2 − 0 = 2.
    expect(text).toContain('在留資格変更 全体 2 / 人道配慮以外 （秘匿） / 人道配慮 （秘匿）');
    // 就職者数 11, 難民申請中 8: the rest (3) is not below 3, so both print.
    expect(text).toContain('就職 11 うち難民申請中 8名');
    expect(text).toContain('（秘匿）: 属性別の人数のうち3名未満のものと、');
    // Custom formulas are not suppressed: staff who can type one can read the rows anyway.
    expect(
      bundle.env.asCustomFunction(() => bundle.call('JIGYO_METRIC', '在留資格変更数', 2022, '属性=人道配慮')),
    ).toBe(2);
  });

  it('returns only numbers from formulas, even over planted cells', () => {
    const bundle = loadBundle({ sheets: plantedSheets() });
    makeValid(bundle);
    // Run as Sheets runs a formula cell: custom-function mode, where any service outside Google's list throws.
    const results = bundle.env.asCustomFunction(() => [
      bundle.call('NEW_CONTACTS'),
      bundle.call('PARTICIPANTS', '育成事業'),
      bundle.call('PROGRAM_COST', '育成事業'),
      bundle.call('JIGYO_METRIC', '就職者数', 2022, '属性=難民認定'),
    ]);
    expect(results.map((value) => typeof value)).toEqual(['number', 'number', 'number', 'number']);
  });
});
