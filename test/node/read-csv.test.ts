// Tests for CSV decoding (encoding detection), delimiter detection and RFC 4180 parsing.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import {
  decodeCsv,
  decodeUtf8Body,
  detectDelimiter,
  forEachCsvRow,
  ICU_DECODE_MAX_BYTES,
  parseCsv,
  UnclosedQuoteError,
  unclosedQuoteLine,
} from '../../src/node/read-csv';
import { encodeShiftJis } from './support';

/** The pieces random CSV texts are made of: quotes, delimiters, every line break, a space, letters of both widths. */
const CSV_PIECE = fc.constantFrom('a', 'あ', '"', '""', ',', '\t', '\n', '\r', '\r\n', ' ');
const CSV_TEXT = fc.array(CSV_PIECE, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('decodeCsv', () => {
  const text = '項目,値\r\n団体名,特定非営利活動法人 ①㈱髙橋～－\r\n';

  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8', badLines: [] });
  });

  it('drops the UTF-8 BOM that Excel writes for 「CSV UTF-8」', () => {
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8', badLines: [] });
  });

  it('reads Shift_JIS (CP932, with NEC and IBM extensions) when the bytes are not UTF-8', () => {
    const bytes = encodeShiftJis(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text, 'utf8'));
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'shift_jis', badLines: [] });
  });

  it('reads UTF-16 LE with its BOM (Excel 「Unicode テキスト」)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'utf-16le', badLines: [] });
  });

  it('reads UTF-16 BE with its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'utf-16be', badLines: [] });
  });

  it('reads UTF-16 LE and BE without a BOM, tab-delimited as Excel writes 「Unicode テキスト」', () => {
    // 一 is U+4E00: its LE bytes 00 4E put one NUL on the "wrong" side; the majority still decides.
    const tsv = '日付\t事業内容\t金額\r\n2022/4/1\t一\t10000\r\n';
    expect(decodeCsv(Buffer.from(tsv, 'utf16le'))).toEqual({ text: tsv, encoding: 'utf-16le', badLines: [] });
    expect(decodeCsv(Buffer.from(tsv, 'utf16le').swap16())).toEqual({ text: tsv, encoding: 'utf-16be', badLines: [] });
  });

  it('lists the lines holding bytes that are not Shift_JIS (decoded as U+FFFD)', () => {
    // 0x85 0x40 is an unassigned Shift_JIS code, decoded as one U+FFFD: once on line 2, twice on line 4.
    const bytes = Buffer.concat([
      encodeShiftJis('項目,値\r\n団体名,'),
      Buffer.from([0x85, 0x40]),
      encodeShiftJis('\r\n対象年度,2022\r\n備考,'),
      Buffer.from([0x85, 0x40, 0x85, 0x40]),
      encodeShiftJis('\r\n'),
    ]);
    expect(decodeCsv(bytes)).toEqual({
      text: '項目,値\r\n団体名,\ufffd\r\n対象年度,2022\r\n備考,\ufffd\ufffd\r\n',
      encoding: 'shift_jis',
      badLines: [2, 4],
    });
  });

  it('reads UTF-8 with one broken byte as UTF-8 and lists its line, not as Shift_JIS mojibake', () => {
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff]), Buffer.from('\n事業,育成事業\n')]);
    expect(decodeCsv(bytes)).toEqual({ text: `${text}\ufffd\n事業,育成事業\n`, encoding: 'utf-8', badLines: [3] });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeCsv(Buffer.from('a,b\n1,2\n'))).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8', badLines: [] });
  });
});

