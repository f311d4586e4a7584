/**
 * An indicator's 年度指标值 (target) and 实际完成值 (actual), read into what the scorer compares (SPEC §4):
 * a quantity with its comparison (`≥90%`, `不低于95%`, `≤500元/人`, `1000-5000元`, `3100人`), a deadline
 * (`2019年完成`, `2023年12月底前完成`), or text to be judged (qualitative).
 */
import { isCellError, type CellScalar } from '../snapshot';
import { isDateFormat, isValidDate, parseDate } from './date';
import { convertQuantity, parseQuantity, parseQuantityText, type Quantity } from './quantity';
import { normalizeText } from './text';

export type Comparator = '>=' | '>' | '=' | '<=' | '<';

/** A deadline or completion date, as precise as the text says: a year, a month or a day. */
export interface Timeliness {
  kind: 'timeliness';
  year: number;
  month?: number;
  day?: number;
}

export type Target =
  | {
      kind: 'quantitative';
      /** null when the text has no sign or word: the scorer applies the default for the indicator's type. */
      comparator: Comparator | null;
      value: number;
      unit: string | null;
      /** The top of a range such as `1000-5000元` (value is the bottom; comparator is then null). */
      upper?: number;
    }
  | Timeliness
  | { kind: 'qualitative'; text: string };

export type Actual =
  | { kind: 'quantitative'; value: number; unit: string | null }
  | Timeliness
  | { kind: 'qualitative'; text: string };

/* ---------------------------------------------------------------------------------------------------
 * Comparators
 * ------------------------------------------------------------------------------------------------- */

/** Signs and words before a number, each with its comparison. Matched longest first. */
const PREFIXES: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['>=', '>='], ['=>', '>='], ['≥', '>='], ['≧', '>='], ['⩾', '>='],
    ['<=', '<='], ['=<', '<='], ['≤', '<='], ['≦', '<='], ['⩽', '<='],
    ['>', '>'], ['<', '<'], ['==', '='], ['=', '='],
    ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='],
    ['达到', '>='], ['至少', '>='], ['最少', '>='], ['最低', '>='],
    ['高于', '>'], ['大于', '>'], ['超过', '>'], ['多于', '>'],
    ['小于或等于', '<='], ['小于等于', '<='], ['不高于', '<='], ['不超过', '<='], ['不大于', '<='],
    ['不多于', '<='], ['控制在', '<='], ['最多', '<='], ['至多', '<='], ['最高', '<='],
    ['低于', '<'], ['小于', '<'], ['少于', '<'],
    ['等于', '='], ['为', '='],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Words after a number: `95%以上` is ≥ 95%, `2.2万元以内` is ≤ 2.2 万元. */
const SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ['及以上', '>='], ['以上', '>='],
  ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='],
];

/** Separators of a range `1000-5000元`, `1000～5000元`, `1000至5000元`. */
const RANGE = /^(.+?)\s*(?:-|~|〜|—|–|至|到)\s*(.+)$/;

/** A label before the comparison (`满意度≥90%`) is at most this long and contains no digit. */
const MAX_LABEL_LENGTH = 20;

/** Trailing sentence punctuation: `3100人。` */
const TRAILING_PUNCTUATION = /[\s。.;；,，!！]+$/;

interface Compared {
  comparator: Comparator | null;
  value: number;
  unit: string | null;
  upper?: number;
}

/**
 * A quantity with an optional comparison, or null. The whole text must be: [label] [prefix] quantity
 * [suffix], or [在/控制在] range [之间/以内]. A label is only allowed before an explicit prefix, so
 * `满意度≥90%` reads but `满意度90%` does not. Conflicting prefix and suffix (`低于5%以上`) → null.
 */
function readCompared(text: string): Compared | null {
  const t = text.replace(TRAILING_PUNCTUATION, '');
  const bare = readAfterPrefix(t, null);
  if (bare) return bare;
  const limit = Math.min(t.length, MAX_LABEL_LENGTH + 1);
  for (let i = 0; i < limit; i++) {
    if (/\d/.test(t[i])) break; // a label never contains a number
    const rest = t.slice(i);
    for (const [word, comparator] of PREFIXES) {
      if (!rest.startsWith(word)) continue;
      const found = readAfterPrefix(rest.slice(word.length).trim(), comparator, word);
      if (found) return found;
    }
  }
  return null;
}

