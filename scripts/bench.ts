// This file defines `npm run bench`: the DESIGN §8 budgets measured on synthetic workbooks of 1,000 to 60,000 rows
// per data tab: service calls, core time per stage, bundle size and load time, and the local runner's time and memory.
//
//   npm run bench                  readable tables
//   npm run -s bench -- --json     the same figures as JSON (-s keeps npm's banner off stdout)
//   npm run bench -- --runs 3      fewer timed runs per size (default 7, after one warm-up)
//   npm run bench -- --no-runner   skip the local runner (it writes a 60,000-row CSV folder to a temp dir)
//   npm run bench -- --peer DIR    also race the DuckDB peer (../shared/bench/duckdb-peer.mjs, with @duckdb/node-api
//                                  installed in DIR, never in this project) against validate and report --format html
//                                  on a clean 60,000-row workbook, alternating, and print the ratios of the medians
//                                  (--peer-runs N, default 7; --peer-rows N, default 60000; --peer-bench FOLDER, the
//                                  folder of duckdb-peer.mjs and make-clean-workbook.mjs, default ../shared/bench;
//                                  --peer-only skips everything else)
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import { periodFromSettings } from '../src/core/fiscal-year';
import { computeMetric, METRICS } from '../src/core/metrics';
import { makeReport } from '../src/core/pipeline';
import { type RawWorkbook, readWorkbook } from '../src/core/read-workbook';
import { buildReportDocument } from '../src/core/report';
import { validateWorkbook } from '../src/core/validate';
import { checkInput, createReport } from '../src/gas/actions';
import { createFakeEnvironment, type FakeEnvironment, installFakes } from '../test/fakes';
import { BUNDLE_PATH, loadBundle } from '../test/helpers/bundle';
import { buildServer } from './build';

// The runner's bundle (scripts/cli-bundle.js, shared with bin/jigyo-hokoku.js).
const cliBundle = require('./cli-bundle.js') as {
  CLI_BUNDLE: string;
  NODE_FLAGS: readonly string[];
  isCliBundleStale: () => boolean;
  buildCli: () => Promise<string>;
};

import { formatCsv } from './make-sample';
import { makeSyntheticWorkbook, type SyntheticSize } from './synthetic-workbook';

const ROOT = join(__dirname, '..');
const CALL_SIZES = [1_000, 10_000, 60_000];
/** 6,000 is the base of the linear-growth budget (per-row cost at 60,000 within 1.5× of 6,000). */
const TIME_SIZES = [1_000, 6_000, 10_000, 60_000];
const WORKLOAD: SyntheticSize = { candidates: 10_000, events: 10_000, costs: 50_000 };
const BUDGET = { coreMs: 300, growth: 1.5, bundleKb: 150 };

type Sheets = Record<string, unknown[][]>;

interface Options {
  readonly json: boolean;
  readonly runs: number;
  readonly runner: boolean;
  /** Where @duckdb/node-api is installed; null = no peer race. */
  readonly peer: string | null;
  readonly peerRuns: number;
  readonly peerRows: number;
  readonly peerBench: string;
  /** Only the peer race (needs --peer). */
  readonly peerOnly: boolean;
}

function wholeOption(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return value;
}

