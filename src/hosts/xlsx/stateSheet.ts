/**
 * The add-in's memory in an .xlsx file (SPEC §3, §6): a very hidden sheet holding `AddinState` as
 * JSON. A sheet rather than a custom document property because ExcelJS 4.4 neither reads nor writes
 * custom properties, and a very hidden sheet cannot be unhidden from Excel's UI, so officers do not
 * stumble on it.
 */
import type ExcelJS from 'exceljs';
import type { AddinState } from '../../core/snapshot';
import { chunkText, isAddinState, STATE_SHEET_NAME } from '../shared/stateCodec';

export { chunkText, isAddinState, STATE_CHUNK_SIZE, STATE_SHEET_NAME } from '../shared/stateCodec';

export function isStateSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.name === STATE_SHEET_NAME;
}

export function findStateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find(isStateSheet);
}

/** The stored state, or `undefined` when there is none or it is damaged. Never throws. */
export function readState(wb: ExcelJS.Workbook): AddinState | undefined {
  try {
    const ws = findStateSheet(wb);
    if (!ws) return undefined;
    let json = '';
    for (let r = 1; ; r++) {
      const v = ws.findCell(r, 1)?.value;
      if (typeof v !== 'string' || v === '') break;
      json += v;
    }
    if (json === '') return undefined;
    const parsed: unknown = JSON.parse(json);
    return isAddinState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the stored state. The sheet is recreated rather than cleared so no stale chunk from a longer
 * earlier state can survive; it goes at the end of the tab order, out of the way of the officer's sheets.
 */
export function writeState(wb: ExcelJS.Workbook, state: AddinState): void {
  const old = findStateSheet(wb);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
  const chunks = chunkText(JSON.stringify(state));
  for (let i = 0; i < chunks.length; i++) ws.getCell(i + 1, 1).value = chunks[i];
}
