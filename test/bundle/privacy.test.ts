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
  const costs = sheets.費用;
  costs[1][costs[0].indexOf('摘要')] = 'SENTINEL_MEMO_0e8f';
  const events = sheets.イベント;
  events[1][events[0].indexOf('備考')] = 'SENTINEL_EVENTNOTE_41aa';
  return sheets;
}

const everything = (texts: unknown[]): string => JSON.stringify(texts);

describe('privacy', () => {
  it('keeps planted person-level values out of issues, Docs, dialogs, logs and the run log', () => {
    const bundle = loadBundle({ sheets: plantedSheets() });
    bundle.call('menuCheckInput');
    const issueList = JSON.stringify(bundle.call('sidebarLoad'));
    expect(issueList).toContain('"tab":"候補者","cell":"A3"'); // the duplicate ID is reported, by its cell
    // Make the workbook valid again (the duplicate blocks the report), keeping every other sentinel.
    fakeSheet(bundle.env, '候補者').getRange('A3').setValue('C9999');
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

  it('returns only numbers from formulas, even over planted cells', () => {
    const bundle = loadBundle({ sheets: plantedSheets() });
    fakeSheet(bundle.env, '候補者').getRange('A3').setValue('C9999');
    const results = [
      bundle.call('NEW_CONTACTS'),
      bundle.call('PARTICIPANTS', '育成事業'),
      bundle.call('PROGRAM_COST', '育成事業'),
      bundle.call('JIGYO_METRIC', '就職者数', 2022, '属性=難民認定'),
    ];
    expect(results.every((value) => typeof value === 'number')).toBe(true);
  });
});