function pathOption(argv: readonly string[], name: string): string | null {
  const at = argv.indexOf(name);
  if (at < 0) return null;
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} takes a folder`);
  return resolve(process.env.INIT_CWD ?? process.cwd(), value);
}

function parseOptions(argv: readonly string[]): Options {
  if (argv.includes('--peer-only') && !argv.includes('--peer')) throw new Error('--peer-only needs --peer DIR');
  return {
    json: argv.includes('--json'),
    runs: wholeOption(argv, '--runs', 7),
    runner: !argv.includes('--no-runner'),
    peer: pathOption(argv, '--peer'),
    peerRuns: wholeOption(argv, '--peer-runs', 7),
    peerRows: wholeOption(argv, '--peer-rows', 60_000),
    peerBench: pathOption(argv, '--peer-bench') ?? join(ROOT, '../shared/bench'),
    peerOnly: argv.includes('--peer-only'),
  };
}

function sheetsOf(size: SyntheticSize): Sheets {
  return Object.fromEntries(makeSyntheticWorkbook(size).map((tab) => [tab.name, tab.values]));
}

function rawOf(sheets: Sheets): RawWorkbook {
  return {
    tabs: Object.entries(sheets).map(([name, values]) => ({
      name,
      values: values as RawWorkbook['tabs'][0]['values'],
    })),
  };
}

function dataRows(sheets: Sheets): number {
  return Object.values(sheets).reduce((sum, values) => sum + Math.max(0, values.length - 1), 0);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// A full collection before each timed run, so that garbage left by the previous run is not charged to the next.
setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

// ---------------------------------------------------------------------------------------------------------------
// Service calls

interface CallCount {
  readonly sheets: number;
  readonly getValues: number;
  readonly doc: number;
  readonly other: number;
  readonly byKey: Record<string, number>;
}

function countOf(env: FakeEnvironment): CallCount {
  const sheets = env.calls.byService('Spreadsheet');
  const doc = env.calls.byService('Document');
  return {
    sheets,
    getValues: env.calls.count('Range.getValues'),
    doc,
    other: env.calls.total() - sheets - doc,
    byKey: env.calls.snapshot(),
  };
}

interface CallRow {
  readonly rowsPerTab: number;
  readonly harness: 'fakes' | 'bundle';
  readonly action: '入力チェック' | '事業報告書を作成';
  readonly calls: CallCount;
}

/** 入力チェック and 事業報告書を作成 through src/gas with the fakes as globals, then through dist/Code.js in a vm. */
function measureCalls(rowsPerTab: number, sheets: Sheets): CallRow[] {
  const rows: CallRow[] = [];
  const env = createFakeEnvironment({ sheets });
  const uninstall = installFakes(env);
  try {
    env.calls.reset();
    checkInput();
    rows.push({ rowsPerTab, harness: 'fakes', action: '入力チェック', calls: countOf(env) });
    env.calls.reset();
    const outcome = createReport(undefined, { now: new Date(2023, 5, 1, 10, 0) });
    if (outcome.kind !== 'created') throw new Error(`createReport on the fakes: ${outcome.kind}`);
    rows.push({ rowsPerTab, harness: 'fakes', action: '事業報告書を作成', calls: countOf(env) });
  } finally {
    uninstall();
  }
  const bundle = loadBundle({ sheets });
  bundle.call('menuCheckInput');
  rows.push({ rowsPerTab, harness: 'bundle', action: '入力チェック', calls: countOf(bundle.env) });
  bundle.env.calls.reset();
  bundle.call('menuCreateReport');
  if (bundle.env.documents.length !== 1) throw new Error('menuCreateReport in the bundle made no Doc');
  rows.push({ rowsPerTab, harness: 'bundle', action: '事業報告書を作成', calls: countOf(bundle.env) });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Core time

interface CoreTime {
  readonly label: string;
  readonly size: SyntheticSize;
  readonly rows: number;
  /** Medians in ms. */
  readonly parse: number;
  readonly validate: number;
  readonly metrics: number;
  readonly report: number;
  readonly total: number;
  readonly makeReport: number;
  readonly microsecondsPerRow: number;
}

/**
 * Medians over `runs` runs after one warm-up. parse = readWorkbook; validate = the validators (validateWorkbook) on
 * the parsed workbook; metrics = every metric of METRICS for the year; report = buildReportDocument. makeReport, what
 * the add-on runs (parse, validators, template checks, messages, report), is timed end to end as well.
 */
function measureCore(label: string, size: SyntheticSize, runs: number): CoreTime {
  const sheets = sheetsOf(size);
  const raw = rawOf(sheets);
  const samples = { parse: [] as number[], validate: [] as number[], metrics: [] as number[], report: [] as number[] };
  const wholeRuns: number[] = [];
  for (let run = 0; run <= runs; run++) {
    collectGarbage();
    let read: ReturnType<typeof readWorkbook> | undefined;
    const parse = time(() => {
      read = readWorkbook(raw);
    });
    const workbook = (read as ReturnType<typeof readWorkbook>).workbook;
    const year = workbook.settings.fiscalYear;
    if (year === null) throw new Error('the synthetic workbook has no 対象年度');
    const period = periodFromSettings(workbook.settings, year);
    collectGarbage();
    const validate = time(() => validateWorkbook(workbook));
    collectGarbage();
    const metrics = time(() => {
      for (const metric of METRICS) computeMetric(metric, { workbook, period });
    });
    collectGarbage();
    const report = time(() => buildReportDocument(workbook, { period }));
    read = undefined;
    collectGarbage();
    let ok = false;
    const whole = time(() => {
      ok = makeReport(raw).ok;
    });
    if (!ok) throw new Error(`makeReport failed on the synthetic workbook (${label})`);
    if (run === 0) continue; // warm-up
    samples.parse.push(parse);
    samples.validate.push(validate);
    samples.metrics.push(metrics);
    samples.report.push(report);
    wholeRuns.push(whole);
  }
  const parse = median(samples.parse);
  const validate = median(samples.validate);
  const metrics = median(samples.metrics);
  const report = median(samples.report);
  const total = parse + validate + metrics + report;
  const rows = dataRows(sheets);
  return {
    label,
    size,
    rows,
    parse,
    validate,
    metrics,
    report,
    total,
    makeReport: median(wholeRuns),
    microsecondsPerRow: (total * 1000) / rows,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Bundle

interface BundleFigures {
  readonly bytes: number;
  readonly firstLoadMs: number;
  readonly loadMs: number;
  readonly callsWhileLoading: number;
  readonly rebuilt: boolean;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/Code.js when it is missing or older than src/core, src/gas or src/index.ts. */
async function ensureBundle(): Promise<boolean> {
  let builtAt = 0;
  try {
    builtAt = statSync(BUNDLE_PATH).mtimeMs;
  } catch {
    builtAt = 0;
  }
  const sources = Math.max(
    newestSource(join(ROOT, 'src/core')),
    newestSource(join(ROOT, 'src/gas')),
    statSync(join(ROOT, 'src/index.ts')).mtimeMs,
  );
  if (builtAt >= sources) return false;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  await buildServer();
  return true;
}

function measureBundle(runs: number, rebuilt: boolean): BundleFigures {
  const code = readFileSync(BUNDLE_PATH, 'utf8');
  const loads: number[] = [];
  let firstLoadMs = 0;
  let callsWhileLoading = 0;
  for (let run = 0; run <= runs; run++) {
    const env = createFakeEnvironment();
    const context = vm.createContext({});
    installFakes(env, context, vm.runInContext('({ Date, Error })', context));
    env.calls.reset();
    const ms = time(() => vm.runInContext(code, context, { filename: 'Code.js' }));
    callsWhileLoading = Math.max(callsWhileLoading, env.calls.total());
    if (run === 0) firstLoadMs = ms;
    else loads.push(ms);
  }
  return { bytes: statSync(BUNDLE_PATH).size, firstLoadMs, loadMs: median(loads), callsWhileLoading, rebuilt };
}

// ---------------------------------------------------------------------------------------------------------------
// Local runner

interface RunnerFigures {
  readonly rowsPerTab: number;
  readonly rows: number;
  readonly csvBytes: number;
  readonly exitCode: number | null;
  /** The child process from spawn to exit, Node's start-up and loading the bundle included. */
  readonly wallMs: number;
  /** main() inside the child: read the CSV folder, check, build, write .docx and .html. */
  readonly mainMs: number | null;
  readonly maxRssMb: number | null;
  readonly error?: string;
}

/** Dates become 'yyyy/m/d' text, as a spreadsheet's CSV export writes them. */
function csvCell(value: unknown): string | number {
  if (value instanceof Date) return `${value.getFullYear()}/${value.getMonth() + 1}/${value.getDate()}`;
  return typeof value === 'number' ? value : String(value ?? '');
}

const CHILD_SCRIPT = `
const { main } = require('./dist/node/cli.cjs');
const [dir, out] = process.argv.slice(1);
const sink = { write: () => true };
const start = performance.now();
main(['report', dir, '--out', out, '--format', 'docx,html'], { stdout: sink, stderr: sink, cwd: process.cwd(), soffice: null })
  .then((code) => {
    const ms = performance.now() - start;
    process.stdout.write(JSON.stringify({ code, ms, maxRSS: process.resourceUsage().maxRSS }));
  });
