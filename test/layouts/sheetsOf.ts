/**
 * Test helper: a workbook typed row by row, the way a finance officer lays one out by hand, written to
 * .xlsx bytes with ExcelJS so the cells go through the same reader the CLI uses.
 */
import ExcelJS from 'exceljs';
import { scoreBytes, toBytes, type Scored } from '../e2e/scoreWorkbook';
import type { PipelineOptions } from '../../src/core/pipeline';

/** A cell: a value, or a formula with its cached result, or a number with its number format. */
export type Cell =
  | string
  | number
  | null
  | { formula: string; result: number | string }
  | { value: number; numFmt: string };

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** A1 ranges such as `A5:A9`. */
  merges?: string[];
  /** Hidden column letters. */
  hiddenColumns?: string[];
}

export function workbookOf(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object' && 'numFmt' in v) {
          cell.value = v.value;
          cell.numFmt = v.numFmt;
        } else if (typeof v === 'object') {
          cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
        } else cell.value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const col of s.hiddenColumns ?? []) ws.getColumn(col).hidden = true;
  }
  return wb;
}

export async function scoreSheets(sheets: SheetSpec[], options: PipelineOptions = {}): Promise<Scored> {
  return scoreBytes(await toBytes(workbookOf(sheets)), options);
}
