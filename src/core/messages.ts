// This file defines the words: one switch per language turns an issue code into the message staff read.
import type { Issue, IssueDraft, IssueParams } from './issues';

export type Language = 'ja' | 'en';

interface MessageInput {
  readonly code: IssueDraft['code'];
  readonly tab: string;
  readonly column: string;
  readonly value: string;
  readonly params: IssueParams;
}

function japanese({ code, tab, column, value, params }: MessageInput): string {
  const col = `「${column}」`;
  const val = `「${value}」`;
  const expected = params.expected ? `（例: ${params.expected}）` : '';
  switch (code) {
    case 'missing_tab':
      return `タブ「${tab}」が見つかりません。メニューの「シートを準備」で作成できます`;
    case 'missing_column':
      return `タブ「${tab}」に必須の列${col}がありません。1行目に見出しを追加してください`;
    case 'duplicate_header':
      return `見出し${col}が2回あります（${params.other ?? ''}列にも）。どちらか一方にしてください`;
    case 'error_value':
      return `${col}がエラー値${val}です。数式か参照を直してください`;
    case 'invalid_number':
      return `${col}の${val}は数として読めません${expected}`;
    case 'not_integer':
      return `${col}の${val}は整数ではありません${expected}`;
    case 'negative_count':
      return `${col}の${val}はマイナスです。0以上の整数を入力してください`;
    case 'invalid_date':
      return `${col}の${val}は日付として読めません${expected}`;
    case 'implausible_date':
      return `${col}の${val}はありえない日付です（${params.expected ?? ''}の範囲で入力してください）`;
    case 'invalid_boolean':
      return `${col}の${val}は「はい」か「いいえ」として読めません${expected}`;
    case 'invalid_choice':
      return `${col}の${val}は選択肢にありません（${params.expected ?? ''} のいずれか）`;
    case 'required':
      return `${col}が空欄です。この列は必須です`;
    case 'duplicate_id':
      return `${col}の${val}が重複しています（${params.other ?? ''}と同じ）`;
    case 'unknown_reference':
      return `${col}の${val}が「${params.other ?? ''}」タブにありません`;
    case 'hired_before_contact':
      return `${col}が初回接点日より前です`;
    case 'end_before_start':
      return `${col}の${val}が開始日より前です`;
    case 'participants_below_ids':
      return `${col}の${val}が参加者IDの数（${params.count ?? 0}人）より少ないです`;
    case 'negative_amount':
      return `${col}の${val}がマイナスです。返金であればこのままで構いません`;
    case 'missing_consent':
      return `個人情報（${column}）が入力されていますが、同意取得日が空欄です`;
    case 'missing_setting':
      return `設定「${column}」がありません。「項目」列に「${column}」、「値」列に値を入力してください${expected}`;
    case 'blank_setting':
      return `設定「${column}」の値が空欄です。この行の「値」に入力してください${expected}`;
    case 'invalid_setting':
      return `設定「${column}」の${val}は使えません${expected}`;
    case 'unknown_setting':
      return `設定「${value}」は知らない項目です（無視します）。使える項目: ${params.expected ?? ''}`;
    case 'unknown_metric':
      return `${col}の指標「${value}」はありません。使える指標: ${params.expected ?? ''}`;
    case 'unknown_filter':
      return `${col}の条件「${value}」はこの指標に使えません。使える条件: ${params.expected ?? 'なし'}`;
    case 'invalid_filter_value':
      return `${col}の条件の値「${value}」が見つかりません（${params.expected ?? ''}）`;
    case 'unknown_cell_reference':
      return `${col}の参照「${value}」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください`;
    case 'malformed_template':
      return `${col}の差し込み「${value}」の書き方が正しくありません（例: {{就職者数}}、{{参加者数|事業内容=育成事業}}）`;
    case 'personal_reference':
      return `${col}の参照「${value}」は個人情報の列を指しているため使えません`;
    case 'invalid_character':
      return `${col}に文書に入れられない文字（制御文字など）が${params.count ?? 0}文字あります。報告書では取り除きます。セルの内容を確認してください`;
    case 'duplicate_tab':
      return `タブ「${tab}」と「${params.other ?? ''}」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください`;
    case 'undecodable_text':
      return `ファイル「${params.other ?? ''}」の ${params.line ?? 0} 行目${(params.count ?? 0) > 1 ? `（ほか ${(params.count ?? 0) - 1} 行）` : ''}に ${params.expected ?? ''} として読めないバイトがあり、「\ufffd」として読みました。元のファイルを開き、CSV UTF-8 で保存し直してください`;
    case 'no_data_for_year':
      return `${value}年度（${params.expected ?? ''}）の費用・イベント・候補者の行が1件もありません。対象年度と年度開始月を確認してください`;
    case 'internal_error':
      return `内部エラー: ${value}`;
  }
}

