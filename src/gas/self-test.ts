// This file defines 動作確認 (ヘルプ ▸ 動作確認): every service path of the add-on tried on a temporary tab and a test Doc,
// one 合格 / 不合格 line per check in a dialog and one 生成履歴 row; no row of a user's tab is read or written.
import { oneLineText } from '../core/document-text';
import { columnIndex } from '../core/issues';
import { type Language, type SelfTestCheck, selfTestCheckName, selfTestText } from '../core/messages';
import { checkWorkbook, makeReport } from '../core/pipeline';
import { escapeHtml } from '../core/render-html';
import { type SidebarDoors, sidebarHandlers } from '../core/sidebar-api';
import { appsScriptDoors } from './actions';
import { type CUSTOM_FUNCTION_NAMES, metricTable } from './custom-functions';
import { readSpreadsheet, SCRIPT_TIME_ZONE } from './read-spreadsheet';
import { renderReportToDoc } from './render-doc';
import { appendRunLog, runTimestamp, runUser, SELF_TEST_FORMAT } from './run-log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The test Doc: with only the `documents` scope the add-on cannot trash it, so its name says it may be deleted. */
export const SELF_TEST_DOC_NAME = 'jigyo-hokoku 動作確認 (削除してかまいません)';
/** The temporary tab (a number is added when a tab of that name is already there). */
export const SELF_TEST_TAB = 'jigyo-hokoku 動作確認 (一時)';
/** The script's time zone as appsscript.json sets it (one definition, read-spreadsheet.ts); the core reads a Date's day in it. */
export { SCRIPT_TIME_ZONE };

const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';
/**
 * The OAuth scopes the code needs; the manifest asks for exactly these (a bundle test). spreadsheets.currentonly:
 * SpreadsheetApp on the open spreadsheet only; script.container.ui: menus, dialogs and the sidebar; documents:
 * DocumentApp.create for the report.
 */
export const NEEDED_SCOPES: readonly string[] = ['spreadsheets.currentonly', 'script.container.ui', 'documents'].map(
  (scope) => `${SCOPE_PREFIX}${scope}`,
);

export type CustomFunctionName = (typeof CUSTOM_FUNCTION_NAMES)[number];
/** The global Sheets calls for a custom function (src/index.ts passes its own globals). */
export type CustomFunctionLookup = (name: CustomFunctionName) => (...args: unknown[]) => unknown;

// --- The made-up workbook ------------------------------------------------------------------------------------------

const YEAR = 2022;
const PROGRAM = '確認事業';
type Cell = string | number;

/**
 * One block per tab, side by side on the temporary tab. Made-up values only, with dates on both sides of the fiscal
 * year's edges (2022/03/31 and 2023/04/01 are outside FY2022, 2022/04/01 and 2023/03/31 inside), so a date read one
 * day off in some time zone changes a figure below.
 */
// biome-ignore format: tables
const BLOCKS: readonly { readonly tab: string; readonly rows: readonly (readonly Cell[])[] }[] = [
  { tab: '設定', rows: [['項目', '値'], ['団体名', 'jigyo-hokoku 動作確認'], ['対象年度', YEAR]] },
  { tab: '事業', rows: [['事業内容', '定款の事業名', '区分'], [PROGRAM, '動作確認のための事業', '特定非営利活動']] },
  { tab: '候補者', rows: [
    ['候補者ID', '初回接点日', '登録日', '就職日', '就職経路', '在留資格変更日', '同意取得日'],
    ['C1', '2022/04/01', '2022/04/01', '2023/03/31', '職業紹介', '2022/05/01', '2022/04/01'],
    ['C2', '2022/03/31', '2022/04/02', '', '', '', '2022/03/31'],
  ] },
  { tab: 'イベント', rows: [
    ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
    ['E1', PROGRAM, '交流会', '2022/04/01', 3, 'C1,C2'],
    ['E2', PROGRAM, '勉強会', '2023/03/31', 2, 'C2'],
    ['E3', PROGRAM, '交流会', '2022/03/31', 5, ''],
  ] },
  { tab: '費用', rows: [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/03/31', PROGRAM, '人件費', 4000],
    ['2022/04/01', PROGRAM, '人件費', 1000],
    ['2023/03/31', PROGRAM, 'その他経費', 2000],
    ['2023/04/01', PROGRAM, 'その他経費', 8000],
  ] },
];

interface PlacedBlock {
  readonly tab: string;
  readonly rows: readonly (readonly Cell[])[];
  /** 1-based first column on the temporary tab. */
  readonly column: number;
  readonly width: number;
}

