/**
 * The add-in's memory (SPEC §3, §6) as both hosts store it: `AddinState` as JSON in a very hidden sheet
 * `_jixiao_state`, split over cells. One format, so a workbook scored by the CLI or the preview and then
 * opened in Excel knows its own sheets and highlights.
 */
import type { AddinState } from '../../core/snapshot';

export const STATE_SHEET_NAME = '_jixiao_state';

/** Excel allows 32,767 characters per cell; stay well below so nothing is ever truncated. */
export const STATE_CHUNK_SIZE = 30_000;

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

