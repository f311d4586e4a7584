/**
 * Text as finance staff type it: full-width digits and punctuation (２００, 600，000, （人数）), full-width
 * spaces (\u3000), non-breaking spaces pasted from Word or PDF, and line breaks inside cells.
 */
import { isCellError, type CellScalar } from '../snapshot';

/** Zero-width characters that survive copy-and-paste from web pages and PDFs but are never meaningful. */
const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/**
 * NFKC (全角数字/字母/标点 → 半角, 全角空格 → space), drop zero-width characters, trim, and collapse every
 * run of whitespace (spaces, \u00a0, \u3000, tabs, newlines) to one space.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/gu, ' ').trim();
}

/**
 * Whitespace, punctuation (ASCII and CJK: ，。、；：（）【】《》“”‘’·—- _ …) and mathematical or modifier
 * symbols (~ + = < > ^ `). Letters, digits, CJK characters, currency and other symbols are kept.
 */
const NAME_NOISE = /[\s\p{P}\p{Sm}\p{Sk}]/gu;

/**
 * A key for joining indicator names across tables: `节日送温暖 慰问（人数）` and `节日送温暖慰问(人数)` give the
 * same key. normalizeText, lower-case, then remove all whitespace and punctuation.
 */
export function normalizeName(s: string): string {
  return normalizeText(s).toLowerCase().replace(NAME_NOISE, '');
}

/**
 * The text of a cell value as a user reads it in Excel:
 * - null → '';
 * - a string is returned unchanged (callers normalise with normalizeText when they compare);
 * - a number is written in plain decimal notation (never `1e-7`), at Excel's 15 significant digits so
 *   that floating noise such as 0.30000000000000004 reads 0.3; NaN and ±Infinity read `#NUM!`;
 * - booleans read TRUE / FALSE; an error value reads its code (`#REF!`, `#DIV/0!`).
 */
export function cellText(v: CellScalar): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return plainNumber(v);
  if (isCellError(v)) return String(v.error);
  return '';
}

/** A finite number in plain decimal notation, rounded to 15 significant digits. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const rounded = Number(n.toPrecision(15));
  const s = String(rounded);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const sign = m[1];
  const digits = m[2] + (m[3] ?? '');
  const exp = Number(m[4]);
  // The decimal point sits after the first digit; move it by `exp`.
  const point = 1 + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
