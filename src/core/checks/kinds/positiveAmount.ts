/**
 * 金额须为正数: an amount that is text (五百元), zero or negative cannot be checked against any standard
 * and is itself an error. An empty amount is reported here only when no requiredFields rule covers 金额.
 */
import { LEDGER_FIELD_LABEL } from '../../ledger/types';
import { cellText } from '../../parse/text';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { finding, placeOf, recipientOf } from '../entryFinding';
import { formatFen } from '../money';
import { quoted } from '../../findings';
import { z } from 'zod';
import { commonRuleFields } from '../../rules/ruleParts';
import type { RuleKindDefinition } from './ruleKind';

export function checkPositiveAmount(rule: PositiveAmountRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, claimed, out } = input;
  if (ledger.columns.amount === undefined) return;
  const label = LEDGER_FIELD_LABEL.amount;
  const reportEmpty = !claimed.has('amount');
  for (let i = 0; i < ledger.length; i++) {
    const fen = ledger.amountFen[i];
    if (fen > 0 && fen !== Infinity) continue;
    if (Number.isNaN(fen) && !reportEmpty) continue;
    const place = placeOf(ledger, i, 'amount');
    const who = recipientOf(ledger, i);
    if (Number.isNaN(fen)) {
      out.push(finding(rule.id, rule.severity, ledger.sheet, place, null, '>0',
        `${place.ref} ${who}的${label}为空（${meta.source}）。`));
    } else if (!Number.isFinite(fen)) {
      const raw = quoted(cellText(ledger.raw(i, 'amount')));
      out.push(finding(rule.id, rule.severity, ledger.sheet, place, raw, '>0',
        `${place.ref} ${who}的${label}“${raw}”不是数字（${meta.source}）。`));
    } else {
      out.push(finding(rule.id, rule.severity, ledger.sheet, place, fen / 100, '>0',
        `${place.ref} ${who}的${label} ${formatFen(fen)} 元不是正数（${meta.source}）。`));
    }
  }
}

const schema = z.strictObject({ ...commonRuleFields, kind: z.literal('positiveAmount') });

/** 金额为正数 (rule kind `positiveAmount`). */
export type PositiveAmountRule = z.infer<typeof schema>;

export const positiveAmount: RuleKindDefinition<PositiveAmountRule> = {
  kind: 'positiveAmount',
  label: '金额为正数',
  schema,
  check: checkPositiveAmount,
};
