// This file defines the local runner's bundle: src/node/cli.ts → dist/node/cli.cjs (esbuild, one CommonJS file), and when it is stale.
// Plain JavaScript, so that bin/jigyo-hokoku.js can rebuild the bundle without a TypeScript loader; scripts/build.ts
// calls the same buildCli(), so `npm run build` and the command make the same file.
const { mkdirSync, readdirSync, renameSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

/**
 * dist/node/, not dist/: the bundle keeps the depth of src/node/cli.ts, so its `__dirname`-relative paths (the sample
 * workbook at ../../samples/fy2022) point where they do in the source.
 */
const CLI_BUNDLE = join(ROOT, 'dist/node/cli.cjs');
const CLI_ENTRY = join(ROOT, 'src/node/cli.ts');

/**
 * What the bundle is made of: the runner and the core, the build options below, and the lock file (the runtime
 * package docx is bundled in, so a new version of it needs a new bundle).
 */
const CLI_SOURCES = ['src/core', 'src/node', 'scripts/cli-bundle.js', 'package-lock.json'].map((path) =>
  join(ROOT, path),
);

/** The newest modification time of a file, or of any file under a folder (0 when the path does not exist). */
function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when the bundle (dist/node/cli.cjs) is missing or older than anything it is built from. */
function isCliBundleStale(bundle = CLI_BUNDLE, sources = CLI_SOURCES) {
  let builtAt;
  try {
    builtAt = statSync(bundle).mtimeMs;
  } catch {
    return true;
  }
  return sources.some((source) => newestMtime(source) > builtAt);
}

/**
 * esbuild options. docx (needed by every report) is bundled in: one file starts faster than the same code left to
 * Node's module loader, which resolves and reads each of a package's files. exceljs stays outside (required by
 * src/node only when an .xlsx is read or a template written): bundled, its 1.7 MB with archiver, jszip and bluebird
 * cost every start the time to compile them. Measured on the sample report (alternating runs, medians of 7, loaded
 * 2-core machine): 0.71 s with everything bundled, 0.54 s with exceljs outside; minifying gained nothing measurable.
 * Not minified, so an internal error's stack still names functions.
 */
function cliBuildOptions(outfile) {
  return {
    entryPoints: [CLI_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  };
}

/** Written next to the bundle, then renamed over it: a command started meanwhile reads the old file or the new one. */
function temporaryPath() {
  return `${CLI_BUNDLE}.${process.pid}.${Date.now()}.tmp`;
}

function finish(temporary) {
  try {
    renameSync(temporary, CLI_BUNDLE);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return CLI_BUNDLE;
}

/** Builds dist/node/cli.cjs (for `npm run build`). */
async function buildCli() {
  const esbuild = require('esbuild');
  mkdirSync(join(ROOT, 'dist/node'), { recursive: true });
  const temporary = temporaryPath();
  await esbuild.build(cliBuildOptions(temporary));
  return finish(temporary);
}

/** The same, synchronously (for bin/jigyo-hokoku.js before it loads the bundle). */
function buildCliSync() {
  const esbuild = require('esbuild');
  mkdirSync(join(ROOT, 'dist/node'), { recursive: true });
  const temporary = temporaryPath();
  esbuild.buildSync(cliBuildOptions(temporary));
  return finish(temporary);
}

/**
 * Node options of the runner (package.json's report, validate and template scripts pass them; test/node/bin.test.ts
 * holds the scripts to this list). A young generation of 4 MB instead of Node's 16: a big workbook's records all
 * survive, so a large nursery only copies them more often while holding 24 MB more. Measured on 60,000 rows per tab
 * (validate, medians of 5 alternating runs, loaded 2-core machine): peak memory 185 → 161 MB, wall 4.1 → 3.0 s, the
 * same CPU time.
 */
const NODE_FLAGS = ['--max-semi-space-size=4'];

module.exports = {
  NODE_FLAGS,
  CLI_BUNDLE,
  CLI_ENTRY,
  CLI_SOURCES,
  isCliBundleStale,
  buildCli,
  buildCliSync,
  cliBuildOptions,
};