`;

function measureRunner(rowsPerTab: number, sheets: Sheets): RunnerFigures {
  const work = mkdtempSync(join(tmpdir(), 'jigyo-bench-'));
  try {
    const dir = join(work, 'workbook');
    mkdirSync(dir);
    let csvBytes = 0;
    for (const [name, values] of Object.entries(sheets)) {
      const text = formatCsv(values.map((row) => row.map(csvCell)));
      writeFileSync(join(dir, `${name}.csv`), text, 'utf8');
      csvBytes += Buffer.byteLength(text);
    }
    const start = performance.now();
    const child = spawnSync(process.execPath, ['-e', CHILD_SCRIPT, dir, join(work, 'out')], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    const base = { rowsPerTab, rows: dataRows(sheets), csvBytes, wallMs };
    try {
      const result = JSON.parse(child.stdout) as { code: number; ms: number; maxRSS: number };
      return { ...base, exitCode: result.code, mainMs: result.ms, maxRssMb: result.maxRSS / 1024 };
    } catch {
      const error = (child.stderr || child.error?.message || 'no output').trim().split('\n').slice(0, 3).join(' ');
      return { ...base, exitCode: child.status, mainMs: null, maxRssMb: null, error };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The DuckDB peer (issue 15): whole processes, alternating, medians

/** One timed process: wall time, CPU time (user + system) and peak memory. */
interface ProcessRun {
  readonly wallMs: number;
  readonly cpuMs: number | null;
  readonly maxRssMb: number | null;
  readonly exitCode: number | null;
}

interface PeerRow {
  readonly name: string;
  readonly command: string;
  readonly runs: readonly ProcessRun[];
  readonly wallMs: number;
  readonly cpuMs: number | null;
  readonly maxRssMb: number | null;
}

interface PeerFigures {
  readonly rowsPerTab: number;
  readonly runs: number;
  readonly timer: '/usr/bin/time -v' | 'wall clock only';
  readonly rows: readonly PeerRow[];
  /** Ours ÷ the peer's, medians: the targets of issue 15. */
  readonly ratios: {
    readonly validateWall: number;
    readonly validateRss: number | null;
    readonly reportWall: number;
    readonly sampleVsBareNode: number;
  };
}

const GNU_TIME = '/usr/bin/time';

/** `/usr/bin/time -v` report → figures; wall is "h:mm:ss" or "m:ss.cc". */
export function parseGnuTime(text: string): { wallMs: number; cpuMs: number; maxRssMb: number } | null {
  const field = (label: string) => new RegExp(`^\\s*${label}: (.+)$`, 'm').exec(text)?.[1]?.trim();
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  const rss = field('Maximum resident set size \\(kbytes\\)');
  if (wall === undefined || user === undefined || system === undefined || rss === undefined) return null;
  const seconds = wall.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return { wallMs: seconds * 1000, cpuMs: (Number(user) + Number(system)) * 1000, maxRssMb: Number(rss) / 1024 };
}

function runProcess(argv: readonly string[], env: NodeJS.ProcessEnv, work: string): ProcessRun {
  const useTime = existsSync(GNU_TIME);
  const report = join(work, 'time.txt');
  const start = performance.now();
  const child = useTime
    ? spawnSync(GNU_TIME, ['-v', '-o', report, ...argv], { cwd: ROOT, env, stdio: 'ignore' })
    : spawnSync(argv[0], argv.slice(1), { cwd: ROOT, env, stdio: 'ignore' });
  const wallMs = performance.now() - start;
  const timed = useTime && existsSync(report) ? parseGnuTime(readFileSync(report, 'utf8')) : null;
  rmSync(report, { force: true });
  return {
    wallMs: timed?.wallMs ?? wallMs,
    cpuMs: timed?.cpuMs ?? null,
    maxRssMb: timed?.maxRssMb ?? null,
    exitCode: child.status,
  };
}

function medianOrNull(values: readonly (number | null)[]): number | null {
  return values.every((value) => value !== null) ? median(values as number[]) : null;
}

/**
 * The peer (DuckDB SQL over the CSVs) against `validate` and `report --format html` on the same clean workbook, and
 * the sample report through the bin against a bare `node -e 0`; each round runs every command once, in turn.
 */
function measurePeer(options: Options, progress: (text: string) => void): PeerFigures {
  const peerDir = options.peer as string;
  const script = join(options.peerBench, 'duckdb-peer.mjs');
  const generator = join(options.peerBench, 'make-clean-workbook.mjs');
  for (const file of [script, generator]) if (!existsSync(file)) throw new Error(`--peer: ${file} not found`);
  if (!existsSync(join(peerDir, 'node_modules/@duckdb/node-api'))) {
    throw new Error(`--peer: @duckdb/node-api is not installed in ${peerDir} (see ../shared/bench/README.md)`);
  }
  const work = mkdtempSync(join(tmpdir(), 'jigyo-peer-'));
  try {
    const workbook = join(work, `clean-${options.peerRows}`);
    progress(`peer: writing a clean workbook of ${int(options.peerRows)} rows per tab…`);
    const made = spawnSync(process.execPath, [generator, String(options.peerRows), workbook], { stdio: 'ignore' });
    if (made.status !== 0) throw new Error('--peer: make-clean-workbook.mjs failed');
    const node = process.execPath;
    const flags = cliBundle.NODE_FLAGS;
    const bin = join(ROOT, 'bin/jigyo-hokoku.js');
    const out = join(work, 'out');
    const env = { ...process.env, PEER_DIR: peerDir };
    const commands: { name: string; argv: string[] }[] = [
      { name: 'duckdb peer', argv: [node, script, workbook] },
      // As `npm run validate` and `npm run report` start it (package.json passes the runner's Node options).
      { name: 'validate', argv: [node, ...flags, bin, 'validate', workbook] },
      {
        name: 'report --format html',
        argv: [node, ...flags, bin, 'report', workbook, '--format', 'html', '--out', out],
      },
      { name: 'node -e 0', argv: [node, '-e', '0'] },
      {
        name: 'sample report (docx,html)',
        argv: [node, ...flags, bin, 'report', '--format', 'docx,html', '--out', out],
      },
    ];
    const runs = commands.map(() => [] as ProcessRun[]);
    // One untimed round: the page cache holds the files and the bundle is built, for every command alike.
    for (const command of commands) runProcess(command.argv, env, work);
    for (let round = 0; round < options.peerRuns; round++) {
      progress(`peer: round ${round + 1} of ${options.peerRuns}…`);
      commands.forEach((command, index) => {
        const run = runProcess(command.argv, env, work);
        if (run.exitCode !== 0) throw new Error(`--peer: ${command.name} exited with ${run.exitCode}`);
        runs[index].push(run);
        rmSync(out, { recursive: true, force: true });
      });
    }
    const rows: PeerRow[] = commands.map((command, index) => ({
      name: command.name,
      command: command.argv.map((part) => part.replace(work, '$T').replace(ROOT, '.')).join(' '),
      runs: runs[index],
      wallMs: median(runs[index].map((run) => run.wallMs)),
      cpuMs: medianOrNull(runs[index].map((run) => run.cpuMs)),
      maxRssMb: medianOrNull(runs[index].map((run) => run.maxRssMb)),
    }));
    const [peer, validate, report, bare, sample] = rows;
    return {
      rowsPerTab: options.peerRows,
      runs: options.peerRuns,
      timer: existsSync(GNU_TIME) ? '/usr/bin/time -v' : 'wall clock only',
      rows,
      ratios: {
        validateWall: validate.wallMs / peer.wallMs,
        validateRss: validate.maxRssMb === null || peer.maxRssMb === null ? null : validate.maxRssMb / peer.maxRssMb,
        reportWall: report.wallMs / peer.wallMs,
        sampleVsBareNode: sample.wallMs / bare.wallMs,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printPeer(peer: PeerFigures): string[] {
  const out: string[] = [];
  out.push(
    `Peer race on a clean workbook of ${int(peer.rowsPerTab)} rows per tab (medians of ${peer.runs} alternating rounds, ${peer.timer})`,
  );
  const figure = (value: number | null, digits = 0) => (value === null ? '-' : value.toFixed(digits));
  out.push(
    table(
      ['command', 'wall (s)', 'CPU (s)', 'peak RSS (MB)'],
      peer.rows.map((row) => [
        row.name,
        (row.wallMs / 1000).toFixed(2),
        row.cpuMs === null ? '-' : (row.cpuMs / 1000).toFixed(2),
        figure(row.maxRssMb),
      ]),
    ),
  );
  const r = peer.ratios;
  const verdict = (ratio: number | null, target: number) =>
    ratio === null ? 'not measured' : `${ratio.toFixed(2)}× (target ≤ ${target}×): ${ratio <= target ? 'OK' : 'OVER'}`;
  out.push(`validate ÷ peer, wall: ${verdict(r.validateWall, 1.0)}`);
  out.push(`validate ÷ peer, peak memory: ${verdict(r.validateRss, 1.2)}`);
  out.push(`report --format html ÷ peer, wall: ${verdict(r.reportWall, 1.3)}`);
  out.push(`sample report through the bin ÷ node -e 0, wall: ${verdict(r.sampleVsBareNode, 6)}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function machine(): Record<string, string | number> {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? '?';
  return { cpu, cores: cpus().length, node: process.version, loadAverage: Number(loadavg()[0].toFixed(2)) };
}