describe('decodeUtf8Body', () => {
  it('gives what a TextDecoder gives: one to four bytes a character, surrogate pairs, NUL, U+FEFF inside', () => {
    const text = 'a,é,項目,🙂,\u0000,x\ufeffy,\uffff,\u{10ffff}\r\n';
    expect(decodeUtf8Body(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeUtf8Body(Buffer.alloc(0))).toBe('');
  });

  it('drops a BOM that starts the body as a TextDecoder does (a file beginning with two), and only that one', () => {
    const body = Buffer.from('\ufeff\ufeffa,b\n', 'utf8');
    expect(decodeUtf8Body(body)).toBe('\ufeffa,b\n');
    expect(decodeUtf8Body(body)).toBe(new TextDecoder('utf-8').decode(body));
  });

  it('goes through ICU only for text with non-ASCII in it up to ICU_DECODE_MAX_BYTES (its UTF-16 copy is 2 bytes a character)', () => {
    const buffer: { transcode: typeof import('node:buffer').transcode } = require('node:buffer');
    const transcode = jest.spyOn(buffer, 'transcode');
    try {
      const japanese = Buffer.from('項目,値\n団体名,テスト\n', 'utf8');
      expect(decodeUtf8Body(japanese)).toBe('項目,値\n団体名,テスト\n');
      expect(transcode).toHaveBeenCalledTimes(1);
      // ASCII: V8 copies it as it is, faster and in half the memory of a UTF-16 copy.
      expect(decodeUtf8Body(Buffer.from('a,b\n1,2\n'))).toBe('a,b\n1,2\n');
      expect(transcode).toHaveBeenCalledTimes(1);
      // One byte past the bound: left to TextDecoder, read the same.
      const big = Buffer.alloc(ICU_DECODE_MAX_BYTES + 1, 'a');
      big.write('項', 0, 'utf8');
      const text = decodeUtf8Body(big);
      expect(transcode).toHaveBeenCalledTimes(1);
      expect(text.length).toBe(ICU_DECODE_MAX_BYTES - 1); // 項 is three bytes
      expect(text.slice(0, 3)).toBe('項aa');
      // Exactly at the bound: ICU.
      expect(decodeUtf8Body(big.subarray(0, ICU_DECODE_MAX_BYTES))).toBe(text.slice(0, -1));
      expect(transcode).toHaveBeenCalledTimes(2);
    } finally {
      transcode.mockRestore();
    }
  });

  it('equals a TextDecoder on random text of every width', () => {
    const character = fc.oneof(
      fc.constantFrom('a', ',', '"', '\n', '\r', '\ufeff', '\u0000'),
      fc.integer({ min: 0x80, max: 0x7ff }).map((code) => String.fromCodePoint(code)),
      fc
        .integer({ min: 0x800, max: 0xffff })
        .filter((code) => code < 0xd800 || code > 0xdfff)
        .map((code) => String.fromCodePoint(code)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 40 }), (characters) => {
        const bytes = Buffer.from(characters.join(''), 'utf8');
        expect(decodeUtf8Body(bytes)).toBe(new TextDecoder('utf-8').decode(bytes));
      }),
      { seed: 15, numRuns: 2000 },
    );
  });
});

