import {
  compareDates,
  formatDate,
  fromSerial,
  isDateFormat,
  parseDate,
  toSerial,
} from '../../src/core/parse/date';

const may1 = { y: 2023, m: 5, d: 1 };

describe('parseDate: payment and audit dates as ledgers hold them', () => {
  it('a date cell stored as an Excel serial with a date format reads as its day', () => {
    expect(parseDate(45047, 'yyyy-mm-dd')).toEqual(may1);
  });

  it('a Chinese date format, yyyy"年"m"月"d"日", is a date format', () => {
    expect(parseDate(45047, 'yyyy"年"m"月"d"日"')).toEqual(may1);
    expect(parseDate(45047, '[$-804]yyyy"年"m"月"d"日";@')).toEqual(may1);
  });

  it('a serial with a time of day reads as its day', () => {
    expect(parseDate(45047.4375, 'yyyy/m/d h:mm')).toEqual(may1);
  });

  it('a serial with no format reads as a date when it falls between 1954 and 2119', () => {
    expect(parseDate(45047)).toEqual(may1);
    expect(parseDate(45047, 'General')).toEqual(may1);
  });

  it('a small count with no format is not taken for a date', () => {
    expect(parseDate(3100)).toBeNull();
  });

  it('a number shown with a number format is an amount, not a date', () => {
    expect(parseDate(45047, '0.00')).toBeNull();
    expect(parseDate(45047, '#,##0.00"元"')).toBeNull();
  });

  it('text 2023-05-01 reads as 1 May 2023', () => {
    expect(parseDate('2023-05-01')).toEqual(may1);
  });

  it('text 2023/5/1 reads as 1 May 2023', () => {
    expect(parseDate('2023/5/1')).toEqual(may1);
  });

  it('text 2023年5月1日 reads as 1 May 2023', () => {
    expect(parseDate('2023年5月1日')).toEqual(may1);
  });

  it('text 2023.5.1 reads as 1 May 2023', () => {
    expect(parseDate('2023.5.1')).toEqual(may1);
  });

  it('text 2023-5-1 10:30 with a time reads as 1 May 2023', () => {
    expect(parseDate('2023-5-1 10:30')).toEqual(may1);
  });

  it('eight digits, 20230501, read as 1 May 2023', () => {
    expect(parseDate('20230501')).toEqual(may1);
  });

  it('a date in full-width digits, ２０２３年５月１日, reads as 1 May 2023', () => {
    expect(parseDate('２０２３年５月１日')).toEqual(may1);
  });

  it('a date with stray and full-width spaces reads the same', () => {
    expect(parseDate('\u3000 2023年 5月 1日 ')).toEqual(may1);
  });

  it('a day that does not exist, 2023-02-30, is not a date', () => {
    expect(parseDate('2023-02-30')).toBeNull();
    expect(parseDate('20231301')).toBeNull();
  });

  it('29 February exists in a leap year only', () => {
    expect(parseDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseDate('2023-02-29')).toBeNull();
  });

  it('mixed separators, 2023-5/1, are not a date', () => {
    expect(parseDate('2023-5/1')).toBeNull();
  });

  it('empty cells, spaces, errors and booleans are not dates', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate('\u3000')).toBeNull();
    expect(parseDate({ error: '#REF!' })).toBeNull();
    expect(parseDate({ error: '#DIV/0!' })).toBeNull();
    expect(parseDate(true)).toBeNull();
  });
});

describe('Excel serial numbers and the 1900 leap-year bug', () => {
  it('serial 1 is 1900-01-01', () => {
    expect(fromSerial(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(toSerial({ y: 1900, m: 1, d: 1 })).toBe(1);
  });

  it('serial 59 is 1900-02-28', () => {
    expect(fromSerial(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(toSerial({ y: 1900, m: 2, d: 28 })).toBe(59);
  });

  it('serial 60 is Excel’s fictitious 1900-02-29, which parseDate refuses', () => {
    expect(fromSerial(60)).toEqual({ y: 1900, m: 2, d: 29 });
    expect(toSerial({ y: 1900, m: 2, d: 29 })).toBe(60);
    expect(parseDate(60, 'yyyy-mm-dd')).toBeNull();
  });

  it('serial 61 is 1900-03-01', () => {
    expect(fromSerial(61)).toEqual({ y: 1900, m: 3, d: 1 });
    expect(toSerial({ y: 1900, m: 3, d: 1 })).toBe(61);
    expect(parseDate(61, 'yyyy-mm-dd')).toEqual({ y: 1900, m: 3, d: 1 });
  });

  it('1 May 2023 is serial 45047 and 31 December 9999 the last serial Excel knows', () => {
    expect(toSerial(may1)).toBe(45047);
    expect(toSerial({ y: 9999, m: 12, d: 31 })).toBe(2958465);
    expect(parseDate(2958466, 'yyyy-mm-dd')).toBeNull();
  });

  it('serials below 1 are not dates', () => {
    expect(parseDate(0, 'yyyy-mm-dd')).toBeNull();
    expect(parseDate(-5, 'yyyy-mm-dd')).toBeNull();
  });
});

describe('date formats, formatting and order', () => {
  it('recognises date formats and rejects number formats', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('m/d/yy')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('0%')).toBe(false);
    expect(isDateFormat('#,##0"人"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });

  it('reads 年月日 and time formats as dates, but not a count of years written 0"年"', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[DBNum1]yyyy年m月d日')).toBe(true);
    expect(isDateFormat('[$-804]yyyy/m/d')).toBe(true);
    expect(isDateFormat('[h]:mm')).toBe(true);
    expect(isDateFormat('hh:mm:ss')).toBe(true);
    expect(isDateFormat('0"年"')).toBe(false);
    expect(isDateFormat('#,##0.00"元/人次"')).toBe(false);
    expect(isDateFormat('[Red]0.00;-0.00')).toBe(false);
  });

  it('a date is written 2023-05-01', () => {
    expect(formatDate(may1)).toBe('2023-05-01');
  });

  it('an audit date after the payment date compares as later', () => {
    expect(compareDates({ y: 2023, m: 5, d: 8 }, may1)).toBeGreaterThan(0);
    expect(compareDates(may1, { y: 2023, m: 5, d: 8 })).toBeLessThan(0);
    expect(compareDates(may1, { ...may1 })).toBe(0);
  });
});
