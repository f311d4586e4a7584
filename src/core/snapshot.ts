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
   * Number formats that are not `General`, keyed by `"r,c"` (0-based). Hosts include them where they
   * change the meaning of a number: percentages and dates; others are optional.
   */
  formats?: Record<string, string>;
  /** Merged areas; a merged area's value sits in its top-left cell. */
  merges: CellRange[];
}

/**
 * What the add-in remembers in the workbook between runs (xlsx: a very hidden sheet; Office: workbook
 * settings). Plain JSON so both hosts store it the same way.
 */
export interface AddinState {
  version: 1;
  /** Sheets the add-in wrote, by role, so a re-run replaces them and never touches a user's sheet. */
  ownSheets: { name: string; role: OwnSheetRole }[];
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

export type OwnSheetRole = 'scored' | 'anomalies' | 'rules';

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

export function formatAt(sheet: SheetSnapshot, r: number, c: number): string | undefined {
  return sheet.formats?.[`${r},${c}`];
}
