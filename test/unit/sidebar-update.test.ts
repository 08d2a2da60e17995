// Tests of 報告書の数字を更新's core part (issue 14): the sidebar handler behind its optional door, and its words in
// Japanese and English.
import type { Issue } from '../../src/core/issues';
import { docUpdateText } from '../../src/core/messages';
import type { RawWorkbook } from '../../src/core/read-workbook';
import { SIDEBAR_FUNCTIONS, type SidebarDoors, sidebarHandlers, type UpdateOutcome } from '../../src/core/sidebar-api';
import { localWords } from '../../src/node/local-messages';
import { rawWorkbook } from '../helpers/raw';

const settings = (language: string): RawWorkbook =>
  rawWorkbook({
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト'],
      ['対象年度', 2022],
      ['報告書言語', language],
    ],
  });

function doors(raw: RawWorkbook, updateReport?: SidebarDoors['updateReport']): SidebarDoors {
  return {
    read: () => ({ raw }),
    exclusive: (work) => work(),
    writeReport: () => ({ url: '', name: '' }),
    logRun: () => undefined,
    selectCell: () => false,
    ...(updateReport ? { updateReport } : {}),
  };
}

describe('sidebarUpdate', () => {
  it('is one of the functions the sidebar may call', () => {
    expect(SIDEBAR_FUNCTIONS).toContain('sidebarUpdate');
  });

  it('says in the report language that only Sheets updates a Google Doc, where there is no door (dev server)', () => {
    // The dev server's workbook comes from the local reader, with the local runner's words (RawWorkbook.words).
    const local = (language: string): RawWorkbook => ({ ...settings(language), words: localWords });
    expect(sidebarHandlers(doors(local('ja'))).sidebarUpdate(2022)).toEqual({
      kind: 'unavailable',
      message:
        'Google ドキュメントの報告書は Sheets からだけ更新できます（ここでは npm run report -- ブック --update 報告書.docx）。',
    });
    expect(sidebarHandlers(doors(local('en'))).sidebarUpdate()).toEqual({
      kind: 'unavailable',
      message:
        'A Google Doc report is updated from Sheets only (here: npm run report -- WORKBOOK --update REPORT.docx).',
    });
  });

  it('passes a whole-number year to the door (anything else as none) and shows issues as the sidebar lists them', () => {
    const years: (number | undefined)[] = [];
    const issue: Issue = {
      severity: 'error',
      code: 'invalid_number',
      tab: '費用',
      cell: 'E7',
      column: '金額',
      value: '約5万',
      params: {},
      language: 'ja',
      message: '費用!E7: 金額「約5万」を数として読めません',
    };
    const outcomes: UpdateOutcome[] = [
      { kind: 'invalid', issues: [issue] },
      { kind: 'busy' },
      { kind: 'updated', url: 'https://docs.example/1', name: '報告書', lines: ['a', 'b'], warnings: 2 },
    ];
    const handlers = sidebarHandlers(
      doors(settings('ja'), (year) => {
        years.push(year);
        return outcomes[years.length - 1];
      }),
    );
    expect(handlers.sidebarUpdate(2021)).toEqual({
      kind: 'invalid',
      issues: [{ severity: 'error', tab: '費用', cell: 'E7', message: '費用!E7: 金額「約5万」を数として読めません' }],
    });
    expect(handlers.sidebarUpdate('2021')).toEqual({ kind: 'busy' });
    expect(handlers.sidebarUpdate(2021.5)).toEqual(outcomes[2]);
    expect(years).toEqual([2021, undefined, undefined]);
  });
});

describe('docUpdateText', () => {
  it('has every phrase in Japanese and English, the year where it belongs', () => {
    expect(docUpdateText('no_report', 'ja', 2022)).toBe(
      '生成履歴に2022年度の事業報告書がありません。先に「事業報告書を作成」で作成してください。',
    );
    expect(docUpdateText('no_report', 'en', 2022)).toBe(
      'The run log (生成履歴) lists no annual report for FY2022. Make one first with 事業報告書を作成.',
    );
    expect(docUpdateText('no_document', 'ja')).toBe(
      '生成履歴の文書を開けませんでした（削除されたか、開く権限がありません）。',
    );
    expect(docUpdateText('no_document', 'en')).toBe(
      'The document in the run log could not be opened (deleted, or you have no access to it).',
    );
    expect(docUpdateText('no_figures', 'ja')).toBe(
      'この文書には更新できる数字がありません（この機能より前に作成したか、数字がすべて削除されています）。新しく報告書を作成してください。',
    );
    expect(docUpdateText('no_figures', 'en')).toBe(
      'This document has no figure the add-on can find (made before this feature, or every figure was deleted). Make a new report instead.',
    );
    expect([docUpdateText('updated', 'ja'), docUpdateText('updated', 'en')]).toEqual([
      '報告書の数字を更新しました',
      'Figures updated',
    ]);
  });
});
