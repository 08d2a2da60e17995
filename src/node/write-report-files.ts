// This file defines how report files land on disk: one free base name for all formats, never over an existing file.
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportKind } from '../core/report-document';
import { REPORT_KINDS, REPORT_NAMES } from '../core/report-shokai';
import { describeCause, FileError } from './file-error';

export type ReportFormat = 'docx' | 'html' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'html', 'pdf'];

export interface ReportFile {
  readonly format: ReportFormat;
  readonly bytes: Uint8Array;
}

/**
 * `事業報告書_2022年度`, then `事業報告書_2022年度 (2)`, `(3)`… (`職業紹介事業報告書_2022年度` for the 様式第8号). Built
 * from the kind's fixed stem, the year, a whole number, and nothing the workbook says as text (団体名 never reaches a
 * file name), so a name can hold no path separator and no `..`.
 */
export function reportBaseName(year: number, attempt = 1, kind: ReportKind = 'jigyo'): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`report file name: not a year and attempt: ${year}, ${attempt}`);
  }
  // Only the kinds' own stems: a key such as 'constructor' must not reach the name through the object's prototype.
  if (!REPORT_KINDS.includes(kind)) throw new RangeError(`report file name: not a report kind: ${String(kind)}`);
  return `${REPORT_NAMES[kind]}_${year}年度${attempt > 1 ? ` (${attempt})` : ''}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

const MAX_ATTEMPTS = 1000;

/**
 * Writes the files under the first base name for which no report file of any format exists yet, so the .docx,
 * .html and .pdf of one run share a name. Each file is created exclusively ('wx'): should another run take the
 * name in between, this run removes what it wrote and moves on to the next name.
 */
export async function writeReportFiles(
  dir: string,
  year: number,
  files: readonly ReportFile[],
  kind: ReportKind = 'jigyo',
): Promise<string[]> {
  reportBaseName(year, 1, kind); // a year that is not a whole number is refused before anything is made
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FileError('write_failed', dir, describeCause(error));
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const base = join(dir, reportBaseName(year, attempt, kind));
    const taken = await Promise.all(REPORT_FORMATS.map((format) => exists(`${base}.${format}`)));
    if (taken.some(Boolean)) continue;
    const written: string[] = [];
    try {
      for (const file of files) {
        const path = `${base}.${file.format}`;
        await writeFile(path, file.bytes, { flag: 'wx' });
        written.push(path);
      }
      return written;
    } catch (error) {
      await Promise.all(written.map((path) => rm(path, { force: true })));
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new FileError('write_failed', `${base}.*`, describeCause(error));
    }
  }
  throw new FileError('output_exists', join(dir, reportBaseName(year, 1, kind)));
}

/**
 * Writes the .docx an update made (`--update`) as `事業報告書_2022年度_更新.docx`, then `_更新 (2)`, `(3)`…, created
 * exclusively: never over the report it was made from nor over an earlier update.
 */
export async function writeUpdatedReport(
  dir: string,
  year: number,
  bytes: Uint8Array,
  kind: ReportKind = 'jigyo',
): Promise<string> {
  const stem = `${reportBaseName(year, 1, kind)}_更新`;
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FileError('write_failed', dir, describeCause(error));
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const path = join(dir, `${stem}${attempt > 1 ? ` (${attempt})` : ''}.docx`);
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new FileError('write_failed', path, describeCause(error));
    }
  }
  throw new FileError('output_exists', join(dir, `${stem}.docx`));
}