/** Blocks one blank column apart: 26 columns in all, the width of a new sheet. */
const LAYOUT: readonly PlacedBlock[] = BLOCKS.reduce<PlacedBlock[]>((placed, block) => {
  const last = placed[placed.length - 1];
  const column = last ? last.column + last.width + 1 : 1;
  placed.push({ ...block, column, width: block.rows[0].length });
  return placed;
}, []);
const BLOCK = (tab: string): PlacedBlock => LAYOUT.find((block) => block.tab === tab) as PlacedBlock;
const LAYOUT_WIDTH = LAYOUT[LAYOUT.length - 1].column + LAYOUT[LAYOUT.length - 1].width - 1;
const LAYOUT_HEIGHT = Math.max(...LAYOUT.map((block) => block.rows.length));

/** The figures of FY2022 in the made-up workbook, worked out by hand from the rows above. */
const EXPECTED_FIGURES: Readonly<Record<string, number>> = {
  新規接点数: 1,
  登録者数: 2,
  就職者数: 1,
  在留資格変更数: 1,
  イベント回数: 2,
  参加者数: 5,
  参加者実人数: 2,
};
const EXPECTED_TOTAL_COST = 3000;

type Ranges = Readonly<Record<'費用' | 'イベント' | '候補者', unknown[][]>>;

/** Each custom function once, with a range argument as Sheets passes it, and its figure worked out by hand. */
const FORMULA_CASES: readonly {
  readonly name: CustomFunctionName;
  readonly args: (ranges: Ranges) => unknown[];
  readonly expected: number;
}[] = [
  { name: 'PROGRAM_COST', args: (r) => [PROGRAM, YEAR, '', r.費用], expected: 3000 },
  { name: 'TOTAL_COST', args: (r) => [YEAR, '', r.費用], expected: 3000 },
  { name: 'EVENT_COUNT', args: (r) => [PROGRAM, '', YEAR, r.イベント], expected: 2 },
  { name: 'PARTICIPANTS', args: (r) => [PROGRAM, '', YEAR, '延べ', r.イベント], expected: 5 },
  { name: 'NEW_CONTACTS', args: (r) => [YEAR, r.候補者], expected: 1 },
  { name: 'REGISTRATIONS', args: (r) => [YEAR, r.候補者], expected: 2 },
  { name: 'PLACEMENTS', args: (r) => [YEAR, '職業紹介', r.候補者], expected: 1 },
  { name: 'STATUS_CHANGES', args: (r) => [YEAR, r.候補者], expected: 1 },
  { name: 'JIGYO_METRIC', args: (r) => ['事業費', YEAR, '費目=人件費', r.費用], expected: 1000 },
];

// --- Checks --------------------------------------------------------------------------------------------------------

export interface SelfTestLine {
  readonly check: SelfTestCheck;
  /** The custom function or sidebar function a check is about; '' for the others. */
  readonly subject: string;
  readonly ok: boolean;
  /** The error text of a failed check, or a note on a passed one ('' when there is none). */
  readonly detail: string;
}

/** Runs one check and records its line; `work` throws to fail, and may return a note for a passed line. */
type Run = (check: SelfTestCheck, subject: string, work: () => unknown) => boolean;

export interface SelfTestReport {
  readonly language: Language;
  readonly lines: readonly SelfTestLine[];
  readonly passed: number;
  readonly failed: number;
  readonly documentUrl: string | null;
}

/** An error's text on one line, short enough for a dialog line (what a service threw, or a check's own words). */
function errorText(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const line = oneLineText(message);
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** What google.script.run can carry: strings, finite numbers, booleans, null, arrays and plain objects of those. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  return Object.values(value as object).every(isPlainJson);
}

/** The dialog's language: the user's locale (no tab is read for it). */
function userLanguage(): Language {
  return /^en/i.test(Session.getActiveUserLocale()) ? 'en' : 'ja';
}

function shortScope(scope: string): string {
  return scope.startsWith(SCOPE_PREFIX) ? scope.slice(SCOPE_PREFIX.length) : scope;
}

/** AuthorizationInfo as documented today (the list form and getAuthorizedScopes are newer than the typings). */
interface AuthorizationInfo {
  getAuthorizationStatus(): unknown;
  getAuthorizedScopes?(): string[] | null;
}

