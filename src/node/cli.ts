// This file defines the command line (DESIGN §6): report, validate and template, with exit codes 0 / 1 / 2.
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { oneLineText, sanitizeReportDocument } from '../core/document-text';
import { diffFigures, figureRecord, figureUpdateLines } from '../core/figures';
import { checkForm, fillForm } from '../core/form-template';
import { isFiscalYearInRange } from '../core/input-rules';
import type { Issue } from '../core/issues';
import { formatFormIssue, formatIssue, formPlaceText, formValueLine } from '../core/messages';
import { checkWorkbook, makeReport } from '../core/pipeline';
import { renderReportHtml } from '../core/render-html';
import type { ReportKind } from '../core/report-document';
import { REPORT_KINDS, REPORT_NAMES } from '../core/report-shokai';
import { describeCause, FileError } from './file-error';
import type * as FillDocx from './fill-docx';
import type * as Pdf from './pdf';
import type { CsvEncoding } from './read-csv';
import { readWorkbookFile, type WorkbookFile } from './read-workbook-file';
import type * as RenderDocx from './render-docx';
import type * as UpdateDocx from './update-docx';
import {
  REPORT_FORMATS,
  type ReportFile,
  type ReportFormat,
  writeReportFiles,
  writeUpdatedReport,
} from './write-report-files';
import { writeTemplateFile } from './write-template';

export const EXIT = { done: 0, invalid: 1, failed: 2 } as const;

/**
 * The modules that write or read a .docx, required on first use: docx, jszip and saxes are three quarters of the
 * bundle, and `validate` and `report --format html` never need them. In the bundle esbuild keeps each module's body
 * in a function run by its first require, so a command that does not call them does not run them: loading the bundle
 * took 45 ms of CPU, now 29 (median of 5). test/node/lazy-docx.test.ts holds validate and html to not loading them.
 */
function docxModules(): typeof RenderDocx {
  return require('./render-docx');
}
function formModules(): typeof FillDocx {
  return require('./fill-docx');
}
function updateModules(): typeof UpdateDocx {
  return require('./update-docx');
}
/** The PDF converter, on first use too: its child_process brings in Node's net, stream and dgram (3 ms a start). */
function pdfModule(): typeof Pdf {
  return require('./pdf');
}

interface Output {
  write(text: string): unknown;
}

export interface CliEnvironment {
  readonly stdout: Output;
  readonly stderr: Output;
  /** Relative paths are read from here (npm sets INIT_CWD to where `npm run` was typed). */
  readonly cwd: string;
  /** The LibreOffice executable; null = not installed; undefined = look for it. */
  readonly soffice?: string | null;
}

/** The synthetic FY2022 workbook, found from this file so that the default works from any folder. */
export const SAMPLE_WORKBOOK = resolve(__dirname, '../../samples/fy2022');
const DEFAULT_OUT = 'out';