function readAfterPrefix(text: string, prefix: Comparator | null, prefixWord?: string): Compared | null {
  let core = text;
  let suffix: Comparator | null = null;
  let suffixWord: string | null = null;
  for (const [word, comparator] of SUFFIXES) {
    if (core.endsWith(word)) {
      suffix = comparator;
      suffixWord = word;
      core = core.slice(0, -word.length).trim();
      break;
    }
  }
  let between = false;
  if (core.endsWith('之间')) {
    between = true;
    core = core.slice(0, -2).trim();
  }
  if (core === '') return null;

  const quantity = parseQuantityText(core);
  if (quantity) {
    if (between) return null;
    const comparator = mergeComparators(prefix, suffix);
    if (comparator === undefined) return null;
    return { comparator, value: quantity.value, unit: quantity.unit };
  }

  // A range states its own band: only 在…之间 / 控制在…以内 may surround it.
  const rangeFramed =
    (prefixWord === undefined || prefixWord === '控制在') &&
    (suffixWord === null || suffixWord === '以内' || suffixWord === '之内');
  if (!rangeFramed) return null;
  const range = readRange(core.replace(/^在\s*/, ''));
  return range ? { comparator: null, ...range } : null;
}

/** The comparison stated by a prefix and a suffix together; undefined when they contradict each other. */
function mergeComparators(prefix: Comparator | null, suffix: Comparator | null): Comparator | null | undefined {
  if (prefix === null) return suffix;
  if (suffix === null || suffix === prefix) return prefix;
  if (prefix === '=') return suffix; // 为95%以上
  return undefined;
}

/** `1000-5000元`, `1000元～5000元`, `90%-95%`, `2,000至5,000元`: bottom, top and the shared unit. */
function readRange(text: string): { value: number; upper: number; unit: string | null } | null {
  const m = RANGE.exec(text);
  if (!m) return null;
  const high = parseQuantityText(m[2]);
  let low = parseQuantityText(m[1]);
  if (!high || !low) return null;
  if (low.unit === null && high.unit !== null) low = parseQuantityText(`${m[1]}${high.unit}`) ?? low;
  const lowValue = sameUnit(low, high.unit);
  if (lowValue === null || lowValue > high.value) return null;
  return { value: lowValue, upper: high.value, unit: high.unit };
}

function sameUnit(q: Quantity, unit: string | null): number | null {
  if (q.unit === unit) return q.value;
  if (q.unit === null || unit === null) return null;
  return convertQuantity(q, unit);
}

/* ---------------------------------------------------------------------------------------------------
 * Deadlines
 * ------------------------------------------------------------------------------------------------- */

/** Words before a deadline: 于/在/截至/计划于/已于 2019年完成. */
const DEADLINE_LEAD = /^(?:计划于|计划在|预计于|预计在|预计|计划|已于|已在|截至|截止到|截止|于|在)\s*/;

/** What may follow the date: 底/末, 前/之前/以内, 完成/发放完毕… (`2023年12月底前完成`). */
const DEADLINE_TAIL =
  /^(?:年|月)?(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前|内|以内|止|为止)?(?:全部|按时|如期|顺利|已)?(?:完成|实施完成|完成发放|发放完毕|发放完成|发放|完毕|结束|办结|实施|执行完毕|完成验收|验收)?$/;

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

interface DatePrefix {
  year: number;
  month?: number;
  day?: number;
  rest: string;
}

const QUARTER_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The date at the start of the text, as precisely as it is given, and what follows it. */
function readDatePrefix(t: string): DatePrefix | null {
  let m = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/.exec(t);
  if (m) return { year: +m[1], month: +m[3], day: +m[4], rest: t.slice(m[0].length) };
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(t);
  if (m) return { year: +m[1], month: +m[2], day: +m[3], rest: t.slice(m[0].length) };
  m = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(t);
  if (m) return { year: +m[1], month: +m[2], day: +m[3], rest: t.slice(m[0].length) };
  // 2023年1-12月, 2023年1月至12月: the deadline is the end of the span.
  m = /^(\d{4})\s*年度?\s*(\d{1,2})\s*月?\s*(?:-|~|〜|—|–|至|到)\s*(\d{1,2})\s*月/.exec(t);
  if (m && +m[2] <= +m[3]) return { year: +m[1], month: +m[3], rest: t.slice(m[0].length) };
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?/.exec(t);
  if (m) return { year: +m[1], month: +m[2], rest: t.slice(m[0].length) };
  m = /^(\d{4})\s*[-/]\s*(\d{1,2})(?![\d\-/.])/.exec(t);
  if (m) return { year: +m[1], month: +m[2], rest: t.slice(m[0].length) };
  m = /^(\d{4})\s*年度?\s*(?:(上半年)|(下半年)|第?([一二三四1-4])季度)/.exec(t);
  if (m) {
    const month = m[2] ? 6 : m[3] ? 12 : 3 * QUARTER_DIGITS[m[4]];
    return { year: +m[1], month, rest: t.slice(m[0].length) };
  }
  m = /^(\d{4})\s*年度?/.exec(t);
  if (m) return { year: +m[1], rest: t.slice(m[0].length) };
  return null;
}

/**
 * A deadline or completion date in already-normalised text, or null: `2019年完成`, `2019年`,
 * `2023年12月底前完成`, `2023年6月30日前`, `2023年1-12月`, `2023年上半年`, `于2023-05-01前完成`,
 * `2023/5/1`. Years 1900–2200 only; impossible months or days → null.
 */
