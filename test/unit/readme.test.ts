// Keeps the README's staff section true to the one schema, the metrics registry and the custom functions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRICS } from '../../src/core/metrics';
import { SETTINGS, TABS } from '../../src/core/schema';
import { CUSTOM_FUNCTION_NAMES } from '../../src/gas/custom-functions';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const staff = readme.slice(readme.indexOf('## スタッフ向け'), readme.indexOf('## カスタム関数'));

describe('README', () => {
  it('names every tab and column of the schema in the staff section', () => {
    for (const tab of TABS) {
      expect(staff).toContain(`| ${tab.ja} |`);
      const row = staff.split('\n').find((line) => line.startsWith(`| ${tab.ja} |`)) ?? '';
      for (const column of tab.columns.filter(() => tab.kind !== 'settings')) expect(row).toContain(column.ja);
    }
    for (const setting of SETTINGS) expect(staff).toContain(setting.ja);
  });

  it('lists every metric and documents every custom function', () => {
    for (const metric of METRICS) expect(staff).toContain(metric.id);
    for (const name of CUSTOM_FUNCTION_NAMES) expect(readme).toContain(`\`${name}(`);
  });

  it('gives the two commands', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm test');
  });
});
