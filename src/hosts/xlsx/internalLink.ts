/** The HYPERLINK cell value ExcelJS writes for a link (the formula itself is in ../shared/internalLink). */
import type ExcelJS from 'exceljs';
import { hyperlinkFormula } from '../shared/internalLink';

export { internalLinkTarget } from '../shared/internalLink';

/** The cell value for a link showing `text`; plain text when the formula would be too long for Excel. */
export function internalLinkValue(sheet: string, cell: string, text: string): ExcelJS.CellValue {
  const formula = hyperlinkFormula(sheet, cell, text);
  return formula === null ? text : { formula, result: text };
}
