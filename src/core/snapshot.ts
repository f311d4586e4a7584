/**
 * What a host reads from a workbook: plain, serialisable data. The core never sees a live workbook.
 *
 * Coordinates are 0-based and absolute: `values[r][c]` is the cell at row r+1, column c+1 (A1 is [0][0]).
 * Rows may be shorter than others (trailing empties omitted) and may be `undefined` for empty rows.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  error: string;
}

/**
 * The cached value of one cell. Dates arrive as Excel serial numbers with a date number format,
 * percentages as fractions with a `%` format, formulas as their cached result (never evaluated).
 */
export type CellScalar = string | number | boolean | null | CellError;

/**
 * Cells of one column, rows top..bottom (0-based, inclusive), sharing one number format. A ledger's
 * date column is one run however long it is, where a key per cell cost tens of bytes per row.
 */
export interface FormatRun {
  col: number;
  top: number;
  bottom: number;
  format: string;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Position in the workbook's tab order, 0-based. */
  index: number;
  /** Hidden or very hidden sheets are read but never mapped unless the user asks. */
  hidden?: boolean;
  values: (CellScalar[] | undefined)[];
  /**
   * Number formats that are not `General`, as runs down each column (see `FormatRun`), sorted by column
   * then top row, never overlapping. Hosts include them where they change the meaning of a number:
   * percentages and dates; others are optional. Read them with `formatAt`.
   */
  formats?: FormatRun[];
  /** Merged areas; a merged area's value sits in its top-left cell. */
  merges: CellRange[];
}

/**
 * What the add-in remembers in the workbook between runs (xlsx: a very hidden sheet; Office: workbook
 * settings). Plain JSON so both hosts store it the same way.
 */
export interface AddinState {
  version: 1;
  /**
   * Sheets the add-in wrote, by role, with the mark each carries (output/ownSheets.ts): a re-run replaces
   * a sheet only when it carries that mark, so a stale or copied state never hands it a user's sheet.
   */
  ownSheets: { name: string; role: OwnSheetRole; mark?: string }[];
  /** The user's mapping overrides (sheet + range → role), applied before detection. */
  mapping?: MappingOverride[];
  /** The rule packs and scheme last chosen. */
  rules?: string[];
  scheme?: string;
  /** Drafts the add-in wrote into the explanation column, by indicator key; text that differs is the officer's. */
  drafts?: Record<string, string>;
  /** Cells the add-in highlighted, with their own fill before, so 清除标记 restores them exactly. */
  highlights?: HighlightRecord[];
}

export type OwnSheetRole = 'scored' | 'anomalies' | 'rules' | 'report';

export interface MappingOverride {
  sheet: string;
  /** A1 range such as `A12:H43`; omitted means "the table detection finds in this sheet". */
  range?: string;
  role: TableRole | 'ignore';
}

export interface HighlightRecord {
  sheet: string;
  cell: string;
  /** The cell's own fill before highlighting, as the host describes it (ARGB or null for none). */
  originalFill: string | null;
  originalNote?: string | null;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  state?: AddinState;
  /**
   * Why the stored state was set aside (not JSON, or a field of the wrong shape), when it was: the run
   * goes on as on a workbook never scored, and says so once as a 提示.
   */
  stateProblem?: string;
  /**
   * True when the host could not read merged areas (Excel below ExcelApi 1.13): a table laid out with
   * merged labels may be read wrongly, and the officer is told so (issue 14).
   */
  mergesUnread?: boolean;
}

/** The role a detected table plays (SPEC §3). */
export type TableRole =
  | 'budget'
  | 'targets'
  | 'actuals'
  | 'selfEvaluation'
  | 'indexSystem'
  | 'ledger'
  | 'rules';

export function isCellError(v: CellScalar | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function cellAt(sheet: SheetSnapshot, r: number, c: number): CellScalar {
  const row = sheet.values[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

/**
 * Collects a sheet's formats as runs while a host reads it. `add` must be called for each column with
 * rows in increasing order (row-major reading does this); a cell directly below its column's last run,
 * with the same format, extends that run.
 */
export class FormatRunBuilder {
  /** Runs by column, each column's in row order. */
  private readonly byCol: (FormatRun[] | undefined)[] = [];

  add(r: number, c: number, format: string): void {
    let runs = this.byCol[c];
    if (!runs) runs = this.byCol[c] = [];
    const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
    if (last) {
      if (r <= last.bottom) throw new RangeError(`format of row ${r}, column ${c} added after row ${last.bottom}`);
      if (r === last.bottom + 1 && last.format === format) {
        last.bottom = r;
        return;
      }
    }
    runs.push({ col: c, top: r, bottom: r, format });
  }

  /** The runs, sorted by column then top row; call it once the sheet is read. */
  runs(): FormatRun[] {
    const out: FormatRun[] = [];
    for (const runs of this.byCol) if (runs) for (const run of runs) out.push(run);
    return out;
  }
}

/** Runs from formats keyed by `"r,c"` (0-based), for tests and fixtures that describe a few cells. */
export function formatRunsOf(cells: Record<string, string>): FormatRun[] {
  const keyed = Object.entries(cells).map(([key, format]) => {
    const [r, c] = key.split(',').map(Number);
    return { r, c, format };
  });
  keyed.sort((x, y) => x.r - y.r || x.c - y.c);
  const builder = new FormatRunBuilder();
  for (const { r, c, format } of keyed) builder.add(r, c, format);
  return builder.runs();
}

/** One column's runs, for binary search by row. */
/** A column's format runs, top to bottom. */
export interface ColumnRuns {
  tops: Int32Array;
  bottoms: Int32Array;
  formats: string[];
}

/** Built on first lookup, per formats array: a snapshot's formats are not changed once read. */
const formatIndexes = new WeakMap<readonly FormatRun[], (ColumnRuns | undefined)[]>();

function formatIndex(runs: readonly FormatRun[]): (ColumnRuns | undefined)[] {
  const known = formatIndexes.get(runs);
  if (known) return known;
  const byCol: FormatRun[][] = [];
  for (const run of runs) (byCol[run.col] ??= []).push(run);
  const index: (ColumnRuns | undefined)[] = [];
  byCol.forEach((col, c) => {
    // Sorted already when a host built them; fixtures written by hand may not be.
    col.sort((x, y) => x.top - y.top);
    index[c] = {
      tops: Int32Array.from(col, (run) => run.top),
      bottoms: Int32Array.from(col, (run) => run.bottom),
      formats: col.map((run) => run.format),
    };
  });
  formatIndexes.set(runs, index);
  return index;
}

/** The format runs of column `c`, top to bottom, or undefined when it has none. */
export function columnFormatRuns(sheet: SheetSnapshot, c: number): ColumnRuns | undefined {
  const runs = sheet.formats;
  if (!runs || runs.length === 0) return undefined;
  return formatIndex(runs)[c];
}

/** The number format of a cell, if the host recorded one. O(log runs of its column); allocates nothing. */
export function formatAt(sheet: SheetSnapshot, r: number, c: number): string | undefined {
  const runs = sheet.formats;
  if (!runs || runs.length === 0) return undefined;
  const col = formatIndex(runs)[c];
  if (!col) return undefined;
  const tops = col.tops;
  // The last run starting at or above r.
  let lo = 0;
  let hi = tops.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (tops[mid] <= r) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && r <= col.bottoms[found] ? col.formats[found] : undefined;
}
