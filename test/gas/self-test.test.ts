// Tests of 動作確認 (ヘルプ ▸ 動作確認) on the fakes: the exact lines when all is well, a planted service failure
// reported as 不合格 with its text, the temporary tab always removed, no user row read, and the 生成履歴 row.
import { CUSTOM_FUNCTION_NAMES } from '../../src/gas/custom-functions';
import {
  type CustomFunctionLookup,
  formatSelfTestLine,
  menuSelfTest,
  runSelfTest,
  SELF_TEST_DOC_NAME,
  selfTestDialogHtml,
} from '../../src/gas/self-test';
import { createFakeEnvironment, type FakeEnvironment, installFakes, sheetValues, unwrap } from '../fakes';
import { extendFakes, grantScopes, plantFailure, recordTouchedRows } from '../fakes-extra/self-test';
// The globals of src/index.ts, as Sheets calls them (in Node, `global` is the global object); loading it does no work.
import '../../src/index';

extendFakes();

const lookup: CustomFunctionLookup = (name) => (globalThis as unknown as Record<string, never>)[name];

const SENTINEL = 'SENTINEL-山田花子';
/** A user's workbook: a data row in every tab holds the sentinel, so any read or leak of a data row shows. */
function userSheets(): Record<string, unknown[][]> {
  return {
    設定: [
      ['項目', '値'],
      ['団体名', SENTINEL],
      ['対象年度', 2022],
    ],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      [SENTINEL, SENTINEL, '特定非営利活動'],
    ],
    候補者: [
      ['候補者ID', '氏名', '初回接点日'],
      ['P1', SENTINEL, '2022/05/01'],
    ],
    費用: [
      ['日付', '事業内容', '費目', '金額', '摘要'],
      ['2022/05/01', SENTINEL, '人件費', 1, SENTINEL],
    ],
    生成履歴: [
      ['日時', '年度', '形式', '文書URL/パス', '警告数', '実行者'],
      ['2026-01-01 09:00', 2022, 'x', SENTINEL, 0, 'y'],
    ],
  };
}

function setUp(): { env: FakeEnvironment; done: () => void } {
  const env = createFakeEnvironment({ sheets: userSheets(), htmlFiles: { sidebar: '<p>sidebar</p>' } });
  const uninstall = installFakes(env);
  return { env, done: uninstall };
}

const NOW = new Date(Date.UTC(2026, 10, 24, 1, 2)); // 2026-11-24 10:02 in Tokyo

const PASSING_JA = [
  '合格 権限: spreadsheets.currentonly, script.container.ui, documents',
  '合格 タイムゾーン: スクリプト Asia/Tokyo、スプレッドシート Asia/Tokyo',
  '合格 ドキュメントのロック',
  '合格 一時タブの作成と書き込み',
  '合格 タブの読み取りと入力チェック',
  '合格 数式の書き込みと読み取り',
  '合格 カスタム関数 PROGRAM_COST',
  '合格 カスタム関数 TOTAL_COST',
  '合格 カスタム関数 EVENT_COUNT',
  '合格 カスタム関数 PARTICIPANTS',
  '合格 カスタム関数 NEW_CONTACTS',
  '合格 カスタム関数 REGISTRATIONS',
  '合格 カスタム関数 PLACEMENTS',
  '合格 カスタム関数 STATUS_CHANGES',
  '合格 カスタム関数 JIGYO_METRIC',
  '合格 カスタム関数 JIGYO_TABLE',
  '合格 サイドバーの画面ファイル',
  '合格 ドキュメントの作成: ドキュメント「jigyo-hokoku 動作確認 (削除してかまいません)」を作りました（架空の数字。削除してかまいません）',
  '合格 サイドバー sidebarLoad',
  '合格 サイドバー sidebarPreview',
  '合格 サイドバー sidebarSelectCell',
  '合格 サイドバー sidebarGenerate',
  '合格 一時タブの削除',
  '合格 生成履歴への記録',
];

