// Jest projects mirror the test layers: unit (core), gas (adapters on fakes), bundle (dist/Code.js in a vm), node (local runner), e2e (browser, LibreOffice), hostile (crafted attacks on every door).
// The projects that load dist/ share one global setup that builds it once per jest run, only when one of their tests
// is selected (jest runs a project's globalSetup only then), so `jest --selectProjects unit` never builds.
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };
const BUILT = new Set(['bundle', 'e2e', 'hostile']);
const project = (name) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: tsJest,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...(BUILT.has(name) ? { globalSetup: '<rootDir>/test/global-setup.ts' } : {}),
});
module.exports = {
  projects: ['unit', 'gas', 'bundle', 'node', 'e2e', 'hostile'].map(project),
};
