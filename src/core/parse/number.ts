/**
 * Plain numbers, whether Excel stored them as numbers or the officer typed them as text.
 */
import type { CellScalar } from '../snapshot';
import { normalizeText } from './text';

/** Digits with optional thousands separators, an optional decimal part and an optional exponent. */
const NUMERIC_BODY = /^(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A cell's value as a number, or null when it is not one.
 *
 * - A number passes through (NaN and ±Infinity → null). A percentage cell already holds the fraction
 *   (0.8 shown as 80%), so `format` does not change it; the parameter exists so that every parser has the
 *   same signature and is otherwise ignored.
 * - Text is read after normalizeText (全角 → 半角, stray and full-width spaces): `6,000,000.00`, `600，000`,
 *   `２００`, a leading `+`/`-`/`−`, a leading `¥`/`$`, accounting negatives `(1,200.00)`, a trailing `%`
 *   (÷100: `98.44%` → 0.9844) or `‰` (÷1000), and exponents (`1.5E+3`).
 * - Thousands separators must group by three (`6,00,000` → null). A trailing unit is not a number here
 *   (`3100人` → null): use parseQuantity.
 * - Empty text, booleans, errors and null → null.
 */
export function parseNumber(v: CellScalar, format?: string): number | null {
  void format;
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null;
  if (typeof v !== 'string') return null;
  return parseNumericText(normalizeText(v));
}

/** The number in already-normalised text, under the rules of parseNumber. */
export function parseNumericText(text: string): number | null {
  let t = text.trim();
  if (t === '') return null;
  let negative = false;

  const parens = /^\((.*)\)$/.exec(t);
  if (parens) {
    negative = true;
    t = parens[1].trim();
  }

  let shift = 0; // powers of ten to divide by
  const percent = /^(.*?)\s*([%‰])$/.exec(t);
  if (percent) {
    shift = percent[2] === '%' ? 2 : 3;
    t = percent[1];
  }

  t = t.replace(/^[¥$]\s*/, '');
  const sign = /^([+\-−])\s*(.*)$/.exec(t);
  if (sign) {
    if (parens) return null; // `(-5)` is not a way anyone writes a number
    if (sign[1] !== '+') negative = !negative;
    t = sign[2];
  }
  t = t.replace(/^[¥$]\s*/, '');

  if (!NUMERIC_BODY.test(t)) return null;
  const plain = t.replace(/,/g, '');
  // Shift the decimal exponent rather than divide, so 98.44% is exactly 0.9844 and not 0.9844000000000001.
  const exp = /^(.*?)(?:e([+-]?\d+))?$/i.exec(plain);
  if (!exp) return null;
  const mantissa = exp[1];
  const power = (exp[2] === undefined ? 0 : Number(exp[2])) - shift;
  const n = Number(power === 0 ? mantissa : `${mantissa}e${power}`);
  if (!Number.isFinite(n)) return null;
  return (negative ? -n : n) + 0;
}
