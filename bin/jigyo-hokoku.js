#!/usr/bin/env node
// This file defines the `jigyo-hokoku` command: it runs src/node/cli.ts through tsx, the TypeScript runner the repo installs.

try {
  // tsx is a devDependency, present after `npm ci` in this repository; its CommonJS hook compiles .ts on require.
  require('tsx/cjs');
} catch {
  process.stderr.write(
    'エラー: tsx が見つかりません。このリポジトリで `npm ci` を実行してから、もう一度お試しください。\n',
  );
  process.exit(2);
}

require('../src/node/cli.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
