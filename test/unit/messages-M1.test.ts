// This file defines the exact words of the issue codes whose mutants survived at 36e2adf (issue 10 point 13, part M1).
import type { IssueCode, IssueParams } from '../../src/core/issues';
import { finalizeIssue } from '../../src/core/messages';

interface Fields {
  readonly tab?: string;
  readonly column?: string;
  readonly value?: string;
  readonly params?: IssueParams;
}

/** The message of a hand-written draft at 事業!C3 (a tab whose values are never masked) in one language. */
function message(code: IssueCode, fields: Fields, language: 'ja' | 'en'): string {
  return finalizeIssue(
    {
      severity: 'error',
      code,
      tab: fields.tab ?? '事業',
      cell: 'C3',
      column: fields.column ?? '',
      value: fields.value ?? '',
      ...(fields.params ? { params: fields.params } : {}),
    },
    language,
  ).message;
}

// Each row: the code, the draft's fields, the whole Japanese message, the whole English message. A case label
// emptied, a case body dropped (falling through to the next code), or a template emptied changes one of them.
const CASES: readonly [IssueCode, Fields, string, string][] = [
  [
    'missing_tab',
    { tab: 'イベント' },
    'タブ「イベント」が見つかりません。メニューの「シートを準備」で作成できます',
    'Tab "イベント" is missing. Use the menu "シートを準備" (Prepare sheets) to create it',
  ],
  [
    'missing_column',
    { tab: '費用', column: '金額' },
    'タブ「費用」に必須の列「金額」がありません。1行目に見出しを追加してください',
    'Tab "費用" has no required column "金額". Add it as a header in row 1',
  ],
  [
    'duplicate_header',
    { tab: '費用', column: '金額', params: { other: 'E' } },
    '見出し「金額」が2回あります（E列にも）。どちらか一方にしてください',
    'Header "金額" appears twice (also in column E). Keep only one',
  ],
  [
    'error_value',
    { tab: '費用', column: '金額', value: '#REF!' },
    '「金額」がエラー値「#REF!」です。数式か参照を直してください',
    '"金額" holds the error value "#REF!". Fix the formula or reference',
  ],
  [
    'required',
    { tab: '費用', column: '日付' },
    '「日付」が空欄です。この列は必須です',
    '"日付" is empty. This column is required',
  ],
  [
    'duplicate_id',
    { column: '事業内容', value: '育成事業', params: { other: 'B2' } },
    '「事業内容」の「育成事業」が重複しています（B2と同じ）',
    '"事業内容": "育成事業" is a duplicate (same as B2)',
  ],
  [
    'unknown_reference',
    { tab: '費用', column: '事業内容', value: '広報事業', params: { other: '事業' } },
    '「事業内容」の「広報事業」が「事業」タブにありません',
    '"事業内容": "広報事業" is not in tab "事業"',
  ],
  [
    'participants_below_ids',
    { tab: 'イベント', column: '参加者数', value: '3', params: { count: 5 } },
    '「参加者数」の「3」が参加者IDの数（5人）より少ないです',
    '"参加者数": "3" is less than the number of participant IDs (5)',
  ],
  [
    'negative_amount',
    { tab: '費用', column: '金額', value: '-5000' },
    '「金額」の「-5000」がマイナスです。返金であればこのままで構いません',
    '"金額": "-5000" is negative. Fine if it is a refund',
  ],
  [
    'missing_consent',
    { tab: '候補者', column: '氏名' },
    '個人情報（氏名）が入力されていますが、同意取得日が空欄です',
    'Personal data (氏名) is filled in but the consent date is empty',
  ],
  [
    'missing_setting',
    { tab: '設定', column: '対象年度', params: { expected: '2022' } },
    '設定「対象年度」がありません。「項目」列に「対象年度」、「値」列に値を入力してください（例: 2022）',
    'Setting "対象年度" is missing. Add a row with 項目 "対象年度" and its 値 (e.g. 2022)',
  ],
  [
    'blank_setting',
    { tab: '設定', column: '年度開始月', params: { expected: '4' } },
    '設定「年度開始月」の値が空欄です。この行の「値」に入力してください（例: 4）',
    'Setting "年度開始月" has no value. Fill in 値 on this row (e.g. 4)',
  ],
  // No expected: no example at all.
  [
    'invalid_setting',
    { tab: '設定', column: '年度開始月', value: '13月' },
    '設定「年度開始月」の「13月」は使えません',
    'Setting "年度開始月": "13月" cannot be used',
  ],
  [
    'invalid_setting',
    { tab: '設定', column: '年度開始月', value: 'x', params: { expected: '1〜12' } },
    '設定「年度開始月」の「x」は使えません（例: 1〜12）',
    'Setting "年度開始月": "x" cannot be used (e.g. 1〜12)',
  ],
  [
    'unknown_setting',
    { tab: '設定', value: '対象年', params: { expected: '対象年度、年度開始月' } },
    '設定「対象年」は知らない項目です（無視します）。使える項目: 対象年度、年度開始月',
    'Setting "対象年" is unknown (ignored). Known settings: 対象年度、年度開始月',
  ],
  [
    'unknown_heading_override',
    { tab: '設定', value: '見出し:事業の成果' },
    '設定「見出し:事業の成果」: 報告書にこの見出し・列名はありません（無視します）。「見出し:」のあとに報告書に印刷される文字をそのまま書いてください（例: 見出し:１．事業の成果、見出し:事業費（千円））',
    'Setting "見出し:事業の成果": the report prints no such heading or column label (ignored). After 見出し: write the text exactly as the report prints it (e.g. 見出し:１．事業の成果, 見出し:事業費（千円）)',
  ],
  [
    'invalid_heading_override',
    { tab: '設定', value: '見出し:' },
    '設定「見出し:」: 「見出し:」のあとに置き換える見出しを、「値」に新しい文字を書いてください（無視します）',
    'Setting "見出し:": write the heading to replace after 見出し: and the new text in 値 (ignored)',
  ],
  [
    'unknown_metric',
    { tab: '本文', column: '本文', value: '就職数', params: { expected: '就職者数、参加者数' } },
    '「本文」の指標「就職数」はありません。使える指標: 就職者数、参加者数',
    '"本文": there is no metric "就職数". Metrics: 就職者数、参加者数',
  ],
  [
    'unknown_filter',
    { tab: '本文', column: '本文', value: '国籍', params: { expected: '事業内容' } },
    '「本文」の条件「国籍」はこの指標に使えません。使える条件: 事業内容',
    '"本文": the filter "国籍" does not apply to this metric. Filters: 事業内容',
  ],
  [
    'unknown_filter',
    { tab: '本文', column: '本文', value: '国籍' },
    '「本文」の条件「国籍」はこの指標に使えません。使える条件: なし',
    '"本文": the filter "国籍" does not apply to this metric. Filters: none',
  ],
  [
    'invalid_filter_value',
    { tab: '本文', column: '本文', value: '事業内容=広報', params: { expected: '育成事業、相談事業' } },
    '「本文」の条件の値「事業内容=広報」が見つかりません（育成事業、相談事業）',
    '"本文": the filter value "事業内容=広報" matches nothing (育成事業、相談事業)',
  ],
  [
    'unknown_cell_reference',
    { tab: '本文', column: '本文', value: '集計!Z99' },
    '「本文」の参照「集計!Z99」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください',
    '"本文": the reference "集計!Z99" was not found. Use Sheet!B3 or a named range',
  ],
  [
    'malformed_template',
    { tab: '本文', column: '本文', value: '{{就職者数' },
    '「本文」の差し込み「{{就職者数」の書き方が正しくありません（例: {{就職者数}}、{{参加者数|事業内容=育成事業}}）',
    '"本文": the placeholder "{{就職者数" is malformed (e.g. {{就職者数}}, {{参加者数|事業内容=育成事業}})',
  ],
  [
    'personal_reference',
    { tab: '本文', column: '本文', value: '{{=候補者!B2}}' },
    '「本文」の参照「{{=候補者!B2}}」は個人情報の列を指しているため使えません',
    '"本文": the reference "{{=候補者!B2}}" points at a personal-data column and cannot be used',
  ],
  [
    'personal_formula_reference',
    { tab: '本文', column: '本文', value: '{{=集計!B3}}' },
    '「本文」の参照「{{=集計!B3}}」は使えません。そのセルの数式が候補者タブや個人情報の列を読んでいるか、たどれない参照（INDIRECT など）を使っています。人数は {{在留資格変更数}} のような指標で差し込んでください',
    '"本文": the reference "{{=集計!B3}}" cannot be used: the cell\'s formula reads 候補者 or a personal-data column, or uses a reference that cannot be followed (INDIRECT and the like). Insert counts with a metric such as {{在留資格変更数}}',
  ],
  [
    'form_element_skipped',
    { tab: '様式.docx', value: 'TABLE_OF_CONTENTS' },
    '目次は作成する文書に入りません。必要なら、できあがった文書に挿入してください',
    'The table of contents is left out of the new document. Insert it there if you need it',
  ],
  [
    'form_element_skipped',
    { tab: '様式.docx', value: 'EQUATION' },
    'スクリプトで写せない部分は作成する文書に入りません。必要なら、できあがった文書に挿入してください',
    'A part that scripts cannot copy is left out of the new document. Insert it there if you need it',
  ],
  // The 費用 tab above the statement, in yen.
  [
    'statement_cost_mismatch',
    {
      tab: '設定',
      column: '活動計算書の事業費計',
      value: '1000000',
      params: { reconciliation: { statement: 1000000, costs: 1250000, inThousands: false, costsYen: 1250000 } },
    },
    '活動計算書の事業費計（1,000,000円）と、費用タブのこの年度の事業費の合計（1,250,000円）が一致しません。差は250,000円です（費用タブのほうが多い）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    "The 活動計算書 (statement of activities) shows 事業費計 1,000,000 yen, but the 費用 tab's program costs of the year add up to 1,250,000 yen: 250,000 yen more in 費用. Check for missing costs, dates in another year, and 管理費 rows",
  ],
  // The 費用 tab below the statement, in 千円 (999,600 yen rounds to 1,000 千円).
  [
    'statement_cost_mismatch',
    {
      tab: '設定',
      column: '活動計算書の事業費計',
      value: '1250000',
      params: { reconciliation: { statement: 1250, costs: 1000, inThousands: true, costsYen: 999600 } },
    },
    '活動計算書の事業費計（1,250千円）と、費用タブのこの年度の事業費の合計（1,000千円。999,600円を千円単位にしたもの）が一致しません。差は250千円です（費用タブのほうが少ない）。費用の入力漏れ、日付の年度、管理費との区分を確認してください',
    "The 活動計算書 (statement of activities) shows 事業費計 1,250 thousand yen, but the 費用 tab's program costs of the year add up to 1,000 thousand yen, 999,600 yen rounded: 250 thousand yen less in 費用. Check for missing costs, dates in another year, and 管理費 rows",
  ],
];

describe('finalizeIssue: the whole message of each code, in both languages', () => {
  it.each(CASES)('%s %j', (code, fields, ja, en) => {
    expect(message(code, fields, 'ja')).toBe(ja);
    expect(message(code, fields, 'en')).toBe(en);
  });
});
