// This file defines what the add-on shows outside the sheet: the sidebar, and the dialog linking to a new report.

import type { Language } from '../core/messages';
import { readWorkbook } from '../core/read-workbook';
import { escapeHtml } from '../core/render-html';
import { readSpreadsheet } from './read-spreadsheet';

export const BUSY_MESSAGE =
  '他の人が事業報告書の作成かシートの準備をしています。しばらくしてからもう一度お試しください。';

export const DIALOG_STYLE = '<style>body{font-family:"Noto Sans JP",sans-serif;font-size:13px}</style>';

export function showLinkDialog(url: string, name: string, warnings: number): void {
  const note = warnings > 0 ? `<p>警告が ${warnings} 件あります（入力チェックで確認できます）。</p>` : '';
  const html = HtmlService.createHtmlOutput(
    `${DIALOG_STYLE}<p>作成しました: <a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(name)}</a></p>${note}`,
  )
    .setWidth(420)
    .setHeight(160);
  SpreadsheetApp.getUi().showModalDialog(html, '事業報告書');
}

/** 報告書言語 from the 設定 tab alone (one getValues); 'ja' when 設定 is missing or says nothing. */
export function readReportLanguage(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): Language {
  return readWorkbook(readSpreadsheet(spreadsheet, ['settings']), { tabs: ['settings'] }).workbook.settings.language;
}

/** The sidebar's viewport: HtmlService ignores a `<meta>` in the page, so it is added with addMetaTag. */
export const SIDEBAR_VIEWPORT = 'width=device-width, initial-scale=1';

/**
 * Opens the sidebar, titled in the report language (read from 設定 unless the caller already knows it). The title
 * and the viewport are set on the HtmlOutput: HtmlService ignores the page's own `<title>`, `document.title` and
 * `<meta name="viewport">`.
 */
export function openSidebar(language?: Language, section?: 'forms'): void {
  const known = language ?? readReportLanguage();
  const html = HtmlService.createHtmlOutputFromFile('sidebar')
    .setTitle(known === 'en' ? 'Annual report' : '事業報告書')
    .addMetaTag('viewport', SIDEBAR_VIEWPORT);
  // The section to open (テンプレートから作成): a fixed word the page reads once loaded, never user text.
  if (section) html.append(`<script>window.jhSection=${JSON.stringify(section)}</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}
