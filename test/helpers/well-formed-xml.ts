// This file defines a strict XML 1.0 well-formedness check for the parts of a .docx, as Word and LibreOffice apply it.
import { SaxesParser } from 'saxes';

/**
 * The first well-formedness error of `xml` (saxes: a strict, namespace-aware XML 1.0 parser that refuses every
 * character outside the XML Char production, e.g. U+0000, U+0001, U+FFFE, a lone surrogate), or null when none.
 * saxes comes with exceljs, a runtime dependency, so the check needs nothing installed for tests alone.
 */
export function xmlError(xml: string, fileName = 'document.xml'): string | null {
  const parser = new SaxesParser({ xmlns: true, fileName });
  let first: string | null = null;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    first ??= error instanceof Error ? error.message : String(error);
  }
  return first;
}

/** The XML 1.0 Char production, negated: any code point a well-formed document cannot hold (lone surrogates too). */
export function xmlInvalidCharacters(xml: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = xml.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i++;
        continue;
      }
    }
    const valid =
      code === 0x09 ||
      code === 0x0a ||
      code === 0x0d ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd);
    if (!valid) found.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return found;
}
