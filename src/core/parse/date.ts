/**
 * Calendar dates as workbooks hold them: Excel serial numbers (1900 date system) with a date format, or
 * text such as `2023-05-01`, `2023/5/1`, `2023年5月1日`, `2023.5.1`, `20230501`.
 *
 * All arithmetic is on whole days, with no time zones and no Date object, so a date never shifts by one
 * depending on where the code runs.
 */
import type { CellScalar } from '../snapshot';
import { normalizeText } from './text';

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

/** The largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2958465;

/** Without a format, only numbers in this range are taken for dates (1954-10-03 … 2119-01-11). */
const UNFORMATTED_MIN = 20000;
const UNFORMATTED_MAX = 80000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d };
}

/** Serial 0 is 1900-01-00, i.e. 1899-12-31, for serials 1–59. */
const EPOCH_BEFORE_LEAP_BUG = daysFromCivil(1899, 12, 31);
/** From serial 61 (1900-03-01) on, Excel counts one fake day (1900-02-29), so serial 0 is 1899-12-30. */
const EPOCH_AFTER_LEAP_BUG = daysFromCivil(1899, 12, 30);
/** Excel's fictitious 1900-02-29. */
const FAKE_LEAP_SERIAL = 60;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Whether y-m-d is a real calendar day (year 1–9999). 2023-02-30 and 1900-02-29 are not. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/**
 * The Excel serial number (1900 date system) of a date: 1900-01-01 → 1, 1900-02-28 → 59,
 * 1900-03-01 → 61. Excel's fictitious 1900-02-29 → 60, so that fromSerial(60) round-trips.
 */
export function toSerial(date: LocalDate): number {
  if (date.y === 1900 && date.m === 2 && date.d === 29) return FAKE_LEAP_SERIAL;
  const days = daysFromCivil(date.y, date.m, date.d);
  return days < daysFromCivil(1900, 3, 1) ? days - EPOCH_BEFORE_LEAP_BUG : days - EPOCH_AFTER_LEAP_BUG;
}

/**
 * The date of an Excel serial number; a fraction (the time of day) is dropped. Serial 60 is Excel's
 * fictitious 1900-02-29 and is returned as such ({1900, 2, 29}); parseDate refuses it.
 */
export function fromSerial(serial: number): LocalDate {
  const whole = Math.floor(serial);
  if (whole === FAKE_LEAP_SERIAL) return { y: 1900, m: 2, d: 29 };
  return civilFromDays(whole + (whole < FAKE_LEAP_SERIAL ? EPOCH_BEFORE_LEAP_BUG : EPOCH_AFTER_LEAP_BUG));
}

/** `2023-05-01`. */
export function formatDate(date: LocalDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.y, 4)}-${pad(date.m, 2)}-${pad(date.d, 2)}`;
}

/** Negative when a is before b, 0 on the same day, positive when after. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * Removes the parts of a format code that are displayed literally: quoted text ("年"), escaped
 * characters (\d), padding (_)) and bracketed sections ([Red], [$-804], [DBNum1]). What is left holds
 * only the placeholders.
 */
function placeholders(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/**
 * Whether a number format displays a date or a time: its first section has y/m/d/h/s placeholders
 * outside quoted text, escapes and [brackets] (`yyyy-mm-dd`, `yyyy"年"m"月"d"日"`, `[DBNum1]yyyy年m月d日`),
 * or an elapsed-time section such as `[h]:mm`. `0.00`, `0%`, `#,##0"人"`, `0"年"` and `General` are not.
 * The hosts ask the same question when deciding which formats the snapshot keeps (hosts/shared/numberFormat.ts).
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const firstSection = format.split(';')[0] ?? '';
  if (/^general$/i.test(firstSection.trim())) return false;
  if (/\[(h+|m+|s+)\]/i.test(firstSection)) return true;
  return /[ymdhs年月日]/i.test(placeholders(firstSection));
}

/**
 * How a number in a cell of this format is read as a date (parseDate's rule for numbers): any serial
 * (`'any'`, a date format), only a plausible one of 1954–2119 (`'plausible'`, no format), or none
 * (`'none'`, a number format such as `0.00` or `0%`). readLedger decides once per format run with this.
 */
export type SerialReading = 'any' | 'plausible' | 'none';

export function serialReading(format: string | undefined): SerialReading {
  if (isDateFormat(format)) return 'any';
  return isUnformatted(format) ? 'plausible' : 'none';
}

/** Whether the number `v`, read as `reading` says, is an Excel serial date (serial 60, 1900-02-29, is not). */
export function isSerialDate(v: number, reading: SerialReading): boolean {
  if (!(v >= 1 && v <= MAX_SERIAL) || reading === 'none') return false;
  if (reading === 'plausible' && !(v >= UNFORMATTED_MIN && v <= UNFORMATTED_MAX)) return false;
  return Math.floor(v) !== FAKE_LEAP_SERIAL;
}

function isUnformatted(format: string | undefined): boolean {
  return format === undefined || format.trim() === '' || /^general$/i.test(format.trim());
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?`;
const DASHED = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:\s*(?:T|\s)\s*${TIME})?$`, 'i');
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*${TIME})?$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A cell's value as a calendar date, or null.
 *
 * - A number is an Excel serial (1900 date system) when it lies in [1, 2958465] and either the format is a
 *   date format, or there is no format (undefined, '' or `General`) and the number lies in [20000, 80000]
 *   (1954–2119). A non-date format such as `0.00` means it is not a date. Serial 60, Excel's fictitious
 *   1900-02-29, is null.
 * - Text, after normalizeText (so full-width digits are fine): `2023-05-01`, `2023/5/1`, `2023.5.1`
 *   (one separator throughout), `2023年5月1日` (or 号), each optionally followed by a time (`10:30`),
 *   and 8 digits `20230501`. Impossible dates (2023-02-30) → null.
 * - Booleans, errors, empty → null.
 */
export function parseDate(v: CellScalar, format?: string): LocalDate | null {
  if (typeof v === 'number') return isSerialDate(v, serialReading(format)) ? fromSerial(v) : null;
  if (typeof v !== 'string') return null;
  return parseDateText(normalizeText(v));
}

/** A date in already-normalised text, under the rules of parseDate. */
export function parseDateText(text: string): LocalDate | null {
  const dashed = DASHED.exec(text);
  const parts = dashed
    ? [dashed[1], dashed[3], dashed[4]]
    : (CHINESE.exec(text) ?? COMPACT.exec(text))?.slice(1, 4);
  if (!parts) return null;
  const [y, m, d] = parts.map(Number);
  return isValidDate(y, m, d) ? { y, m, d } : null;
}