export const USAGE = `使い方:
  npm run report -- [ブック] [--year 年度] [--out フォルダ] [--format docx,html,pdf] [--lang ja|en] [--appendix]
                    [--report jigyo|shokai]
  npm run report -- [ブック] --update 報告書.docx [--out フォルダ]
  npm run report -- [ブック] --template 様式.docx [--year 年度] [--out フォルダ] [--format docx,pdf]
  npm run validate -- [ブック] [--json]
  npm run template -- ファイル.xlsx
  （npx jigyo-hokoku report … のようにも実行できます）

ブック: .xlsx ファイル、またはタブごとの CSV（設定.csv、事業.csv など。UTF-8 / Shift_JIS / UTF-16、
        カンマ区切りかタブ区切り。タブ区切りの .txt も可）を入れたフォルダ。
        省略すると見本の samples/fy2022 を使います。入力ファイルは変更しません。

report    事業報告書を作成します: フォルダ/事業報告書_{年度}年度.docx と .html（LibreOffice があれば .pdf も）。
          同じ名前のファイルがあれば上書きせず「 (2)」「 (3)」…を付けます。
  --report 種類        jigyo: 事業報告書（既定）/ shokai: 職業紹介事業報告書（様式第8号の数と人材サービス総合
                       サイトの数。4月〜3月、日本語のみ）→ フォルダ/職業紹介事業報告書_{年度}年度.docx など
  --year 年度          対象年度（既定: 設定タブの対象年度）
  --out フォルダ        書き出し先（既定: out）
  --format 形式        docx,html,pdf のうち作るもの（既定: すべて。pdf には LibreOffice が必要）
  --lang ja|en         報告書の言語（既定: 設定タブの報告書言語）
  --appendix           事業費の内訳（人件費 / その他経費）を参考として付けます（事業報告書のみ）
  --template 様式.docx  団体の様式（助成金の実績報告書など）の {{就職者数}}、{{団体名}}、{{表:事業一覧}} などの差し込みを
                       埋めて、フォルダ/{様式}_{年度}年度.docx に書き出します（様式のファイルは変えません）。差し込みを
                       1つずつ値か問題とともに一覧にし、エラーがあれば何も書き出しません。--format docx,pdf で PDF も
  --update 報告書.docx  前に作って手直しした .docx の数字だけをブックの今の値に置き換え、フォルダ/事業報告書_
                       {年度}年度_更新.docx に書き出します（元のファイルは変えません。文章・書式・コメント・変更履歴は
                       そのまま）。変わった数字、削除されていた数字、新しい数字を一覧にします。年度・言語・内訳・
                       報告書の種類は報告書を作ったときのものを使うので、--year --format --lang --appendix とは一緒に
                       使えません（職業紹介事業報告書も --report なしで更新できます。--report は作成時の種類と同じときだけ）
validate  入力をチェックし、問題を「タブ!セル: 内容」の形で1行ずつ表示します。
  --json               結果を JSON で表示します
template  空のブック（全タブ、見出し行、プルダウン、日付・数の入力規則つき）を作ります。

終了コード: 0 完了（警告は表示）、1 入力にエラー（何も書き出しません）、2 使い方かファイルの問題
`;

class UsageError extends Error {}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** One line for a file problem; the wording lives here, the codes in FileError. */
export function describeFileError(error: FileError, cwd: string): string {
  const path = displayPath(error.path, cwd);
  const detail = error.detail ? `（${error.detail}）` : '';
  switch (error.code) {
    case 'not_found':
      return `エラー: ${path} が見つかりません。ファイル名かフォルダ名を確かめてください`;
    case 'wrong_extension':
      return `エラー: ${path} は読めない種類のファイルです。.xlsx ファイルか、タブごとの CSV を入れたフォルダを指定してください（.xls や .csv 1つだけの場合は、Excel で .xlsx として保存し直してください）`;
    case 'unreadable':
      return `エラー: ${path} を読み込めません。壊れているか、パスワードで保護されているか、Excel のブックではありません${detail}`;
    case 'not_regular_file':
      return `エラー: ${path} は普通のファイルではありません${detail}。.xlsx ファイルか、タブごとの CSV を入れたフォルダを指定してください`;
    case 'too_large':
      return `エラー: ${path} は大きすぎるため読み込みません${detail}。フォルダの場合は CSV ファイルの合計の大きさです`;
    case 'unclosed_quote':
      return `エラー: ${path} の ${error.line ?? 0} 行目で始まる「"」が閉じられていません。この行から後ろがすべて1つのセルとして読まれてしまうため、読み込みを中止しました。「"」を閉じるか取り除いてください`;
    case 'empty_folder':
      return `エラー: フォルダ ${path} に CSV ファイルがありません。タブごとに「設定.csv」「事業.csv」… のように保存してください`;
    case 'output_exists':
      return `エラー: ${path} は既にあります。上書きしないので、別の名前を指定してください`;
    case 'write_failed':
      return `エラー: ${path} に書き込めません${detail}`;
    case 'not_docx':
      return `エラー: ${path} を Word の文書（.docx）として読み込めません${detail}。この仕組みで作った .docx の報告書を指定してください`;
    case 'form_not_docx':
      return `エラー: 様式 ${path} を Word の文書（.docx）として読み込めません${detail}。.doc や .dotx の様式は、Word か LibreOffice で開いて .docx として保存し直してください`;
    case 'no_figures':
      return `エラー: ${path} には更新できる数字の欄がありません（この仕組みで作った報告書ではないか、別のソフトで保存したときに数字の欄が外れました）。数字を古いまま写すことはしないので、npm run report で新しい報告書を作り、直した文章を写してください`;
  }
}

