/**
 * Scores a whole project: every indicator, the budget, the weight checks, the total, the grade and the
 * summary per 一级指标 (评价情况总表).
 */
import { a1 } from '../address';
import type { Finding } from '../findings';
import type { ProjectModel } from '../model/types';
import { scoreBudget } from './scoreBudget';
import { scoreIndicator } from './scoreIndicator';
import { round4, toHundredths } from './rounding';
import { gradeOf, type Scheme } from './scheme';
import type { ScoredBudget, ScoreResult, SummaryRow } from './types';

export const BUDGET_FACTOR = '预算执行率';

/** The grade of a project whose total is above 100 or whose weights are far from 100: none. */
export const GRADE_WITHHELD = '—（分值合计异常）';

/** How far the weights may sum from 100 before the project gets no grade (SPEC §4: 100 分制). */
export const WEIGHT_TOLERANCE = 5;

/**
 * Findings that withhold the grade: the weights far from 100, or a total above 100. They stand at the top
 * of the report, since every other figure is read in their light.
 */
export const WEIGHT_TOTAL = 'weight-total';
export const TOTAL_ABOVE_100 = 'total-above-100';

export function scoreProject(model: ProjectModel, scheme: Scheme): ScoreResult {
  const findings: Finding[] = [];
  const indicators = model.indicators.map((ind) => scoreIndicator(ind, model.kind, scheme, findings));
  const weightSum = model.indicators.reduce((s, i) => s + toHundredths(i.weight ?? 0), 0);

  let budget: ScoredBudget | null = null;
  // Points the scheme gives a budget the workbook lacks: not counted (missing-budget says so), but the
  // weights are not abnormal for want of them.
  let missingBudgetWeight = 0;
  if (model.budget) {
    const weight = model.budget.weight ?? (model.kind === 'indexSystem' || weightSum >= 10000 ? null : scheme.budgetWeight);
    budget = scoreBudget(model.budget, weight, scheme, findings);
  } else if (model.kind !== 'indexSystem' && weightSum < 10000 && model.indicators.length > 0) {
    missingBudgetWeight = toHundredths(scheme.budgetWeight);
    findings.push({
      rule: 'missing-budget', severity: 'warning', sheet: model.indicators[0].source.sheet, cell: '', row: 0,
      value: null, allowed: null,
      message: `指标分值合计 ${(weightSum / 100).toFixed(2)} 分，但工作簿中没有找到预算执行表（年初预算数/全年预算数/全年执行数），预算执行率 ${scheme.budgetWeight} 分未计。`,
    });
  }

  const weightsFar = checkWeights(model, weightSum, budget, missingBudgetWeight, findings);

  let total = indicators.reduce((s, i) => s + i.hundredths, 0) + (budget?.hundredths ?? 0);
  let uncapped: number | null = null;
  if (scheme.executionCap && budget?.executionRate != null) {
    const cap = scheme.executionCap.find((c) => budget!.executionRate! < c.belowRate);
    if (cap && total > cap.maxTotal * 100) {
      uncapped = total;
      total = cap.maxTotal * 100;
      findings.push({
        rule: 'execution-cap', severity: 'info', sheet: model.budget!.source.sheet, cell: '', row: model.budget!.source.row + 1,
        value: uncapped / 100, allowed: `≤${cap.maxTotal}`,
        message: `预算执行率 ${(budget.executionRate * 100).toFixed(2)}% 低于 ${(cap.belowRate * 100).toFixed(0)}%，总分按方案上限 ${cap.maxTotal} 分计（计算得分 ${(uncapped / 100).toFixed(2)}）。`,
      });
    }
  }

  if (model.selfReportedTotal !== null && model.selfReportedTotal - total / 100 > scheme.selfScoreTolerance) {
    const r = model.selfReportedTotalRef!;
    findings.push({
      rule: 'self-score-above-computed', severity: 'warning', sheet: r.sheet, cell: a1(r.row, r.col), row: r.row + 1,
      value: model.selfReportedTotal, allowed: `≤${(total / 100).toFixed(2)}`,
      message: `自评总得分 ${model.selfReportedTotal.toFixed(2)} 分，按表中实际完成值计算为 ${(total / 100).toFixed(2)} 分，自评偏高 ${(model.selfReportedTotal - total / 100).toFixed(2)} 分，请核实。`,
    });
  }

  if (total > 10000) {
    const first = model.indicators[0]?.source ?? model.budget?.source;
    findings.push({
      rule: TOTAL_ABOVE_100, severity: 'error', sheet: first?.sheet ?? '', cell: '', row: 0,
      value: total / 100, allowed: '≤100',
      message: `按表中数据计算的总分为 ${(total / 100).toFixed(2)} 分，超过满分 100 分，分值合计异常，不评定等级；请核对各指标的分值和得分。`,
    });
  }
  const withheld = weightsFar || total > 10000;

  const summary: SummaryRow[] = [];
  if (budget && budget.weight !== null) {
    summary.push(row(BUDGET_FACTOR, toHundredths(budget.weight), budget.hundredths));
  }
  const level1s: string[] = [];
  for (const i of indicators) if (!level1s.includes(i.indicator.level1)) level1s.push(i.indicator.level1);
  for (const l1 of level1s) {
    const members = indicators.filter((i) => i.indicator.level1 === l1);
    summary.push(row(l1 || '（未分组）', members.reduce((s, i) => s + toHundredths(i.indicator.weight ?? 0), 0), members.reduce((s, i) => s + i.hundredths, 0)));
  }

  return {
    indicators,
    budget,
    totalHundredths: total,
    grade: withheld ? GRADE_WITHHELD : gradeOf(total / 100, scheme),
    summary,
    findings,
    uncappedHundredths: uncapped,
  };
}

