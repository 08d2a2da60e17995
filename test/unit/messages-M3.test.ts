// This file defines the exact-text tests of the English formula errors, the 動作確認 phrases and the update summary phrases (issue 10 point 13, part M3).
import type { FormulaErrorCode, FormulaErrorParams, IssueDraft } from '../../src/core/issues';
import {
  type FigureUpdateParams,
  type FigureUpdatePhrase,
  figureUpdateText,
  formulaErrorMessage,
  type SelfTestParams,
  type SelfTestPhrase,
  selfTestCheckName,
  selfTestText,
} from '../../src/core/messages';

const firstProblem: IssueDraft = {
  severity: 'error',
  code: 'invalid_choice',
  tab: '事業',
  cell: 'C2',
  column: '区分',
  value: '特別',
  params: { expected: '特定非営利活動、その他の事業' },
};

describe('formulaErrorMessage in English', () => {
  const cases: ReadonlyArray<[string, FormulaErrorCode, FormulaErrorParams, string]> = [
    [
      'a 区分 filter next to a range',
      'formula_category_with_range',
      {},
      'To filter by 区分, leave out the range (区分 is read from the 事業 tab)',
    ],
    [
      'an unknown value without a list of choices',
      'formula_unknown_value',
      { name: '事業内容', value: '交流', where: 'programs' },
      '事業内容 "交流" is not in the 事業 tab',
    ],
    [
      'an unknown value with a list and the 管理費 hint',
      'formula_unknown_value',
      { name: '科目', value: '管理費', where: 'choices', expected: '人件費、旅費', adminCost: true },
      '科目 "管理費" is not in the choices (人件費、旅費). Sum 管理費 with =JIGYO_METRIC("管理費")',
    ],
    [
      'a workbook error with its first problem and no more',
      'formula_workbook_error',
      { issue: firstProblem, count: 0 },
      '事業!C2: "区分": "特別" is not one of 特定非営利活動、その他の事業',
    ],
    [
      'a workbook error with its first problem and two more',
      'formula_workbook_error',
      { issue: firstProblem, count: 2 },
      '事業!C2: "区分": "特別" is not one of 特定非営利活動、その他の事業 (and 2 more; see the menu 入力チェック)',
    ],
    ['a workbook error without a problem or a count', 'formula_workbook_error', {}, ''],
    [
      'a workbook error with only a count',
      'formula_workbook_error',
      { count: 3 },
      ' (and 3 more; see the menu 入力チェック)',
    ],
    ['a range given for one value', 'formula_range_for_value', { name: '年度' }, '"年度" takes one value, not a range'],
    [
      'a last argument that is not a range',
      'formula_last_argument_not_range',
      {},
      'The last argument must be a range that includes the header row (e.g. 費用!A:G)',
    ],
    ['a missing 事業内容', 'formula_program_required', {}, 'Give a 事業内容 (e.g. "育成事業")'],
    [
      'an unknown count mode',
      'formula_invalid_count_mode',
      { value: '全員' },
      'Count "全員" must be "延べ" (total) or "実人数" (unique people)',
    ],
  ];
  it.each(cases)('words %s exactly', (_what, code, params, expected) => {
    expect(formulaErrorMessage(code, params, 'en')).toBe(expected);
  });
});

describe('selfTestCheckName without a subject', () => {
  it('names the custom function and sidebar checks with nothing after them', () => {
    expect(selfTestCheckName('custom_function', 'en')).toBe('Custom function ');
    expect(selfTestCheckName('sidebar', 'ja')).toBe('サイドバー ');
  });
});

