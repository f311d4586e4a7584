/**
 * The typed model of one project, built from the mapped tables. Plain, serialisable data.
 */
import type { Actual, Target } from '../parse/target';

/** Where a value came from, for findings and for writing back. */
export interface SourceRef {
  sheet: string;
  /** 0-based row. */
  row: number;
  /** 0-based column, -1 when the value has no cell of its own. */
  col: number;
}

/** 预算执行: money in 分 (integer hundredths of a yuan) so sums and comparisons are exact. */
export interface BudgetModel {
  initialFen: number | null;
  adjustedFen: number | null;
  executedFen: number | null;
  /** 分值 written in the budget block, if any. */
  weight: number | null;
  /** 得分 written in the budget block (the unit's self-score), if any. */
  selfScore: number | null;
  /** 执行率 as written, for a consistency check. */
  statedRate: number | null;
  explanation: string | null;
  source: SourceRef;
  cells: Partial<Record<'initial' | 'adjusted' | 'executed' | 'weight' | 'selfScore' | 'explanation', SourceRef>>;
}

/** One 三级指标 (or, in an index system, the leaf the evaluator scored). */
export interface IndicatorModel {
  /** Stable key: normalised level1/level2/name plus an occurrence number for repeated names. */
  key: string;
  level1: string;
  level2: string;
  name: string;
  targetText: string;
  actualText: string;
  target: Target | null;
  actual: Actual | null;
  weight: number | null;
  /** 得分 in a 自评表 (the unit's own score). */
  selfScore: number | null;
  /** 评价得分 in an index system (the evaluator's, authoritative). */
  evaluatorScore: number | null;
  /** 偏差原因分析 as found in the input table. */
  explanation: string | null;
  criteria: string | null;
  source: SourceRef;
  cells: Partial<Record<'target' | 'actual' | 'weight' | 'selfScore' | 'evaluatorScore' | 'explanation', SourceRef>>;
}

/** A 一级 or 二级 group: its declared weight (from a subtotal row or a label like 投入（16分）). */
export interface GroupModel {
  level: 1 | 2;
  level1: string;
  name: string;
  declaredWeight: number | null;
  declaredScore: number | null;
  source: SourceRef | null;
}

export type ProjectKind = 'selfEvaluation' | 'indexSystem' | 'separate';

export interface ProjectModel {
  kind: ProjectKind;
  budget: BudgetModel | null;
  indicators: IndicatorModel[];
  groups: GroupModel[];
  /** 总得分 the unit reported (自评表 header), if any. */
  selfReportedTotal: number | null;
  selfReportedTotalRef: SourceRef | null;
}
