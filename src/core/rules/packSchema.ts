/**
 * A rule pack (规则包): the standards of one policy document as data — categories of payment, the
 * parameters an officer sets, and rules with stable ids. Packs are JSON validated against this schema,
 * so a malformed pack is refused with a message instead of silently checking nothing.
 *
 * Amounts are in 元 as the documents state them; the checks convert to integer 分 before comparing.
 */
import { z } from 'zod';

/** Characters that separate keywords in the 规则 sheet, so a keyword may not contain them. */
export const KEYWORD_SEPARATORS = /[、,，;；\s]+/u;

const text = z.string().trim().min(1, '不能为空');
const keyword = text.refine((s) => !KEYWORD_SEPARATORS.test(s), '关键词不能含顿号、逗号、分号或空格');
const yuan = z.number().nonnegative('金额不能为负数');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能用小写字母、数字和连字符');
const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, '规则编号应为“规则包编号/规则名”，如 gz-songwennuan/per-payment-cap');

export const severitySchema = z.enum(['error', 'warning', 'info']);

export const dateFieldSchema = z.enum(['applicationDate', 'auditDate', 'paymentDate', 'entryDate']);
export type DateField = z.infer<typeof dateFieldSchema>;

export const ledgerFieldSchema = z.enum([
  'person', 'idNumber', 'household', 'category', 'reason', 'form', 'amount', 'cost',
  'applicationDate', 'auditDate', 'paymentDate', 'entryDate',
]);

/** Whom a per-recipient cap counts: each person (身份证号, else 姓名) or each household (户号, else the person). */
export const recipientSchema = z.enum(['person', 'household']);
export type Recipient = z.infer<typeof recipientSchema>;

/** A per-payment standard: a range, a ceiling, a floor, or one fixed amount (元). */
export interface Band {
  min?: number;
  max?: number;
  fixed?: number;
}

const bandShape = { min: yuan.optional(), max: yuan.optional(), fixed: yuan.optional() };

/** Why a band is not usable, or null when it is; shared with the 规则 sheet, which validates edits. */
export function bandProblem(b: Band): string | null {
  if (b.fixed !== undefined && (b.min !== undefined || b.max !== undefined)) return '固定额与上下限只能填一种';
  if (b.fixed === undefined && b.min === undefined && b.max === undefined) return '下限、上限、固定额至少填一项';
  if (b.min !== undefined && b.max !== undefined && b.min > b.max) return `下限 ${b.min} 大于上限 ${b.max}`;
  return null;
}

