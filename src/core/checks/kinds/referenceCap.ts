/**
 * 与参考标准挂钩的上限 (≤ 10 × 月低保标准 per household per year). The standard is a pack parameter the
 * officer sets; until then the rule reports once, as 提示, that it did not run and what to set. The pane and
 * the CLI both show this sentence, so it names only the 规则 sheet, which both have; the CLI adds its own
 * hint about --param (src/cli/scoreNotices.ts).
 */
import { ruleName } from '../../ruleNames';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { scopeMask } from '../ruleScope';
import { finding } from '../entryFinding';
import { formatLimit, yuanToFen } from '../money';
import { perRecipientYear } from '../periodTotals';
import { flagRunningTotals } from '../runningTotal';
import { z } from 'zod';
import { commonRuleFields, dateFieldSchema, id, recipientSchema } from '../../rules/ruleParts';
import { RULE_COLUMNS } from '../../rules/rulesSheetLayout';
import type { RuleKindDefinition } from './ruleKind';

export function checkReferenceCap(rule: ReferenceCapRule, meta: ResolvedRule, input: CheckInput): void {
  const param = input.rules.parameters.find((p) => p.id === rule.parameter);
  const label = param?.label ?? rule.parameter;
  const per = perRecipientYear(rule.by);
  if (!param || param.value === null || !(param.value > 0)) {
    input.out.push(
      finding(
        rule.id,
        'info',
        input.ledger.sheet,
        { cell: '', row: 0 },
        null,
        null,
        `规则“${ruleName(rule.id)}”（${per}不超过 ${rule.multiplier} 个月${label}）未执行：请在“规则”表的参数中填写“${label}”（${param?.unit ?? '元'}）后重新检查，工作簿中还没有“规则”表时先写入规则表（${meta.source}）。`,
      ),
    );
    return;
  }
  const unitFen = yuanToFen(param.value);
  const capFen = Math.round(unitFen * rule.multiplier);
  const capName = `${rule.multiplier} 个月${label}（${formatLimit(unitFen)} ${param.unit}）合计`;
  flagRunningTotals(input, meta, scopeMask(meta, input.rules), rule.by, rule.date, capFen, capName);
}

const schema = z.strictObject({
  ...commonRuleFields,
  kind: z.literal('referenceCap'),
  by: recipientSchema,
  period: z.literal('year'),
  /** Parameter id whose value, times `multiplier`, is the cap (月低保标准 × 10). */
  parameter: id,
  multiplier: z.number().positive(),
  date: dateFieldSchema.optional(),
});

/** 参考标准上限 (rule kind `referenceCap`). */
export type ReferenceCapRule = z.infer<typeof schema>;

export const referenceCap: RuleKindDefinition<ReferenceCapRule> = {
  kind: 'referenceCap',
  label: '参考标准上限',
  schema,
  check: checkReferenceCap,
  sheet: {
    write: (rule) => ({ cells: { periodMax: rule.multiplier } }),
    read: (rule, cells) => ({ ...rule, multiplier: cells.amount(RULE_COLUMNS.periodMax, rule.multiplier, true) }),
  },
};