const ms = (value: number): string => value.toFixed(value < 10 ? 1 : 0);
const int = (value: number): string => value.toLocaleString('en-US');

/** A plain-text table: numeric columns right-aligned, text columns left-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(width(cell), ...rows.map((row) => width(row[i]))));
  const numeric = header.map((_, i) => i > 0 && rows.every((row) => /^[-\d,.]+$/.test(row[i])));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (numeric[i] ? padStart(cell, widths[i]) : pad(cell, widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// East Asian characters take two columns in a terminal.
const width = (text: string): number => [...text].reduce((sum, ch) => sum + (/[\u3000-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, w: number): string => text + ' '.repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number): string => ' '.repeat(Math.max(0, w - width(text))) + text;

interface BenchResult {
  readonly machine: Record<string, string | number>;
  readonly runs: number;
  readonly calls: readonly CallRow[];
  readonly callsConstant: boolean;
  readonly core: readonly CoreTime[];
  readonly workload: CoreTime;
  readonly growth: { readonly base: number; readonly largest: number; readonly ratio: number };
  readonly bundle: BundleFigures;
  readonly runner: RunnerFigures | null;
  readonly peer: PeerFigures | null;
}

function machineLine(m: Record<string, string | number>): string {
  return `Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, load average ${m.loadAverage} at start, ${m.loadAverageAtEnd} at end`;
}

function printText(result: BenchResult): void {
  const out: string[] = [];
  out.push(machineLine(result.machine));
  out.push('');
  out.push(`Service calls per action (synthetic workbook, N rows in each of 候補者, イベント, 費用)`);
  out.push(
    table(
      ['rows/tab', 'harness', 'action', 'Sheets', 'getValues', 'Doc', 'other'],
      result.calls.map((row) => [
        int(row.rowsPerTab),
        row.harness,
        row.action,
        String(row.calls.sheets),
        String(row.calls.getValues),
        String(row.calls.doc),
        String(row.calls.other),
      ]),
    ),
  );
  out.push(
    result.callsConstant ? 'Same counts, call by call, at every size: OK' : 'Counts differ between sizes: NOT constant',
  );
  out.push('');
  out.push(`Core time in ms (median of ${result.runs} runs after a warm-up; rows = data rows of every tab)`);
  const coreRow = (row: CoreTime) => [
    row.label,
    int(row.rows),
    ms(row.parse),
    ms(row.validate),
    ms(row.metrics),
    ms(row.report),
    ms(row.total),
    row.microsecondsPerRow.toFixed(2),
    ms(row.makeReport),
  ];
  out.push(
    table(
      ['workbook', 'rows', 'parse', 'validate', 'metrics', 'report', 'total', 'µs/row', 'makeReport'],
      [...result.core.map(coreRow), coreRow(result.workload)],
    ),
  );
  const w = result.workload;
  out.push(
    `DESIGN §8 workload (10k candidates + 10k events + 50k costs): ${ms(w.total)} ms (budget ${BUDGET.coreMs} ms): ${
      w.total < BUDGET.coreMs ? 'OK' : 'OVER'
    }`,
  );
  const g = result.growth;
  out.push(
    `Growth: ${g.largest.toFixed(2)} µs/row at 60k vs ${g.base.toFixed(2)} at 6k = ${g.ratio.toFixed(2)}× (budget ${BUDGET.growth}×): ${
      g.ratio <= BUDGET.growth ? 'OK' : 'OVER'
    }`,
  );
  out.push('');
  const b = result.bundle;
  out.push(
    `Bundle: dist/Code.js ${(b.bytes / 1024).toFixed(1)} KB (budget ${BUDGET.bundleKb} KB)${b.rebuilt ? ', rebuilt' : ''}; ` +
      `load in a vm ${ms(b.firstLoadMs)} ms first, ${ms(b.loadMs)} ms median after; service calls while loading: ${b.callsWhileLoading}`,
  );
  const r = result.runner;
  if (r) {
    out.push(
      r.mainMs === null
        ? `Local runner: failed (exit ${r.exitCode}): ${r.error ?? ''}`
        : `Local runner (report --format docx,html) on ${int(r.rowsPerTab)} rows/tab as a CSV folder (${int(r.rows)} rows, ` +
            `${(r.csvBytes / 1024 / 1024).toFixed(1)} MB): exit ${r.exitCode}, ${(r.mainMs / 1000).toFixed(2)} s in main(), ` +
            `${(r.wallMs / 1000).toFixed(2)} s wall with start-up, peak memory ${r.maxRssMb?.toFixed(0)} MB (maxRSS)`,
    );
  }
  if (result.peer) out.push('', ...printPeer(result.peer));
  process.stdout.write(`${out.join('\n')}\n`);
}

function sameCalls(rows: readonly CallRow[]): boolean {
  const key = (row: CallRow) => `${row.harness} ${row.action}`;
  const first = new Map<string, string>();
  for (const row of rows) {
    const counts = JSON.stringify(Object.entries(row.calls.byKey).sort());
    const seen = first.get(key(row));
    if (seen === undefined) first.set(key(row), counts);
    else if (seen !== counts) return false;
  }
  return true;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const progress = (text: string) => process.stderr.write(`${text}\n`);
  const info = machine();
  const rebuilt = await ensureBundle();
  if (rebuilt) progress('built dist/Code.js');
  if (cliBundle.isCliBundleStale()) {
    await cliBundle.buildCli();
    progress('built dist/node/cli.cjs');
  }
  if (options.peerOnly) {
    const peer = measurePeer(options, progress);
    info.loadAverageAtEnd = Number(loadavg()[0].toFixed(2));
    if (options.json) process.stdout.write(`${JSON.stringify({ machine: info, peer }, null, 2)}\n`);
    else process.stdout.write(`${[machineLine(info), '', ...printPeer(peer)].join('\n')}\n`);
    return;
  }
  const calls: CallRow[] = [];
  let largest: Sheets | undefined;
  for (const rows of CALL_SIZES) {
    progress(`calls at ${int(rows)} rows/tab…`);
    const sheets = sheetsOf({ candidates: rows, events: rows, costs: rows });
    calls.push(...measureCalls(rows, sheets));
    if (rows === Math.max(...CALL_SIZES)) largest = sheets;
  }
  // Optimizing compilers settle after a few runs; without this, whichever size is timed first pays for compiling.
  progress('warming up…');
  measureCore('warm-up', { candidates: 6_000, events: 6_000, costs: 6_000 }, 3);
  const core: CoreTime[] = [];
  for (const rows of TIME_SIZES) {
    progress(`core time at ${int(rows)} rows/tab…`);
    core.push(measureCore(`${int(rows)} each`, { candidates: rows, events: rows, costs: rows }, options.runs));
  }
  progress('core time on the DESIGN §8 workload…');
  const workload = measureCore('10k/10k/50k', WORKLOAD, options.runs);
  const base = core.find((row) => row.size.candidates === 6_000) as CoreTime;
  const top = core.find((row) => row.size.candidates === 60_000) as CoreTime;
  progress('bundle…');
  const bundle = measureBundle(options.runs, rebuilt);
  let runner: RunnerFigures | null = null;
  if (options.runner && largest) {
    progress('local runner on the largest workbook…');
    runner = measureRunner(Math.max(...CALL_SIZES), largest);
  }
  const peer = options.peer === null ? null : measurePeer(options, progress);
  info.loadAverageAtEnd = Number(loadavg()[0].toFixed(2));
  const result: BenchResult = {
    machine: info,
    runs: options.runs,
    calls,
    callsConstant: sameCalls(calls),
    core,
    workload,
    growth: {
      base: base.microsecondsPerRow,
      largest: top.microsecondsPerRow,
      ratio: top.microsecondsPerRow / base.microsecondsPerRow,
    },
    bundle,
    runner,
    peer,
  };
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else printText(result);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
