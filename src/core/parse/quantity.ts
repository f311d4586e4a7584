/**
 * A number with its unit, as indicators state them: `3100人`, `2.20万元`, `98.44%`, `500元/人`, `2019年`.
 */
import type { CellScalar } from '../snapshot';
import { parseNumericText } from './number';
import { normalizeText } from './text';

/** Units seen in indicator tables, plus any other short unit text (`元/人`, `元/户/年`, `名`). */
export type Unit =
  | '元'
  | '万元'
  | '人'
  | '人次'
  | '户'
  | '次'
  | '个'
  | '%'
  | '天'
  | '月'
  | '年'
  | '分'
  | '项'
  | '家'
  | '期'
  | string;

export interface Quantity {
  /** For `%` and `‰` the value is the fraction (`98.44%` → 0.9844), the way Excel stores percentages. */
  value: number;
  unit: string | null;
}

/**
 * Unit words of more than one character that a quantity may end with. Any single CJK character is also
 * accepted as a unit (名, 座, 辆, 场…), but longer unknown text is not, so that `2019年完成` or `3年以上` are
 * never read as a number with a unit.
 */
const KNOWN_UNITS = new Set<string>([
  '元', '人', '户', '次', '个', '天', '日', '月', '年', '分', '项', '家', '期', '名', '位', '件', '份',
  '场', '所', '批', '台', '套', '张', '本', '册', '篇', '条', '处', '座', '间', '辆', '部', '支', '只',
  '头', '亩', '吨', '斤', '周', '季', '班', '组', '队', '村', '校', '类', '种', '起', '例', '床', '元整',
  '人次', '户次', '家次', '批次', '场次', '期次', '班次', '车次', '架次', '课时', '学时', '小时', '分钟',
  '个月', '工作日', '季度', '公里', '千米', '平方米', '立方米', '公斤', '千克', '人天', '人日', '人月',
  '百分点', '个百分点', '户数', '人数', '元/人', '%', '‰',
]);

/** Prefixes that scale a unit: 万元 = 10 000 元, 亿元 = 10⁸ 元, 万人次 = 10 000 人次, 万 alone = 10 000. */
const MULTIPLIERS: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** Unit words that start with a multiplier character but are not scaled units. */
const UNSCALED = new Set<string>(['千米', '千克', '百分点']);

/** Synonyms, for comparing units: a 名 is a 人, a 日 is a 天. */
const SYNONYMS: Record<string, string> = { 名: '人', 位: '人', 日: '天', 千克: '公斤', 千米: '公里', 元整: '元', 人数: '人', 户数: '户' };

/** Words before a quantity that do not change it: 约39人, 共计 1,000 人. */
const LEADING_WORDS = /^(?:大约|约为|约|共计|合计|总计|累计|共|计)\s*/;

/** Trailing sentence punctuation that does not belong to the unit: `3000人。` */
const TRAILING_PUNCTUATION = /[\s。.;；,，!！]+$/;

/** Longest unit text accepted. */
const MAX_UNIT_LENGTH = 6;

/**
 * A cell's value as a number with a unit, or null when it is not one.
 *
 * - A number cell: the value as-is; the unit is `%` when the number format shows a percentage (`0.00%`,
 *   the value is then already the fraction), the format's quoted literal suffix when it is a unit
 *   (`0"人"` → 人), else null. A quoted percent sign (`0"%"` shows 80 as 80%) gives the fraction 0.8.
 * - Text, after normalizeText: an optional neutral leading word (约/大约/共/共计/合计/总计/累计/计), a number as
 *   parseNumber reads it, an optional 余/多 (`3000余人` → 3000 人), then at most a short unit (≤ 6
 *   characters, no digits) made of known unit words or single characters joined by `/`: `3100人`,
 *   `2.20万元`, `1.2亿元`, `500元/人`, `98.44%` (→ 0.9844 with unit `%`), `2019年`.
 * - Anything else — `2019年完成`, a sentence with several numbers — is null. Booleans, errors, empty → null.
 */
