/**
 * 实物慰问品上限 (每户每次不超过 500 元): payments of the in-kind category, or whose 类型 or 原因/备注
 * names goods (实物, 慰问品), above the cap.
 */
import { normalizeName } from '../parse/text';
import type { RuleOf } from '../rules/packSchema';
import type { ResolvedRule } from '../rules/resolvedRules';
import type { CheckInput } from './checkInput';
import { finding, paymentLabel, placeOf } from './entryFinding';
import { formatFen, formatLimit, plainYuan, yuanToFen } from './money';

export function checkInKindCap(rule: RuleOf<'inKindCap'>, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, rules, out } = input;
  const capFen = yuanToFen(rule.max);
  // Only a named category counts as in kind by itself; `*` would make every payment goods.
  const own = rule.category && rule.category !== '*' ? rules.categories.findIndex((c) => c.id === rule.category) : -2;
  const keys = rule.keywords.map(normalizeName).filter((k) => k !== '');
  const byText = new Map<string, boolean>();
  const named = (i: number): boolean => {
    const text = `${ledger.category[i] ?? ''}${ledger.reason[i] ?? ''}`;
    let hit = byText.get(text);
    if (hit === undefined) {
      const key = normalizeName(text);
      hit = keys.some((k) => key.includes(k));
      byText.set(text, hit);
    }
    return hit;
  };
  for (let i = 0; i < ledger.length; i++) {
    const fen = ledger.amountFen[i];
    if (!(fen > capFen) || fen === Infinity) continue;
    if (facts.category[i] !== own && !named(i)) continue;
    const place = placeOf(ledger, i, 'amount');
    out.push(
      finding(
        rule.id,
        rule.severity,
        ledger.sheet,
        place,
        fen / 100,
        `≤${plainYuan(capFen)}`,
        `${place.ref} ${paymentLabel(ledger, i)}金额 ${formatFen(fen)} 元，超过实物慰问品每户每次上限 ${formatLimit(capFen)} 元（${meta.source}）。`,
      ),
    );
  }
}
