// This file defines the words: one switch per language turns an issue code into the message staff read.

import { oneLineText } from './document-text';
import {
  type FormulaErrorCode,
  type FormulaErrorParams,
  type Issue,
  type IssueCode,
  type IssueDraft,
  type IssueParams,
  LOCAL_ISSUE_CODES,
  type LocalIssueCode,
  MASKED_VALUE,
  type MovedProgramRow,
  type Reconciliation,
} from './issues';
import { formatThousands } from './metrics';
import { hidePersonRowValue } from './privacy';
import { EMPLOYMENT_TERMS, LEAVE_REASONS } from './schema';

export type Language = 'ja' | 'en';

/** statement_cost_mismatch in Japanese: both figures and the difference, in 円 or in 千円 as the statement was typed. */
function reconciliationJapanese({ statement, costs, inThousands, costsYen }: Reconciliation): string {
  const unit = inThousands ? '千円' : '円';
  const rounded = inThousands ? `。${formatThousands(costsYen)}円を千円単位にしたもの` : '';
  const side = costs > statement ? '多い' : '少ない';
  return `活動計算書の事業費計（${formatThousands(statement)}${unit}）と、費用タブのこの年度の事業費の合計（${formatThousands(costs)}${unit}${rounded}）が一致しません。差は${formatThousands(Math.abs(costs - statement))}${unit}です（費用タブのほうが${side}）。費用の入力漏れ、日付の年度、管理費との区分を確認してください`;
}

function reconciliationEnglish({ statement, costs, inThousands, costsYen }: Reconciliation): string {
  const unit = inThousands ? 'thousand yen' : 'yen';
  const rounded = inThousands ? `, ${formatThousands(costsYen)} yen rounded` : '';
  const side = costs > statement ? 'more' : 'less';
  return `The 活動計算書 (statement of activities) shows 事業費計 ${formatThousands(statement)} ${unit}, but the 費用 tab's program costs of the year add up to ${formatThousands(costs)} ${unit}${rounded}: ${formatThousands(Math.abs(costs - statement))} ${unit} ${side} in 費用. Check for missing costs, dates in another year, and 管理費 rows`;
}

/** At most this many moved rows are named in the message (a workbook of thousands of 事業 stays one line). */
const MOVED_ROWS_SHOWN = 20;

/** rounding_moved_rows: `事業!B3 育成事業 12→13千円（+1）`, one per moved row, then how many more. */
function movedRows(rows: readonly MovedProgramRow[], language: Language): string {
  const more = rows.length - MOVED_ROWS_SHOWN;
  const rest = more > 0 ? (language === 'ja' ? `、ほか${more}件` : `; and ${more} more`) : '';
  const shown = rows
    .slice(0, MOVED_ROWS_SHOWN)
    .map(({ place, name, plain, adjusted }) => {
      const sign = adjusted > plain ? '+1' : '-1';
      return language === 'ja'
        ? `${place} ${name} ${formatThousands(plain)}→${formatThousands(adjusted)}千円（${sign}）`
        : `${place} ${name} ${formatThousands(plain)} → ${formatThousands(adjusted)} (${sign})`;
    })
    .join(language === 'ja' ? '、' : '; ');
  return shown + rest;
}

/** What a message is made of: the issue's code and cells, cleaned to one line, and its params. */
export interface MessageInput<Code extends IssueCode = Exclude<IssueCode, LocalIssueCode>> {
  readonly code: Code;
  readonly tab: string;
  readonly column: string;
  readonly value: string;
  readonly params: IssueParams;
  /**
   * The value was masked (privacy.ts): it is not quoted at all, not even as 「＊＊＊」; a message about a value names
   * the column and what is expected, as a sentence about the cell.
   */
  readonly masked: boolean;
}

