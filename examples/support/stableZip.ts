/**
 * ExcelJS (through JSZip) stamps every zip entry with the current time, so regenerating an unchanged
 * workbook would still change its bytes and churn git. This rewrites the DOS date/time of every local and
 * central-directory header to one fixed value; nothing else in the archive is touched.
 */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

/** 2024-01-01 00:00:00 in MS-DOS format. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

export function withFixedZipTimestamps(zip: Uint8Array): Buffer {
  const buf = Buffer.from(zip);
  let offset = 0;
  while (offset + 4 <= buf.length) {
    const signature = buf.readUInt32LE(offset);
    if (signature === LOCAL_HEADER) {
      buf.writeUInt16LE(DOS_TIME, offset + 10);
      buf.writeUInt16LE(DOS_DATE, offset + 12);
      const flags = buf.readUInt16LE(offset + 6);
      if (flags & 0x08) throw new Error('zip entries with data descriptors are not supported');
      const compressed = buf.readUInt32LE(offset + 18);
      const nameLength = buf.readUInt16LE(offset + 26);
      const extraLength = buf.readUInt16LE(offset + 28);
      offset += 30 + nameLength + extraLength + compressed;
    } else if (signature === CENTRAL_HEADER) {
      buf.writeUInt16LE(DOS_TIME, offset + 12);
      buf.writeUInt16LE(DOS_DATE, offset + 14);
      const nameLength = buf.readUInt16LE(offset + 28);
      const extraLength = buf.readUInt16LE(offset + 30);
      const commentLength = buf.readUInt16LE(offset + 32);
      offset += 46 + nameLength + extraLength + commentLength;
    } else {
      break; // end of central directory record
    }
  }
  return buf;
}
