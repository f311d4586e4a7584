/**
 * Cutting text to a length without leaving half a character: the one primitive behind quoting a cell in
 * a finding (findings.ts) and fitting text into an Excel cell (output/cellLimits.ts).
 */

/** Ends a text cut to fit, so that a reader sees it is not whole. */
export const TRUNCATED_MARK = '…（已截断）';

/**
 * `text` when it has at most `limit` UTF-16 units, else its beginning and `mark`, `limit` long in all. A
 * character outside the BMP (a surrogate pair) is never cut in half.
 */
export function clip(text: string, limit: number, mark: string): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - mark.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + mark;
}
