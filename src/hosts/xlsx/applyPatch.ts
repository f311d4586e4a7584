/**
 * Applies the core's patch to an ExcelJS workbook (SPEC §6). Order matters and follows the contract:
 * validate everything first (a bad patch changes nothing), undo the previous run's highlights, remove and
 * (re)write the add-in's own sheets, highlight, and store the new state last so it describes the
 * workbook as it now is.
 */
import type ExcelJS from 'exceljs';
import { parseA1 } from '../../core/address';
import type { Patch, SheetWrite } from '../../core/patch';
import type { HighlightRecord } from '../../core/snapshot';
import { applyHighlights, restoreHighlights } from './highlights';
import { findWorksheet } from './sheetNames';
import { activeWorksheet, placeWorksheet, setActiveWorksheet, tabIndex } from './sheetOrder';
import { findStateSheet, readState, writeState } from './stateSheet';
import { SheetNames, validatePatch } from '../shared/validatePatch';
import { markOfWorksheet } from './sheetMark';
import { writeSheetContent } from './writeSheet';

/**
 * Writes one own sheet. An earlier version of it is replaced in place, keeping its tab position, rather
 * than cleared: a fresh worksheet cannot keep stale cells, merges, widths or views from the last run.
 */
function writeOwnSheet(wb: ExcelJS.Workbook, write: SheetWrite): { ws: ExcelJS.Worksheet; replaced?: ExcelJS.Worksheet } {
  const existing = findWorksheet(wb, write.name);
  let position: number;
  if (existing) {
    position = tabIndex(wb, existing);
    wb.removeWorksheet(existing.id);
  } else {
    const after = write.after === undefined ? undefined : findWorksheet(wb, write.after);
    position = after ? tabIndex(wb, after) + 1 : wb.worksheets.length;
  }
  const ws = wb.addWorksheet(write.name);
  placeWorksheet(wb, ws, position);
  writeSheetContent(ws, write);
  return { ws, replaced: existing };
}

/** Puts the cursor on `cell` (the reviewer's first anomaly) and returns its sheet. */
export function selectCell(wb: ExcelJS.Workbook, select: NonNullable<Patch['select']>): ExcelJS.Worksheet | undefined {
  const ws = findWorksheet(wb, select.sheet);
  const at = parseA1(select.cell);
  if (!ws || !at) return undefined;
  const views: Partial<ExcelJS.WorksheetView>[] | undefined = ws.views;
  if (!views || views.length === 0) ws.views = [{ state: 'normal' }];
  ws.views[0].activeCell = select.cell.replace(/\$/g, '').toUpperCase();
  return ws;
}

export function applyPatch(wb: ExcelJS.Workbook, patch: Patch): void {
  const stored = readState(wb);
  const markOf = (name: string) => {
    const ws = findWorksheet(wb, name);
    return ws ? markOfWorksheet(ws) : null;
  };
  const stateSheet = findStateSheet(wb)?.name;
  validatePatch(new SheetNames(wb.worksheets.map((ws) => ws.name)), patch, markOf, stateSheet);

  let active = activeWorksheet(wb);

  // New highlights replace the old ones, so the old ones are undone whether or not a clear was asked for.
  const restoring = patch.clearHighlights || patch.highlights.length > 0;
  if (restoring) restoreHighlights(wb, stored?.highlights ?? []);

  for (const { name, mark } of patch.removeSheets) {
    const ws = findWorksheet(wb, name);
    // Only a sheet carrying the add-in's mark: a user's sheet is never removed.
    if (ws && markOfWorksheet(ws) === mark && ws.name !== stateSheet) wb.removeWorksheet(ws.id);
  }

  for (const write of patch.sheets) {
    const { ws, replaced } = writeOwnSheet(wb, write);
    if (write.activate || (replaced && replaced === active)) active = ws;
  }

  // Handed to the user: not recorded in the state, so no later run replaces or removes them.
  for (const write of patch.newSheets ?? []) {
    const after = write.after === undefined ? undefined : findWorksheet(wb, write.after);
    const ws = wb.addWorksheet(write.name);
    placeWorksheet(wb, ws, after ? tabIndex(wb, after) + 1 : wb.worksheets.length);
    writeSheetContent(ws, write);
    if (write.activate) active = ws;
  }

  let highlights: HighlightRecord[];
  if (patch.highlights.length > 0) highlights = applyHighlights(wb, patch.highlights);
  else if (restoring) highlights = [];
  // Neither cleared nor re-highlighted: the earlier highlights are still on the cells and must stay
  // recorded, or a later 清除标记 could not undo them.
  else highlights = stored?.highlights ?? [];
  writeState(wb, { ...patch.state, highlights });

  if (patch.select) active = selectCell(wb, patch.select) ?? active;
  setActiveWorksheet(wb, active);
}
