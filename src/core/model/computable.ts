/**
 * Figures too large to compute with (issue 12: a 分值 of 9.99E+307 made a subtotal Infinity): where the
 * limit lies, how such a figure is shown, and the finding that refuses it.
 */
import { a1 } from '../address';
import type { Finding } from '../findings';

/**
 * The largest figure the add-in computes with. Scores are summed in hundredths and money in fen, as
 * integers; beyond this, hundredths are no longer exact and a few sums of such figures reach Infinity
 * (9.99E+307 分 × 100). No 分值, 得分, 指标值 or budget is anywhere near it, so a larger one is refused.
 */
export const MAX_FIGURE = 9e13;

/** Whether a figure read from a cell can be computed with. */
export function computable(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= MAX_FIGURE;
}

/** `9.99E+307`, as Excel shows it; ordinary figures as they are. */
export function figureText(n: number): string {
  return String(n).replace('e', 'E');
}

/** A figure too large to compute with: a finding that names the cell and what was done without it. */
export function outOfRangeFinding(sheet: string, r: number, col: number, what: string, n: number, consequence: string): Finding {
  const cell = a1(r, col);
  return {
    rule: 'number-out-of-range', severity: 'error', sheet, cell, row: r + 1,
    value: figureText(n), allowed: `绝对值≤${MAX_FIGURE.toExponential().replace('e', 'E')}`,
    message: `“${sheet}”!${cell} 的${what} ${figureText(n)} 超出可计算范围，${consequence}。`,
  };
}
