// Hostile input for the 職業紹介事業報告書: a forged report kind from the sidebar page or the command line, a kind
// forced into the file-name builder, planted names in every person-level column, and characters no document holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeReport } from '../../src/core/pipeline';
import type { ReportKind } from '../../src/core/report-document';
import { kindArgument } from '../../src/core/sidebar-api';
import { reportBaseName } from '../../src/node/write-report-files';
import { shokaiTabs, shokaiTextTabs } from '../fixtures/shokai-workbook';
import { rawWorkbook } from '../helpers/raw';
import { listFiles, outputDir, plantSentinels, readSampleTabs, runCli, unzip, writeCsvFolder } from '../node/support';

describe('a report kind from the sidebar page (untrusted)', () => {
  it.each([
    ['SHOKAI'],
    [' shokai'],
    ['shokai\u0000'],
    [['shokai']],
    [{ toString: () => 'shokai' }],
    [null],
    [undefined],
    [1],
    ['constructor'],
    ['__proto__'],
  ])('%j is the default 事業報告書', (value) => {
    expect(kindArgument(value)).toBe('jigyo');
  });

  it('only the exact string "shokai" asks for the 職業紹介事業報告書', () => {
    expect(kindArgument('shokai')).toBe('shokai');
  });
});

describe('a report kind forced into the file name', () => {
  it.each(['constructor', '__proto__', '../x', 'toString', ''])(
    'refuses %j instead of naming a file after it',
    (kind) => {
      expect(() => reportBaseName(2022, 1, kind as ReportKind)).toThrow(`report file name: not a report kind: ${kind}`);
    },
  );

  it('names only the two fixed stems', () => {
    expect(reportBaseName(2022, 3, 'shokai')).toBe('職業紹介事業報告書_2022年度 (3)');
    expect(reportBaseName(2022, 1, 'jigyo')).toBe('事業報告書_2022年度');
  });
});

describe('--report on the command line', () => {
  it.each(['../../etc/passwd', 'shokai,jigyo', 'constructor', ''])(
    'refuses %j with one line naming the allowed kinds, writing nothing',
    async (value) => {
      const cwd = outputDir('hostile-kind');
      const run = await runCli(['report', '--report', value, '--format', 'html'], cwd);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`エラー: --report に使えるのは jigyo, shokai です: ${value}`);
      expect(listFiles(cwd)).toEqual([]);
    },
  );
});

describe('what reaches the 職業紹介事業報告書', () => {
  it('no planted value of any person-level column of the sample, in the .docx or the .html', async () => {
    const cwd = outputDir('hostile-shokai-sentinels');
    const { tabs, sentinels } = plantSentinels(readSampleTabs());
    expect(sentinels.length).toBeGreaterThan(400);
    writeCsvFolder(join(cwd, 'book'), tabs);
    const run = await runCli(['report', 'book', '--report', 'shokai', '--format', 'docx,html'], cwd);
    expect(run.code).toBe(0);
    const html = readFileSync(join(cwd, 'out', '職業紹介事業報告書_2022年度.html'), 'utf8');
    // The planted values change no figure: the sample's 7 placements through 職業紹介 are all there.
    expect(html).toMatch(/>常用就職件数<\/td><td[^>]*>7<\/td>/);
    const docx = unzip(readFileSync(join(cwd, 'out', '職業紹介事業報告書_2022年度.docx')));
    for (const text of [html, run.stdout, run.stderr, ...[...docx.values()].map((b) => b.toString('utf8'))]) {
      expect(text.includes('SENTINEL')).toBe(false);
    }
  });

  it('a 団体名 with control characters and markup is cleaned, and the cell is warned', () => {
    const tabs = shokaiTabs([]);
    tabs.設定 = tabs.設定.map((row) => (row[0] === '団体名' ? ['団体名', 'テスト\u0000NPO\u0007</w:t><script>'] : row));
    const result = makeReport(rawWorkbook(tabs), { kind: 'shokai' });
    if (!result.ok) throw new Error('not ok');
    expect(result.report.orgName).toBe('テストNPO</w:t><script>');
    expect(result.report.blocks[1]).toEqual({ kind: 'subtitle', text: 'テストNPO</w:t><script>' });
    expect(result.issues.filter((i) => i.code === 'invalid_character').map((i) => `${i.tab}!${i.cell}`)).toEqual([
      '設定!B2',
    ]);
  });

  it('the same 団体名 is escaped in the .html the CLI writes', async () => {
    const cwd = outputDir('hostile-shokai-markup');
    const tabs = shokaiTextTabs();
    tabs.設定 = tabs.設定.map((row) => (row[0] === '団体名' ? ['団体名', '<script>alert(1)</script>'] : row));
    writeCsvFolder(join(cwd, 'book'), tabs);
    const run = await runCli(['report', 'book', '--report', 'shokai', '--format', 'html'], cwd);
    expect(run.code).toBe(0);
    const html = readFileSync(join(cwd, 'out', '職業紹介事業報告書_2022年度.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
  });
});
