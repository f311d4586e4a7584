/**
 * The add-in's memory in an .xlsx file (SPEC §3, §6): a very hidden sheet holding `AddinState` as
 * JSON. A sheet rather than a custom document property because ExcelJS 4.4 neither reads nor writes
 * custom properties, and a very hidden sheet cannot be unhidden from Excel's UI, so officers do not
 * stumble on it.
 */
import type ExcelJS from 'exceljs';
import type { AddinState } from '../../core/snapshot';

export const STATE_SHEET_NAME = '_jixiao_state';

/** Excel allows 32,767 characters per cell; stay well below so nothing is ever truncated. */
export const STATE_CHUNK_SIZE = 30_000;

export function isStateSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.name === STATE_SHEET_NAME;
}

export function findStateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find(isStateSheet);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isHighlightRecord(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (typeof v.sheet !== 'string' || typeof v.cell !== 'string') return false;
  return typeof v.originalFill === 'string' || v.originalFill === null;
}

/**
 * Checks the parts of the state the host itself relies on (own sheets, highlights): a state that
 * fails here could make the host remove a user's sheet or restore the wrong fill, so it is ignored.
 * The rest is the core's business and passes through.
 */
export function isAddinState(v: unknown): v is AddinState {
  if (!isRecord(v) || v.version !== 1) return false;
  const own = v.ownSheets;
  if (!Array.isArray(own) || !own.every((s) => isRecord(s) && typeof s.name === 'string')) return false;
  const hl = v.highlights;
  return hl === undefined || (Array.isArray(hl) && hl.every(isHighlightRecord));
}

/** Splits without cutting a surrogate pair in two: half a pair is not valid XML text. */
export function chunkText(text: string, size: number = STATE_CHUNK_SIZE): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
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
