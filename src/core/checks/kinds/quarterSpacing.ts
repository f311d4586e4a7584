/**
 * 隔季度申请 (季度救助 not in two consecutive quarters): a payment whose quarter follows, too closely,
 * a quarter in which the same recipient already received one is flagged, naming that earlier payment
 * (the earliest in that quarter). Linear: a pass in row order notes the quarters each recipient was paid
 * in, a second finds the payments too close to one, and only for those is the earlier payment looked up.
 */
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { scopeMask, scopeName } from '../ruleScope';
import { dateText, ruleFinding, placeOf } from '../entryFinding';
import { recipientText } from '../periodTotals';
import { z } from 'zod';
import { commonRuleFields, dateFieldSchema, recipientSchema } from '../../rules/ruleParts';
import type { RuleKindDefinition } from './ruleKind';

const QUARTER_NAMES = ['一', '二', '三', '四'];

function quarterText(q: number): string {
  return `${Math.floor(q / 4)} 年第${QUARTER_NAMES[q % 4]}季度`;
}

/** Quarters are year × 4 + quarter, below 40,000, so (group, quarter) fits one number. */
const QUARTERS = 40_000;

export function checkQuarterSpacing(rule: QuarterSpacingRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, rules, out } = input;
  const mask = scopeMask(meta, rules);
  const groups = facts.group(rule.by);
  const count = facts.groupCount(rule.by);
  const cal = facts.calendar(rule.date);
  const { quarter, serial } = cal;
  const category = facts.category;
  const what = scopeName(rule.category, rules);
  const n = ledger.length;
  const gaps = rule.quartersBetween;
  const inScope = (i: number): boolean => groups[i] >= 0 && quarter[i] >= 0 && mask[category[i] + 1] !== 0;
  if (gaps < 1) return;

  // Each payment i paired with the quarter (too close before its own) in which its recipient was paid.
  const found: { i: number; group: number; quarter: number }[] = [];
  /** The earliest payment (by date, then row) of each (recipient, quarter) asked for; -1 until seen. */
  let earliest: Map<number, number> | null = null;
  // The usual ledger spans a year or two: the quarters each recipient was paid in fit one integer, bit
  // k for quarter base + k, the window set around the first quarter seen.
  const paid = new Int32Array(count);
  let base = NaN;
  let narrow = true;
  for (let i = 0; i < n; i++) {
    if (!inScope(i)) continue;
    if (Number.isNaN(base)) base = quarter[i] - 16;
    const k = quarter[i] - base;
    if (k < 0 || k > 31) {
      narrow = false;
      break;
    }
    paid[groups[i]] |= 1 << k;
  }
  if (Number.isNaN(base)) return;
  if (narrow) {
    for (let i = 0; i < n; i++) {
      if (!inScope(i)) continue;
      const bits = paid[groups[i]];
      for (let gap = 1; gap <= gaps; gap++) {
        const k = quarter[i] - gap - base;
        if (k < 0) break;
        if ((bits >>> k) & 1) {
          found.push({ i, group: groups[i], quarter: quarter[i] - gap });
          break;
        }
      }
    }
    if (found.length === 0) return;
    earliest = new Map(found.map((f) => [f.group * QUARTERS + f.quarter, -1]));
    const wanted = new Uint8Array(count);
    for (const f of found) wanted[f.group] = 1;
    for (let i = 0; i < n; i++) {
      if (!inScope(i) || wanted[groups[i]] === 0) continue;
      const key = groups[i] * QUARTERS + quarter[i];
      const e = earliest.get(key);
      if (e !== undefined && (e < 0 || serial[i] < serial[e])) earliest.set(key, i);
    }
  } else {
    // Dates over many years (mistyped ones): the earliest payment of every (recipient, quarter).
    const all = new Map<number, number>();
    let minQ = Infinity;
    for (let i = 0; i < n; i++) {
      if (!inScope(i)) continue;
      if (quarter[i] < minQ) minQ = quarter[i];
      const key = groups[i] * QUARTERS + quarter[i];
      const e = all.get(key);
      if (e === undefined || serial[i] < serial[e]) all.set(key, i);
    }
    for (let i = 0; i < n; i++) {
      if (!inScope(i)) continue;
      for (let gap = 1; gap <= gaps; gap++) {
        const q = quarter[i] - gap;
        if (q < minQ) break;
        if (all.has(groups[i] * QUARTERS + q)) {
          found.push({ i, group: groups[i], quarter: q });
          break;
        }
      }
    }
    earliest = all;
  }

  // Recipient by recipient, each in row order.
  found.sort((a, b) => a.group - b.group || a.i - b.i);
  for (const { i, group, quarter: q } of found) {
    const j = (earliest as Map<number, number>).get(group * QUARTERS + q) as number;
    const field = cal.fieldOf(i);
    const place = placeOf(ledger, i, field);
    out.push(
      ruleFinding(
        rule,
        ledger,
        place,
        dateText(serial[i]),
        `隔${rule.quartersBetween}个季度`,
        `${place.ref} ${recipientText(input, i, rule.by)} ${quarterText(quarter[i])}（${dateText(serial[i])}）的${what}与第 ${ledger.row[j] + 1} 行 ${quarterText(quarter[j])}（${dateText(serial[j])}）的间隔不足，应隔 ${rule.quartersBetween} 个季度（${meta.source}）。`,
      ),
    );
  }
}

const schema = z.strictObject({
  ...commonRuleFields,
  kind: z.literal('quarterSpacing'),
  by: recipientSchema,
  /** Quarters that must lie between two payments (隔一季度申请 → 1). */
  quartersBetween: z.number().int().min(1),
  date: dateFieldSchema.optional(),
});

/** 季度间隔 (rule kind `quarterSpacing`). */
export type QuarterSpacingRule = z.infer<typeof schema>;

export const quarterSpacing: RuleKindDefinition<QuarterSpacingRule> = {
  kind: 'quarterSpacing',
  label: '季度间隔',
  schema,
  check: checkQuarterSpacing,
};
