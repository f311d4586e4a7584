/**
 * 每户（每人）每年累计上限 (≤ 6,000 元/户/年): the payment that takes a recipient's yearly total over the
 * cap is flagged — and each later one that year — naming the total and the earlier payments.
 */
import type { RuleOf } from '../rules/packSchema';
import type { ResolvedRule } from '../rules/resolvedRules';
import type { CheckInput } from './checkInput';
import { scopeMask } from './ruleScope';
import { yuanToFen } from './money';
import { flagRunningTotals } from './runningTotal';

export function checkPeriodSum(rule: RuleOf<'periodSum'>, meta: ResolvedRule, input: CheckInput): void {
  const cap = yuanToFen(rule.max);
  flagRunningTotals(input, meta, scopeMask(meta, input.rules), rule.by, rule.date, cap, '上限');
}
