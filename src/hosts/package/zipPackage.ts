/**
 * An OOXML package as a list of parts (issue 13): unzipped once, edited part by part, zipped again. A
 * part the add-in does not change keeps its bytes; only changed parts are re-encoded. Browser-safe
 * (fflate, no Node APIs).
 *
 * Sizes are checked against the zip's central directory before anything is inflated, so a file that
 * would not fit in memory is refused with its size named rather than crashing Node.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { WorkbookReadError } from '../xlsx/errors';

/** Past this many bytes of one XML part, its text no longer fits in one V8 string (≈ 512 MiB). */
export const MAX_PART_BYTES = 480 * 1024 * 1024;
/** All parts together, inflated: the package is held in memory twice at most while writing. */
export const MAX_PACKAGE_BYTES = 1536 * 1024 * 1024;

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export class ZipPackage {
  /** Part names in their original order, so the output lists them as the input did. */
  private readonly order: string[];
  private readonly parts = new Map<string, Uint8Array>();
  /** Text of parts decoded for editing; written back on `toBytes`. */
  private readonly texts = new Map<string, string>();

  private constructor(entries: Record<string, Uint8Array>) {
    this.order = Object.keys(entries);
    for (const name of this.order) this.parts.set(name, entries[name]);
  }

  /** Unzips `bytes`; refuses a package whose inflated size would not fit (WorkbookReadError). */
  static open(bytes: Uint8Array): ZipPackage {
    let total = 0;
    let biggest: { name: string; size: number } | undefined;
    const entries = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (!biggest || file.originalSize > biggest.size) biggest = { name: file.name, size: file.originalSize };
        if (file.originalSize > MAX_PART_BYTES || total > MAX_PACKAGE_BYTES) {
          throw new WorkbookReadError(
            `无法读取工作簿：文件太大。其中 ${file.name} 解压后有 ${mib(file.originalSize)}，整个文件解压后至少 ${mib(total)}，` +
              `超过本工具能处理的上限（单个部件 ${mib(MAX_PART_BYTES)}，合计 ${mib(MAX_PACKAGE_BYTES)}）。请把工作簿拆成几个较小的文件后再试。`,
          );
        }
        return true;
      },
    });
    return new ZipPackage(entries);
  }

  has(name: string): boolean {
    return this.parts.has(name) || this.texts.has(name);
  }

  names(): string[] {
    return this.order.filter((n) => this.has(n));
  }

  bytes(name: string): Uint8Array | undefined {
    const text = this.texts.get(name);
    if (text !== undefined) return strToU8(text);
    return this.parts.get(name);
  }

  text(name: string): string | undefined {
    const known = this.texts.get(name);
    if (known !== undefined) return known;
    const raw = this.parts.get(name);
    return raw === undefined ? undefined : strFromU8(raw);
  }

  /** Replaces (or adds) a part's text; it is encoded as UTF-8 when the package is written. */
  setText(name: string, text: string): void {
    if (!this.has(name)) this.order.push(name);
    this.parts.delete(name);
    this.texts.set(name, text);
  }

  remove(name: string): void {
    this.parts.delete(name);
    this.texts.delete(name);
  }

  /** The package as a zip; `level` 0 stores (for re-reading in memory), 6 is what Excel uses. */
  toBytes(level: 0 | 1 | 6 = 6): Uint8Array {
    const files: Zippable = {};
    for (const name of this.names()) {
      const data = this.bytes(name);
      if (data) files[name] = [data, { level }];
    }
    return zipSync(files);
  }
}
