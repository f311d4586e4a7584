/**
 * Writes one of the add-in's own sheets (绩效目标, 异常清单, 规则) into a fresh worksheet. The patch has
 * been validated already (see validatePatch.ts), so nothing here throws on well-formed input.
 */
import type ExcelJS from 'exceljs';
import type { NewUserSheet, OutputCell, SheetPrint, SheetWrite } from '../../core/patch';
import { cellStyle } from './cellStyle';
import { internalLinkValue } from './internalLink';

/**
 * One style object per look within a sheet: ExcelJS recognises a style object it has already written by
 * identity and skips re-deriving its fonts, fills and borders, which a fresh object per cell cost on
 * every one of a 120,000-row 异常清单's cells. Sharing is safe: nothing changes an own sheet's cell style
 * in place afterwards (merges and highlights assign whole style objects).
 */
class SheetStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  of(out: OutputCell): Partial<ExcelJS.Style> {
    const link = out.link !== undefined;
    const key = `${out.style ?? ''}|${out.numFmt ?? ''}|${link ? 'link' : ''}`;
    let style = this.byKey.get(key);
    if (!style) {
      style = cellStyle(out.style, out.numFmt, link);
      this.byKey.set(key, style);
    }
    return style;
  }
}

function writeCell(target: ExcelJS.Cell, out: OutputCell, styles: SheetStyles): void {
  if (out.link) {
    const text = out.v === null ? `${out.link.sheet}!${out.link.cell}` : String(out.v);
    target.value = internalLinkValue(out.link.sheet, out.link.cell, text);
  } else if (out.v !== null) {
    // A plain string is always stored as text by ExcelJS (formulas are only ever `{ formula }`
    // objects), so text copied from the workbook such as "=SUM(A1)" can never become a formula.
    target.value = out.v;
  }
  target.style = styles.of(out);
}

export function writeSheetContent(ws: ExcelJS.Worksheet, write: SheetWrite | NewUserSheet): void {
  const styles = new SheetStyles();
  write.rows.forEach((cells, r) => {
    if (!cells || cells.length === 0) return;
    const row = ws.getRow(r + 1);
    cells.forEach((out, c) => {
      if (out) writeCell(row.getCell(c + 1), out, styles);
    });
  });

  // After the cells, so a merged area takes its top-left cell's style (borders round the whole area).
  for (const range of write.merges ?? []) ws.mergeCells(range);

  write.columnWidths?.forEach((width, c) => {
    if (Number.isFinite(width) && width > 0) ws.getColumn(c + 1).width = width;
  });

  for (const c of write.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;

  if (write.frozenRows && write.frozenRows > 0) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: write.frozenRows }];
  }

  write.rowHeights?.forEach((height, r) => {
    if (height !== null && Number.isFinite(height) && height > 0) ws.getRow(r + 1).height = height;
  });
  if (write.print) applyPrint(ws, write.print);
}

/** ExcelJS's paper size code for A4. */
const A4 = 9;

/** A4, one page wide (fitToHeight 0: as many pages down as the rows take), title rows, page numbers. */
function applyPrint(ws: ExcelJS.Worksheet, print: SheetPrint): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.pagesWide,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${print.footer}` };
}
