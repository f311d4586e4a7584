/**
 * The package host on files (Node only: the CLI and tests), kept apart so the browser bundle of the
 * preview never meets a Node API. The input file is only read; writing over it is refused (SPEC §7).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { workbookReadError } from '../xlsx/errors';
import { NODE_ZIP_CODEC } from './nodeZipCodec';
import { PackageHost, type OpenedPackage } from './packageHost';

export class PackageFileHost extends PackageHost {
  private constructor(
    parts: OpenedPackage,
    /** The file it was read from, which `writeFile` refuses to overwrite. */
    private readonly sourcePath: string,
  ) {
    super(...parts);
  }

  /** Opens the file for reading; it is never written to. */
  static async fromFile(path: string): Promise<PackageFileHost> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      throw workbookReadError(err, code === 'ENOENT' ? { missing: path } : undefined);
    }
    return new PackageFileHost(PackageHost.open(bytes, NODE_ZIP_CODEC), path);
  }

  /** Writes the scored copy; refuses the path the workbook was read from. */
  async writeFile(path: string): Promise<void> {
    if (path === this.sourcePath) {
      throw new Error(`refusing to overwrite the input workbook ${path}; write to a different path`);
    }
    await writeFile(path, await this.toBuffer());
  }
}