function japanese({ code, tab, column, value, params, masked }: MessageInput): string {
  const col = `「${column}」`;
  const val = `「${value}」`;
  const { expected = '', other = '', count = 0, limit = 0 } = params;
  const example = expected ? `（例: ${expected}）` : '';
  // The sentence is about the cell when its value is masked: 「列」が…, never 「列」の「＊＊＊」は….
  const valueIs = masked ? `${col}が` : `${col}の${val}は`;
  const valueGa = masked ? `${col}が` : `${col}の${val}が`;
  switch (code) {
    case 'missing_tab':
      return `タブ「${tab}」が見つかりません。メニューの「シートを準備」で作成できます`;
    case 'missing_column':
      return `タブ「${tab}」に必須の列${col}がありません。1行目に見出しを追加してください`;
    case 'duplicate_header':
      return `見出し${col}が2回あります（${other}列にも）。どちらか一方にしてください`;
    case 'error_value':
      return `${col}がエラー値${masked ? '' : val}です。数式か参照を直してください`;
    case 'invalid_number':
      return `${valueIs}数として読めません${example}`;
    case 'not_integer':
      return `${valueIs}整数ではありません${example}`;
    case 'negative_count':
      return `${valueIs}マイナスです。0以上の整数を入力してください`;
    case 'invalid_date':
      return `${valueIs}日付として読めません${example}`;
    case 'implausible_date':
      return `${valueIs}ありえない日付です（${expected}の範囲で入力してください）`;
    case 'invalid_boolean':
      return `${valueIs}「はい」か「いいえ」として読めません${example}`;
    case 'invalid_choice':
      return `${valueIs}選択肢にありません（${expected} のいずれか）`;
    case 'required':
      return `${col}が空欄です。この列は必須です`;
    case 'duplicate_id':
      return `${valueGa}重複しています（${other}と同じ）`;
    case 'unknown_reference':
      if (masked && count > 1) return `${col}に「${other}」タブにないIDが${count}件あります`;
      return `${col}の${masked ? 'ID' : val}が「${other}」タブにありません`;
    case 'hired_before_contact':
      return `${col}が初回接点日より前です`;
    case 'end_before_start':
      return `${valueGa}開始日より前です`;
    case 'participants_below_ids':
      return `${col}の${val}が参加者IDの数（${count}人）より少ないです`;
    case 'negative_amount':
      return `${col}の${val}がマイナスです。返金であればこのままで構いません`;
    case 'missing_consent':
      return `個人情報（${column}）が入力されていますが、同意取得日が空欄です`;
    case 'below_minimum':
      return `${col}は${limit}以上にしてください`;
    case 'expiry_before_received':
      return `${col}が受理日より前です`;
    case 'left_before_hired':
      return `${col}が就職日より前です`;
    case 'seeking_expiry_before_application':
      return `${col}が求職申込日（空欄のときは登録日）より前です`;
    case 'missing_employment_term':
      return `${col}が空欄です。職業紹介で就職した行は雇用期間（${EMPLOYMENT_TERMS.join(' / ')}）を入力してください。空欄のままでは常用・臨時・日雇のどの就職件数にも数えません`;
    case 'employment_term_conflict':
      return `${col}と「無期雇用」が食い違っています（無期雇用「はい」は雇用期間「期間の定めなし」のことです）。無期雇用就職件数は「無期雇用」の列で数えます`;
    case 'missing_leave_reason':
      return `${col}が空欄です。無期雇用で就職し6か月以内に離職した行は離職理由（${LEAVE_REASONS.join(' / ')}）を入力してください。空欄は「解雇以外」として6か月以内離職者数に数えます`;
    case 'missing_setting':
      return `設定「${column}」がありません。「項目」列に「${column}」、「値」列に値を入力してください${example}`;
    case 'blank_setting':
      return `設定「${column}」の値が空欄です。この行の「値」に入力してください${example}`;
    case 'invalid_setting':
      return `設定「${column}」の${val}は使えません${example}`;
    case 'unknown_setting':
      return `設定「${value}」は知らない項目です（無視します）。使える項目: ${expected}`;
    case 'unknown_heading_override':
      return `設定「${value}」: 報告書にこの見出し・列名はありません（無視します）。「見出し:」のあとに報告書に印刷される文字をそのまま書いてください（例: 見出し:１．事業の成果、見出し:事業費（千円））`;
    case 'invalid_heading_override':
      return `設定「${value}」: 「見出し:」のあとに置き換える見出しを、「値」に新しい文字を書いてください（無視します）`;
    case 'unknown_metric':
      return `${col}の指標「${value}」はありません。使える指標: ${expected}`;
    case 'unknown_filter':
      return `${col}の条件「${value}」はこの指標に使えません。使える条件: ${params.expected ?? 'なし'}`;
    case 'invalid_filter_value':
      return `${col}の条件の値「${value}」が見つかりません（${expected}）`;
    case 'metric_needs_tab':
      return `${col}の指標「${value}」には「${other}」タブが必要です。タブを作って行を入力するか（メニューの「シートを準備」で作成できます）、この差し込みを消してください`;
    case 'unknown_cell_reference':
      return `${col}の参照「${value}」が見つかりません。シート名とセル（例: 集計!B3）か名前付き範囲を指定してください`;
    case 'malformed_template':
      return `${col}の差し込み「${value}」の書き方が正しくありません（例: {{就職者数}}、{{参加者数|事業内容=育成事業}}）`;
    case 'personal_reference':
      return `${col}の参照「${value}」は個人情報の列を指しているため使えません`;
    case 'personal_formula_reference':
      return `${col}の参照「${value}」は使えません。そのセルの数式が候補者タブや個人情報の列を読んでいるか、たどれない参照（INDIRECT など）を使っています。人数は {{在留資格変更数}} のような指標で差し込んでください`;
    case 'reference_not_number':
      return `${col}の参照「${value}」のセルは数ではないため差し込めません。{{=…}} で差し込めるのは数だけです（例: 1,234、1,234円、12名、50%）`;
    case 'low_suppression_threshold':
      return `秘匿しきい値が${value}です。3未満では少ない人数の属性がそのまま報告書に載り、個人が特定されるおそれがあります（3以上を推奨）`;
    case 'invalid_character':
      return `${col}に文書に入れられない文字（制御文字など）が${count}文字あります。報告書では取り除きます。セルの内容を確認してください`;
    case 'duplicate_tab':
      return `タブ「${tab}」と「${other}」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください`;
    case 'no_data_for_year':
      return `${value}年度（${expected}）の費用・イベント・候補者の行が1件もありません。対象年度と年度開始月を確認してください`;
    case 'statement_cost_mismatch':
      return params.reconciliation ? reconciliationJapanese(params.reconciliation) : '';
    case 'other_business_left_out':
      return `その他の事業が「定款にない」なので、事業タブの区分「その他の事業」の${count}行（${other}${count > 1 ? ' ほか' : ''}）は報告書に載りません。定款にその他の事業があるなら「記載する」にしてください`;
    case 'rounding_moved_rows':
      return `端数処理「合計に合わせる」により、区分ごとの合計に合うよう、次の事業の事業費（千円）を四捨五入から1千円動かしました: ${movedRows(params.moved ?? [], 'ja')}`;
    case 'unknown_form_table':
      return `${col}の表「${value}」はありません。使える表: ${expected}`;
    case 'form_table_not_alone':
      return `${col}は表に置き換わるため、ほかの文字のない段落に1つだけ書いてください`;
    case 'form_invalid_year':
      return `${col}の年度「${value}」が読めません（例: 年度=前年度、年度=2021、年度=令和3年度。${expected}年度の範囲）`;
    case 'form_year_without_data':
      return `${col}: ${value}年度（${expected}）の費用・イベント・候補者の行がこのブックに1件もありません。その年度の行が別のブックにあるときは、このブックに加えてください`;
    case 'form_no_placeholders':
      return `様式「${value}」に差し込み（{{…}}）が1つもありません。{{団体名}}、{{就職者数}}、{{表:事業一覧}} のように書いてください`;
    case 'form_unreadable':
      return `「${value}」を Google ドキュメントとして開けません。ドキュメントの URL（https://docs.google.com/document/d/…）で、あなたが閲覧できるものを指定してください`;
    case 'form_element_skipped':
      return `${value === 'TABLE_OF_CONTENTS' ? '目次' : 'スクリプトで写せない部分'}は作成する文書に入りません。必要なら、できあがった文書に挿入してください`;
    case 'internal_error':
      return `内部エラー: ${value}`;
  }
}