function row(factor: string, weightH: number, scoreH: number): SummaryRow {
  return { factor, weight: weightH / 100, score: scoreH / 100, rate: weightH > 0 ? round4(scoreH / weightH) : null };
}

/**
 * Children must sum to their parent and the whole to 100; a mismatch is a finding. True when the whole
 * (with the scheme's budget points when the budget table is missing) is more than WEIGHT_TOLERANCE from
 * 100: then the finding is an error and the project gets no grade.
 */
function checkWeights(model: ProjectModel, weightSum: number, budget: ScoredBudget | null, missingBudgetWeight: number, findings: Finding[]): boolean {
  for (const g of model.groups) {
    if (g.declaredWeight === null) continue;
    const members = model.indicators.filter((i) => i.level1 === g.level1 && (g.level === 1 || i.level2 === g.name));
    // An indicator without a 分值 has its own finding; the sums it upsets would only repeat it.
    if (members.length === 0 || members.some((i) => i.weight === null)) continue;
    const sum = members.reduce((s, i) => s + toHundredths(i.weight ?? 0), 0);
    if (sum !== toHundredths(g.declaredWeight)) {
      const src = g.source;
      findings.push({
        rule: 'weight-sum', severity: 'warning', sheet: src?.sheet ?? '', cell: src ? a1(src.row, 0) : '', row: src ? src.row + 1 : 0,
        value: sum / 100, allowed: String(g.declaredWeight),
        message: `${g.level === 1 ? '一级' : '二级'}指标“${g.name}”分值为 ${g.declaredWeight} 分，其下指标分值合计 ${(sum / 100).toFixed(2)} 分，两者不一致。`,
      });
    }
  }
  if (model.indicators.length === 0) return false;
  const whole = weightSum + toHundredths(budget?.weight ?? 0);
  if (whole === 10000) return false;
  const first = model.indicators[0].source;
  const far = Math.abs(whole + missingBudgetWeight - 10000) > WEIGHT_TOLERANCE * 100;
  const sum = `全部指标分值${budget?.weight ? `（含预算执行率 ${budget.weight} 分）` : ''}合计 ${(whole / 100).toFixed(2)} 分，应为 100 分`;
  findings.push({
    rule: far ? WEIGHT_TOTAL : 'weight-sum', severity: far ? 'error' : 'warning', sheet: first.sheet, cell: '', row: 0,
    value: whole / 100, allowed: far ? `100±${WEIGHT_TOLERANCE}` : '100',
    message: far
      ? `${sum}，相差超过 ${WEIGHT_TOLERANCE} 分，分值合计异常，不评定等级；请核对各指标的分值。`
      : `${sum}。`,
  });
  return far;
}
