/**
 * 单笔金额标准: each payment of a category must lie in its band (min/max) or equal its fixed amount.
 * The band can depend on the sub-case written in 类型 or 原因/备注 (紧急救助 for a fire vs. for an
 * operation) and on another column (助学: 10,000 元 when 费用 > 100,000 元). When no sub-case matches, the
 * category's general band applies and the message says so.
 */
import { normalizeName } from '../parse/text';
import type { ResolvedRule } from '../rules/resolvedRules';
import type { RuleOf } from '../rules/packSchema';
import type { CheckInput } from './checkInput';
import { scopeMask } from './ruleScope';
import { ruleFinding, paymentLabel, placeOf } from './entryFinding';
import { bandAllowed, bandText, fenBand, formatFen, formatLimit, outsideBand, yuanToFen, type FenBand } from './money';

interface Standard {
  band: FenBand;
  /** `突发重大疾病或意外伤害住院手术` */
  name: string;
  /** Said after the source when the general band was used for want of a sub-case. */
  note: string;
}

export function checkAmountBand(rule: RuleOf<'amountBand'>, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, rules, out } = input;
  const mask = scopeMask(meta, rules);
  const amounts = ledger.amountFen;
  const general: Standard = {
    band: fenBand(rule),
    name: rule.label ?? (rule.category && rule.category !== '*' ? labelOf(rule.category, input) : '单笔发放'),
    note: rule.cases && rule.cases.length > 0 ? '；原因/备注中未写明细分情形，按一般标准核对' : '',
  };
  const cases = (rule.cases ?? []).map((c) => ({
    keys: c.keywords.map(normalizeName).filter((k) => k !== ''),
    standard: { band: fenBand(c), name: c.label, note: '' } satisfies Standard,
  }));
  const when = rule.when
    ? {
        aboveFen: yuanToFen(rule.when.above),
        standard: {
          band: fenBand(rule.when.then),
          name: rule.when.label ?? `费用超过 ${formatLimit(yuanToFen(rule.when.above))} 元`,
          note: '',
        } satisfies Standard,
      }
    : null;
  // Sub-cases are found in the text of 类型 and 原因/备注; the same texts repeat, so remember each answer
  // per pair of texts (by their numbers, 0 for none).
  const caseCache = new Map<number, Standard>();
  const reasons = cases.length > 0 ? facts.reasonTexts() : null;
  const reasonCount = reasons ? reasons.values.length + 1 : 0;
  // While the pairs are few, an array of answers (undefined: not yet looked at) before the Map.
  const pairCount = (facts.texts.length + 1) * reasonCount;
  const small: (Standard | undefined)[] | null = reasons && pairCount <= 1 << 16 ? new Array<Standard | undefined>(pairCount) : null;
  const category = facts.category;
  const costs = ledger.costFen;
  // A local copy: some module loaders turn imported functions into getters, and this runs per row.
  const outside = outsideBand;

  for (let i = 0; i < ledger.length; i++) {
    if (mask[category[i] + 1] === 0) continue;
    const fen = amounts[i];
    // Empty, text and non-positive amounts are positiveAmount's to report.
    if (!(fen > 0) || fen === Infinity) continue;
    let standard = general;
    if (when && costs[i] > when.aboveFen) standard = when.standard;
    else if (reasons) {
      const pair = (facts.categoryText[i] + 1) * reasonCount + reasons.ids[i] + 1;
      let hit = small ? small[pair] : undefined;
      if (hit === undefined) hit = caseCache.get(pair);
      if (hit === undefined) {
        const key = normalizeName(`${ledger.text('category', i) ?? ''}${ledger.text('reason', i) ?? ''}`);
        hit = cases.find((c) => c.keys.some((k) => key.includes(k)))?.standard ?? general;
        caseCache.set(pair, hit);
        if (small) small[pair] = hit;
      }
      standard = hit;
    }
    const miss = outside(fen, standard.band);
    if (miss === null) continue;
    const place = placeOf(ledger, i, 'amount');
    out.push(
      ruleFinding(
        rule,
        ledger,
        place,
        fen / 100,
        bandAllowed(standard.band),
        `${place.ref} ${paymentLabel(ledger, i)}金额 ${formatFen(fen)} 元，${missPhrase(miss, standard.name, standard.band)}（${meta.source}${standard.note}）。`,
      ),
    );
  }
}

function labelOf(categoryId: string, input: CheckInput): string {
  return input.rules.categories.find((c) => c.id === categoryId)?.label ?? categoryId;
}

/** `低于“季度救助”标准 400–600 元`, `超过“送温暖慰问金每人每次”上限 3,000 元`, `高于“节日送温暖慰问”标准 200 元`. */
function missPhrase(miss: 'below' | 'above', name: string, band: FenBand): string {
  const verb = miss === 'below' ? '低于' : band.fixed !== undefined ? '高于' : '超过';
  if (band.fixed !== undefined || (band.min !== undefined && band.max !== undefined)) {
    return `${verb}“${name}”标准 ${bandText(band)}`;
  }
  const limit = band.max !== undefined ? `上限 ${formatLimit(band.max)} 元` : `下限 ${formatLimit(band.min ?? 0)} 元`;
  return `${verb}“${name}”${limit}`;
}
