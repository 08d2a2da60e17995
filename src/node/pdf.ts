// This file defines the PDF step: a .docx converted by LibreOffice (soffice --headless), with its own throwaway profile.
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type PdfResult =
  | { readonly ok: true; readonly pdf: Buffer }
  | { readonly ok: false; readonly reason: 'soffice_missing' | 'conversion_failed'; readonly detail: string };

// Where the LibreOffice installers put soffice when it is not on PATH.
const WELL_KNOWN_SOFFICE = [
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

const CONVERSION_TIMEOUT_MS = 180_000;

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice (or libreoffice) executable on PATH or where the installers put it; null when there is none. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  for (const candidate of WELL_KNOWN_SOFFICE) if (await isExecutable(candidate)) return candidate;
  return null;
}

function run(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { timeout: CONVERSION_TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}${error && code !== 0 ? error.message : ''}`.trim() });
    });
  });
}

/**
 * Converts .docx bytes to PDF bytes. soffice works in a temporary folder with a temporary profile
 * (-env:UserInstallation), so parallel runs never share a profile and nothing in the output folder is touched.
 * `soffice`: the executable to use; default: found by `findSoffice`; null: treat LibreOffice as not installed.
 */
export async function convertDocxToPdf(docx: Uint8Array, soffice?: string | null): Promise<PdfResult> {
  const executable = soffice === undefined ? await findSoffice() : soffice;
  if (executable === null || !(await isExecutable(executable))) {
    return { ok: false, reason: 'soffice_missing', detail: executable ?? '' };
  }
  const work = await mkdtemp(join(tmpdir(), 'jigyo-hokoku-pdf-'));
  try {
    const input = join(work, 'report.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(work, 'profile')).href;
    const result = await run(executable, [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nologo',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      input,
    ]);
    try {
      return { ok: true, pdf: await readFile(join(work, 'report.pdf')) };
    } catch {
      // soffice exits 0 even when it could not convert; the missing file is the real signal.
      return { ok: false, reason: 'conversion_failed', detail: result.output || `exit code ${result.code}` };
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
