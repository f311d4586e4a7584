import type { CellRange } from './snapshot';

/** 0-based column index → letters (0 → A, 27 → AB). */
export function columnLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (r, c) → `B7`. */
export function a1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

export function rangeA1(range: CellRange): string {
  const start = a1(range.top, range.left);
  const end = a1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** `B7` → { r: 6, c: 1 }; null for anything that is not a single A1 address inside Excel's grid. */
export function parseA1(address: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(m[2]);
  if (r < 1 || r > MAX_ROWS || c > MAX_COLUMNS) return null;
  return { r: r - 1, c: c - 1 };
}

/** `A12:H43` (or a single cell) → a 0-based range; null when it is not one inside Excel's grid. */
export function parseRangeA1(text: string): CellRange | null {
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const [a, b] = parts;
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.r, end.r),
    left: Math.min(start.c, end.c),
    bottom: Math.max(start.r, end.r),
    right: Math.max(start.c, end.c),
  };
}
