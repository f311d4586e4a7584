import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { looksLikeOleFile, WorkbookReadError, workbookReadError } from '../hosts/xlsx/errors';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { UserInputError } from './userInputError';

/** Opens the user's workbook for reading; an unreadable file is the user's problem to fix (exit 2). */
export async function openWorkbook(path: string): Promise<XlsxHost> {
  try {
    // An old .xls or a password-protected .xlsx (both OLE files) fails in the zip reader with a message
    // about zips; its first bytes say what it really is, so the officer is told to re-save it.
    if (await startsLikeOleFile(path)) throw workbookReadError(new Error(`OLE compound file: ${path}`), 'ole');
    return await XlsxHost.fromFile(path);
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      const where = e.message.includes(path) ? '' : `（文件：${path}）`;
      throw new UserInputError(`${e.message}${where}`, { cause: e.cause ?? e });
    }
    throw e;
  }
}

/** False when the file cannot be opened at all: loading it then names that problem. */
async function startsLikeOleFile(path: string): Promise<boolean> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return looksLikeOleFile(head.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await file.close();
  }
}

/** The input file is never modified (SPEC §7): writing over it is refused. */
export function refuseOverwrite(input: string, out: string | undefined): void {
  if (out && resolve(out) === resolve(input)) {
    throw new UserInputError(`输出文件不能与输入文件相同（${out}）：绩效评价助手从不修改原工作簿，请用 --out 指定另一个文件名。`);
  }
}
