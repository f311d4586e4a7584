/**
 * The finding that the unit's self-reported total is higher than the computed one (scoreProject makes it,
 * with the scheme's self-score tolerance), found in a report: the pane shows it rather than deciding again.
 */
import type { Finding } from '../findings';
import type { Report } from './report';

export function selfTotalFinding(report: Report): Finding | null {
  const { selfReportedTotal, total } = report;
  if (selfReportedTotal === null || total === null) return null;
  // An indicator's or the budget's finding has the same rule; the total's quotes the total and its limit.
  return (
    report.findings.find(
      (f) => f.rule === 'self-score-above-computed' && f.value === selfReportedTotal && f.allowed === `≤${total.toFixed(2)}`,
    ) ?? null
  );
}
