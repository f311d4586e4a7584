/**
 * A cell's own fill as `HighlightRecord.originalFill`, in the same forms the xlsx host writes
 * (src/hosts/xlsx/fillCodec.ts): `null` for no fill, an ARGB string (`FFC6EFCE`) for a plain solid
 * colour, and JSON for anything else. So a record written by either host restores in the other.
 *
 * Office.js reports a cell without fill as colour `#FFFFFF`, like a white one (office-js issues #4900,
 * #6218); the difference is `tintAndShade`, which is `null` for no fill and a number for any fill
 * (ExcelApi 1.9). Before 1.9 there is only the colour, and `#FFFFFF` is taken as no fill.
 */

/** Fill properties as `getCellProperties` or `RangeFill.load` give them; `null` means "not uniform". */
export interface OfficeFill {
  color?: string | null;
  pattern?: string | null;
  tintAndShade?: number | null;
  patternColor?: string | null;
  patternTintAndShade?: number | null;
}

const ARGB = /^[0-9A-Fa-f]{8}$/;
const HASH_RGB = /^#[0-9A-Fa-f]{6}$/;
const WHITE = '#FFFFFF';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One cell's fill (full properties, ExcelApi 1.9) as a record value. */
export function encodeCellFill(f: OfficeFill): string | null {
  if (f.pattern === 'None' || f.tintAndShade === null || f.tintAndShade === undefined) return null;
  const color = typeof f.color === 'string' ? f.color.toUpperCase() : '';
  const solid = (f.pattern === 'Solid' || f.pattern === null || f.pattern === undefined) && f.tintAndShade === 0;
  if (solid && HASH_RGB.test(color)) return `FF${color.slice(1)}`;
  const office: OfficeFill = { color: f.color ?? null, pattern: f.pattern ?? null, tintAndShade: f.tintAndShade };
  if (f.patternColor !== undefined) office.patternColor = f.patternColor;
  if (f.patternTintAndShade !== undefined) office.patternTintAndShade = f.patternTintAndShade;
  return JSON.stringify({ office });
}

/** One cell's fill from its colour alone (before ExcelApi 1.9). */
export function encodeColorOnly(color: string | null | undefined): string | null {
  if (typeof color !== 'string' || !HASH_RGB.test(color)) return null;
  const hex = color.toUpperCase();
  return hex === WHITE ? null : `FF${hex.slice(1)}`;
}

/**
 * The fill shared by every cell of a RangeAreas (or a range), or `undefined` when the cells differ and
 * each must be read on its own. All-no-fill areas read as white with no tint; white mixed with no fill
 * reads the same and is taken as no fill.
 */
export function uniformFill(f: OfficeFill): string | null | undefined {
  if (f.color === null || f.color === undefined) return undefined;
  if (f.pattern === 'None') return null;
  if (f.tintAndShade === null || f.tintAndShade === undefined) {
    return f.color.toUpperCase() === WHITE && (f.pattern === null || f.pattern === undefined) ? null : undefined;
  }
  return encodeCellFill(f);
}

export type DecodedFill =
  | { kind: 'none' }
  | { kind: 'solid'; color: string }
  | { kind: 'office'; fill: OfficeFill }
  | { kind: 'unknown' };

/** What a record says to put back; `unknown` for forms this host cannot draw (theme colours). */
export function decodeFill(stored: string | null): DecodedFill {
  if (stored === null) return { kind: 'none' };
  if (ARGB.test(stored)) return { kind: 'solid', color: `#${stored.slice(2).toUpperCase()}` };
  if (HASH_RGB.test(stored)) return { kind: 'solid', color: stored.toUpperCase() };
  if (!stored.startsWith('{')) return { kind: 'unknown' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { kind: 'unknown' };
  }
  if (!isRecord(parsed)) return { kind: 'unknown' };
  if (isRecord(parsed.office) && typeof parsed.office.color === 'string') return { kind: 'office', fill: parsed.office as OfficeFill };
  // A fill the xlsx host recorded (an ExcelJS fill object): a plain solid RGB colour can be drawn.
  if (parsed.type === 'pattern' && parsed.pattern === 'none') return { kind: 'none' };
  if (parsed.type === 'pattern' && parsed.pattern === 'solid' && isRecord(parsed.fgColor)) {
    const fg = parsed.fgColor;
    if (typeof fg.argb === 'string' && ARGB.test(fg.argb) && Object.keys(fg).length === 1) {
      return { kind: 'solid', color: `#${fg.argb.slice(2).toUpperCase()}` };
    }
  }
  return { kind: 'unknown' };
}

/** Queues `fill` on a range's fill; returns the calls queued. Nothing for `unknown`. */
export function drawFill(target: Excel.RangeFill, fill: DecodedFill, patterns: boolean): number {
  switch (fill.kind) {
    case 'none':
      target.clear();
      return 1;
    case 'solid':
      target.color = fill.color;
      return 1;
    case 'office': {
      const f = fill.fill;
      target.clear();
      if (typeof f.color === 'string') target.color = f.color;
      let calls = 2;
      if (patterns) {
        if (typeof f.pattern === 'string' && f.pattern !== 'Solid') target.pattern = f.pattern as Excel.FillPattern;
        if (typeof f.tintAndShade === 'number') target.tintAndShade = f.tintAndShade;
        if (typeof f.patternColor === 'string') target.patternColor = f.patternColor;
        if (typeof f.patternTintAndShade === 'number') target.patternTintAndShade = f.patternTintAndShade;
        calls += 4;
      }
      return calls;
    }
    case 'unknown':
      return 0;
  }
}
