// This file defines the mutation-testing setup (`npm run mutate`, not part of `npm test`): Stryker mutates src/core
// and runs the unit and gas tests (the layers that import src/ directly) under vitest (vitest.config.mts), about three
// times faster per mutant than through jest. One file: `npm run mutate -- --mutate src/core/metrics.ts`.
// Reports land in reports/mutation/ (gitignored).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.mts' },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (code run while modules load: the schema's and the registry's literals) each need a fresh run of
  // every related test, so they are skipped by default (Stryker lists them as ignored); `--ignoreStatic false`
  // includes them.
  ignoreStatic: true,
  // The machine is shared: two test processes at most.
  concurrency: 2,
  // A mutant whose tests run past this (plus 1.5× their own time) is counted as a timeout, i.e. detected. The default
  // 5 s was met by plain slowness on a loaded machine; every endless loop a mutant makes waits this long, so not more.
  timeoutMS: 10000,
  ignorePatterns: [
    'dist',
    'out',
    'test-output',
    'coverage',
    'reports',
    'test/e2e',
    'test/bundle',
    'test/node',
    'test/hostile',
  ],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
};
