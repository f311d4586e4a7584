/**
 * What the preview's sheet viewer shows of one worksheet: the first rows as display text, with merges,
 * fills, notes and column widths, read from the in-memory ExcelJS workbook. Plain data, so the viewer
 * is a simple render and this can be tested without a browser.
 */
import type ExcelJS from 'exceljs';
import { columnLetters } from '../core/address';
import { cachedValue, type CachedValue } from '../hosts/xlsx/cellValue';
import { getNote, noteText } from '../hosts/xlsx/cellNote';

export interface ViewCell {
  /** A1 address. */
  address: string;
  text: string;
  numeric: boolean;
  bold: boolean;
  /** CSS colour (`#RRGGBB`) of a solid fill, when the cell has one. */
  fill: string | null;
  /** The cell's note (Excel's classic comment) as text. */
  note: string | null;
  rowSpan: number;
  colSpan: number;
}

export interface ViewRow {
  /** 1-based sheet row number. */
  number: number;
  /** One entry per shown column; `null` is a cell covered by a merge (not rendered). */
  cells: (ViewCell | null)[];
}

export interface SheetView {
  name: string;
  /** Rows and columns the sheet has in all (rows may be more than are shown). */
  rowCount: number;
  columnCount: number;
  /** Column letters of the shown columns. */
  columns: string[];
  /** Column widths in pixels. */
  widths: number[];
  rows: ViewRow[];
}

/** Beyond this many columns the viewer stops: a preview, not a spreadsheet. */
export const MAX_COLUMNS = 60;

export function visibleSheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((ws) => ws.state === undefined || ws.state === 'visible').map((ws) => ws.name);
}

/** The sheet the workbook opens on (Excel's active tab), when it is visible. */
export function activeSheetName(wb: ExcelJS.Workbook): string | undefined {
  // `views` is typed as always present but is undefined for files without <bookViews>.
  const views: ExcelJS.WorkbookView[] | undefined = wb.views;
  const ws = wb.worksheets[views?.[0]?.activeTab ?? 0];
  return ws && (ws.state === undefined || ws.state === 'visible') ? ws.name : undefined;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function formatDate(d: Date, numFmt: string | undefined): string {
  // ExcelJS dates are the cell's wall-clock time stored as UTC.
  const date = `${d.getUTCFullYear()}-${twoDigits(d.getUTCMonth() + 1)}-${twoDigits(d.getUTCDate())}`;
  const hasTime = numFmt !== undefined && /h|:s/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
  return hasTime ? `${date} ${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())}` : date;
}

/** Enough of Excel's number formats to read a table: decimals, thousands separators, percentages. */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const section = (numFmt ?? '').split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|_.|\\./g, '');
  if (section === '' || /^general$/i.test(section) || section === '@') {
    // Excel's General shows up to 11 significant digits; this hides binary noise like 0.30000000000000004.
    return String(Number(value.toPrecision(11)));
  }
  const percent = section.includes('%');
  const decimals = /\.(0+)/.exec(section)?.[1].length ?? 0;
  const grouped = /[#0],[#0]/.test(section);
  const shown = percent ? value * 100 : value;
  const text = shown.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return percent ? `${text}%` : text;
}

export function displayText(value: CachedValue, numFmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, numFmt);
  return value.error;
}

/** ARGB `FFFFC7CE` → `#FFC7CE`; theme and indexed colours are not resolved (shown without a fill). */
function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** Excel's column width unit is roughly one digit of the default font: ~7 px plus padding. */
function widthPx(chars: number | undefined): number {
  const w = Math.round((chars ?? 9) * 7 + 10);
  return Math.max(36, Math.min(w, 420));
}

function emptyCell(r: number, c: number): ViewCell {
  return { address: `${columnLetters(c - 1)}${r}`, text: '', numeric: false, bold: false, fill: null, note: null, rowSpan: 1, colSpan: 1 };
}

/** For a merge's top-left cell, how far the merge reaches (clipped to the shown area). */
function span(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, lastRow: number, lastCol: number): { rowSpan: number; colSpan: number } {
  const row = Number(cell.row);
  const col = Number(cell.col);
  let colSpan = 1;
  while (col + colSpan <= lastCol && ws.findCell(row, col + colSpan)?.master === cell) colSpan++;
  let rowSpan = 1;
  while (row + rowSpan <= lastRow && ws.findCell(row + rowSpan, col)?.master === cell) rowSpan++;
  return { rowSpan, colSpan };
}

/**
 * The first `maxRows` rows of `ws` (all of them when it has fewer). Only `find…` accessors: ExcelJS's
 * `get…` would create empty rows, cells and columns, and the user downloads this very workbook.
 */
export function readSheetView(ws: ExcelJS.Worksheet, maxRows: number): SheetView {
  const rowCount = ws.rowCount;
  const columnCount = ws.columnCount;
  const lastRow = Math.min(rowCount, maxRows);
  const lastCol = Math.min(columnCount, MAX_COLUMNS);
  const columns: string[] = [];
  const widths: number[] = [];
  // `columns` is typed as always present but is null on a sheet without column definitions.
  const defined: Partial<ExcelJS.Column>[] | null = ws.columns;
  for (let c = 1; c <= lastCol; c++) {
    columns.push(columnLetters(c - 1));
    const column = defined?.[c - 1];
    widths.push(column?.hidden ? 0 : widthPx(column?.width));
  }
  const rows: ViewRow[] = [];
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.findRow(r);
    const cells: (ViewCell | null)[] = [];
    for (let c = 1; c <= lastCol; c++) {
      const cell = row?.findCell(c);
      if (!cell) {
        cells.push(emptyCell(r, c));
        continue;
      }
      if (cell.isMerged && cell.master !== cell) {
        cells.push(null);
        continue;
      }
      const value = cachedValue(cell.value);
      const note = getNote(cell);
      const { rowSpan, colSpan } = cell.isMerged ? span(ws, cell, lastRow, lastCol) : { rowSpan: 1, colSpan: 1 };
      cells.push({
        address: cell.address,
        text: displayText(value, cell.numFmt),
        numeric: typeof value === 'number',
        bold: cell.font?.bold === true,
        fill: solidFill(cell.fill),
        note: note === undefined ? null : noteText(note) || null,
        rowSpan,
        colSpan,
      });
    }
    rows.push({ number: r, cells });
  }
  return { name: ws.name, rowCount, columnCount, columns, widths, rows };
}