function parseWorkbookArgument(positionals: readonly string[], env: CliEnvironment): string {
  if (positionals.length > 1) throw new UsageError(`ブックは1つだけ指定してください: ${positionals.join(' ')}`);
  return positionals.length === 1 ? resolve(env.cwd, positionals[0]) : SAMPLE_WORKBOOK;
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || !isFiscalYearInRange(year)) {
    throw new UsageError(`--year には 2022 のような西暦の年度を指定してください: ${text}`);
  }
  return year;
}

function parseFormats(text: string | undefined): { formats: ReportFormat[]; explicit: boolean } {
  if (text === undefined) return { formats: [...REPORT_FORMATS], explicit: false };
  const formats: ReportFormat[] = [];
  for (const piece of text.split(',').map((p) => p.trim().toLowerCase())) {
    if (piece === '') continue;
    if (!(REPORT_FORMATS as readonly string[]).includes(piece)) {
      throw new UsageError(`--format に使えるのは docx, html, pdf です: ${piece}`);
    }
    if (!formats.includes(piece as ReportFormat)) formats.push(piece as ReportFormat);
  }
  if (formats.length === 0) throw new UsageError('--format に docx, html, pdf のどれかを指定してください');
  return { formats, explicit: true };
}

function parseKind(text: string | undefined): ReportKind {
  if (text === undefined) return 'jigyo';
  const kind = REPORT_KINDS.find((k) => k === text.trim().toLowerCase());
  if (kind === undefined) throw new UsageError(`--report に使えるのは ${REPORT_KINDS.join(', ')} です: ${text}`);
  return kind;
}

function parseLanguage(text: string | undefined): 'ja' | 'en' | undefined {
  if (text === undefined || text === 'ja' || text === 'en') return text;
  throw new UsageError(`--lang には ja か en を指定してください: ${text}`);
}

const ENCODING_LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  shift_jis: 'Shift_JIS',
};

async function loadWorkbook(path: string, env: CliEnvironment): Promise<WorkbookFile> {
  env.stderr.write(`読み込み中: ${displayPath(path, env.cwd)}\n`);
  const file = await readWorkbookFile(path);
  const encodings = [...new Set(Object.values(file.encodings).map((encoding) => ENCODING_LABELS[encoding]))];
  const detail =
    file.format === 'csv'
      ? `CSV ${file.raw.tabs.length} ファイル（${encodings.join('、')}）`
      : `${file.raw.tabs.length} タブ`;
  env.stderr.write(`読み込みました: ${detail}\n`);
  return file;
}

/** A workbook without the contract's tabs is not a workbook of ours: one line, exit 2, as for an unreadable file. */
function missingTabsLine(issues: readonly Issue[], file: WorkbookFile, path: string, cwd: string): string | null {
  // validate.ts may report a tab again where another tab refers to it: each name once.
  const missing = [...new Set(issues.filter((issue) => issue.code === 'missing_tab').map((issue) => issue.tab))];
  if (missing.length === 0) return null;
  const found = file.raw.tabs.map((tab) => tab.name).join('、') || 'なし';
  return `エラー: ${displayPath(path, cwd)} に必要なタブがありません: ${missing.join('、')}（あるタブ: ${found}）。npm run template -- 新しいブック.xlsx で全タブそろった雛形を作れます`;
}

