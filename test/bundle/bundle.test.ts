// Tests of the built dist/Code.js as Apps Script sees it: top-level declarations, JSDoc, size, and real calls in a vm.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOM_FUNCTION_NAMES } from '../../src/gas/custom-functions';
import { HELP_MENU, MENU_ITEMS } from '../../src/gas/menu';
import { BUNDLE_PATH, type LoadedBundle, loadBundle, readBuilt } from '../helpers/bundle';

/** Calls a custom function as Sheets does: in custom-function mode, where Session, the Ui and any write throw. */
const formula = (bundle: LoadedBundle, name: string, ...args: unknown[]): unknown =>
  bundle.env.asCustomFunction(() => bundle.call(name, ...args));

const code = readBuilt(BUNDLE_PATH);

const COSTS_ANY_ORDER = [
  ['摘要', '金額', '費目', '日付', '事業内容'],
  ['交通費', '12,000円', '人件費', '2022/4/5', '育成事業'],
  ['会場費', 30000, 'その他経費', new Date(2022, 8, 1), '育成事業'],
  ['講師', '５０千円', '人件費', '令和5年3月31日', '啓発事業'],
  ['翌年度', 99999, '人件費', '2023/4/1', '育成事業'],
];
const SHEETS = {
  設定: [
    ['項目', '値'],
    ['団体名', 'テスト'],
    ['対象年度', 2022],
  ],
  事業: [
    ['事業内容', '定款の事業名', '区分'],
    ['育成事業', '統合事業', '特定非営利活動'],
    ['啓発事業', '啓発', '特定非営利活動'],
  ],
  費用: COSTS_ANY_ORDER,
};

