// This file defines the tests that `validate` and `report --format html` never load the .docx libraries (docx, jszip, saxes), and that docx still loads them.
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CliEnvironment } from '../../src/node/cli';

const REPO = join(__dirname, '../..');
const SAMPLE = join(REPO, 'samples/fy2022');
const LIBRARIES = ['docx', 'jszip', 'saxes'] as const;

interface Run {
  readonly code: number;
  readonly loaded: readonly string[];
  readonly files: readonly string[];
}

/** Runs the command in a fresh module registry where each library counts its loads; lists what was written. */
async function runCounting(argv: readonly string[]): Promise<Run> {
  const loaded: string[] = [];
  let main: (argv: readonly string[], env: Partial<CliEnvironment>) => Promise<number> = async () => -1;
  jest.isolateModules(() => {
    for (const library of LIBRARIES) {
      jest.doMock(library, () => {
        loaded.push(library);
        return jest.requireActual(library);
      });
    }
    main = require('../../src/node/cli').main;
  });
  mkdirSync(join(REPO, 'test-output/node'), { recursive: true });
  const out = mkdtempSync(join(REPO, 'test-output/node/lazy-docx-'));
  const quiet = { write: () => true };
  const code = await main([...argv, ...(argv[0] === 'report' ? ['--out', out] : [])], {
    cwd: REPO,
    soffice: null,
    stdout: quiet,
    stderr: quiet,
  });
  return { code, loaded: [...loaded].sort(), files: readdirSync(out).sort() };
}

afterEach(() => {
  for (const library of LIBRARIES) jest.dontMock(library);
});

it('validate loads none of docx, jszip and saxes', async () => {
  expect(await runCounting(['validate', SAMPLE])).toEqual({ code: 0, loaded: [], files: [] });
});

it('report --format html loads none of them and writes only the .html', async () => {
  expect(await runCounting(['report', SAMPLE, '--format', 'html'])).toEqual({
    code: 0,
    loaded: [],
    files: ['事業報告書_2022年度.html'],
  });
});

it('report --format docx loads docx when it renders (the counter sees a load)', async () => {
  const run = await runCounting(['report', SAMPLE, '--format', 'docx']);
  expect(run.code).toBe(0);
  expect(run.loaded).toContain('docx');
  expect(run.files).toEqual(['事業報告書_2022年度.docx']);
});