function printIssues(issues: readonly Issue[], env: CliEnvironment): { errors: number; warnings: number } {
  for (const issue of issues) env.stdout.write(`${formatIssue(issue)}\n`);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

async function runReport(args: readonly string[], env: CliEnvironment): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      appendix: { type: 'boolean' },
      report: { type: 'string' },
      update: { type: 'string' },
      template: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    env.stdout.write(USAGE);
    return EXIT.done;
  }
  const workbookPath = parseWorkbookArgument(positionals, env);
  if (values.update !== undefined) {
    const fixed = (['year', 'format', 'lang', 'appendix', 'template'] as const).filter((o) => values[o] !== undefined);
    if (fixed.length > 0)
      throw new UsageError(
        `--update は報告書を作ったときの設定で数字を更新するので、${fixed.map((o) => `--${o}`).join(' ')} とは一緒に使えません`,
      );
    return runUpdate(
      workbookPath,
      resolve(env.cwd, values.update),
      resolve(env.cwd, values.out ?? DEFAULT_OUT),
      values.report === undefined ? undefined : parseKind(values.report),
      env,
    );
  }
  if (values.template !== undefined) {
    const report = (['appendix', 'report'] as const).filter((o) => values[o] !== undefined);
    if (report.length > 0)
      throw new UsageError(
        `--template は様式を埋めるので、${report.map((o) => `--${o}`).join(' ')} とは一緒に使えません`,
      );
    return runForm(workbookPath, resolve(env.cwd, values.template), {
      year: parseYear(values.year),
      language: parseLanguage(values.lang),
      formats: parseFormFormats(values.format),
      outDir: resolve(env.cwd, values.out ?? DEFAULT_OUT),
      env,
    });
  }
  const year = parseYear(values.year);
  const { formats, explicit } = parseFormats(values.format);
  const language = parseLanguage(values.lang);
  const kind = parseKind(values.report);
  if (kind === 'shokai' && values.appendix)
    throw new UsageError('--appendix は事業報告書（--report jigyo）にだけ付けられます');
  const outDir = resolve(env.cwd, values.out ?? DEFAULT_OUT);

  const file = await loadWorkbook(workbookPath, env);
  env.stderr.write('入力をチェックして報告書を組み立てています…\n');
  const result = makeReport(file.raw, {
    year,
    language,
    appendix: values.appendix ?? false,
    references: file.references,
    kind,
  });
  const missingTabs = missingTabsLine(result.issues, file, workbookPath, env.cwd);
  if (missingTabs) {
    env.stderr.write(`${missingTabs}\n`);
    return EXIT.failed;
  }
  const counts = printIssues(result.issues, env);
  if (!result.ok) {
    env.stderr.write(
      counts.errors > 0
        ? `エラーが ${counts.errors} 件あるため、報告書は作成しませんでした。上の各セルを直してから、もう一度実行してください。\n`
        : '対象年度が決まらないため、報告書は作成しませんでした。設定タブの「対象年度」か --year を指定してください。\n',
    );
    return EXIT.invalid;
  }
  const report = result.report;
  // Only what was asked: the .docx (and docx's code, a third of the bundle) is made for docx and pdf, not for html.
  const docx =
    formats.includes('docx') || formats.includes('pdf') ? await docxModules().renderReportDocx(report) : null;
  const files: ReportFile[] = [];
  if (docx !== null && formats.includes('docx')) files.push({ format: 'docx', bytes: docx });
  if (formats.includes('html')) files.push({ format: 'html', bytes: Buffer.from(renderReportHtml(report), 'utf8') });
  let exitCode: number = EXIT.done;
  if (docx !== null && formats.includes('pdf')) {
    env.stderr.write('PDF に変換しています（LibreOffice）…\n');
    const pdf = await pdfModule().convertDocxToPdf(docx, env.soffice);
    if (pdf.ok) files.push({ format: 'pdf', bytes: pdf.pdf });
    else if (pdf.reason === 'soffice_missing') {
      env.stderr.write(
        'PDF は作成しませんでした: LibreOffice（soffice）が見つかりません。LibreOffice をインストールすると PDF も作られます（https://ja.libreoffice.org/）。.docx を Word や LibreOffice で開いて PDF として保存することもできます。\n',
      );
      if (explicit) exitCode = EXIT.failed;
    } else {
      env.stderr.write(`PDF は作成しませんでした: LibreOffice での変換に失敗しました（${pdf.detail}）\n`);
      exitCode = EXIT.failed;
    }
  }
  if (files.length > 0) {
    const written = await writeReportFiles(outDir, report.year, files, kind);
    for (const path of written) env.stdout.write(`${displayPath(path, env.cwd)}\n`);
  }
  env.stderr.write(
    `${exitCode === EXIT.done ? '完了' : '一部完了'}: ${report.title}（警告 ${counts.warnings} 件）→ ${displayPath(outDir, env.cwd)}\n`,
  );
  return exitCode;
}

