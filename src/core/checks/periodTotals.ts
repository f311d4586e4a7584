/**
 * Per-recipient totals over a calendar year, shared by the cap rules (每户每年 6,000 元, 10 个月低保标准,
 * 每年 2 次). One pass in row order adds each payment to its recipient's total in arrays indexed by the
 * recipient's number (a recipient's payments nearly always fall in one year; a payment in another year
 * of the same recipient is kept aside and summed in a small Map). Rules that sum the same payments share
 * the sums. Only the few recipient-years over the cap are then collected and put in date order, so the
 * work stays linear however long the ledger is.
 */
import type { Recipient, DateField } from '../rules/packSchema';
import type { CheckInput } from './checkInput';
import { quoted } from '../findings';
import { recipientOf } from './entryFinding';

export interface PeriodEntry {
  i: number;
  serial: number;
  /** 1-based sheet row. */
  row: number;
}

export interface OverCap {
  year: number;
  /** The recipient-year's entries by date, then by row. */
  entries: PeriodEntry[];
}

/** What a payment adds to its recipient's total: one (a count), or its amount when positive. */
export type Weight = 'count' | 'amount';

/** Years are 1900 … 9999, so (group, year) fits one number as group × YEARS + (year - 1900). */
const YEARS = 8192;
const FIRST_YEAR = 1900;

interface RecipientYear {
  group: number;
  year: number;
  total: number;
  /** First entry of this recipient-year in row order: recipient-years of one recipient come in that order. */
  first: number;
}

/** Every recipient's total per year, for one choice of recipient, date, weight and scope. */
export interface YearTotals {
  /**
   * Per recipient g, the first year it was paid in (at 2g; 0: never) and the total of that year (at
   * 2g + 1): side by side, so adding a payment touches one place in memory.
   */
  firstYears: Float64Array;
  /** Recipients numbered 0 … count - 1. */
  count: number;
  /** The other years of recipients paid in more than one, in order of their first payment. */
  others: RecipientYear[];
}

function yearTotals(input: CheckInput, mask: Uint8Array, by: Recipient, date: DateField | undefined, weight: Weight): YearTotals {
  const { ledger, facts } = input;
  const key = `${by}|${date ?? ''}|${weight}|${mask.join('')}`;
  // The run's facts keep totals already summed: the 6,000 元 and the 低保 cap sum the same payments.
  const cache = facts.yearTotals;
  const known = cache.get(key);
  if (known) return known;

  const groups = facts.group(by);
  const { quarter } = facts.calendar(date);
  const category = facts.category;
  const amounts = ledger.amountFen;
  const byAmount = weight === 'amount';
  const n = ledger.length;
  const count = facts.groupCount(by);
  const firstYears = new Float64Array(2 * count);
  let others: Map<number, RecipientYear> | null = null;
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (g < 0 || mask[category[i] + 1] === 0) continue;
    const q = quarter[i];
    if (q < 0) continue;
    const y = q >> 2;
    let w = 1;
    if (byAmount) {
      const a = amounts[i];
      if (!(a > 0) || a === Infinity) continue;
      w = a;
    }
    const fy = firstYears[2 * g];
    if (fy === y) firstYears[2 * g + 1] += w;
    else if (fy === 0) {
      firstYears[2 * g] = y;
      firstYears[2 * g + 1] = w;
    } else {
      others ??= new Map();
      const k = g * YEARS + (y - FIRST_YEAR);
      const o = others.get(k);
      if (o) o.total += w;
      else others.set(k, { group: g, year: y, total: w, first: i });
    }
  }
  const totals = { firstYears, count, others: others ? [...others.values()] : [] };
  cache.set(key, totals);
  return totals;
}

/**
 * The recipient-years whose total weight exceeds `cap`, by recipient (in group order) and, within a
 * recipient, by the first payment of each year. An entry without weight (an amount that is empty, text or
 * not positive), outside `mask` (indexed by category + 1), without a recipient or without a date counts
 * for nothing. Totals add in row order.
 */
export function overCap(
  input: CheckInput,
  mask: Uint8Array,
  by: Recipient,
  date: DateField | undefined,
  weight: Weight,
  cap: number,
): OverCap[] {
  const { ledger, facts } = input;
  const { firstYears, count, others } = yearTotals(input, mask, by, date, weight);
  // A recipient's first year comes before its other years, whose `first` is a later entry.
  const over: RecipientYear[] = [];
  for (let g = 0; g < count; g++) {
    const year = firstYears[2 * g];
    const total = firstYears[2 * g + 1];
    if (year !== 0 && total > cap) over.push({ group: g, year, total, first: -1 });
  }
  for (const o of others) if (o.total > cap) over.push(o);
  if (over.length === 0) return [];
  over.sort((a, b) => a.group - b.group || a.first - b.first);

  // Collect the entries of those recipient-years only.
  const groups = facts.group(by);
  const { quarter, serial } = facts.calendar(date);
  const category = facts.category;
  const amounts = ledger.amountFen;
  const byAmount = weight === 'amount';
  const lists = new Map<number, PeriodEntry[]>();
  const wanted = new Uint8Array(count);
  for (const o of over) {
    wanted[o.group] = 1;
    lists.set(o.group * YEARS + (o.year - FIRST_YEAR), []);
  }
  for (let i = 0; i < ledger.length; i++) {
    const g = groups[i];
    if (g < 0 || wanted[g] === 0 || mask[category[i] + 1] === 0 || quarter[i] < 0) continue;
    if (byAmount && (!(amounts[i] > 0) || amounts[i] === Infinity)) continue;
    const list = lists.get(g * YEARS + ((quarter[i] >> 2) - FIRST_YEAR));
    if (list) list.push({ i, serial: serial[i], row: ledger.row[i] + 1 });
  }
  return over.map((o) => {
    const entries = lists.get(o.group * YEARS + (o.year - FIRST_YEAR)) as PeriodEntry[];
    entries.sort((a, b) => a.serial - b.serial || a.row - b.row);
    return { year: o.year, entries };
  });
}

/** `每户每年` / `每人每年`. */
export function perRecipientYear(by: Recipient): string {
  return by === 'household' ? '每户每年' : '每人每年';
}

/** `户号 H001（张三）` or `张三`. */
export function recipientText(input: CheckInput, i: number, by: Recipient): string {
  const { ledger } = input;
  const person = recipientOf(ledger, i);
  const household = ledger.text('household', i);
  return by === 'household' && household ? `户号 ${quoted(household)}（${person}）` : person;
}
