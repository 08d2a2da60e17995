// This file defines the words of the issue codes only the local runner raises (LocalIssueCode), in Japanese and
// English, beside the file readers that raise them: messages.ts words every other code, and dist/Code.js (which never
// reads a file) does not carry these.
import type { LocalIssueCode } from '../core/issues';
import type { Language, LocalWords, MessageInput } from '../core/messages';

type Wording = (input: MessageInput<LocalIssueCode>) => string;

/** One wording per code and language: a code without both fails to type-check. */
const WORDS: { readonly [Code in LocalIssueCode]: { readonly [Lang in Language]: Wording } } = {
  undecodable_text: {
    ja: ({ params: { other = '', line = 0, count = 0, expected = '' } }) =>
      `ファイル「${other}」の ${line} 行目${count > 1 ? `（ほか ${count - 1} 行）` : ''}に ${expected} として読めないバイトがあり、「\ufffd」として読みました。元のファイルを開き、CSV UTF-8 で保存し直してください`,
    en: ({ params: { other = '', line = 0, count = 0, expected = '' } }) =>
      `File "${other}", line ${line}${count > 1 ? ` (and ${count - 1} more line(s))` : ''}: bytes that are not valid ${expected} were read as "\ufffd". Open the file and save it again as CSV UTF-8`,
  },
};

/** The local runner's words, handed to the core with each workbook it reads (RawWorkbook.words). */
export const localWords: LocalWords = (input, language) => WORDS[input.code][language](input);
