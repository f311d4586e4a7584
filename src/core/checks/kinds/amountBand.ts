/**
 * 单笔金额标准: each payment of a category must lie in its band (min/max) or equal its fixed amount.
 * The band can depend on the sub-case written in 类型 or 原因/备注 (紧急救助 for a fire vs. for an
 * operation) and on another column (助学: 10,000 元 when 费用 > 100,000 元). When no sub-case matches, the
 * category's general band applies and the message says so.
 */
import { ruleName } from '../../ruleNames';
import { normalizeName } from '../../parse/text';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { scopeMask } from '../ruleScope';
import { ruleFinding, paymentLabel, placeOf } from '../entryFinding';
import { bandAllowed, bandText, fenBand, formatFen, formatLimit, outsideBand, yuanToFen, type FenBand } from '../money';
import { z } from 'zod';
import { LEDGER_FIELD_LABEL } from '../../ledger/types';
import { parseNumber } from '../../parse/number';
import { bandShape, commonRuleFields, keyword, refineBand, bandSchema, text, yuan, id } from '../../rules/ruleParts';
import { bandCells, joinList, readBand, readKeywords, withBand, type Reader, type RuleRow, type SheetRow } from '../../rules/rulesSheetCells';
import { CASE_KIND_LABEL, CASE_SEPARATOR, RULE_COLUMNS, WHEN_ID, WHEN_KIND_LABEL } from '../../rules/rulesSheetLayout';
import type { RuleKindDefinition } from './ruleKind';

interface Standard {
  band: FenBand;
  /** `突发重大疾病或意外伤害住院手术` */
  name: string;
  /** Said after the source when the general band was used for want of a sub-case. */
  note: string;
}

export function checkAmountBand(rule: AmountBandRule, meta: ResolvedRule, input: CheckInput): void {
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

// ─── the rule as a pack writes it ────────────────────────────────────────────────────────────────

/** A sub-case of a category's standard, recognised by keywords in the 类型 or 原因/备注 text. */
const caseSchema = z
  .strictObject({ id, label: text, keywords: z.array(keyword).min(1, '至少一个关键词'), ...bandShape })
  .superRefine(refineBand);

const schema = z
  .strictObject({
    ...commonRuleFields,
    kind: z.literal('amountBand'),
    /** Name of the standard in messages (e.g. 送温暖慰问金每人每次); the category's label when omitted. */
    label: text.optional(),
    ...bandShape,
    /** Tried in order; the first case with a keyword in the text wins; none → the rule's own band. */
    cases: z.array(caseSchema).optional(),
    /** A condition on another column that replaces the band (助学: 10,000 元 when 费用 > 100,000 元). */
    when: z
      .strictObject({ field: z.literal('cost'), above: yuan, label: text.optional(), then: bandSchema })
      .optional(),
  })
  .superRefine((r, ctx) => {
    refineBand(r, ctx);
    const ids = (r.cases ?? []).map((c) => c.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: '细分情形编号重复', path: ['cases'] });
    if (ids.includes('when')) ctx.addIssue({ code: 'custom', message: '细分情形编号不能是 when', path: ['cases'] });
  });

/** 单笔金额标准 (rule kind `amountBand`). */
export type AmountBandRule = z.infer<typeof schema>;
export type AmountCase = NonNullable<AmountBandRule['cases']>[number];
type When = NonNullable<AmountBandRule['when']>;

// ─── the 规则 sheet: the band on the rule's row, a row per sub-case and one for the condition ────

function readCase(c: AmountCase, row: SheetRow | undefined, reader: Reader, ruleId: string): AmountCase {
  if (!row) return c;
  const caseId = `${ruleId}${CASE_SEPARATOR}${c.id}`;
  const label = row.prose(RULE_COLUMNS.description) || c.label;
  const keywords = readKeywords(row, c.keywords, reader, caseId, true);
  return withBand({ ...c, label, keywords }, readBand(row, c, reader, caseId));
}

function readWhen(w: When, row: SheetRow | undefined, reader: Reader, ruleId: string): When {
  if (!row) return w;
  const whenId = `${ruleId}${CASE_SEPARATOR}${WHEN_ID}`;
  const out: When = { ...w, then: readBand(row, w.then, reader, whenId) };
  const label = row.prose(RULE_COLUMNS.description);
  if (label) out.label = label;
  if (row.has(RULE_COLUMNS.keywords)) {
    const fieldLabel = LEDGER_FIELD_LABEL[w.field];
    const condition = row.text(RULE_COLUMNS.keywords);
    const m = new RegExp(`^${fieldLabel}\\s*(?:>|超过|高于)\\s*([0-9.,]+)\\s*元?$`).exec(condition);
    const above = m ? parseNumber(m[1]) : null;
    if (above === null || above < 0) {
      reader.problem(row, RULE_COLUMNS.keywords, condition, `${fieldLabel}>金额`,
        `规则“${ruleName(whenId)}”的条件“${condition}”应写成“${fieldLabel}>100000”的样子，按规则包原值“${fieldLabel}>${w.above}”执行。`);
    } else out.above = above;
  }
  return out;
}

export const amountBand: RuleKindDefinition<AmountBandRule> = {
  kind: 'amountBand',
  label: '单笔金额',
  schema,
  check: checkAmountBand,
  sheet: {
    write(rule, { pack, category }) {
      const rows: RuleRow[] = (rule.cases ?? []).map((c) => ({
        id: `${rule.id}${CASE_SEPARATOR}${c.id}`,
        pack,
        kind: CASE_KIND_LABEL,
        description: c.label,
        category,
        keywords: joinList(c.keywords),
        ...bandCells(c),
      }));
      if (rule.when) {
        rows.push({
          id: `${rule.id}${CASE_SEPARATOR}${WHEN_ID}`,
          pack,
          kind: WHEN_KIND_LABEL,
          description: rule.when.label ?? null,
          category,
          keywords: `${LEDGER_FIELD_LABEL[rule.when.field]}>${rule.when.above}`,
          ...bandCells(rule.when.then),
        });
      }
      return { cells: bandCells(rule), rows };
    },
    read(rule, { row, reader, sub }) {
      const out = withBand({ ...rule }, readBand(row, rule, reader, rule.id));
      if (rule.cases) out.cases = rule.cases.map((c) => readCase(c, sub(c.id), reader, rule.id));
      if (rule.when) out.when = readWhen(rule.when, sub(WHEN_ID), reader, rule.id);
      return out;
    },
  },
};
