/**
 * Writes one of the add-in's sheets (or a 插入模板 sheet) into a fresh worksheet, in as few calls as the
 * payload allows:
 *
 * - cells go in row blocks: one `numberFormat` and one `formulas` assignment per block, the block as big
 *   as the budget allows (a sync between blocks when a sheet is bigger than one request);
 * - every text cell gets the text format `@` *before* its value, so Excel stores it as typed: `=SUM(A1)`,
 *   `001` or `50%` copied from the workbook stay text, never a formula, number or percentage;
 * - links are the HYPERLINK formula (General format so it is a formula);
 * - styles are applied per style to all its cells at once through RangeAreas (ExcelApi 1.9), or per
 *   rectangle without it;
 * - then merges, column widths (characters → points) and frozen header rows.
 */
import { columnLetters, rangeA1 } from '../../core/address';
import { STYLES, type NewUserSheet, type OutputCell, type SheetPrint, type SheetWrite, type StyleSpec } from '../../core/patch';
import type { Capabilities } from './apiSupport';
import { applyStyle, columnWidthPoints } from './cellFormat';
import { linkFormula } from './internalLink';
import { CALL_BYTES, gridBytes } from './payload';
import { addressChunks, rectanglesOf, type CellAt } from './rectangles';
import type { SyncBatch } from './syncBatch';

type Content = SheetWrite | NewUserSheet;

const TEXT_FORMAT = '@';
const GENERAL = 'General';

/** What goes into the `formulas` and `numberFormat` arrays for one cell. */
function cellEntry(cell: OutputCell | null | undefined): [value: string | number, format: string] {
  if (!cell) return ['', GENERAL];
  if (cell.link) {
    const text = cell.v === null ? `${cell.link.sheet}!${cell.link.cell}` : String(cell.v);
    const formula = linkFormula(cell.link.sheet, cell.link.cell, text);
    return formula === null ? [text, TEXT_FORMAT] : [formula, GENERAL];
  }
  if (cell.v === null) return ['', cell.numFmt ?? GENERAL];
  if (typeof cell.v === 'string') return [cell.v, TEXT_FORMAT];
  return [cell.v, cell.numFmt ?? GENERAL];
}

async function writeCells(b: SyncBatch, ws: Excel.Worksheet, write: Content): Promise<void> {
  const width = write.rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  if (width === 0) return;
  // Each block fills what is left of the current request (a fresh one when little is left), so a big
  // sheet takes ⌈bytes ÷ budget⌉ requests and shares its first with whatever was queued before it.
  const overhead = CALL_BYTES * 8;
  const blockBudget = () => (b.remaining > b.budget / 8 ? b.remaining : b.budget) - overhead;
  let limit = blockBudget();
  let start = 0;
  let values: (string | number)[][] = [];
  let formats: string[][] = [];
  let bytes = 0;
  const emit = async () => {
    if (values.length === 0) return;
    await b.room(CALL_BYTES * 4 + bytes);
    const range = ws.getRangeByIndexes(start, 0, values.length, width);
    range.numberFormat = formats;
    range.formulas = values;
    start += values.length;
    values = [];
    formats = [];
    bytes = 0;
    limit = blockBudget();
  };
  for (const row of write.rows) {
    const v: (string | number)[] = new Array<string | number>(width);
    const f: string[] = new Array<string>(width);
    for (let c = 0; c < width; c++) [v[c], f[c]] = cellEntry(row?.[c]);
    const rowBytes = gridBytes([v, f]);
    if (values.length > 0 && bytes + rowBytes > limit) await emit();
    values.push(v);
    formats.push(f);
    bytes += rowBytes;
  }
  await emit();
}

/** Queues `spec` on every rectangle, through RangeAreas when the host has them. */
export async function formatRectangles(
  b: SyncBatch,
  ws: Excel.Worksheet,
  caps: Capabilities,
  rects: ReturnType<typeof rectanglesOf>,
  style: (format: Excel.RangeFormat) => number,
): Promise<void> {
  if (caps.rangeAreas) {
    for (const address of addressChunks(rects)) {
      await b.room(CALL_BYTES * 24 + address.length);
      style(ws.getRanges(address).format);
    }
  } else {
    for (const rect of rects) {
      await b.room(CALL_BYTES * 24);
      style(ws.getRange(rangeA1(rect)).format);
    }
  }
}

async function writeStyles(b: SyncBatch, ws: Excel.Worksheet, write: Content, caps: Capabilities): Promise<void> {
  const groups = new Map<string, { spec: StyleSpec; link: boolean; cells: CellAt[] }>();
  write.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (!cell.style && !cell.link)) return;
      const link = cell.link !== undefined;
      const key = `${cell.style ?? ''}|${link ? 'link' : ''}`;
      let group = groups.get(key);
      if (!group) {
        group = { spec: cell.style ? STYLES[cell.style] : {}, link, cells: [] };
        groups.set(key, group);
      }
      group.cells.push({ r, c });
    }),
  );
  for (const group of groups.values()) {
    await formatRectangles(b, ws, caps, rectanglesOf(group.cells), (format) => applyStyle(format, group.spec, group.link));
  }
}

export async function writeSheetContent(b: SyncBatch, ws: Excel.Worksheet, write: Content, caps: Capabilities): Promise<void> {
  await writeCells(b, ws, write);
  await writeStyles(b, ws, write, caps);
  // After the cells, so a merged area keeps its top-left cell's value and style.
  for (const range of write.merges ?? []) {
    await b.room(CALL_BYTES * 2 + range.length);
    ws.getRange(range).merge(false);
  }
  const widths = write.columnWidths ?? [];
  for (let c = 0; c < widths.length; c++) {
    const width = widths[c];
    if (!Number.isFinite(width) || width <= 0) continue;
    const letters = columnLetters(c);
    await b.room(CALL_BYTES * 3);
    ws.getRange(`${letters}:${letters}`).format.columnWidth = columnWidthPoints(width);
  }
  for (const c of write.hiddenColumns ?? []) {
    const letters = columnLetters(c);
    await b.room(CALL_BYTES * 3);
    ws.getRange(`${letters}:${letters}`).columnHidden = true;
  }
  if (write.frozenRows && write.frozenRows > 0) {
    await b.room(CALL_BYTES * 2);
    ws.freezePanes.freezeRows(write.frozenRows);
  }
  await writeRowHeights(b, ws, write.rowHeights ?? []);
  if (write.print && caps.pageLayout) await writePrint(b, ws, write.print);
}

/** Rows of one height in a run are one call (`A5:A9`'s rows), so a long sheet stays a few requests. */
async function writeRowHeights(b: SyncBatch, ws: Excel.Worksheet, heights: readonly (number | null)[]): Promise<void> {
  for (let r = 0; r < heights.length; ) {
    const h = heights[r];
    let end = r;
    while (end + 1 < heights.length && heights[end + 1] === h) end++;
    if (h !== null && Number.isFinite(h) && h > 0) {
      await b.room(CALL_BYTES * 3);
      ws.getRange(`${r + 1}:${end + 1}`).format.rowHeight = h;
    }
    r = end + 1;
  }
}

/** A4, one page wide and as tall as it takes, the title rows on every page, page numbers: ExcelApi 1.9. */
async function writePrint(b: SyncBatch, ws: Excel.Worksheet, print: SheetPrint): Promise<void> {
  await b.room(CALL_BYTES * 6);
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}
