/**
 * Links from the add-in's sheets to a cell of the workbook (异常清单 → the flagged ledger cell), the same
 * cell on both hosts.
 *
 * Written as a HYPERLINK formula, not as ExcelJS's `{ text, hyperlink: "#'Sheet'!A1" }` value: for that
 * value ExcelJS 4.4 writes both an external relationship to "#'Sheet'!A1" and `location="#'Sheet'!A1"`,
 * which Excel joins into "#'Sheet'!A1##'Sheet'!A1" and cannot follow (exceljs issue #3027), and it has no
 * way to write the location-only hyperlink Excel itself writes. `HYPERLINK("#'Sheet'!A1", "text")` is
 * followed by Excel, WPS and LibreOffice alike.
 *
 * This is the one formula the host writes, and it is built here from quoted string literals: the
 * display text and sheet name sit inside "…" with quotes doubled, so text copied from the workbook can
 * never become a formula of its own. The cached result is the display text, so the cell reads as that
 * text before Excel recalculates, and this host's reader sees the text too.
 */
import { quoteSheetName } from './sheetNames';

/** Excel rejects a string literal longer than 255 characters inside a formula. */
const MAX_LITERAL = 255;
/** Excel's limit on a formula's length, with room to spare. */
const MAX_FORMULA = 8000;

/** `"…"` (joined with `&` when longer than one literal may be), with quotes doubled. */
function stringExpression(text: string): string {
  if (text === '') return '""';
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += MAX_LITERAL) {
    parts.push(`"${text.slice(i, i + MAX_LITERAL).replace(/"/g, '""')}"`);
  }
  return parts.join('&');
}

/** Excel's in-document link target, `#'Sheet name'!A1`. */
export function internalLinkTarget(sheet: string, cell: string): string {
  return `#${quoteSheetName(sheet)}!${cell}`;
}

/** `HYPERLINK(…)` (without `=`) showing `text`, or `null` when it would be longer than Excel accepts. */
export function hyperlinkFormula(sheet: string, cell: string, text: string): string | null {
  const formula = `HYPERLINK(${stringExpression(internalLinkTarget(sheet, cell))},${stringExpression(text)})`;
  return formula.length <= MAX_FORMULA ? formula : null;
}
