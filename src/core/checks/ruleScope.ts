/**
 * Which payments a rule covers: its category (a category id), every payment (`*` or none), less the
 * categories an including pack gave their own standard (`except`).
 */
import type { ResolvedRule, ResolvedRules } from '../rules/resolvedRules';

/**
 * Whether the rule covers each category, indexed by category + 1 (slot 0: a 类型 no pack knows, which
 * only rules for every payment cover).
 */
export function scopeMask(r: ResolvedRule, rules: ResolvedRules): Uint8Array {
  const mask = new Uint8Array(rules.categories.length + 1);
  const c = r.rule.category;
  if (c === undefined || c === '*') {
    mask.fill(1);
    for (const ex of r.except) {
      const k = rules.categories.findIndex((cat) => cat.id === ex);
      if (k >= 0) mask[k + 1] = 0;
    }
  } else {
    const k = rules.categories.findIndex((cat) => cat.id === c);
    if (k >= 0) mask[k + 1] = 1;
  }
  return mask;
}

/** The name of what a rule covers, for messages: `季度救助`, or `发放` for every payment. */
export function scopeName(category: string | undefined, rules: ResolvedRules): string {
  if (category === undefined || category === '*') return '发放';
  return rules.categories.find((c) => c.id === category)?.label ?? category;
}
