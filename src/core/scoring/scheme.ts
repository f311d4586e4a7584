/**
 * A scoring scheme: every number of SPEC §4 as data, so a province's variant is a new scheme, not a
 * code change. The default follows 财预〔2020〕10号 as provincial systems implement it.
 */
import type { Level } from '../parse/qualitative';

export interface Scheme {
  id: string;
  name: string;
  /** 预算执行率's weight when the budget block declares no 分值 and the indicators do not sum to 100. */
  budgetWeight: number;
  /** How the execution rate becomes a score. */
  budgetScoring:
    | { kind: 'proportional' }
    /** First step whose `minRate` the rate reaches gives `fraction` of the weight (江西). */
    | { kind: 'steps'; steps: { minRate: number; fraction: number }[] };
  /** Below this execution rate an explanation is required (1 by default; 四川 0.9). */
  explainBudgetBelowRate: number;
  /** Actual ≥ this × a positive target is over-achievement (explanation required, finding). */
  overAchievementRatio: number;
  /** Deduct for over-achievement (fraction of the weight); null = no deduction (default). */
  overAchievementDeduction: number | null;
  /** Score bands of qualitative levels, as fractions of the weight [min, max). 达成's max is inclusive. */
  qualitativeBands: Record<Level, [number, number]>;
  /** Fraction of the weight when no evaluator score is given. */
  qualitativeDefaults: Record<Level, number>;
  /** Optional cap on the total by execution rate: below `belowRate`, the total is at most `maxTotal`. */
  executionCap: { belowRate: number; maxTotal: number }[] | null;
  /** Grades, highest first: a total ≥ `min` gets `label`. */
  grades: { min: number; label: string }[];
  /** Expected 一级 weights of a 自评表 (checked, reported as findings when different). */
  level1Weights: Record<string, number>;
  /** 二级指标 words that make an unsigned target "reverse" (lower is better). */
  reverseLevel2: string[];
  /**
   * Points by which a self-score (an indicator's, the budget's or the unit's total) may exceed the computed
   * one before it is reported as too high (self-score-above-computed): rounding to hundredths, no more.
   */
  selfScoreTolerance: number;
}

const DEFAULT: Scheme = {
  id: 'default',
  name: '财预〔2020〕10号 项目支出绩效自评（默认）',
  budgetWeight: 10,
  budgetScoring: { kind: 'proportional' },
  explainBudgetBelowRate: 1,
  overAchievementRatio: 1.3,
  selfScoreTolerance: 0.01,
  overAchievementDeduction: null,
  qualitativeBands: { achieved: [0.8, 1], partial: [0.6, 0.8], notAchieved: [0, 0.6] },
  qualitativeDefaults: { achieved: 1, partial: 0.7, notAchieved: 0.3 },
  executionCap: null,
  grades: [
    { min: 90, label: '优' },
    { min: 80, label: '良' },
    { min: 60, label: '中' },
    { min: -Infinity, label: '差' },
  ],
  level1Weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  reverseLevel2: ['成本'],
};

export const SCHEMES: Record<string, Scheme> = {
  default: DEFAULT,
  jiangxi: {
    ...DEFAULT,
    id: 'jiangxi',
    name: '江西：预算执行率分档计分',
    budgetScoring: {
      kind: 'steps',
      steps: [
        { minRate: 1, fraction: 1 },
        { minRate: 0.8, fraction: 0.7 },
        { minRate: 0.6, fraction: 0.5 },
        { minRate: 0, fraction: 0 },
      ],
    },
  },
  hubei: { ...DEFAULT, id: 'hubei', name: '湖北：预算执行率 20 分', budgetWeight: 20, level1Weights: {} },
  sichuan: { ...DEFAULT, id: 'sichuan', name: '四川：执行率低于 90% 须说明原因', explainBudgetBelowRate: 0.9 },
  capped: {
    ...DEFAULT,
    id: 'capped',
    name: '按预算执行率限制总分',
    executionCap: [
      { belowRate: 0.5, maxTotal: 59 },
      { belowRate: 0.6, maxTotal: 69 },
      { belowRate: 0.7, maxTotal: 79 },
      { belowRate: 0.8, maxTotal: 89 },
    ],
  },
};

export function getScheme(id: string): Scheme | null {
  return SCHEMES[id] ?? null;
}

export function gradeOf(total: number, scheme: Scheme): string {
  for (const g of scheme.grades) if (total >= g.min) return g.label;
  return scheme.grades[scheme.grades.length - 1].label;
}
