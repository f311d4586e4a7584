/**
 * How a cell's own fill is remembered in `HighlightRecord.originalFill` so 清除标记 restores it exactly
 * (SPEC §6). The contract's form is an ARGB string or `null`, which can only describe "no fill" and a
 * plain solid colour. Real workbooks also have theme colours with tints, `bgColor` entries Excel adds to
 * solid fills, patterns and gradients; those are stored as the ExcelJS fill object in JSON. The forms
 * cannot be confused: an ARGB string never starts with `{`.
 */
import type ExcelJS from 'exceljs';
import { solidFill } from './cellStyle';

const ARGB = /^[0-9A-Fa-f]{8}$/;
/** `#RRGGBB`, the form Office.js reports, accepted so a record written by the Office host still restores. */
const HASH_RGB = /^#[0-9A-Fa-f]{6}$/;

function isPlainSolid(fill: ExcelJS.Fill): fill is ExcelJS.FillPattern & { fgColor: { argb: string } } {
  if (fill.type !== 'pattern' || fill.pattern !== 'solid') return false;
  if (Object.keys(fill).some((k) => k !== 'type' && k !== 'pattern' && k !== 'fgColor')) return false;
  const fg = fill.fgColor;
  if (!fg || Object.keys(fg).some((k) => k !== 'argb')) return false;
  return typeof fg.argb === 'string' && ARGB.test(fg.argb);
}

export function encodeFill(fill: ExcelJS.Fill | undefined): string | null {
  if (fill === undefined) return null;
  return isPlainSolid(fill) ? fill.fgColor.argb : JSON.stringify(fill);
}

function isFill(v: unknown): v is ExcelJS.Fill {
  if (typeof v !== 'object' || v === null || !('type' in v)) return false;
  if (v.type === 'pattern') return 'pattern' in v && typeof v.pattern === 'string';
  if (v.type === 'gradient') return 'gradient' in v && 'stops' in v && Array.isArray(v.stops);
  return false;
}

/** What to put back: a fill, no fill, or `unknown` for a damaged record (leave the cell alone). */
export type DecodedFill = { kind: 'fill'; fill: ExcelJS.Fill } | { kind: 'none' } | { kind: 'unknown' };

export function decodeFill(stored: string | null): DecodedFill {
  if (stored === null) return { kind: 'none' };
  if (ARGB.test(stored)) return { kind: 'fill', fill: solidFill(stored) };
  if (HASH_RGB.test(stored)) return { kind: 'fill', fill: solidFill(`FF${stored.slice(1).toUpperCase()}`) };
  if (stored.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (isFill(parsed)) return { kind: 'fill', fill: parsed };
    } catch {
      // fall through: a damaged record must not stop the other cells from being restored
    }
  }
  return { kind: 'unknown' };
}
