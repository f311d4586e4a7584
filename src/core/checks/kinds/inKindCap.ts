/**
 * 实物慰问品上限 (每户每次不超过 500 元): payments in kind above the cap. A payment is in kind when its
 * 发放形式 says so (实物, 物资 …); when its 发放形式 says money (现金, 转账, 银行卡 …) it is not, whatever
 * its 类型 says; otherwise (no such column, an empty cell, or a form that says neither) it is in kind when
 * it is of the in-kind category or its 类型 or 原因/备注 names goods (the rule's keywords: 实物, 慰问品).
 */
import { normalizeName } from '../../parse/text';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { ruleFinding, paymentLabel, placeOf } from '../entryFinding';
import { formatFen, formatLimit, plainYuan, yuanToFen } from '../money';
import { quoted } from '../../findings';
import { z } from 'zod';
import { commonRuleFields, keyword, yuan } from '../../rules/ruleParts';
import { joinList, readKeywords } from '../../rules/rulesSheetCells';
import { RULE_COLUMNS } from '../../rules/rulesSheetLayout';
import type { RuleKindDefinition } from './ruleKind';

/** Words of a 发放形式 cell that mean goods, besides the rule's own keywords. */
const GOODS_FORMS = ['实物', '物资', '物品'];
/** Words of a 发放形式 cell that mean money. */
const MONEY_FORMS = ['现金', '转账', '转帐', '银行', '打卡', '代发', '汇款', '社保卡', '一卡通', '微信', '支付宝'];

type Form = 'goods' | 'money' | 'unknown';

function formOf(text: string, keywords: readonly string[]): Form {
  const key = normalizeName(text);
  if (keywords.some((k) => key.includes(k)) || GOODS_FORMS.some((k) => key.includes(k))) return 'goods';
  if (MONEY_FORMS.some((k) => key.includes(k))) return 'money';
  return 'unknown';
}

export function checkInKindCap(rule: InKindCapRule, meta: ResolvedRule, input: CheckInput): void {
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
  // What each distinct 发放形式 says, once.
  const forms = facts.formTexts();
  const formOfText = forms.values.map((t) => formOf(t, keys));
  const amounts = ledger.amountFen;
  const category = facts.category;
  for (let i = 0; i < ledger.length; i++) {
    const fen = amounts[i];
    if (!(fen > capFen) || fen === Infinity) continue;
    const k = forms.ids[i];
    const form = k < 0 ? 'unknown' : formOfText[k];
    if (form === 'money' || (form === 'unknown' && category[i] !== own && !named(i))) continue;
    const place = placeOf(ledger, i, 'amount');
    const how = form === 'goods' ? `（发放形式：${quoted(ledger.text('form', i) ?? '')}）` : '';
    out.push(
      ruleFinding(
        rule,
        ledger,
        place,
        fen / 100,
        `≤${plainYuan(capFen)}`,
        `${place.ref} ${paymentLabel(ledger, i)}${how}金额 ${formatFen(fen)} 元，超过实物慰问品每户每次上限 ${formatLimit(capFen)} 元（${meta.source}）。`,
      ),
    );
  }
}

const schema = z.strictObject({
  ...commonRuleFields,
  kind: z.literal('inKindCap'),
  max: yuan,
  /** Words in 类型 or 原因/备注 that make a payment in kind (实物, 慰问品) even under another category. */
  keywords: z.array(keyword),
});

/** 实物上限 (rule kind `inKindCap`). */
export type InKindCapRule = z.infer<typeof schema>;

export const inKindCap: RuleKindDefinition<InKindCapRule> = {
  kind: 'inKindCap',
  label: '实物上限',
  schema,
  check: checkInKindCap,
  sheet: {
    write: (rule) => ({ cells: { max: rule.max, keywords: joinList(rule.keywords) } }),
    read: (rule, cells) => ({
      ...rule,
      max: cells.amount(RULE_COLUMNS.max, rule.max),
      keywords: readKeywords(cells.row, rule.keywords, cells.reader, rule.id, false),
    }),
  },
};
