// This file defines the zip layer of a .docx for `--update`: a bounded reader and a writer that copies every part
// it is not asked to change as the same compressed bytes.
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** One part of the package, as its central directory describes it, with its compressed bytes. */
export interface ZipPart {
  readonly name: string;
  /** The name's bytes as stored (written back unchanged). */
  readonly nameBytes: Buffer;
  readonly method: 0 | 8;
  readonly flags: number;
  readonly crc: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly compressed: Buffer;
}

/** Why a file is not a package this reader takes; the caller words it. */
export class ZipError extends Error {}

/** Far more parts than any Word document has, and a bound on the work of a forged directory. */
export const MAX_PARTS = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The parts of a zip, from its central directory. Refused: no end record, ZIP64 (a Word document is far smaller),
 * more than MAX_PARTS parts, encryption, a method other than stored or deflate, a part out of the file's bounds, or
 * a name twice. Nothing is inflated here.
 */
export function readZip(bytes: Buffer): ZipPart[] {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = bytes.length - 22;
  while (end >= floor && bytes.readUInt32LE(end) !== EOCD) end--;
  if (end < floor) throw new ZipError('no zip end record');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('ZIP64');
  if (count > MAX_PARTS) throw new ZipError('too many parts');
  if (offset + directorySize > end) throw new ZipError('directory out of bounds');
  const parts: ZipPart[] = [];
  const names = new Set<string>();
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== CENTRAL) throw new ZipError('bad directory entry');
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    if (flags & 1) throw new ZipError('encrypted');
    if (method !== 0 && method !== 8) throw new ZipError('compression method');
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError('ZIP64');
    const nameBytes = Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const name = nameBytes.toString('utf8');
    if (names.has(name)) throw new ZipError('a part twice');
    names.add(name);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) throw new ZipError('bad part');
    const start = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (start + compressedSize > bytes.length) throw new ZipError('part out of bounds');
    parts.push({
      name,
      nameBytes,
      method,
      flags,
      crc: bytes.readUInt32LE(offset + 16),
      size,
      time: bytes.readUInt16LE(offset + 12),
      date: bytes.readUInt16LE(offset + 14),
      versionMadeBy: bytes.readUInt16LE(offset + 4),
      versionNeeded: bytes.readUInt16LE(offset + 6),
      internalAttributes: bytes.readUInt16LE(offset + 36),
      externalAttributes: bytes.readUInt32LE(offset + 38),
      compressed: bytes.subarray(start, start + compressedSize),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as zip uses it: zlib's where Node has it (20.15 on; a tenth of the time on a big sheet), else here. */
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(bytes) >>> 0;
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A part's bytes, inflated to at most `limit` bytes and checked against the size and CRC its directory declares
 * (a zip bomb stops at the declared size; a part that lies about it is refused).
 */
export function readPart(part: ZipPart, limit: number): Buffer {
  if (part.size > limit) throw new ZipError('part too large');
  let data: Buffer;
  try {
    data =
      part.method === 0
        ? Buffer.from(part.compressed)
        : inflateRawSync(part.compressed, { maxOutputLength: Math.max(part.size, 1) });
  } catch {
    throw new ZipError('part does not inflate');
  }
  if (data.length !== part.size || crc32(data) !== part.crc) throw new ZipError('part is damaged');
  return data;
}

/** The part with new contents (deflated), everything else about it kept. */
export function replacePart(part: ZipPart, data: Buffer): ZipPart {
  return {
    ...part,
    method: 8,
    flags: part.flags & ~0x0008,
    crc: crc32(data),
    size: data.length,
    compressed: deflateRawSync(data),
  };
}

/** A zip of the parts in their order: each part's compressed bytes as they are, headers written afresh. */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    // Bit 3 (sizes in a data descriptor after the data) is cleared: the local header carries the sizes.
    const flags = part.flags & ~0x0008;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(part.versionNeeded, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt16LE(part.time, 10);
    local.writeUInt16LE(part.date, 12);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.compressed.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(part.nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(part.versionMadeBy, 4);
    central.writeUInt16LE(part.versionNeeded, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt16LE(part.time, 12);
    central.writeUInt16LE(part.date, 14);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.compressed.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(part.nameBytes.length, 28);
    central.writeUInt16LE(part.internalAttributes, 36);
    central.writeUInt32LE(part.externalAttributes, 38);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, part.nameBytes, part.compressed);
    directory.push(central, part.nameBytes);
    offset += 30 + part.nameBytes.length + part.compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directoryBytes, end]);
}
