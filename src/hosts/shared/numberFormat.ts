/**
 * Which number formats change what a number means. The core needs to know that 0.9844 is shown as
 * 98.44% and that 45047 is a date; every other format (thousands separators, currency) is cosmetic.
 */

/**
 * Removes the parts of a format code that are displayed literally: quoted text ("年"), escaped
 * characters (\d), padding (_)) and bracketed sections ([Red], [$-804], [DBNum1]). What is left holds
 * only the placeholders.
 */
function placeholders(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isPercentFormat(numFmt: string): boolean {
  return numFmt.includes('%');
}

/** True for date and time formats such as `yyyy-mm-dd`, `yyyy"年"m"月"d"日"`, `[h]:mm`. */
export function isDateFormat(numFmt: string): boolean {
  if (/^general$/i.test(numFmt.trim())) return false;
  // Elapsed-time sections like [h] are placeholders, not decoration, so look for them first.
  if (/\[(h+|m+|s+)\]/i.test(numFmt)) return true;
  return /[ymdhs]/i.test(placeholders(numFmt));
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
      answer = isPercentFormat(numFmt) || isDateFormat(numFmt);
      this.known.set(numFmt, answer);
    }
    return answer;
  }
}
