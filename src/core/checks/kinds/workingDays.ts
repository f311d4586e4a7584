/**
 * 时限（工作日）: the working days from one date of a payment to another must not exceed the limit
 * (审核 within 5 working days of 申请; 录入帮扶系统 within 30 working days of 发放), counted on the official
 * calendar. Dates in years the calendar does not cover are reported once per year, never guessed.
 */
import { BAD_DATE, EMPTY_DATE, LEDGER_FIELD_LABEL } from '../../ledger/types';
import { quoted, type Finding } from '../../findings';
import { cellText } from '../../parse/text';
import type { DateField } from '../../rules/ruleParts';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { dateText, finding, headerPlace, placeOf, recipientOf, ruleFinding } from '../entryFinding';
import { calendarYears, workingDaysBetween } from '../workingDays';
import { z } from 'zod';
import { commonRuleFields, dateFieldSchema } from '../../rules/ruleParts';
import { RULE_COLUMNS } from '../../rules/rulesSheetLayout';
import type { RuleKindDefinition } from './ruleKind';

export function checkWorkingDays(rule: WorkingDaysRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, claimed, out } = input;
  const fromLabel = LEDGER_FIELD_LABEL[rule.from];
  const toLabel = LEDGER_FIELD_LABEL[rule.to];
  const allowed = `≤${rule.max}个工作日`;
  const standard = `${toLabel}应在${fromLabel}后 ${rule.max} 个工作日内`;
  const missing = [rule.from, rule.to].filter((f) => ledger.columns[f] === undefined);
  if (missing.length > 0) {
    const place = headerPlace(ledger);
    out.push(
      finding(
        rule.id,
        'info',
        ledger.sheet,
        place,
        null,
        allowed,
        `“${ledger.sheet}”没有${missing.map((f) => `“${LEDGER_FIELD_LABEL[f]}”`).join('、')}列，未核对“${standard}”（${meta.source}）。`,
      ),
    );
    return;
  }
  // Local copies: this loop runs once per row, and some module loaders turn imported constants into getters.
  const EMPTY = EMPTY_DATE;
  const BAD = BAD_DATE;
  const between = workingDaysBetween;
  const fromDates = ledger[rule.from];
  const toDates = ledger[rule.to];
  const uncovered = new Map<number, { count: number; first: number }>();
  for (let i = 0; i < ledger.length; i++) {
    const f = fromDates[i];
    const t = toDates[i];
    // A missing or unreadable date is reported here only when no requiredFields rule already does.
    if (f === EMPTY || f === BAD || t === EMPTY || t === BAD) {
      if (f === EMPTY && t === EMPTY) continue;
      const field = f === EMPTY || f === BAD ? rule.from : rule.to;
      if (claimed.has(field)) continue;
      if (ledger[field][i] === BAD) out.push(unreadableDate(rule, meta, input, i, field));
      else {
        const place = placeOf(ledger, i, field);
        const other = field === rule.to ? f : t;
        const otherLabel = field === rule.to ? fromLabel : toLabel;
        const known = other > 0 ? `${otherLabel}为 ${dateText(other)}，但` : '';
        out.push(
          finding(rule.id, rule.severity, ledger.sheet, place, null, allowed,
            `${place.ref} ${recipientOf(ledger, i)}的${known}${LEDGER_FIELD_LABEL[field]}为空，无法确认${standard}（${meta.source}）。`),
        );
      }
      continue;
    }
    const days = between(f, t);
    if (typeof days !== 'number') {
      const seen = uncovered.get(days.outsideCalendar);
      if (seen) seen.count++;
      else uncovered.set(days.outsideCalendar, { count: 1, first: i });
      continue;
    }
    if (days >= 0 && days <= rule.max) continue;
    const place = placeOf(ledger, i, rule.to);
    const message =
      days < 0
        ? `${place.ref} ${recipientOf(ledger, i)}的${toLabel} ${dateText(t)} 早于${fromLabel} ${dateText(f)}，日期有误（${standard}；${meta.source}）。`
        : `${place.ref} ${recipientOf(ledger, i)}的${toLabel} ${dateText(t)} 距${fromLabel} ${dateText(f)} 共 ${days} 个工作日，超过 ${rule.max} 个工作日（${meta.source}）。`;
    out.push(finding(rule.id, rule.severity, ledger.sheet, place, days, allowed, message));
  }
  const years = calendarYears();
  for (const [year, { count, first }] of uncovered) {
    const place = placeOf(ledger, first, rule.to);
    out.push(
      finding(
        rule.id,
        'warning',
        ledger.sheet,
        place,
        year,
        allowed,
        `${place.ref}${count > 1 ? ` 等 ${count} 笔` : ''}的日期在 ${year} 年，法定节假日与调休日历（chinese-days）只覆盖 ${years.first}–${years.last} 年，无法按工作日核对“${standard}”，请人工核对（${meta.source}）。`,
      ),
    );
  }
}

/** A date cell that holds something other than a date, unless a requiredFields rule reports it. */
function unreadableDate(rule: WorkingDaysRule, meta: ResolvedRule, input: CheckInput, i: number, field: DateField): Finding {
  const { ledger } = input;
  const place = placeOf(ledger, i, field);
  const raw = quoted(cellText(ledger.raw(i, field)));
  return ruleFinding(
    rule,
    ledger,
    place,
    raw,
    `≤${rule.max}个工作日`,
    `${place.ref} ${recipientOf(ledger, i)}的${LEDGER_FIELD_LABEL[field]}“${raw}”不是有效日期，无法按工作日核对（${meta.source}）。`,
  );
}

const schema = z
  .strictObject({
    ...commonRuleFields,
    kind: z.literal('workingDays'),
    from: dateFieldSchema,
    to: dateFieldSchema,
    max: z.number().int().nonnegative(),
  })
  .refine((r) => r.from !== r.to, { message: '起止日期不能是同一列', path: ['to'] });

/** 工作日时限 (rule kind `workingDays`). */
export type WorkingDaysRule = z.infer<typeof schema>;

export const workingDays: RuleKindDefinition<WorkingDaysRule> = {
  kind: 'workingDays',
  label: '工作日时限',
  schema,
  check: checkWorkingDays,
  sheet: {
    write: (rule) => ({ cells: { workdays: rule.max } }),
    read: (rule, cells) => ({ ...rule, max: cells.count(RULE_COLUMNS.workdays, rule.max) }),
  },
};