function english({ code, tab, column, value, params, masked }: MessageInput): string {
  const col = `"${column}"`;
  const val = `"${value}"`;
  const { expected = '', other = '', count = 0, limit = 0 } = params;
  const example = expected ? ` (e.g. ${expected})` : '';
  // The sentence is about the cell when its value is masked: "列" is…, never "列": "＊＊＊" is….
  const valueIs = masked ? col : `${col}: ${val}`;
  switch (code) {
    case 'missing_tab':
      return `Tab "${tab}" is missing. Use the menu "シートを準備" (Prepare sheets) to create it`;
    case 'missing_column':
      return `Tab "${tab}" has no required column ${col}. Add it as a header in row 1`;
    case 'duplicate_header':
      return `Header ${col} appears twice (also in column ${other}). Keep only one`;
    case 'error_value':
      return `${col} holds ${masked ? 'an error value' : `the error value ${val}`}. Fix the formula or reference`;
    case 'invalid_number':
      return `${valueIs} is not a number${example}`;
    case 'not_integer':
      return `${valueIs} is not a whole number${example}`;
    case 'negative_count':
      return `${valueIs} is negative. Enter 0 or more`;
    case 'invalid_date':
      return `${valueIs} is not a date${example}`;
    case 'implausible_date':
      return `${valueIs} is not a plausible date (expected ${expected})`;
    case 'invalid_boolean':
      return `${valueIs} is not yes/no${example}`;
    case 'invalid_choice':
      return `${valueIs} is not one of ${expected}`;
    case 'required':
      return `${col} is empty. This column is required`;
    case 'duplicate_id':
      return `${valueIs} is a duplicate (same as ${other})`;
    case 'unknown_reference':
      if (!masked) return `${col}: ${val} is not in tab "${other}"`;
      return count > 1
        ? `${col} holds ${count} IDs that are not in tab "${other}"`
        : `${col} holds an ID that is not in tab "${other}"`;
    case 'hired_before_contact':
      return `${col} is before the first contact date`;
    case 'end_before_start':
      return `${valueIs} is before the start date`;
    case 'participants_below_ids':
      return `${col}: ${val} is less than the number of participant IDs (${count})`;
    case 'negative_amount':
      return `${col}: ${val} is negative. Fine if it is a refund`;
    case 'missing_consent':
      return `Personal data (${column}) is filled in but the consent date is empty`;
    case 'below_minimum':
      return `${col} must be ${limit} or more`;
    case 'expiry_before_received':
      return `${col} is before the date received`;
    case 'left_before_hired':
      return `${col} is before the hire date`;
    case 'seeking_expiry_before_application':
      return `${col} is before the job application date (the registration date when that is blank)`;
    case 'missing_employment_term':
      return `${col} is empty. For a placement through 職業紹介, enter the employment term (${EMPLOYMENT_TERMS.join(' / ')}); until then it is in none of the 常用/臨時/日雇 placement counts`;
    case 'employment_term_conflict':
      return `${col} contradicts "無期雇用" (無期雇用 はい means 期間の定めなし). Permanent placements are counted from 無期雇用`;
    case 'missing_leave_reason':
      return `${col} is empty. For a permanent placement that ended within six months, enter the reason (${LEAVE_REASONS.join(' / ')}); a blank counts as 解雇以外 in 6か月以内離職者数`;
    case 'missing_setting':
      return `Setting "${column}" is missing. Add a row with 項目 "${column}" and its 値${example}`;
    case 'blank_setting':
      return `Setting "${column}" has no value. Fill in 値 on this row${example}`;
    case 'invalid_setting':
      return `Setting "${column}": ${val} cannot be used${example}`;
    case 'unknown_setting':
      return `Setting "${value}" is unknown (ignored). Known settings: ${expected}`;
    case 'unknown_heading_override':
      return `Setting "${value}": the report prints no such heading or column label (ignored). After 見出し: write the text exactly as the report prints it (e.g. 見出し:１．事業の成果, 見出し:事業費（千円）)`;
    case 'invalid_heading_override':
      return `Setting "${value}": write the heading to replace after 見出し: and the new text in 値 (ignored)`;
    case 'unknown_metric':
      return `${col}: there is no metric "${value}". Metrics: ${expected}`;
    case 'unknown_filter':
      return `${col}: the filter "${value}" does not apply to this metric. Filters: ${params.expected ?? 'none'}`;
    case 'invalid_filter_value':
      return `${col}: the filter value "${value}" matches nothing (${expected})`;
    case 'metric_needs_tab':
      return `${col}: the metric "${value}" needs the tab "${other}". Add the tab and its rows (the menu シートを準備 creates it) or remove this placeholder`;
    case 'unknown_cell_reference':
      return `${col}: the reference "${value}" was not found. Use Sheet!B3 or a named range`;
    case 'malformed_template':
      return `${col}: the placeholder "${value}" is malformed (e.g. {{就職者数}}, {{参加者数|事業内容=育成事業}})`;
    case 'personal_reference':
      return `${col}: the reference "${value}" points at a personal-data column and cannot be used`;
    case 'personal_formula_reference':
      return `${col}: the reference "${value}" cannot be used: the cell's formula reads 候補者 or a personal-data column, or uses a reference that cannot be followed (INDIRECT and the like). Insert counts with a metric such as {{在留資格変更数}}`;
    case 'reference_not_number':
      return `${col}: the cell "${value}" does not hold a number. {{=…}} inserts numbers only (e.g. 1,234, 1,234円, 12名, 50%)`;
    case 'low_suppression_threshold':
      return `The suppression threshold is ${value}. Below 3, small groups by status appear in the report as they are and a person could be identified (3 or more is recommended)`;
    case 'invalid_character':
      return `${col} holds ${count} character(s) a document cannot hold (control characters or similar); the report leaves them out. Check the cell`;
    case 'duplicate_tab':
      return `Tabs "${tab}" and "${other}" are the same tab (their names differ only in language, width or case). Keep only one`;
    case 'no_data_for_year':
      return `FY${value} (${expected}) has no row in 費用, イベント or 候補者. Check 対象年度 and 年度開始月`;
    case 'statement_cost_mismatch':
      return params.reconciliation ? reconciliationEnglish(params.reconciliation) : '';
    case 'other_business_left_out':
      return `その他の事業 is 定款にない, so the ${count} row(s) of 区分 その他の事業 on the 事業 tab (${other}${count > 1 ? ' and more' : ''}) are left out of the report. If the articles have その他の事業, set it to 記載する`;
    case 'rounding_moved_rows':
      return `端数処理 合計に合わせる: so that each 区分 adds up to its total, these programs are printed 1 thousand yen away from their own rounding: ${movedRows(params.moved ?? [], 'en')}`;
    case 'unknown_form_table':
      return `${col}: there is no table "${value}". Tables: ${expected}`;
    case 'form_table_not_alone':
      return `${col} becomes a table: put it alone in a paragraph with no other text`;
    case 'form_invalid_year':
      return `${col}: the year "${value}" cannot be read (e.g. 年度=前年度, 年度=2021, 年度=令和3年度; years ${expected})`;
    case 'form_year_without_data':
      return `${col}: this workbook has no row in 費用, イベント or 候補者 for FY${value} (${expected}). If that year's rows are in another workbook, add them to this one`;
    case 'form_no_placeholders':
      return `The form "${value}" holds no placeholder ({{…}}). Write them as {{団体名}}, {{就職者数}}, {{表:事業一覧}}`;
    case 'form_unreadable':
      return `"${value}" cannot be opened as a Google Doc. Give the URL of a document you can view (https://docs.google.com/document/d/…)`;
    case 'form_element_skipped':
      return `${value === 'TABLE_OF_CONTENTS' ? 'The table of contents' : 'A part that scripts cannot copy'} is left out of the new document. Insert it there if you need it`;
    case 'internal_error':
      return `Internal error: ${value}`;
  }
}