export function parseTimeliness(text: string): Timeliness | null {
  const t = text.replace(TRAILING_PUNCTUATION, '').replace(DEADLINE_LEAD, '');
  const date = readDatePrefix(t);
  if (!date) return null;
  if (!DEADLINE_TAIL.test(date.rest.replace(/\s+/g, ''))) return null;
  if (date.year < FIRST_YEAR || date.year > LAST_YEAR) return null;
  if (date.month !== undefined && (date.month < 1 || date.month > 12)) return null;
  if (date.day !== undefined && !isValidDate(date.year, date.month ?? 1, date.day)) return null;
  const result: Timeliness = { kind: 'timeliness', year: date.year };
  if (date.month !== undefined) result.month = date.month;
  if (date.day !== undefined) result.day = date.day;
  return result;
}

/* ---------------------------------------------------------------------------------------------------
 * Cells
 * ------------------------------------------------------------------------------------------------- */

type Scalar = { kind: 'text'; text: string } | { kind: 'number'; value: number } | null;

/** Empty, whitespace-only and error cells are null (an error is a finding for the caller, not a value). */
function readScalar(v: CellScalar): Scalar {
  if (v === null || isCellError(v)) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : null;
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  if (typeof v !== 'string') return null;
  const text = normalizeText(v);
  return text === '' ? null : { kind: 'text', text };
}

/** A number cell: a date when its format is a date format, else a quantity (`%` from the format). */
function readNumberCell(value: number, format: string | undefined): Timeliness | { kind: 'quantitative'; value: number; unit: string | null } {
  if (isDateFormat(format)) {
    const date = parseDate(value, format);
    if (date) return { kind: 'timeliness', year: date.y, month: date.m, day: date.d };
  }
  const q = parseQuantity(value, format);
  return { kind: 'quantitative', value: q?.value ?? value, unit: q?.unit ?? null };
}

/**
 * An indicator's 年度指标值, or null when the cell is empty or an error value.
 *
 * - A number cell is a quantity with no comparator (`%` when its format is a percentage), or a deadline
 *   when its format is a date format.
 * - Text is read, after normalizeText, as the first of:
 *   1. a deadline (parseTimeliness): `2019年完成` → { year: 2019 };
 *   2. a quantity with an optional comparison: signs `≥ ≧ >= > = ≤ ≦ <= <` (full-width too), prefix words
 *      不低于/不少于/大于等于/达到/至少 (≥), 高于/大于/超过 (>), 不高于/不超过/不大于/小于等于/控制在 (≤), 低于/小于 (<),
 *      等于/为 (=), suffix words 以上 (≥), 以下/以内 (≤); no sign → comparator null. A short label may precede
 *      an explicit sign (`满意度≥90%`);
 *   3. a range `1000-5000元` / `1000～5000元` / `1000至5000元` → value 1000, upper 5000, comparator null;
 *   4. anything else — including sentences with several numbers — is qualitative, with the normalised
 *      text. Nothing is guessed from inside a sentence.
 */
export function parseTarget(v: CellScalar, format?: string): Target | null {
  const cell = readScalar(v);
  if (cell === null) return null;
  if (cell.kind === 'number') {
    const read = readNumberCell(cell.value, format);
    return read.kind === 'quantitative' ? { ...read, comparator: null } : read;
  }
  const deadline = parseTimeliness(cell.text);
  if (deadline) return deadline;
  const compared = readCompared(cell.text);
  if (compared) return { kind: 'quantitative', ...compared };
  return { kind: 'qualitative', text: cell.text };
}

/** Words before an achieved figure that do not change it: 实际完成3000人, 已完成98%. */
const ACTUAL_LEAD = /^(?:实际完成|实际|已完成|完成|实现|达成)\s*/;

/**
 * An indicator's 实际完成值, or null when the cell is empty or an error value.
 *
 * - A number cell is a quantity (`%` from a percentage format), or a date when its format is a date format.
 * - Text is a completion date (`2019年完成`, `2019年12月完成`, `2023-05-01`), else a quantity (`3000人`,
 *   `98.44%`, `实际完成3000人`). A stated bound reads as its figure (`98%以上`, `≥90%` → the number), since
 *   that is what was at least achieved; a range is not one figure and stays text. Else qualitative text.
 */
export function parseActual(v: CellScalar, format?: string): Actual | null {
  const cell = readScalar(v);
  if (cell === null) return null;
  if (cell.kind === 'number') return readNumberCell(cell.value, format);
  const done = parseTimeliness(cell.text);
  if (done) return done;
  const compared = readCompared(cell.text.replace(ACTUAL_LEAD, '')) ?? readCompared(cell.text);
  if (compared && compared.upper === undefined) {
    return { kind: 'quantitative', value: compared.value, unit: compared.unit };
  }
  return { kind: 'qualitative', text: cell.text };
}
