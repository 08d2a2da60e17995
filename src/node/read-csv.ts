// This file defines CSV reading: bytes in UTF-8 (with or without BOM), UTF-16 or Shift_JIS → text → rows (RFC 4180).

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

/**
 * Decodes a CSV file as Excel and Sheets write them. A BOM decides; without one, text that is valid UTF-8 is
 * UTF-8 and anything else is Shift_JIS (Excel's 「CSV (コンマ区切り)」 on Japanese Windows, really CP932, which
 * the WHATWG shift_jis decoder covers, ① and ㈱ included).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, line breaks and "" for a quote;
 * CRLF, LF or CR end a row). Lenient where Excel is: a quote inside an unquoted field is kept as a character, an
 * unclosed quote runs to the end of the file. A final line break does not make an extra row.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (!fieldStart || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
