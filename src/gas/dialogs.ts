// This file defines the small HTML dialogs: the issue list and the link to a new report (every cell-derived text escaped).

import type { Issue } from '../core/issues';
import { escapeHtml } from '../core/render-html';

export const BUSY_MESSAGE =
  '他の人が事業報告書の作成かシートの準備をしています。しばらくしてからもう一度お試しください。';

const STYLE =
  '<style>body{font-family:"Noto Sans JP",sans-serif;font-size:13px}li{margin:4px 0}.error{color:#b00020}.warning{color:#8a6d00}</style>';

export function issuesHtml(issues: readonly Issue[], title: string): string {
  if (issues.length === 0) return `${STYLE}<p>${escapeHtml(title)}: 問題は見つかりませんでした。</p>`;
  const items = issues
    .map(
      (issue) =>
        `<li class="${issue.severity}"><b>${escapeHtml(`${issue.tab}!${issue.cell}`)}</b> ${
          issue.severity === 'warning' ? '［警告］' : ''
        }${escapeHtml(issue.message)}</li>`,
    )
    .join('');
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return `${STYLE}<p>${escapeHtml(title)}: エラー ${errors} 件、警告 ${issues.length - errors} 件</p><ul>${items}</ul>`;
}

export function showIssuesDialog(issues: readonly Issue[], title: string): void {
  const html = HtmlService.createHtmlOutput(issuesHtml(issues, title)).setWidth(520).setHeight(420);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

export function showLinkDialog(url: string, name: string, warnings: number): void {
  const note = warnings > 0 ? `<p>警告が ${warnings} 件あります（入力チェックで確認できます）。</p>` : '';
  const html = HtmlService.createHtmlOutput(
    `${STYLE}<p>作成しました: <a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(name)}</a></p>${note}`,
  )
    .setWidth(420)
    .setHeight(160);
  SpreadsheetApp.getUi().showModalDialog(html, '事業報告書');
}
