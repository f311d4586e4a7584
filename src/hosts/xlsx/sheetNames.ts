/**
 * ExcelJS's `getWorksheet(name)` compares names exactly while Excel ignores case, so every lookup the
 * xlsx host makes goes through here (the rules themselves are in ../shared/sheetNames).
 */
import type ExcelJS from 'exceljs';
import { sameSheetName } from '../shared/sheetNames';

export { quoteSheetName, sameSheetName, sheetNameProblem } from '../shared/sheetNames';

export function findWorksheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => sameSheetName(ws.name, name));
}
