// End-to-end: the .docx opens in LibreOffice (headless PDF conversion) and the PDF's text holds the golden figures.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { makeReport } from '../../src/core/pipeline';
import { readWorkbookFile } from '../../src/node/read-workbook-file';
import { SHOKAI_FIGURES, shokaiTextTabs } from '../fixtures/shokai-workbook';
import {
  plantSentinels,
  readSampleTabs,
  runCli,
  SAMPLE_DIR,
  TEST_OUTPUT,
  unzip,
  writeCsvFolder,
} from '../node/support';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}

const soffice = onPath('soffice');
const missing = [
  soffice ? null : 'soffice (libreoffice-writer)',
  onPath('pdftotext') ? null : 'pdftotext (poppler-utils)',
]
  .filter((tool): tool is string => tool !== null)
  .join(', ');

/** Text without any whitespace: pdftotext puts spaces between kana and digits and breaks lines inside cells. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

if (missing !== '') {
  if (process.env.CI === 'true') {
    test('LibreOffice and poppler are installed (CI)', () => {
      throw new Error(`missing ${missing}: .ci/run installs libreoffice-writer, poppler-utils and fonts-noto-cjk`);
    });
  } else {
    console.warn(
      `\n${'!'.repeat(78)}\n!! SKIPPED test/e2e/libreoffice.test.ts: ${missing} not installed.\n!! Install LibreOffice Writer and poppler-utils to run it (CI=true makes this a failure).\n${'!'.repeat(78)}\n`,
    );
    test.skip('LibreOffice end to end (tools missing)', () => {});
  }
} else {
  describe('.docx → LibreOffice → PDF', () => {
    const base = join(TEST_OUTPUT, 'e2e');
    mkdirSync(base, { recursive: true });
    const cwd = mkdtempSync(join(base, 'libreoffice-'));
    const { tabs, sentinels } = plantSentinels(readSampleTabs());
    let samplePdf = '';
    let sentinelPdf = '';

    beforeAll(async () => {
      writeCsvFolder(join(cwd, 'sentinel'), tabs);
      // Two conversions at once: each soffice gets its own profile, so they must not collide.
      const [sample, planted] = await Promise.all([
        runCli(['report', SAMPLE_DIR, '--format', 'docx,pdf', '--out', 'sample'], cwd, soffice),
        runCli(['report', 'sentinel', '--format', 'docx,html,pdf', '--out', 'planted'], cwd, soffice),
      ]);
      expect([sample.code, sample.stderr]).toEqual([0, expect.stringContaining('完了')]);
      expect([planted.code, planted.stderr]).toEqual([0, expect.stringContaining('完了')]);
      samplePdf = pdfText(join(cwd, 'sample', '事業報告書_2022年度.pdf'));
      sentinelPdf = pdfText(join(cwd, 'planted', '事業報告書_2022年度.pdf'));
    }, 240_000);

    it('writes the .docx and a PDF next to it', () => {
      expect(
        readFileSync(join(cwd, 'sample', '事業報告書_2022年度.pdf'))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(
        readFileSync(join(cwd, 'sample', '事業報告書_2022年度.docx'))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    });

    it('the PDF is A4 with page numbers in the footer', () => {
      const info = execFileSync('pdfinfo', [join(cwd, 'sample', '事業報告書_2022年度.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(squeeze(samplePdf)).toContain(`1/${pages}`);
      expect(squeeze(samplePdf)).toContain(`${pages}/${pages}`);
    });

    it('the PDF text holds the golden figures of the reference report', () => {
      const text = squeeze(samplePdf);
      expect(text).toContain('（１）特定非営利活動に係る事業（事業費の総費用【22,393】千円）');
      for (const figure of ['6,408', '9,966', '5,218', '800', '22,393', '7名', '延べ282名', '計71回']) {
        expect(text).toContain(figure);
      }
      expect(text).toContain('（２）その他の事業（事業費の総費用【0】千円）');
    });

    it('the PDF shows every heading of the ReportDocument, in order', async () => {
      const file = await readWorkbookFile(SAMPLE_DIR);
      const result = makeReport(file.raw, { references: file.references });
      if (!result.ok) throw new Error('the sample must make a report');
      const text = squeeze(samplePdf);
      let from = 0;
      for (const block of result.report.blocks) {
        if (block.kind !== 'heading' && block.kind !== 'title') continue;
        const at = text.indexOf(squeeze(block.text), from);
        expect({ heading: block.text, found: at >= 0 }).toEqual({ heading: block.text, found: true });
        from = at;
      }
    });

    describe('様式 記載例 with 和暦 (issue 12)', () => {
      let examplePdf = '';

      beforeAll(async () => {
        const sample = readSampleTabs();
        sample.設定 = [...sample.設定, ['様式', '記載例'], ['年の表記', '和暦']];
        writeCsvFolder(join(cwd, 'example'), sample);
        const run = await runCli(['report', 'example', '--format', 'docx,pdf', '--out', 'example-out'], cwd, soffice);
        expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('完了')]);
        // -raw: the text in the order it was drawn, cell by cell, so a label wrapped inside its cell stays whole.
        examplePdf = execFileSync(
          'pdftotext',
          ['-raw', '-enc', 'UTF-8', join(cwd, 'example-out', '事業報告書_2022年度.pdf'), '-'],
          { encoding: 'utf8' },
        );
      }, 240_000);

      it('shows title, period and 団体名 in that order, then the 7 column labels in order and the 合計 row', () => {
        const text = squeeze(examplePdf);
        const inOrder = [
          '令和4年度事業報告書',
          '令和4年4月1日から令和5年3月31日まで',
          '特定非営利活動法人サンプル就労支援ネット',
          '（１）特定非営利活動に係る事業',
          '定款の事業名',
          '事業内容',
          '実施日時',
          '実施場所',
          '従事者の人数',
          '受益対象者の範囲及び人数',
          '支出額（千円）',
          '6,408',
          '合計',
          '22,393',
          '（２）その他の事業',
        ];
        let from = 0;
        for (const piece of inOrder) {
          const at = text.indexOf(piece, from);
          expect({ piece, found: at >= 0 }).toEqual({ piece, found: true });
          from = at + piece.length;
        }
        expect(text).not.toContain('事業費の総費用');
        expect(text).not.toContain('受益対象者の人数');
      });
    });

    it('no planted personal value reaches the PDF', () => {
      expect(sentinels.length).toBeGreaterThan(400);
      expect(squeeze(sentinelPdf)).toContain('延べ282名');
      for (const marker of ['SENTINEL', '機密']) expect(sentinelPdf.includes(marker)).toBe(false);
    });
  });

  describe('職業紹介事業報告書 (.docx → LibreOffice → PDF)', () => {
    const cwd = mkdtempSync(join(TEST_OUTPUT, 'e2e', 'shokai-'));
    let pdf = '';

    beforeAll(async () => {
      writeCsvFolder(join(cwd, 'book'), shokaiTextTabs());
      const run = await runCli(['report', 'book', '--report', 'shokai', '--format', 'docx,pdf'], cwd, soffice);
      expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('完了: 2022年度 職業紹介事業報告書')]);
      pdf = squeeze(pdfText(join(cwd, 'out', '職業紹介事業報告書_2022年度.pdf')));
    }, 240_000);

    it('holds every figure of the form and of the 人材サービス総合サイト part, each after its label, in order', () => {
      // Label then figure (then unit), as the tables print them; pdftotext keeps a row's cells together.
      const inOrder = [
        '2022年度職業紹介事業報告書',
        '（2022年4月1日から2023年3月31日まで）',
        '１．求人',
        '有効求人数（3月31日現在）6人',
        '常用求人数3人',
        '臨時求人数4人',
        '日雇求人数1人',
        '２．求職',
        '新規求職申込件数10件',
        '有効求職者数（3月31日現在）2人',
        '３．就職',
        '常用就職件数5件',
        '臨時就職件数1件',
        '日雇就職件数1件',
        '４．無期雇用と6か月以内の離職',
        '無期雇用就職件数4件',
        'うち6か月以内に離職した者（解雇を除く）1人',
        'うち離職したかどうか不明の者1人',
        '５．手数料',
        '６．国外にわたる職業紹介',
        '第２人材サービス総合サイトで公開する数',
        ...Object.entries(SHOKAI_FIGURES.site).map(([label, value]) => `${label}${value}`),
        '注記',
      ];
      let from = 0;
      for (const piece of inOrder) {
        const at = pdf.indexOf(piece, from);
        expect({ piece, found: at >= 0 }).toEqual({ piece, found: true });
        from = at + piece.length;
      }
      // ５ is a one-row table: pdftotext puts its cells in any order (the figure, a content control since issue 14,
      // comes before its label), so the label and the figure are looked for within the part.
      const fees = pdf.slice(pdf.indexOf('５．手数料'), pdf.indexOf('６．国外にわたる職業紹介'));
      for (const piece of ['手数料収入', SHOKAI_FIGURES.domestic.手数料収入, '円'])
        expect({ piece, found: fees.includes(piece) }).toEqual({ piece, found: true });
      // 国外: pdftotext reorders the last rows of this taller table, so each figure is looked for within the part.
      const abroad = pdf.slice(pdf.indexOf('６．国外にわたる職業紹介'), pdf.indexOf('第２人材サービス総合サイト'));
      for (const piece of [
        '常用求人数5人',
        '新規求職申込件数1件',
        '常用就職件数1件',
        '無期雇用就職件数1件',
        `${SHOKAI_FIGURES.abroad.手数料収入}円`,
      ]) {
        expect({ piece, found: abroad.includes(piece) }).toEqual({ piece, found: true });
      }
      expect(pdf.includes('SENTINEL')).toBe(false);
    });
  });

  describe('a form of the NPO’s own, filled (issue 16): samples/forms/助成金実績報告_様式.docx → PDF', () => {
    const cwd = mkdtempSync(join(TEST_OUTPUT, 'e2e', 'form-'));
    let pdf = '';

    beforeAll(async () => {
      const form = join(__dirname, '../../samples/forms/助成金実績報告_様式.docx');
      const run = await runCli(['report', SAMPLE_DIR, '--template', form, '--format', 'docx,pdf'], cwd, soffice);
      expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('完了: 様式「助成金実績報告_様式.docx」')]);
      pdf = squeeze(pdfText(join(cwd, 'out', '助成金実績報告_様式_2022年度.pdf')));
    }, 240_000);

    it('LibreOffice opens the filled form: its text, figures and tables in order, header and footer filled', () => {
      // The sample's figures of FY2022 (the reference report's: 新規接点数 137, 就職者数 11, 総費用 22,393 千円).
      const inOrder = [
        'みらい共生財団難民就労支援助成様式第3号',
        '2022年度助成事業実績報告書',
        '団体名特定非営利活動法人サンプル就労支援ネット',
        '助成対象期間2022年4月1日から2023年3月31日まで',
        '1.実施した事業',
        '定款に記載された事業名',
        '2.成果指標（前年度との比較）',
        '新規に相談を受けた方137名',
        '就職した方11名',
        '3.参加者の在留上の属性',
        // 属性別 (pdftotext reads the 合計 row's figures before its label): 難民申請中 67 40 8; 合計 137 84 11 2.
        '難民申請中67408',
        '13784112',
        '4.事業費の内訳（円）',
        '助成事業の総事業費は22,393,000円でした。',
      ];
      let from = 0;
      for (const piece of inOrder) {
        const at = pdf.indexOf(piece, from);
        expect({ piece, found: at >= 0 }).toEqual({ piece, found: true });
        from = at + piece.length;
      }
      // pdftotext reads the 前年度 column after the others: 新規接点数 12, 就職者数 1, 無期雇用 1, イベント回数 7 of FY2021.
      expect(pdf.includes('前年度12名1名1名7回')).toBe(true);
      expect(pdf.includes('{{')).toBe(false);
    });
  });

  describe('--update on a report LibreOffice saved again as .docx (issue 14)', () => {
    const cwd = mkdtempSync(join(TEST_OUTPUT, 'e2e', 'update-'));
    let run = { code: -1, stdout: '', stderr: '' };
    let updatedXml = '';
    let pdf = '';

    beforeAll(async () => {
      const made = await runCli(['report', SAMPLE_DIR, '--format', 'docx'], cwd, soffice);
      expect(made.code).toBe(0);
      // Open and save as .docx in LibreOffice, as staff who edit with it do (its own profile: runs may overlap).
      const profile = `file://${mkdtempSync(join(TEST_OUTPUT, 'e2e', 'profile-'))}`;
      execFileSync(soffice as string, [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'docx',
        '--outdir',
        join(cwd, 'libreoffice'),
        join(cwd, 'out', '事業報告書_2022年度.docx'),
      ]);
      // The accountant's late entry: 育成事業 +33,700 yen → 9,966,300 + 33,700 = 10,000,000 (10,000 千円);
      // （１） 22,393,000 + 33,700 = 22,426,700 → 22,427 千円.
      const tabs = readSampleTabs();
      const header = tabs.費用[0];
      const row = header.map(() => '');
      row[header.indexOf('日付')] = '2023-03-31';
      row[header.indexOf('事業内容')] = '育成事業';
      row[header.indexOf('費目')] = 'その他経費';
      row[header.indexOf('金額')] = '33700';
      tabs.費用.push(row);
      writeCsvFolder(join(cwd, 'book'), tabs);
      run = await runCli(['report', 'book', '--update', join('libreoffice', '事業報告書_2022年度.docx')], cwd, soffice);
      const updated = join(cwd, 'out', '事業報告書_2022年度_更新.docx');
      updatedXml = (unzip(readFileSync(updated)).get('word/document.xml') as Buffer).toString('utf8');
      execFileSync(soffice as string, [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(cwd, 'pdf'),
        updated,
      ]);
      pdf = squeeze(pdfText(join(cwd, 'pdf', '事業報告書_2022年度_更新.pdf')));
    }, 240_000);

    it('updates correctly: LibreOffice 7.4 keeps each control’s alias (the tag) and the custom properties (the record)', () => {
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')).toEqual([
        '費用!E44: [警告] 「金額」の「-8800」がマイナスです。返金であればこのままで構いません',
        '数字の更新: 変わった数字 2 件、変わらない数字 30 件',
        '変更 見出し「（１）特定非営利活動に係る事業（事業費の総費用【 … 】千円）」: 22,393 → 22,427',
        '変更 表「育成事業」の事業費（千円）: 9,966 → 10,000',
        join('out', '事業報告書_2022年度_更新.docx'),
        '',
      ]);
      expect(updatedXml).toContain('>22,427<');
      expect(updatedXml).not.toContain('>22,393<');
    });

    it('LibreOffice opens the updated file: the new figures are in its PDF', () => {
      expect(pdf).toContain('（１）特定非営利活動に係る事業（事業費の総費用【22,427】千円）');
      expect(pdf).toContain('10,000');
      expect(pdf).not.toContain('9,966');
    });
  });
}
