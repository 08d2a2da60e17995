// This file defines tests of the English issue words, the one-line issue forms and the custom formulas' words: each whole text is the specification.
import type { FormulaErrorCode, FormulaErrorParams, IssueCode, IssueDraft, IssueParams } from '../../src/core/issues';
import {
  finalizeIssue,
  formatFormIssue,
  formatIssue,
  formPlaceText,
  formulaErrorMessage,
  formValueLine,
  type Language,
} from '../../src/core/messages';

/** An issue on the 事業 tab (no person rows: its value is quoted as typed). */
function draft(code: IssueCode, column: string, value: string, params?: IssueParams): IssueDraft {
  return { severity: 'error', code, tab: '事業', cell: 'B3', column, value, ...(params ? { params } : {}) };
}

describe('finalizeIssue in English', () => {
  const cases: readonly [IssueDraft, string][] = [
    [
      draft('personal_reference', '本文', '候補者!B2'),
      '"本文": the reference "候補者!B2" points at a personal-data column and cannot be used',
    ],
    [
      draft('personal_formula_reference', '本文', '集計!B3'),
      `"本文": the reference "集計!B3" cannot be used: the cell's formula reads 候補者 or a personal-data column, or uses a reference that cannot be followed (INDIRECT and the like). Insert counts with a metric such as {{在留資格変更数}}`,
    ],
    [
      draft('reference_not_number', '本文', '集計!C4'),
      '"本文": the cell "集計!C4" does not hold a number. {{=…}} inserts numbers only (e.g. 1,234, 1,234円, 12名, 50%)',
    ],
    [
      draft('low_suppression_threshold', '秘匿しきい値', '2'),
      'The suppression threshold is 2. Below 3, small groups by status appear in the report as they are and a person could be identified (3 or more is recommended)',
    ],
    [
      {
        severity: 'error',
        code: 'duplicate_tab',
        tab: 'Programs',
        cell: 'A1',
        column: '',
        value: '',
        params: { other: '事業' },
      },
      'Tabs "Programs" and "事業" are the same tab (their names differ only in language, width or case). Keep only one',
    ],
    [
      draft('no_data_for_year', '対象年度', '2023', { expected: '2023/4/1〜2024/3/31' }),
      'FY2023 (2023/4/1〜2024/3/31) has no row in 費用, イベント or 候補者. Check 対象年度 and 年度開始月',
    ],
    [draft('statement_cost_mismatch', '事業費計', ''), ''],
    [
      draft('other_business_left_out', '区分', '', { count: 1, other: '事業!B7' }),
      'その他の事業 is 定款にない, so the 1 row(s) of 区分 その他の事業 on the 事業 tab (事業!B7) are left out of the report. If the articles have その他の事業, set it to 記載する',
    ],
    [
      draft('other_business_left_out', '区分', '', { count: 2, other: '事業!B7' }),
      'その他の事業 is 定款にない, so the 2 row(s) of 区分 その他の事業 on the 事業 tab (事業!B7 and more) are left out of the report. If the articles have その他の事業, set it to 記載する',
    ],
    [
      draft('rounding_moved_rows', '事業費', ''),
      '端数処理 合計に合わせる: so that each 区分 adds up to its total, these programs are printed 1 thousand yen away from their own rounding: ',
    ],
    [
      draft('form_element_skipped', '', 'TABLE_OF_CONTENTS'),
      'The table of contents is left out of the new document. Insert it there if you need it',
    ],
    [
      draft('form_element_skipped', '', 'UNSUPPORTED'),
      'A part that scripts cannot copy is left out of the new document. Insert it there if you need it',
    ],
  ];
  it.each(cases)('words %j', (input, expected) => {
    const issue = finalizeIssue(input, 'en');
    expect(issue.message).toBe(expected);
    expect(issue.language).toBe('en');
  });
});

describe('finalizeIssue defaults', () => {
  it('words an issue in Japanese when no language is given', () => {
    const issue = finalizeIssue(draft('low_suppression_threshold', '秘匿しきい値', '2'));
    expect(issue.language).toBe('ja');
    expect(issue.message).toBe(
      '秘匿しきい値が2です。3未満では少ない人数の属性がそのまま報告書に載り、個人が特定されるおそれがあります（3以上を推奨）',
    );
  });

  it('gives an adapter-only code its own name as the message when no local words are handed over', () => {
    const issue = finalizeIssue(
      { severity: 'error', code: 'undecodable_text', tab: '費用', cell: 'A1', column: '', value: '' },
      'en',
    );
    expect(issue.message).toBe('undecodable_text');
  });
});

describe('formatIssue and formatFormIssue', () => {
  const low = (severity: 'error' | 'warning', language: Language) =>
    finalizeIssue(
      {
        severity,
        code: 'duplicate_tab',
        tab: '事業',
        cell: 'A1',
        column: '',
        value: '',
        params: { other: 'Programs' },
      },
      language,
    );
  const ja =
    'タブ「事業」と「Programs」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください';
  const en =
    'Tabs "事業" and "Programs" are the same tab (their names differ only in language, width or case). Keep only one';

  it('labels a warning in its language and an error not at all', () => {
    expect(formatIssue(low('error', 'ja'))).toBe(`事業!A1: ${ja}`);
    expect(formatIssue(low('warning', 'ja'))).toBe(`事業!A1: [警告] ${ja}`);
    expect(formatIssue(low('warning', 'en'))).toBe(`事業!A1: [warning] ${en}`);
  });

  it('labels a form issue the same way, after the form and the place', () => {
    const form = (language: Language) =>
      finalizeIssue(
        {
          severity: 'warning',
          code: 'form_element_skipped',
          tab: '様式.docx',
          cell: '本文 3段落目',
          column: '',
          value: 'TABLE_OF_CONTENTS',
        },
        language,
      );
    expect(formatFormIssue(form('en'))).toBe(
      '様式.docx 本文 3段落目: [warning] The table of contents is left out of the new document. Insert it there if you need it',
    );
    expect(formatFormIssue(form('ja'))).toBe(
      '様式.docx 本文 3段落目: [警告] 目次は作成する文書に入りません。必要なら、できあがった文書に挿入してください',
    );
  });
});

