/**
 * Builds the project model from the mapped tables, in four parts: the budget block (budget.ts), the
 * indicators with their hierarchy (hierarchy.ts), targets joined to actuals by name (joinActuals.ts) and
 * the total the unit reported (selfReportedTotal.ts).
 */
import type { Mapping, MappedTable } from '../detect/mapping';
import type { Finding } from '../findings';
import { readBudget } from './budget';
import { mergeRows, readIndicatorRows, type RowsResult } from './hierarchy';
import { joinActuals } from './joinActuals';
import { findSelfReportedTotal } from './selfReportedTotal';
import { grid } from './tableCells';
import type { ProjectKind, ProjectModel } from './types';

export interface ModelResult {
  model: ProjectModel | null;
  findings: Finding[];
  /** Tables the model was built from. */
  used: MappedTable[];
}

export function buildModel(mapping: Mapping): ModelResult {
  const findings: Finding[] = [];
  const byRole = (role: MappedTable['role']) =>
    mapping.tables.filter((t) => t.role === role).sort((a, b) => b.confidence - a.confidence || a.sheetIndex - b.sheetIndex);
  const used: MappedTable[] = [];

  const budgetTable = byRole('budget')[0];
  const budget = budgetTable ? readBudget(budgetTable, grid(mapping, budgetTable), findings) : null;
  if (budgetTable) used.push(budgetTable);

  let kind: ProjectKind | null = null;
  let rows: RowsResult | null = null;
  const self = byRole('selfEvaluation');
  const index = byRole('indexSystem');
  const targets = byRole('targets');
  if (self.length > 0) {
    kind = 'selfEvaluation';
    rows = mergeRows(self.map((t) => readIndicatorRows(t, grid(mapping, t), findings)));
    used.push(...self);
  } else if (index.length > 0) {
    kind = 'indexSystem';
    rows = mergeRows(index.map((t) => readIndicatorRows(t, grid(mapping, t), findings)));
    used.push(...index);
  } else if (targets.length > 0) {
    kind = 'separate';
    const read = mergeRows(targets.map((t) => readIndicatorRows(t, grid(mapping, t), findings)));
    const actuals = byRole('actuals');
    rows = { ...read, indicators: joinActuals(read.indicators, actuals, mapping, findings) };
    used.push(...targets, ...actuals);
  }
  if (!kind || !rows) {
    if (!budget) return { model: null, findings, used };
    kind = 'separate';
    rows = { indicators: [], groups: [] };
  }
  // An index system's totals are the evaluator's, not a self-report.
  const total = kind === 'indexSystem' ? null : findSelfReportedTotal(mapping, used);
  return {
    model: {
      kind,
      budget,
      indicators: rows.indicators,
      groups: rows.groups,
      selfReportedTotal: total?.value ?? null,
      selfReportedTotalRef: total?.ref ?? null,
    },
    findings,
    used,
  };
}
