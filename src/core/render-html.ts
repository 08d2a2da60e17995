// This file defines the HTML renderer: ReportDocument → a standalone, escaped HTML page (local runner and sidebar preview).
import { sanitizeReportDocument } from './document-text';
import { assertNever, type Block, type ReportDocument, type ReportTable, tableGrid } from './report-document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const STYLE = `
body { font-family: 'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo', sans-serif; line-height: 1.7; color: #222; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; text-align: center; margin-bottom: 0.25rem; }
.subtitle { text-align: center; margin: 0.2rem 0; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
h4 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
p { margin: 0.3rem 0; }
.note { font-size: 0.85rem; color: #555; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #444; padding: 0.3rem 0.4rem; vertical-align: top; }
th { background: #e8e8e8; font-weight: bold; }
td.right { text-align: right; } td.center { text-align: center; }
`;

// Attribute values are constants or whole numbers, never a string taken from the report.
const alignClass = (align: string): string =>
  align === 'right' ? ' class="right"' : align === 'center' ? ' class="center"' : '';
const wholeNumber = (value: unknown): number => (Number.isFinite(Number(value)) ? Math.trunc(Number(value)) : 0);

function renderTable(table: ReportTable): string {
  const cols = table.widths.map((w) => `<col style="width:${wholeNumber(w)}%">`).join('');
  const head = `<tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = tableGrid(table)
    .map((row) => {
      const cells = row.map((cell, column) => {
        if (!cell) return ''; // covered by a rowspan above
        const span = wholeNumber(cell.rowSpan) > 1 ? ` rowspan="${wholeNumber(cell.rowSpan)}"` : '';
        const align = alignClass(table.align[column]);
        return `<td${span}${align}>${escapeHtml(cell.text)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table><colgroup>${cols}</colgroup>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'subtitle':
      return `<p class="subtitle">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`;
    case 'table':
      return renderTable(block);
    default:
      return assertNever(block);
  }
}

/** The report's body only (for the sidebar preview, which has its own page); cleaned and escaped like the page. */
export function renderReportBody(report: ReportDocument): string {
  return sanitizeReportDocument(report).blocks.map(renderBlock).join('\n');
}

/**
 * A complete HTML page. Every text from the workbook is cleaned of characters a document cannot hold (again here,
 * whatever built the report) and escaped, in element content only: no workbook text reaches an attribute or a tag.
 */
export function renderReportHtml(given: ReportDocument): string {
  const report = sanitizeReportDocument(given);
  return `<!DOCTYPE html>
<html lang="${report.language === 'en' ? 'en' : 'ja'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${renderReportBody(report)}
</body>
</html>
`;
}
