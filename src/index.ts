// This file declares the Apps Script globals, each one line into src/gas; the build turns them into top-level functions.
import type { CellValue } from './core/cells';
import { menuCheckInput, menuCreateReport } from './gas/actions';
import { programCost } from './gas/custom-functions';
import { buildMenu, menuShowHelp } from './gas/menu';
import { menuPrepareSheets } from './gas/prepare-sheets';

// Module-local: the bundle's banner defines `var global = this;`, the Apps Script global object.
declare const global: Record<string, unknown>;

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
 * @param {number} 年度 対象年度（省略時は設定タブの対象年度）
 * @param {string} 費目 人件費 または その他経費（省略時は両方）
 * @return {number} 事業費（円）
 * @customfunction
 */
global.PROGRAM_COST = (事業内容: CellValue, 年度?: CellValue, 費目?: CellValue) => programCost(事業内容, 年度, 費目);

/** メニュー「シートを準備」: 足りないタブと見出しを作り、入力規則を付けます（既存の値は変えません）。 */
global.menuPrepareSheets = () => menuPrepareSheets();

/** メニュー「入力チェック」: 入力内容を確認し、問題のあるセルを一覧にします（データは変えません）。 */
global.menuCheckInput = () => menuCheckInput();

/** メニュー「事業報告書を作成」: 新しい Google ドキュメントに事業報告書を作成します。 */
global.menuCreateReport = () => menuCreateReport();

/** メニュー「ヘルプ」。 */
global.menuShowHelp = () => menuShowHelp();
