/**
 * The add-in's ownership mark as the xlsx host reads it from a worksheet itself (core/output/ownSheets.ts
 * says where it is written), so a patch can be checked against the sheet rather than against a name.
 */
import type ExcelJS from 'exceljs';
import { MARK_ROWS, parseMark } from '../../core/output/ownSheets';
import { cachedValue } from './cellValue';

export function markOfWorksheet(ws: ExcelJS.Worksheet): string | null {
  for (let r = 1; r <= Math.min(MARK_ROWS, ws.rowCount); r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    let found: string | null = null;
    row.eachCell((cell) => {
      const v = cachedValue(cell.value);
      if (found === null && typeof v === 'string' && parseMark(v)) found = v;
    });
    if (found !== null) return found;
  }
  return null;
}
