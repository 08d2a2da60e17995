// This file defines `npm run sidebar`: a local server for dist/sidebar.html with a google.script.run shim backed by the core over a workbook file.
// The handlers are the ones Apps Script runs (src/core/sidebar-api.ts `sidebarHandlers`); only the doors differ: the
// workbook file in place of the spreadsheet, an HTML file in place of a Google Doc, no lock and no 生成履歴. So the
// sidebar can be seen and tested in a real browser without Apps Script. Only 127.0.0.1 is bound.
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { renderReportHtml } from '../src/core/render-html';
import {
  SIDEBAR_FUNCTIONS,
  type SidebarDoors,
  type SidebarFunction,
  type SidebarHandlers,
  sidebarHandlers,
} from '../src/core/sidebar-api';
import { readWorkbookFile, type WorkbookFile } from '../src/node/read-workbook-file';
import { reportBaseName } from '../src/node/write-report-files';

const root = join(__dirname, '..');

export const DEFAULT_PORT = 8787;
export const DEFAULT_WORKBOOK = join(root, 'samples/fy2022');
export const DEFAULT_OUT_DIR = join(root, 'out/sidebar-preview');
export const DEFAULT_PAGE = join(root, 'dist/sidebar.html');

export { SIDEBAR_FUNCTIONS, type SidebarFunction };

export interface SidebarServerOptions {
  /** An .xlsx file or a folder of CSV files; read again on every call, as Apps Script reads the sheet. */
  readonly workbook?: string;
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
  /** Test hook: these functions fail as a server exception would (also `?fail=NAME,NAME` on the page URL). */
  readonly failures?: readonly SidebarFunction[];
  /** Where generated reports go; default out/sidebar-preview. */
  readonly outDir?: string;
  /** The built sidebar; default dist/sidebar.html (read on every page load, so a rebuild shows on reload). */
  readonly page?: string;
}

export interface RecordedCall {
  readonly name: SidebarFunction;
  readonly args: readonly unknown[];
}

export interface SidebarServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** Every API call, in the order received (failed ones included). */
  readonly calls: RecordedCall[];
  close(): Promise<void>;
}

/** google.script.run for the page: each call POSTs its arguments as JSON to /api/NAME and hands the JSON back. */
function shimScript(): string {
  return `(function () {
  var fail = new URLSearchParams(location.search).get('fail');
  var query = fail ? '?fail=' + encodeURIComponent(fail) : '';
  function runner(onSuccess, onFailure) {
    var run = {
      withSuccessHandler: function (handler) { return runner(handler, onFailure); },
      withFailureHandler: function (handler) { return runner(onSuccess, handler); }
    };
    ${JSON.stringify(SIDEBAR_FUNCTIONS)}.forEach(function (name) {
      run[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/api/' + name + query, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (response) {
            return response.json().then(function (body) {
              if (!response.ok) throw new Error((body && body.message) || 'HTTP ' + response.status);
              return body;
            });
          })
          .then(function (value) { if (onSuccess) onSuccess(value); }, function (error) { if (onFailure) onFailure(error); });
      };
    });
    return run;
  }
  window.google = { script: { run: runner(null, null) } };
})();`;
}

/** The built sidebar with the shim as the first script of the page. */
export function injectShim(html: string): string {
  if (!html.includes('<head>')) throw new Error('sidebar page has no <head>');
  return html.replace('<head>', () => `<head>\n<script>\n${shimScript()}\n</script>`);
}