/**
 * Which report an update recomputes: the kind its record names (`--report` not needed, and refused when it says
 * otherwise); without a record, `--report`, else 職業紹介 when the file holds one of its `site:` figures, else 事業報告書.
 */
function updateKind(
  recorded: ReportKind | undefined,
  requested: ReportKind | undefined,
  controls: readonly { readonly tag: string }[],
  file: string,
): ReportKind {
  if (recorded !== undefined && requested !== undefined && recorded !== requested)
    throw new UsageError(
      `${file} は${REPORT_NAMES[recorded]}です（作成時の記録による）が、--report ${requested} は${REPORT_NAMES[requested]}を指します。--report を外すか、${REPORT_NAMES[requested]}の .docx を指定してください`,
    );
  return recorded ?? requested ?? (controls.some((control) => control.tag.startsWith('site:')) ? 'shokai' : 'jigyo');
}

/**
 * `report WORKBOOK --update REPORT.docx`: the report's figures recomputed with the settings it was made with, written
 * into its figure controls, the result written as a new file (never over REPORT.docx), and the summary printed.
 */
async function runUpdate(
  workbookPath: string,
  reportPath: string,
  outDir: string,
  requested: ReportKind | undefined,
  env: CliEnvironment,
): Promise<number> {
  if (extname(reportPath).toLowerCase() !== '.docx') throw new FileError('not_docx', reportPath, extname(reportPath));
  env.stderr.write(`読み込み中: ${displayPath(reportPath, env.cwd)}\n`);
  const { presentFigures, readDocxReport, updatedDocx } = updateModules();
  const docx = await readDocxReport(reportPath);
  const made = docx.record;
  const kind = updateKind(made?.kind, requested, docx.controls, displayPath(reportPath, env.cwd));
  const file = await loadWorkbook(workbookPath, env);
  env.stderr.write('入力をチェックして数字を計算しています…\n');
  const result = makeReport(file.raw, {
    year: made?.year,
    language: made?.language,
    // Without a record, the appendix is there when the document holds one of its figures.
    appendix: made ? made.tables.has('appendix') : docx.controls.some((control) => control.tag.startsWith('appendix')),
    references: file.references,
    kind,
  });
  const missingTabs = missingTabsLine(result.issues, file, workbookPath, env.cwd);
  if (missingTabs) {
    env.stderr.write(`${missingTabs}\n`);
    return EXIT.failed;
  }
  const counts = printIssues(result.issues, env);
  if (!result.ok) {
    env.stderr.write(
      counts.errors > 0
        ? `エラーが ${counts.errors} 件あるため、数字は更新しませんでした。上の各セルを直してから、もう一度実行してください。\n`
        : '対象年度が決まらないため、数字は更新しませんでした。設定タブの「対象年度」を指定してください。\n',
    );
    return EXIT.invalid;
  }
  const now = figureRecord(sanitizeReportDocument(result.report));
  const update = diffFigures(made, now, presentFigures(docx));
  for (const line of figureUpdateLines(update, result.report.language)) env.stdout.write(`${oneLineText(line)}\n`);
  const path = await writeUpdatedReport(outDir, result.report.year, updatedDocx(docx, update.replacements), kind);
  env.stdout.write(`${displayPath(path, env.cwd)}\n`);
  env.stderr.write(
    `完了: 数字を更新した報告書を書き出しました（警告 ${counts.warnings} 件）→ ${displayPath(outDir, env.cwd)}\n`,
  );
  return EXIT.done;
}

/** `--format` with `--template`: docx (default) and pdf; a form has no HTML of its own. */
function parseFormFormats(text: string | undefined): { pdf: boolean; docx: boolean; explicit: boolean } {
  if (text === undefined) return { docx: true, pdf: false, explicit: false };
  const { formats } = parseFormats(text);
  if (formats.includes('html')) throw new UsageError('--template で作れるのは docx と pdf です（html は作れません）');
  return { docx: formats.includes('docx'), pdf: formats.includes('pdf'), explicit: true };
}

