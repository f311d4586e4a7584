/**
 * 预算执行率: rate = 全年执行数 ÷ 全年预算数 (调整后; 年初 when absent), scored by the scheme.
 */
import { a1 } from '../address';
import type { Finding } from '../findings';
import type { BudgetModel } from '../model/types';
import { formatYuan } from '../report/format';
import { round4, toHundredths } from './rounding';
import type { Scheme } from './scheme';
import type { ScoredBudget } from './types';

export function scoreBudget(b: BudgetModel, weight: number | null, scheme: Scheme, findings: Finding[]): ScoredBudget {
  const base = b.adjustedFen ?? b.initialFen;
  const at = (k: keyof BudgetModel['cells']) => {
    const s = b.cells[k] ?? b.source;
    return { sheet: s.sheet, cell: a1(s.row, Math.max(s.col, 0)), row: s.row + 1 };
  };
  let rate: number | null = null;
  if (base !== null && base > 0 && b.executedFen !== null) rate = b.executedFen / base;
  else if (base !== null && b.executedFen !== null) {
    findings.push({
      rule: 'budget-zero', severity: 'warning', ...at('adjusted'), value: 0, allowed: '>0',
      message: `预算数为 0，无法计算预算执行率。`,
    });
  }
  let hundredths = 0;
  if (rate !== null && weight !== null) {
    const r = round4(rate);
    if (scheme.budgetScoring.kind === 'proportional') hundredths = toHundredths(weight * Math.min(r, 1));
    else {
      const step = scheme.budgetScoring.steps.find((s) => r >= s.minRate);
      hundredths = toHundredths(weight * (step ? step.fraction : 0));
    }
  }
  if (rate !== null && b.executedFen !== null && base !== null && rate > 1) {
    findings.push({
      rule: 'over-budget', severity: 'warning', ...at('executed'), value: b.executedFen / 100, allowed: `≤${base / 100}`,
      message: `全年执行数 ${formatYuan(b.executedFen)} 超过预算数 ${formatYuan(base)}（执行率 ${(rate * 100).toFixed(2)}%），支出超出预算，请说明资金来源。`,
    });
  }
  if (rate !== null && b.statedRate !== null && Math.abs(round4(rate) - b.statedRate) > 0.005) {
    findings.push({
      rule: 'stated-rate', severity: 'info', ...at('executed'), value: b.statedRate, allowed: round4(rate).toString(),
      message: `表中填写的执行率 ${(b.statedRate * 100).toFixed(2)}% 与按执行数÷预算数计算的 ${(rate * 100).toFixed(2)}% 不一致。`,
    });
  }
  if (b.selfScore !== null && b.selfScore - hundredths / 100 > scheme.selfScoreTolerance) {
    findings.push({
      rule: 'self-score-above-computed', severity: 'warning', ...at('selfScore'), value: b.selfScore,
      allowed: `≤${(hundredths / 100).toFixed(2)}`,
      message: `预算执行率自评得分 ${b.selfScore.toFixed(2)}，按执行率计算应为 ${(hundredths / 100).toFixed(2)} 分。`,
    });
  }
  return {
    initialFen: b.initialFen,
    adjustedFen: b.adjustedFen,
    executedFen: b.executedFen,
    executionRate: rate === null ? null : round4(rate),
    weight,
    hundredths,
    selfScore: b.selfScore,
    needsExplanation: rate !== null && weight !== null && round4(rate) < scheme.explainBudgetBelowRate,
  };
}
