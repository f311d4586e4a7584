/**
 * The pieces every rule kind's schema is made of (checks/kinds/*.ts): the fields all rules share (id,
 * severity, description, category), amounts in 元, bands, recipients and date columns. Error messages are
 * Chinese, for whoever writes a pack.
 */
import { z } from 'zod';

/** Characters that separate keywords in the 规则 sheet, so a keyword may not contain them. */
export const KEYWORD_SEPARATORS = /[、,，;；\s]+/u;

export const text = z.string().trim().min(1, '不能为空');
export const keyword = text.refine((s) => !KEYWORD_SEPARATORS.test(s), '关键词不能含顿号、逗号、分号或空格');
export const yuan = z.number().nonnegative('金额不能为负数');
export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能用小写字母、数字和连字符');
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

export const bandShape = { min: yuan.optional(), max: yuan.optional(), fixed: yuan.optional() };

/** Why a band is not usable, or null when it is; shared with the 规则 sheet, which validates edits. */
export function bandProblem(b: Band): string | null {
  if (b.fixed !== undefined && (b.min !== undefined || b.max !== undefined)) return '固定额与上下限只能填一种';
  if (b.fixed === undefined && b.min === undefined && b.max === undefined) return '下限、上限、固定额至少填一项';
  if (b.min !== undefined && b.max !== undefined && b.min > b.max) return `下限 ${b.min} 大于上限 ${b.max}`;
  return null;
}

export function refineBand(b: Band, ctx: z.RefinementCtx): void {
  const problem = bandProblem(b);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

export const bandSchema = z.strictObject(bandShape).superRefine(refineBand);

/** The fields of every rule, whatever its kind. */
export const commonRuleFields = {
  id: ruleId,
  severity: severitySchema,
  /**
   * A short Chinese name (季度救助金额超出标准): the heading of its findings in the pane and the 规则 column
   * of 异常清单. Optional so a pack written before names existed still loads (core/ruleNames.ts).
   */
  name: text.optional(),
  /** Chinese, citing the source, e.g. 送温暖慰问金原则上每人每次不超过3,000元（《…实施细则》）。 */
  description: text,
  /** A category id of the pack (or of a pack it includes), or `*` for every payment; omitted = every payment. */
  category: z.string().min(1).optional(),
  /** Off rules stay in the 规则 sheet so an officer can switch them back on. */
  enabled: z.boolean().optional(),
};
