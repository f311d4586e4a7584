/**
 * Per-recipient totals over a calendar year, shared by the cap rules (每户每年 6,000 元, 10 个月低保标准,
 * 每年 2 次). Each recipient's payments are visited once and summed by year; only the few recipient-years
 * that exceed the cap are then put in date order, so the work stays linear however long the ledger is.
 */
import type { Recipient, DateField } from '../rules/packSchema';
import type { CheckInput } from './checkInput';

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

/** Past this many distinct years in one recipient's payments, look years up in a Map, not a list. */
const FEW_YEARS = 16;

/**
 * The recipient-years whose total `weight` exceeds `cap`. `weight(i)` ≤ 0 leaves an entry out; so does
 * an entry outside `mask` (indexed by category + 1), without a recipient or without a date.
 */
export function overCap(
  input: CheckInput,
  mask: Uint8Array,
  by: Recipient,
  date: DateField | undefined,
  weight: (i: number) => number,
  cap: number,
): OverCap[] {
  const { ledger, facts } = input;
  const { offsets, order, largest } = facts.members(by);
  const { year, serial } = facts.calendar(date);
  const category = facts.category;
  const result: OverCap[] = [];
  // Scratch arrays reused for every recipient (sized for the largest): a recipient's payments span a
  // year or two, so a short list beats a Map until there are many.
  const years = new Int32Array(largest);
  const totals = new Float64Array(largest);
  for (let g = 0; g + 1 < offsets.length; g++) {
    let distinct = 0;
    let many: Map<number, number> | null = null;
    for (let k = offsets[g]; k < offsets[g + 1]; k++) {
      const i = order[k];
      if (mask[category[i] + 1] === 0 || year[i] === 0) continue;
      const w = weight(i);
      if (!(w > 0)) continue;
      let y = -1;
      if (many) y = many.get(year[i]) ?? -1;
      else for (let j = 0; j < distinct; j++) if (years[j] === year[i]) y = j;
      if (y < 0) {
        y = distinct++;
        years[y] = year[i];
        totals[y] = 0;
        if (many) many.set(year[i], y);
        else if (distinct > FEW_YEARS) many = new Map(Array.from(years.subarray(0, distinct), (v, j) => [v, j]));
      }
      totals[y] += w;
    }
    for (let y = 0; y < distinct; y++) {
      if (!(totals[y] > cap)) continue;
      const entries: PeriodEntry[] = [];
      for (let k = offsets[g]; k < offsets[g + 1]; k++) {
        const i = order[k];
        if (mask[category[i] + 1] === 0 || year[i] !== years[y] || !(weight(i) > 0)) continue;
        entries.push({ i, serial: serial[i], row: ledger.row[i] + 1 });
      }
      entries.sort((a, b) => a.serial - b.serial || a.row - b.row);
      result.push({ year: years[y], entries });
    }
  }
  return result;
}

/** `每户每年` / `每人每年`. */
export function perRecipientYear(by: Recipient): string {
  return by === 'household' ? '每户每年' : '每人每年';
}

/** `户号 H001（张三）` or `张三`. */
export function recipientText(input: CheckInput, i: number, by: Recipient): string {
  const { ledger } = input;
  const person = ledger.person[i] ?? ledger.idNumber[i] ?? `第 ${ledger.row[i] + 1} 行`;
  const household = ledger.household[i];
  return by === 'household' && household ? `户号 ${household}（${person}）` : person;
}
