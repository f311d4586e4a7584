/**
 * Which number formats change what a number means. The core needs to know that 0.9844 is shown as
 * 98.44% and that 45047 is a date; every other format (thousands separators, currency) is cosmetic.
 */
import { isDateFormat } from '../../core/parse/date';

/**
 * Whether a number's format goes into the snapshot: a `%` anywhere (quoted or not: the core tells a
 * percentage from a number shown with a quoted `"%"` after it, parse/quantity.ts) or a date format.
 */
export function formatMatters(numFmt: string): boolean {
  return numFmt.includes('%') || isDateFormat(numFmt);
}

/**
 * Remembers the answer per format string: a workbook has a handful of formats but a ledger can have a
 * million numeric cells, so the regexes must not run per cell.
 */
export class MeaningfulFormats {
  private readonly known = new Map<string, boolean>();

  /** True when a number in this format must carry the format into the snapshot. */
  matters(numFmt: string | undefined): numFmt is string {
    if (!numFmt) return false;
    let answer = this.known.get(numFmt);
    if (answer === undefined) {
      answer = formatMatters(numFmt);
      this.known.set(numFmt, answer);
    }
    return answer;
  }
}
