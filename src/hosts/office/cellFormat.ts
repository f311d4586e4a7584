/**
 * The shared style table (`STYLES` in the core) in Office.js terms, applied to a `RangeFormat` — of a
 * `Range` or of a whole `RangeAreas` at once — so sheets written in Excel look like the CLI's.
 * Column widths are given in characters (as in the xlsx file format); Office.js sets them in points.
 */
import type { StyleSpec } from '../../core/patch';

/** Excel's own hyperlink colour, used when the style does not set a font colour (as the xlsx host). */
export const LINK_COLOR = '#0563C1';

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** `FFD9E1F2` → `#D9E1F2`. */
export function hexOfArgb(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** Queues the style on `format`; returns how many calls it queued (for the payload estimate). */
export function applyStyle(format: Excel.RangeFormat, spec: StyleSpec, link: boolean): number {
  let calls = 0;
  if (spec.fill) {
    format.fill.color = hexOfArgb(spec.fill);
    calls += 2;
  }
  if (spec.bold) {
    format.font.bold = true;
    calls += 2;
  }
  if (spec.fontSize !== undefined) {
    format.font.size = spec.fontSize;
    calls += 2;
  }
  const fontColor = spec.fontColor ? hexOfArgb(spec.fontColor) : link ? LINK_COLOR : undefined;
  if (fontColor) {
    format.font.color = fontColor;
    calls += 2;
  }
  if (link) {
    format.font.underline = 'Single';
    calls += 2;
  }
  if (spec.wrap) {
    format.wrapText = true;
    calls += 1;
  }
  if (spec.align) {
    format.horizontalAlignment = ALIGN[spec.align];
    calls += 1;
  }
  if (spec.border) {
    for (const edge of BORDER_EDGES) format.borders.getItem(edge).style = 'Continuous';
    calls += 1 + BORDER_EDGES.length * 2;
  }
  return calls + 1;
}

/**
 * A column width as the xlsx file format stores it (what the xlsx host writes through ExcelJS, in
 * characters of the default font, Calibri 11 with 7-pixel digits, padding included) as the points
 * Office.js takes: pixels = trunc((256·w + trunc(128/7)) / 256 · 7), and 1 pixel = 0.75 point. So a
 * column looks the same width in a workbook written by the CLI and in one written in Excel.
 */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}
