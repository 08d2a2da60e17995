// This file defines the words of the issue codes only the local runner and its dev server show (LocalIssueCode), in
// Japanese and English, beside the file readers: messages.ts words every other code, and dist/Code.js (which never
// reads a file) does not carry these.
import { oneLineText } from '../core/document-text';
import type { LocalIssueCode } from '../core/issues';
import type { Language, LocalWords, MessageInput } from '../core/messages';

type Wording = (input: MessageInput<LocalIssueCode>) => string;

/** One wording per code and language: a code without both fails to type-check. */
const WORDS: { readonly [Code in LocalIssueCode]: { readonly [Lang in Language]: Wording } } = {
  // The file's name is quoted on one line, as every typed text a message quotes (a name may hold a line break).
  undecodable_text: {
    ja: ({ params: { other = '', line = 0, count = 0, expected = '' } }) =>
      `ファイル「${oneLineText(other)}」の ${line} 行目${count > 1 ? `（ほか ${count - 1} 行）` : ''}に ${expected} として読めないバイトがあり、「\ufffd」として読みました。元のファイルを開き、CSV UTF-8 で保存し直してください`,
    en: ({ params: { other = '', line = 0, count = 0, expected = '' } }) =>
      `File "${oneLineText(other)}", line ${line}${count > 1 ? ` (and ${count - 1} more line(s))` : ''}: bytes that are not valid ${expected} were read as "\ufffd". Open the file and save it again as CSV UTF-8`,
  },
  // The dev server's sidebar (scripts/sidebar-server.ts): what only the add-on in Sheets can do.
  form_sheets_only: {
    ja: () =>
      'Google ドキュメントのテンプレートは、スプレッドシートのアドオンから使えます（手元では npm run report -- ブック --template 様式.docx）',
    en: () =>
      'Google Doc templates are used from the add-on in Sheets (locally: npm run report -- WORKBOOK --template FORM.docx)',
  },
  update_sheets_only: {
    ja: () =>
      'Google ドキュメントの報告書は Sheets からだけ更新できます（ここでは npm run report -- ブック --update 報告書.docx）。',
    en: () =>
      'A Google Doc report is updated from Sheets only (here: npm run report -- WORKBOOK --update REPORT.docx).',
  },
};

/** The local runner's words, handed to the core with each workbook it reads (RawWorkbook.words). */
export const localWords: LocalWords = (input, language) => WORDS[input.code][language](input);
