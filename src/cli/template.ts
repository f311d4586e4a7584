import ExcelJS from 'exceljs';
import { TEMPLATE_SHEET, templateRows } from '../core/output/template';
import { writeSheetContent } from '../hosts/xlsx/writeSheet';
import { writeFileAtomically } from './writeOutput';

/** `template <out.xlsx>`: a blank 自评表 the add-in reads without any mapping. */
export async function runTemplate(out: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TEMPLATE_SHEET);
  const { rows, merges, columnWidths } = templateRows();
  // Written as the user's own sheet: no add-in state, so scoring it later maps it like any workbook.
  writeSheetContent(ws, { name: TEMPLATE_SHEET, role: 'scored', rows, merges, columnWidths });
  await writeFileAtomically(out, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  process.stdout.write(`已写出空白模板：${out}（工作表“${TEMPLATE_SHEET}”）\n`);
  return 0;
}
