// This file defines the mutation-testing setup (`npm run mutate`, not part of `npm test`): Stryker mutates src/core
// and runs the unit and gas jest projects (jest.stryker.config.js), the layers that import src/ directly.
// One file: `npm run mutate -- --mutate src/core/metrics.ts`. Reports land in reports/mutation/ (gitignored).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js' },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (code run while modules load: the schema's and the registry's literals) each need a fresh run of
  // every related test, about 10 s apiece here, so they are skipped by default (Stryker lists them as ignored).
  // Measured on 2 shared cores: metrics.ts + fiscal-year.ts take about 15 min; all of src/core (5,091 mutants, 540
  // static) would take hours, so run it a few files at a time with --mutate. `--ignoreStatic false` includes them.
  ignoreStatic: true,
  // The machine is shared: two test processes at most.
  concurrency: 2,
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
