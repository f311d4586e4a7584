/**
 * Row heights that fit wrapped text (issue 15): hosts leave a row at its default height, so a long
 * 偏差原因 or 说明 wrapped in its cell overlapped the next row when printed. The height is estimated from
 * the text's display width (a CJK character takes two of Excel's width units) against the column's width,
 * merged columns counted together, one line per 15 points at the default 11-point font.
 */
import { parseRangeA1 } from '../address';
import type { OutputCell, StyleName } from '../patch';
import { STYLES } from '../patch';

const LINE_POINTS = 15;
const PADDING_POINTS = 3;
/** Excel's default row: one line. */
const DEFAULT_POINTS = 15;
/** Excel refuses rows taller than 409 points. */
const MAX_POINTS = 409;

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}

function linesOf(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

function wraps(style: StyleName | undefined): boolean {
  return style !== undefined && STYLES[style].wrap === true;
}

/** Heights by row: null where one line at the default height holds every cell. */
export function fitRowHeights(rows: readonly (OutputCell | null)[][], columnWidths: readonly number[], merges: readonly string[] = []): (number | null)[] {
  // The width a cell's text wraps in: its column's, or its merged area's.
  const spans = new Map<string, number>();
  for (const m of merges) {
    const r = parseRangeA1(m);
    if (!r || r.top !== r.bottom) continue;
    let w = 0;
    for (let c = r.left; c <= r.right; c++) w += columnWidths[c] ?? 8.43;
    spans.set(`${r.top}:${r.left}`, w);
  }
  return rows.map((row, r) => {
    let points = DEFAULT_POINTS;
    row.forEach((cell, c) => {
      if (!cell || typeof cell.v !== 'string' || !wraps(cell.style)) return;
      const width = spans.get(`${r}:${c}`) ?? columnWidths[c] ?? 8.43;
      const fontScale = (cell.style && STYLES[cell.style].fontSize ? STYLES[cell.style].fontSize! : 11) / 11;
      const lines = linesOf(cell.v, width / fontScale);
      points = Math.max(points, lines * LINE_POINTS * fontScale + (lines > 1 ? PADDING_POINTS : 0));
    });
    return points > DEFAULT_POINTS ? Math.min(MAX_POINTS, Math.ceil(points)) : null;
  });
}
