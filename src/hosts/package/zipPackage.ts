/**
 * An OOXML package as a list of parts (issue 13): a part is inflated only when the host reads it, and
 * written back as its original compressed bytes unless the host changed it. Browser-safe.
 *
 * Sizes are checked against the zip's central directory before anything is inflated, so a file that
 * would not fit in memory is refused with its size named rather than crashing Node.
 */
import { strFromU8, strToU8 } from 'fflate';
import { WorkbookReadError } from '../xlsx/errors';
import { inflateEntry, inflateHead, PORTABLE_CODEC, readEntries, writeZip, ZipFormatError, type OutputEntry, type ZipCodec, type ZipEntry } from './zipArchive';

/** Past this many bytes of one XML part, its text no longer fits in one V8 string (≈ 512 MiB). */
export const MAX_PART_BYTES = 480 * 1024 * 1024;
/** All parts together, inflated. */
export const MAX_PACKAGE_BYTES = 1536 * 1024 * 1024;

/** A part as a message names it: its path in the package, quoted (the officer's IT staff can find it). */
export function partLabel(name: string): string {
  return `部件“${name}”`;
}

function damagedPart(name: string, cause?: unknown): WorkbookReadError {
  return new WorkbookReadError(
    `无法读取工作簿：文件已损坏（${partLabel(name)}的压缩数据有误），文件可能不完整或传输中出错。请在 Excel 中打开原文件并“另存为” .xlsx 后再试。`,
    { cause },
  );
}

const LATIN1 = new TextDecoder('latin1');

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export class ZipPackage {
  /** Part names in their original order, so the output lists them as the input did. */
  private readonly order: string[];
  private readonly entries = new Map<string, ZipEntry>();
  /** Parts changed or added, as bytes or as text to encode on writing. */
  private readonly changed = new Map<string, Uint8Array | string>();
  private readonly removed = new Set<string>();

  private constructor(
    private readonly source: Uint8Array,
    entries: ZipEntry[],
    private readonly codec: ZipCodec,
  ) {
    this.order = entries.map((e) => e.name);
    for (const e of entries) this.entries.set(e.name, e);
  }

  /** Reads the zip's directory; refuses a package whose inflated size would not fit (WorkbookReadError). */
  static open(bytes: Uint8Array, codec: ZipCodec = PORTABLE_CODEC): ZipPackage {
    let entries: ZipEntry[];
    try {
      entries = readEntries(bytes);
    } catch (err) {
      if (!(err instanceof ZipFormatError)) throw err;
      throw new WorkbookReadError('无法读取工作簿：文件不是有效的 .xlsx 文件（不是 zip 格式，或文件已损坏）。', { cause: err });
    }
    let total = 0;
    for (const file of entries) {
      // DEFLATE cannot expand data more than about 1,032 times: a larger claim is a damaged directory
      // (a flipped bit in a size field), not a big file.
      if (file.method === 8 && file.size > file.compressedSize * 1032 + 1024) throw damagedPart(file.name);
      if (file.method === 0 && file.size !== file.compressedSize) throw damagedPart(file.name);
      total += file.size;
      if (file.size > MAX_PART_BYTES || total > MAX_PACKAGE_BYTES) {
        throw new WorkbookReadError(
          `无法读取工作簿：文件太大。其中${partLabel(file.name)}解压后有 ${mib(file.size)}，整个文件解压后至少 ${mib(total)}，` +
            `超过本工具能处理的上限（单个部件 ${mib(MAX_PART_BYTES)}，合计 ${mib(MAX_PACKAGE_BYTES)}）。请把工作簿拆成几个较小的文件后再试。`,
        );
      }
    }
    return new ZipPackage(bytes, entries, codec);
  }

  /** Parts whose inflated bytes have been checked against the directory's size and CRC-32. */
  private readonly verified = new Set<string>();

  /**
   * Checks every part not yet read against the directory's size and CRC-32: a part damaged inside an
   * intact zip is refused, naming it, rather than failing half-way or being copied into the scored file
   * unread (every part we do not edit is copied by its compressed bytes). A part is checked the first time
   * it is inflated, so a part the host has read already is not inflated again for this.
   */
  verifyRest(): void {
    for (const entry of this.entries.values()) if (!this.verified.has(entry.name)) this.inflate(entry);
  }

  private inflate(entry: ZipEntry): Uint8Array {
    let data: Uint8Array;
    try {
      data = inflateEntry(this.source, entry, this.codec);
    } catch (err) {
      throw damagedPart(entry.name, err);
    }
    if (!this.verified.has(entry.name)) {
      if (data.length !== entry.size || this.codec.crc32(data) !== entry.crc) throw damagedPart(entry.name);
      this.verified.add(entry.name);
    }
    return data;
  }

  has(name: string): boolean {
    return !this.removed.has(name) && (this.changed.has(name) || this.entries.has(name));
  }

  names(): string[] {
    return this.order.filter((n) => this.has(n));
  }

  bytes(name: string): Uint8Array | undefined {
    if (this.removed.has(name)) return undefined;
    const changed = this.changed.get(name);
    if (changed !== undefined) return typeof changed === 'string' ? strToU8(changed) : changed;
    const entry = this.entries.get(name);
    return entry ? this.inflate(entry) : undefined;
  }

  /**
   * A part's text with each byte as one character (Latin-1): about five times faster than UTF-8 decoding,
   * and enough for looking at markup, which is ASCII (element names, attributes, numbers); text content
   * outside ASCII comes out garbled, so this is never for reading values.
   */
  markup(name: string): string | undefined {
    const changed = this.changed.get(name);
    if (typeof changed === 'string') return changed;
    const raw = this.bytes(name);
    return raw === undefined ? undefined : LATIN1.decode(raw);
  }

  text(name: string): string | undefined {
    if (this.removed.has(name)) return undefined;
    const changed = this.changed.get(name);
    if (typeof changed === 'string') return changed;
    const raw = this.bytes(name);
    return raw === undefined ? undefined : strFromU8(raw);
  }

  /**
   * The start of a part's text (at least `chars` characters when the part is that long), without
   * inflating a 400 MB sheet to look at its views. The last character may be cut in half; callers
   * look for tags well before the end.
   */
  head(name: string, chars: number): string | undefined {
    if (this.removed.has(name)) return undefined;
    const changed = this.changed.get(name);
    if (typeof changed === 'string') return changed.slice(0, chars);
    const entry = this.entries.get(name);
    if (changed !== undefined || !entry) return this.text(name)?.slice(0, chars);
    return strFromU8(inflateHead(this.source, entry, chars * 4));
  }

  /** Replaces (or adds) a part's text; it is encoded as UTF-8 when the package is written. */
  setText(name: string, text: string): void {
    if (!this.order.includes(name)) this.order.push(name);
    this.removed.delete(name);
    this.changed.set(name, text);
  }

  remove(name: string): void {
    this.changed.delete(name);
    this.removed.add(name);
  }

  /** True when the part is written with its original bytes. */
  unchanged(name: string): boolean {
    return this.entries.has(name) && !this.changed.has(name) && !this.removed.has(name);
  }

  /** The package as a zip; unchanged parts keep their compressed bytes, changed ones are deflated at `level`. */
  toBytes(level: 0 | 1 | 6 = 6): Uint8Array {
    const out: OutputEntry[] = [];
    for (const name of this.names()) {
      const entry = this.entries.get(name);
      if (entry && this.unchanged(name)) out.push({ name, raw: entry, source: this.source });
      else {
        const data = this.bytes(name);
        if (data) out.push({ name, data });
      }
    }
    return writeZip(out, level, this.codec);
  }
}
