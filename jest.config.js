// Jest projects mirror the test layers: unit (core), gas (adapters on fakes), bundle (dist/Code.js in a vm), node (local runner), e2e (browser, LibreOffice), hostile (crafted attacks on every door).
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };
const project = (name) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: tsJest,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
});
module.exports = {
  projects: ['unit', 'gas', 'bundle', 'node', 'e2e', 'hostile'].map(project),
};
