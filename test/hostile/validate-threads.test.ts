// This file defines the hostile cases of validate's second thread: crafted big CSV files whose 候補者 and 費用 a worker reads, run through the bundle with and without it.
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIECE_BYTES } from '../../src/node/read-csv';
import { outputDir, toCsv } from '../node/support';

const cliBundle = require('../../scripts/cli-bundle.js') as {
  CLI_BUNDLE: string;
  isCliBundleStale: () => boolean;
  buildCliSync: () => string;
};

beforeAll(() => {
  if (cliBundle.isCliBundleStale()) cliBundle.buildCliSync();
}, 120_000);

const SMALL_TABS: Record<string, string[][]> = {
  設定: [
    ['項目', '値'],
    ['団体名', 'テスト団体'],
    ['対象年度', '2022'],
  ],
  事業: [
    ['事業内容', '定款の事業名', '区分'],
    ['育成事業', '統合を促す事業', '特定非営利活動'],
  ],
  企業: [
    ['企業ID', '企業名'],
    ['K1', '株式会社A'],
  ],
};

/** 候補者 of `count` rows (IDs C1…), each name a sentinel that must never be printed. */
function candidates(count: number): string[][] {
  const rows = [['候補者ID', '氏名', '国籍', '初回接点日', '同意取得日']];
  for (let i = 1; i <= count; i++) rows.push([`C${i}`, `SENTINEL-NAME-${i}`, 'X国', '2022-05-01', '2022-05-01']);
  return rows;
}

function costs(count: number, note: (i: number) => string = (i) => `摘要${i}`): string[][] {
  const rows = [['日付', '事業内容', '費目', '金額', '摘要']];
  for (let i = 1; i <= count; i++) rows.push(['2022-07-01', '育成事業', '人件費', '1200', note(i)]);
  return rows;
}

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = outputDir(`threads-${name}`);
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

function csvFiles(tabs: Record<string, string[][]>): Record<string, string> {
  return Object.fromEntries(Object.entries(tabs).map(([name, rows]) => [`${name}.csv`, toCsv(rows)]));
}

const validate = (dir: string, threshold: string) =>
  spawnSync(process.execPath, ['--max-semi-space-size=4', cliBundle.CLI_BUNDLE, 'validate', dir], {
    encoding: 'utf8',
    env: { ...process.env, JIGYO_WORKER_MIN_BYTES: threshold },
  });

/** Runs validate with the worker and without it; both must print and exit alike. Returns the threaded run. */
function bothWays(dir: string): { status: number | null; stdout: string; stderr: string } {
  const threaded = validate(dir, '0');
  const single = validate(dir, '1e15');
  expect(threaded.stdout).toBe(single.stdout);
  expect(threaded.stderr).toBe(single.stderr);
  expect(threaded.status).toBe(single.status);
  expect(threaded.stdout + threaded.stderr).not.toContain('SENTINEL');
  return threaded;
}

describe('validate with a worker thread, on hostile big files', () => {
  it('reads a quoted 摘要 with line breaks, commas and a formula across the 1 MiB pieces, numbering rows the same', () => {
    // 25,000 rows of about 53 bytes: over a MiB, so 費用 is decoded in pieces; every 100th 摘要 spans three lines.
    const note = (i: number) => (i % 100 === 0 ? `=HYPERLINK("x",1),\r\n第2行\n第3行 ${i}` : `摘要${i}`);
    const rows = costs(25_000, note);
    rows[24_500][3] = '-1'; // a refund far past the first piece
    const dir = folder('pieces', csvFiles({ ...SMALL_TABS, 候補者: candidates(4000), 費用: rows }));
    expect(statSync(join(dir, '費用.csv')).size).toBeGreaterThan(PIECE_BYTES);
    const run = bothWays(dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('費用!D24501: [警告] 「金額」の「-1」がマイナスです。返金であればこのままで構いません\n');
  }, 60_000);

  it('folds full-width and lower-case IDs the same in the worker: duplicates and 参加者ID found as in one thread', () => {
    const people = candidates(4000);
    people[10][0] = 'Ｃ３'; // C3 typed full-width: a duplicate of row 4
    const events = [
      ['イベントID', '事業内容', '種別', '開始日', '参加者数', '参加者ID'],
      ['E1', '育成事業', '講座', '2022-06-01', '3', 'c1、Ｃ２,C4001'],
    ];
    const dir = folder('ids', csvFiles({ ...SMALL_TABS, 候補者: people, イベント: events, 費用: costs(5000) }));
    const run = bothWays(dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        '候補者!A11: 「候補者ID」が重複しています（A4と同じ）',
        'イベント!F2: 「参加者ID」のIDが「候補者」タブにありません',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('leaves 候補者 to the main thread when two files mean it, reporting the second tab as in one thread', () => {
    const files = csvFiles({ ...SMALL_TABS, 候補者: candidates(4000), 費用: costs(5000) });
    const dir = folder('twice', { ...files, 'Candidates.csv': toCsv(candidates(2)) });
    const run = bothWays(dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      'Candidates!A1: タブ「Candidates」と「候補者」は同じタブです（日本語名と英語名、または全角・半角などの違いだけです）。どちらか一方にまとめてください\n',
    );
  }, 60_000);

  it('refuses a big 候補者 with a quote that never closes, before any thread reads it', () => {
    const text = `${toCsv(candidates(4000))}C9999,"SENTINEL-NAME-open,X国,2022-05-01,\r\n`;
    const dir = folder('unclosed', { ...csvFiles({ ...SMALL_TABS, 費用: costs(5000) }), '候補者.csv': text });
    const run = bothWays(dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('候補者.csv の 4002 行目');
  }, 60_000);

  it('reads 候補者 with a BOM and a 費用 saved as tab-delimited text in the worker', () => {
    const tsv = costs(6000)
      .map((row) => row.join('\t'))
      .join('\r\n');
    const files = {
      ...csvFiles(SMALL_TABS),
      '候補者.csv': `\ufeff${toCsv(candidates(4000))}`,
      '費用.txt': `${tsv}\r\n`,
    };
    const run = bothWays(folder('bom-tsv', files));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('問題は見つかりませんでした。\n');
  }, 60_000);
});
