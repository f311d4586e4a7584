/**
 * An abstract workbook: what a layout puts where, before any library sees it. Rendered two ways that
 * must agree (test/property/layouts.property.test.ts checks it):
 * - `toSnapshot`: the project's `WorkbookSnapshot` directly, as `XlsxHost.read()` would return it, so a
 *   bench can score 100,000 layouts without ExcelJS;
 * - `toExcel` / `toXlsxBytes`: an ExcelJS workbook and its .xlsx bytes, for the real reader.
 */
import ExcelJS from 'exceljs';
import { FormatRunBuilder, type CellRange, type CellScalar, type SheetSnapshot, type WorkbookSnapshot } from '../../../src/core/snapshot';
import { formatMatters as hostKeepsFormat } from '../../../src/hosts/shared/numberFormat';

/** A formula with the result Excel cached for it (the reader never evaluates it). */
export interface FormulaValue {
  formula: string;
  result: number | string;
}

export interface SpecCell {
  value: string | number | FormulaValue;
  numFmt?: string;
}

export interface SpecSheet {
  name: string;
  /** rows[r][c]; `null`/missing is an empty cell. A merged area's value sits in its top-left cell only. */
  rows: (SpecCell | null)[][];
  merges: CellRange[];
  /** 0-based column indexes hidden in Excel (still read). */
  hiddenColumns: number[];
  hiddenRows: number[];
  hidden?: boolean;
}

export interface WorkbookSpec {
  sheets: SpecSheet[];
}

export function emptySheet(name: string): SpecSheet {
  return { name, rows: [], merges: [], hiddenColumns: [], hiddenRows: [] };
}

function isFormula(v: SpecCell['value']): v is FormulaValue {
  return typeof v === 'object';
}

function shownValue(cell: SpecCell): string | number {
  return isFormula(cell.value) ? cell.value.result : cell.value;
}

/** Cells covered by a merge other than its top-left one. */
function followerSet(sheet: SpecSheet): Set<string> {
  const out = new Set<string>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) out.add(`${r},${c}`);
  }
  return out;
}

function checkSheet(sheet: SpecSheet): void {
  const followers = followerSet(sheet);
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && followers.has(`${r},${c}`)) throw new Error(`${sheet.name}: a value inside a merge at row ${r}, column ${c}`);
      if (cell && shownValue(cell) === '') throw new Error(`${sheet.name}: an empty string at row ${r}, column ${c}`);
      // ExcelJS writes no cached value for a formula whose result is 0, so the file would read as empty.
      if (cell && isFormula(cell.value) && cell.value.result === 0) throw new Error(`${sheet.name}: a formula with result 0 at row ${r}, column ${c}`);
    }),
  );
}

// ---------------------------------------------------------------------------------- renderer (b)

function formatMatters(numFmt: string | undefined): numFmt is string {
  return !!numFmt && hostKeepsFormat(numFmt);
}

export function sheetToSnapshot(sheet: SpecSheet, index: number): SheetSnapshot {
  checkSheet(sheet);
  const values: (CellScalar[] | undefined)[] = [];
  const formats = new FormatRunBuilder();
  sheet.rows.forEach((row, r) => {
    let out: CellScalar[] | undefined;
    row.forEach((cell, c) => {
      if (!cell) return;
      const v = shownValue(cell);
      if (typeof v === 'number' && formatMatters(cell.numFmt)) formats.add(r, c, cell.numFmt);
      out ??= [];
      while (out.length < c) out.push(null);
      out[c] = v;
    });
    if (out) {
      while (values.length < r) values.push(undefined);
      values[r] = out;
    }
  });
  const merges = sheet.merges.map((m) => ({ ...m })).sort((a, b) => a.top - b.top || a.left - b.left);
  const snap: SheetSnapshot = { name: sheet.name, index, values, merges };
  if (sheet.hidden) snap.hidden = true;
  const runs = formats.runs();
  if (runs.length > 0) snap.formats = runs;
  return snap;
}

export function toSnapshot(spec: WorkbookSpec): WorkbookSnapshot {
  return { sheets: spec.sheets.map(sheetToSnapshot) };
}

// ---------------------------------------------------------------------------------- renderer (a)

export function toExcel(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of spec.sheets) {
    checkSheet(sheet);
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        const v = cell.value;
        target.value = isFormula(v) ? ({ formula: v.formula, result: v.result } satisfies ExcelJS.CellFormulaValue) : v;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const c of sheet.hiddenColumns) ws.getColumn(c + 1).hidden = true;
    for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
    if (sheet.hidden) ws.state = 'hidden';
  }
  return wb;
}

export async function toXlsxBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  const buf: unknown = await toExcel(spec).xlsx.writeBuffer();
  return buf as Uint8Array;
}
