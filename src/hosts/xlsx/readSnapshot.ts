/**
 * Reads an ExcelJS workbook into the plain snapshot the core works on (SPEC §2, §3): cached values
 * only, 0-based coordinates, the formats that change a number's meaning, and merged areas.
 *
 * Speed matters because ledgers run to 100,000 rows: the cell visitor below is one function reused for
 * every cell of a sheet (no closure per row or cell), format checks are cached per format string, and
 * merged areas are collected from the merge cells met on the way instead of through `worksheet.model`,
 * which builds a model of every row (about 160 ms for 100,000 × 10 cells) just to list the merges.
 */
import ExcelJS from 'exceljs';
import type { ReadOptions } from '../../core/host';
import { FormatRunBuilder, type CellRange, type CellScalar, type SheetSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { cachedValue } from './cellValue';
import { dateToSerial } from './excelDate';
import { MeaningfulFormats } from '../shared/numberFormat';
import { isStateSheet, readStoredState } from './stateSheet';

/** The format recorded for a date cell that has none of its own (a `Date` put in by code). */
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

class SheetReader {
  readonly values: (CellScalar[] | undefined)[] = [];
  private readonly formats = new FormatRunBuilder();
  /** Bounding box of each merged area, keyed by its top-left ("master") cell address. */
  private readonly mergeBoxes = new Map<string, CellRange>();
  private r = 0;
  private row: CellScalar[] | undefined;

  constructor(private readonly meaningful: MeaningfulFormats) {}

  readonly visitRow = (row: ExcelJS.Row, rowNumber: number): void => {
    this.r = rowNumber - 1;
    this.row = undefined;
    row.eachCell(this.visitCell);
    if (this.row) {
      // Explicit `undefined` rather than holes, so `forEach`/`map` over rows see every index.
      while (this.values.length < this.r) this.values.push(undefined);
      this.values[this.r] = this.row;
    }
  };

  readonly visitCell = (cell: ExcelJS.Cell, colNumber: number): void => {
    const c = colNumber - 1;
    if (cell.type === ExcelJS.ValueType.Merge) {
      // A merged area's value sits in its top-left cell only; the other cells just widen the area.
      this.extendMerge(cell.master, this.r, c);
      return;
    }
    const v = cachedValue(cell.value);
    if (v === null) return;
    let out: CellScalar;
    if (v instanceof Date) {
      out = dateToSerial(v);
      if (out !== null) this.formats.add(this.r, c, cell.numFmt || DEFAULT_DATE_FORMAT);
    } else {
      out = v;
      if (typeof v === 'number') {
        const numFmt = cell.numFmt;
        if (this.meaningful.matters(numFmt)) this.formats.add(this.r, c, numFmt);
      }
    }
    if (out === null) return;
    const row = (this.row ??= []);
    while (row.length < c) row.push(null);
    row[c] = out;
  };

  private extendMerge(master: ExcelJS.Cell, r: number, c: number): void {
    const key = master.address;
    const box = this.mergeBoxes.get(key);
    if (box) {
      if (r > box.bottom) box.bottom = r;
      if (c > box.right) box.right = c;
    } else {
      // ExcelJS types `row`/`col` as strings; they are numbers at run time. Number() is right for both.
      const top = Number(master.row) - 1;
      const left = Number(master.col) - 1;
      this.mergeBoxes.set(key, { top, left, bottom: Math.max(top, r), right: Math.max(left, c) });
    }
  }

  merges(): CellRange[] {
    return [...this.mergeBoxes.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  }

  snapshot(ws: ExcelJS.Worksheet, index: number): SheetSnapshot {
    ws.eachRow(this.visitRow);
    const sheet: SheetSnapshot = { name: ws.name, index, values: this.values, merges: this.merges() };
    if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = true;
    const formats = this.formats.runs();
    if (formats.length > 0) sheet.formats = formats;
    return sheet;
  }
}

export function snapshotFromSheet(ws: ExcelJS.Worksheet, index: number, meaningful = new MeaningfulFormats()): SheetSnapshot {
  return new SheetReader(meaningful).snapshot(ws, index);
}

export function snapshotFromWorkbook(wb: ExcelJS.Workbook, options?: ReadOptions): WorkbookSnapshot {
  const meaningful = new MeaningfulFormats();
  const worksheets = wb.worksheets;
  const sheets: SheetSnapshot[] = [];
  worksheets.forEach((ws, index) => {
    if (options?.signal?.aborted) throw Object.assign(new Error('已取消读取'), { name: 'AbortError' });
    // `index` stays the true tab position; the state sheet is simply left out of the list.
    if (!isStateSheet(ws)) sheets.push(snapshotFromSheet(ws, index, meaningful));
    options?.onProgress?.(index + 1, worksheets.length);
  });
  const snapshot: WorkbookSnapshot = { sheets };
  const stored = readStoredState(wb);
  if (stored?.state) snapshot.state = stored.state;
  else if (stored) snapshot.stateProblem = stored.problem;
  return snapshot;
}
