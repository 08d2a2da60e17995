// This file tests validate's second thread (src/node/tab-worker.ts): 候補者 and 費用 checked in a worker give exactly the single-thread issues, and a failed worker falls back to them.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/pipeline';
import { readWorkbookFile } from '../../src/node/read-workbook-file';
import { checkWorkbookInThreads } from '../../src/node/tab-worker';
import { outputDir, REPO, toCsv } from './support';

const cliBundle = require('../../scripts/cli-bundle.js') as {
  CLI_BUNDLE: string;
  isCliBundleStale: () => boolean;
  buildCliSync: () => string;
};

/**
 * A workbook whose 候補者 and 費用 files are big enough (over 256 KB) to be kept as bytes, the only tabs a worker takes,
 * with faults in every big tab and across them: duplicate and unknown IDs, unreadable and implausible dates, a refund,
 * participant IDs not in 候補者, and a 活動計算書 figure that does not match 費用.
 */
function errorfulWorkbook(): string {
  const dir = outputDir('threads');
  const candidates = [
    ['候補者ID', '氏名', '属性', '国籍', '初回接点日', '登録日', '就職日', '就職先企業ID', '同意取得日'],
  ];
  for (let i = 1; i <= 5000; i++) {
    const id = i % 997 === 0 ? `C${i - 3}` : `C${i}`; // duplicate_id
    const first = i % 991 === 0 ? '2022/13/40' : i % 983 === 0 ? '2202-01-01' : '2022-05-01';
    const hired = i % 977 === 0 ? '2022-01-01' : ''; // hired_before_contact
    const employer = i % 971 === 0 ? 'K999' : i % 2 === 0 ? 'K1' : ''; // unknown_reference
    const consent = i % 967 === 0 ? '' : '2022-05-01'; // missing_consent
    candidates.push([id, `SENTINEL-NAME-${i}`, '難民認定', 'X国', first, '', hired, employer, consent]);
  }
  const events = [['イベントID', '事業内容', '種別', '名称', '開始日', '参加者数', '参加者ID']];
  for (let i = 1; i <= 300; i++) {
    const ids = i % 97 === 0 ? `C${i},X${i}` : `C${i}, c${i + 1}`; // unknown participant; a lower-case ID folded
    const program = i % 89 === 0 ? '謎の事業' : '育成事業';
    events.push([i % 83 === 0 ? 'E1' : `E${i}`, program, '講座', '会', '2022-06-01', i % 79 === 0 ? '1' : '5', ids]);
  }
  const costs = [['日付', '事業内容', '費目', '勘定科目', '金額', '摘要', '証憑番号']];
  for (let i = 1; i <= 6000; i++) {
    const amount = i % 1009 === 0 ? '-500' : i % 1013 === 0 ? '約5万' : '1200';
    const date = i % 1019 === 0 ? '令和99年1月1日' : '2022-07-01';
    const program = i % 1021 === 0 ? '謎の事業' : '育成事業';
    costs.push([date, program, i % 2 === 0 ? '人件費' : 'その他経費', '雑費', amount, `摘要${i}`, `R${i}`]);
  }
  const files: Record<string, string[][]> = {
    設定: [
      ['項目', '値'],
      ['団体名', 'テスト団体'],
      ['対象年度', '2022'],
      ['活動計算書の事業費計', '1,000'],
    ],
    事業: [
      ['事業内容', '定款の事業名', '区分'],
      ['育成事業', '統合を促す事業', '特定非営利活動'],
    ],
    企業: [
      ['企業ID', '企業名'],
      ['K1', '株式会社A'],
    ],
    候補者: candidates,
    イベント: events,
    費用: costs,
  };
  for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), toCsv(rows));
  return dir;
}

let workbook: string;

beforeAll(() => {
  // The worker runs the bundle: built here when src/ is newer, as bin/jigyo-hokoku.js does.
  if (cliBundle.isCliBundleStale()) cliBundle.buildCliSync();
  workbook = errorfulWorkbook();
}, 120_000);

async function singleThread(): Promise<ReturnType<typeof checkWorkbook>['issues']> {
  const file = await readWorkbookFile(workbook);
  return checkWorkbook(file.raw, { references: file.references }).issues;
}

