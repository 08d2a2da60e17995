// Jest projects Stryker runs for `npm run mutate`: only the layers that import src/ directly (unit: the core; gas: the adapters on fakes), since bundle, node and e2e tests run dist/ or spawn a process and cannot see a mutant.
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };
const project = (name) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: tsJest,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
});
module.exports = {
  projects: ['unit', 'gas'].map(project),
};
