import type ExcelJS from 'exceljs';

/** 宋体 is what the provincial systems and most 工会 templates print with. */
export const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10, bold: true };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '方正小标宋简体', size: 18 };
export const SUBTITLE_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
export const NOTE_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 9 };

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const THIN_BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const LEFT_WRAP: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
export const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: 'right', vertical: 'middle' };

/** Header fill the way most templates shade their header row (light grey). */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

/** Calls `fn` for every cell of an A1 range such as `A5:H16` (merged slaves included). */
export function eachCellIn(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [from, to] = range.split(':');
  const start = ws.getCell(from);
  const end = ws.getCell(to ?? from);
  const top = Number(start.row);
  const bottom = Number(end.row);
  const left = Number(start.col);
  const right = Number(end.col);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) fn(ws.getCell(r, c));
  }
}

/** Thin borders on every cell of the range, as a printed table has. */
export function boxRange(ws: ExcelJS.Worksheet, range: string): void {
  eachCellIn(ws, range, (cell) => {
    cell.border = THIN_BOX;
  });
}

export function styleRange(
  ws: ExcelJS.Worksheet,
  range: string,
  style: { font?: Partial<ExcelJS.Font>; alignment?: Partial<ExcelJS.Alignment>; fill?: ExcelJS.Fill },
): void {
  eachCellIn(ws, range, (cell) => {
    if (style.font) cell.font = style.font;
    if (style.alignment) cell.alignment = style.alignment;
    if (style.fill) cell.fill = style.fill;
  });
}

/** Merges the range and writes the value into its top-left cell. */
export function mergeWrite(ws: ExcelJS.Worksheet, range: string, value: ExcelJS.CellValue): ExcelJS.Cell {
  const cell = ws.getCell(range.split(':')[0]);
  if (range.includes(':')) ws.mergeCells(range);
  cell.value = value;
  return cell;
}

export function setColumnWidths(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
}

/** Fixed document properties so regenerated files differ only where the data does. */
export function stampWorkbook(wb: ExcelJS.Workbook, creator: string, when: Date): void {
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = when;
  wb.modified = when;
}

/** `6000000` → `6,000,000.00`, the way the provincial system exports amounts as text. */
export function formatAmountText(value: number): string {
  const fixed = value.toFixed(2);
  const [whole, cents] = fixed.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** A column letter for a 1-based index (1 → A). */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
