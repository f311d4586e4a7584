/**
 * Tab order and the active tab. ExcelJS 4.4 has no API to move a sheet, but its `workbook.worksheets`
 * getter sorts by each worksheet's (untyped) `orderNo`, and the writer emits `<sheets>` in exactly that
 * order. So moving a sheet means renumbering `orderNo` for every sheet. The active tab is an index into
 * that order (`workbook.views[0].activeTab`), so it is recomputed from the sheet object afterwards.
 */
import type ExcelJS from 'exceljs';

function renumber(order: ExcelJS.Worksheet[]): void {
  // `orderNo` is not in ExcelJS's type definitions; Reflect.set writes it without widening any type.
  order.forEach((ws, i) => Reflect.set(ws, 'orderNo', i));
}

/** Puts `ws` at 0-based tab position `index` (clamped), shifting the others. */
export function placeWorksheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, index: number): void {
  const order = wb.worksheets.filter((other) => other !== ws);
  const at = Math.max(0, Math.min(index, order.length));
  order.splice(at, 0, ws);
  renumber(order);
}

export function tabIndex(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): number {
  return wb.worksheets.indexOf(ws);
}

function isVisible(ws: ExcelJS.Worksheet): boolean {
  return ws.state === undefined || ws.state === 'visible';
}

/** The sheet Excel opens on. A file without workbook views (ExcelJS-made files) opens on the first. */
export function activeWorksheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const sheets = wb.worksheets;
  // `views` is typed as always present, but ExcelJS leaves it undefined for files without <bookViews>.
  const views: ExcelJS.WorkbookView[] | undefined = wb.views;
  const index = views?.[0]?.activeTab ?? 0;
  return sheets[index] ?? sheets[0];
}

/** `tabSelected` is written by ExcelJS but missing from its view types. */
function setTabSelected(view: Partial<ExcelJS.WorksheetView>, selected: boolean): void {
  Reflect.set(view, 'tabSelected', selected);
}

/**
 * Makes `ws` the tab Excel opens on, or the first visible sheet when `ws` is hidden or gone (Excel
 * misbehaves when the active tab is a hidden sheet). Exactly one sheet stays tab-selected: several
 * selected tabs would open the workbook with sheets grouped, where typing edits all of them at once.
 */
export function setActiveWorksheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet | undefined): void {
  const sheets = wb.worksheets;
  const target = ws && sheets.includes(ws) && isVisible(ws) ? ws : sheets.find(isVisible);
  if (!target) return;
  const index = sheets.indexOf(target);
  const views: ExcelJS.WorkbookView[] | undefined = wb.views;
  const current = views?.[0];
  const firstSheet = Math.min(current?.firstSheet ?? 0, index);
  const view: ExcelJS.WorkbookView = {
    x: current?.x ?? 0,
    y: current?.y ?? 0,
    width: current?.width ?? 12000,
    height: current?.height ?? 24000,
    visibility: current?.visibility ?? 'visible',
    firstSheet: sheets[firstSheet] && isVisible(sheets[firstSheet]) ? firstSheet : index,
    activeTab: index,
  };
  wb.views = [view, ...(views?.slice(1) ?? [])];
  for (const sheet of sheets) {
    // Loaded sheets without <sheetViews> have `views` undefined despite the type.
    const sheetViews: Partial<ExcelJS.WorksheetView>[] | undefined = sheet.views;
    if (sheet === target) {
      if (!sheetViews || sheetViews.length === 0) sheet.views = [{ state: 'normal' }];
      setTabSelected(sheet.views[0], true);
    } else {
      for (const v of sheetViews ?? []) setTabSelected(v, false);
    }
  }
}
