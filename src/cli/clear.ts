import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { clearPatch } from '../core/output/clearPatch';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { UserInputError } from './userInputError';

/** `clear <file> --out <file>`: a copy with every highlighted cell's own formatting restored. */
export async function runClear(workbook: string, out: string): Promise<number> {
  if (resolve(out) === resolve(workbook)) {
    throw new UserInputError(`输出文件不能与输入文件相同（${out}）：绩效评价助手从不修改原工作簿，请用 --out 指定另一个文件名。`);
  }
  let host: XlsxHost;
  try {
    host = await XlsxHost.fromFile(workbook);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UserInputError(`${e.message}（文件：${workbook}）`);
    throw e;
  }
  const snapshot = await host.read();
  const count = snapshot.state?.highlights?.length ?? 0;
  await host.apply(clearPatch(snapshot));
  await mkdir(dirname(resolve(out)), { recursive: true });
  await host.writeFile(out);
  process.stdout.write(count > 0 ? `已清除 ${count} 个单元格的标记，恢复原有格式：${out}\n` : `工作簿中没有绩效评价助手的标记，已原样写出：${out}\n`);
  return 0;
}
