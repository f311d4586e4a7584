/**
 * Working days (工作日) on China's official calendar: weekdays, minus the public holidays, plus the
 * make-up workdays (调休上班, often a Sunday) that the State Council publishes each year. The data comes
 * from the maintained `chinese-days` package, not a hand-made list; a date in a year it does not cover is
 * reported as such and never counted as plain Monday–Friday.
 *
 * Convention: `workingDaysBetween(from, to)` counts the working days after `from` up to and including
 * `to` — the day an application arrives is day 0, the next working day is day 1. Application on Thursday
 * 2024-02-08, audit on Monday 2024-02-19 → 3 (Fri 02-09, the make-up Sunday 02-18, Mon 02-19; the
 * 春节 holiday 02-10…02-17 does not count). When `to` is before `from` the count is negative.
 */
import calendar from 'chinese-days/dist/chinese-days.json';
import { fromSerial, parseDateText, toSerial } from '../parse/date';

interface OfficialCalendar {
  /** Serial of January 1 of the first covered year. */
  first: number;
  /** Serial of December 31 of the last covered year. */
  last: number;
  firstYear: number;
  lastYear: number;
  /** cumulative[k] = working days in [first, first + k - 1]; so cumulative[0] = 0. */
  cumulative: Int32Array;
}

let table: OfficialCalendar | null = null;

function serialsOf(days: Record<string, string>): Set<number> {
  const out = new Set<number>();
  for (const key of Object.keys(days)) {
    const d = parseDateText(key);
    if (d) out.add(toSerial(d));
  }
  return out;
}

/**
 * One cumulative count over every covered day, built once: each lookup is then two array reads, so a
 * million rows cost a million subtractions. Covered years are those the data lists holidays for.
 */
function officialCalendar(): OfficialCalendar {
  if (table) return table;
  const holidays = serialsOf(calendar.holidays);
  const workdays = serialsOf(calendar.workdays);
  const years = Object.keys(calendar.holidays).map((k) => Number(k.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  const first = toSerial({ y: firstYear, m: 1, d: 1 });
  const last = toSerial({ y: lastYear, m: 12, d: 31 });
  // 2024-01-01 was a Monday; weekday offsets are taken from it (0 = Monday … 6 = Sunday).
  const monday = toSerial({ y: 2024, m: 1, d: 1 });
  const cumulative = new Int32Array(last - first + 2);
  for (let s = first; s <= last; s++) {
    const weekday = (((s - monday) % 7) + 7) % 7;
    const work = workdays.has(s) || (weekday < 5 && !holidays.has(s));
    cumulative[s - first + 1] = cumulative[s - first] + (work ? 1 : 0);
  }
  table = { first, last, firstYear, lastYear, cumulative };
  return table;
}

/** The years the official calendar covers, for messages (`2004–2026`). */
export function calendarYears(): { first: number; last: number } {
  const c = officialCalendar();
  return { first: c.firstYear, last: c.lastYear };
}

/** Whether a date (Excel serial) is a working day, or null outside the calendar. */
export function isWorkingDay(serial: number): boolean | null {
  const c = officialCalendar();
  if (serial < c.first || serial > c.last) return null;
  return c.cumulative[serial - c.first + 1] - c.cumulative[serial - c.first] === 1;
}

/**
 * Working days after `from` up to and including `to` (Excel serials; see the file comment), or the year
 * of the first date the calendar does not cover.
 */
export function workingDaysBetween(from: number, to: number): number | { outsideCalendar: number } {
  const c = officialCalendar();
  if (from < c.first || from > c.last) return { outsideCalendar: fromSerial(from).y };
  if (to < c.first || to > c.last) return { outsideCalendar: fromSerial(to).y };
  return c.cumulative[to - c.first + 1] - c.cumulative[from - c.first + 1];
}
