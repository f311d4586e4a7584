/**
 * 重复发放: two payments to the same person with the same category, amount and date. Each repeat names
 * the first row. Linear, with no key built per row: one pass in row order compares each person's second
 * payment with the first; only the few people with more than two have their payments collected and
 * compared among themselves (pairwise when few, sorted when many).
 */
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { dateText, ruleFinding, paymentLabel, placeOf, recipientOf } from '../entryFinding';
import { formatFen } from '../money';
import { z } from 'zod';
import { commonRuleFields } from '../../rules/ruleParts';
import type { RuleKindDefinition } from './ruleKind';

/** Up to this many payments per person, compare pairwise; beyond, sort them. */
const FEW = 24;

interface Repeat {
  group: number;
  /** The repeat and the first payment it repeats. */
  i: number;
  first: number;
}

export function checkDuplicates(rule: DuplicatesRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, out } = input;
  const groups = facts.group('person');
  const count = facts.groupCount('person');
  const { serial } = facts.calendar('paymentDate');
  const amounts = ledger.amountFen;
  const category = facts.category;
  const categoryText = facts.categoryText;
  const known = input.rules.categories.length;
  const n = ledger.length;
  // A category no pack knows is still a category: compare its text.
  const categoryKey = (i: number): number => (category[i] >= 0 ? category[i] : known + 1 + categoryText[i]);
  const same = (a: number, b: number): boolean =>
    serial[a] === serial[b] && amounts[a] === amounts[b] && categoryKey(a) === categoryKey(b);
  const dated = (i: number): boolean => groups[i] >= 0 && serial[i] > 0 && Number.isFinite(amounts[i]);

  // One pass in row order: each person's dated payments are counted (255 stands for "255 or more"); the
  // second is compared with the first right away (its date, kept per person, first). A person with more
  // than two is compared in full below, so what was found for them here is dropped.
  const paid = new Uint8Array(count);
  // Per person g, the first dated payment (at 2g) and its date (at 2g + 1), side by side in memory.
  const firsts = new Int32Array(2 * count);
  const pairs: Repeat[] = [];
  let crowded: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if (!dated(i)) continue;
    const g = groups[i];
    const c = paid[g];
    if (c === 0) {
      firsts[2 * g] = i;
      firsts[2 * g + 1] = serial[i];
    } else if (c === 1) {
      if (firsts[2 * g + 1] === serial[i] && same(i, firsts[2 * g])) pairs.push({ group: g, i, first: firsts[2 * g] });
    } else if (c === 2) (crowded ??= new Uint8Array(count))[g] = 1;
    if (c < 255) paid[g] = c + 1;
  }
  const repeats = crowded === null ? pairs : pairs.filter((p) => (crowded as Uint8Array)[p.group] === 0);
  if (crowded !== null) {
    // The dated payments of people with more than two, person by person in row order (a counting sort
    // over those people only, numbered densely in group order).
    const more = crowded;
    const dense = new Int32Array(count).fill(-1);
    let people = 0;
    for (let g = 0; g < count; g++) if (more[g] === 1) dense[g] = people++;
    const start = new Int32Array(people + 1);
    for (let i = 0; i < n; i++) if (dated(i) && more[groups[i]] === 1) start[dense[groups[i]] + 1]++;
    for (let d = 0; d < people; d++) start[d + 1] += start[d];
    const next = start.slice(0, people);
    const members = new Int32Array(start[people]);
    for (let i = 0; i < n; i++) if (dated(i) && more[groups[i]] === 1) members[next[dense[groups[i]]]++] = i;
    for (let g = 0; g < count; g++) {
      if (more[g] === 0) continue;
      const from = start[dense[g]];
      const to = start[dense[g] + 1];
      if (to - from <= FEW) {
        for (let a = from + 1; a < to; a++) {
          for (let b = from; b < a; b++) {
            if (same(members[a], members[b])) {
              repeats.push({ group: g, i: members[a], first: members[b] });
              break;
            }
          }
        }
        continue;
      }
      // Rows stay in row order within equal keys, so the first of a run is the original.
      const sorted = members
        .slice(from, to)
        .sort((a, b) => serial[a] - serial[b] || amounts[a] - amounts[b] || categoryKey(a) - categoryKey(b) || a - b);
      let original = sorted[0];
      for (let k = 1; k < sorted.length; k++) {
        if (same(sorted[k], original)) repeats.push({ group: g, i: sorted[k], first: original });
        else original = sorted[k];
      }
    }
  }

  // Person by person (a stable sort keeps each person's repeats in the order found).
  repeats.sort((a, b) => a.group - b.group);
  for (const { i, first: o } of repeats) {
    const place = placeOf(ledger, i, 'amount');
    out.push(
      ruleFinding(
        rule,
        ledger,
        place,
        amounts[i] / 100,
        null,
        `${place.ref} 与第 ${ledger.row[o] + 1} 行重复：${recipientOf(ledger, i)} ${dateText(serial[i])} ${paymentLabel(ledger, i)} ${formatFen(amounts[i])} 元（同一人、类型、金额和日期；${meta.source}）。`,
      ),
    );
  }
}

const schema = z.strictObject({ ...commonRuleFields, kind: z.literal('duplicates') });

/** 重复发放 (rule kind `duplicates`). */
export type DuplicatesRule = z.infer<typeof schema>;

export const duplicates: RuleKindDefinition<DuplicatesRule> = {
  kind: 'duplicates',
  label: '重复发放',
  schema,
  check: checkDuplicates,
};
