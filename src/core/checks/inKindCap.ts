/**
 * 实物慰问品上限 (每户每次不超过 500 元): payments of the in-kind category, or whose 类型 or 原因/备注
 * names goods (实物, 慰问品), above the cap.
 */
import { normalizeName } from '../parse/text';
import type { RuleOf } from '../rules/packSchema';
import type { ResolvedRule } from '../rules/resolvedRules';
import type { CheckInput } from './checkInput';
import { ruleFinding, paymentLabel, placeOf } from './entryFinding';
import { formatFen, formatLimit, plainYuan, yuanToFen } from './money';

export function checkInKindCap(rule: RuleOf<'inKindCap'>, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, rules, out } = input;
  const capFen = yuanToFen(rule.max);
  // Only a named category counts as in kind by itself; `*` would make every payment goods.
  const own = rule.category && rule.category !== '*' ? rules.categories.findIndex((c) => c.id === rule.category) : -2;
  const keys = rule.keywords.map(normalizeName).filter((k) => k !== '');
  // Whether 类型 and 原因/备注 name goods, per pair of texts (by their numbers, 0 for none): they repeat.
  const reasons = facts.reasonTexts();
  const reasonCount = reasons.values.length + 1;
  const pairs = (facts.texts.length + 1) * reasonCount;
  // An array of answers (0 unknown, 1 no, 2 yes) while the pairs are few, else a Map.
  const small = pairs <= 1 << 16 ? new Uint8Array(pairs) : null;
  const byText = new Map<number, boolean>();
  const categoryText = facts.categoryText;
  const reasonText = reasons.ids;
  const named = (i: number): boolean => {
    const pair = (categoryText[i] + 1) * reasonCount + reasonText[i] + 1;
    const known = small ? small[pair] : 0;
    if (known !== 0) return known === 2;
    let hit = byText.get(pair);
    if (hit === undefined) {
      const key = normalizeName(`${ledger.text('category', i) ?? ''}${ledger.text('reason', i) ?? ''}`);
      hit = keys.some((k) => key.includes(k));
      byText.set(pair, hit);
      if (small) small[pair] = hit ? 2 : 1;
    }
    return hit;
  };
  const amounts = ledger.amountFen;
  const category = facts.category;
  for (let i = 0; i < ledger.length; i++) {
    const fen = amounts[i];
    if (!(fen > capFen) || fen === Infinity) continue;
    if (category[i] !== own && !named(i)) continue;
    const place = placeOf(ledger, i, 'amount');
    out.push(
      ruleFinding(
        rule,
        ledger,
        place,
        fen / 100,
        `≤${plainYuan(capFen)}`,
        `${place.ref} ${paymentLabel(ledger, i)}金额 ${formatFen(fen)} 元，超过实物慰问品每户每次上限 ${formatLimit(capFen)} 元（${meta.source}）。`,
      ),
    );
  }
}
