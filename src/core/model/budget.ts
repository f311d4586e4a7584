/**
 * The budget block (预算执行情况): 年初预算数, 全年预算数, 全年执行数 in 分, read from the table's total row
 * (or its first row with figures), in the unit detection decided, with its 分值, 得分 and 执行率.
 */
import type { MappedTable } from '../detect/mapping';
import { isBlank, type SheetGrid } from '../detect/sheetGrid';
import { budgetAmountUnit, rowLabel } from '../detect/tables';
import type { Finding } from '../findings';
import { cellText } from '../parse/text';
import { outOfRangeFinding } from './computable';
import { colOf, readNumber, ref } from './tableCells';
import type { BudgetModel } from './types';

const TOTAL_ROW = /年度资金总额|资金总额|合计|总计/;

export function readBudget(t: MappedTable, g: SheetGrid, findings: Finding[]): BudgetModel | null {
  const amountCols = (['budgetInitial', 'budgetAdjusted', 'budgetExecuted'] as const).map((k) => colOf(t, k));
  const candidates: number[] = [];
  for (let r = t.bodyStart; r <= t.bodyEnd; r++) {
    if (amountCols.some((c) => c !== null && !isBlank(g.value(r, c)))) candidates.push(r);
  }
  if (candidates.length === 0) return null;
  const labelled = candidates.find((r) => TOTAL_ROW.test(rowLabel(g, r, t.columns) ?? ''));
  const r = labelled ?? candidates[0];
  const scale = budgetScale(t, g);
  const money = (kind: 'budgetInitial' | 'budgetAdjusted' | 'budgetExecuted', what: string): number | null => {
    const col = colOf(t, kind);
    const n = readNumber(t, g, r, col, findings, what);
    if (n === null) return null;
    const fen = Math.round(n * scale * 100);
    // 9e13 万元 is a computable figure but not a computable number of fen.
    if (!Number.isSafeInteger(fen)) {
      findings.push(outOfRangeFinding(t.sheet, r, col!, what, n, '已不计入合计'));
      return null;
    }
    return fen;
  };
  const explanationCol = colOf(t, 'explanation');
  const explanation = explanationCol === null ? '' : cellText(g.value(r, explanationCol)).trim();
  return {
    initialFen: money('budgetInitial', '年初预算数'),
    adjustedFen: money('budgetAdjusted', '全年预算数'),
    executedFen: money('budgetExecuted', '全年执行数'),
    // Without its own 分值 the budget weighs what the scheme gives it (scoreProject).
    weight: readNumber(t, g, r, colOf(t, 'weight'), findings, '分值', '未采用该分值'),
    selfScore: readNumber(t, g, r, colOf(t, 'score') ?? colOf(t, 'selfScore'), findings, '得分'),
    statedRate: readNumber(t, g, r, colOf(t, 'executionRate'), findings, '执行率'),
    explanation: explanation || null,
    source: ref(t, r, null),
    cells: {
      initial: ref(t, r, colOf(t, 'budgetInitial')),
      adjusted: ref(t, r, colOf(t, 'budgetAdjusted')),
      executed: ref(t, r, colOf(t, 'budgetExecuted')),
      weight: ref(t, r, colOf(t, 'weight')),
      selfScore: ref(t, r, colOf(t, 'score') ?? colOf(t, 'selfScore')),
      ...(explanationCol === null ? {} : { explanation: ref(t, r, explanationCol) }),
    },
  };
}

/**
 * The budget's amounts in 元, in the unit detection decided; the table's `because` (in the report's
 * mapping) says which unit was applied, and why when the figures overruled the header.
 */
function budgetScale(t: MappedTable, g: SheetGrid): number {
  // A table the user mapped as the budget was not read as one by detection: decide its unit now.
  return (t.amountUnit ?? budgetAmountUnit(g, t)).scale;
}
