/**
 * Turning sets of cells into few, short range addresses. Formatting, highlighting and reading fills all
 * go through `worksheet.getRanges("A1:C9,E5,…")` (RangeAreas, ExcelApi 1.9), one call per few thousand
 * cells, instead of one call per cell.
 *
 * `Worksheet.getRange` documents a limit of 8,192 characters for its address (longer gives
 * `InvalidArgument`); `getRanges` documents none, so the same limit is assumed, with a margin.
 */
import { rangeA1, parseRangeA1 } from '../../core/address';
import type { CellRange } from '../../core/snapshot';

export const ADDRESS_LIMIT = 8000;

export interface CellAt {
  r: number;
  c: number;
}

/**
 * Covers exactly the given cells with rectangles: runs of adjacent cells along a row, then identical
 * runs on consecutive rows merged into one rectangle. Sorted by top, then left.
 */
export function rectanglesOf(cells: Iterable<CellAt>): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.r - b.r || a.c - b.c);
  const done: CellRange[] = [];
  /** Rectangles that may still grow down, by `left,right`. */
  let open = new Map<string, CellRange>();
  let i = 0;
  while (i < sorted.length) {
    const r = sorted[i].r;
    const next = new Map<string, CellRange>();
    while (i < sorted.length && sorted[i].r === r) {
      const left = sorted[i].c;
      let right = left;
      i++;
      while (i < sorted.length && sorted[i].r === r && sorted[i].c <= right + 1) {
        right = Math.max(right, sorted[i].c);
        i++;
      }
      const key = `${left},${right}`;
      const above = open.get(key);
      if (above && above.bottom === r - 1) {
        above.bottom = r;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { top: r, left, bottom: r, right });
      }
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Comma-joined A1 addresses, each string at most `limit` characters. */
export function addressChunks(ranges: readonly CellRange[], limit: number = ADDRESS_LIMIT): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const range of ranges) {
    const a = rangeA1(range);
    if (current !== '' && current.length + 1 + a.length > limit) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? a : `${current},${a}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** The rectangles named by one address string ("A1:B2,D4"). */
export function rangesOfAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of address.split(',')) {
    const range = parseRangeA1(part.trim());
    if (range) out.push(range);
  }
  return out;
}

/** Splits on commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

/**
 * The areas of a RangeAreas `address` as Excel reports it: `Sheet1!A1:B4, Sheet1!D1:D4`, sheet names
 * quoted when they need it (`'My sheet'!A1`, with `''` for a quote inside).
 */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of splitAreas(address)) {
    const bang = part.lastIndexOf('!');
    const range = parseRangeA1(part.slice(bang + 1).trim().replace(/\$/g, ''));
    if (range) out.push(range);
  }
  return out;
}

/** `C5` from `'发放 明细'!$C$5` (a note's or comment's location). */
export function cellOfAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return address.slice(bang + 1).replace(/\$/g, '').toUpperCase();
}
