import zlib from 'node:zlib';

/**
 * The few parts of a zip (an .xlsx is one) that the fast sheet reader needs: the central
 * directory, stored and deflated entries. Anything else (zip64, encryption) says `unsupported`,
 * and the caller falls back to exceljs.
 */
export class UnsupportedZip extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = buf.length - 22;
  while (eocd >= min && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < min) throw new UnsupportedZip('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new UnsupportedZip('zip64');
  const out = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new UnsupportedZip('bad central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen).replace(/\\/g, '/'),
    };
    out.set(e.name.replace(/^\//, ''), e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed bytes of one entry; `maxBytes` guards against zip bombs. */
export function zipRead(buf: Buffer, e: ZipEntry, maxBytes: number): Buffer {
  if (e.flags & 1) throw new UnsupportedZip('encrypted');
  if (e.size > maxBytes) throw new RangeError('entry too large');
  const p = e.localOffset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new UnsupportedZip('bad local header');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new UnsupportedZip(`method ${e.method}`);
  return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
}
