import fc from 'fast-check';
import { getWorkdaysInRange } from 'chinese-days';
import { calendarYears, isWorkingDay, workingDaysBetween } from '../../src/core/checks/workingDays';
import { formatDate, fromSerial, toSerial } from '../../src/core/parse/date';

const day = (text: string): number => {
  const [y, m, d] = text.split('-').map(Number);
  return toSerial({ y, m, d });
};

describe('working days on the official calendar', () => {
  it('an application on Thursday 2024-02-08 audited on Monday 2024-02-19 took 3 working days across the Spring Festival', () => {
    // 春节 2024: holidays 02-10 … 02-17; make-up workdays Sunday 02-04 and Sunday 02-18.
    expect(workingDaysBetween(day('2024-02-08'), day('2024-02-19'))).toBe(3);
  });

  it('the Sundays 2024-02-04 and 2024-02-18 were make-up workdays and the Monday 2024-02-12 a holiday', () => {
    expect(isWorkingDay(day('2024-02-04'))).toBe(true);
    expect(isWorkingDay(day('2024-02-18'))).toBe(true);
    expect(isWorkingDay(day('2024-02-12'))).toBe(false);
    expect(isWorkingDay(day('2024-02-25'))).toBe(false);
  });

  it('from Monday 2024-09-30 to Tuesday 2024-10-08 is 1 working day across 国庆', () => {
    expect(workingDaysBetween(day('2024-09-30'), day('2024-10-08'))).toBe(1);
  });

  it('Saturday 2024-10-12 was a make-up workday after 国庆, Sunday 2024-10-13 was not', () => {
    expect(workingDaysBetween(day('2024-10-11'), day('2024-10-12'))).toBe(1);
    expect(workingDaysBetween(day('2024-10-12'), day('2024-10-14'))).toBe(1);
  });

  it('30 working days after a payment on 2023-09-20 end on 2023-11-07, not 34 weekdays as Monday–Friday would have it', () => {
    expect(workingDaysBetween(day('2023-09-20'), day('2023-11-07'))).toBe(30);
    expect(workingDaysBetween(day('2023-09-20'), day('2023-11-08'))).toBe(31);
  });

  it('the same day is 0 working days, and a date before counts negative', () => {
    expect(workingDaysBetween(day('2023-05-10'), day('2023-05-10'))).toBe(0);
    expect(workingDaysBetween(day('2023-05-12'), day('2023-05-10'))).toBe(-2);
  });

  it('a date in a year the calendar does not cover is reported with its year, never guessed', () => {
    const { first, last } = calendarYears();
    expect(first).toBeLessThanOrEqual(2004);
    expect(workingDaysBetween(day(`${last + 1}-01-04`), day(`${last + 1}-01-05`))).toEqual({ outsideCalendar: last + 1 });
    expect(workingDaysBetween(day('2023-12-29'), day(`${last + 1}-01-05`))).toEqual({ outsideCalendar: last + 1 });
    expect(workingDaysBetween(day(`${first - 1}-12-30`), day(`${first}-01-05`))).toEqual({ outsideCalendar: first - 1 });
  });

  it('agrees with chinese-days itself on any two dates it covers', () => {
    const { first, last } = calendarYears();
    const lo = toSerial({ y: first, m: 1, d: 1 });
    const hi = toSerial({ y: last, m: 12, d: 31 });
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi - 1 }), fc.integer({ min: 0, max: 120 }), (from, span) => {
        const to = Math.min(hi, from + span);
        const expected = to > from ? getWorkdaysInRange(formatDate(fromSerial(from + 1)), formatDate(fromSerial(to))).length : 0;
        expect(workingDaysBetween(from, to)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
