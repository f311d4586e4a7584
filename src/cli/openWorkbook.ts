import { resolve } from 'node:path';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { UserInputError } from './userInputError';

/** Opens the user's workbook for reading; an unreadable file is the user's problem to fix (exit 2). */
export async function openWorkbook(path: string): Promise<XlsxHost> {
  try {
    return await XlsxHost.fromFile(path);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UserInputError(`${e.message}（文件：${path}）`);
    throw e;
  }
}

/** The input file is never modified (SPEC §7): writing over it is refused. */
export function refuseOverwrite(input: string, out: string | undefined): void {
  if (out && resolve(out) === resolve(input)) {
    throw new UserInputError(`输出文件不能与输入文件相同（${out}）：绩效评价助手从不修改原工作簿，请用 --out 指定另一个文件名。`);
  }
}
