// This file defines the second pass of the batched mutation run (`npm run mutate:static`, after `npm run
// mutate:batches`). With `ignoreStatic`, a mutant that runs while modules load (a table, a regex, a function a module
// calls at load) and also inside some test is run against those tests only, with the mutant switched on after the
// modules were loaded; the tests whose data was made at load or in a beforeAll are not run for it. This pass takes each
// such mutant the batches left alive and runs it as Stryker runs static mutants (stryker.static.config.mjs): switched
// on from the first module load, against every test. Results go to reports/mutation/batches/static.json, which
// scripts/mutation-score.mjs reads in place of the batches' verdicts for those mutants.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'reports/mutation/batches';
const ranges = [];
for (const name of readdirSync(dir).filter((f) => /^B\d+\.json$/.test(f))) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (!m.static || (m.status !== 'Survived' && m.status !== 'NoCoverage')) continue;
      const { start, end } = m.location;
      // The report's columns count from 1, a --mutate range's from 0.
      ranges.push(`${file}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`);
    }
  }
}
const unique = [...new Set(ranges)];
console.log(`${ranges.length} static mutants left alive by the batches, ${unique.length} ranges`);
if (unique.length === 0) process.exit(0);
const out = join(dir, 'static.json');
const args = ['stryker', 'run', 'stryker.static.config.mjs', '--mutate', unique.join(','), '--incremental'];
args.push('--incrementalFile', out, '--reporters', 'progress-append-only');
process.exit(spawnSync('npx', args, { stdio: 'inherit' }).status ?? 1);
