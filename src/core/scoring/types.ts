import type { Finding } from '../findings';
import type { IndicatorModel } from '../model/types';
import type { Level } from '../parse/qualitative';
import type { Direction } from './quantitative';

export type IndicatorStatus = 'met' | 'short' | 'over' | 'qualitative' | 'manual' | 'missing';

export interface ScoredIndicator {
  indicator: IndicatorModel;
  status: IndicatorStatus;
  /** The score that counts, in hundredths (the evaluator's in an index system). */
  hundredths: number;
  /** The score the add-in computed from target and actual (null when it cannot). */
  computed: number | null;
  completionRate: number | null;
  direction: Direction | null;
  level: Level | null;
  /** Target and actual in the target's unit, for explanations. */
  targetValue: number | null;
  actualValue: number | null;
  unit: string | null;
  /** The indicator needs a 偏差原因分析 (below its weight, or over-achieved). */
  needsExplanation: boolean;
}

export interface ScoredBudget {
  initialFen: number | null;
  adjustedFen: number | null;
  executedFen: number | null;
  /** 执行数 ÷ 调整后预算 (年初预算 when none). */
  executionRate: number | null;
  weight: number | null;
  hundredths: number;
  selfScore: number | null;
  needsExplanation: boolean;
}

export interface SummaryRow {
  factor: string;
  weight: number;
  score: number;
  rate: number | null;
}

export interface ScoreResult {
  indicators: ScoredIndicator[];
  budget: ScoredBudget | null;
  totalHundredths: number;
  grade: string;
  summary: SummaryRow[];
  findings: Finding[];
  /** Total before an execution-rate cap, when a cap applied. */
  uncappedHundredths: number | null;
}
