import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WorkbookReadError, workbookReadError } from '../hosts/xlsx/errors';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { installCompactValidations } from './compactValidations';
import { UserInputError } from './userInputError';

/**
 * Opens the user's workbook for reading; an unreadable file is the user's problem to fix (exit 2).
 * The bytes are read here and handed to `XlsxHost.fromBuffer`, which checks the package before ExcelJS
 * loads it (a merge over the whole grid, a row beyond 1,048,576 …) and recognises an old .xls or a
 * password-protected file (both OLE files) by its first bytes.
 */
export async function openWorkbook(path: string): Promise<XlsxHost> {
  installCompactValidations();
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      throw workbookReadError(err, code === 'ENOENT' ? { missing: path } : undefined);
    }
    try {
      return await XlsxHost.fromBuffer(bytes, path);
    } catch (err) {
      // A file named .xls/.et that is not even a zip is an old binary workbook by another route.
      if (err instanceof WorkbookReadError && /\.(xls|et)$/i.test(path) && err.message.includes('文件不是有效的 .xlsx 文件')) {
        throw workbookReadError(err.cause ?? err, 'ole');
      }
      throw err;
    }
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