/** google.script.run can only carry plain JSON; a Date (or anything else) in a response is a bug to catch here. */
export function assertPlainJson(value: unknown, path = 'response'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}, not JSON`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      assertPlainJson(item, `${path}[${index}]`);
    });
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) assertPlainJson(item, `${path}.${key}`);
    }
    return;
  }
  throw new Error(`${path} is ${value instanceof Date ? 'a Date' : typeof value}, not plain JSON`);
}

/** Writes a new file, adding _2, _3… to the name instead of overwriting an earlier report. */
function writeNewFile(dir: string, stem: string, extension: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const name = `${stem}${attempt === 1 ? '' : `_${attempt}`}${extension}`;
    let descriptor: number;
    try {
      descriptor = openSync(join(dir, name), 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      writeFileSync(descriptor, content, 'utf8');
    } finally {
      closeSync(descriptor);
    }
    return name;
  }
}

/**
 * The dev server's doors: the workbook file read before the call (reading .xlsx is asynchronous), each report an
 * HTML file under `outDir` served at /out/NAME, the sheet's cell selection a check that the tab exists.
 */
export function fileDoors(
  file: WorkbookFile,
  options: { readonly outDir: string; readonly baseUrl: string; readonly written: Set<string> },
): SidebarDoors {
  return {
    read: () => ({ raw: file.raw, references: file.references }),
    // One person at one browser: no one else can hold the lock.
    exclusive: (work) => work(),
    writeReport: (report) => {
      const stem = reportBaseName(report.year, 1, report.kind ?? 'jigyo');
      const name = writeNewFile(options.outDir, stem, '.html', renderReportHtml(report));
      options.written.add(name);
      return { url: `${options.baseUrl}out/${encodeURIComponent(name)}`, name };
    },
    // The file itself is the log: nothing like 生成履歴 is written into the workbook.
    logRun: () => {},
    selectCell: (tab) => file.raw.tabs.some((sheet) => sheet.name === tab),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

export async function startSidebarServer(options: SidebarServerOptions = {}): Promise<SidebarServer> {
  const workbookPath = options.workbook ?? DEFAULT_WORKBOOK;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const pagePath = options.page ?? DEFAULT_PAGE;
  const failures = new Set<string>(options.failures ?? []);
  const calls: RecordedCall[] = [];
  const reports = new Set<string>();
  let baseUrl = '';

  /** The shared handlers over the workbook file as it is now (read again on every call). */
  async function handlers(): Promise<SidebarHandlers> {
    const file = await readWorkbookFile(workbookPath);
    return sidebarHandlers(fileDoors(file, { outDir, baseUrl, written: reports }));
  }

  async function callApi(
    name: SidebarFunction,
    query: URLSearchParams,
    request: IncomingMessage,
    response: ServerResponse,
  ) {
    const body = await readBody(request);
    const args: unknown = body === '' ? [] : JSON.parse(body);
    if (!Array.isArray(args)) throw new Error('arguments must be a JSON array');
    calls.push({ name, args });
    const failing = (query.get('fail') ?? '').split(',');
    if (failures.has(name) || failing.includes(name)) {
      sendJson(response, 500, { message: `Exception: ${name} が失敗しました（テスト用の失敗）` });
      return;
    }
    const handler = (await handlers())[name] as (...values: unknown[]) => unknown;
    const result = handler(...args);
    assertPlainJson(result);
    sendJson(response, 200, result);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    if (api && request.method === 'POST') {
      const name = api[1] as SidebarFunction;
      if (!SIDEBAR_FUNCTIONS.includes(name))
        return sendJson(response, 404, { message: `no server function ${api[1]}` });
      return callApi(name, url.searchParams, request, response);
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(response, 200, 'text/html; charset=utf-8', injectShim(await readFile(pagePath, 'utf8')));
    }
    const report = /^\/out\/([^/]+)$/.exec(url.pathname);
    // Only the files this server wrote are served: never a path taken from the request.
    const name = report ? decodeURIComponent(report[1]) : '';
    if (reports.has(name)) return send(response, 200, 'text/html; charset=utf-8', await readFile(join(outDir, name)));
    send(response, 404, 'text/plain; charset=utf-8', 'not found');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { message: error instanceof Error ? error.message : String(error) });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: baseUrl,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

const USAGE = '使い方: npm run sidebar -- [--workbook ブック.xlsx|CSVフォルダ] [--port 8787]';

function parseArguments(argv: readonly string[]): { workbook?: string; port?: number } | string {
  const parsed: { workbook?: string; port?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[i + 1];
    if (flag === '--help' || flag === '-h') return USAGE;
    if (flag !== '--workbook' && flag !== '--port') return `不明な引数: ${argv[i]}\n${USAGE}`;
    if (value === undefined) return `${flag} の値がありません\n${USAGE}`;
    if (inline === undefined) i++;
    if (flag === '--workbook') parsed.workbook = value;
    else if (/^\d{1,5}$/.test(value) && Number(value) <= 65535) parsed.port = Number(value);
    else return `--port は 0〜65535 の数字です: ${value}`;
  }
  return parsed;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return parsed === USAGE ? 0 : 2;
  }
  // Rebuilt on start so the page is the current sidebar code; reload the page after `npm run build` to see changes.
  const { buildSidebar } = await import('./build');
  mkdirSync(join(root, 'dist'), { recursive: true });
  await buildSidebar();
  // A missing or unreadable workbook is reported now rather than on the page's first call.
  await readWorkbookFile(parsed.workbook ?? DEFAULT_WORKBOOK);
  const server = await startSidebarServer(parsed);
  const workbook = relative(process.cwd(), parsed.workbook ?? DEFAULT_WORKBOOK) || '.';
  process.stdout.write(
    `サイドバー: ${server.url}\nブック: ${workbook}（呼び出しのたびに読み直します）\n終了は Ctrl+C\n`,
  );
  // The open server keeps the process running.
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`エラー: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
