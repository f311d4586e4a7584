/**
 * 重复发放: two payments to the same person with the same category, amount and date. Each person's few
 * payments are compared among themselves (sorted when there are many), so there is no quadratic scan
 * over the ledger and no key building per row. Each repeat names the first row.
 */
import type { RuleOf } from '../rules/packSchema';
import type { ResolvedRule } from '../rules/resolvedRules';
import type { CheckInput } from './checkInput';
import { dateText, finding, paymentLabel, placeOf, recipientOf } from './entryFinding';
import { formatFen } from './money';

/** Up to this many payments per person, compare pairwise; beyond, sort them. */
const FEW = 24;

export function checkDuplicates(rule: RuleOf<'duplicates'>, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, out } = input;
  const { offsets, order, largest } = facts.members('person');
  const { serial } = facts.calendar('paymentDate');
  const amounts = ledger.amountFen;
  const known = input.rules.categories.length;
  // A category no pack knows is still a category: compare its text.
  const categoryKey = (i: number): number =>
    facts.category[i] >= 0 ? facts.category[i] : known + 1 + facts.categoryText[i];
  const same = (a: number, b: number): boolean =>
    serial[a] === serial[b] && amounts[a] === amounts[b] && categoryKey(a) === categoryKey(b);
  // This person's dated payments: mine[0 … count - 1], reused for every person.
  const mine = new Int32Array(largest);
  let count = 0;

  const report = (i: number, o: number): void => {
    const place = placeOf(ledger, i, 'amount');
    out.push(
      finding(
        rule.id,
        rule.severity,
        ledger.sheet,
        place,
        amounts[i] / 100,
        null,
        `${place.ref} 与第 ${ledger.row[o] + 1} 行重复：${recipientOf(ledger, i)} ${dateText(serial[i])} ${paymentLabel(ledger, i)} ${formatFen(amounts[i])} 元（同一人、类型、金额和日期；${meta.source}）。`,
      ),
    );
  };

  for (let g = 0; g + 1 < offsets.length; g++) {
    count = 0;
    for (let k = offsets[g]; k < offsets[g + 1]; k++) {
      const i = order[k];
      if (serial[i] > 0 && Number.isFinite(amounts[i])) mine[count++] = i;
    }
    if (count < 2) continue;
    if (count <= FEW) {
      for (let a = 1; a < count; a++) {
        for (let b = 0; b < a; b++) {
          if (same(mine[a], mine[b])) {
            report(mine[a], mine[b]);
            break;
          }
        }
      }
      continue;
    }
    // Rows stay in row order within equal keys, so the first of a run is the original.
    const sorted = mine
      .slice(0, count)
      .sort((a, b) => serial[a] - serial[b] || amounts[a] - amounts[b] || categoryKey(a) - categoryKey(b) || a - b);
    let first = sorted[0];
    for (let k = 1; k < count; k++) {
      if (same(sorted[k], first)) report(sorted[k], first);
      else first = sorted[k];
    }
  }
}
