// Tests for the PDF step without LibreOffice: finding soffice, its arguments, and the failures it reports.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertDocxToPdf, findSoffice } from '../../src/node/pdf';
import { listFiles, outputDir, runCli } from './support';

/** A stand-in for soffice: logs its arguments to args.txt beside it, and writes report.pdf into --outdir if asked. */
function fakeSoffice(dir: string, writesPdf: boolean): string {
  const path = join(dir, 'soffice');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'printf \'%s\\n\' "$@" > "$(dirname "$0")/args.txt"',
      'while [ $# -gt 0 ]; do if [ "$1" = "--outdir" ]; then out="$2"; fi; shift; done',
      writesPdf ? 'printf \'%%PDF-1.7 fake\' > "$out/report.pdf"' : 'echo "Error: source file could not be loaded" >&2',
      'exit 0',
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}

const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

describeOnPosix('convertDocxToPdf', () => {
  it('finds soffice on PATH, and nothing on an empty PATH', async () => {
    const dir = outputDir('pdf-path');
    const soffice = fakeSoffice(dir, true);
    expect(await findSoffice({ PATH: `/nonexistent:${dir}` })).toBe(soffice);
    expect(await findSoffice({ PATH: '' })).toBeNull();
  });

  it('runs soffice headless on a copy, with a throwaway profile, and returns the PDF bytes', async () => {
    const dir = outputDir('pdf-ok');
    const result = await convertDocxToPdf(Buffer.from('PK fake docx'), fakeSoffice(dir, true));
    expect(result).toEqual({ ok: true, pdf: Buffer.from('%PDF-1.7 fake') });
    const args = readFileSync(join(dir, 'args.txt'), 'utf8').trim().split('\n');
    expect(args[0]).toMatch(/^-env:UserInstallation=file:\/\/\/.*jigyo-hokoku-pdf-[^/]+\/profile$/);
    expect(args.slice(1, 6)).toEqual(['--headless', '--norestore', '--nologo', '--convert-to', 'pdf']);
    expect(args[6]).toBe('--outdir');
    expect(args[8]).toBe(`${args[7]}/report.docx`);
  });

  it('reports soffice_missing when there is no LibreOffice, conversion_failed when it makes no PDF', async () => {
    expect(await convertDocxToPdf(Buffer.from('x'), null)).toEqual({
      ok: false,
      reason: 'soffice_missing',
      detail: '',
    });
    const broken = fakeSoffice(outputDir('pdf-broken'), false);
    expect(await convertDocxToPdf(Buffer.from('x'), broken)).toEqual({
      ok: false,
      reason: 'conversion_failed',
      detail: 'Error: source file could not be loaded',
    });
  });

  it('the CLI writes the PDF next to the .docx, and exits 2 when the conversion fails', async () => {
    const cwd = outputDir('pdf-cli');
    const ok = await runCli(['report'], cwd, fakeSoffice(outputDir('pdf-cli-ok'), true));
    expect(ok.code).toBe(0);
    expect(listFiles(join(cwd, 'out'))).toEqual([
      '事業報告書_2022年度.docx',
      '事業報告書_2022年度.html',
      '事業報告書_2022年度.pdf',
    ]);
    expect(readFileSync(join(cwd, 'out', '事業報告書_2022年度.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
    const failed = await runCli(['report'], cwd, fakeSoffice(outputDir('pdf-cli-broken'), false));
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('PDF は作成しませんでした: LibreOffice での変換に失敗しました');
    expect(listFiles(join(cwd, 'out'))).toContain('事業報告書_2022年度 (2).docx');
  });
});
