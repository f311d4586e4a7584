/**
 * Dates as Excel serial numbers in the 1900 date system, the form the core expects (SPEC §3).
 *
 * ExcelJS turns date-formatted numbers into `Date` objects on load (honouring a workbook's 1904 date
 * system), so converting back with the 1900 epoch always yields the calendar date the officer sees,
 * whatever the file's own date system was.
 */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** `Date` → serial (2023-05-01 → 45047); `null` for an invalid date. */
export function dateToSerial(date: Date): number | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  // One correctly rounded division: whole days come out as integers and times as the nearest double,
  // which is also what Excel stores. No further rounding, which would only move values off it.
  return (ms - EPOCH_1900_MS) / MS_PER_DAY;
}