/** Every scope the code needs is granted (with granular consent a user may have left one out). */
function checkScopes(language: Language): string {
  const needed = [...NEEDED_SCOPES];
  const getInfo = ScriptApp.getAuthorizationInfo as unknown as (mode: unknown, scopes: string[]) => AuthorizationInfo;
  const info = getInfo.call(ScriptApp, ScriptApp.AuthMode.FULL, needed);
  const granted = typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
  if (Array.isArray(granted)) {
    const missing = needed.filter((scope) => !granted.includes(scope));
    if (missing.length > 0) {
      throw new Error(selfTestText('scopes_missing', language, { value: missing.map(shortScope).join(', ') }));
    }
  } else if (String(info.getAuthorizationStatus()) === 'REQUIRED') {
    throw new Error(selfTestText('authorization_required', language));
  }
  return needed.map(shortScope).join(', ');
}

function checkTimeZones(spreadsheet: Spreadsheet, language: Language): string {
  const script = Session.getScriptTimeZone();
  if (script !== SCRIPT_TIME_ZONE) {
    throw new Error(selfTestText('script_zone_wrong', language, { value: script, expected: SCRIPT_TIME_ZONE }));
  }
  // A spreadsheet in another zone is fine: dates are read as the day the sheet shows (the figures below prove it).
  return selfTestText('zones', language, { value: script, name: spreadsheet.getSpreadsheetTimeZone() });
}

function checkLock(language: Language): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) throw new Error(selfTestText('lock_busy', language));
  try {
    if (!lock.hasLock()) throw new Error(selfTestText('lock_busy', language));
  } finally {
    lock.releaseLock();
  }
}

