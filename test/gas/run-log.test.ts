// Tests of the 生成履歴 writer: headers in any order, and strings that Sheets would run as formulas kept as text.
import { appendRunLog, asLiteral } from '../../src/gas/run-log';
import { createFakeEnvironment, installFakes, sheetValues } from '../fakes';

const ENTRY = {
  at: '2026-11-24 10:00',
  year: 2022,
  format: 'Google ドキュメント',
  location: 'https://d/1',
  warnings: 0,
  user: '@x',
};

describe('appendRunLog', () => {
  it('writes each value under its own header when the columns were reordered', () => {
    const env = createFakeEnvironment({
      sheets: { 生成履歴: [['実行者', '日時', 'メモ', '年度', '形式', '文書URL/パス', '警告数']] },
    });
    const uninstall = installFakes(env);
    try {
      appendRunLog(env.SpreadsheetApp.getActiveSpreadsheet(), ENTRY);
      expect(sheetValues(env, '生成履歴')[1]).toEqual([
        "'@x",
        '2026-11-24 10:00',
        '',
        '2022',
        'Google ドキュメント',
        'https://d/1',
        '0',
      ]);
    } finally {
      uninstall();
    }
  });

  it('stores text that starts with = + - @ as text', () => {
    expect(['=1+1', '+81', '-5', '@me', 'ok', 3].map(asLiteral)).toEqual(["'=1+1", "'+81", "'-5", "'@me", 'ok', 3]);
  });
});
