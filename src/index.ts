// This file declares the Apps Script globals, each one line into src/gas; the build turns them into top-level functions.
import { menuCheckInput, menuCreateReport, menuCreateShokaiReport } from './gas/actions';
import {
  candidateCount,
  eventCount,
  type FormulaArgument,
  jigyoMetric,
  jigyoTable,
  participants,
  placements,
  programCost,
  totalCost,
} from './gas/custom-functions';
import { openSidebar } from './gas/dialogs';
import { menuCreateFromForm } from './gas/fill-doc';
import { buildMenu, menuShowHelp } from './gas/menu';
import { menuPrepareSheets } from './gas/prepare-sheets';
import { menuRecalculateFormulas } from './gas/recalculate';
import { type CustomFunctionLookup, menuSelfTest } from './gas/self-test';
import {
  checkFormFromSidebar,
  createFormFromSidebar,
  generateReport,
  loadSidebar,
  previewReport,
  selectCell,
  updateFromSidebar,
} from './gas/sidebar-server';
import { menuUpdateReport } from './gas/update-doc';

// Module-local: the bundle's banner defines `var global = this;`, the Apps Script global object.
declare const global: Record<string, unknown>;

/**
 * The only catch for menu actions: an unexpected failure reaches the user as a short message instead of a raw
 * stack, and the log keeps the stack (our messages never carry person-level values).
 */
function guarded(action: () => void): () => void {
  return () => {
    try {
      action();
    } catch (error) {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      const message = error instanceof Error ? error.message : String(error);
      SpreadsheetApp.getUi().alert(`処理を完了できませんでした。もう一度お試しください。\n\n（${message}）`);
    }
  };
}

/**
 * Builds the add-on menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} _event
 */
global.onOpen = (_event?: unknown) => buildMenu(SpreadsheetApp.getUi());

/**
 * Builds the menu right after the add-on is installed.
 * @param {GoogleAppsScript.Events.AddonOnInstall} _event
 */
global.onInstall = (_event?: unknown) => buildMenu(SpreadsheetApp.getUi());

/**
 * 事業費（円）: 対象年度の費用タブの金額を、指定した事業内容について合計します。管理費は含みません。
 * @param {string} 事業内容 事業タブの事業内容（例: "育成事業"）
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度。費用範囲を渡した場合は省略で範囲の全行）
 * @param {string} 費目 "人件費" または "その他経費"（省略時は両方）
 * @param {Array<Array<string>>} 費用範囲 見出し行を含む費用タブの範囲（例: 費用!A:G）。渡すとその範囲だけで計算し、範囲が変わると再計算します
 * @return {number} 事業費（円）
 * @customfunction
 */
global.PROGRAM_COST = (
  事業内容: FormulaArgument,
  年度?: FormulaArgument,
  費目?: FormulaArgument,
  費用範囲?: FormulaArgument,
) => programCost(事業内容, 年度, 費目, 費用範囲);

/**
 * 事業費の合計（円）: 対象年度の全事業（または区分）の事業費を合計します。管理費は含みません。
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {string} 区分 "特定非営利活動" または "その他の事業"（省略時は両方）
 * @param {Array<Array<string>>} 費用範囲 見出し行を含む費用タブの範囲（区分と同時には使えません）
 * @return {number} 事業費の合計（円）
 * @customfunction
 */
global.TOTAL_COST = (年度?: FormulaArgument, 区分?: FormulaArgument, 費用範囲?: FormulaArgument) =>
  totalCost(年度, 区分, 費用範囲);

/**
 * イベント回数: 対象年度に開始したイベント（回・期・講演・取材）の数。
 * @param {string} 事業内容 事業タブの事業内容（空欄ですべての事業）
 * @param {string} 種別 例: "交流会"、"講演"（省略ですべて。"交流会,勉強会" のようにカンマで複数）
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {Array<Array<string>>} イベント範囲 見出し行を含むイベントタブの範囲
 * @return {number} 回数
 * @customfunction
 */
