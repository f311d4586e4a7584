/**
 * Drafts of 偏差原因分析及改进措施, built from the figures. The reason itself is the officer's to write,
 * so every draft ends with 原因：（待填写）.
 */
import { levelLabel } from '../parse/qualitative';
import { formatPercent, formatWithUnit, formatYuan } from '../report/format';
import type { ScoredBudget, ScoredIndicator } from '../scoring/types';
import { quoted } from '../findings';

export const PENDING = '原因：（待填写）';

/**
 * `ledgerNote` (when the ledger has a category for the indicator) adds the ledger's own figure, e.g.
 * 发放明细中该类别实际发放 412 人次、合计 1,648,000.00 元。
 */
export function draftIndicatorExplanation(s: ScoredIndicator, ledgerNote = ''): string {
  return draftFigures(s).replace(PENDING, `${ledgerNote}${PENDING}`);
}

export function ledgerNote(count: number, sumFen: number): string {
  return `发放明细中该类别实际发放 ${count} 人次、合计 ${formatYuan(sumFen)}。`;
}

function draftFigures(s: ScoredIndicator): string {
  const ind = s.indicator;
  const weightH = Math.round((ind.weight ?? 0) * 100);
  const lost = ((weightH - s.hundredths) / 100).toFixed(2);
  const fmt = (v: number | null, fallback: string) => (v === null ? fallback : formatWithUnit(v, s.unit));
  const actual = fmt(s.actualValue, ind.actualText);
  const target = fmt(s.targetValue, ind.targetText);
  const rate = s.completionRate === null ? '' : `，完成率${formatPercent(s.completionRate)}`;
  switch (s.status) {
    case 'over':
      return `超额完成：实际完成${actual}，年度指标${target}${rate}，年度指标可能设置偏低。${PENDING}`;
    case 'short':
      if (s.direction === 'reverse') {
        return `超出控制：实际${actual}，年度指标${target}，扣${lost}分。${PENDING}`;
      }
      if (s.actualValue === null) return `未达到满分：分值${(weightH / 100).toFixed(2)}，得分${(s.hundredths / 100).toFixed(2)}，扣${lost}分。${PENDING}`;
      return `未完成：实际完成${actual}，年度指标${target}${rate}，扣${lost}分。${PENDING}`;
    case 'qualitative':
      return `${s.level ? levelLabel(s.level) : '部分达成'}：实际“${quoted(ind.actualText)}”，年度指标“${quoted(ind.targetText)}”，扣${lost}分。${PENDING}`;
    case 'missing':
      return `未填写实际完成值，扣${lost}分。${PENDING}`;
    default:
      return `得分${(s.hundredths / 100).toFixed(2)}（分值${(weightH / 100).toFixed(2)}），扣${lost}分。${PENDING}`;
  }
}

export function draftBudgetExplanation(b: ScoredBudget): string {
  const base = b.adjustedFen ?? b.initialFen;
  const lost = (((b.weight ?? 0) * 100 - b.hundredths) / 100).toFixed(2);
  return `预算执行率${formatPercent(b.executionRate ?? 0)}（全年执行数${formatYuan(b.executedFen ?? 0)}，预算数${formatYuan(base ?? 0)}），扣${lost}分。${PENDING}`;
}