/** The words of the codes only an adapter raises (LocalIssueCode), handed over with the workbook it read. */
export type LocalWords = (input: MessageInput<LocalIssueCode>, language: Language) => string;

function isLocalCode(code: IssueCode): code is LocalIssueCode {
  return (LOCAL_ISSUE_CODES as readonly IssueCode[]).includes(code);
}

/**
 * Attaches the message in the report language; a value from a 候補者 row never reaches it (see privacy.ts). A code
 * only an adapter raises is worded by that adapter's `localWords` (without them, the code itself is the message).
 */
export function finalizeIssue(draft: IssueDraft, language: Language = 'ja', localWords?: LocalWords): Issue {
  const safe = hidePersonRowValue(draft);
  const params = safe.params ?? {};
  // Tab, header and value are typed by someone: a control character in them must not reach a terminal or a log.
  const input = {
    tab: oneLineText(safe.tab),
    column: oneLineText(safe.column),
    value: oneLineText(safe.value),
    params,
    masked: safe.value === MASKED_VALUE,
  };
  const { code } = safe;
  const message = isLocalCode(code)
    ? (localWords?.({ ...input, code }, language) ?? code)
    : (language === 'en' ? english : japanese)({ ...input, code });
  return { ...safe, params, language, message };
}

/** `タブ!セル: message`, the one-line form used by the CLI and logs. */
export function formatIssue(issue: Issue): string {
  const label = issue.severity === 'error' ? '' : issue.language === 'en' ? '[warning] ' : '[警告] ';
  return `${oneLineText(issue.tab)}!${issue.cell}: ${label}${issue.message}`;
}

