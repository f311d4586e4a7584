/**
 * The zip container itself, read and written without re-compressing what does not change: entries are
 * found through the central directory and inflated only when a part is read, and an unchanged entry is
 * written out as its original compressed bytes. Scoring a 40 MB ledger then deflates only the parts it
 * changed. Browser-safe: inflating, deflating and CRC-32 go through a `ZipCodec`, fflate's by default;
 * the command line passes Node's native zlib (src/hosts/package/nodeZipCodec.ts), several times faster
 * on a 100,000-row ledger.
 */
import { deflateSync, Inflate, inflateSync } from 'fflate';

/** Raw DEFLATE and CRC-32, as the zip container needs them. */
export interface ZipCodec {
  /** Inflates raw DEFLATE data that the directory says is `size` bytes. */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  deflateRaw(data: Uint8Array, level: 1 | 6): Uint8Array;
  crc32(data: Uint8Array): number;
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed data starts in the archive. */
  dataStart: number;
  time: number;
  date: number;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** fflate and our CRC-32: pure JavaScript, in any browser. */
export const PORTABLE_CODEC: ZipCodec = {
  inflateRaw: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflateRaw: (data, level) => deflateSync(data, { level }),
  crc32,
};

export class ZipFormatError extends Error {}

/** The entries of a zip, from its central directory; throws ZipFormatError when there is none. */
export function readEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    // Zip64: the real figures are in the zip64 end record the locator points to.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw new ZipFormatError('bad zip64 locator');
    const end64 = Number(view.getBigUint64(locator + 8, true));
    count = Number(view.getBigUint64(end64 + 32, true));
    offset = Number(view.getBigUint64(end64 + 48, true));
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || view.getUint32(offset, true) !== 0x02014b50) throw new ZipFormatError('bad central directory');
    const method = view.getUint16(offset + 10, true);
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const crc = view.getUint32(offset + 16, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let local = view.getUint32(offset + 42, true);
    const name = decoder.decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    // Zip64 extra field: the 0xffffffff fields in order (size, compressed size, local offset).
    let e = offset + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(p, true));
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(view.getBigUint64(p, true));
          p += 8;
        }
        if (local === 0xffffffff) local = Number(view.getBigUint64(p, true));
      }
      e += 4 + length;
    }
    if (local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) throw new ZipFormatError(`bad local header for ${name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > zip.length) throw new ZipFormatError(`${name} is cut short`);
    entries.push({ name, method, crc, compressedSize, size, dataStart, time, date });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function inflateEntry(zip: Uint8Array, entry: ZipEntry, codec: ZipCodec = PORTABLE_CODEC): Uint8Array {
  const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  return codec.inflateRaw(data, entry.size);
}

/** About the first `limit` bytes of an entry, inflating no more of it than that takes. */
export function inflateHead(zip: Uint8Array, entry: ZipEntry, limit: number): Uint8Array {
  const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data.subarray(0, limit);
  const chunks: Uint8Array[] = [];
  let got = 0;
  const inflater = new Inflate((chunk) => {
    chunks.push(chunk);
    got += chunk.length;
  });
  for (let at = 0; at < data.length && got < limit; at += 16_384) {
    const end = Math.min(at + 16_384, data.length);
    inflater.push(data.subarray(at, end), end === data.length);
  }
  const out = new Uint8Array(got);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out.subarray(0, Math.min(limit, got));
}

/** One entry to write: the original compressed bytes, or new contents to deflate. */
export type OutputEntry = { name: string; raw: ZipEntry; source: Uint8Array } | { name: string; data: Uint8Array };

/** The DOS time and date of now, for new entries. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export function writeZip(entries: readonly OutputEntry[], level: 0 | 1 | 6, codec: ZipCodec = PORTABLE_CODEC): Uint8Array {
  const encoder = new TextEncoder();
  const now = dosNow();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    let method: number;
    let crc: number;
    let size: number;
    let body: Uint8Array;
    let time = now.time;
    let date = now.date;
    if ('raw' in entry) {
      ({ method, crc, size, time, date } = entry.raw);
      body = entry.source.subarray(entry.raw.dataStart, entry.raw.dataStart + entry.raw.compressedSize);
    } else {
      crc = codec.crc32(entry.data);
      size = entry.data.length;
      if (level === 0 || size < 64) {
        method = 0;
        body = entry.data;
      } else {
        method = 8;
        body = codec.deflateRaw(entry.data, level);
      }
    }
    if (size > 0xfffffffe || body.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('zip64 output is not supported');
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, 0x0800, true);
    dv.setUint16(10, method, true);
    dv.setUint16(12, time, true);
    dv.setUint16(14, date, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, body.length, true);
    dv.setUint32(24, size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, body);
    central.push(dir);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
