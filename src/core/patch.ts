/**
 * Every change the add-in wants to make to a workbook, as data. The core builds it; a host applies it.
 * Hosts batch a whole patch into a few requests; nothing here refers to a live object.
 */
import type { AddinState, OwnSheetRole } from './snapshot';

/** Named cell styles; each host maps them to its own formatting through `STYLES`. */
export type StyleName =
  | 'title'
  | 'header'
  | 'level1'
  | 'level2'
  | 'body'
  | 'total'
  | 'note'
  | 'short'
  | 'error'
  | 'warning'
  | 'info'
  | 'heading'
  | 'text'
  | 'placeholder';

export interface StyleSpec {
  bold?: boolean;
  fontSize?: number;
  /** Fill as ARGB hex, e.g. `FFFFF2CC`. */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  border?: boolean;
}

/** One style table shared by every host so the written sheets look the same everywhere. */
export const STYLES: Record<StyleName, StyleSpec> = {
  title: { bold: true, fontSize: 14, align: 'center' },
  header: { bold: true, fill: 'FFD9E1F2', align: 'center', wrap: true, border: true },
  level1: { bold: true, fill: 'FFEDEDED', border: true, wrap: true },
  level2: { bold: true, fill: 'FFF6F6F6', border: true, wrap: true },
  body: { border: true, wrap: true },
  total: { bold: true, fill: 'FFFFF2CC', border: true },
  note: { fontColor: 'FF595959', wrap: true },
  short: { border: true, wrap: true, fontColor: 'FFC00000' },
  error: { fill: 'FFFFC7CE', border: true, wrap: true },
  warning: { fill: 'FFFFEB9C', border: true, wrap: true },
  info: { fill: 'FFDDEBF7', border: true, wrap: true },
  // The 自评报告（草稿） sheet: headings, running text, and the 【待填写】 places, highlighted as in the .docx.
  heading: { bold: true, fontSize: 12 },
  text: { wrap: true },
  placeholder: { fill: 'FFFFFF00', wrap: true },
};

/**
 * A cell to write. Strings are always written as text (never as a formula, even if they start with
 * `=`); numbers as numbers with `numFmt`.
 */
export interface OutputCell {
  v: string | number | null;
  numFmt?: string;
  style?: StyleName;
  /** An internal hyperlink to a cell of another sheet. */
  link?: { sheet: string; cell: string };
}

export interface SheetWrite {
  /** The final name (already made unique against the user's sheets). */
  name: string;
  role: OwnSheetRole;
  /** Rows of cells starting at A1; `null` leaves a cell empty. */
  rows: (OutputCell | null)[][];
  /** Merged areas as A1 ranges. */
  merges?: string[];
  /** Column widths in characters. */
  columnWidths?: number[];
  /** Rows frozen at the top (the header). */
  frozenRows?: number;
  /**
   * Row heights in points by row (0-based; null or absent: the host's default), so wrapped text is whole
   * on screen and on paper. Optional: a host that does not set heights yet still writes the sheet.
   */
  rowHeights?: (number | null)[];
  /** How the sheet prints (SheetPrint). Optional, for the same reason. */
  print?: SheetPrint;
  /** Place the sheet right after this one (by name), or at the end. */
  after?: string;
  /** Make it the active sheet after applying. */
  activate?: boolean;
  /** Columns (0-based) to hide: the one holding the mark. */
  hiddenColumns?: number[];
  /**
   * The sheet's ownership mark (`jixiao:<role>:<token>`, see output/ownSheets.ts), also written in its
   * first row. An existing sheet of this name is replaced only when it carries this mark.
   */
  mark: string;
}

/**
 * Print set-up of an own sheet, as the 自评表 it replaces is printed, signed and stamped: A4, one page
 * wide (as many pages down as it takes), the header rows repeated on every page, page numbers in the footer.
 */
export interface SheetPrint {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Pages across: always 1 (one page wide); the height follows the rows. */
  pagesWide: 1;
  /** Rows repeated at the top of every printed page, 1-based and inclusive (`{ first: 7, last: 7 }`). */
  titleRows?: { first: number; last: number };
  /** The centred footer, in Excel's header/footer codes: `第 &P 页，共 &N 页`. */
  footer: string;
}

/** The footer every own sheet prints: the page and the page count. */
export const PAGE_FOOTER = '第 &P 页，共 &N 页';

/** An own sheet as its builder makes it, before the pipeline marks it as ours (output/ownSheets.ts). */
export type SheetContent = Omit<SheetWrite, 'mark' | 'hiddenColumns'>;

/** Fill and note on a cell of a source sheet; the value is never touched. */
export interface CellHighlight {
  sheet: string;
  cell: string;
  severity: 'error' | 'warning' | 'info';
  note: string;
}

/**
 * A sheet that becomes the user's own once written (插入模板): never replaced or removed by a later run.
 * Its name is already unique; a host refuses the patch if a sheet of that name exists.
 */
export type NewUserSheet = Omit<SheetWrite, 'role' | 'mark'>;

export interface Patch {
  /** Own sheets to write; an existing own sheet of the same role is replaced. */
  sheets: SheetWrite[];
  /** Sheets handed to the user (插入模板); absent on scoring runs. */
  newSheets?: NewUserSheet[];
  /**
   * Own sheets from an earlier run that this run no longer writes (removed), each with the mark it must
   * carry: a sheet without it is the officer's, and stays.
   */
  removeSheets: { name: string; mark: string }[];
  /** Highlights to add after restoring the previous run's highlights. */
  highlights: CellHighlight[];
  /** Restore every highlighted cell's own formatting (from `state.highlights`) before anything else. */
  clearHighlights: boolean;
  /** The state to store in the workbook after applying. */
  state: AddinState;
  /** Cell to select when done (the reviewer's first anomaly, say). */
  select?: { sheet: string; cell: string };
}

/** Fills by severity for highlighted source cells (ARGB). */
export const HIGHLIGHT_FILLS: Record<CellHighlight['severity'], string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};
