// This file defines the tests of the words only the local runner says (LocalIssueCode): both languages, exact, and
// that the core words such a code only through the adapter's words (without them, the code itself shows).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { IssueDraft } from '../../src/core/issues';
import { finalizeIssue } from '../../src/core/messages';
import { makeReport } from '../../src/core/pipeline';
import { localWords } from '../../src/node/local-messages';
import { readWorkbookFile } from '../../src/node/read-workbook-file';

const undecodable = (line: number, count: number): IssueDraft => ({
  severity: 'warning',
  code: 'undecodable_text',
  tab: '費用\n',
  cell: 'F5',
  column: '金額',
  value: '',
  params: { other: '費用.csv', expected: 'Shift_JIS', line, count },
});

describe('localWords: undecodable_text', () => {
  it.each([
    [
      5,
      1,
      'ja',
      'ファイル「費用.csv」の 5 行目に Shift_JIS として読めないバイトがあり、「\ufffd」として読みました。元のファイルを開き、CSV UTF-8 で保存し直してください',
    ],
    [
      5,
      3,
      'ja',
      'ファイル「費用.csv」の 5 行目（ほか 2 行）に Shift_JIS として読めないバイトがあり、「\ufffd」として読みました。元のファイルを開き、CSV UTF-8 で保存し直してください',
    ],
    [
      9,
      1,
      'en',
      'File "費用.csv", line 9: bytes that are not valid Shift_JIS were read as "\ufffd". Open the file and save it again as CSV UTF-8',
    ],
    [
      9,
      2,
      'en',
      'File "費用.csv", line 9 (and 1 more line(s)): bytes that are not valid Shift_JIS were read as "\ufffd". Open the file and save it again as CSV UTF-8',
    ],
  ] as const)('line %d, %d line(s), %s', (line, count, language, expected) => {
    expect(finalizeIssue(undecodable(line, count), language, localWords).message).toBe(expected);
  });

  it('quotes the file name on one line, without control characters', () => {
    const draft = {
      ...undecodable(2, 1),
      params: { other: '費\u001b[31m用\n.csv', expected: 'UTF-8', line: 2, count: 1 },
    };
    expect(finalizeIssue(draft, 'en', localWords).message).toBe(
      'File "費[31m用 .csv", line 2: bytes that are not valid UTF-8 were read as "\ufffd". Open the file and save it again as CSV UTF-8',
    );
  });

  it('is handed the input cleaned as every message is (the tab on one line)', () => {
    const seen: string[] = [];
    finalizeIssue(undecodable(1, 1), 'ja', (input, language) => {
      seen.push(`${input.code} ${JSON.stringify(input.tab)} ${input.column} ${language}`);
      return '';
    });
    expect(seen).toEqual(['undecodable_text "費用 " 金額 ja']);
  });

  it('without the adapter’s words, the message is the code (the core carries no words for it)', () => {
    expect(finalizeIssue(undecodable(1, 1), 'en').message).toBe('undecodable_text');
  });

  it('reaches the report issues through RawWorkbook.words', () => {
    const result = makeReport({
      tabs: [
        {
          name: '設定',
          values: [
            ['項目', '値'],
            ['団体名', 'テスト'],
            ['対象年度', 2022],
          ],
        },
      ],
      issues: [undecodable(2, 1)],
      words: localWords,
    });
    const found = result.issues.find((issue) => issue.code === 'undecodable_text');
    expect(found?.message).toBe(
      'ファイル「費用.csv」の 2 行目に Shift_JIS として読めないバイトがあり、「\ufffd」として読みました。元のファイルを開き、CSV UTF-8 で保存し直してください',
    );
  });
});

describe('the local reader hands its words over with every workbook', () => {
  const dir = join(__dirname, '../../test-output/local-messages');
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'csv'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('from a CSV folder and from an .xlsx file alike (the dev server reads either)', async () => {
    writeFileSync(join(dir, 'csv', '設定.csv'), '項目,値\n団体名,テスト\n対象年度,2022\n');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('設定').addRows([
      ['項目', '値'],
      ['団体名', 'テスト'],
    ]);
    await book.xlsx.writeFile(join(dir, 'book.xlsx'));
    expect((await readWorkbookFile(join(dir, 'csv'))).raw.words).toBe(localWords);
    expect((await readWorkbookFile(join(dir, 'book.xlsx'))).raw.words).toBe(localWords);
  });
});
