// This file defines the mutation score of src/core from the batch reports (`node scripts/mutation-score.mjs [DIR]`,
// default reports/mutation/batches): per file and in all, Stryker's score (killed or timed out over all that ran) and
// its lower bound with timeouts counted as undetected (a timeout on a loaded machine is not a proven kill), and, per
// file, what docs/mutation-survivors/<file>.md says of its undetected mutants: explained (`- L<line>:<col> <Mutator>`
// lines), killed by tests added after the run (`Killed by tests added: N`), deleted with dead code. A static mutant the
// batches left alive takes its verdict from the second pass (static.json, `npm run mutate:static`) where it ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = process.argv[2] ?? 'reports/mutation/batches';
const counts = (mutants) => {
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
  for (const m of mutants) c[m.status in c ? m.status : 'other']++;
  return c;
};
const percent = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const mutantKey = (file, m) =>
  `${file}:${m.location.start.line}:${m.location.start.column}:${m.mutatorName}:${m.replacement}`;
const staticPass = new Map();
if (existsSync(join(dir, 'static.json'))) {
  for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(join(dir, 'static.json'), 'utf8')).files)) {
    for (const m of mutants) staticPass.set(mutantKey(file, m), m.status);
  }
}
const undetected = (status) => status === 'Survived' || status === 'NoCoverage';
const rerun = counts([]);
const total = counts([]);
const rows = [];
for (const name of readdirSync(dir)
  .filter((f) => /^B\d+\.json$/.test(f))
  .sort()) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  for (const [file, { mutants: batchMutants }] of Object.entries(report.files)) {
    const mutants = batchMutants.map((m) => {
      const second = m.static && undetected(m.status) ? staticPass.get(mutantKey(file, m)) : undefined;
      if (second === undefined) return m;
      rerun[second in rerun ? second : 'other']++;
      return { ...m, status: second };
    });
    const c = counts(mutants);
    for (const k of Object.keys(total)) total[k] += c[k];
    const ran = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
    const doc = join('docs/mutation-survivors', `${basename(file, '.ts')}.md`);
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
    // A mutant explained as alive that timed out in this run (a loaded machine) is counted as detected, not here.
    const explained = (text.match(/^- L\d+:\d+ \w+(?!.*\(timed out in this run)/gm) ?? []).length;
    // One line per round (`Killed by tests added: N`, `Killed by tests added (static): N`, and `Killed by existing
    // tests when applied by hand: N` for a static mutant that a test added after the run already fails).
    const killed = [...text.matchAll(/^Killed by [^:]*: (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const deadLine = /^Deleted as dead code.*$/m.exec(text)?.[0] ?? '';
    const deleted = [...deadLine.matchAll(/L\d+:\d+ \w+(?: ×(\d+))?/g)].reduce((n, m) => n + Number(m[1] ?? 1), 0);
    rows.push([
      file,
      percent(c.Killed + c.Timeout, ran),
      percent(c.Killed, ran),
      ran,
      c.Timeout,
      c.Survived + c.NoCoverage,
      explained,
      killed,
      deleted,
      name,
    ]);
  }
}
console.log(
  'file | score | without timeouts | ran | timeouts | undetected | explained | killed by tests added | deleted as dead code | batch',
);
for (const row of rows) console.log(row.join(' | '));
const ran = total.Killed + total.Timeout + total.Survived + total.NoCoverage;
console.log(
  `all ${rows.length} files: ${percent(total.Killed + total.Timeout, ran)} (without timeouts ${percent(total.Killed, ran)}), ` +
    `${ran} mutants ran, ${total.Ignored} static ones skipped`,
);
const again = rerun.Killed + rerun.Timeout + rerun.Survived + rerun.NoCoverage;
if (again > 0) {
  console.log(
    `static mutants left alive by the batches and run again against every test (static.json): ${again}, of which ` +
      `${rerun.Killed} killed, ${rerun.Timeout} timed out, ${rerun.Survived + rerun.NoCoverage} still alive`,
  );
}