/** Where a placeholder of a form is (issue 16): `本文 3段落目`, `表2 3行目2列目`, `ヘッダー 1段落目`. */
export function formPlaceText(
  place: {
    readonly part: 'body' | 'header' | 'footer';
    readonly partNumber?: number;
    readonly paragraph: number;
    readonly cell?: { readonly table: number; readonly row: number; readonly column: number };
  },
  language: Language,
): string {
  const number = place.partNumber === undefined ? '' : String(place.partNumber);
  if (language === 'en') {
    const part = {
      body: '',
      header: `header${number ? ` ${number}` : ''}, `,
      footer: `footer${number ? ` ${number}` : ''}, `,
    }[place.part];
    const { cell } = place;
    return cell
      ? `${part}table ${cell.table}, row ${cell.row}, column ${cell.column}`
      : `${part}paragraph ${place.paragraph}`;
  }
  const part = { body: '本文', header: `ヘッダー${number}`, footer: `フッター${number}` }[place.part];
  const { cell } = place;
  return cell
    ? `${part === '本文' ? '' : `${part} `}表${cell.table} ${cell.row}行目${cell.column}列目`
    : `${part} ${place.paragraph}段落目`;
}

/** A form's issue on one line: `様式.docx 本文 3段落目: message` (the form's name, where, what). */
export function formatFormIssue(issue: Issue): string {
  const label = issue.severity === 'error' ? '' : issue.language === 'en' ? '[warning] ' : '[警告] ';
  const where = issue.cell === '' ? '' : ` ${issue.cell}`;
  return `${oneLineText(issue.tab)}${where}: ${label}${issue.message}`;
}

/** A placeholder of a form with its value, for the check list: `本文 3段落目 {{就職者数}} → 34`. */
export function formValueLine(
  where: string,
  source: string,
  value: { readonly text?: string; readonly tableRows?: number },
  language: Language,
): string {
  const shown =
    value.tableRows !== undefined
      ? language === 'en'
        ? `table (${value.tableRows} rows)`
        : `表（${value.tableRows}行）`
      : (value.text ?? '');
  return `${where} ${oneLineText(source)} → ${oneLineText(shown)}`;
}

const WHERE_JA = { programs: '事業タブ', range: '範囲', choices: '選択肢' } as const;
const WHERE_EN = { programs: 'the 事業 tab', range: 'the range', choices: 'the choices' } as const;

function formulaJapanese(code: FormulaErrorCode, params: FormulaErrorParams): string {
  const { value = '', name = '', tab = '', expected = '', count = 0, where = 'choices' } = params;
  switch (code) {
    case 'formula_unknown_metric':
      return `指標「${value}」はありません。使える指標: ${expected}`;
    case 'formula_metric_required':
      return '指標名を指定してください（例: "就職者数"）';
    case 'formula_invalid_year':
      return `年度「${value}」は年度として読めません（例: 2022）`;
    case 'formula_missing_year':
      return '年度がありません。引数で年度を指定するか、設定タブに「対象年度」を入力してください';
    case 'formula_range_needs_header':
      return `範囲には「${tab}」タブの見出し行を含めてください（例: ${tab}!A:H）`;
    case 'formula_filter_not_allowed':
      return `指標「${name}」に条件「${value}」は使えません（使える条件: ${expected || 'なし'}）`;
    case 'formula_category_with_range':
      return '区分で絞り込むときは範囲を渡さずに使ってください（事業タブの区分を読むため）';
    case 'formula_unknown_value': {
      const list = expected ? `（${expected}）` : '';
      const hint = params.adminCost ? '。管理費は =JIGYO_METRIC("管理費") で集計できます' : '';
      return `${name}「${value}」は${WHERE_JA[where]}にありません${list}${hint}`;
    }
    case 'formula_workbook_error':
      return `${params.issue ? formatIssue(finalizeIssue(params.issue, 'ja')) : ''}${count > 0 ? `（ほか${count}件。メニューの「入力チェック」で確認できます）` : ''}`;
    case 'formula_range_for_value':
      return `「${name}」には1つの値を指定してください（範囲ではなく）`;
    case 'formula_last_argument_not_range':
      return '最後の引数には見出し行を含む範囲を指定してください（例: 費用!A:G）';
    case 'formula_program_required':
      return '事業内容を指定してください（例: "育成事業"）';
    case 'formula_invalid_count_mode':
      return `数え方「${value}」は「延べ」か「実人数」で指定してください`;
    case 'formula_malformed_condition':
      return `条件「${value}」は「キー=値」で指定してください（例: "事業内容=育成事業"）`;
    case 'formula_metric_needs_tab':
      return `指標「${name}」には「${tab}」タブが必要です（メニューの「シートを準備」で作成できます）`;
  }
}

