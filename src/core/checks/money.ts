/**
 * Money as the checks handle it: integer 分, so 0.1 + 0.2 never fails a 600 元 ceiling; shown in 元 as
 * officers write it (`1,000.00 元` in sentences, `2000–5000` in the 允许范围 column).
 */
import type { Band } from '../rules/packSchema';

/** A band in 分. */
export interface FenBand {
  min?: number;
  max?: number;
  fixed?: number;
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenBand(b: Band): FenBand {
  const out: FenBand = {};
  if (b.min !== undefined) out.min = yuanToFen(b.min);
  if (b.max !== undefined) out.max = yuanToFen(b.max);
  if (b.fixed !== undefined) out.fixed = yuanToFen(b.fixed);
  return out;
}

/** `1234567` → `1,234,567`. */
export function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1,000.00` — two decimals with thousands separators, for the amount found. */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen)) return String(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** `2,000` or `2,000.50` — a standard as the documents print it. */
export function formatLimit(fen: number): string {
  const abs = Math.abs(fen);
  const whole = `${fen < 0 ? '-' : ''}${grouped(Math.floor(abs / 100))}`;
  return abs % 100 === 0 ? whole : `${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** `2000` or `2000.5` — plain, for the 允许范围 column. */
export function plainYuan(fen: number): string {
  return String(fen / 100);
}

/** The 允许范围 of a band: `2000–5000`, `≤3000`, `≥1000`, or `200` for a fixed amount. */
export function bandAllowed(b: FenBand): string {
  if (b.fixed !== undefined) return plainYuan(b.fixed);
  if (b.min !== undefined && b.max !== undefined) return `${plainYuan(b.min)}–${plainYuan(b.max)}`;
  if (b.max !== undefined) return `≤${plainYuan(b.max)}`;
  if (b.min !== undefined) return `≥${plainYuan(b.min)}`;
  return '';
}

/** The band in a sentence: `2,000–5,000 元`, `不超过 3,000 元`, `不低于 1,000 元`, `200 元`. */
export function bandText(b: FenBand): string {
  if (b.fixed !== undefined) return `${formatLimit(b.fixed)} 元`;
  if (b.min !== undefined && b.max !== undefined) return `${formatLimit(b.min)}–${formatLimit(b.max)} 元`;
  if (b.max !== undefined) return `不超过 ${formatLimit(b.max)} 元`;
  if (b.min !== undefined) return `不低于 ${formatLimit(b.min)} 元`;
  return '';
}

/** How an amount misses a band: 'below', 'above', or null when it is within. */
export function outsideBand(fen: number, b: FenBand): 'below' | 'above' | null {
  if (b.fixed !== undefined) return fen === b.fixed ? null : fen < b.fixed ? 'below' : 'above';
  if (b.min !== undefined && fen < b.min) return 'below';
  if (b.max !== undefined && fen > b.max) return 'above';
  return null;
}