const TAB_NAMES = ['設定', '事業', '候補者', '費用', '生成履歴'];

describe('runSelfTest', () => {
  it('passes every check on the fakes, in this order, with one custom-function line per function', () => {
    const { env, done } = setUp();
    try {
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      expect(report.lines.map((line) => formatSelfTestLine(line, 'ja'))).toEqual(PASSING_JA);
      expect(report.lines.filter((l) => l.check === 'custom_function').map((l) => l.subject)).toEqual([
        ...CUSTOM_FUNCTION_NAMES,
      ]);
      expect([report.passed, report.failed]).toEqual([24, 0]);
      expect(report.documentUrl).toBe(env.documents[0].getUrl());
    } finally {
      done();
    }
  });

  it('leaves exactly one test Doc, named so that staff know they may delete it, with the made-up figures', () => {
    const { env, done } = setUp();
    try {
      runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      expect(env.documents).toHaveLength(1);
      expect(env.documents[0].getName()).toBe(SELF_TEST_DOC_NAME);
      const text = env.documents[0].getBody().getText();
      expect(text).toContain('確認事業');
      expect(text).not.toContain(SENTINEL);
    } finally {
      done();
    }
  });

  it('removes the temporary tab, restores the selection and writes no user tab', () => {
    const { env, done } = setUp();
    try {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      spreadsheet.getSheetByName('費用')?.getRange('B2').activate();
      const before = Object.fromEntries(TAB_NAMES.slice(0, 4).map((name) => [name, sheetValues(env, name)]));
      runSelfTest(spreadsheet, lookup, { now: NOW });
      expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(TAB_NAMES);
      for (const name of TAB_NAMES.slice(0, 4)) expect(sheetValues(env, name)).toEqual(before[name]);
      expect(spreadsheet.getActiveSheet().getName()).toBe('費用');
      expect(spreadsheet.getActiveRange()?.getA1Notation()).toBe('B2');
    } finally {
      done();
    }
  });

  it('reads no row of a user tab but the header row (only 生成履歴 is read, for its headers)', () => {
    const { env, done } = setUp();
    const touched = recordTouchedRows(env);
    try {
      runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      const userTabs = [...touched.rows].filter(([name]) => TAB_NAMES.includes(name));
      expect(userTabs).toEqual([['生成履歴', new Set([1])]]);
      // The temporary tab was read (it is gone now, so its reads are listed under its name).
      expect(touched.rows.get('jigyo-hokoku 動作確認 (一時)')?.size).toBeGreaterThan(1);
    } finally {
      touched.stop();
      done();
    }
  });

  it('appends one 生成履歴 row: 形式 動作確認, the counts, the test Doc and the user key', () => {
    const { env, done } = setUp();
    try {
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      const rows = sheetValues(env, '生成履歴');
      expect(rows).toHaveLength(3);
      expect(rows[2]).toEqual([
        '2026-11-24 10:02',
        '',
        '動作確認',
        `合格 24 件、不合格 0 件 ${report.documentUrl}`,
        '0',
        '利用者 fake-tem',
      ]);
    } finally {
      done();
    }
  });

  it('reports a planted DocumentApp failure as 不合格 with its text, and still removes the tab', () => {
    const { env, done } = setUp();
    plantFailure(env.DocumentApp, 'create', 'Service unavailable');
    try {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      const report = runSelfTest(spreadsheet, lookup, { now: NOW });
      const failed = report.lines.filter((line) => !line.ok).map((line) => formatSelfTestLine(line, 'ja'));
      expect(failed).toEqual([
        '不合格 ドキュメントの作成: Service unavailable',
        '不合格 サイドバー sidebarGenerate: 「ドキュメントの作成」が不合格のため未確認',
      ]);
      expect([report.passed, report.failed]).toEqual([22, 2]);
      expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(TAB_NAMES);
      expect(sheetValues(env, '生成履歴')[2].slice(2, 5)).toEqual(['動作確認', '合格 22 件、不合格 2 件', '2']);
    } finally {
      done();
    }
  });

  it('removes the tab even when writing to it fails, and says which checks could not run', () => {
    const { env, done } = setUp();
    plantFailure(env.SpreadsheetApp, 'newDataValidation', 'Service Spreadsheets failed');
    try {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      const report = runSelfTest(spreadsheet, lookup, { now: NOW });
      const lines = report.lines.map((line) => formatSelfTestLine(line, 'ja'));
      expect(lines[3]).toBe('不合格 一時タブの作成と書き込み: Service Spreadsheets failed');
      expect(lines[4]).toBe('不合格 タブの読み取りと入力チェック: 「一時タブの作成と書き込み」が不合格のため未確認');
      expect(lines[6]).toBe('不合格 カスタム関数 PROGRAM_COST: 「一時タブの作成と書き込み」が不合格のため未確認');
      expect(lines[22]).toBe('合格 一時タブの削除');
      expect(spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(TAB_NAMES);
    } finally {
      done();
    }
  });

  it('says so when the temporary tab cannot be removed, naming it for the user to delete', () => {
    const { env, done } = setUp();
    plantFailure(env.spreadsheet, 'deleteSheet', 'Service error: Spreadsheets');
    try {
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      expect(formatSelfTestLine(report.lines[22], 'ja')).toBe(
        '不合格 一時タブの削除: 一時タブ「jigyo-hokoku 動作確認 (一時)」を手で削除してください (Service error: Spreadsheets)',
      );
    } finally {
      done();
    }
  });

  it('names a second temporary tab apart when one is left over from an earlier run', () => {
    const sheets = { ...userSheets(), 'jigyo-hokoku 動作確認 (一時)': [['x']] };
    const env = createFakeEnvironment({ sheets, htmlFiles: { sidebar: '<p>sidebar</p>' } });
    const done = installFakes(env);
    const touched = recordTouchedRows(env);
    try {
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      expect(report.failed).toBe(0);
      expect(touched.rows.has('jigyo-hokoku 動作確認 (一時) 2')).toBe(true);
      expect(touched.rows.has('jigyo-hokoku 動作確認 (一時)')).toBe(false);
      expect(sheetValues(env, 'jigyo-hokoku 動作確認 (一時)')).toEqual([['x']]);
    } finally {
      touched.stop();
      done();
    }
  });

  it('fails the scope check for a scope the user did not grant, naming it', () => {
    const { env, done } = setUp();
    grantScopes(env, [
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    try {
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      expect(formatSelfTestLine(report.lines[0], 'ja')).toBe('不合格 権限: 許可されていない権限: documents');
    } finally {
      done();
    }
  });

  it('fails the time-zone check when the script is not in Asia/Tokyo, and passes a sheet in another zone', () => {
    const { env, done } = setUp();
    env.spreadsheet.setSpreadsheetTimeZone('America/Los_Angeles');
    try {
      const spreadsheet = env.SpreadsheetApp.getActiveSpreadsheet();
      expect(formatSelfTestLine(runSelfTest(spreadsheet, lookup, { now: NOW }).lines[1], 'ja')).toBe(
        '合格 タイムゾーン: スクリプト Asia/Tokyo、スプレッドシート America/Los_Angeles',
      );
      Object.defineProperty(unwrap(env.Session), 'getScriptTimeZone', { value: () => 'Etc/UTC' });
      expect(formatSelfTestLine(runSelfTest(spreadsheet, lookup, { now: NOW }).lines[1], 'ja')).toBe(
        '不合格 タイムゾーン: スクリプトのタイムゾーンが Etc/UTC（Asia/Tokyo のはず。appsscript.json を確認）',
      );
    } finally {
      done();
    }
  });

  it('fails the lock check and sidebarGenerate when someone else holds the document lock', () => {
    const { env, done } = setUp();
    env.locks.holdElsewhere('document');
    try {
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      const busy = '他の人が作業中でロックを取れません。少し待ってからもう一度';
      expect(report.lines.filter((line) => !line.ok).map((line) => formatSelfTestLine(line, 'ja'))).toEqual([
        `不合格 ドキュメントのロック: ${busy}`,
        `不合格 サイドバー sidebarGenerate: ${busy}`,
      ]);
    } finally {
      done();
    }
  });

  it('fails a custom function that answers a wrong figure, with the figure and the right one', () => {
    const { env, done } = setUp();
    try {
      const wrongOne: CustomFunctionLookup = (name) => (name === 'PLACEMENTS' ? () => 2 : lookup(name));
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), wrongOne, { now: NOW });
      expect(report.lines.filter((line) => !line.ok).map((line) => formatSelfTestLine(line, 'ja'))).toEqual([
        '不合格 カスタム関数 PLACEMENTS: PLACEMENTS が 2（正しくは 1）',
      ]);
    } finally {
      done();
    }
  });
});

describe('the 動作確認 dialog', () => {
  it('shows the escaped lines, the counts and what to send back, in a modal dialog from the menu', () => {
    const { env, done } = setUp();
    plantFailure(env.DocumentApp, 'create', 'Service <b>unavailable</b> & down');
    try {
      (globalThis as unknown as { menuSelfTest: () => void }).menuSelfTest();
      expect(env.ui.dialogs).toHaveLength(1);
      const dialog = env.ui.dialogs[0];
      expect([dialog.kind, dialog.title, dialog.width, dialog.height]).toEqual(['modal', '動作確認', 640, 520]);
      expect(dialog.content).toContain('<p><strong>合格 22 件、不合格 2 件</strong></p>');
      expect(dialog.content).toContain(
        '不合格 ドキュメントの作成: Service &lt;b&gt;unavailable&lt;/b&gt; &amp; down\n',
      );
      expect(dialog.content).toContain(
        '<p>不合格があれば、この一覧をコピーして担当者に送ってください（スプレッドシートや個人情報は送らないでください）。</p>',
      );
      expect(dialog.content).not.toContain('<b>');
      expect(dialog.content).not.toContain(SENTINEL);
    } finally {
      done();
    }
  });

  it('speaks English to a user whose locale is English, and says all is well when it is', () => {
    const { env, done } = setUp();
    Object.defineProperty(unwrap(env.Session), 'getActiveUserLocale', { value: () => 'en_US' });
    try {
      const report = runSelfTest(env.SpreadsheetApp.getActiveSpreadsheet(), lookup, { now: NOW });
      expect(report.language).toBe('en');
      const lines = report.lines.map((line) => formatSelfTestLine(line, 'en'));
      expect(lines).toEqual([
        'PASS Permissions (scopes): spreadsheets.currentonly, script.container.ui, documents',
        'PASS Time zones: script Asia/Tokyo, spreadsheet Asia/Tokyo',
        'PASS Document lock',
        'PASS Temporary tab: create and write',
        'PASS Reading tabs and checking input',
        'PASS Writing and reading formulas',
        ...CUSTOM_FUNCTION_NAMES.map((name) => `PASS Custom function ${name}`),
        'PASS Sidebar page file',
        'PASS Creating a Google Doc: Created the Doc "jigyo-hokoku 動作確認 (削除してかまいません)" (made-up figures; you may delete it)',
        'PASS Sidebar sidebarLoad',
        'PASS Sidebar sidebarPreview',
        'PASS Sidebar sidebarSelectCell',
        'PASS Sidebar sidebarGenerate',
        'PASS Removing the temporary tab',
        'PASS Recording in 生成履歴',
      ]);
      const html = selfTestDialogHtml(report);
      expect(html).toContain('<p><strong>24 passed, 0 failed</strong></p>');
      expect(html).toContain('<p>All checks passed.</p>');
    } finally {
      done();
    }
  });

  it('menuSelfTest runs on the active spreadsheet', () => {
    const { env, done } = setUp();
    try {
      menuSelfTest(lookup);
      expect(env.ui.dialogs[0].content).toContain('合格 24 件、不合格 0 件');
    } finally {
      done();
    }
  });
});
