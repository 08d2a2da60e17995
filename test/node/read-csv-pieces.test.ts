// This file tests forEachCsvRowOfBytes: a big UTF-8 file decoded a piece at a time gives forEachCsvRow's rows of the whole text, numbered the same, wherever the pieces end.
import fc from 'fast-check';
import { forEachCsvRow, forEachCsvRowOfBytes, unclosedQuoteLine } from '../../src/node/read-csv';

type Row = [index: number, fields: string[]];

function whole(text: string, delimiter: ',' | '\t' = ','): Row[] {
  const rows: Row[] = [];
  forEachCsvRow(text, delimiter, (row, index) => {
    rows.push([index, row]);
    return undefined;
  });
  return rows;
}

function inPieces(bytes: Uint8Array, pieceBytes: number, delimiter: ',' | '\t' = ','): Row[] {
  const rows: Row[] = [];
  forEachCsvRowOfBytes(
    bytes,
    delimiter,
    (row, index) => {
      rows.push([index, row]);
      return undefined;
    },
    pieceBytes,
  );
  return rows;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('forEachCsvRowOfBytes', () => {
  it('keeps a quoted field with line breaks whole where a piece would have ended inside it', () => {
    const text = 'a,"x\ny\r\nz",b\nc,d\n';
    // Pieces of 2 bytes: the first line feed after byte 2 is inside the quotes (byte 4); the cut comes after ",b\n".
    expect(inPieces(utf8(text), 2)).toEqual([
      [0, ['a', 'x\ny\r\nz', 'b']],
      [1, ['c', 'd']],
    ]);
  });

  it('cuts after the line feed of CRLF, numbers rows across pieces, and keeps an empty line a row', () => {
    const text = 'h1,h2\r\n1,2\r\n\r\n3,4\r\n';
    expect(inPieces(utf8(text), 1)).toEqual([
      [0, ['h1', 'h2']],
      [1, ['1', '2']],
      [2, ['']],
      [3, ['3', '4']],
    ]);
  });

  it('drops one BOM at the start, as decoding the whole body would, and keeps a BOM that begins a later piece', () => {
    const text = '\ufeff\ufeffa\n\ufeffb\n';
    expect(inPieces(utf8(text), 1)).toEqual([
      [0, ['\ufeffa']],
      [1, ['\ufeffb']],
    ]);
  });

  it('reads a quote inside an unquoted field as a character, not as the start of a quoted field', () => {
    const text = 'ab"c\nd,"e\nf"\n';
    expect(inPieces(utf8(text), 1)).toEqual([
      [0, ['ab"c']],
      [1, ['d', 'e\nf']],
    ]);
  });

  it('stops when visit returns false, in a later piece too', () => {
    const seen: number[] = [];
    const visit = (_: string[], index: number) => {
      seen.push(index);
      return index < 2 ? undefined : false;
    };
    forEachCsvRowOfBytes(utf8('a\nb\nc\nd\n'), ',', visit, 1);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('reads a tab-delimited file and a file without a final line break', () => {
    expect(inPieces(utf8('a\tb\nc\t"d\ne"'), 1, '\t')).toEqual([
      [0, ['a', 'b']],
      [1, ['c', 'd\ne']],
    ]);
    expect(inPieces(utf8(''), 1)).toEqual([]);
  });

  it('gives the rows of the whole text for any text without an unclosed quote, whatever the piece size', () => {
    const pieces = ['a', 'あ', ',', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '\ufeff', '𠮷'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 80 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(',' as const, '\t' as const),
        (parts, pieceBytes, delimiter) => {
          const text = parts.join('');
          // Decoding the whole body drops a leading BOM: so does the reference. The reader refuses an unclosed quote.
          const reference = text.startsWith('\ufeff') ? text.slice(1) : text;
          if (unclosedQuoteLine(reference, delimiter) !== null) return;
          expect(inPieces(utf8(text), pieceBytes, delimiter)).toEqual(whole(reference, delimiter));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
