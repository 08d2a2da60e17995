// This file defines the local runner's bundle: src/node/cli.ts → dist/node/cli.cjs (esbuild, CommonJS; the .docx libraries in dist/node/vendor/), and when it is stale.
// Plain JavaScript, so that bin/jigyo-hokoku.js can rebuild the bundle without a TypeScript loader; scripts/build.ts
// calls the same buildCli(), so `npm run build` and the command make the same file.
const { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

/**
 * dist/node/, not dist/: the bundle keeps the depth of src/node/cli.ts, so its `__dirname`-relative paths (the sample
 * workbook at ../../samples/fy2022) point where they do in the source.
 */
const CLI_BUNDLE = join(ROOT, 'dist/node/cli.cjs');
const CLI_ENTRY = join(ROOT, 'src/node/cli.ts');

/**
 * The packages that only write or read a .docx, each bundled into its own file next to the bundle
 * (dist/node/vendor/docx.cjs…) and required from it on first use (src/node/cli.ts requires the modules that import
 * them only then): `validate` and `report --format html` never read their 1 MB. In cli.cjs they were three quarters
 * of the file, which Node reads and compiles at every start: loading the bundle took 29 ms of CPU with them, 14
 * without (medians of 6, loaded 2-core machine), and its wall time about halved.
 */
const VENDOR_ENTRIES = {
  // docx's ES module build, the one esbuild bundled into cli.cjs before; jszip and saxes are CommonJS.
  docx: "export * from 'docx';",
  jszip: "module.exports = require('jszip');",
  saxes: "module.exports = require('saxes');",
};
const VENDOR_PACKAGES = Object.keys(VENDOR_ENTRIES);
const VENDOR_FILES = VENDOR_PACKAGES.map((name) => join(ROOT, `dist/node/vendor/${name}.cjs`));

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

/**
 * True when the bundle (dist/node/cli.cjs), or one of the vendor files the real bundle requires, is missing or older
 * than anything it is built from.
 */
function isCliBundleStale(bundle = CLI_BUNDLE, sources = CLI_SOURCES) {
  const outputs = bundle === CLI_BUNDLE ? [CLI_BUNDLE, ...VENDOR_FILES] : [bundle];
  let builtAt = Number.POSITIVE_INFINITY;
  for (const output of outputs) {
    try {
      builtAt = Math.min(builtAt, statSync(output).mtimeMs);
    } catch {
      return true;
    }
  }
  return sources.some((source) => newestMtime(source) > builtAt);
}

/**
 * esbuild options. docx, jszip and saxes are bundled, each into one vendor file (above): one file starts faster than
 * the same code left to Node's module loader, which resolves and reads each of a package's files. exceljs stays outside (required by
 * src/node only when an .xlsx is read or a template written): bundled, its 1.7 MB with archiver, jszip and bluebird
 * cost every start the time to compile them. Measured on the sample report (alternating runs, medians of 7, loaded
 * 2-core machine): 0.71 s with everything bundled, 0.54 s with exceljs outside; minifying gained nothing measurable.
 * Not minified, so an internal error's stack still names functions.
 */
function cliBuildOptions(outfile) {
  return {
    entryPoints: [CLI_ENTRY],
    outfile,
    ...COMMON_OPTIONS,
    external: ['exceljs', ...VENDOR_PACKAGES],
  };
}

const COMMON_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'silent',
};

/**
 * In cli.cjs, `require("docx")` (an import of an external package) becomes `require("./vendor/docx.cjs")`, which Node
 * reads beside the bundle; each must be there, in the lazily run body of the module that imports it.
 */
function pointAtVendorFiles(code) {
  let text = code;
  for (const name of VENDOR_PACKAGES) {
    const from = `require("${name}")`;
    if (!text.includes(from)) throw new Error(`cli bundle: no ${from} to point at dist/node/vendor/${name}.cjs`);
    text = text.split(from).join(`require("./vendor/${name}.cjs")`);
  }
  return text;
}

/** One package as one CommonJS file, exporting what cli.cjs imported from it when it was bundled in. */
function vendorBuildOptions(name) {
  return {
    stdin: { contents: VENDOR_ENTRIES[name], resolveDir: ROOT },
    outfile: VENDOR_FILES[VENDOR_PACKAGES.indexOf(name)],
    ...COMMON_OPTIONS,
  };
}

/** Written next to the file, then renamed over it: a command started meanwhile reads the old file or the new one. */
function temporaryPath(path) {
  return `${path}.${process.pid}.${Date.now()}.tmp`;
}

function finish(temporary, path) {
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return path;
}

/** The files buildCli writes, vendor files first: path and the esbuild options that make its text. */
function outputs() {
  return [
    ...VENDOR_PACKAGES.map((name, index) => ({ path: VENDOR_FILES[index], options: vendorBuildOptions(name) })),
    { path: CLI_BUNDLE, options: cliBuildOptions(CLI_BUNDLE), edit: pointAtVendorFiles },
  ];
}

function write(output, result) {
  const text = result.outputFiles[0].text;
  const temporary = temporaryPath(output.path);
  writeFileSync(temporary, output.edit ? output.edit(text) : text);
  return finish(temporary, output.path);
}

/** Builds dist/node/cli.cjs and its vendor files (for `npm run build`). */
async function buildCli() {
  const esbuild = require('esbuild');
  mkdirSync(join(ROOT, 'dist/node/vendor'), { recursive: true });
  for (const output of outputs()) write(output, await esbuild.build({ ...output.options, write: false }));
  return CLI_BUNDLE;
}

/** The same, synchronously (for bin/jigyo-hokoku.js before it loads the bundle). */
function buildCliSync() {
  const esbuild = require('esbuild');
  mkdirSync(join(ROOT, 'dist/node/vendor'), { recursive: true });
  for (const output of outputs()) write(output, esbuild.buildSync({ ...output.options, write: false }));
  return CLI_BUNDLE;
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
  VENDOR_FILES,
  isCliBundleStale,
  buildCli,
  buildCliSync,
  cliBuildOptions,
};
