/**
 * A rule pack (规则包): the standards of one policy document as data — categories of payment, the
 * parameters an officer sets, and rules with stable ids. Packs are JSON validated against this schema,
 * so a malformed pack is refused with a message instead of silently checking nothing.
 *
 * Amounts are in 元 as the documents state them; the checks convert to integer 分 before comparing.
 */
import { z } from 'zod';
import { ruleKinds, ruleSchema } from '../checks/kinds/registry';
import { id, keyword, text } from './ruleParts';

export { bandProblem, KEYWORD_SEPARATORS } from './ruleParts';
export type { Band, DateField, Recipient } from './ruleParts';
export type { Rule, RuleKind, RuleOf } from '../checks/kinds/registry';
export type { AmountCase } from '../checks/kinds/amountBand';

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

function makePackSchema() {
  return z
    .strictObject({
      id,
      name: text,
      /** The document the standards come from, as cited in messages. */
      source: text,
      year: z.number().int().min(1900).max(9999).optional(),
      includes: z.array(id).optional(),
      parameters: z.array(parameterSchema).optional(),
      categories: z.array(categorySchema),
      rules: z.array(ruleSchema()),
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
}

export type Pack = z.infer<ReturnType<typeof makePackSchema>>;

/** The pack schema for the rule kinds registered now (checks/kinds/registry.ts). */
let packSchema: { kinds: number; schema: ReturnType<typeof makePackSchema> } | null = null;
function currentPackSchema(): ReturnType<typeof makePackSchema> {
  const kinds = ruleKinds().length;
  if (packSchema?.kinds !== kinds) packSchema = { kinds, schema: makePackSchema() };
  return packSchema.schema;
}

export type PackValidation = { ok: true; pack: Pack } | { ok: false; message: string };

/**
 * Validate a pack read from JSON. The message is Chinese and names every problem by its path
 * (`rules[2].max`), so whoever wrote the pack can find it.
 */
export function validatePack(data: unknown): PackValidation {
  const result = currentPackSchema().safeParse(data);
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
        ? `未知的检查类型（${issue.discriminator}），可用：${ruleKinds().map((k) => k.kind).join('、')}`
        : '格式不符';
    case 'too_small':
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}
