/**
 * Writes the scored workbook so that a failed run leaves no output file (issue 12): the whole package is
 * built in memory first, then written to a temporary file beside the target and renamed over it. A
 * failure at any step removes the temporary file; an earlier file of the same name is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserInputError } from './userInputError';

export async function writeWorkbook(host: { toBuffer(): Promise<Uint8Array> }, out: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await host.toBuffer();
  } catch (err) {
    // The workbook loaded but ExcelJS cannot save some part of it back (what normalise.ts repairs is
    // known; this is whatever is not). Nothing was written, and the officer can get past it by
    // re-saving the file in Excel, which rewrites the package in a form every reader accepts.
    throw new UserInputError(
      `无法写出评分后的工作簿 ${out}：输入文件中有无法重新保存的内容（文件可能由其他软件生成或已损坏）。请在 Excel 中打开原文件并“另存为” .xlsx 后再试。没有写出任何文件，原文件未被修改。`,
      { cause: err },
    );
  }
  await writeFileAtomically(out, bytes);
}

export async function writeFileAtomically(out: string, bytes: Uint8Array | string): Promise<void> {
  const dir = dirname(resolve(out));
  const temp = join(dir, `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, out);
  } catch (err) {
    await rm(temp, { force: true });
    throw writeError(out, err);
  }
}

/** A file-system failure the officer can fix (a folder where the file should go, no permission, a full disk). */
function writeError(out: string, err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const why: Record<string, string> = {
    EISDIR: '同名的文件夹已存在',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限，或文件正被其他程序（如 Excel）打开',
    EBUSY: '文件正被其他程序（如 Excel）打开',
    EROFS: '所在位置只读',
    ENOSPC: '磁盘空间不足',
  };
  if (typeof code !== 'string' || !(code in why)) return err;
  return new UserInputError(`无法写出文件 ${out}：${why[code]}。没有写出任何文件。`, { cause: err });
}
