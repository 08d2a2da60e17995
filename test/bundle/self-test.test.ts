// Tests of 動作確認 in the built dist/Code.js: green on the fakes, a planted failure as 不合格 with its text, the ヘルプ
// submenu, and the scopes: what the manifest asks for is exactly what the bundle's code needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELP_MENU } from '../../src/gas/menu';
import { NEEDED_SCOPES, SCRIPT_TIME_ZONE } from '../../src/gas/self-test';
import { fakeSheet, unwrap } from '../fakes';
import { extendFakes, plantFailure } from '../fakes-extra/self-test';
import { BUNDLE_PATH, loadBundle, readBuilt } from '../helpers/bundle';

extendFakes();

const SHEETS = {
  設定: [
    ['項目', '値'],
    ['団体名', 'NPO'],
    ['対象年度', 2022],
  ],
  費用: [
    ['日付', '事業内容', '費目', '金額'],
    ['2022/05/01', 'SENTINEL-費用', '人件費', 1],
  ],
};

/** The lines of the dialog's text box, unescaped. */
function dialogLines(content: string): string[] {
  const box = /<textarea readonly>([\s\S]*)<\/textarea>/.exec(content)?.[1] ?? '';
  return box.split('\n').map((line) =>
    line
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

describe('menuSelfTest in the bundle', () => {
  it('passes every check through the bundle’s own globals, and leaves the tabs as they were', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    bundle.call('menuSelfTest');
    const lines = dialogLines(bundle.env.ui.dialogs[0].content);
    expect(lines).toHaveLength(24);
    expect(lines.filter((line) => !line.startsWith('合格 '))).toEqual([]);
    expect(lines.slice(6, 16)).toEqual([
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
    ]);
    const names = unwrap(bundle.env.spreadsheet)
      .getSheets()
      .map((sheet) => sheet.getName());
    expect(names).toEqual(['設定', '費用', '生成履歴']);
    expect(unwrap(fakeSheet(bundle.env, '生成履歴')).cells.lastRow).toBe(2);
  });

  it('reports DocumentApp.create throwing as 不合格 with the service’s text, and still removes the tab', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    plantFailure(bundle.env.DocumentApp, 'create', 'Service unavailable');
    bundle.call('menuSelfTest');
    const lines = dialogLines(bundle.env.ui.dialogs[0].content);
    expect(lines.filter((line) => line.startsWith('不合格 '))).toEqual([
      '不合格 ドキュメントの作成: Service unavailable',
      '不合格 サイドバー sidebarGenerate: 「ドキュメントの作成」が不合格のため未確認',
    ]);
    expect(bundle.env.ui.dialogs[0].content).toContain('<p><strong>合格 22 件、不合格 2 件</strong></p>');
    expect(bundle.env.spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(['設定', '費用', '生成履歴']);
  });

  it('puts 動作確認 in the ヘルプ submenu of the add-on menu', () => {
    const bundle = loadBundle({ sheets: SHEETS });
    bundle.call('onOpen', { authMode: 'NONE' });
    const [menu] = bundle.env.ui.menus;
    const last = menu.entries[menu.entries.length - 1];
    expect(last).toEqual({
      kind: 'subMenu',
      menu: {
        caption: 'ヘルプ',
        addOn: false,
        entries: [
          { kind: 'item', caption: 'ヘルプを表示', functionName: 'menuShowHelp' },
          { kind: 'item', caption: '動作確認', functionName: 'menuSelfTest' },
        ],
      },
    });
    expect(HELP_MENU.items.map((item) => item.functionName)).toEqual(['menuShowHelp', 'menuSelfTest']);
  });
});

describe('scopes and time zone: the manifest against the code', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'));
  const built = JSON.parse(readBuilt(join(__dirname, '../../dist/appsscript.json')));
  const code = readBuilt(BUNDLE_PATH);

  it('asks for exactly the scopes 動作確認 checks, in the source and in dist', () => {
    const expected = [
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ];
    expect([...NEEDED_SCOPES].sort()).toEqual(expected);
    expect([...manifest.oauthScopes].sort()).toEqual(expected);
    expect([...built.oauthScopes].sort()).toEqual(expected);
  });

  it('sets the script time zone 動作確認 expects', () => {
    expect(SCRIPT_TIME_ZONE).toBe('Asia/Tokyo');
    expect([manifest.timeZone, built.timeZone]).toEqual(['Asia/Tokyo', 'Asia/Tokyo']);
  });

  it('uses only services whose scopes the manifest grants, and needs every scope it asks for', () => {
    // Service → the scope it needs here (null: none). Any other Apps Script service in the bundle fails the test.
    const scopeOf: Record<string, string | null> = {
      SpreadsheetApp: 'spreadsheets.currentonly',
      DocumentApp: 'documents',
      HtmlService: 'script.container.ui',
      LockService: null,
      // The record of a report's figures, in the spreadsheet's own document properties (issue 14).
      PropertiesService: null,
      ScriptApp: null,
      Session: null,
      Utilities: null,
    };
    const services = new Set(
      [...code.matchAll(/\b([A-Z][A-Za-z]*(?:App|Service)|Session|Utilities)\.[a-zA-Z]/g)].map((match) => match[1]),
    );
    expect([...services].sort()).toEqual(Object.keys(scopeOf).sort());
    const needed = new Set([...services].map((service) => scopeOf[service]).filter((scope) => scope !== null));
    // The Ui (menus, dialogs, the sidebar) is reached through SpreadsheetApp.getUi and needs script.container.ui too.
    expect(code).toContain('.getUi()');
    expect([...needed].map((scope) => `https://www.googleapis.com/auth/${scope}`).sort()).toEqual(
      [...manifest.oauthScopes].sort(),
    );
    // Calls that would need more: another spreadsheet by id or URL, a new spreadsheet, the user's e-mail.
    for (const call of ['SpreadsheetApp.openBy', 'SpreadsheetApp.create', 'getActiveUser(', 'getEffectiveUser(']) {
      expect(code).not.toContain(call);
    }
  });
});
