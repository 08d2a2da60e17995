#!/usr/bin/env node
// This file defines the `jigyo-hokoku` command: it runs the prebuilt bundle dist/node/cli.cjs (no TypeScript compile at run time), building it first when it is missing or older than src/.

const bundle = require('../scripts/cli-bundle.js');

if (bundle.isCliBundleStale()) {
  try {
    // esbuild is a devDependency, present after `npm ci` in this repository; a fresh clone builds here once.
    bundle.buildCliSync();
  } catch (error) {
    const cause = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(
      `エラー: 実行用のファイル dist/node/cli.cjs を作れませんでした（${cause}）。このリポジトリで \`npm ci\` を実行してから、もう一度お試しください。\n`,
    );
    process.exit(2);
  }
}

require(bundle.CLI_BUNDLE)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