export function parseQuantity(v: CellScalar, format?: string): Quantity | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const unit = format === undefined ? null : unitFromFormat(format);
    if (unit !== null && isLiteralPercent(format ?? '')) {
      // `0"%"` shows 80 as 80%: the user reads eighty percent, so hold the fraction like any percentage.
      return { value: clean(v / (unit === '%' ? 100 : 1000)), unit };
    }
    return { value: v + 0, unit };
  }
  if (typeof v !== 'string') return null;
  return parseQuantityText(normalizeText(v));
}

/** A quantity in already-normalised text, under the rules of parseQuantity. */
export function parseQuantityText(text: string): Quantity | null {
  const t = text.replace(TRAILING_PUNCTUATION, '').replace(LEADING_WORDS, '');
  if (t === '') return null;

  const whole = parseNumericText(t);
  if (whole !== null) {
    if (/%$/.test(t)) return { value: whole, unit: '%' };
    if (/‰$/.test(t)) return { value: whole, unit: '‰' };
    if (/¥/.test(t)) return { value: whole, unit: '元' };
    return { value: whole, unit: null };
  }

  const m = /^(\(?[+\-−]?\s*[¥$]?\s*[\d.,]*\d\)?)\s*(?:余|多)?\s*([^\d].*)?$/.exec(t);
  if (!m) return null;
  const n = parseNumericText(m[1]);
  if (n === null) return null;
  const unit = (m[2] ?? '').replace(/\s+/g, '');
  if (unit === '') return { value: n, unit: null };
  if (!isUnitText(unit)) return null;
  if (unit === '%' || unit === '‰') {
    const scaled = parseNumericText(`${m[1]}${unit}`);
    return scaled === null ? null : { value: scaled, unit };
  }
  return { value: n, unit };
}

/**
 * Whether text can be a unit: at most six characters, no digits, `/`-separated parts each a known unit
 * word (optionally after a multiplier 百/千/万/亿), a single CJK character, or 1–4 latin letters (kg, km).
 */
export function isUnitText(unit: string): boolean {
  if (unit === '' || unit.length > MAX_UNIT_LENGTH || /\d/.test(unit)) return false;
  return unit.split('/').every(isUnitSegment);
}

function isUnitSegment(segment: string): boolean {
  if (segment === '') return false;
  if (KNOWN_UNITS.has(segment) || UNSCALED.has(segment)) return true;
  if (/^\p{Script=Han}$/u.test(segment)) return true;
  if (/^[a-z]{1,4}$/i.test(segment)) return true;
  const scaled = splitMultiplier(segment);
  return scaled !== null && (scaled.rest === '' || KNOWN_UNITS.has(scaled.rest) || /^\p{Script=Han}$/u.test(scaled.rest));
}

function splitMultiplier(segment: string): { scale: number; rest: string } | null {
  if (UNSCALED.has(segment)) return null;
  for (const prefix of ['万亿', '亿', '万', '千', '百']) {
    if (segment.startsWith(prefix)) return { scale: MULTIPLIERS[prefix], rest: segment.slice(prefix.length) };
  }
  return null;
}

/** Literal text in a number format: `"人"` or `\人`. Quoted text and escapes never mean `%` or a date. */
const FORMAT_LITERAL = /"[^"]*"|\\./g;

/** Whether a number format displays a percentage (`0%`, `0.00%`, but not `0.00"%"`). */
export function isPercentFormat(format: string): boolean {
  const firstSection = format.split(';')[0] ?? '';
  return firstSection.replace(FORMAT_LITERAL, '').replace(/\[[^\]]*\]/g, '').includes('%');
}

/** Whether a format's percent sign is quoted text (`0"%"`), which shows the number itself with a `%` after it. */
function isLiteralPercent(format: string): boolean {
  return !isPercentFormat(format) && /(?:"\s*[%‰]\s*"|\\[%‰])\s*$/.test(format.split(';')[0] ?? '');
}

