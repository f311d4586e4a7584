/**
 * Year and quarter of an Excel serial date: one array read for the years ledgers use (1990–2050), else a
 * binary search over the quarters' first days, both computed once: no calendar conversion per row, which
 * matters at a million rows.
 */
import { MAX_SERIAL, toSerial } from '../parse/date';

/** Serials start on 1900-01-01 and end on 9999-12-31. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** A local copy: this runs once per row, and some module loaders turn imported constants into getters. */
const LAST_SERIAL = MAX_SERIAL;

let starts: Int32Array | null = null;

function quarterStarts(): Int32Array {
  if (starts) return starts;
  const out = new Int32Array((LAST_YEAR - FIRST_YEAR + 1) * 4);
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (let q = 0; q < 4; q++) out[(y - FIRST_YEAR) * 4 + q] = toSerial({ y, m: q * 3 + 1, d: 1 });
  }
  starts = out;
  return out;
}

/** Ledgers' dates fall in these years nearly always: one array read per date there (≈ 80 KB, built once). */
const DIRECT_FIRST_YEAR = 1990;
const DIRECT_LAST_YEAR = 2050;
let direct: Int32Array | null = null;
let directFirst = 0;

function directTable(): Int32Array {
  if (direct) return direct;
  const s = quarterStarts();
  const from = (DIRECT_FIRST_YEAR - FIRST_YEAR) * 4;
  const to = (DIRECT_LAST_YEAR - FIRST_YEAR + 1) * 4;
  directFirst = s[from];
  const out = new Int32Array(s[to] - directFirst);
  for (let q = from; q < to; q++) out.fill(FIRST_YEAR * 4 + q, s[q] - directFirst, s[q + 1] - directFirst);
  direct = out;
  return out;
}

/** year × 4 + quarter (0–3) of a serial date, or -1 when it is not a valid serial (< 1 or past 9999). */
export function quarterOfSerial(serial: number): number {
  if (!(serial >= 1 && serial <= LAST_SERIAL)) return -1;
  const table = directTable();
  const k = serial - directFirst;
  if (k >= 0 && k < table.length && k === Math.floor(k)) return table[k];
  const s = quarterStarts();
  // The last quarter whose first day is on or before `serial`.
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= serial) lo = mid;
    else hi = mid - 1;
  }
  return FIRST_YEAR * 4 + lo;
}
