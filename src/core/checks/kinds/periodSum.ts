/**
 * 每户（每人）每年累计上限 (≤ 6,000 元/户/年): the payment that takes a recipient's yearly total over the
 * cap is flagged — and each later one that year — naming the total and the earlier payments.
 */
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { scopeMask } from '../ruleScope';
import { yuanToFen } from '../money';
import { flagRunningTotals } from '../runningTotal';
import { z } from 'zod';
import { commonRuleFields, dateFieldSchema, recipientSchema, yuan } from '../../rules/ruleParts';
import { RULE_COLUMNS } from '../../rules/rulesSheetLayout';
import type { RuleKindDefinition } from './ruleKind';

export function checkPeriodSum(rule: PeriodSumRule, meta: ResolvedRule, input: CheckInput): void {
  const cap = yuanToFen(rule.max);
  flagRunningTotals(input, meta, scopeMask(meta, input.rules), rule.by, rule.date, cap, '上限');
}

const schema = z.strictObject({
  ...commonRuleFields,
  kind: z.literal('periodSum'),
  by: recipientSchema,
  period: z.literal('year'),
  max: yuan,
  /** Which date places a payment in a year (发放日期 by default). */
  date: dateFieldSchema.optional(),
});

/** 年度累计金额 (rule kind `periodSum`): a recipient's payments in a year add up to at most `max` 元. */
export type PeriodSumRule = z.infer<typeof schema>;

export const periodSum: RuleKindDefinition<PeriodSumRule> = {
  kind: 'periodSum',
  label: '年度累计金额',
  schema,
  check: checkPeriodSum,
  sheet: {
    write: (rule) => ({ cells: { periodMax: rule.max } }),
    read: (rule, cells) => ({ ...rule, max: cells.amount(RULE_COLUMNS.periodMax, rule.max) }),
  },
};
