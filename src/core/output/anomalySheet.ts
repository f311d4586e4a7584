/**
 * 异常清单: one row per finding, errors first (the ledger's before the score sheet's), in sheet order, each
 * with a link to its cell, the rule's Chinese name, the figures formatted, and the rule id last.
 */
import { SEVERITY_LABEL, type Finding } from '../findings';
import { PAGE_FOOTER, type OutputCell, type SheetContent } from '../patch';
import { fitCells } from './cellLimits';
import { fitRowHeights } from './rowHeights';
import { allowedText, messageAfterPlace, valueText } from '../report/findingFigures';
import { ruleName } from '../ruleNames';
import { TOTAL_ABOVE_100, WEIGHT_TOTAL } from '../scoring/scoreProject';
import { PARTLY_READ } from '../scoring/whatWasRead';

export function buildAnomalySheet(findings: Finding[], name: string, after?: string): SheetContent {
  const rows: (OutputCell | null)[][] = [];
  rows.push([{ v: `异常清单（共 ${findings.length} 条：违规 ${count(findings, 'error')}，需核实 ${count(findings, 'warning')}，提示 ${count(findings, 'info')}）`, style: 'title' }]);
  rows.push(ANOMALY_COLUMNS.map((v) => ({ v, style: 'header' as const })));
  for (const f of findings) {
    rows.push([
      { v: SEVERITY_LABEL[f.severity], style: f.severity },
      { v: ruleName(f.rule), style: 'body' },
      { v: f.sheet, style: 'body' },
      f.cell ? { v: f.cell, style: 'body', link: { sheet: f.sheet, cell: f.cell } } : { v: null, style: 'body' },
      { v: valueText(f), style: 'body' },
      { v: allowedText(f), style: 'body' },
      { v: messageAfterPlace(f), style: 'body' },
      // The stable id, last: what a pack author or a support request quotes; nobody reads it as a heading.
      { v: f.rule, style: 'note' },
    ]);
  }
  const fitted = fitCells(rows);
  const merges = [`A1:${String.fromCharCode(64 + ANOMALY_COLUMNS.length)}1`];
  return {
    name,
    role: 'anomalies',
    rows: fitted,
    merges,
    columnWidths: ANOMALY_WIDTHS,
    rowHeights: fitRowHeights(fitted, ANOMALY_WIDTHS, merges),
    frozenRows: 2,
    // A4 landscape, one page wide, the title and the column headers on every page.
    print: { paper: 'A4', orientation: 'landscape', pagesWide: 1, titleRows: { first: 1, last: 2 }, footer: PAGE_FOOTER },
    after,
  };
}

/** The columns of 异常清单; the cell address is said once, in 单元格 (a link), not again in 说明. */
export const ANOMALY_COLUMNS = ['级别', '规则', '工作表', '单元格', '填报', '标准', '说明', '规则编号'] as const;
const ANOMALY_WIDTHS = [8, 20, 14, 8, 16, 20, 60, 22];

function count(findings: Finding[], s: Finding['severity']): number {
  return findings.filter((f) => f.severity === s).length;
}

/**
 * Findings that are read before all others: first what withholds the grade (the weights far from 100, then
 * a total above 100), then what was not read; then errors, warnings and notes, each with the ledger's
 * findings (payments against the rules) before the score sheet's, in sheet order, row by row.
 */
const LEAD: Record<string, number> = { [WEIGHT_TOTAL]: 0, [TOTAL_ABOVE_100]: 1, [PARTLY_READ]: 2 };

export function sortFindings(findings: Finding[], sheetOrder: Map<string, number>, ledgerSheets: ReadonlySet<string> = new Set()): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const ledger = (f: Finding) => (ledgerSheets.has(f.sheet) ? 0 : 1);
  return findings.slice().sort(
    (a, b) =>
      (LEAD[a.rule] ?? 3) - (LEAD[b.rule] ?? 3) ||
      rank[a.severity] - rank[b.severity] ||
      ledger(a) - ledger(b) ||
      (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
      a.row - b.row ||
      a.rule.localeCompare(b.rule),
  );
}
