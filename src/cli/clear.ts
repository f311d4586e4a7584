import { clearPatch } from '../core/output/clearPatch';
import { openWorkbook, refuseOverwrite } from './openWorkbook';
import { writeWorkbook } from './writeOutput';

/** `clear <file> --out <file>`: a copy with every highlighted cell's own formatting restored. */
export async function runClear(workbook: string, out: string): Promise<number> {
  refuseOverwrite(workbook, out);
  const host = await openWorkbook(workbook);
  const snapshot = await host.read();
  const count = snapshot.state?.highlights?.length ?? 0;
  await host.apply(clearPatch(snapshot));
  await writeWorkbook(host, out);
  for (const notice of host.notices) process.stderr.write(`提示：${notice}\n`);
  process.stdout.write(count > 0 ? `已清除 ${count} 个单元格的标记，恢复原有格式：${out}\n` : `工作簿中没有绩效评价助手的标记，已原样写出：${out}\n`);
  return 0;
}
