// This file tests bin/jigyo-hokoku.js: it runs the prebuilt bundle dist/node/cli.cjs (no TypeScript loader) and rebuilds it when it is stale or missing.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, outputDir, REPO } from './support';

const cliBundle = require('../../scripts/cli-bundle.js') as {
  CLI_BUNDLE: string;
  VENDOR_FILES: readonly string[];
  NODE_FLAGS: readonly string[];
  isCliBundleStale: (bundle?: string, sources?: readonly string[]) => boolean;
};

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every module file the child loaded, and its Node options. */
  readonly loaded: { modules: string[]; builtins: string[]; execArgv: string[]; nodeOptions: string };
}

/** Runs the bin in a child with a probe preloaded that lists, at exit, every module file the child required. */
function runBin(args: string[], cwd: string, preload: string[] = []): Promise<Run> {
  const probe = join(cwd, 'probe.js');
  const report = join(cwd, 'loaded.json');
  writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({
      modules: Object.keys(require.cache),
      builtins: process.moduleLoadList,
      execArgv: process.execArgv,
      nodeOptions: process.env.NODE_OPTIONS ?? '',
    })));\n`,
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        ...preload.flatMap((path) => ['--require', path]),
        '--require',
        probe,
        join(REPO, 'bin/jigyo-hokoku.js'),
        ...args,
      ],
      { cwd, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        const loaded = JSON.parse(readFileSync(report, 'utf8'));
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr, loaded });
      },
    );
  });
}

describe('bin/jigyo-hokoku.js', () => {
  it('runs dist/node/cli.cjs with no TypeScript loader and no .ts file, and passes the exit code on', async () => {
    const cwd = outputDir('bin-bundle');
    const ok = await runBin(['report', '--format', 'html'], cwd);
    expect(ok.code).toBe(0);
    // The sample's one warning (a refund), then the file written.
    expect(ok.stdout).toBe(
      '費用!E44: [警告] 「金額」の「-8800」がマイナスです。返金であればこのままで構いません\nout/事業報告書_2022年度.html\n',
    );
    expect(listFiles(join(cwd, 'out'))).toEqual(['事業報告書_2022年度.html']);
    // Going back to `require('tsx/cjs')` + src/node/cli.ts fails all three.
    expect(ok.loaded.modules).toContain(cliBundle.CLI_BUNDLE);
    expect(ok.loaded.modules.filter((path) => /\.[cm]?ts$/.test(path))).toEqual([]);
    expect(ok.loaded.modules.filter((path) => /[/\\](tsx|ts-node|typescript|esbuild)[/\\]/.test(path))).toEqual([]);
    expect(ok.loaded.execArgv.join(' ')).not.toMatch(/tsx|ts-node|--import|--loader/);
    // A CSV folder never loads exceljs (it is required only for an .xlsx or a template).
    expect(ok.loaded.modules.filter((path) => path.includes('/node_modules/exceljs/'))).toEqual([]);
    // Nor does an .html report read the .docx libraries (dist/node/vendor/, required only to write or read a .docx).
    expect(ok.loaded.modules.filter((path) => path.includes('/dist/node/vendor/'))).toEqual([]);
    // Nor Node's child_process (the PDF converter's, with net and dgram) or zlib (the .docx package's): 4 ms a start.
    expect(ok.loaded.builtins.filter((name) => /^NativeModule (child_process|zlib)$/.test(name))).toEqual([]);
    const docx = await runBin(['report', '--format', 'docx'], outputDir('bin-docx'));
    expect(docx.code).toBe(0);
    expect(docx.stdout.split('\n').slice(-2)).toEqual(['out/事業報告書_2022年度.docx', '']);
    expect(docx.loaded.modules.filter((path) => path.includes('/dist/node/vendor/'))).toEqual([
      join(REPO, 'dist/node/vendor/docx.cjs'),
    ]);

    const missing = await runBin(['validate', 'ない.xlsx'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      '読み込み中: ない.xlsx\nエラー: ない.xlsx が見つかりません。ファイル名かフォルダ名を確かめてください\n',
    );
  }, 60_000);

  it('rebuilds a bundle older than src/ before running it', async () => {
    const cwd = outputDir('bin-stale');
    // Made stale by its date only: the file stays whole, so a command run meanwhile by another test still works.
    const longAgo = new Date('2001-01-01T00:00:00Z');
    utimesSync(cliBundle.CLI_BUNDLE, longAgo, longAgo);
    expect(cliBundle.isCliBundleStale()).toBe(true);
    const run = await runBin(['validate'], cwd);
    expect(run.code).toBe(0);
    expect(statSync(cliBundle.CLI_BUNDLE).mtimeMs).toBeGreaterThan(longAgo.getTime() + 1000);
    expect(run.loaded.modules).toContain(cliBundle.CLI_BUNDLE);
  }, 60_000);

  it('rebuilds when a vendor file (dist/node/vendor/jszip.cjs) is older than src/, though cli.cjs is not', async () => {
    const cwd = outputDir('bin-stale-vendor');
    const vendor = join(REPO, 'dist/node/vendor/jszip.cjs');
    expect(cliBundle.VENDOR_FILES).toEqual(
      ['docx', 'jszip', 'saxes'].map((n) => join(REPO, `dist/node/vendor/${n}.cjs`)),
    );
    const longAgo = new Date('2001-01-01T00:00:00Z');
    utimesSync(vendor, longAgo, longAgo);
    expect(cliBundle.isCliBundleStale()).toBe(true);
    const run = await runBin(['validate'], cwd);
    expect(run.code).toBe(0);
    expect(statSync(vendor).mtimeMs).toBeGreaterThan(longAgo.getTime() + 1000);
    expect(cliBundle.isCliBundleStale()).toBe(false);
  }, 60_000);
});

describe('bin/jigyo-hokoku.js without esbuild', () => {
  it('runs the bundle it has, with a notice, when it cannot rebuild a stale one', async () => {
    const cwd = outputDir('bin-no-esbuild');
    const noEsbuild = join(cwd, 'no-esbuild.js');
    writeFileSync(
      noEsbuild,
      `const Module = require('node:module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (request === 'esbuild') throw new Error('esbuild is not installed');
        return load.call(this, request, ...rest);
      };\n`,
    );
    const longAgo = new Date('2001-01-01T00:00:00Z');
    utimesSync(cliBundle.CLI_BUNDLE, longAgo, longAgo);
    const run = await runBin(['validate'], cwd, [noEsbuild]);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(
      '注意: dist/node/cli.cjs を作り直せなかったため、前に作ったものを使います（esbuild is not installed）',
    );
    expect(run.loaded.modules).toContain(cliBundle.CLI_BUNDLE);
    // Left stale: the next command rebuilds it.
  }, 60_000);
});

describe('isCliBundleStale', () => {
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it('is true when the bundle is missing or any source file or folder entry is newer, false otherwise', () => {
    const dir = outputDir('bin-stale-check');
    const bundle = join(dir, 'cli.cjs');
    const sources = join(dir, 'src');
    mkdirSync(join(sources, 'core'), { recursive: true });
    const deep = join(sources, 'core', 'metrics.ts');
    const lock = join(dir, 'package-lock.json');
    for (const file of [deep, lock]) writeFileSync(file, '');
    at(join(sources, 'core'), 1000);
    at(sources, 1000);
    at(deep, 1000);
    at(lock, 1000);
    expect(cliBundle.isCliBundleStale(bundle, [sources, lock])).toBe(true);
    writeFileSync(bundle, '');
    at(bundle, 2000);
    expect(cliBundle.isCliBundleStale(bundle, [sources, lock])).toBe(false);
    // A file two folders down, edited after the build.
    at(deep, 3000);
    expect(cliBundle.isCliBundleStale(bundle, [sources, lock])).toBe(true);
    at(deep, 1000);
    at(lock, 2001);
    expect(cliBundle.isCliBundleStale(bundle, [sources, lock])).toBe(true);
    at(lock, 1000);
    // A source that does not exist (no lock file) is never newer.
    expect(cliBundle.isCliBundleStale(bundle, [sources, join(dir, 'none')])).toBe(false);
  });
});

describe('package.json', () => {
  it('runs report, validate and template through the bin with NODE_FLAGS, not through tsx', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(cliBundle.NODE_FLAGS).toEqual(['--max-semi-space-size=4']);
    expect([scripts.report, scripts.validate, scripts.template]).toEqual([
      'node --max-semi-space-size=4 bin/jigyo-hokoku.js report',
      'node --max-semi-space-size=4 bin/jigyo-hokoku.js validate',
      'node --max-semi-space-size=4 bin/jigyo-hokoku.js template',
    ]);
  });
});
