/**
 * The expected result of an evaluation, computed here and nowhere else: a small implementation of
 * SPEC §4 that shares no code with src/. Everything is integer arithmetic in hundredths of a point, so
 * "round half up to 2 decimals" is exact.
 */
import { BUDGET_WEIGHT_HUNDREDTHS, type Evaluation, type Indicator } from './evaluation';

/** round(numerator / denominator) half up, for non-negative integers. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** An indicator's score in hundredths: positive, reverse (成本) or qualitative (same text → 达成, full). */
export function indicatorScore(ind: Omit<Indicator, 'selfScore'>): number {
  const f = ind.figures;
  const w = ind.weight;
  switch (f.kind) {
    case 'qualitative':
      return w;
    case 'positive':
      if (f.actual >= f.target) return w;
      return roundHalfUp(w * Math.max(f.actual, 0), f.target);
    case 'reverse':
      if (f.actual <= f.target) return w;
      if (f.actual >= 2 * f.target) return 0;
      return roundHalfUp(w * (2 * f.target - f.actual), f.target);
  }
}

/** True when an indicator's exact score sits on a half hundredth (x.xx5), where rounding is tested. */
export function isRoundingTie(ind: Omit<Indicator, 'selfScore'>): boolean {
  const f = ind.figures;
  if (f.kind === 'positive' && f.actual < f.target) return (2 * ind.weight * f.actual) % (2 * f.target) === f.target;
  if (f.kind === 'reverse' && f.actual > f.target && f.actual < 2 * f.target) {
    return (2 * ind.weight * (2 * f.target - f.actual)) % (2 * f.target) === f.target;
  }
  return false;
}

export function budgetScore(rateBasisPoints: number): number {
  return roundHalfUp(BUDGET_WEIGHT_HUNDREDTHS * Math.min(rateBasisPoints, 10_000), 10_000);
}

export type Grade = '优' | '良' | '中' | '差';

export function gradeOf(totalHundredths: number): Grade {
  if (totalHundredths >= 9000) return '优';
  if (totalHundredths >= 8000) return '良';
  if (totalHundredths >= 6000) return '中';
  return '差';
}

/** What the report must say. Points, not hundredths, as the report has them. */
export interface Expected {
  total: number;
  grade: Grade;
  /** executed ÷ adjusted, exact to 4 decimals. */
  executionRate: number;
  budgetScore: number;
  /** null when the layout writes no total row. */
  selfReportedTotal: number | null;
  indicators: { name: string; score: number }[];
}

export function expectedOf(ev: Evaluation, writesSelfTotal: boolean): Expected {
  const scores = ev.indicators.map((ind) => ({ name: ind.name, score: indicatorScore(ind) }));
  const budget = budgetScore(ev.budget.rateBasisPoints);
  const total = budget + scores.reduce((s, x) => s + x.score, 0);
  return {
    total: total / 100,
    grade: gradeOf(total),
    executionRate: ev.budget.rateBasisPoints / 10_000,
    budgetScore: budget / 100,
    selfReportedTotal: writesSelfTotal ? ev.selfReportedTotal / 100 : null,
    indicators: scores.map((x) => ({ name: x.name, score: x.score / 100 })),
  };
}
