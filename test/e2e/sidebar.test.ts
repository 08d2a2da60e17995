// This file tests the sidebar in headless Chromium against the local development server (scripts/sidebar-server.ts):
// figures, issue links, generate, escaping, error states and the 300 px width. Screenshots go to test-output/sidebar/.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { formatCsv, SAMPLE_DIR } from '../../scripts/make-sample';
import { assertPlainJson, type SidebarServer, startSidebarServer } from '../../scripts/sidebar-server';
import { periodFromSettings } from '../../src/core/fiscal-year';
import { columnLetters } from '../../src/core/issues';
import { type Filters, findMetric } from '../../src/core/metrics';
import { checkWorkbook, makeReport } from '../../src/core/pipeline';
import type { Workbook } from '../../src/core/records';
import * as sidebarApi from '../../src/core/sidebar-api';
import { parseCsv } from '../../src/node/read-csv';
import { readWorkbookFile } from '../../src/node/read-workbook-file';
import { foodBankTabs } from '../fixtures/food-bank';

const ROOT = join(__dirname, '../..');
const PAGE = join(ROOT, 'dist/sidebar.html');
const SCREENSHOTS = join(ROOT, 'test-output/sidebar');
const CHROMIUM = '/usr/bin/chromium';
const WIDTH = 300;
const XSS = '<img src=x onerror=window.__xss=1>';

jest.setTimeout(60_000);

// ---------------------------------------------------------------------------------------------------------------
// Workbooks: the sample, and temporary copies of it with planted cells

type Tabs = Map<string, string[][]>;

let scratch = '';

/** A copy of the sample's CSV folder after `edit`, in a temporary folder removed after the suite. */
function copySample(edit: (tabs: Tabs) => void): string {
  const tabs: Tabs = new Map(
    readdirSync(SAMPLE_DIR)
      .filter((file) => file.endsWith('.csv'))
      .map((file) => [file.slice(0, -4), parseCsv(readFileSync(join(SAMPLE_DIR, file), 'utf8'))]),
  );
  edit(tabs);
  const dir = mkdtempSync(join(scratch, 'workbook-'));
  for (const [name, rows] of tabs) writeFileSync(join(dir, `${name}.csv`), formatCsv(rows), 'utf8');
  return dir;
}

function tab(tabs: Tabs, name: string): string[][] {
  const rows = tabs.get(name);
  if (!rows) throw new Error(`the sample has no ${name}.csv`);
  return rows;
}

/** Appends a row given by header → value (other columns blank). */
function appendRow(tabs: Tabs, name: string, values: Record<string, string>): void {
  const rows = tab(tabs, name);
  rows.push(rows[0].map((header) => values[header] ?? ''));
}

async function checkedWorkbook(path: string) {
  const file = await readWorkbookFile(path);
  return checkWorkbook(file.raw, { references: file.references });
}

function metricValue(workbook: Workbook, id: string, year: number, filters: Filters = {}): number {
  const metric = findMetric(id);
  if (!metric) throw new Error(`no metric ${id}`);
  return metric.compute({ workbook, period: periodFromSettings(workbook.settings, year) }, filters);
}

const grouped = (value: number) => value.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------------------------
// Page helpers

