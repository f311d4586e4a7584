import type { Report } from '../core/report/report';
import { SEVERITY_LABEL } from '../core/findings';
import { ruleName } from '../core/ruleNames';

/** The terminal summary: total, grade, the summary per 一级指标, the deviations and the findings. */
export function printReport(report: Report, out?: string): string {
  const lines: string[] = [];
  if (report.total === null) return printLedgerOnly(report, out);
  lines.push(`总得分：${report.total.toFixed(2)}    评价等级：${report.grade}` +
    (report.selfReportedTotal !== null ? `    自评总得分：${report.selfReportedTotal.toFixed(2)}` : ''));
  if (report.budget) {
    const b = report.budget;
    lines.push(`预算执行率：${b.executionRate === null ? '—' : `${(b.executionRate * 100).toFixed(2)}%`}` +
      (b.weight !== null ? `    得分 ${b.score?.toFixed(2)} / ${b.weight.toFixed(2)}` : '（指标体系已含，不单独计分）'));
  }
  lines.push('', '评价因素            分值     得分     得分率');
  for (const s of report.summary) {
    lines.push(`${pad(s.factor, 18)}${s.weight.toFixed(2).padStart(6)}  ${s.score.toFixed(2).padStart(7)}  ${s.rate === null ? '—' : `${(s.rate * 100).toFixed(2)}%`.padStart(8)}`);
  }
  const deviations = report.indicators.filter((i) => i.weight !== null && i.score < i.weight || i.status === 'over');
  lines.push('', `偏差（${deviations.length} 项）：`);
  for (const d of deviations) {
    lines.push(`  · ${d.level2 ? `${d.level2}/` : ''}${d.name}：${d.score.toFixed(2)} / ${d.weight?.toFixed(2)}\u3000${d.explanation}`);
  }
  if (report.budget?.explanation && report.budget.score !== null && report.budget.weight !== null && report.budget.score < report.budget.weight) {
    lines.push(`  · 预算执行率：${report.budget.explanation}`);
  }
  lines.push(...findingLines(report));
  if (out) lines.push('', `已写出：${out}（工作表“${report.output.scoredSheet}”${report.output.anomalySheet ? `、“${report.output.anomalySheet}”` : ''}）`);
  return `${lines.join('\n')}\n`;
}

/** A workbook with a ledger and no budget or indicators: checked against the rules, not scored. */
function printLedgerOnly(report: Report, out?: string): string {
  const lines = ['未找到预算表或绩效指标表：只检查了发放明细，未评分。', ...findingLines(report)];
  if (out) lines.push('', `已写出：${out}${report.output.anomalySheet ? `（工作表“${report.output.anomalySheet}”）` : '（未发现问题，未新增工作表）'}`);
  return `${lines.join('\n')}\n`;
}

/** 「发放明细：未检查（未选择规则包）」: an unchecked ledger must not read as a clean one. */
function ledgerLine(report: Report): string[] {
  const l = report.ledgerCheck;
  if (!l || l.checked) return [];
  const hint = l.suggestedPacks.length > 0 ? `；可加 --rules ${l.suggestedPacks[0]} 检查` : '';
  return ['', `发放明细：未检查（未选择规则包${hint}）`];
}

function findingLines(report: Report): string[] {
  const lines = [...ledgerLine(report), '', `发现问题（${report.findings.length} 条）：`];
  for (const f of report.findings.slice(0, 30)) lines.push(`  [${SEVERITY_LABEL[f.severity]}] ${ruleName(f.rule)}：${f.message}`);
  if (report.findings.length > 30) lines.push(`  ……另有 ${report.findings.length - 30} 条，见“异常清单”工作表或 JSON 报告。`);
  return lines;
}

/** Pads by display width: CJK characters take two columns in a terminal. */
function pad(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(1, width - w));
}
