// This file defines how Stryker runs the tests (`npm run mutate`): the unit and gas layers, under vitest, whose warm
// workers run a mutant in about a second where jest needs three or four. `npm test` runs them with jest as always; the
// tests use jest's API, which vitest provides (`test/vitest-setup.ts` names `vi` as `jest`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    // Stryker starts one run per mutant, and each run loads the modules afresh whatever this says (checked: a module
    // with a side effect loads once per run on a new thread), so a mutant never outlives its run. Within a run, test
    // files share the loaded modules instead of loading them once per file, which made a mutant that nearly every
    // test reaches cost 2–3 times as long. The suite passes unisolated (`npx vitest run --no-isolate`), and on
    // input-rules.ts + records.ts both ways gave the same status to each of the 85 mutants.
    isolate: false,
    include: ['test/unit/**/*.test.ts', 'test/gas/**/*.test.ts'],
    // Its limits are time per kilobyte, which instrumented code misses without being wrong; it asserts no figure.
    exclude: ['test/unit/parsers-linear.test.ts'],
    setupFiles: ['./test/vitest-setup.ts'],
    // Mutated code under a loaded machine is slower: a test that times out would count as a failed dry run.
    testTimeout: 60_000,
  },
});
