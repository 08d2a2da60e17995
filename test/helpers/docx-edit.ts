// This file defines test helpers that edit a generated .docx the way an editor's program does: replace or add parts,
// set a figure control's text (the tests' own oracle), move a control into a header or footer.
import { crc32, readZip, writeZip, type ZipPart } from '../../src/node/docx-package';
import { unzip } from '../node/support';

/** A part stored (method 0) with the given text. */
function storedPart(name: string, text: string, like?: ZipPart): ZipPart {
  const data = Buffer.from(text, 'utf8');
  return {
    name,
    nameBytes: Buffer.from(name, 'utf8'),
    time: 0,
    date: 0x21,
    versionMadeBy: 20,
    versionNeeded: 20,
    internalAttributes: 0,
    externalAttributes: 0,
    ...like,
    method: 0,
    flags: 0,
    crc: crc32(data),
    size: data.length,
    compressed: data,
  };
}

/** The package with each part replaced by `edit` (name, text → new text, or undefined to keep it), plus new parts. */
export function editPackage(
  bytes: Buffer,
  edit: (name: string, text: string) => string | undefined,
  extra: readonly (readonly [string, string])[] = [],
): Buffer {
  const texts = unzip(bytes);
  const parts = readZip(bytes).map((part) => {
    const changed = edit(part.name, (texts.get(part.name) as Buffer).toString('utf8'));
    return changed === undefined ? part : storedPart(part.name, changed, part);
  });
  for (const [name, text] of extra) parts.push(storedPart(name, text));
  return writeZip(parts);
}

/** One part of a package as text. */
export function partText(bytes: Buffer, name: string): string {
  const part = unzip(bytes).get(name);
  if (!part) throw new Error(`no part ${name}`);
  return part.toString('utf8');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The control of `tag` as the renderer writes it (alias first): the regular expression matching all of it. */
function controlPattern(tag: string, flags = 'g'): RegExp {
  return new RegExp(`<w:sdt><w:sdtPr><w:alias w:val="${escapeRegExp(tag)}"/>.*?</w:sdt>`, flags);
}

/** The test's own oracle: the first `w:t` of every control tagged `tag` (as written in XML) set to `text`. */
export function setFigure(xml: string, tag: string, text: string): string {
  return xml.replace(controlPattern(tag), (whole) => whole.replace(/(<w:t(?: [^>]*)?>)[^<]*(<\/w:t>)/, `$1${text}$2`));
}

/** The one control tagged `tag`, and the XML without it (as when an editor cuts it out). */
export function cutFigure(xml: string, tag: string): { xml: string; control: string } {
  const found = xml.match(controlPattern(tag));
  if (found?.length !== 1) throw new Error(`expected one control ${tag}, found ${found?.length ?? 0}`);
  const control = found[0];
  return { xml: xml.replace(control, ''), control };
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A header part whose one paragraph says `before`, then `control`, then `after`. */
export function headerXml(before: string, control: string, after: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W_NS}"><w:p><w:r><w:t xml:space="preserve">${before}</w:t></w:r>${control}<w:r><w:t xml:space="preserve">${after}</w:t></w:r></w:p></w:hdr>`;
}

/**
 * The edits that make `word/header1.xml` the document's default header: its relationship, its content type and a
 * `w:headerReference` first in the body's `w:sectPr`. Returns undefined for the other parts.
 */
export function linkHeader(name: string, text: string): string | undefined {
  if (name === 'word/_rels/document.xml.rels')
    return text.replace(
      '</Relationships>',
      '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
    );
  if (name === '[Content_Types].xml')
    return text.replace(
      '</Types>',
      '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" PartName="/word/header1.xml"/></Types>',
    );
  return undefined;
}

/** document.xml with the default header referenced (see linkHeader). */
export function referenceHeader(xml: string): string {
  if (xml.split('<w:sectPr>').length !== 2) throw new Error('expected one <w:sectPr>');
  return xml.replace('<w:sectPr>', '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>');
}
