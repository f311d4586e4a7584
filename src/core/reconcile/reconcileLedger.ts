/**
 * Reconciliation (SPEC §5): the ledger's total against 全年执行数 (to the 分), and each category's count
 * against the 实际完成值 of the indicator that names it.
 */
import { a1 } from '../address';
import { quoted, type Finding } from '../findings';
import type { BudgetModel, IndicatorModel } from '../model/types';
import { formatYuan } from '../report/format';
import { categoryForIndicator, type LedgerSummary } from './ledgerSummary';

/** Tolerance of the total: 0.01 元. */
const TOTAL_TOLERANCE_FEN = 1;
const COUNT_UNITS: Record<string, 'count' | 'persons' | 'households'> = {
  人次: 'count', 次: 'count', 笔: 'count', 人: 'persons', 名: 'persons', 户: 'households',
};

export function reconcileLedger(summaries: LedgerSummary[], budget: BudgetModel | null, indicators: IndicatorModel[]): Finding[] {
  const findings: Finding[] = [];
  if (summaries.length === 0) return findings;
  const totalFen = summaries.reduce((s, x) => s + x.totalFen, 0);
  if (budget && budget.executedFen !== null) {
    const diff = totalFen - budget.executedFen;
    if (Math.abs(diff) > TOTAL_TOLERANCE_FEN) {
      const at = budget.cells.executed ?? budget.source;
      const cell = a1(at.row, Math.max(at.col, 0));
      findings.push({
        rule: 'reconcile-total', severity: 'error', sheet: at.sheet, cell, row: at.row + 1,
        value: totalFen / 100, allowed: `${budget.executedFen / 100}`,
        message: `“${at.sheet}”!${cell} 全年执行数 ${formatYuan(budget.executedFen)}，与发放明细合计 ${formatYuan(totalFen)} ${diff > 0 ? '多' : '少'} ${formatYuan(Math.abs(diff))}，账表不符，请核对。`,
      });
    }
  }
  for (const ind of indicators) {
    const actual = ind.actual;
    if (!actual || actual.kind !== 'quantitative' || !actual.unit || !(actual.unit in COUNT_UNITS)) continue;
    for (const summary of summaries) {
      const figures = categoryForIndicator(ind.name, summary);
      if (!figures) continue;
      const measure = COUNT_UNITS[actual.unit];
      const ledgerValue = measure === 'count' ? figures.count : measure === 'persons' ? figures.persons() : figures.households();
      if (ledgerValue !== actual.value) {
        const at = ind.cells.actual ?? ind.source;
        const cell = a1(at.row, Math.max(at.col, 0));
        findings.push({
          rule: 'reconcile-count', severity: 'warning', sheet: at.sheet, cell, row: at.row + 1,
          value: actual.value, allowed: `${ledgerValue}${actual.unit}`,
          message: `“${at.sheet}”!${cell} 指标“${quoted(ind.name)}”实际完成值 ${actual.value}${actual.unit}，发放明细“${summary.sheet}”中“${quoted(figures.category)}”为 ${ledgerValue}${actual.unit}（${figures.count} 笔，合计 ${formatYuan(figures.sumFen)}），两者不一致。`,
        });
      }
      break;
    }
  }
  return findings;
}
