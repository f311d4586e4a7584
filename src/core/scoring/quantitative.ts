/**
 * Quantitative indicators (SPEC §4): the direction comes from the 指标值's sign or words, else from the
 * 二级指标 (成本 is reverse, everything else positive); units are reconciled before comparing.
 */
import type { Comparator } from '../parse/target';
import { convertQuantity } from '../parse/quantity';

export type Direction = 'positive' | 'reverse';

export interface QuantitativeOutcome {
  /** Fraction of the weight earned, 0..1. */
  fraction: number;
  met: boolean;
  /** actual ÷ target (null when the target is 0). */
  completionRate: number | null;
  direction: Direction;
  /** Target and actual in the target's unit. */
  targetValue: number;
  actualValue: number;
}

export function directionOf(comparator: Comparator | null, level2: string, reverseWords: readonly string[]): Direction {
  if (comparator === '<=' || comparator === '<') return 'reverse';
  if (comparator) return 'positive';
  return reverseWords.some((w) => level2.includes(w)) ? 'reverse' : 'positive';
}

/**
 * Brings the actual into the target's unit. A bare number beside a unit is read in that unit (3000 vs
 * 3100人), except percentages, where the parse layer decides fraction vs points. Null when the units
 * cannot be reconciled (人次 vs 人, 元/人 vs 元).
 */
export function reconcile(
  target: { value: number; unit: string | null },
  actual: { value: number; unit: string | null },
): number | null {
  if (target.unit === actual.unit) return actual.value;
  if (target.unit === '%' || actual.unit === '%') {
    if (target.unit !== null && actual.unit !== null) return null;
    return target.unit === '%' ? convertQuantity(actual, '%') : actual.value > 1.5 ? actual.value / 100 : actual.value;
  }
  if (target.unit === null || actual.unit === null) return actual.value;
  return convertQuantity(actual, target.unit);
}

/** Scores one comparison by the positive / reverse formulas. */
export function scoreQuantitative(
  direction: Direction,
  targetValue: number,
  actualValue: number,
  upper?: number,
): Omit<QuantitativeOutcome, 'direction' | 'targetValue' | 'actualValue'> {
  const ratio = targetValue !== 0 ? actualValue / targetValue : null;
  // A target of 1E-300 makes any actual an Infinity of it: no rate, rather than Infinity in the report.
  const completionRate = ratio !== null && Number.isFinite(ratio) ? ratio : null;
  if (upper !== undefined) {
    // A range target (1000–5000元): inside is met; below scores as positive, above as reverse.
    if (actualValue >= targetValue && actualValue <= upper) return { fraction: 1, met: true, completionRate };
    if (actualValue < targetValue) return scoreQuantitative('positive', targetValue, actualValue);
    return { ...scoreQuantitative('reverse', upper, actualValue), completionRate };
  }
  if (direction === 'positive') {
    if (targetValue === 0) return { fraction: actualValue <= 0 ? 1 : 0, met: actualValue <= 0, completionRate };
    const a = Math.max(actualValue, 0);
    if (a >= targetValue) return { fraction: 1, met: true, completionRate };
    return { fraction: targetValue > 0 ? a / targetValue : 0, met: false, completionRate };
  }
  if (targetValue <= 0) return { fraction: actualValue <= targetValue ? 1 : 0, met: actualValue <= targetValue, completionRate };
  if (actualValue <= targetValue) return { fraction: 1, met: true, completionRate };
  if (actualValue >= 2 * targetValue) return { fraction: 0, met: false, completionRate };
  return { fraction: 1 - (actualValue - targetValue) / targetValue, met: false, completionRate };
}
