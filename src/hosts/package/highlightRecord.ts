/**
 * How the package host remembers a highlighted cell's own look (`HighlightRecord`): `originalFill` holds
 * `{"xf":12,…}`, the cell's own style index (`null` when the cell had none, `added` when the file had
 * no such cell) with its fill described for the other hosts, and `originalNoteXml` the officer's comment
 * element whole. Another host uses the fill where it can draw it and otherwise leaves the cell's fill
 * alone (both fill codecs treat an unknown form so); `originalNote` text restores the note there.
 */
import type { HighlightRecord } from '../../core/snapshot';

export interface PackageHighlightRecord extends HighlightRecord {
  originalNoteXml?: string;
}

export interface StyleMemory {
  xf: number | null;
  added?: boolean;
}

/**
 * `{"xf":12,…}`, followed by the cell's own fill in ExcelJS's shape when it can be described: the xlsx
 * host reads that shape, and the Office host draws a plain solid colour or no fill from it, so a copy
 * scored here can be cleared in Excel's add-in too.
 */
export function encodeStyleMemory(memory: StyleMemory, fill?: Record<string, unknown>): string {
  return JSON.stringify({ xf: memory.xf, ...(memory.added ? { added: true } : {}), ...(fill ?? {}) });
}

/** The remembered style index, or undefined when the record is another host's (an ARGB, a fill object). */
export function decodeStyleMemory(stored: string | null): StyleMemory | undefined {
  if (stored === null || !stored.startsWith('{"xf":')) return undefined;
  try {
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null || !('xf' in parsed)) return undefined;
    const xf = parsed.xf;
    if (xf !== null && !(typeof xf === 'number' && Number.isInteger(xf) && xf >= 0)) return undefined;
    return { xf, added: 'added' in parsed && parsed.added === true };
  } catch {
    return undefined;
  }
}

export function noteXmlOf(record: HighlightRecord): string | undefined {
  if (!('originalNoteXml' in record)) return undefined;
  const xml: unknown = record.originalNoteXml;
  return typeof xml === 'string' && /^<(?:\w+:)?comment\b/.test(xml) ? xml : undefined;
}
