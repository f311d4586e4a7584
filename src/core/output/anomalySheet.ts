/**
 * 异常清单: one row per finding, errors first, in sheet order, each with a link to its cell.
 */
import { SEVERITY_LABEL, type Finding } from '../findings';
import type { OutputCell, SheetContent } from '../patch';
import { fitCells } from './cellLimits';
import { TOTAL_ABOVE_100, WEIGHT_TOTAL } from '../scoring/scoreProject';
import { PARTLY_READ } from '../scoring/whatWasRead';

export function buildAnomalySheet(findings: Finding[], name: string, after?: string): SheetContent {
  const rows: (OutputCell | null)[][] = [];
  rows.push([{ v: `异常清单（共 ${findings.length} 条：违规 ${count(findings, 'error')}，需核实 ${count(findings, 'warning')}，提示 ${count(findings, 'info')}）`, style: 'title' }]);
  rows.push(['级别', '规则', '工作表', '单元格', '行', '实际值', '允许范围', '说明'].map((v) => ({ v, style: 'header' as const })));
  for (const f of findings) {
    rows.push([
      { v: SEVERITY_LABEL[f.severity], style: f.severity },
      { v: f.rule, style: 'body' },
      { v: f.sheet, style: 'body' },
      f.cell ? { v: f.cell, style: 'body', link: { sheet: f.sheet, cell: f.cell } } : { v: null, style: 'body' },
      f.row > 0 ? { v: f.row, numFmt: '0', style: 'body' } : { v: null, style: 'body' },
      typeof f.value === 'number' ? { v: f.value, numFmt: 'General', style: 'body' } : { v: f.value, style: 'body' },
      { v: f.allowed, style: 'body' },
      { v: f.message, style: 'body' },
    ]);
  }
  return {
    name,
    role: 'anomalies',
    rows: fitCells(rows),
    merges: ['A1:H1'],
    columnWidths: [8, 26, 16, 9, 7, 16, 16, 80],
    frozenRows: 2,
    after,
  };
}

function count(findings: Finding[], s: Finding['severity']): number {
  return findings.filter((f) => f.severity === s).length;
}

/**
 * Findings that are read before all others: first what withholds the grade (the weights far from 100, then
 * a total above 100), then what was not read; then errors, warnings and notes, in sheet order, row by row.
 */
const LEAD: Record<string, number> = { [WEIGHT_TOTAL]: 0, [TOTAL_ABOVE_100]: 1, [PARTLY_READ]: 2 };

export function sortFindings(findings: Finding[], sheetOrder: Map<string, number>): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings.slice().sort(
    (a, b) =>
      (LEAD[a.rule] ?? 3) - (LEAD[b.rule] ?? 3) ||
      rank[a.severity] - rank[b.severity] ||
      (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
      a.row - b.row ||
      a.rule.localeCompare(b.rule),
  );
}
