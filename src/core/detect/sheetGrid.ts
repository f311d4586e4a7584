import { columnFormatRuns, formatAt, type CellRange, type ColumnRuns, type CellScalar, type SheetSnapshot } from '../snapshot';

/**
 * A sheet's cells with merged areas resolved: `filled(r, c)` gives a merged area's value in every cell
 * it covers (a merged 一级指标 label applies to each row it spans), `value(r, c)` only the cell's own.
 */
export class SheetGrid {
  readonly name: string;
  readonly index: number;
  readonly rowCount: number;
  private readonly sheet: SheetSnapshot;
  /** Merged-area value for every covered cell except the top-left, keyed r * COLS + c. */
  private readonly mergedValues = new Map<number, CellScalar>();
  private readonly mergeOf = new Map<number, CellRange>();

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    this.name = sheet.name;
    this.index = sheet.index;
    this.rowCount = sheet.values.length;
    for (const m of sheet.merges) {
      // Very large merges (a whole column merged by accident) would cost memory for nothing useful.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 200_000) continue;
      const v = this.value(m.top, m.left);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const key = r * COLS + c;
          this.mergeOf.set(key, m);
          if (r !== m.top || c !== m.left) this.mergedValues.set(key, v);
        }
      }
    }
  }

  value(r: number, c: number): CellScalar {
    const row = this.sheet.values[r];
    if (!row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  filled(r: number, c: number): CellScalar {
    const own = this.value(r, c);
    if (own !== null && own !== '') return own;
    const merged = this.mergedValues.get(r * COLS + c);
    return merged === undefined ? own : merged;
  }

  /** The merged area covering a cell, if any. */
  mergeAt(r: number, c: number): CellRange | undefined {
    return this.mergeOf.get(r * COLS + c);
  }

  /** True when the cell is covered by a merge but is not its top-left cell. */
  isMergeFollower(r: number, c: number): boolean {
    return this.mergedValues.has(r * COLS + c);
  }

  rowLength(r: number): number {
    return this.sheet.values[r]?.length ?? 0;
  }

  format(r: number, c: number): string | undefined {
    return formatAt(this.sheet, r, c);
  }

  /** Column c's number formats as runs down the column (for reading a long column in one pass). */
  formatRuns(c: number): ColumnRuns | undefined {
    return columnFormatRuns(this.sheet, c);
  }

  isBlankRow(r: number): boolean {
    const row = this.sheet.values[r];
    if (!row) return true;
    for (const v of row) if (!isBlank(v)) return false;
    return true;
  }
}

/** Excel's column limit; used to key cells by one number. */
const COLS = 16384;

export function isBlank(v: CellScalar | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim().length === 0 || /^[\s\u3000]*$/.test(v);
  return false;
}
