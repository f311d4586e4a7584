/**
 * 日期在评价年度内: a payment dated outside the evaluated year (a December payment booked in next
 * year's ledger, or a mistyped year). Compared as serial numbers against the year's first and last day.
 */
import { ruleName } from '../../ruleNames';
import { BAD_DATE, LEDGER_FIELD_LABEL } from '../../ledger/types';
import { toSerial } from '../../parse/date';
import { cellText } from '../../parse/text';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { dateText, finding, placeOf, recipientOf } from '../entryFinding';
import { quoted } from '../../findings';
import { z } from 'zod';
import { commonRuleFields, dateFieldSchema } from '../../rules/ruleParts';
import type { RuleKindDefinition } from './ruleKind';

export function checkDateInYear(rule: DateInYearRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, context, claimed, out } = input;
  const label = LEDGER_FIELD_LABEL[rule.field];
  if (ledger.columns[rule.field] === undefined) return;
  if (context.year === null) {
    out.push(
      finding(rule.id, 'info', ledger.sheet, { cell: '', row: 0 }, null, null,
        `未确定评价年度，未核对${label}是否在评价年度内（规则“${ruleName(rule.id)}”；${meta.source}）。`),
    );
    return;
  }
  const year = context.year;
  const first = toSerial({ y: year, m: 1, d: 1 });
  const last = toSerial({ y: year, m: 12, d: 31 });
  const dates = ledger[rule.field];
  for (let i = 0; i < ledger.length; i++) {
    const s = dates[i];
    if (s === BAD_DATE && !claimed.has(rule.field)) {
      const place = placeOf(ledger, i, rule.field);
      const raw = quoted(cellText(ledger.raw(i, rule.field)));
      out.push(
        finding(rule.id, rule.severity, ledger.sheet, place, raw, `${year}年`,
          `${place.ref} ${recipientOf(ledger, i)}的${label}“${raw}”不是有效日期（${meta.source}）。`),
      );
      continue;
    }
    if (s <= 0 || (s >= first && s <= last)) continue;
    const place = placeOf(ledger, i, rule.field);
    out.push(
      finding(rule.id, rule.severity, ledger.sheet, place, dateText(s), `${year}年`,
        `${place.ref} ${recipientOf(ledger, i)}的${label} ${dateText(s)} 不在评价年度 ${year} 年内（${meta.source}）。`),
    );
  }
}

const schema = z.strictObject({ ...commonRuleFields, kind: z.literal('dateInYear'), field: dateFieldSchema });

/** 日期在评价年度内 (rule kind `dateInYear`). */
export type DateInYearRule = z.infer<typeof schema>;

export const dateInYear: RuleKindDefinition<DateInYearRule> = {
  kind: 'dateInYear',
  label: '日期在评价年度内',
  schema,
  check: checkDateInYear,
};