const codes = (issues: readonly { code: string }[]) => [...new Set(issues.map((issue) => issue.code))].sort();

describe('checkWorkbookInThreads', () => {
  it('gives exactly the single-thread issues, with 候補者 and 費用 read in the worker', async () => {
    const expected = await singleThread();
    expect(codes(expected)).toEqual([
      'duplicate_id',
      'hired_before_contact',
      'implausible_date',
      'invalid_date',
      'invalid_number',
      'missing_consent',
      'negative_amount',
      'participants_below_ids',
      'statement_cost_mismatch',
      'unknown_reference',
    ]);
    // 候補者: 5 each of six faults (25 errors, 5 warnings); イベント: 3 each of four (12 errors); 費用: 5 each of four
    // (15 errors, 5 warnings); 設定: the 活動計算書 warning.
    expect(expected).toHaveLength(63);
    const file = await readWorkbookFile(workbook);
    let rereads = 0;
    const reread = () => {
      rereads++;
      return readWorkbookFile(workbook);
    };
    const result = await checkWorkbookInThreads(file, reread, {}, { script: cliBundle.CLI_BUNDLE, minBytes: 0 });
    expect(result.issues).toEqual(expected);
    expect(rereads).toBe(0);
    // The worker took the bytes of 候補者 and 費用: this thread can no longer read them, イベント it let go after reading.
    const tab = (name: string) => file.raw.tabs.find((t) => t.name === name);
    expect(() => tab('候補者')?.values).toThrow('the bytes of 候補者 were released');
    expect(() => tab('費用')?.values).toThrow('the bytes of 費用 were released');
    expect(tab('設定')?.values[1]).toEqual(['団体名', 'テスト団体']);
    expect(JSON.stringify(result.issues)).not.toContain('SENTINEL');
  }, 60_000);

  it.each([
    ['a worker script that throws as it loads', 'throws.cjs'],
    ['a worker script that does not exist', 'missing.cjs'],
  ])(
    'falls back to the single thread, reading the workbook again, with %s',
    async (_, name) => {
      const dir = outputDir('worker-script');
      writeFileSync(join(dir, 'throws.cjs'), "throw new Error('no worker today');\n");
      const expected = await singleThread();
      const file = await readWorkbookFile(workbook);
      let rereads = 0;
      const reread = () => {
        rereads++;
        return readWorkbookFile(workbook);
      };
      const result = await checkWorkbookInThreads(file, reread, {}, { script: join(dir, name), minBytes: 0 });
      expect(result.issues).toEqual(expected);
      expect(rereads).toBe(1);
    },
    60_000,
  );

  it.each([
    ['the tabs weigh less than the threshold', { script: 'dist/node/cli.cjs', minBytes: 100 * 1024 * 1024 }],
    ['it runs from TypeScript, which a worker cannot load', { script: join(REPO, 'src/node/cli.ts'), minBytes: 0 }],
  ])(
    'stays on one thread when %s, keeping every tab readable',
    async (_, options) => {
      const expected = await singleThread();
      const file = await readWorkbookFile(workbook);
      const result = await checkWorkbookInThreads(file, () => Promise.reject(new Error('read again')), {}, options);
      expect(result.issues).toEqual(expected);
      expect(file.raw.tabs.find((t) => t.name === '候補者')?.values[1]?.[0]).toBe('C1');
    },
    60_000,
  );
});

describe('validate through the bundle', () => {
  const run = (threshold: string, json: boolean) =>
    spawnSync(
      process.execPath,
      ['--max-semi-space-size=4', cliBundle.CLI_BUNDLE, 'validate', workbook, ...(json ? ['--json'] : [])],
      { encoding: 'utf8', env: { ...process.env, JIGYO_WORKER_MIN_BYTES: threshold } },
    );

  it.each([false, true])(
    'prints the same lines and exits the same with and without the worker (--json: %p)',
    (json) => {
      const threaded = run('0', json);
      const single = run('1e15', json);
      expect(threaded.status).toBe(1);
      expect(threaded.stdout).toBe(single.stdout);
      expect(threaded.stderr).toBe(single.stderr);
      expect(threaded.stderr).toContain('エラー 52 件、警告 11 件\n');
      expect(threaded.stdout).not.toContain('SENTINEL');
    },
    60_000,
  );
});
