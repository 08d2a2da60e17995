#!/usr/bin/env node
// This file defines the `jigyo-hokoku` command: it runs the prebuilt bundle dist/node/cli.cjs (no TypeScript compile at run time), building it first when it is missing or older than src/.

const bundle = require('../scripts/cli-bundle.js');

if (bundle.isCliBundleStale()) {
  try {
    // esbuild is a devDependency, present after `npm ci` in this repository; a fresh clone builds here once.
    bundle.buildCliSync();
  } catch (error) {
    const cause = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (!require('node:fs').existsSync(bundle.CLI_BUNDLE)) {
      process.stderr.write(
        `エラー: 実行用のファイル dist/node/cli.cjs を作れませんでした（${cause}）。このリポジトリで \`npm ci\` を実行してから、もう一度お試しください。\n`,
      );
      process.exit(2);
    }
    // A bundle that cannot be rebuilt (no esbuild, a read-only folder) still runs, with a word about it.
    process.stderr.write(`注意: dist/node/cli.cjs を作り直せなかったため、前に作ったものを使います（${cause}）\n`);
  }
}

require(bundle.CLI_BUNDLE)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