global.EVENT_COUNT = (
  事業内容?: FormulaArgument,
  種別?: FormulaArgument,
  年度?: FormulaArgument,
  イベント範囲?: FormulaArgument,
) => eventCount(事業内容, 種別, 年度, イベント範囲);

/**
 * 参加者数: 対象年度のイベントの参加者数。"延べ"（既定）は参加者数の合計、"実人数" は参加者IDの重複を除いた人数。
 * @param {string} 事業内容 事業タブの事業内容（空欄ですべての事業）
 * @param {string} 種別 例: "メンターシップ"（省略ですべて）
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {string} 数え方 "延べ" または "実人数"
 * @param {Array<Array<string>>} イベント範囲 見出し行を含むイベントタブの範囲
 * @return {number} 人数
 * @customfunction
 */
global.PARTICIPANTS = (
  事業内容?: FormulaArgument,
  種別?: FormulaArgument,
  年度?: FormulaArgument,
  数え方?: FormulaArgument,
  イベント範囲?: FormulaArgument,
) => participants(事業内容, 種別, 年度, 数え方, イベント範囲);

/**
 * 新規接点数: 初回接点日が対象年度内の候補者の数。
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {Array<Array<string>>} 候補者範囲 見出し行を含む候補者タブの範囲
 * @return {number} 人数
 * @customfunction
 */
global.NEW_CONTACTS = (年度?: FormulaArgument, 候補者範囲?: FormulaArgument) =>
  candidateCount('新規接点数', 年度, 候補者範囲);

/**
 * 登録者数: 登録日が対象年度内の候補者の数。
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {Array<Array<string>>} 候補者範囲 見出し行を含む候補者タブの範囲
 * @return {number} 人数
 * @customfunction
 */
global.REGISTRATIONS = (年度?: FormulaArgument, 候補者範囲?: FormulaArgument) =>
  candidateCount('登録者数', 年度, 候補者範囲);

/**
 * 就職者数: 就職日が対象年度内の候補者の数。
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {string} 就職経路 "職業紹介"、"自己応募"、"その他"（省略ですべて）
 * @param {Array<Array<string>>} 候補者範囲 見出し行を含む候補者タブの範囲
 * @return {number} 人数
 * @customfunction
 */
global.PLACEMENTS = (年度?: FormulaArgument, 就職経路?: FormulaArgument, 候補者範囲?: FormulaArgument) =>
  placements(年度, 就職経路, 候補者範囲);

/**
 * 在留資格変更数: 在留資格変更日が対象年度内の数。
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {Array<Array<string>>} 候補者範囲 見出し行を含む候補者タブの範囲
 * @return {number} 件数
 * @customfunction
 */
global.STATUS_CHANGES = (年度?: FormulaArgument, 候補者範囲?: FormulaArgument) =>
  candidateCount('在留資格変更数', 年度, 候補者範囲);

/**
 * 指標: 指標名で任意の集計値を返します（例: =JIGYO_METRIC("就職者数", 2022, "就職経路=職業紹介")）。
 * @param {string} 指標名 例: "就職者数"、"参加者数"、"事業費"（報告書の {{指標名}} と同じ）
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {string} 条件 "キー=値"（例: "事業内容=育成事業"）。複数指定でき、最後に範囲も渡せます
 * @return {number} 値
 * @customfunction
 */
global.JIGYO_METRIC = (指標名: FormulaArgument, 年度?: FormulaArgument, ...条件: FormulaArgument[]) =>
  jigyoMetric(指標名, 年度, ...条件);

/**
 * 指標の表: 行ごとに「指標名, 条件…」を並べた範囲を渡すと、各行の値を1列で返します（例: =JIGYO_TABLE(A2:C10)）。必要なタブは表全体で1回ずつ読むので、数式がたくさんあるシートでも速く計算できます。
 * @param {Array<Array<string>>} 行 1行に指標名と "キー=値" の条件（例: "就職者数", "就職経路=職業紹介"）。空の行は空欄を返します
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @return {Array<Array<number>>} 各行の値（1列）
 * @customfunction
 */