describe('selfTestText', () => {
  const cases: ReadonlyArray<[SelfTestPhrase, SelfTestParams, string, string]> = [
    ['title', {}, '動作確認', 'Self-test'],
    ['fail', {}, '不合格', 'FAIL'],
    [
      'script_zone_wrong',
      { value: 'America/New_York', expected: 'Asia/Tokyo' },
      'スクリプトのタイムゾーンが America/New_York（Asia/Tokyo のはず。appsscript.json を確認）',
      'Script time zone America/New_York (should be Asia/Tokyo; check appsscript.json)',
    ],
    ['scopes_missing', { value: 'documents' }, '許可されていない権限: documents', 'Not authorized: documents'],
    ['authorization_required', {}, '権限の許可が必要です', 'Authorization required'],
    [
      'lock_busy',
      {},
      '他の人が作業中でロックを取れません。少し待ってからもう一度',
      'Someone else holds the lock; try again shortly',
    ],
    ['wrong_value', { name: 'A1', value: '3', expected: '2' }, 'A1 が 3（正しくは 2）', 'A1 is 3 (expected 2)'],
    // Without params every placeholder is empty: the defaults are '' (nothing a user did not give shows up).
    ['wrong_value', {}, ' が （正しくは ）', ' is  (expected )'],
    ['not_plain_json', {}, '応答が JSON にできません', 'The response is not plain JSON'],
    ['not_run', { name: '権限' }, '「権限」が不合格のため未確認', 'Not run: "権限" failed'],
    [
      'tab_left',
      { name: '_動作確認' },
      '一時タブ「_動作確認」を手で削除してください',
      'Please delete the tab "_動作確認" by hand',
    ],
    [
      'send_back',
      {},
      '不合格があれば、この一覧をコピーして担当者に送ってください（スプレッドシートや個人情報は送らないでください）。',
      'If a check failed, copy these lines to whoever supports you (never the spreadsheet or personal data).',
    ],
    ['no_failures', {}, 'すべて合格です。', 'All checks passed.'],
  ];
  it.each(cases)('words %s exactly in both languages (%j)', (phrase, params, ja, en) => {
    expect(selfTestText(phrase, 'ja', params)).toBe(ja);
    expect(selfTestText(phrase, 'en', params)).toBe(en);
  });
});

describe('figureUpdateText', () => {
  const cases: ReadonlyArray<[FigureUpdatePhrase, FigureUpdateParams, string, string]> = [
    // Without params every placeholder is empty, and a missing `after` too.
    ['changed', {}, '変更 :  → ', 'Changed :  → '],
    ['place_cell', {}, '表「」の', 'Table row "", '],
    ['changed', { name: '就職者数', before: '12', after: '13' }, '変更 就職者数: 12 → 13', 'Changed 就職者数: 12 → 13'],
    [
      'deleted',
      { name: '就職者数', before: '12' },
      '削除されていた数字（戻していません） 就職者数: 作成時 12、今は なし',
      'Deleted by an editor (not put back) 就職者数: was 12, now none',
    ],
    [
      'added',
      { name: '就職者数' },
      '新しい数字（入れていません。必要なら手で書き足してください） 就職者数: ',
      'New figure (not inserted; add it by hand if needed) 就職者数: ',
    ],
    [
      'gone',
      { name: '就職者数', before: '12' },
      'ブックから出なくなった数字（そのままにしました） 就職者数: 12',
      'No longer made by the workbook (left as it is) 就職者数: 12',
    ],
    [
      'no_record',
      {},
      '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できず、表の数字は更新しません',
      'The record of the figures made with the report is missing (e.g. the file was saved again by another program): deleted and new figures cannot be told apart, and table figures are not updated',
    ],
    [
      'table_refused',
      { name: '事業の表', before: '', count: 4 },
      '事業の表は更新しませんでした: 事業の行が作成時と違います（増えた行: なし／なくなった行: なし）。この表の数字 4 件は、手で直すか新しい報告書を作ってください',
      '事業の表 was not updated: its program rows differ from when the report was made (added: none; removed: none). Fix its 4 figure(s) by hand or make a new report',
    ],
    [
      'table_unchecked',
      { name: '事業の表', count: 5 },
      '事業の表は更新しませんでした: 作成時の事業の行が分からないため、表の数字 5 件はそのままです',
      '事業の表 was not updated: its program rows when the report was made are unknown, so its 5 figure(s) are left as they are',
    ],
    ['table_programs', { name: '就労支援事業' }, '事業の表（就労支援事業）', 'The program table (就労支援事業)'],
    ['table_comparison', {}, '活動計算書との照合の表', 'The statement check table'],
  ];
  it.each(cases)('words %s exactly in both languages (%j)', (phrase, params, ja, en) => {
    expect(figureUpdateText(phrase, 'ja', params)).toBe(ja);
    expect(figureUpdateText(phrase, 'en', params)).toBe(en);
  });
});
