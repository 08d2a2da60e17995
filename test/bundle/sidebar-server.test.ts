// The sidebar's server functions in the bundle: plain JSON responses, cell selection, and the generate outcomes.
import { loadBundle, readBuilt, SIDEBAR_PATH } from '../helpers/bundle';
import { sampleSheets } from '../helpers/sample';

/** What google.script.run can carry: the value survives a JSON round trip unchanged. */
function expectPlainJson(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  expect(JSON.stringify(value)).not.toMatch(/"\d{4}-\d{2}-\d{2}T/);
}

describe('sidebar server functions', () => {
  it('sidebarLoad answers with the dashboard as plain JSON, reading each tab once', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    const state = bundle.call('sidebarLoad') as {
      year: number;
      dashboard: { figures: { metric: string; value: number }[] };
    };
    expectPlainJson(state);
    expect(state.year).toBe(2022);
    expect(state.dashboard.figures.find((f) => f.metric === '新規接点数')?.value).toBe(137);
    expect(bundle.env.calls.count('Range.getValues')).toBe(8); // the sample's 8 tabs, 求人 included
  });

  it('sidebarPreview answers with escaped report markup', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    const preview = bundle.call('sidebarPreview', 2022) as { html: string };
    expectPlainJson(preview);
    expect(preview.html).toContain('<td class="right">6,408</td>');
  });

  it('sidebarSelectCell activates the cell and refuses malformed input', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    expect(bundle.call('sidebarSelectCell', '費用', 'E7')).toBe(true);
    expect(bundle.env.spreadsheet.getActiveSheet().getName()).toBe('費用');
    expect(bundle.env.spreadsheet.getActiveRange()?.getA1Notation()).toBe('E7');
    expect(bundle.call('sidebarSelectCell', 'ないタブ', 'A1')).toBe(false);
    expect(bundle.call('sidebarSelectCell', '費用', 'E7:F9')).toBe(false);
  });

  it('sidebarGenerate reports created, busy and invalid as plain JSON', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    const created = bundle.call('sidebarGenerate', 2022) as { kind: string; url: string };
    expectPlainJson(created);
    expect(created.kind).toBe('created');
    expect(created.url).toBe(bundle.env.documents[0].getUrl());
    bundle.env.locks.holdElsewhere('document');
    expect(bundle.call('sidebarGenerate', 2022)).toEqual({ kind: 'busy' });
    const sheets = sampleSheets();
    sheets.費用[2][sheets.費用[0].indexOf('金額')] = '約5万';
    const invalid = loadBundle({ sheets }).call('sidebarGenerate') as { kind: string; issues: { cell: string }[] };
    expectPlainJson(invalid);
    expect(invalid.kind).toBe('invalid');
    expect(invalid.issues.map((i) => i.cell)).toContain('E3');
  });

  it('opens the sidebar with its title and viewport set on the HtmlOutput, where HtmlService reads them', () => {
    const bundle = loadBundle({ sheets: sampleSheets() });
    bundle.call('menuOpenSidebar');
    const english = sampleSheets();
    english.設定 = english.設定.map((row) => (row[0] === '報告書言語' ? ['報告書言語', 'en'] : row));
    const other = loadBundle({ sheets: english });
    other.call('menuOpenSidebar');
    const viewport = [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }];
    expect(
      [bundle.env.ui.dialogs, other.env.ui.dialogs].map((shown) => shown.map((d) => [d.kind, d.title, d.metaTags])),
    ).toEqual([[['sidebar', '事業報告書', viewport]], [['sidebar', 'Annual report', viewport]]]);
    // The page itself carries no <title> or viewport <meta>: HtmlService would ignore them.
    const page = readBuilt(SIDEBAR_PATH);
    expect(page).not.toMatch(/<title>|name="viewport"/);
  });
});
