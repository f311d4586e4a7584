/**
 * Scores are kept in hundredths (integers) so that the total is exactly the sum of the rounded
 * indicator scores, as the printed forms add them.
 */

/** Rounds half up to 2 decimals and returns hundredths: 4.8387 → 484, 1.335 → 134. */
export function toHundredths(x: number): number {
  // The tiny epsilon absorbs binary noise such as 1.335 * 100 = 133.49999999999997.
  return Math.floor(x * 100 + 0.5 + 1e-9);
}

export function round2(x: number): number {
  return toHundredths(x) / 100;
}

/** Rounds a fraction to 4 decimals for reporting rates (0.967741… → 0.9677). */
export function round4(x: number): number {
  return Math.floor(x * 10000 + 0.5 + 1e-9) / 10000;
}