function unusedTabName(spreadsheet: Spreadsheet): string {
  let name = SELF_TEST_TAB;
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${SELF_TEST_TAB} ${n}`;
  return name;
}

/**
 * The temporary tab, written as シートを準備 writes a tab: values, bold header, frozen row, number format, a dropdown,
 * and a column inserted past the last before anything is written there. `keep` gets the sheet as soon as it exists,
 * so it is removed even when a later write fails. Returns the inserted column (1-based).
 */
function writeTempTab(spreadsheet: Spreadsheet, keep: (sheet: Sheet) => void, language: Language): number {
  const sheet = spreadsheet.insertSheet(unusedTabName(spreadsheet), spreadsheet.getSheets().length);
  keep(sheet);
  for (const block of LAYOUT) {
    sheet.getRange(1, block.column, block.rows.length, block.width).setValues(block.rows.map((row) => [...row]));
  }
  sheet.getRange(1, 1, 1, LAYOUT_WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(1);
  const costs = BLOCK('費用');
  const body = costs.rows.length - 1;
  sheet.getRange(2, costs.column + 3, body, 1).setNumberFormat('#,##0');
  const items = SpreadsheetApp.newDataValidation().requireValueInList(['人件費', 'その他経費'], true);
  sheet.getRange(2, costs.column + 2, body, 1).setDataValidation(items.setAllowInvalid(true).build());
  const width = sheet.getMaxColumns();
  sheet.insertColumnsAfter(width, 1);
  if (sheet.getMaxColumns() !== width + 1) {
    const name = 'getMaxColumns()';
    throw new Error(
      selfTestText('wrong_value', language, {
        name,
        value: String(sheet.getMaxColumns()),
        expected: String(width + 1),
      }),
    );
  }
  sheet.setColumnWidth(width + 1, 120);
  return width + 1;
}

/** The temporary tab seen as a spreadsheet holding only the made-up tabs, so the add-on's readers never see a user tab. */
function madeUpSpreadsheet(spreadsheet: Spreadsheet, sheet: Sheet): Spreadsheet {
  const sheets = LAYOUT.map((block) => ({
    getName: () => block.tab,
    getDataRange: () => sheet.getRange(1, block.column, block.rows.length, block.width),
    getRange: (cell: string) => {
      const match = /^([A-Z]+)(\d+)$/.exec(cell);
      if (!match) throw new Error(`Range not found: ${cell}`);
      return sheet.getRange(Number(match[2]), block.column + columnIndex(match[1]));
    },
  }));
  const view = {
    getSheets: () => sheets,
    getSpreadsheetTimeZone: () => spreadsheet.getSpreadsheetTimeZone(),
  };
  return view as unknown as Spreadsheet;
}

function wrong(language: Language, name: string, value: unknown, expected: unknown): Error {
  return new Error(selfTestText('wrong_value', language, { name, value: String(value), expected: String(expected) }));
}

/**
 * Runs every check; each ends as one line, 合格 or 不合格 with the error text. The temporary tab is removed and the
 * user's selection restored whatever happens; then one 生成履歴 row records the counts.
 */
export function runSelfTest(
  spreadsheet: Spreadsheet,
  customFunction: CustomFunctionLookup,
  options: { readonly now?: Date } = {},
): SelfTestReport {
  const language = userLanguage();
  const lines: SelfTestLine[] = [];
  const run: Run = (check, subject, work) => {
    try {
      const note = work();
      lines.push({ check, subject, ok: true, detail: typeof note === 'string' ? note : '' });
      return true;
    } catch (error) {
      lines.push({ check, subject, ok: false, detail: errorText(error) });
      return false;
    }
  };
  const notRun = (check: SelfTestCheck) =>
    new Error(selfTestText('not_run', language, { name: selfTestCheckName(check, language) }));

  run('scopes', '', () => checkScopes(language));
  run('time_zones', '', () => checkTimeZones(spreadsheet, language));
  run('lock', '', () => checkLock(language));

  const selection = spreadsheet.getActiveRange() ?? spreadsheet.getActiveSheet();
  let tab: Sheet | null = null;
  let documentUrl: string | null = null;
  try {
    let spareColumn = 0;
    const tabReady = run('temp_tab', '', () => {
      spareColumn = writeTempTab(spreadsheet, (sheet) => (tab = sheet), language);
    });
    const madeUp = (): Spreadsheet => {
      if (!tabReady || !tab) throw notRun('temp_tab');
      return madeUpSpreadsheet(spreadsheet, tab);
    };

    run('read_tabs', '', () => {
      const { issues } = checkWorkbook(readSpreadsheet(madeUp()));
      const error = issues.find((issue) => issue.severity === 'error');
      if (error) throw new Error(`${error.tab}!${error.cell}: ${error.message}`);
    });

    run('formulas', '', () => {
      if (!tabReady || !tab) throw notRun('temp_tab');
      const cell = tab.getRange(1, spareColumn);
      cell.setFormulas([['=SUM(1,2)']]);
      SpreadsheetApp.flush();
      const formula = cell.getFormulas()[0][0];
      if (formula !== '=SUM(1,2)') throw wrong(language, 'getFormulas()', formula, '=SUM(1,2)');
    });

    let ranges: Ranges | null = null;
    const rangesOnce = (): Ranges => {
      if (!tabReady || !tab) throw notRun('temp_tab');
      if (!ranges) {
        // One read of the tab; each block is the 2-D array Sheets passes for a range argument.
        const values = tab.getRange(1, 1, LAYOUT_HEIGHT, LAYOUT_WIDTH).getValues();
        const block = (name: string) => {
          const placed = BLOCK(name);
          return values
            .slice(0, placed.rows.length)
            .map((row) => row.slice(placed.column - 1, placed.column - 1 + placed.width));
        };
        ranges = { 費用: block('費用'), イベント: block('イベント'), 候補者: block('候補者') };
      }
      return ranges;
    };
    for (const formula of FORMULA_CASES) {
      run('custom_function', formula.name, () => {
        const value = customFunction(formula.name)(...formula.args(rangesOnce()));
        if (value !== formula.expected) throw wrong(language, formula.name, value, formula.expected);
      });
    }
    // JIGYO_TABLE has no range argument: its own code runs on the temporary tab instead of the user's tabs.
    run('custom_function', 'JIGYO_TABLE', () => {
      const table = metricTable(madeUp, [['事業費', '費目=人件費'], [''], ['イベント回数']], YEAR);
      const text = JSON.stringify(table);
      if (text !== '[[1000],[""],[2]]') throw wrong(language, 'JIGYO_TABLE', text, '[[1000],[""],[2]]');
    });

    run('sidebar_file', '', () => {
      const page = HtmlService.createHtmlOutputFromFile('sidebar').getContent();
      if (page.length === 0) throw wrong(language, 'sidebar.html', 0, '> 0');
    });

    run('document', '', () => {
      const result = makeReport(readSpreadsheet(madeUp()), { year: YEAR });
      if (!result.ok) throw new Error(result.issues.find((issue) => issue.severity === 'error')?.message ?? '');
      documentUrl = renderReportToDoc(result.report, SELF_TEST_DOC_NAME).url;
      return selfTestText('document_left', language, { name: SELF_TEST_DOC_NAME });
    });

    runSidebarChecks(
      run,
      () => {
        const doors: SidebarDoors = {
          ...appsScriptDoors(madeUp()),
          // 作成 reuses the test Doc (one Doc per 動作確認) and records nothing: this run's one row comes last.
          writeReport: () => {
            if (documentUrl === null) throw notRun('document');
            return { url: documentUrl, name: SELF_TEST_DOC_NAME };
          },
          logRun: () => undefined,
          progress: undefined,
        };
        return { handlers: sidebarHandlers(doors), documentUrl };
      },
      language,
    );
  } finally {
    const created = tab as Sheet | null;
    run('remove_temp_tab', '', () => {
      if (!created) return;
      try {
        spreadsheet.deleteSheet(created);
      } catch (error) {
        throw new Error(`${selfTestText('tab_left', language, { name: created.getName() })} (${errorText(error)})`);
      }
      selection.activate();
    });
  }

  const count = (ok: boolean) => lines.filter((line) => line.ok === ok).length;
  // The row counts itself as passed: it exists only if writing it worked, so its figures match the dialog's.
  const summary = selfTestText('summary', language, { passed: count(true) + 1, failed: count(false) });
  const loggedUrl = documentUrl as string | null;
  run('run_log', '', () =>
    appendRunLog(spreadsheet, {
      at: runTimestamp(options.now ?? new Date()),
      year: '',
      format: SELF_TEST_FORMAT,
      location: loggedUrl ? `${summary} ${loggedUrl}` : summary,
      warnings: count(false),
      user: runUser(),
    }),
  );
  return { language, lines, passed: count(true), failed: count(false), documentUrl: loggedUrl };
}

/** The sidebar's four server functions, the shared handlers over the made-up tabs, answering as the page needs. */
function runSidebarChecks(
  run: Run,
  open: () => { handlers: ReturnType<typeof sidebarHandlers>; documentUrl: string | null },
  language: Language,
): void {
  const plain = <T>(value: T): T => {
    if (!isPlainJson(value)) throw new Error(selfTestText('not_plain_json', language));
    return value;
  };
  run('sidebar', 'sidebarLoad', () => {
    const state = plain(open().handlers.sidebarLoad(YEAR));
    if (state.errorCount !== 0) throw wrong(language, 'errorCount', state.errorCount, 0);
    for (const figure of state.dashboard?.figures ?? []) {
      const expected = EXPECTED_FIGURES[figure.metric];
      if (figure.value !== expected) throw wrong(language, figure.metric, figure.value, expected);
    }
    const total = state.dashboard?.totalCost;
    if (total !== EXPECTED_TOTAL_COST) throw wrong(language, '事業費', total, EXPECTED_TOTAL_COST);
  });
  run('sidebar', 'sidebarPreview', () => {
    const preview = plain(open().handlers.sidebarPreview(YEAR));
    if (preview.html === null || !preview.html.includes(PROGRAM)) throw wrong(language, 'html', null, PROGRAM);
  });
  run('sidebar', 'sidebarSelectCell', () => {
    const selected = plain(open().handlers.sidebarSelectCell('費用', 'D2'));
    if (selected !== true) throw wrong(language, 'sidebarSelectCell', selected, true);
  });
  run('sidebar', 'sidebarGenerate', () => {
    const { handlers, documentUrl } = open();
    const outcome = plain(handlers.sidebarGenerate(YEAR));
    if (outcome.kind === 'busy') throw new Error(selfTestText('lock_busy', language));
    if (outcome.kind !== 'created' || outcome.url !== documentUrl) {
      throw wrong(language, 'sidebarGenerate', outcome.kind, 'created');
    }
  });
}

// --- Showing the result --------------------------------------------------------------------------------------------

/** One line of the dialog: `合格 名前` or `不合格 名前: エラー`. */
export function formatSelfTestLine(line: SelfTestLine, language: Language): string {
  const verdict = selfTestText(line.ok ? 'pass' : 'fail', language);
  const name = selfTestCheckName(line.check, language, line.subject);
  return line.detail ? `${verdict} ${name}: ${line.detail}` : `${verdict} ${name}`;
}

/** The dialog: the summary, the lines in a box that is easy to copy, and what to send back. Everything escaped. */
export function selfTestDialogHtml(report: SelfTestReport): string {
  const { language } = report;
  const text = report.lines.map((line) => formatSelfTestLine(line, language)).join('\n');
  const summary = selfTestText('summary', language, { passed: report.passed, failed: report.failed });
  const advice = selfTestText(report.failed > 0 ? 'send_back' : 'no_failures', language);
  return [
    '<style>body{font-family:"Noto Sans JP",sans-serif;font-size:13px}',
    'textarea{width:100%;height:340px;font-size:12px;box-sizing:border-box}</style>',
    `<p><strong>${escapeHtml(summary)}</strong></p>`,
    `<textarea readonly>${escapeHtml(text)}</textarea>`,
    `<p>${escapeHtml(advice)}</p>`,
  ].join('');
}

/** メニュー「ヘルプ ▸ 動作確認」. */
export function menuSelfTest(customFunction: CustomFunctionLookup): void {
  const report = runSelfTest(SpreadsheetApp.getActiveSpreadsheet(), customFunction);
  const html = HtmlService.createHtmlOutput(selfTestDialogHtml(report)).setWidth(640).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, selfTestText('title', report.language));
}