/** The unit a number format shows: `%`, or a quoted literal suffix that is a unit (`#,##0"人"`). */
function unitFromFormat(format: string): string | null {
  if (isPercentFormat(format)) return '%';
  const firstSection = format.split(';')[0] ?? '';
  const placeholders = firstSection.replace(FORMAT_LITERAL, '').replace(/\[[^\]]*\]/g, '').trim();
  if (/[0#?],+$/.test(placeholders)) return null; // a scaling comma (`0.00,,"万"`) changes what the suffix means
  const literal = /(?:"([^"]*)"|\\(.))\s*$/.exec(firstSection);
  if (!literal) return null;
  const unit = normalizeText(literal[1] ?? literal[2] ?? '').replace(/\s+/g, '');
  return isUnitText(unit) ? unit : null;
}

interface UnitParts {
  /** How many of the base unit one of this unit is (万元 → 10 000). */
  scale: number;
  /** The unit without its multiplier, synonyms resolved (`元/人`); null for a bare number or 万 alone. */
  base: string | null;
}

function unitParts(unit: string | null): UnitParts {
  if (unit === null) return { scale: 1, base: null };
  const u = normalizeText(unit).replace(/\s+/g, '');
  if (u === '') return { scale: 1, base: null };
  if (u === '%' || u === '‰') return { scale: 1, base: '%' };
  const segments = u.split('/');
  let scale = 1;
  const first = segments[0];
  const scaled = KNOWN_UNITS.has(first) ? null : splitMultiplier(first);
  if (scaled !== null && (scaled.rest === '' || isUnitSegment(scaled.rest))) {
    scale = scaled.scale;
    segments[0] = scaled.rest;
  }
  const base = segments.map((s) => SYNONYMS[s] ?? s).join('/');
  return { scale, base: base === '' ? null : base };
}

/** Round away binary noise from scaling (2.2 × 10 000 is 22000, not 22000.000000000004). */
function clean(n: number): number {
  const rounded = Number(n.toPrecision(15));
  return (Number.isFinite(rounded) ? rounded : n) + 0;
}

/**
 * The quantity's value expressed in `toUnit`, or null when the units cannot be reconciled.
 *
 * - Same unit (after synonyms: 名/位 = 人, 日 = 天) → the value.
 * - Scaled units convert: 万元 ↔ 元 (×/÷ 10 000), 亿元 ↔ 万元 ↔ 元, 千元, 万人 ↔ 人, 万 ↔ bare.
 * - `%` values are fractions. `%` → bare gives the fraction. Bare → `%`: a bare number with |value| ≤ 1.5
 *   is already a fraction (0.93 → 0.93); a larger one is percentage points (95 → 0.95).
 * - Otherwise a bare number (unit null) is read as being in the other side's unit: 3000 → `人` is 3000,
 *   and `3000人` → bare is 3000 (a column header such as （万元）, which scales a whole column, is applied
 *   by the caller before comparing).
 * - Different units never convert: 人次 vs 人, 元/人 vs 元, 月 vs 年, `%` vs 人 → null.
 */
export function convertQuantity(q: Quantity, toUnit: string | null): number | null {
  const value = convertValue(q, toUnit);
  return value !== null && Number.isFinite(value) ? value : null;
}

function convertValue(q: Quantity, toUnit: string | null): number | null {
  if (!Number.isFinite(q.value)) return null;
  const from = unitParts(q.unit);
  const to = unitParts(toUnit);
  const fromBare = from.base === null && from.scale === 1;
  const toBare = to.base === null && to.scale === 1;

  if (from.base === '%' || to.base === '%') {
    if (from.base === '%' && to.base === '%') return q.value;
    if (from.base === '%' && toBare) return q.value;
    if (fromBare && to.base === '%') return Math.abs(q.value) <= 1.5 ? q.value : clean(q.value / 100);
    return null;
  }
  if (from.base === to.base) return clean((q.value * from.scale) / to.scale);
  if (fromBare || toBare) return q.value;
  return null;
}
