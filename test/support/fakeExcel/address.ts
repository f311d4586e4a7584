/** A1 addresses as Excel's API accepts them: `C5`, `$C$5`, `A1:H3`, `B:B`, `2:4`, `Sheet!A1`. */
import { a1, columnLetters } from '../../../src/core/address';
import { FakeExcelError } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

function parseEnd(text: string): { r?: number; c?: number } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { r?: number; c?: number } = {};
  if (m[1]) out.c = columnIndex(m[1]);
  if (m[2]) out.r = Number(m[2]) - 1;
  return out;
}

/** One rectangle; a sheet prefix (`'Sheet'!`) is ignored. Throws `InvalidArgument` for anything else. */
export function parseRect(address: string): Rect {
  const text = address.trim();
  const bang = text.lastIndexOf('!');
  const local = bang >= 0 ? text.slice(bang + 1) : text;
  const [a, b = a] = local.split(':');
  const start = parseEnd(a);
  const end = parseEnd(b);
  if (!start || !end || local.split(':').length > 2) throw new FakeExcelError('InvalidArgument', `bad address "${address}"`);
  const wholeColumns = start.r === undefined && end.r === undefined;
  const wholeRows = start.c === undefined && end.c === undefined;
  if ((start.r === undefined) !== (end.r === undefined) || (start.c === undefined) !== (end.c === undefined)) {
    throw new FakeExcelError('InvalidArgument', `bad address "${address}"`);
  }
  const top = wholeColumns ? 0 : Math.min(start.r!, end.r!);
  const bottom = wholeColumns ? MAX_ROWS - 1 : Math.max(start.r!, end.r!);
  const left = wholeRows ? 0 : Math.min(start.c!, end.c!);
  const right = wholeRows ? MAX_COLS - 1 : Math.max(start.c!, end.c!);
  if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLS) throw new FakeExcelError('InvalidArgument', `address out of the sheet "${address}"`);
  return { top, left, bottom, right };
}

/** Comma- (or semicolon-) separated rectangles, as `Worksheet.getRanges` takes them. */
export function parseAreas(address: string): Rect[] {
  return address.split(/[,;]/).map((part) => parseRect(part));
}

export function rectA1(rect: Rect): string {
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1) return `${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  const start = a1(rect.top, rect.left);
  const end = a1(rect.bottom, rect.right);
  return start === end ? start : `${start}:${end}`;
}

/** Excel's way of prefixing a sheet: quoted unless the name is plain letters, digits and underscores. */
export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

export function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
