/**
 * Which category (类型) of the resolved packs a ledger entry belongs to, from its 类型 text: an exact
 * alias first (季度 → 季度救助), then the longest alias or keyword the text contains, so 临时救助 is not
 * taken for a shorter, more general word.
 */
import { normalizeName } from '../parse/text';
import type { ResolvedCategory } from '../rules/resolvedRules';

/** The categories' names prepared for matching; made once per run (LedgerFacts), not kept beyond it. */
export interface CategoryMatcher {
  exact: Map<string, number>;
  /** Longest first; ties keep the categories' order (most specific pack first). */
  contained: { key: string; index: number }[];
}

export function categoryMatcher(categories: readonly ResolvedCategory[]): CategoryMatcher {
  const exact = new Map<string, number>();
  const contained: { key: string; index: number }[] = [];
  categories.forEach((c, index) => {
    for (const name of [c.label, ...c.aliases]) {
      const key = normalizeName(name);
      if (key && !exact.has(key)) exact.set(key, index);
      if (key) contained.push({ key, index });
    }
    for (const k of c.keywords) {
      const key = normalizeName(k);
      if (key) contained.push({ key, index });
    }
  });
  contained.sort((a, b) => b.key.length - a.key.length || a.index - b.index);
  return { exact, contained };
}

/** Index into the matcher's categories, or -1 when no category matches (or the text is empty). */
export function categoryIndex(text: string | null, m: CategoryMatcher): number {
  if (text === null) return -1;
  const key = normalizeName(text);
  if (!key) return -1;
  const exact = m.exact.get(key);
  if (exact !== undefined) return exact;
  for (const c of m.contained) if (key.includes(c.key)) return c.index;
  return -1;
}

export function classifyCategory(text: string | null, categories: readonly ResolvedCategory[]): ResolvedCategory | null {
  const i = categoryIndex(text, categoryMatcher(categories));
  return i < 0 ? null : categories[i];
}