function english({ code, tab, column, value, params }: MessageInput): string {
  const col = `"${column}"`;
  const val = `"${value}"`;
  const expected = params.expected ? ` (e.g. ${params.expected})` : '';
  switch (code) {
    case 'missing_tab':
      return `Tab "${tab}" is missing. Use the menu "シートを準備" (Prepare sheets) to create it`;
    case 'missing_column':
      return `Tab "${tab}" has no required column ${col}. Add it as a header in row 1`;
    case 'duplicate_header':
      return `Header ${col} appears twice (also in column ${params.other ?? ''}). Keep only one`;
    case 'error_value':
      return `${col} holds the error value ${val}. Fix the formula or reference`;
    case 'invalid_number':
      return `${col}: ${val} is not a number${expected}`;
    case 'not_integer':
      return `${col}: ${val} is not a whole number${expected}`;
    case 'negative_count':
      return `${col}: ${val} is negative. Enter 0 or more`;
    case 'invalid_date':
      return `${col}: ${val} is not a date${expected}`;
    case 'implausible_date':
      return `${col}: ${val} is not a plausible date (expected ${params.expected ?? ''})`;
    case 'invalid_boolean':
      return `${col}: ${val} is not yes/no${expected}`;
    case 'invalid_choice':
      return `${col}: ${val} is not one of ${params.expected ?? ''}`;
    case 'required':
      return `${col} is empty. This column is required`;
    case 'duplicate_id':
      return `${col}: ${val} is a duplicate (same as ${params.other ?? ''})`;
    case 'unknown_reference':
      return `${col}: ${val} is not in tab "${params.other ?? ''}"`;
    case 'hired_before_contact':
      return `${col} is before the first contact date`;
    case 'end_before_start':
      return `${col}: ${val} is before the start date`;
    case 'participants_below_ids':
      return `${col}: ${val} is less than the number of participant IDs (${params.count ?? 0})`;
    case 'negative_amount':
      return `${col}: ${val} is negative. Fine if it is a refund`;
    case 'missing_consent':
      return `Personal data (${column}) is filled in but the consent date is empty`;
    case 'missing_setting':
      return `Setting "${column}" is missing. Add a row with 項目 "${column}" and its 値${expected}`;
    case 'blank_setting':
      return `Setting "${column}" has no value. Fill in 値 on this row${expected}`;
    case 'invalid_setting':
      return `Setting "${column}": ${val} cannot be used${expected}`;
    case 'unknown_setting':
      return `Setting "${value}" is unknown (ignored). Known settings: ${params.expected ?? ''}`;
    case 'unknown_metric':
      return `${col}: there is no metric "${value}". Metrics: ${params.expected ?? ''}`;
    case 'unknown_filter':
      return `${col}: the filter "${value}" does not apply to this metric. Filters: ${params.expected ?? 'none'}`;
    case 'invalid_filter_value':
      return `${col}: the filter value "${value}" matches nothing (${params.expected ?? ''})`;
    case 'unknown_cell_reference':
      return `${col}: the reference "${value}" was not found. Use Sheet!B3 or a named range`;
    case 'malformed_template':
      return `${col}: the placeholder "${value}" is malformed (e.g. {{就職者数}}, {{参加者数|事業内容=育成事業}})`;
    case 'personal_reference':
      return `${col}: the reference "${value}" points at a personal-data column and cannot be used`;
    case 'invalid_character':
      return `${col} holds ${params.count ?? 0} character(s) a document cannot hold (control characters or similar); the report leaves them out. Check the cell`;
    case 'duplicate_tab':
      return `Tabs "${tab}" and "${params.other ?? ''}" are the same tab (their names differ only in language, width or case). Keep only one`;
    case 'undecodable_text':
      return `File "${params.other ?? ''}", line ${params.line ?? 0}${(params.count ?? 0) > 1 ? ` (and ${(params.count ?? 0) - 1} more line(s))` : ''}: bytes that are not valid ${params.expected ?? ''} were read as "\ufffd". Open the file and save it again as CSV UTF-8`;
    case 'no_data_for_year':
      return `FY${value} (${params.expected ?? ''}) has no row in 費用, イベント or 候補者. Check 対象年度 and 年度開始月`;
    case 'internal_error':
      return `Internal error: ${value}`;
  }
}

/** Attaches the message in the report language. */
export function finalizeIssue(draft: IssueDraft, language: Language = 'ja'): Issue {
  const params = draft.params ?? {};
  const input = { code: draft.code, tab: draft.tab, column: draft.column, value: draft.value, params };
  return { ...draft, params, language, message: language === 'en' ? english(input) : japanese(input) };
}

/** `タブ!セル: message`, the one-line form used by the CLI and logs. */
export function formatIssue(issue: Issue): string {
  const label = issue.severity === 'error' ? '' : issue.language === 'en' ? '[warning] ' : '[警告] ';
  return `${issue.tab}!${issue.cell}: ${label}${issue.message}`;
}