function formulaEnglish(code: FormulaErrorCode, params: FormulaErrorParams): string {
  const { value = '', name = '', tab = '', expected = '', count = 0, where = 'choices' } = params;
  switch (code) {
    case 'formula_unknown_metric':
      return `There is no metric "${value}". Metrics: ${expected}`;
    case 'formula_metric_required':
      return 'Give a metric name (e.g. "就職者数")';
    case 'formula_invalid_year':
      return `"${value}" is not a fiscal year (e.g. 2022)`;
    case 'formula_missing_year':
      return 'No fiscal year: pass one as an argument or fill in 対象年度 on the 設定 tab';
    case 'formula_range_needs_header':
      return `The range must include the header row of the "${tab}" tab (e.g. ${tab}!A:H)`;
    case 'formula_filter_not_allowed':
      return `The metric "${name}" has no filter "${value}" (filters: ${expected || 'none'})`;
    case 'formula_category_with_range':
      return 'To filter by 区分, leave out the range (区分 is read from the 事業 tab)';
    case 'formula_unknown_value': {
      const list = expected ? ` (${expected})` : '';
      const hint = params.adminCost ? '. Sum 管理費 with =JIGYO_METRIC("管理費")' : '';
      return `${name} "${value}" is not in ${WHERE_EN[where]}${list}${hint}`;
    }
    case 'formula_workbook_error':
      return `${params.issue ? formatIssue(finalizeIssue(params.issue, 'en')) : ''}${count > 0 ? ` (and ${count} more; see the menu 入力チェック)` : ''}`;
    case 'formula_range_for_value':
      return `"${name}" takes one value, not a range`;
    case 'formula_last_argument_not_range':
      return 'The last argument must be a range that includes the header row (e.g. 費用!A:G)';
    case 'formula_program_required':
      return 'Give a 事業内容 (e.g. "育成事業")';
    case 'formula_invalid_count_mode':
      return `Count "${value}" must be "延べ" (total) or "実人数" (unique people)`;
    case 'formula_malformed_condition':
      return `The condition "${value}" must be written "key=value" (e.g. "事業内容=育成事業")`;
    case 'formula_metric_needs_tab':
      return `The metric "${name}" needs the tab "${tab}" (the menu シートを準備 creates it)`;
  }
}

/** A custom formula's error message, in the report language when the formula knows it. */
export function formulaErrorMessage(code: FormulaErrorCode, params: FormulaErrorParams, language: Language): string {
  return language === 'en' ? formulaEnglish(code, params) : formulaJapanese(code, params);
}

/** 動作確認 (ヘルプ ▸ 動作確認): every check, in the order it runs and is listed. */
export const SELF_TEST_CHECKS = [
  'scopes',
  'time_zones',
  'lock',
  'temp_tab',
  'read_tabs',
  'formulas',
  'custom_function',
  'sidebar_file',
  'document',
  'sidebar',
  'remove_temp_tab',
  'run_log',
] as const;
export type SelfTestCheck = (typeof SELF_TEST_CHECKS)[number];

/** A check's name as the 動作確認 dialog lists it; `subject` names the custom function or sidebar function. */
export function selfTestCheckName(check: SelfTestCheck, language: Language, subject = ''): string {
  const ja = language !== 'en';
  switch (check) {
    case 'scopes':
      return ja ? '権限' : 'Permissions (scopes)';
    case 'time_zones':
      return ja ? 'タイムゾーン' : 'Time zones';
    case 'lock':
      return ja ? 'ドキュメントのロック' : 'Document lock';
    case 'temp_tab':
      return ja ? '一時タブの作成と書き込み' : 'Temporary tab: create and write';
    case 'read_tabs':
      return ja ? 'タブの読み取りと入力チェック' : 'Reading tabs and checking input';
    case 'formulas':
      return ja ? '数式の書き込みと読み取り' : 'Writing and reading formulas';
    case 'custom_function':
      return ja ? `カスタム関数 ${subject}` : `Custom function ${subject}`;
    case 'sidebar_file':
      return ja ? 'サイドバーの画面ファイル' : 'Sidebar page file';
    case 'document':
      return ja ? 'ドキュメントの作成' : 'Creating a Google Doc';
    case 'sidebar':
      return ja ? `サイドバー ${subject}` : `Sidebar ${subject}`;
    case 'remove_temp_tab':
      return ja ? '一時タブの削除' : 'Removing the temporary tab';
    case 'run_log':
      return ja ? '生成履歴への記録' : 'Recording in 生成履歴';
  }
}

/** The fixed words of the 動作確認 dialog and its notes. */
export type SelfTestPhrase =
  | 'title'
  | 'pass'
  | 'fail'
  | 'summary'
  | 'zones'
  | 'script_zone_wrong'
  | 'scopes_missing'
  | 'authorization_required'
  | 'lock_busy'
  | 'wrong_value'
  | 'not_plain_json'
  | 'not_run'
  | 'document_left'
  | 'tab_left'
  | 'send_back'
  | 'no_failures';

export interface SelfTestParams {
  readonly passed?: number;
  readonly failed?: number;
  readonly name?: string;
  readonly value?: string;
  readonly expected?: string;
}

