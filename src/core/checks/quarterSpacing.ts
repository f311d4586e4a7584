/**
 * 隔季度申请 (季度救助 not in two consecutive quarters): a payment whose quarter follows, too closely,
 * a quarter in which the same recipient already received one is flagged, naming that earlier payment.
 */
import type { RuleOf } from '../rules/packSchema';
import type { ResolvedRule } from '../rules/resolvedRules';
import type { CheckInput } from './checkInput';
import { scopeMask, scopeName } from './ruleScope';
import { dateText, finding, placeOf } from './entryFinding';
import { recipientText } from './periodTotals';

const QUARTER_NAMES = ['一', '二', '三', '四'];
/** Up to this many payments per recipient, compare them pairwise; beyond, index them by quarter. */
const FEW = 24;

function quarterText(q: number): string {
  return `${Math.floor(q / 4)} 年第${QUARTER_NAMES[q % 4]}季度`;
}

export function checkQuarterSpacing(rule: RuleOf<'quarterSpacing'>, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, rules, out } = input;
  const mask = scopeMask(meta, rules);
  const { offsets, order, largest } = facts.members(rule.by);
  const cal = facts.calendar(rule.date);
  const what = scopeName(rule.category, rules);
  // This recipient's payments in scope: mine[0 … count - 1], reused for every recipient.
  const mine = new Int32Array(largest);
  let count = 0;

  /** The earliest of `mine` in quarter q, or -1. */
  const earliestIn = (q: number, byQuarter: Map<number, number> | null): number => {
    if (byQuarter) return byQuarter.get(q) ?? -1;
    let best = -1;
    for (let k = 0; k < count; k++) {
      const j = mine[k];
      if (cal.quarter[j] === q && (best < 0 || cal.serial[j] < cal.serial[best])) best = j;
    }
    return best;
  };

  for (let g = 0; g + 1 < offsets.length; g++) {
    count = 0;
    for (let k = offsets[g]; k < offsets[g + 1]; k++) {
      const i = order[k];
      if (mask[facts.category[i] + 1] !== 0 && cal.quarter[i] >= 0) mine[count++] = i;
    }
    if (count < 2) continue;
    let byQuarter: Map<number, number> | null = null;
    if (count > FEW) {
      byQuarter = new Map();
      for (const j of mine.subarray(0, count)) {
        const e = byQuarter.get(cal.quarter[j]);
        if (e === undefined || cal.serial[j] < cal.serial[e]) byQuarter.set(cal.quarter[j], j);
      }
    }
    for (const i of mine.subarray(0, count)) {
      for (let gap = 1; gap <= rule.quartersBetween; gap++) {
        const j = earliestIn(cal.quarter[i] - gap, byQuarter);
        if (j < 0) continue;
        const field = cal.fields[cal.source[i]] ?? 'paymentDate';
        const place = placeOf(ledger, i, field);
        out.push(
          finding(
            rule.id,
            rule.severity,
            ledger.sheet,
            place,
            dateText(cal.serial[i]),
            `隔${rule.quartersBetween}个季度`,
            `${place.ref} ${recipientText(input, i, rule.by)} ${quarterText(cal.quarter[i])}（${dateText(cal.serial[i])}）的${what}与第 ${ledger.row[j] + 1} 行 ${quarterText(cal.quarter[j])}（${dateText(cal.serial[j])}）的间隔不足，应隔 ${rule.quartersBetween} 个季度（${meta.source}）。`,
          ),
        );
        break;
      }
    }
  }
}
