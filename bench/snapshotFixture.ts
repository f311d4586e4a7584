/**
 * Builds the benchmark workbook (bench/workload.ts) directly as a `WorkbookSnapshot`, with no file and
 * no ExcelJS: exactly what `XlsxHost.read()` returns for the file bench/xlsxFixture.ts writes (dates as
 * 1900-system serials with their format recorded, percentages with theirs, merge followers absent,
 * rows padded with null up to their last value). bench/run.ts checks that equivalence on a small ledger.
 */
import { FormatRunBuilder, type CellRange, type CellScalar, type SheetSnapshot, type WorkbookSnapshot } from '../src/core/snapshot';
import { dateToSerial } from '../src/hosts/xlsx/excelDate';
import { MeaningfulFormats } from '../src/hosts/shared/numberFormat';
import { evaluationSheet, LEDGER_SHEET, ledgerHeaderRow, ledgerRows, ledgerSpecRow, type SpecMerge, type SpecRow } from './workload';

const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

class SheetBuilder {
  readonly values: (CellScalar[] | undefined)[] = [];
  private readonly formats = new FormatRunBuilder();

  constructor(private readonly meaningful: MeaningfulFormats) {}

  /** Appends row `r` (0-based); `skip` tells which cells are merge followers. */
  addRow(r: number, cells: SpecRow, skip?: (r: number, c: number) => boolean): void {
    let row: CellScalar[] | undefined;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell || skip?.(r, c)) continue;
      let out: CellScalar;
      if (cell.v instanceof Date) {
        out = dateToSerial(cell.v);
        if (out !== null) this.formats.add(r, c, cell.numFmt || DEFAULT_DATE_FORMAT);
      } else {
        out = cell.v;
        if (typeof out === 'number' && this.meaningful.matters(cell.numFmt)) this.formats.add(r, c, cell.numFmt);
      }
      if (out === null) continue;
      row ??= [];
      while (row.length < c) row.push(null);
      row[c] = out;
    }
    if (!row) return;
    while (this.values.length < r) this.values.push(undefined);
    this.values[r] = row;
  }

  sheet(name: string, index: number, merges: CellRange[]): SheetSnapshot {
    const sheet: SheetSnapshot = { name, index, values: this.values, merges };
    const formats = this.formats.runs();
    if (formats.length > 0) sheet.formats = formats;
    return sheet;
  }
}

function isFollower(merges: readonly SpecMerge[], r: number, c: number): boolean {
  return merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
}

/** The snapshot of the benchmark workbook with `ledgerCount` ledger rows. */
export function benchSnapshot(ledgerCount: number): WorkbookSnapshot {
  const meaningful = new MeaningfulFormats();
  const evaluation = evaluationSheet();
  const first = new SheetBuilder(meaningful);
  evaluation.rows.forEach((cells, r) => first.addRow(r, cells, (rr, cc) => isFollower(evaluation.merges, rr, cc)));
  const merges = evaluation.merges.map((m) => ({ ...m })).sort((a, b) => a.top - b.top || a.left - b.left);

  const ledger = new SheetBuilder(meaningful);
  ledger.addRow(0, ledgerHeaderRow());
  let r = 1;
  for (const row of ledgerRows(ledgerCount)) ledger.addRow(r++, ledgerSpecRow(row));

  return {
    sheets: [first.sheet(evaluation.name, 0, merges), ledger.sheet(LEDGER_SHEET, 1, [])],
  };
}

/** Cells holding a value, the unit of the throughput figure. */
export function countCells(snapshot: WorkbookSnapshot): number {
  let cells = 0;
  for (const sheet of snapshot.sheets) {
    for (const row of sheet.values) {
      if (!row) continue;
      for (const v of row) if (v !== null && v !== undefined) cells++;
    }
  }
  return cells;
}