function selfTestJapanese(
  phrase: SelfTestPhrase,
  { passed = 0, failed = 0, name = '', value = '', expected = '' }: SelfTestParams,
): string {
  switch (phrase) {
    case 'title':
      return '動作確認';
    case 'pass':
      return '合格';
    case 'fail':
      return '不合格';
    case 'summary':
      return `合格 ${passed} 件、不合格 ${failed} 件`;
    case 'zones':
      return `スクリプト ${value}、スプレッドシート ${name}`;
    case 'script_zone_wrong':
      return `スクリプトのタイムゾーンが ${value}（${expected} のはず。appsscript.json を確認）`;
    case 'scopes_missing':
      return `許可されていない権限: ${value}`;
    case 'authorization_required':
      return '権限の許可が必要です';
    case 'lock_busy':
      return '他の人が作業中でロックを取れません。少し待ってからもう一度';
    case 'wrong_value':
      return `${name} が ${value}（正しくは ${expected}）`;
    case 'not_plain_json':
      return '応答が JSON にできません';
    case 'not_run':
      return `「${name}」が不合格のため未確認`;
    case 'document_left':
      return `ドキュメント「${name}」を作りました（架空の数字。削除してかまいません）`;
    case 'tab_left':
      return `一時タブ「${name}」を手で削除してください`;
    case 'send_back':
      return '不合格があれば、この一覧をコピーして担当者に送ってください（スプレッドシートや個人情報は送らないでください）。';
    case 'no_failures':
      return 'すべて合格です。';
  }
}

function selfTestEnglish(
  phrase: SelfTestPhrase,
  { passed = 0, failed = 0, name = '', value = '', expected = '' }: SelfTestParams,
): string {
  switch (phrase) {
    case 'title':
      return 'Self-test';
    case 'pass':
      return 'PASS';
    case 'fail':
      return 'FAIL';
    case 'summary':
      return `${passed} passed, ${failed} failed`;
    case 'zones':
      return `script ${value}, spreadsheet ${name}`;
    case 'script_zone_wrong':
      return `Script time zone ${value} (should be ${expected}; check appsscript.json)`;
    case 'scopes_missing':
      return `Not authorized: ${value}`;
    case 'authorization_required':
      return 'Authorization required';
    case 'lock_busy':
      return 'Someone else holds the lock; try again shortly';
    case 'wrong_value':
      return `${name} is ${value} (expected ${expected})`;
    case 'not_plain_json':
      return 'The response is not plain JSON';
    case 'not_run':
      return `Not run: "${name}" failed`;
    case 'document_left':
      return `Created the Doc "${name}" (made-up figures; you may delete it)`;
    case 'tab_left':
      return `Please delete the tab "${name}" by hand`;
    case 'send_back':
      return 'If a check failed, copy these lines to whoever supports you (never the spreadsheet or personal data).';
    case 'no_failures':
      return 'All checks passed.';
  }
}

/** A fixed phrase of the 動作確認 dialog in `language`. */
export function selfTestText(phrase: SelfTestPhrase, language: Language, params: SelfTestParams = {}): string {
  return language === 'en' ? selfTestEnglish(phrase, params) : selfTestJapanese(phrase, params);
}

/** The words of an update's summary (issue 14: `--update`, 報告書の数字を更新); see `figureUpdateLines`. */
export type FigureUpdatePhrase =
  | 'summary'
  | 'changed'
  | 'deleted'
  | 'added'
  | 'gone'
  | 'unknown_tags'
  | 'no_record'
  | 'no_record_fixed_tables'
  | 'table_refused'
  | 'table_unchecked'
  | 'table_programs'
  | 'table_appendix'
  | 'table_comparison'
  | 'place_text'
  | 'place_heading'
  | 'place_cell';

export interface FigureUpdateParams {
  readonly name?: string;
  readonly value?: string;
  readonly before?: string;
  /** Undefined: the workbook no longer makes the figure. */
  readonly after?: string;
  readonly count?: number;
  readonly other?: number;
}

function figureUpdateJapanese(
  phrase: FigureUpdatePhrase,
  { name = '', value = '', before = '', after, count = 0, other = 0 }: FigureUpdateParams,
): string {
  switch (phrase) {
    case 'summary':
      return `数字の更新: 変わった数字 ${count} 件、変わらない数字 ${other} 件`;
    case 'changed':
      return `変更 ${name}: ${before} → ${after ?? ''}`;
    case 'deleted':
      return `削除されていた数字（戻していません） ${name}: 作成時 ${before}、今は ${after ?? 'なし'}`;
    case 'added':
      return `新しい数字（入れていません。必要なら手で書き足してください） ${name}: ${after ?? ''}`;
    case 'gone':
      return `ブックから出なくなった数字（そのままにしました） ${name}: ${before}`;
    case 'unknown_tags':
      return `この報告書が作った覚えのない数字の欄 ${count} 件は、そのままにしました`;
    case 'no_record':
      return '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できず、表の数字は更新しません';
    case 'no_record_fixed_tables':
      return '作成時の数字の記録が見つかりません（別のソフトで保存し直したときなど）。削除された数字と新しい数字を区別できません（表の行は決まっているので、表の数字も更新します）';
    case 'table_refused':
      return `${name}は更新しませんでした: 事業の行が作成時と違います（増えた行: ${after || 'なし'}／なくなった行: ${before || 'なし'}）。この表の数字 ${count} 件は、手で直すか新しい報告書を作ってください`;
    case 'table_unchecked':
      return `${name}は更新しませんでした: 作成時の事業の行が分からないため、表の数字 ${count} 件はそのままです`;
    case 'table_programs':
      return `事業の表（${name}）`;
    case 'table_appendix':
      return '事業費の内訳の表';
    case 'table_comparison':
      return '活動計算書との照合の表';
    case 'place_text':
      return name.startsWith('【') ? `本文${name}${count}段落目` : `「${name}」の${count}段落目`;
    case 'place_heading':
      return `見出し「${name}」`;
    case 'place_cell':
      return `表「${name}」の${value}`;
  }
}

