/**
 * 每人每年次数上限 (季度救助 ≤ 2 次/年): the payments beyond the allowed number in a year, in date order,
 * are flagged, naming the earlier ones.
 */
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { scopeMask, scopeName } from '../ruleScope';
import { dateText, ruleFinding, placeOf, rowList, ROW_LIST_LIMIT } from '../entryFinding';
import { overCap, perRecipientYear, recipientText } from '../periodTotals';
import { z } from 'zod';
import { commonRuleFields, dateFieldSchema, recipientSchema } from '../../rules/ruleParts';
import { RULE_COLUMNS } from '../../rules/rulesSheetLayout';
import type { RuleKindDefinition } from './ruleKind';

export function checkPeriodCount(rule: PeriodCountRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, rules, out } = input;
  const mask = scopeMask(meta, rules);
  const cal = facts.calendar(rule.date);
  const what = scopeName(rule.category, rules);
  for (const group of overCap(input, mask, rule.by, rule.date, 'count', rule.max)) {
    // The message names the first few earlier rows and counts the rest: one person paid 50,000 times
    // must not cost 50,000 copies of the earlier rows.
    const firstRows = group.entries.slice(0, ROW_LIST_LIMIT).map((x) => x.row);
    group.entries.forEach((e, k) => {
      if (k < rule.max) return;
      const field = cal.fieldOf(e.i);
      const place = placeOf(ledger, e.i, field);
      out.push(
        ruleFinding(
          rule,
          ledger,
          place,
          k + 1,
          `≤${rule.max}次`,
          `${place.ref} ${recipientText(input, e.i, rule.by)} ${dateText(e.serial)} 是 ${group.year} 年第 ${k + 1} 次${what}（之前${rowList(firstRows, k)}），超过${perRecipientYear(rule.by)} ${rule.max} 次（${meta.source}）。`,
        ),
      );
    });
  }
}

const schema = z.strictObject({
  ...commonRuleFields,
  kind: z.literal('periodCount'),
  by: recipientSchema,
  period: z.literal('year'),
  max: z.number().int().nonnegative(),
  date: dateFieldSchema.optional(),
});

/** 年度次数 (rule kind `periodCount`): a recipient is paid at most `max` times a year. */
export type PeriodCountRule = z.infer<typeof schema>;

export const periodCount: RuleKindDefinition<PeriodCountRule> = {
  kind: 'periodCount',
  label: '年度次数',
  schema,
  check: checkPeriodCount,
  sheet: {
    write: (rule) => ({ cells: { periodMax: rule.max } }),
    read: (rule, cells) => ({ ...rule, max: cells.count(RULE_COLUMNS.periodMax, rule.max) }),
  },
};