describe('detectDelimiter', () => {
  it('is a tab when the first line has more tabs than commas', () => {
    expect(detectDelimiter('日付\t事業内容\t金額\n1,000\t2,000\n')).toBe('\t');
  });

  it('is a comma otherwise, and for an empty file', () => {
    expect(detectDelimiter('日付,事業内容\tx,金額\n\t\t\t\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('splits rows and fields', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts CRLF, LF and CR line ends and no final line break', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    expect(parseCsv('"x,y","line1\r\nline2","say ""hi"""\n')).toEqual([['x,y', 'line1\r\nline2', 'say "hi"']]);
  });

  it('keeps empty fields, also at the end of a row', () => {
    expect(parseCsv('a,,\n,b,\n')).toEqual([
      ['a', '', ''],
      ['', 'b', ''],
    ]);
  });

  it('keeps a blank line as a row with one empty field', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('is lenient where Excel is: a quote inside an unquoted field, rows of different lengths', () => {
    expect(parseCsv('5"3,x\n')).toEqual([['5"3', 'x']]);
    expect(parseCsv('a,b,c\n1\n')).toEqual([['a', 'b', 'c'], ['1']]);
  });

  it('reads tab-delimited rows, with quotes as in CSV', () => {
    expect(parseCsv('a\tb,c\n"x\ty"\t2\n', '\t')).toEqual([
      ['a', 'b,c'],
      ['x\ty', '2'],
    ]);
  });

  it('returns no rows for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
  });

  function unclosedLine(text: string): number {
    try {
      parseCsv(text);
    } catch (error) {
      if (error instanceof UnclosedQuoteError) return error.line;
      throw error;
    }
    throw new Error('parsed without an error');
  }

  it('refuses a quote that never closes, naming the line where it opened', () => {
    expect(unclosedLine('"open,rest\nmore')).toBe(1);
    // Lines 1–3 read fine; the quote opens on line 4 and would swallow lines 5 and 6.
    expect(unclosedLine('a,b\r\n1,2\r\n3,4\r\n5,"R4-0100\r\n6,7\r\n8,9\r\n')).toBe(4);
  });

  it('counts quoted line breaks, CR-only line ends and "" before the unclosed quote', () => {
    expect(unclosedLine('a,"x\ny"\r1,"say ""hi"""\n2,"oops\n')).toBe(4);
    // "a"b is a closed quote followed by plain text (relaxed); the quote opening on line 2 is the culprit.
    expect(unclosedLine('"a"b,c\nd,"e\n')).toBe(2);
  });

  it('keeps the last row when the text ends right after a delimiter', () => {
    // Dropping the unterminated last row, or its last empty field, fails here.
    expect(parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv(',')).toEqual([['', '']]);
    expect(parseCsv('"x",')).toEqual([['x', '']]);
  });

  it('reads a closed quote followed by text as the text typed from the opening quote on, "" read once', () => {
    expect(parseCsv('"abc"def,x\n')).toEqual([['"abc"def', 'x']]);
    expect(parseCsv('"a""b"c"d\r\n')).toEqual([['"a"b"c"d']]);
    expect(parseCsv('""x\t"y"', '\t')).toEqual([['""x', 'y']]);
    expect(parseCsv('"a\nb"c\rz')).toEqual([['"a\nb"c'], ['z']]);
  });

  it('reads an empty quoted field as one empty field, also as the last line', () => {
    expect(parseCsv('a\n""')).toEqual([['a'], ['']]);
    expect(parseCsv('"",""\n')).toEqual([['', '']]);
  });

  it('reads every text as csv-parse does with relax_quotes and relax_column_count (the reader it replaced)', () => {
    const oracle = (text: string, delimiter: ',' | '\t'): string[][] | 'unclosed' => {
      try {
        return parse(text, {
          delimiter,
          record_delimiter: ['\r\n', '\n', '\r'],
          relax_quotes: true,
          relax_column_count: true,
          skip_empty_lines: false,
        }) as string[][];
      } catch (error) {
        if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return 'unclosed';
        throw error;
      }
    };
    const ours = (text: string, delimiter: ',' | '\t'): string[][] | 'unclosed' => {
      try {
        return parseCsv(text, delimiter);
      } catch (error) {
        if (error instanceof UnclosedQuoteError) return 'unclosed';
        throw error;
      }
    };
    fc.assert(
      fc.property(CSV_TEXT, fc.constantFrom(',' as const, '\t' as const), (text, d) => {
        expect(ours(text, d)).toEqual(oracle(text, d));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the unclosed quote without building rows, on the line parseCsv names', () => {
    expect(unclosedQuoteLine('a,b\r\n1,"x""\r\n2,3')).toBe(2);
    expect(unclosedQuoteLine('a,"x\ny"\r1,"say ""hi"""\n2,"oops\n')).toBe(4);
    // A quote inside a field does not open one; a closed quote followed by text does not either.
    expect(unclosedQuoteLine('5"3,x\n"a"b"c,d\n')).toBeNull();
    expect(unclosedQuoteLine('a\t"b', '\t')).toBe(1);
    expect(unclosedQuoteLine('a\t"b', ',')).toBeNull();
    expect(unclosedQuoteLine('')).toBeNull();
    const piece = fc.constantFrom('a', 'あ', '"', '""', ',', '\t', '\n', '\r', '\r\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.constantFrom(',' as const, '\t' as const), (pieces, d) => {
        const text = pieces.join('');
        let expected: number | null = null;
        try {
          parseCsv(text, d);
        } catch (error) {
          if (!(error instanceof UnclosedQuoteError)) throw error;
          expected = error.line;
        }
        expect(unclosedQuoteLine(text, d)).toBe(expected);
        // The same on the UTF-8 bytes (the runner checks a big clean file before decoding it).
        expect(unclosedQuoteLine(Buffer.from(text), d)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('forEachCsvRow', () => {
  /** Each row visited (copied, since a lent row is refilled), the array it came in, and its index. */
  function visitAll(text: string, delimiter: ',' | '\t', lendRows: boolean) {
    const rows: string[][] = [];
    const arrays: string[][] = [];
    const indexes: number[] = [];
    forEachCsvRow(
      text,
      delimiter,
      (row, index) => {
        rows.push([...row]);
        arrays.push(row);
        indexes.push(index);
        return undefined;
      },
      lendRows,
    );
    return { rows, arrays, indexes };
  }

  it("lends every data row in one array, trimmed to each row's width, and gives the header its own", () => {
    const { rows, arrays, indexes } = visitAll('h1,h2\n1,2,3\n4\n\n5,6\n', ',', true);
    expect(rows).toEqual([['h1', 'h2'], ['1', '2', '3'], ['4'], [''], ['5', '6']]);
    expect(indexes).toEqual([0, 1, 2, 3, 4]);
    // One array for rows 1 to 4, holding the last row when the reading is done; the header's is another, unchanged.
    expect(new Set(arrays.slice(1)).size).toBe(1);
    expect(arrays[0]).not.toBe(arrays[1]);
    expect(arrays[0]).toEqual(['h1', 'h2']);
    expect(arrays[4]).toEqual(['5', '6']);
  });

  it('visits a final row not closed by a line break, shorter than the row before it, at its own width', () => {
    expect(visitAll('a,b\n1,2,3\n4', ',', true).rows).toEqual([['a', 'b'], ['1', '2', '3'], ['4']]);
    expect(visitAll('a,b\n1,', ',', true).rows).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(visitAll('a,b\n1,2,3\n,', ',', true).rows).toEqual([
      ['a', 'b'],
      ['1', '2', '3'],
      ['', ''],
    ]);
    expect(visitAll('a,b\n1,2,3\n"x"', ',', true).rows).toEqual([['a', 'b'], ['1', '2', '3'], ['x']]);
    expect(visitAll('a\tb\n1\t2\t3\n4', '\t', true).rows).toEqual([['a', 'b'], ['1', '2', '3'], ['4']]);
    // A header alone, closed or not.
    expect(visitAll('a,b', ',', true).rows).toEqual([['a', 'b']]);
    expect(visitAll('a,b\n', ',', true).rows).toEqual([['a', 'b']]);
    expect(visitAll('', ',', true).rows).toEqual([]);
  });

  it('gives every row a new array without lendRows', () => {
    const { rows, arrays } = visitAll('h\n1,2,3\n4\n5', ',', false);
    expect(rows).toEqual([['h'], ['1', '2', '3'], ['4'], ['5']]);
    expect(new Set(arrays).size).toBe(4);
    // Each kept array still holds its own row.
    expect(arrays).toEqual([['h'], ['1', '2', '3'], ['4'], ['5']]);
  });

  it('stops when visit returns false, lent or not', () => {
    for (const lendRows of [true, false]) {
      const seen: string[][] = [];
      forEachCsvRow(
        'h\n1\n2\n3',
        ',',
        (row, index) => {
          seen.push([...row]);
          return index < 2 ? undefined : false;
        },
        lendRows,
      );
      expect(seen).toEqual([['h'], ['1'], ['2']]);
    }
  });

  it('visits the rows parseCsv returns, lent or not, on random texts; the header array is left alone', () => {
    const rowsOf = (text: string, d: ',' | '\t', lendRows: boolean): string[][] | 'unclosed' => {
      try {
        const { rows, arrays, indexes } = visitAll(text, d, lendRows);
        expect(indexes).toEqual(rows.map((_, index) => index));
        // The header's array is not the data rows', and still holds the header at the end.
        if (rows.length > 1) {
          expect(arrays[0]).not.toBe(arrays[1]);
          expect(arrays[0]).toEqual(rows[0]);
        }
        if (lendRows) expect(new Set(arrays.slice(1)).size).toBe(rows.length > 1 ? 1 : 0);
        else expect(new Set(arrays).size).toBe(rows.length);
        return rows;
      } catch (error) {
        if (error instanceof UnclosedQuoteError) return 'unclosed';
        throw error;
      }
    };
    const parsed = (text: string, d: ',' | '\t'): string[][] | 'unclosed' => {
      try {
        return parseCsv(text, d);
      } catch (error) {
        if (error instanceof UnclosedQuoteError) return 'unclosed';
        throw error;
      }
    };
    let shorterAfterLonger = 0;
    fc.assert(
      fc.property(CSV_TEXT, fc.constantFrom(',' as const, '\t' as const), (text, d) => {
        const expected = parsed(text, d);
        expect(rowsOf(text, d, true)).toEqual(expected);
        expect(rowsOf(text, d, false)).toEqual(expected);
        if (expected !== 'unclosed' && expected.some((row, i) => i > 1 && row.length < expected[i - 1].length)) {
          shorterAfterLonger++;
        }
      }),
      { seed: 4180, numRuns: 3000 },
    );
    // The texts did put shorter data rows after longer ones, where a lent array must be trimmed.
    expect(shorterAfterLonger).toBeGreaterThan(100);
  });
});