function figureUpdateEnglish(
  phrase: FigureUpdatePhrase,
  { name = '', value = '', before = '', after, count = 0, other = 0 }: FigureUpdateParams,
): string {
  switch (phrase) {
    case 'summary':
      return `Figures updated: ${count} changed, ${other} unchanged`;
    case 'changed':
      return `Changed ${name}: ${before} → ${after ?? ''}`;
    case 'deleted':
      return `Deleted by an editor (not put back) ${name}: was ${before}, now ${after ?? 'none'}`;
    case 'added':
      return `New figure (not inserted; add it by hand if needed) ${name}: ${after ?? ''}`;
    case 'gone':
      return `No longer made by the workbook (left as it is) ${name}: ${before}`;
    case 'unknown_tags':
      return `${count} figure field(s) this report did not make were left as they are`;
    case 'no_record':
      return 'The record of the figures made with the report is missing (e.g. the file was saved again by another program): deleted and new figures cannot be told apart, and table figures are not updated';
    case 'no_record_fixed_tables':
      return 'The record of the figures made with the report is missing (e.g. the file was saved again by another program): deleted and new figures cannot be told apart (the tables have fixed rows, so their figures are updated too)';
    case 'table_refused':
      return `${name} was not updated: its program rows differ from when the report was made (added: ${after || 'none'}; removed: ${before || 'none'}). Fix its ${count} figure(s) by hand or make a new report`;
    case 'table_unchecked':
      return `${name} was not updated: its program rows when the report was made are unknown, so its ${count} figure(s) are left as they are`;
    case 'table_programs':
      return `The program table (${name})`;
    case 'table_appendix':
      return 'The cost breakdown table';
    case 'table_comparison':
      return 'The statement check table';
    case 'place_text':
      return `"${name}", paragraph ${count}`;
    case 'place_heading':
      return `Heading "${name}"`;
    case 'place_cell':
      return `Table row "${name}", ${value}`;
  }
}

/** A phrase of an update's summary in `language`. */
export function figureUpdateText(
  phrase: FigureUpdatePhrase,
  language: Language,
  params: FigureUpdateParams = {},
): string {
  return language === 'en' ? figureUpdateEnglish(phrase, params) : figureUpdateJapanese(phrase, params);
}

/** Why 報告書の数字を更新 in Sheets could not update a Google Doc (issue 14), and its dialog's title. */
export type DocUpdatePhrase =
  | 'no_report'
  | 'no_document'
  | 'no_figures'
  | 'no_docs_service'
  | 'write_failed'
  | 'updated';

/** A phrase of 報告書の数字を更新 (Sheets) in `language`; `year` is the report's year. */
export function docUpdateText(phrase: DocUpdatePhrase, language: Language, year = 0): string {
  const en = language === 'en';
  switch (phrase) {
    case 'no_report':
      return en
        ? `The run log (生成履歴) lists no annual report for FY${year}. Make one first with 事業報告書を作成.`
        : `生成履歴に${year}年度の事業報告書がありません。先に「事業報告書を作成」で作成してください。`;
    case 'no_document':
      return en
        ? 'The document in the run log could not be opened (deleted, or you have no access to it).'
        : '生成履歴の文書を開けませんでした（削除されたか、開く権限がありません）。';
    case 'no_figures':
      return en
        ? 'This document has no figure the add-on can find (made before this feature, or every figure was deleted). Make a new report instead.'
        : 'この文書には更新できる数字がありません（この機能より前に作成したか、数字がすべて削除されています）。新しく報告書を作成してください。';
    case 'no_docs_service':
      return en
        ? 'Updating figures needs the Google Docs API (the advanced service Docs), which this copy of the script has not enabled. Ask whoever installed the add-on to turn on the Google Docs API under Services in the script editor (for a published add-on, in its Cloud project).'
        : '数字の更新には Google Docs API（Apps Script の拡張サービス「Docs」）が必要ですが、このスクリプトでは有効になっていません。アドオンを入れた人に、スクリプト エディタの「サービス」（公開したアドオンでは Cloud プロジェクト）で Google Docs API を有効にするよう頼んでください。';
    case 'write_failed':
      return en
        ? 'The figures could not be written (someone may have been editing the document at the same moment). The document was not changed. Run 報告書の数字を更新 again.'
        : '数字を書き込めませんでした（ほかの人が同時に文書を編集していた可能性があります）。文書は変わっていません。もう一度「報告書の数字を更新」を実行してください。';
    case 'updated':
      return en ? 'Figures updated' : '報告書の数字を更新しました';
  }
}
