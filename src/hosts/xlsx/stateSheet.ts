/**
 * The add-in's memory in an .xlsx file (SPEC §3, §6): a very hidden sheet holding `AddinState` as
 * JSON. A sheet rather than a custom document property because ExcelJS 4.4 neither reads nor writes
 * custom properties, and a very hidden sheet cannot be unhidden from Excel's UI, so officers do not
 * stumble on it.
 */
import type ExcelJS from 'exceljs';
import type { AddinState } from '../../core/snapshot';
import { chunkText, decodeState, STATE_SHEET_NAME, type DecodedState } from '../shared/stateCodec';

export { chunkText, isAddinState, STATE_CHUNK_SIZE, STATE_SHEET_NAME } from '../shared/stateCodec';

export function isStateSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.name === STATE_SHEET_NAME;
}

export function findStateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find(isStateSheet);
}

/**
 * A chunk of the stored JSON. LibreOffice (and WPS) re-save a long text as rich text, so the runs are
 * joined: reading it as "not a string" lost the state and the next run read its own 绩效目标 as input.
 */
function chunkOf(v: ExcelJS.CellValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) {
    return v.richText.map((run) => (typeof run?.text === 'string' ? run.text : '')).join('');
  }
  return '';
}

/** The stored state as read: the state, or why it was set aside; `undefined` when there is none. Never throws. */
export function readStoredState(wb: ExcelJS.Workbook): DecodedState | undefined {
  const ws = findStateSheet(wb);
  if (!ws) return undefined;
  let json = '';
  for (let r = 1; ; r++) {
    const chunk = chunkOf(ws.findCell(r, 1)?.value);
    if (chunk === '') break;
    json += chunk;
  }
  return json === '' ? undefined : decodeState(json);
}

/** The stored state, or `undefined` when there is none or it is damaged. Never throws. */
export function readState(wb: ExcelJS.Workbook): AddinState | undefined {
  return readStoredState(wb)?.state;
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