global.JIGYO_TABLE = (行: FormulaArgument, 年度?: FormulaArgument) => jigyoTable(行, 年度);

/** メニュー「シートを準備」: 足りないタブと見出しを作り、入力規則を付けます（既存の値は変えません）。 */
global.menuPrepareSheets = guarded(menuPrepareSheets);

/** メニュー「入力チェック」: 入力内容を確認し、問題のあるセルを一覧にします（データは変えません）。 */
global.menuCheckInput = guarded(menuCheckInput);

/** メニュー「事業報告書を作成」: 新しい Google ドキュメントに事業報告書を作成します。 */
global.menuCreateReport = guarded(menuCreateReport);

/** メニュー「職業紹介事業報告を作成」: 新しい Google ドキュメントに職業紹介事業報告書（様式第8号の数）を作成します。 */
global.menuCreateShokaiReport = guarded(menuCreateShokaiReport);

/** メニュー「報告書の数字を更新」: 作成済みの Google ドキュメントの数字だけを最新の入力で書き換えます（ほかの編集はそのまま）。 */
global.menuUpdateReport = guarded(menuUpdateReport);

/** メニュー「テンプレートから作成」: サイドバーで Google ドキュメントの様式を選び、{{…}} を集計値で埋めた新しいドキュメントを作成します。 */
global.menuCreateFromForm = guarded(menuCreateFromForm);

/** メニュー「ヘルプ ▸ ヘルプを表示」。 */
global.menuShowHelp = guarded(menuShowHelp);

/**
 * メニュー「ヘルプ ▸ 動作確認」: 一時タブと確認用ドキュメントでアドオンの機能を試し、合格 / 不合格を一覧にします
 * （入力した行は読まず、一時タブは削除します）。カスタム関数は Sheets と同じく、ここで宣言した関数を呼びます。
 */
global.menuSelfTest = guarded(() => menuSelfTest(((name) => global[name]) as CustomFunctionLookup));

/** メニュー「サイドバーを開く」。 */
global.menuOpenSidebar = guarded(() => openSidebar());

/**
 * サイドバー: 集計・入力チェックの結果を返します。
 * @param {number} year
 */
global.sidebarLoad = (year?: unknown) => loadSidebar(year);

/**
 * サイドバー: 報告書のプレビュー（HTML）を返します。
 * @param {number} year
 */
global.sidebarPreview = (year?: unknown) => previewReport(year);

/**
 * サイドバー: 事業報告書（kind が "shokai" なら職業紹介事業報告書）を作成します。
 * @param {number} year
 * @param {string} kind
 */
global.sidebarGenerate = (year?: unknown, kind?: unknown) => generateReport(year, kind);

/**
 * サイドバー: その年度の最後の事業報告書の数字を更新します。
 * @param {number} year
 */
global.sidebarUpdate = (year?: unknown) => updateFromSidebar(year);

/**
 * サイドバー: テンプレート（Google ドキュメント）の差し込みを確認します（何も書きません）。
 * @param {string} url
 * @param {number} year
 */
global.sidebarFormCheck = (url?: unknown, year?: unknown) => checkFormFromSidebar(url, year);

/**
 * サイドバー: テンプレートの差し込みを埋めた新しいドキュメントを作成します。
 * @param {string} url
 * @param {number} year
 */
global.sidebarFormCreate = (url?: unknown, year?: unknown) => createFormFromSidebar(url, year);

/**
 * サイドバー: 問題のあるセルを選択します。
 * @param {string} tab
 * @param {string} cell
 */
global.sidebarSelectCell = (tab: unknown, cell: unknown) => selectCell(tab, cell);

/** メニュー「数式を再計算」: =PROGRAM_COST などのセルを最新の入力で計算し直します（隠し引数 JIGYO_RECALC の名前付きセルを書き換えます）。 */
global.menuRecalculateFormulas = guarded(menuRecalculateFormulas);