/** Saves a screenshot for a person to look at, then checks that nothing is wider than the sidebar. */
async function expectFits(page: Page, state: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${state}.png`), fullPage: true });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(`${state}: ${scrollWidth <= WIDTH ? 'fits' : `${scrollWidth}px wide`}`).toBe(`${state}: fits`);
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((text) => text.trim());
}

/** Polls a condition on the Node side (the server's call record). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 20) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const callsSince = (server: SidebarServer, from: number) =>
  server.calls.slice(from).map((call) => [call.name, ...call.args]);

/** Holds every request to one server function until released, so the state in between can be looked at. */
async function holdCalls(page: Page, name: string): Promise<() => void> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**/api/${name}*`, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Answers one server function with `body` (as a server that is busy or broken would) without reaching the server. */
async function answerCalls(page: Page, name: string, status: number, body: unknown): Promise<void> {
  await page.route(`**/api/${name}*`, (route) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Checks that need no browser

describe('sidebar page (built)', () => {
  it('is one small self-contained file: no external script, style, font or image', () => {
    const html = readFileSync(PAGE, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(25 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toContain('<!-- SCRIPT -->');
    expect(html).not.toContain('<!-- STYLE -->');
    // Only types come from src/: no server or core code may reach the browser bundle.
    expect(html).not.toMatch(/SpreadsheetApp|HtmlService|escapeHtml|findMetric|checkWorkbook/);
  });

  it('assigns innerHTML exactly once, with the preview from the core renderer', () => {
    const sources = readdirSync(join(ROOT, 'sidebar'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(ROOT, 'sidebar', file), 'utf8'))
      .join('\n');
    expect(sources.match(/\.(?:innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write/g)).toEqual(['.innerHTML']);
    expect(sources).toContain('report.innerHTML = preview.html;');
  });

  it('the development server refuses a response that is not plain JSON', () => {
    expect(() => assertPlainJson({ dashboard: { at: new Date(2022, 3, 1) } })).toThrow(
      'response.dashboard.at is a Date',
    );
    expect(() => assertPlainJson({ figures: [{ value: 137 }], year: null })).not.toThrow();
  });
});

describe('the development server', () => {
  it('answers every call through sidebarHandlers, the one module Apps Script also runs', async () => {
    const spy = jest.spyOn(sidebarApi, 'sidebarHandlers');
    const out = mkdtempSync(join(tmpdir(), 'sidebar-doors-'));
    const server = await startSidebarServer({ port: 0, outDir: out });
    const post = async (name: string, args: unknown[]) =>
      (await fetch(`${server.url}api/${name}`, { method: 'POST', body: JSON.stringify(args) })).json();
    try {
      const state = (await post('sidebarLoad', [2022])) as sidebarApi.SidebarState;
      const figure = (metric: string) => state.dashboard?.figures.find((f) => f.metric === metric)?.value;
      // The reference report's figures; 就職者数 is 7 (職業紹介) + 1 (自己応募) + 3 (その他).
      expect([figure('新規接点数'), figure('登録者数'), figure('就職者数'), figure('在留資格変更数')]).toEqual([
        137, 84, 11, 2,
      ]);
      expect(state.dashboard?.totalCost).toBe(22_393_000);
      expect(await post('sidebarSelectCell', ['費用', 'E7'])).toBe(true);
      expect(await post('sidebarSelectCell', ['費用', 'E7:F9'])).toBe(false);
      expect(await post('sidebarSelectCell', ['ないタブ', 'A1'])).toBe(false);
      const created = (await post('sidebarGenerate', [2022])) as { kind: string; name: string; warnings: number };
      expect(created).toEqual({
        kind: 'created',
        name: '事業報告書_2022年度.html',
        url: `${server.url}out/${encodeURIComponent('事業報告書_2022年度.html')}`,
        warnings: 1,
      });
      expect(readdirSync(out)).toEqual(['事業報告書_2022年度.html']);
      // One set of handlers per call, made by the core's sidebarHandlers over the file's doors.
      expect(spy).toHaveBeenCalledTimes(5);
    } finally {
      spy.mockRestore();
      await server.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The browser suite: one Chromium for all tests, one server per workbook

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI === 'true') {
    it('needs Chromium at /usr/bin/chromium in CI (apt-get install chromium)', () => {
      throw new Error(`${CHROMIUM} is missing: the sidebar's browser tests cannot run`);
    });
  } else {
    console.warn(
      `\n*** ${CHROMIUM} is missing: the sidebar's browser tests are SKIPPED. Install Debian's chromium to run them. ***\n`,
    );
  }
}
const describeInBrowser = haveChromium ? describe : describe.skip;

describeInBrowser('sidebar in Chromium at 300 px', () => {
  let browser: Browser;
  let sample: SidebarServer;
  let sampleOut: string;
  const servers: SidebarServer[] = [];
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  async function serve(options: Parameters<typeof startSidebarServer>[0]): Promise<SidebarServer> {
    const server = await startSidebarServer({ port: 0, outDir: mkdtempSync(join(scratch, 'out-')), ...options });
    servers.push(server);
    return server;
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    pages.push(page);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function open(server: SidebarServer, query = ''): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.url}${query}`);
    return page;
  }

  async function openLoaded(server: SidebarServer, query = ''): Promise<Page> {
    const page = await open(server, query);
    await page.locator('#dashboard .figure').first().waitFor();
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'sidebar-e2e-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    sampleOut = mkdtempSync(join(scratch, 'out-'));
    sample = await serve({ workbook: SAMPLE_DIR, outDir: sampleOut });
  });

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
    // An exception in the sidebar's script fails the test that caused it.
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await browser?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("shows the sample's figures from the metrics registry, with one bar per 事業, after one server call", async () => {
    const { workbook } = await checkedWorkbook(SAMPLE_DIR);
    const from = sample.calls.length;
    const page = await openLoaded(sample);
    await page.waitForLoadState('networkidle');
    expect(callsSince(sample, from)).toEqual([['sidebarLoad']]);

    const figure = (metric: string) => page.locator(`.figure[data-metric="${metric}"] .value`).textContent();
    for (const metric of [
      '新規接点数',
      '登録者数',
      '就職者数',
      '在留資格変更数',
      'イベント回数',
      '参加者数',
      '参加者実人数',
    ]) {
      expect([metric, await figure(metric)]).toEqual([metric, grouped(metricValue(workbook, metric, 2022))]);
    }
    // The reference report's figures, and 就職者数 as the sum of its routes.
    expect([await figure('新規接点数'), await figure('登録者数'), await figure('就職者数')]).toEqual([
      '137',
      '84',
      '11',
    ]);
    const byRoute = ['職業紹介', '自己応募', 'その他'].map((route) =>
      metricValue(workbook, '就職者数', 2022, { 就職経路: [route] }),
    );
    expect(byRoute).toEqual([7, 1, 3]);
    expect(await figure('就職者数')).toBe(String(byRoute[0] + byRoute[1] + byRoute[2]));

    // The reference report's 事業費 per 事業, in yen (scripts/make-sample.ts PROGRAM_BUDGETS).
    const programs = ['職業紹介事業', '育成事業', '啓発事業', 'ファンドレイジング'];
    const costs = [6_408_300, 9_966_300, 5_218_300, 800_100];
    expect(await texts(page, '.cost-name')).toEqual(programs);
    expect(await texts(page, '.cost .cost-yen')).toEqual(costs.map((yen) => `${grouped(yen)}円`));
    expect(await page.locator('.chart .bar').count()).toBe(programs.length);
    const widths = await page.$$eval('.chart .bar-fill', (bars) =>
      bars.map((bar) => Number.parseFloat((bar as HTMLElement).style.width)),
    );
    const largest = Math.max(...costs);
    expect(widths).toEqual(costs.map((yen) => Number(((yen / largest) * 100).toFixed(1))));
    expect(widths).toEqual([64.3, 100, 52.4, 8]);
    expect(widths.filter((width) => width === 100)).toHaveLength(1);
    expect(await page.locator('.total .cost-yen').textContent()).toBe(
      `${grouped(metricValue(workbook, '事業費', 2022))}円`,
    );
    expect(await page.locator('.total .cost-yen').textContent()).toBe('22,393,000円');

    expect(await page.locator('#org').textContent()).toBe(workbook.settings.orgName);
    expect(await page.locator('#year').inputValue()).toBe('2022');
    expect(await texts(page, '#year option')).toEqual(['2023年度', '2022年度', '2021年度']);
    await expectFits(page, '1-dashboard');

    // Another year: one more call, with the year, and that year's figures.
    await page.locator('#year').selectOption('2021');
    const contacts2021 = grouped(metricValue(workbook, '新規接点数', 2021));
    await page.waitForFunction(
      (expected) => document.querySelector('.figure[data-metric="新規接点数"] .value')?.textContent === expected,
      contacts2021,
    );
    expect(callsSince(sample, from)).toEqual([['sidebarLoad'], ['sidebarLoad', 2021]]);
    expect(contacts2021).not.toBe('137');
  });

  it('shows no figure of a tab the workbook lacks: a food bank without 候補者 and イベント sees only its costs', async () => {
    const dir = mkdtempSync(join(scratch, 'food-bank-'));
    for (const [name, rows] of Object.entries(foodBankTabs())) {
      writeFileSync(join(dir, `${name}.csv`), formatCsv(rows.map((row) => row.map(String))), 'utf8');
    }
    const page = await open(await serve({ workbook: dir }));
    await page.locator('#dashboard .cost').first().waitFor();
    expect(await page.locator('#dashboard .figure').count()).toBe(0);
    expect(await page.locator('#dashboard dl').count()).toBe(0);
    expect(await texts(page, '.cost-name')).toEqual(['食品配付事業']);
    expect(await texts(page, '.cost .cost-yen')).toEqual(['450,500円']);
    expect(await page.locator('.total .cost-yen').textContent()).toBe('450,500円');
    await expectFits(page, 'food-bank-dashboard');
  });

  it("lists the issues; clicking one selects that issue's tab and cell", async () => {
    const amountRow = 6;
    let amountColumn = -1;
    const workbookPath = copySample((tabs) => {
      const costs = tab(tabs, '費用');
      amountColumn = costs[0].indexOf('金額');
      costs[amountRow - 1][amountColumn] = '十二万円くらい';
    });
    const { issues } = await checkedWorkbook(workbookPath);
    const errors = issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.code, issue.tab, issue.cell])).toEqual([
      ['invalid_number', '費用', `${columnLetters(amountColumn)}${amountRow}`],
    ]);
    const faulty = await serve({ workbook: workbookPath });
    const page = await openLoaded(faulty);

    const badge = (severity: string) => (severity === 'error' ? 'エラー' : '警告');
    expect(await page.locator('#issues .summary').textContent()).toBe(
      `エラー ${errors.length}件・警告 ${issues.length - errors.length}件`,
    );
    expect(await texts(page, '#issues .issue-where')).toEqual(
      issues.map((issue) => `${badge(issue.severity)}${issue.tab}!${issue.cell}`),
    );
    expect(await texts(page, '#issues .issue-message')).toEqual(issues.map((issue) => issue.message));
    expect(await page.locator('#generate-note').textContent()).toContain(`エラーが ${errors.length}件あります`);
    await expectFits(page, '2-issues');

    const errorIndex = issues.indexOf(errors[0]);
    await page.locator('#issues button.issue').nth(errorIndex).click();
    await until(() => faulty.calls.length === 2, 'sidebarSelectCell');
    expect(faulty.calls[1]).toEqual({ name: 'sidebarSelectCell', args: [errors[0].tab, errors[0].cell] });
    expect(faulty.calls[1].args).toEqual(['費用', 'E6']);
    expect(await page.locator('#alert').isHidden()).toBe(true);

    // The preview and generate list the blocking issues as links too; nothing is written.
    await page.locator('#preview summary').click();
    await page.locator('#preview-body .message.error').waitFor();
    expect(await page.locator('#preview-body .message.error p').first().textContent()).toBe(
      '入力にエラーがあるためプレビューできません。',
    );
    // Only what blocks: the warnings stay in the main list.
    expect(await texts(page, '#preview-body .issue-message')).toEqual(errors.map((issue) => issue.message));
    await expectFits(page, '3-preview-blocked');

    await page.locator('#generate').click();
    await page.locator('#generate-result .message.error').waitFor();
    expect(await page.locator('#generate-result .message.error p').first().textContent()).toBe(
      '入力にエラーがあるため作成できません。次のセルを直してください。',
    );
    expect(await texts(page, '#generate-result .issue-message')).toEqual(errors.map((issue) => issue.message));
    await page.locator('#generate-result button.issue').first().click();
    await until(() => faulty.calls.length === 5, 'the second sidebarSelectCell');
    expect(callsSince(faulty, 0)).toEqual([
      ['sidebarLoad'],
      ['sidebarSelectCell', '費用', 'E6'],
      ['sidebarPreview', 2022],
      ['sidebarGenerate', 2022],
      ['sidebarSelectCell', '費用', 'E6'],
    ]);
    await expectFits(page, '4-generate-invalid');

    // A tab renamed since the list was made: Apps Script answers false, the sidebar says so.
    await answerCalls(page, 'sidebarSelectCell', 200, false);
    await page.locator('#issues button.issue').nth(errorIndex).click();
    await page.locator('#alert').waitFor();
    expect(await page.locator('#alert').textContent()).toContain('費用!E6 が見つかりません');
  });

  it("shows the core's report as the preview, built only when opened", async () => {
    const file = await readWorkbookFile(SAMPLE_DIR);
    const result = makeReport(file.raw, { references: file.references });
    if (!result.ok) throw new Error('the sample must make a report');
    const from = sample.calls.length;
    const page = await openLoaded(sample);
    await page.waitForLoadState('networkidle');
    expect(callsSince(sample, from)).toEqual([['sidebarLoad']]);

    await page.locator('#preview summary').click();
    await page.locator('#preview-body .report h1').waitFor();
    const headings = result.report.blocks.flatMap((block) =>
      block.kind === 'title' || block.kind === 'heading' ? [block.text] : [],
    );
    expect(await texts(page, '.report h1, .report h2, .report h3, .report h4')).toEqual(headings);
    expect(headings[0]).toBe('2022年度 事業報告書');
    const tables = result.report.blocks.filter((block) => block.kind === 'table');
    expect(await page.locator('.report table').count()).toBe(tables.length);
    expect(await page.locator('.report table').first().locator('tbody tr').count()).toBe(
      tables[0].kind === 'table' ? tables[0].rows.length : -1,
    );
    await expectFits(page, '5-preview');

    // Closing and opening again reuses it; only new data (refresh) rebuilds it.
    await page.locator('#preview summary').click();
    await page.locator('#preview summary').click();
    await page.locator('#refresh').click();
    await until(() => sample.calls.length === from + 4, 'refresh and the rebuilt preview');
    expect(callsSince(sample, from)).toEqual([
      ['sidebarLoad'],
      ['sidebarPreview', 2022],
      ['sidebarLoad', 2022],
      ['sidebarPreview', 2022],
    ]);
  });

  it('generate shows its progress, then the link to a new report each time', async () => {
    const page = await openLoaded(sample);
    const release = await holdCalls(page, 'sidebarGenerate');
    await page.locator('#generate').click();
    await page.locator('#generate-result .progress').waitFor();
    expect(await page.locator('#generate').textContent()).toBe('作成中…');
    expect(await page.locator('#generate').isDisabled()).toBe(true);
    expect(await page.locator('#generate-result').textContent()).toContain('Google ドキュメントを作成しています');
    await expectFits(page, '6-generating');

    release();
    const link = page.locator('#generate-result a');
    await link.waitFor();
    expect(await page.locator('#generate-result .message.success p').first().textContent()).toBe('作成しました。');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener');
    expect(await link.textContent()).toBe('事業報告書_2022年度.html');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe(`${sample.url}out/${encodeURIComponent('事業報告書_2022年度.html')}`);
    const served = await fetch(href);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('<h1>2022年度 事業報告書</h1>');
    // The sample's one warning (a refund) travels with the report.
    expect(await page.locator('#generate-result .detail').textContent()).toBe(
      '警告が 1件あります。内容を確認してください。',
    );
    expect(await page.locator('#generate').textContent()).toBe('事業報告書を作成');
    expect(await page.locator('#generate').isEnabled()).toBe(true);
    await expectFits(page, '7-generated');

    await page.unroute('**/api/sidebarGenerate*');
    await page.locator('#generate').click();
    await page.waitForFunction(() => document.querySelector('#generate-result a')?.textContent?.endsWith('_2.html'));
    expect(readdirSync(sampleOut).sort()).toEqual(['事業報告書_2022年度.html', '事業報告書_2022年度_2.html']);

    await answerCalls(page, 'sidebarGenerate', 200, { kind: 'busy' });
    await page.locator('#generate').click();
    await page.locator('#generate-result .message.warning').waitFor();
    expect(await page.locator('#generate-result').textContent()).toBe(
      'ほかの人が報告書を作成中です。少し待ってから、もう一度お試しください。',
    );
    await expectFits(page, '8-generate-busy');
  });

  it("clears one year's 「作成しました」 when another year is chosen, and keeps it on refresh", async () => {
    const page = await openLoaded(sample);
    await page.locator('#generate').click();
    await page.locator('#generate-result .message.success').waitFor();
    expect(await page.locator('#generate-result a').textContent()).toMatch(/^事業報告書_2022年度(_\d+)?\.html$/);

    // Refreshing the same year keeps the link: it is still that year's report.
    const from = sample.calls.length;
    await page.locator('#refresh').click();
    await until(() => sample.calls.length === from + 1, 'the refresh');
    await page.waitForFunction(() => !(document.querySelector('#year') as HTMLSelectElement).disabled);
    expect(await page.locator('#generate-result .message.success p').first().textContent()).toBe('作成しました。');

    await page.locator('#year').selectOption('2021');
    await page.waitForFunction(() => document.querySelector('#generate-result')?.childNodes.length === 0);
    expect(await page.locator('#generate-result').textContent()).toBe('');
    expect(await page.locator('#generate-result a').count()).toBe(0);
    expect(callsSince(sample, from)).toEqual([
      ['sidebarLoad', 2022],
      ['sidebarLoad', 2021],
    ]);
  });

  it('offers the 職業紹介事業報告書 beside the 事業報告書: its own button, the year on screen, its own file', async () => {
    const page = await openLoaded(sample);
    expect(await page.locator('#generate-shokai').textContent()).toBe('職業紹介事業報告書を作成');
    expect(await page.locator('#generate-shokai').isEnabled()).toBe(true);
    const release = await holdCalls(page, 'sidebarGenerate');
    const from = sample.calls.length;
    await page.locator('#generate-shokai').click();
    await page.locator('#generate-result .progress').waitFor();
    // While one report is being made, neither button starts another; the pressed one shows the progress.
    expect(await page.locator('#generate-shokai').textContent()).toBe('作成中…');
    expect(await page.locator('#generate').textContent()).toBe('事業報告書を作成');
    expect(await page.locator('#generate').isDisabled()).toBe(true);
    expect(await page.locator('#generate-shokai').isDisabled()).toBe(true);
    release();
    const link = page.locator('#generate-result a');
    await link.waitFor();
    expect(await link.textContent()).toBe('職業紹介事業報告書_2022年度.html');
    const served = await fetch((await link.getAttribute('href')) ?? '');
    expect(await served.text()).toContain('<h1>2022年度 職業紹介事業報告書</h1>');
    expect(callsSince(sample, from)).toEqual([['sidebarGenerate', 2022, 'shokai']]);
    expect(await page.locator('#generate-shokai').textContent()).toBe('職業紹介事業報告書を作成');
    expect(await page.locator('#generate-shokai').isEnabled()).toBe(true);
    expect(await page.locator('#generate').isEnabled()).toBe(true);
    await expectFits(page, '7b-generated-shokai');
  });

  it('offers 報告書の数字を更新 for the year on screen; the dev server, having no Google Doc, says where to update', async () => {
    const page = await openLoaded(sample);
    expect(await page.locator('#update').textContent()).toBe('報告書の数字を更新');
    const release = await holdCalls(page, 'sidebarUpdate');
    const from = sample.calls.length;
    await page.locator('#update').click();
    await page.locator('#generate-result .progress').waitFor();
    expect(await page.locator('#update').textContent()).toBe('更新中…');
    expect(await page.locator('#generate').isDisabled()).toBe(true);
    expect(await page.locator('#generate-shokai').isDisabled()).toBe(true);
    release();
    const message = page.locator('#generate-result .message.warning p');
    await message.waitFor();
    expect(await message.textContent()).toBe(
      'Google ドキュメントの報告書は Sheets からだけ更新できます（ここでは npm run report -- ブック --update 報告書.docx）。',
    );
    expect(callsSince(sample, from)).toEqual([['sidebarUpdate', 2022]]);
    expect(await page.locator('#update').textContent()).toBe('報告書の数字を更新');
    expect(await page.locator('#update').isEnabled()).toBe(true);
    await expectFits(page, '7c-update-unavailable');
  });

  it('テンプレートから作成: picks a form of 様式 or a URL, lists each placeholder, and shows the new Doc; text stays text', async () => {
    const url = 'https://docs.google.com/document/d/form0000000001/edit';
    const workbookPath = copySample((tabs) => {
      tabs.set('様式', [
        ['名前', '文書URL'],
        ['助成金実績報告', url],
        [XSS, 'https://docs.google.com/document/d/form0000000002/edit'],
      ]);
    });
    const server = await serve({ workbook: workbookPath });
    const page = await openLoaded(server);
    await page.locator('#forms summary').click();
    expect(await texts(page, '#form-pick option')).toEqual(['選んでください', XSS, '助成金実績報告']);
    // Nothing chosen: a note, no server call.
    const from = server.calls.length;
    await page.locator('#form-check').click();
    expect(await page.locator('#form-result .note-error').textContent()).toBe(
      'テンプレートを選ぶか、URL を入力してください。',
    );
    expect(callsSince(server, from)).toEqual([]);
    // The dev server has no Google Doc to read: it says where forms are filled.
    await page.locator('#form-pick').selectOption(url);
    await page.locator('#form-check').click();
    await page.locator('#form-result .message.error p').waitFor();
    expect(await page.locator('#form-result .message.error p').textContent()).toBe(
      'Google ドキュメントのテンプレートは、スプレッドシートのアドオンから使えます（手元では npm run report -- ブック --template 様式.docx）',
    );
    expect(callsSince(server, from)).toEqual([['sidebarFormCheck', url, 2022]]);
    // As Apps Script answers: the check list, then the created Doc.
    await answerCalls(page, 'sidebarFormCheck', 200, {
      kind: 'checked',
      name: XSS,
      url,
      year: 2022,
      ok: false,
      placeholders: [
        {
          severity: 'ok',
          where: '本文 1段落目',
          source: '{{団体名}}',
          line: `本文 1段落目 {{団体名}} → ${XSS}`,
          problems: [],
        },
        { severity: 'error', where: '表1 2行目2列目', source: '{{ない}}', line: null, problems: ['指標がありません'] },
      ],
      formIssues: [],
      workbookErrors: [],
    });
    await page.locator('#form-url').fill(url);
    await page.locator('#form-check').click();
    await page.locator('#form-result .form-lines').waitFor();
    expect(await texts(page, '#form-result .form-line')).toEqual([
      `本文 1段落目 {{団体名}} → ${XSS}`,
      '表1 2行目2列目 {{ない}}指標がありません',
    ]);
    expect(await page.locator('#form-result .message.error p').first().textContent()).toBe(
      'エラーがあるため作成できません。次の箇所を直してください。',
    );
    await expectFits(page, '7d-form-check');
    await answerCalls(page, 'sidebarFormCreate', 200, {
      kind: 'created',
      url: 'https://docs.google.com/document/d/copy/edit',
      name: '助成金実績報告_2022年度 (生成 2023-05-10 09:30)',
      warnings: 0,
    });
    const beforeCreate = server.calls.length;
    await page.locator('#form-create').click();
    await page.locator('#form-result a').waitFor();
    // The state is read again, so a form just used is offered among those used before.
    await until(() => callsSince(server, beforeCreate).some(([name]) => name === 'sidebarLoad'), 'a sidebarLoad');
    expect(await page.locator('#form-result a').getAttribute('href')).toBe(
      'https://docs.google.com/document/d/copy/edit',
    );
    expect(await page.locator('#form-result a').textContent()).toBe('助成金実績報告_2022年度 (生成 2023-05-10 09:30)');
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  it('drops a result that arrives after the year was switched', async () => {
    const page = await openLoaded(sample);
    const release = await holdCalls(page, 'sidebarGenerate');
    await page.locator('#generate').click();
    await page.locator('#generate-result .progress').waitFor();
    await page.locator('#year').selectOption('2021');
    await page.waitForFunction(() => document.querySelector('#generate-result')?.childNodes.length === 0);
    release();
    await page.waitForFunction(() => document.querySelector('#generate')?.textContent === '事業報告書を作成');
    expect(await page.locator('#generate-result').textContent()).toBe('');
  });

  it('shows text from cells as text: a planted <img onerror> runs nothing anywhere', async () => {
    const workbookPath = copySample((tabs) => {
      appendRow(tabs, '本文', { 見出し: '職業紹介事業', 順序: '9', 本文: XSS });
      appendRow(tabs, '事業', {
        事業内容: XSS,
        定款の事業名: XSS,
        区分: '特定非営利活動',
        実施状況: '実施',
        表示順: '5',
      });
      appendRow(tabs, '設定', { 項目: XSS, 値: '1' });
    });
    const { issues } = await checkedWorkbook(workbookPath);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(issues.some((issue) => issue.message.includes(XSS))).toBe(true);
    const planted = await serve({ workbook: workbookPath });
    const page = await openLoaded(planted);

    expect(await texts(page, '.cost-name')).toContain(XSS);
    expect((await texts(page, '#issues .issue-message')).some((message) => message.includes(XSS))).toBe(true);
    await page.locator('#preview summary').click();
    await page.locator('#preview-body .report').waitFor();
    const preview = (await page.locator('#preview-body .report').textContent()) ?? '';
    expect(preview.split(XSS).length - 1).toBeGreaterThanOrEqual(3); // the paragraph, the table's 2 columns
    await page.locator('#generate').click();
    await page.locator('#generate-result a').waitFor();
    await expectFits(page, '9-planted-markup');

    const report = await newPage();
    await report.goto((await page.locator('#generate-result a').getAttribute('href')) ?? '');
    for (const checked of [page, report]) {
      await checked.waitForTimeout(200);
      expect(await checked.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
      expect(await checked.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    }
    expect(await report.locator('body').textContent()).toContain(XSS);
  });

  it('shows a clear error state when a server call fails, and recovers on retry', async () => {
    const failing = await serve({ workbook: SAMPLE_DIR, failures: ['sidebarLoad'] });
    const page = await open(failing);
    await page.locator('#alert').waitFor();
    expect(await page.locator('#alert').getAttribute('role')).toBe('alert');
    expect(await texts(page, '#alert p')).toEqual([
      'シートを読み込めませんでした。',
      'Exception: sidebarLoad が失敗しました（テスト用の失敗）',
    ]);
    expect(await page.locator('#dashboard').textContent()).toBe('');
    expect(await page.locator('#generate').isDisabled()).toBe(true);
    await expectFits(page, '10-load-failed');
    await page.locator('#alert button').click();
    await until(() => failing.calls.length === 2, 'the retried sidebarLoad');
    await page.locator('#alert').waitFor();

    // A passing failure: the retry brings the dashboard.
    const recovering = await newPage();
    let failed = 0;
    await recovering.route('**/api/sidebarLoad*', (route) =>
      failed++ === 0
        ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"一時的な失敗"}' })
        : route.continue(),
    );
    await recovering.goto(sample.url);
    await recovering.locator('#alert').waitFor();
    expect(await recovering.locator('#alert .detail').textContent()).toBe('一時的な失敗');
    await recovering.locator('#alert button').click();
    await recovering.locator('#dashboard .figure').first().waitFor();
    expect(await recovering.locator('#alert').isHidden()).toBe(true);

    // Failing preview and generate (the page's ?fail= hook) show their own error, and the button comes back.
    const broken = await openLoaded(sample, '?fail=sidebarPreview,sidebarGenerate');
    await broken.locator('#preview summary').click();
    await broken.locator('#preview-body .message.error').waitFor();
    expect(await texts(broken, '#preview-body .message.error p')).toEqual([
      'プレビューを作成できませんでした。',
      'Exception: sidebarPreview が失敗しました（テスト用の失敗）',
    ]);
    await broken.locator('#generate').click();
    await broken.locator('#generate-result .message.error').waitFor();
    expect(await texts(broken, '#generate-result .message.error p')).toEqual([
      '作成に失敗しました。',
      'Exception: sidebarGenerate が失敗しました（テスト用の失敗）',
    ]);
    expect(await broken.locator('#generate').textContent()).toBe('事業報告書を作成');
    expect(await broken.locator('#generate').isEnabled()).toBe(true);
    await expectFits(broken, '11-generate-failed');
  });

  it('speaks English when 報告書言語 is en', async () => {
    const workbookPath = copySample((tabs) => {
      const settings = tab(tabs, '設定');
      const language = settings.find((row) => row[0] === '報告書言語');
      if (!language) throw new Error('the sample sets 報告書言語');
      language[1] = 'en';
    });
    const { workbook } = await checkedWorkbook(workbookPath);
    const english = await serve({ workbook: workbookPath });
    const page = await openLoaded(english);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await texts(page, 'h2')).toEqual(['Summary', 'Input check', 'Report']);
    expect(await page.locator('.figure[data-metric="新規接点数"] dt').textContent()).toBe('New contacts');
    expect(await texts(page, '#year option')).toEqual(['FY2023', 'FY2022', 'FY2021']);
    expect(await texts(page, '.total .cost-yen')).toEqual([`¥${grouped(metricValue(workbook, '事業費', 2022))}`]);
    expect(await page.locator('#issues .summary').textContent()).toBe('0 errors, 1 warning');
    expect(await page.locator('#generate').textContent()).toBe('Create the annual report');
    await expectFits(page, '12-english');
  });
});
