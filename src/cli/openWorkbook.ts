import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WorkbookReadError, workbookReadError } from '../hosts/xlsx/errors';
import { NODE_ZIP_CODEC } from '../hosts/package/nodeZipCodec';
import { PackageHost } from '../hosts/package/packageHost';
import { UserInputError } from './userInputError';

/**
 * Opens the user's workbook for reading; an unreadable file is the user's problem to fix (exit 2).
 * The bytes are read here and handed to the package host (issue 13), which checks the package's claims
 * before SheetJS reads it (a merge over the whole grid, a row beyond 1,048,576 …), reads an old .xls/.et
 * as well as any .xlsx, and tells a password-protected file (an OLE file too) by what SheetJS finds.
 */
export async function openWorkbook(path: string): Promise<PackageHost> {
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      throw workbookReadError(err, code === 'ENOENT' ? { missing: path } : undefined);
    }
    return PackageHost.fromBuffer(bytes, { codec: NODE_ZIP_CODEC });
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      const where = e.message.includes(path) ? '' : `（文件：${path}）`;
      throw new UserInputError(`${e.message}${where}`, { cause: e.cause ?? e });
    }
    throw e;
  }
}

/** The input file is never modified (SPEC §7): writing over it is refused. */
export function refuseOverwrite(input: string, out: string | undefined): void {
  if (out && resolve(out) === resolve(input)) {
    throw new UserInputError(`输出文件不能与输入文件相同（${out}）：绩效评价助手从不修改原工作簿，请用 --out 指定另一个文件名。`);
  }
}
