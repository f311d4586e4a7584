import fc from 'fast-check';
import type { CellScalar } from '../../src/core/snapshot';
import { cellText, normalizeName, normalizeText } from '../../src/core/parse/text';
import { parseNumber } from '../../src/core/parse/number';
import { convertQuantity, parseQuantity } from '../../src/core/parse/quantity';
import { parseActual, parseTarget, parseTimeliness } from '../../src/core/parse/target';
import {
  compareDates,
  formatDate,
  fromSerial,
  isValidDate,
  MAX_SERIAL,
  parseDate,
  toSerial,
} from '../../src/core/parse/date';
import { parseLevel } from '../../src/core/parse/qualitative';

/** Characters that occur in indicator tables, so random text often reaches the interesting branches. */
const TABLE_CHARS = [
  ...'0123456789０１２９,.，．%％‰()（）+-－−~～〜—至到/ \u3000\u00a0\n',
  ...'人次户元万亿年月日号底前完成以上以下以内不低于超过控制在为达到约共计余多名¥≥≤≧≦><=＞＜＝',
  ...'eE"\\',
];

const tableText = fc.string({ unit: fc.constantFrom(...TABLE_CHARS), maxLength: 24 });

/** Any value a host may put in a snapshot cell. */
const anyCell: fc.Arbitrary<CellScalar> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  tableText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.record({ error: fc.string() }),
);

const anyFormat: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('General', '0.00', '0%', '0.00%', 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '#,##0"人"', '0"%"', '0.00,,"万"', '@'),
  fc.string({ maxLength: 12 }),
);

const RUNS = { numRuns: 400 };

describe('no cell can crash the parsers', () => {
  it('every parser returns a value or null for any cell and any format, and never throws', () => {
    fc.assert(
      fc.property(anyCell, anyFormat, (cell, format) => {
        cellText(cell);
        const n = parseNumber(cell, format);
        if (n !== null) expect(Number.isFinite(n)).toBe(true);
        const q = parseQuantity(cell, format);
        if (q !== null) expect(Number.isFinite(q.value)).toBe(true);
        const d = parseDate(cell, format);
        if (d !== null) expect(isValidDate(d.y, d.m, d.d)).toBe(true);
        const t = parseTarget(cell, format);
        if (t?.kind === 'quantitative') {
          expect(Number.isFinite(t.value)).toBe(true);
          if (t.upper !== undefined) expect(t.value).toBeLessThanOrEqual(t.upper);
        }
        const a = parseActual(cell, format);
        if (a?.kind === 'quantitative') expect(Number.isFinite(a.value)).toBe(true);
      }),
      RUNS,
    );
  });

  it('text helpers never throw on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), tableText), (s) => {
        const t = normalizeText(s);
        expect(normalizeText(t)).toBe(t);
        normalizeName(s);
        parseLevel(s);
        parseTimeliness(s);
      }),
      RUNS,
    );
  });

  it('converting any quantity to any unit gives a finite number or null', () => {
    const unit = fc.oneof(fc.constant(null), fc.constantFrom('元', '万元', '亿元', '人', '名', '人次', '%', '‰', '元/人', '万'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.double(), unit, unit, (value, from, to) => {
        const r = convertQuantity({ value, unit: from }, to);
        if (r !== null) expect(Number.isFinite(r)).toBe(true);
      }),
      RUNS,
    );
  });

  it('serial conversions never throw for any number', () => {
    fc.assert(
      fc.property(fc.double(), fc.integer(), fc.integer(), fc.integer(), (serial, y, m, d) => {
        fromSerial(serial);
        toSerial({ y, m, d });
        formatDate({ y, m, d });
      }),
      RUNS,
    );
  });
});

/** 1234567 → 1,234,567 */
function withThousands(n: number): string {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** Digits and commas as typed with a Chinese input method: ０-９ and ，. */
function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/,/g, '，');
}

describe('figures typed with separators read back exactly', () => {
  const safe = fc.integer({ min: -1e15, max: 1e15 });

  it('any whole amount written with thousands separators reads back as itself', () => {
    fc.assert(fc.property(safe, (n) => expect(parseNumber(withThousands(n))).toBe(n + 0)), RUNS);
  });

  it('the same amount typed in full-width digits and commas reads back as itself', () => {
    fc.assert(fc.property(safe, (n) => expect(parseNumber(fullWidth(withThousands(n)))).toBe(n + 0)), RUNS);
  });

  it('an amount with two decimals and separators reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${withThousands(whole)}.${String(cents).padStart(2, '0')}`;
        expect(parseNumber(text)).toBe(Number(`${whole}.${String(cents).padStart(2, '0')}`));
      }),
      RUNS,
    );
  });

  it('a count with a unit reads back as the count and the unit', () => {
    const unit = fc.constantFrom('人', '人次', '户', '次', '个', '元', '万元', '元/人', '项', '家', '期');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), unit, (n, u) => {
        expect(parseQuantity(`${withThousands(n)}${u}`)).toEqual({ value: n, unit: u });
        expect(parseTarget(`≥${withThousands(n)}${u}`)).toEqual({ kind: 'quantitative', comparator: '>=', value: n, unit: u });
      }),
      RUNS,
    );
  });
});

describe('every calendar day Excel knows round-trips', () => {
  const serial = fc.integer({ min: 1, max: MAX_SERIAL }).filter((n) => n !== 60);

  it('serial → date → serial gives the same serial, and the date is a real day', () => {
    fc.assert(
      fc.property(serial, (n) => {
        const date = fromSerial(n);
        expect(isValidDate(date.y, date.m, date.d)).toBe(true);
        expect(toSerial(date)).toBe(n);
        expect(parseDate(n, 'yyyy-mm-dd')).toEqual(date);
      }),
      RUNS,
    );
  });

  it('a day written in any of the usual text forms reads back as that day', () => {
    fc.assert(
      fc.property(serial, (n) => {
        const date = fromSerial(n);
        const { y, m, d } = date;
        const mm = String(m).padStart(2, '0');
        const dd = String(d).padStart(2, '0');
        for (const text of [formatDate(date), `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}.${m}.${d}`, `${y}${mm}${dd}`, `${y}-${m}-${d} 10:30`]) {
          expect(parseDate(text)).toEqual(date);
        }
      }),
      RUNS,
    );
  });

  it('later serials are later days', () => {
    fc.assert(
      fc.property(serial, serial, (a, b) => {
        expect(Math.sign(compareDates(fromSerial(a), fromSerial(b)))).toBe(Math.sign(a - b));
      }),
      RUNS,
    );
  });
});
