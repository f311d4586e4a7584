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
import { finding, paymentLabel, placeOf } from './entryFinding';
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
  // per 类型 text (by its number, slot 0 for none) and 原因/备注 text.
  const caseCache: (Map<string | null, Standard> | undefined)[] = [];

  for (let i = 0; i < ledger.length; i++) {
    if (mask[facts.category[i] + 1] === 0) continue;
    const fen = amounts[i];
    // Empty, text and non-positive amounts are positiveAmount's to report.
    if (!(fen > 0) || fen === Infinity) continue;
    let standard = general;
    if (when && ledger.costFen[i] > when.aboveFen) standard = when.standard;
    else if (cases.length > 0) {
      const t = facts.categoryText[i] + 1;
      const byReason = caseCache[t] ?? (caseCache[t] = new Map());
      const reason = ledger.reason[i];
      let hit = byReason.get(reason);
      if (hit === undefined) {
        const key = normalizeName(`${ledger.category[i] ?? ''}${reason ?? ''}`);
        hit = cases.find((c) => c.keys.some((k) => key.includes(k)))?.standard ?? general;
        byReason.set(reason, hit);
      }
      standard = hit;
    }
    const miss = outsideBand(fen, standard.band);
    if (miss === null) continue;
    const place = placeOf(ledger, i, 'amount');
    out.push(
      finding(
        rule.id,
        rule.severity,
        ledger.sheet,
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