/**
 * `report WORKBOOK --template FORM.docx`: every placeholder of the NPO's own form checked and listed with its value or
 * its problem; when none has an error (and the workbook has none), the filled form written as a new file
 * `{FORM}_{年度}年度.docx` (never over FORM.docx), and its PDF when asked.
 */
async function runForm(
  workbookPath: string,
  formPath: string,
  options: {
    year?: number;
    language?: 'ja' | 'en';
    formats: { docx: boolean; pdf: boolean; explicit: boolean };
    outDir: string;
    env: CliEnvironment;
  },
): Promise<number> {
  const { env } = options;
  if (extname(formPath).toLowerCase() !== '.docx') throw new FileError('form_not_docx', formPath, extname(formPath));
  env.stderr.write(`読み込み中: ${displayPath(formPath, env.cwd)}\n`);
  const { fillDocxForm, readDocxForm, writeFormFiles } = formModules();
  const form = await readDocxForm(formPath);
  const file = await loadWorkbook(workbookPath, env);
  env.stderr.write('入力と様式の差し込みをチェックしています…\n');
  const formName = basename(formPath);
  const check = checkForm(file.raw, form.paragraphs, {
    formName,
    year: options.year,
    language: options.language,
    references: file.references,
  });
  const missingTabs = missingTabsLine(check.workbookIssues, file, workbookPath, env.cwd);
  if (missingTabs) {
    env.stderr.write(`${missingTabs}\n`);
    return EXIT.failed;
  }
  const counts = printIssues(check.workbookIssues, env);
  // The check list: every placeholder with its value, or its problems (the form's own lines in document order).
  for (const placeholder of check.placeholders) {
    if (placeholder.issues.some((issue) => issue.severity === 'error')) continue;
    const where = `${oneLineText(formName)} ${formPlaceText(placeholder.place, check.language)}`;
    const value = { text: placeholder.text, tableRows: placeholder.table?.rows.length };
    env.stdout.write(`${formValueLine(where, placeholder.source, value, check.language)}\n`);
  }
  for (const issue of check.formIssues) env.stdout.write(`${formatFormIssue(issue)}\n`);
  const formErrors = check.formIssues.filter((issue) => issue.severity === 'error').length;
  const fills = fillForm(check);
  if (!fills || check.year === null) {
    const errors = counts.errors + formErrors;
    env.stderr.write(
      errors > 0
        ? `エラーが ${errors} 件あるため、様式には何も書き込みませんでした。上の各セルと差し込みを直してから、もう一度実行してください。\n`
        : '対象年度が決まらないため、様式には何も書き込みませんでした。設定タブの「対象年度」か --year を指定してください。\n',
    );
    return EXIT.invalid;
  }
  const docx = await fillDocxForm(form, fills);
  const files: { extension: 'docx' | 'pdf'; bytes: Uint8Array }[] = [];
  if (options.formats.docx) files.push({ extension: 'docx', bytes: docx });
  let exitCode: number = EXIT.done;
  if (options.formats.pdf) {
    env.stderr.write('PDF に変換しています（LibreOffice）…\n');
    const pdf = await pdfModule().convertDocxToPdf(docx, env.soffice);
    if (pdf.ok) files.push({ extension: 'pdf', bytes: pdf.pdf });
    else {
      env.stderr.write(
        pdf.reason === 'soffice_missing'
          ? 'PDF は作成しませんでした: LibreOffice（soffice）が見つかりません。.docx を Word や LibreOffice で開いて PDF として保存してください。\n'
          : `PDF は作成しませんでした: LibreOffice での変換に失敗しました（${pdf.detail}）\n`,
      );
      exitCode = EXIT.failed;
    }
  }
  if (files.length > 0) {
    const written = await writeFormFiles(options.outDir, formName, check.year, files);
    for (const path of written) env.stdout.write(`${displayPath(path, env.cwd)}\n`);
  }
  const warnings = counts.warnings + check.formIssues.length - formErrors;
  env.stderr.write(
    `${exitCode === EXIT.done ? '完了' : '一部完了'}: 様式「${oneLineText(formName)}」の差し込み ${check.placeholders.length} 件（警告 ${warnings} 件）→ ${displayPath(options.outDir, env.cwd)}\n`,
  );
  return exitCode;
}