function refineBand(b: Band, ctx: z.RefinementCtx): void {
  const problem = bandProblem(b);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

const bandSchema = z.strictObject(bandShape).superRefine(refineBand);

/** A sub-case of a category's standard, recognised by keywords in the 类型 or 原因/备注 text. */
const caseSchema = z
  .strictObject({ id, label: text, keywords: z.array(keyword).min(1, '至少一个关键词'), ...bandShape })
  .superRefine(refineBand);

const common = {
  id: ruleId,
  severity: severitySchema,
  /** Chinese, citing the source, e.g. 送温暖慰问金原则上每人每次不超过3,000元（《…实施细则》）。 */
  description: text,
  /** A category id of the pack (or of a pack it includes), or `*` for every payment; omitted = every payment. */
  category: z.string().min(1).optional(),
  /** Off rules stay in the 规则 sheet so an officer can switch them back on. */
  enabled: z.boolean().optional(),
};

const amountBandSchema = z
  .strictObject({
    ...common,
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

const periodSumSchema = z.strictObject({
  ...common,
  kind: z.literal('periodSum'),
  by: recipientSchema,
  period: z.literal('year'),
  max: yuan,
  /** Which date places a payment in a year (发放日期 by default). */
  date: dateFieldSchema.optional(),
});

const periodCountSchema = z.strictObject({
  ...common,
  kind: z.literal('periodCount'),
  by: recipientSchema,
  period: z.literal('year'),
  max: z.number().int().nonnegative(),
  date: dateFieldSchema.optional(),
});

const quarterSpacingSchema = z.strictObject({
  ...common,
  kind: z.literal('quarterSpacing'),
  by: recipientSchema,
  /** Quarters that must lie between two payments (隔一季度申请 → 1). */
  quartersBetween: z.number().int().min(1),
  date: dateFieldSchema.optional(),
});

const inKindCapSchema = z.strictObject({
  ...common,
  kind: z.literal('inKindCap'),
  max: yuan,
  /** Words in 类型 or 原因/备注 that make a payment in kind (实物, 慰问品) even under another category. */
  keywords: z.array(keyword),
});

const referenceCapSchema = z.strictObject({
  ...common,
  kind: z.literal('referenceCap'),
  by: recipientSchema,
  period: z.literal('year'),
  /** Parameter id whose value, times `multiplier`, is the cap (月低保标准 × 10). */
  parameter: id,
  multiplier: z.number().positive(),
  date: dateFieldSchema.optional(),
});

const workingDaysSchema = z
  .strictObject({
    ...common,
    kind: z.literal('workingDays'),
    from: dateFieldSchema,
    to: dateFieldSchema,
    max: z.number().int().nonnegative(),
  })
  .refine((r) => r.from !== r.to, { message: '起止日期不能是同一列', path: ['to'] });

const requiredFieldsSchema = z.strictObject({
  ...common,
  kind: z.literal('requiredFields'),
  fields: z.array(ledgerFieldSchema).min(1),
});

const duplicatesSchema = z.strictObject({ ...common, kind: z.literal('duplicates') });
const idChecksumSchema = z.strictObject({ ...common, kind: z.literal('idChecksum') });
const dateInYearSchema = z.strictObject({ ...common, kind: z.literal('dateInYear'), field: dateFieldSchema });
const positiveAmountSchema = z.strictObject({ ...common, kind: z.literal('positiveAmount') });

export const ruleSchema = z.discriminatedUnion('kind', [
  amountBandSchema,
  periodSumSchema,
  periodCountSchema,
  quarterSpacingSchema,
  inKindCapSchema,
  referenceCapSchema,
  workingDaysSchema,
  requiredFieldsSchema,
  duplicatesSchema,
  idChecksumSchema,
  dateInYearSchema,
  positiveAmountSchema,
]);

export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;
export type AmountCase = NonNullable<RuleOf<'amountBand'>['cases']>[number];

export const categorySchema = z.strictObject({
  id,
  label: text,
  /** The whole 类型 text, after normalisation, equals one of these. */
  aliases: z.array(text),
  /** The 类型 text contains one of these (the longest wins across categories). */
  keywords: z.array(keyword),
});
export type Category = z.infer<typeof categorySchema>;

export const parameterSchema = z.strictObject({
  id,
  label: text,
  /** null until the officer sets it; rules that need it then report that they did not run. */
  value: z.number().nullable(),
  unit: text,
});
export type Parameter = z.infer<typeof parameterSchema>;

export const packSchema = z
  .strictObject({
    id,
    name: text,
    /** The document the standards come from, as cited in messages. */
    source: text,
    year: z.number().int().min(1900).max(9999).optional(),
    includes: z.array(id).optional(),
    parameters: z.array(parameterSchema).optional(),
    categories: z.array(categorySchema),
    rules: z.array(ruleSchema),
  })
  .superRefine((p, ctx) => {
    const dup = (xs: string[]): string | undefined => xs.find((x, i) => xs.indexOf(x) !== i);
    const ruleDup = dup(p.rules.map((r) => r.id));
    if (ruleDup) ctx.addIssue({ code: 'custom', message: `规则编号“${ruleDup}”重复`, path: ['rules'] });
    const catDup = dup(p.categories.map((c) => c.id));
    if (catDup) ctx.addIssue({ code: 'custom', message: `类别编号“${catDup}”重复`, path: ['categories'] });
    p.rules.forEach((r, i) => {
      if (!r.id.startsWith(`${p.id}/`)) {
        ctx.addIssue({ code: 'custom', message: `规则编号“${r.id}”应以“${p.id}/”开头`, path: ['rules', i, 'id'] });
      }
    });
    if (p.includes?.includes(p.id)) ctx.addIssue({ code: 'custom', message: '规则包不能包含自身', path: ['includes'] });
  });

export type Pack = z.infer<typeof packSchema>;

export type PackValidation = { ok: true; pack: Pack } | { ok: false; message: string };

/**
 * Validate a pack read from JSON. The message is Chinese and names every problem by its path
 * (`rules[2].max`), so whoever wrote the pack can find it.
 */
export function validatePack(data: unknown): PackValidation {
  const result = packSchema.safeParse(data);
  if (result.success) return { ok: true, pack: result.data };
  const label =
    typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' && data.id !== ''
      ? `“${data.id}”`
      : '';
  const problems = result.error.issues.map((issue) => {
    const where = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
      .join('');
    return `${where || '（整体）'}：${issueText(issue)}`;
  });
  return { ok: false, message: `规则包${label}格式错误：${problems.join('；')}。` };
}

/** A zod issue in Chinese, for the pack's author; messages the schema wrote itself pass through. */
function issueText(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少（应为 ${issue.expected}）` : `类型应为 ${issue.expected}`;
    case 'unrecognized_keys':
      return `未知字段 ${issue.keys.join('、')}`;
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => String(v)).join(' | ')} 之一`;
    case 'invalid_union':
      return 'discriminator' in issue && issue.discriminator
        ? `未知的检查类型（${issue.discriminator}），可用：${ruleSchema.options.map((o) => o.shape.kind.value).join('、')}`
        : '格式不符';
    case 'too_small':
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}