describe('formPlaceText and formValueLine', () => {
  it('names a numbered header and an unnumbered footer in English', () => {
    expect(formPlaceText({ part: 'header', partNumber: 2, paragraph: 3 }, 'en')).toBe('header 2, paragraph 3');
    expect(formPlaceText({ part: 'footer', paragraph: 1 }, 'en')).toBe('footer, paragraph 1');
  });

  it('shows nothing after the arrow for a placeholder with no text and no table', () => {
    expect(formValueLine('本文 3段落目', '{{就職者数}}', {}, 'ja')).toBe('本文 3段落目 {{就職者数}} → ');
  });
});

describe('formulaErrorMessage', () => {
  const cases: readonly [FormulaErrorCode, FormulaErrorParams, string, string][] = [
    // Every param left out: each default is the empty string (the choices for `where`).
    ['formula_unknown_metric', {}, '指標「」はありません。使える指標: ', 'There is no metric "". Metrics: '],
    [
      'formula_range_for_value',
      {},
      '「」には1つの値を指定してください（範囲ではなく）',
      '"" takes one value, not a range',
    ],
    [
      'formula_range_needs_header',
      {},
      '範囲には「」タブの見出し行を含めてください（例: !A:H）',
      'The range must include the header row of the "" tab (e.g. !A:H)',
    ],
    ['formula_unknown_value', {}, '「」は選択肢にありません', ' "" is not in the choices'],
    [
      'formula_unknown_value',
      { name: '事業内容', value: '農業', where: 'programs', expected: '育成事業、相談事業' },
      '事業内容「農業」は事業タブにありません（育成事業、相談事業）',
      '事業内容 "農業" is not in the 事業 tab (育成事業、相談事業)',
    ],
    [
      'formula_missing_year',
      {},
      '年度がありません。引数で年度を指定するか、設定タブに「対象年度」を入力してください',
      'No fiscal year: pass one as an argument or fill in 対象年度 on the 設定 tab',
    ],
    [
      'formula_metric_required',
      {},
      '指標名を指定してください（例: "就職者数"）',
      'Give a metric name (e.g. "就職者数")',
    ],
    [
      'formula_filter_not_allowed',
      { name: '就職者数', value: '区分' },
      '指標「就職者数」に条件「区分」は使えません（使える条件: なし）',
      'The metric "就職者数" has no filter "区分" (filters: none)',
    ],
    [
      'formula_filter_not_allowed',
      { name: '参加者数', value: '性別', expected: '事業内容、区分' },
      '指標「参加者数」に条件「性別」は使えません（使える条件: 事業内容、区分）',
      'The metric "参加者数" has no filter "性別" (filters: 事業内容、区分)',
    ],
    [
      'formula_category_with_range',
      {},
      '区分で絞り込むときは範囲を渡さずに使ってください（事業タブの区分を読むため）',
      'To filter by 区分, leave out the range (区分 is read from the 事業 tab)',
    ],
    ['formula_workbook_error', {}, '', ''],
    ['formula_workbook_error', { count: 0 }, '', ''],
    [
      'formula_workbook_error',
      { count: 2 },
      '（ほか2件。メニューの「入力チェック」で確認できます）',
      ' (and 2 more; see the menu 入力チェック)',
    ],
    [
      'formula_workbook_error',
      {
        count: 1,
        issue: {
          severity: 'warning',
          code: 'duplicate_tab',
          tab: '事業',
          cell: 'A1',
          column: '',
          value: '',
          params: { other: 'Programs' },
        },
      },
      '事業!A1: [警告] タブ「事業」と「Programs」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください（ほか1件。メニューの「入力チェック」で確認できます）',
      '事業!A1: [warning] Tabs "事業" and "Programs" are the same tab (their names differ only in language, width or case). Keep only one (and 1 more; see the menu 入力チェック)',
    ],
    [
      'formula_last_argument_not_range',
      {},
      '最後の引数には見出し行を含む範囲を指定してください（例: 費用!A:G）',
      'The last argument must be a range that includes the header row (e.g. 費用!A:G)',
    ],
    [
      'formula_program_required',
      {},
      '事業内容を指定してください（例: "育成事業"）',
      'Give a 事業内容 (e.g. "育成事業")',
    ],
    [
      'formula_invalid_count_mode',
      { value: '全部' },
      '数え方「全部」は「延べ」か「実人数」で指定してください',
      'Count "全部" must be "延べ" (total) or "実人数" (unique people)',
    ],
  ];
  it.each(cases)('words %s %j', (code, params, ja, en) => {
    expect(formulaErrorMessage(code, params, 'ja')).toBe(ja);
    expect(formulaErrorMessage(code, params, 'en')).toBe(en);
  });
});
