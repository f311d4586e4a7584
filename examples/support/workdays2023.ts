/**
 * The 2023 official holiday arrangement (国办发明电〔2022〕16号), used only to place sample dates on
 * working days. The product itself must use a maintained calendar package (SPEC §5); this list exists
 * so fixtures never depend on one.
 */
const HOLIDAYS_2023 = new Set<string>([
  '2023-01-02',
  '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27',
  '2023-04-05',
  '2023-05-01', '2023-05-02', '2023-05-03',
  '2023-06-22', '2023-06-23',
  '2023-09-29', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06',
]);

/** Weekend days that were working days (调休上班). */
const MAKEUP_WORKDAYS_2023 = new Set<string>([
  '2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08',
]);

const DAY_MS = 86_400_000;

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

const isWeekend = (date: Date): boolean => date.getUTCDay() === 0 || date.getUTCDay() === 6;

export function isOfficialWorkday(date: Date): boolean {
  const key = isoDay(date);
  if (MAKEUP_WORKDAYS_2023.has(key)) return true;
  if (HOLIDAYS_2023.has(key)) return false;
  return !isWeekend(date);
}

/**
 * A day everyone agrees is a working day: Monday–Friday and not a holiday. Sample dates use only these,
 * so a check that counts Monday–Friday and one that uses the official calendar agree on them.
 */
export function isPlainWorkday(date: Date): boolean {
  return !isWeekend(date) && isOfficialWorkday(date);
}

/** The n-th plain working day after `date` (n ≥ 1). */
export function addPlainWorkdays(date: Date, n: number): Date {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isPlainWorkday(current)) left--;
  }
  return current;
}

/** Working days strictly after `from` up to and including `to`, by the official calendar. */
export function officialWorkdaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let d = addDays(from, 1); d.getTime() <= to.getTime(); d = addDays(d, 1)) {
    if (isOfficialWorkday(d)) count++;
  }
  return count;
}

/** Monday–Friday days strictly after `from` up to and including `to`, ignoring holidays. */
export function weekdaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let d = addDays(from, 1); d.getTime() <= to.getTime(); d = addDays(d, 1)) {
    if (!isWeekend(d)) count++;
  }
  return count;
}

/** All plain working days in [from, to]. */
export function plainWorkdaysIn(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let d = from; d.getTime() <= to.getTime(); d = addDays(d, 1)) {
    if (isPlainWorkday(d)) days.push(d);
  }
  return days;
}
