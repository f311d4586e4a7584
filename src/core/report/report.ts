/**
 * The JSON report of SPEC §7: what the CLI writes with --json and what the pane shows.
 */
import type { Finding } from '../findings';
import type { IndicatorStatus } from '../scoring/types';
import type { TableRole } from '../snapshot';

export interface ReportIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number | null;
  /** The score that counts (the evaluator's in an index system). */
  score: number;
  /** The score computed from target and actual, when it can be. */
  computedScore: number | null;
  selfScore: number | null;
  evaluatorScore: number | null;
  completionRate: number | null;
  status: IndicatorStatus;
  explanation: string;
  /** Where the explanation came from: the officer (input or a previous output), a draft, or none needed. */
  explanationSource: 'officer' | 'draft' | 'none';
  sheet: string;
  /** 1-based row of the indicator in its source sheet. */
  row: number;
}

export interface ReportBudget {
  initial: number | null;
  adjusted: number | null;
  executed: number | null;
  executionRate: number | null;
  weight: number | null;
  score: number | null;
  selfScore: number | null;
  explanation: string;
}

export interface Report {
  /** null when the workbook has only a ledger: it was checked, not scored (`kind: 'ledger'`). */
  total: number | null;
  grade: string | null;
  selfReportedTotal: number | null;
  kind: 'selfEvaluation' | 'indexSystem' | 'separate' | 'ledger';
  scheme: string;
  budget: ReportBudget | null;
  indicators: ReportIndicator[];
  summary: { factor: string; weight: number; score: number; rate: number | null }[];
  mapping: {
    sheet: string;
    range: string;
    role: TableRole;
    confidence: number;
    overridden: boolean;
    /** Why the table was read this way: `预算表：表头 预算数（万元）、执行数（万元）；单位 万元`. */
    because: string;
  }[];
  findings: Finding[];
  /**
   * The payment ledgers found and whether a rule pack checked them: null when the workbook has none.
   * `suggestedPacks` (ids, best first) are the packs whose categories name the ledger's payments.
   */
  ledgerCheck: { sheets: string[]; checked: boolean; suggestedPacks: string[] } | null;
  /** The sheets the add-in wrote. */
  output: { scoredSheet: string | null; anomalySheet: string | null };
}