describe('dist/Code.js', () => {
  it('declares onOpen, onInstall and every custom function at top level, each formula under its @customfunction JSDoc', () => {
    expect(code).toMatch(/^function onOpen\(/m);
    expect(code).toMatch(/^function onInstall\(/m);
    for (const name of CUSTOM_FUNCTION_NAMES) {
      const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(`).exec(code);
      expect(match).not.toBeNull();
      expect(match?.[1]).toContain('@customfunction');
    }
    expect(code).toMatch(/^var global = this;/);
  });

  it('keeps JSDoc only on the custom functions: a menu, trigger or sidebar stub carries none (bytes Sheets never reads)', () => {
    const banner = code.slice(0, code.indexOf('"use strict"'));
    // Every stub with what ends right before it: a doc comment (*/), the stub before it (}), or `var global = this;`.
    const stubs = [...banner.matchAll(/(\*\/|\}|this;)\nfunction (\w+)\(/g)].map((match) => ({
      name: match[2],
      documented: match[1] === '*/',
    }));
    expect(stubs).toHaveLength(banner.match(/^function /gm)?.length ?? -1);
    expect(stubs.map((stub) => stub.name)).toEqual(
      expect.arrayContaining(['onOpen', 'menuPrepareSheets', 'sidebarLoad']),
    );
    const custom = new Set<string>(CUSTOM_FUNCTION_NAMES);
    for (const stub of stubs) expect(stub).toEqual({ name: stub.name, documented: custom.has(stub.name) });
    // One doc comment per custom function, each ending in @customfunction; no menu caption reaches the banner.
    expect(banner.match(/\/\*\*/g)).toHaveLength(CUSTOM_FUNCTION_NAMES.length);
    expect(banner.match(/ \* @customfunction\n \*\/\n/g)).toHaveLength(CUSTOM_FUNCTION_NAMES.length);
    expect(banner).not.toContain('メニュー「');
  });

  // Its size budget is asserted once, in budgets.test.ts.
  it('has no top-level import or export', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares exactly the globals src/index.ts lists and does no work while loading', () => {
    const { env, context } = loadBundle({ sheets: SHEETS });
    expect(env.calls.total()).toBe(0);
    const declared = Object.keys(context).filter((key) => typeof context[key] === 'function');
    const menuFunctions = [...MENU_ITEMS, ...HELP_MENU.items].map((item) => item.functionName);
    const sidebar = [
      'sidebarLoad',
      'sidebarPreview',
      'sidebarGenerate',
      'sidebarSelectCell',
      'sidebarUpdate',
      'sidebarFormCheck',
      'sidebarFormCreate',
    ];
    expect(declared.sort()).toEqual(
      ['onOpen', 'onInstall', ...CUSTOM_FUNCTION_NAMES, ...menuFunctions, ...sidebar].sort(),
    );
  });

  it('calls nothing that needs a scope beyond the three in the manifest', () => {
    // getActiveUser/getEffectiveUser need userinfo.email; the others need Drive, network or other documents.
    for (const call of ['getActiveUser(', 'getEffectiveUser(', 'UrlFetchApp', 'DriveApp', 'GmailApp']) {
      expect(code).not.toContain(call);
    }
    // No openById at all: 報告書の数字を更新 reaches the report Doc through the Docs API (the documents scope).
    expect([...code.matchAll(/(\w+)\.openById\(/g)].map((match) => match[1])).toEqual([]);
  });

  it('reaches no Node global', () => {
    for (const name of ['require(', 'process.', 'module.exports', '__dirname']) expect(code).not.toContain(name);
  });

  it('builds the add-on menu from onOpen and onInstall', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    bundle.call('onOpen', { authMode: 'NONE' });
    bundle.call('onInstall', { authMode: 'FULL' });
    const items = MENU_ITEMS.map((item) => ({ kind: 'item', caption: item.caption, functionName: item.functionName }));
    for (const menu of bundle.env.ui.menus) {
      expect(menu.addOn).toBe(true);
      expect(menu.entries.filter((entry) => entry.kind === 'item')).toEqual(items);
    }
    expect(bundle.env.ui.menus).toHaveLength(2);
    // onOpen may run without authorization: nothing but the Ui.
    expect(
      Object.keys(bundle.env.calls.snapshot()).every((key) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(key)),
    ).toBe(true);
  });

  it('computes PROGRAM_COST from a 費用 tab with headers in any order, reading each needed tab once', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    expect(formula(bundle, 'PROGRAM_COST', '育成事業')).toBe(42000);
    expect(bundle.env.calls.count('Range.getValues')).toBe(3); // 設定, 事業, 費用
    expect(formula(bundle, 'PROGRAM_COST', '啓発事業', 2022, '人件費')).toBe(50000);
    expect(formula(bundle, 'PROGRAM_COST', '育成事業', 2023)).toBe(99999);
  });

  it('answers an unknown 事業内容 with a clear error, never a number', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    expect(() => formula(bundle, 'PROGRAM_COST', '育成')).toThrow(
      '事業内容「育成」は事業タブにありません（育成事業、啓発事業）',
    );
  });
});

describe('the bundle harness', () => {
  it('refuses a missing built file with a message saying how to make it, instead of testing without it', () => {
    expect(() => readBuilt(join(__dirname, '../../dist/no-such-sidebar.html'))).toThrow(
      'dist/no-such-sidebar.html is missing: run `npm run build` first',
    );
  });
});

describe('clasp', () => {
  it('pushes exactly dist/Code.js, dist/sidebar.html and dist/appsscript.json', () => {
    const clasp = join(__dirname, '../../node_modules/.bin/clasp');
    const output = execFileSync(clasp, ['show-file-status', '--json'], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
    });
    const status = JSON.parse(output.slice(output.indexOf('{')));
    expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/appsscript.json', 'dist/sidebar.html']);
  });

  it('has the manifest the add-on needs', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../dist/appsscript.json'), 'utf8'));
    expect(manifest).toEqual({
      timeZone: 'Asia/Tokyo',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
      // 報告書の数字を更新 reads and rewrites the report through the Docs API (one get, one batchUpdate).
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }] },
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/documents',
      ],
    });
  });
});
