/**
 * Every cell of a workbook as comparable text, read with ExcelJS (after dropping merge lists, which
 * ExcelJS cannot load at 25,000 or over the whole grid; values are unaffected).
 */
import ExcelJS from 'exceljs';
import { withoutMerges } from './zip';

export interface SheetCells {
  name: string;
  state: string;
  /** address → kind-tagged value (`n:12`, `s:text`, `f:SUM(A1:A3)=6`, `e:#REF!`). */
  cells: Map<string, string>;
}

export function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'number') return `n:${Object.is(v, -0) ? 0 : v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  if (v instanceof Date) return `d:${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}`;
  if ('richText' in v) return `s:${v.richText.map((r) => r.text ?? '').join('')}`;
  if ('error' in v) return `e:${v.error}`;
  const formula = v as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
  if (formula.formula || formula.sharedFormula) return `f:${cellText(formula.result as ExcelJS.CellValue) ?? ''}`;
  // A shared formula whose master is missing (a broken file): all there is of it is the value shown.
  if ('result' in v) return cellText(formula.result as ExcelJS.CellValue);
  if ('hyperlink' in v) return `s:${typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue)}`;
  return `?:${JSON.stringify(v)}`;
}

/** The workbook's sheets and cells, or null when ExcelJS cannot read the bytes at all. */
export async function readCells(bytes: Uint8Array): Promise<SheetCells[] | null> {
  const clean = await withoutMerges(bytes);
  if (!clean) return null;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(clean as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  return wb.worksheets.map((ws) => {
    const cells = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const t = cellText(cell.value);
        if (t !== null) cells.set(cell.address, t);
      }),
    );
    return { name: ws.name, state: ws.state, cells };
  });
}
