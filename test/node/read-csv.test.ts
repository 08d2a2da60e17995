// Tests for CSV decoding (encoding detection) and RFC 4180 parsing.
import { decodeCsv, parseCsv } from '../../src/node/read-csv';
import { encodeShiftJis } from './support';

describe('decodeCsv', () => {
  const text = '項目,値\r\n団体名,特定非営利活動法人 ①㈱髙橋～－\r\n';

  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('drops the UTF-8 BOM that Excel writes for 「CSV UTF-8」', () => {
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads Shift_JIS (CP932, with NEC and IBM extensions) when the bytes are not UTF-8', () => {
    const bytes = encodeShiftJis(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text, 'utf8'));
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'shift_jis' });
  });

  it('reads UTF-16 LE with its BOM (Excel 「Unicode テキスト」)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeCsv(Buffer.from('a,b\n1,2\n'))).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8' });
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

  it('is lenient where Excel is: a quote inside an unquoted field, an unclosed quote', () => {
    expect(parseCsv('5"3,x\n')).toEqual([['5"3', 'x']]);
    expect(parseCsv('"open,rest\nmore')).toEqual([['open,rest\nmore']]);
  });

  it('returns no rows for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
