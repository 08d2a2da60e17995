// This file defines Word forms made from XML written here (the tests' templates and the sample grant-report form
// samples/forms/助成金実績報告_様式.docx): runs, bold, split placeholders, tables, header and footer, exactly as typed.
// Run `npx tsx scripts/make-form.ts` to rewrite the sample form; the bytes are the same on every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Text for XML content. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run: `<w:r>` with its text; bold and size as Word writes them. */
export function run(text: string, options: { bold?: boolean; size?: number } = {}): string {
  const props = [options.bold ? '<w:b/>' : '', options.size ? `<w:sz w:val="${options.size}"/>` : ''].join('');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
}

/** A paragraph of runs (strings are plain runs). */
export function paragraph(...runs: string[]): string {
  return `<w:p>${runs.map((r) => (r.startsWith('<w:r>') ? r : run(r))).join('')}</w:p>`;
}

/** A bordered table; each cell is a paragraph's XML or plain text. */
export function table(rows: readonly (readonly string[])[], widths: readonly number[]): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map(
      (row) =>
        `<w:tr>${row
          .map(
            (cell, i) =>
              `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/></w:tcPr>${cell.startsWith('<w:p>') ? cell : paragraph(cell)}</w:tc>`,
          )
          .join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

export interface FormSpec {
  /** The body's paragraphs and tables, as XML. */
  readonly body: readonly string[];
  readonly header?: readonly string[];
  readonly footer?: readonly string[];
}

const SECTION = (refs: string) =>
  `<w:sectPr>${refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`;

/** The XML parts of a form, by name (what the .docx holds). */
export function formParts(spec: FormSpec): Record<string, string> {
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const refs = [
    spec.header ? `<w:headerReference w:type="default" r:id="rIdHeader1"/>` : '',
    spec.footer ? `<w:footerReference w:type="default" r:id="rIdFooter1"/>` : '',
  ].join('');
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${spec.header ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : ''}${spec.footer ? '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' : ''}</Types>`,
    '_rels/.rels': `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${spec.header ? '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' : ''}${spec.footer ? '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' : ''}</Relationships>`,
    'word/document.xml': `${declaration}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${spec.body.join('')}${SECTION(refs)}</w:body></w:document>`,
  };
  if (spec.header)
    parts['word/header1.xml'] = `${declaration}<w:hdr xmlns:w="${W}" xmlns:r="${R}">${spec.header.join('')}</w:hdr>`;
  if (spec.footer)
    parts['word/footer1.xml'] = `${declaration}<w:ftr xmlns:w="${W}" xmlns:r="${R}">${spec.footer.join('')}</w:ftr>`;
  return parts;
}

/** Zip entries dated alike, so the same spec gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

/** A .docx from the parts `formParts` makes (or any parts: the hostile tests forge some). */
export async function makeFormDocx(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The sample grant-report form: the 実績報告書 of a fictional foundation (みらい共生財団), in the funder's layout,
 * with the placeholders a staff member would type into it.
 */
export function sampleFormSpec(): FormSpec {
  const cell = (text: string) => paragraph(text);
  return {
    header: [paragraph(run('みらい共生財団 難民就労支援助成 様式第3号', { size: 18 }))],
    body: [
      paragraph(run('{{対象年度}}年度 助成事業 実績報告書', { bold: true, size: 32 })),
      paragraph('公益財団法人 みらい共生財団 理事長 殿'),
      table(
        [
          ['団体名', cell('{{団体名}}')],
          ['助成対象期間', cell('{{期間}}')],
        ],
        [2400, 7238],
      ),
      paragraph(run('1. 実施した事業', { bold: true })),
      paragraph('{{表:事業一覧}}'),
      paragraph(run('2. 成果指標（前年度との比較）', { bold: true })),
      table(
        [
          ['指標', '当年度', '前年度'],
          ['新規に相談を受けた方', '{{新規接点数}}名', '{{新規接点数|年度=前年度}}名'],
          ['就職した方', '{{就職者数}}名', '{{就職者数|年度=前年度}}名'],
          ['うち無期雇用', '{{無期雇用就職者数}}名', '{{無期雇用就職者数|年度=前年度}}名'],
          ['研修・交流会などの開催', '{{イベント回数}}回', '{{イベント回数|年度=前年度}}回'],
        ],
        [4238, 2700, 2700],
      ),
      paragraph(run('3. 参加者の在留上の属性（人数が少ない区分は秘匿）', { bold: true })),
      paragraph('{{表:属性別}}'),
      paragraph(run('4. 事業費の内訳（円）', { bold: true })),
      paragraph('{{表:事業別事業費}}'),
      paragraph('助成事業の総事業費は {{事業費合計}} 円でした。'),
    ],
    footer: [paragraph(run('{{団体名}}', { size: 16 }))],
  };
}

export const SAMPLE_FORM = join(__dirname, '..', 'samples', 'forms', '助成金実績報告_様式.docx');

if (require.main === module) {
  makeFormDocx(formParts(sampleFormSpec())).then((bytes) => {
    mkdirSync(join(SAMPLE_FORM, '..'), { recursive: true });
    writeFileSync(SAMPLE_FORM, bytes);
    process.stdout.write(`${SAMPLE_FORM}\n`);
  });
}
