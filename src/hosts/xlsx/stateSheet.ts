/**
 * The add-in's memory in an .xlsx file (SPEC §3, §6): a very hidden sheet holding `AddinState` as
 * JSON. A sheet rather than a custom document property because ExcelJS 4.4 neither reads nor writes
 * custom properties, and a very hidden sheet cannot be unhidden from Excel's UI, so officers do not
 * stumble on it.
 */
import type ExcelJS from 'exceljs';
import type { AddinState } from '../../core/snapshot';
import { chunkText, decodeState, freeStateSheetName, isStateSheetName, type DecodedState } from '../shared/stateCodec';

export { chunkText, isAddinState, STATE_CHUNK_SIZE, STATE_SHEET_NAME } from '../shared/stateCodec';

/**
 * True for the sheet that holds the add-in's state. A sheet the officer can see is theirs whatever it is
 * called: it is never read as state, never emptied or replaced. Ours is very hidden; a merely hidden one
 * counts only when it holds a valid state of ours (LibreOffice and WPS may save very hidden as hidden);
 * anything else the officer hid under that name stays theirs.
 */
export function isStateSheet(ws: ExcelJS.Worksheet): boolean {
  if (!isStateSheetName(ws.name)) return false;
  if (ws.state === 'veryHidden') return true;
  return ws.state === 'hidden' && chunkOf(ws.findCell(1, 1)?.value).trimStart().startsWith('{') && decodeState(storedJson(ws)).state !== undefined;
}

/** Every sheet that holds (or held) the add-in's state; normally one. */
function stateSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter(isStateSheet);
}

/** The state sheet: the first whose content decodes as state, else the first candidate (whose problem is then reported). */
export function findStateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const candidates = stateSheets(wb);
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((ws) => storedJson(ws) !== '' && decodeState(storedJson(ws)).state !== undefined) ?? candidates[0];
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
  const json = storedJson(ws);
  return json === '' ? undefined : decodeState(json);
}

function storedJson(ws: ExcelJS.Worksheet): string {
  let json = '';
  for (let r = 1; ; r++) {
    const chunk = chunkOf(ws.findCell(r, 1)?.value);
    if (chunk === '') break;
    json += chunk;
  }
  return json;
}

/** The stored state, or `undefined` when there is none or it is damaged. Never throws. */
export function readState(wb: ExcelJS.Workbook): AddinState | undefined {
  return readStoredState(wb)?.state;
}

/**
 * Replaces the stored state. The sheet is recreated rather than cleared so no stale chunk from a longer
 * earlier state can survive; it goes at the end of the tab order, out of the way of the officer's sheets.
 * Only our own (very hidden) state sheets are removed; the name is the first of the scheme that no
 * remaining sheet has, compared as Excel compares names.
 */
export function writeState(wb: ExcelJS.Workbook, state: AddinState): void {
  for (const old of stateSheets(wb)) wb.removeWorksheet(old.id);
  const name = freeStateSheetName(wb.worksheets.map((w) => w.name));
  const ws = wb.addWorksheet(name, { state: 'veryHidden' });
  const chunks = chunkText(JSON.stringify(state));
  for (let i = 0; i < chunks.length; i++) ws.getCell(i + 1, 1).value = chunks[i];
}
