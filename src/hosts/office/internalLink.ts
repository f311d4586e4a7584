/**
 * Links from the add-in's sheets to a cell (异常清单 → the flagged ledger cell) as the same
 * `HYPERLINK("#'Sheet'!A1", "text")` formula the xlsx host writes (../shared/internalLink), so
 * both hosts write identical cells. A formula rather than `Range.hyperlink` (ExcelApi 1.7) because it
 * travels inside the block's `formulas` array: no extra call per link.
 *
 * It is the only formula the host writes, built from quoted string literals (quotes doubled, at most
 * 255 characters per literal), so text copied from the workbook can never become a formula of its own.
 */
import { hyperlinkFormula } from '../shared/internalLink';

/** `=HYPERLINK(…)` showing `text`, or `null` when it would be longer than Excel accepts. */
export function linkFormula(sheet: string, cell: string, text: string): string | null {
  const formula = hyperlinkFormula(sheet, cell, text);
  return formula === null ? null : `=${formula}`;
}