async function runValidate(args: readonly string[], env: CliEnvironment): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    env.stdout.write(USAGE);
    return EXIT.done;
  }
  const workbookPath = parseWorkbookArgument(positionals, env);
  const file = await loadWorkbook(workbookPath, env);
  const { issues } = checkWorkbook(file.raw, { references: file.references });
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const missingTabs = missingTabsLine(issues, file, workbookPath, env.cwd);
  const exitCode = missingTabs ? EXIT.failed : errors > 0 ? EXIT.invalid : EXIT.done;
  if (values.json) {
    env.stdout.write(
      `${JSON.stringify({ ok: errors === 0, errors, warnings: issues.length - errors, issues }, null, 2)}\n`,
    );
  }
  if (missingTabs) {
    env.stderr.write(`${missingTabs}\n`);
    return exitCode;
  }
  if (!values.json) printIssues(issues, env);
  env.stderr.write(
    errors === 0 && issues.length === 0
      ? '問題は見つかりませんでした。\n'
      : `エラー ${errors} 件、警告 ${issues.length - errors} 件\n`,
  );
  return exitCode;
}

async function runTemplate(args: readonly string[], env: CliEnvironment): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    env.stdout.write(USAGE);
    return EXIT.done;
  }
  if (positionals.length !== 1) throw new UsageError('作るファイルの名前を1つ指定してください（例: 2023年度.xlsx）');
  const path = resolve(env.cwd, positionals[0]);
  await writeTemplateFile(path);
  env.stdout.write(`${displayPath(path, env.cwd)}\n`);
  env.stderr.write(
    '空のブックを作りました。Excel で開いて入力するか、Google スプレッドシートにアップロードしてください。\n',
  );
  return EXIT.done;
}

type Command = (args: readonly string[], env: CliEnvironment) => Promise<number>;

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['report', runReport],
  ['validate', runValidate],
  ['template', runTemplate],
]);

/**
 * Where the user typed the command. `npm run report` runs in the package folder and keeps the user's folder in
 * INIT_CWD; any other way of starting (bin, tsx) runs where it was typed. INIT_CWD alone is not enough: child
 * processes of an unrelated npm script inherit it.
 */
function invocationFolder(): string {
  const script = process.env.npm_lifecycle_event;
  const fromNpmRun = script !== undefined && COMMANDS.has(script) && process.env.INIT_CWD;
  return fromNpmRun ? (process.env.INIT_CWD as string) : process.cwd();
}

/** node:util parseArgs speaks English; staff read Japanese. */
function describeUsageError(error: Error): string {
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `「${option ?? error.message}」というオプションはありません`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `オプション「${option ?? ''}」の値がありません（例: --year 2022）`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `余分な引数があります: ${error.message}`;
  return error.message;
}

/** Runs one command; returns the exit code. The only place that catches everything (STYLE §6). */
export async function main(argv: readonly string[], environment: Partial<CliEnvironment> = {}): Promise<number> {
  const env: CliEnvironment = {
    stdout: environment.stdout ?? process.stdout,
    stderr: environment.stderr ?? process.stderr,
    cwd: environment.cwd ?? invocationFolder(),
    soffice: environment.soffice,
  };
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? env.stderr : env.stdout).write(USAGE);
    return command === undefined ? EXIT.failed : EXIT.done;
  }
  const run = COMMANDS.get(command);
  if (!run) {
    env.stderr.write(`エラー: 「${command}」というコマンドはありません（report / validate / template）\n\n${USAGE}`);
    return EXIT.failed;
  }
  try {
    return await run(rest, env);
  } catch (error) {
    if (error instanceof FileError) {
      env.stderr.write(`${describeFileError(error, env.cwd)}\n`);
      return EXIT.failed;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      env.stderr.write(
        `エラー: ${describeUsageError(error as Error)}\n（npm run ${command} -- --help で使い方を表示します）\n`,
      );
      return EXIT.failed;
    }
    env.stderr.write(`内部エラー: ${describeCause(error)}\n`);
    return EXIT.failed;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
