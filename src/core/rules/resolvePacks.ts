/**
 * Packs that include packs (SPEC §5): a district's pack includes its city's. Resolving flattens the
 * includes, most specific first, and lets the specific per-payment standard replace the general one
 * for the categories it covers, while per-recipient caps of every pack keep applying.
 */
import { builtinPacks } from './builtinPacks';
import type { Pack, Rule } from './packSchema';
import type { ResolvedCategory, ResolvedParameter, ResolvedRule, ResolvedRules } from './resolvedRules';

/** A pack cannot be used as asked; the message is for the user, in Chinese. */
export class RulePackError extends Error {
  override readonly name: string = 'RulePackError';
}

/** Some asked-for pack ids do not exist. */
export class UnknownPackError extends RulePackError {
  override readonly name = 'UnknownPackError';
  constructor(
    readonly unknown: string[],
    readonly known: string[],
  ) {
    super(`未知的规则包“${unknown.join('”“')}”。可用规则包：${known.join('、')}。`);
  }
}

export interface ResolveOverrides {
  /** Parameter values by parameter id (月低保标准 …); null unsets one. */
  parameters?: Record<string, number | null>;
}

/** The built-in packs, in the order they are listed to users. */
export function listPacks(library: ReadonlyMap<string, Pack> = builtinPacks()): Pack[] {
  return [...library.values()];
}

export function getPack(id: string, library: ReadonlyMap<string, Pack> = builtinPacks()): Pack | undefined {
  return library.get(id);
}

/** The names of the asked-for packs, for messages (`增城区总工会帮扶救助困难职工（2023）`). */
export function packNames(resolved: ResolvedRules, library: ReadonlyMap<string, Pack> = builtinPacks()): string {
  return resolved.requested.map((id) => library.get(id)?.name ?? id).join('、');
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Flatten `ids` and their includes into one rule set. Cycles and diamonds are visited once; a pack
 * earlier in the order (the one asked for, then what it includes, depth first) is more specific.
 *
 * Replacement: an `amountBand` rule of pack P is dropped for every category for which a pack that
 * includes P (directly or not) has its own `amountBand` rule; a rule of P for all categories (`*`) keeps
 * applying to the others (its `except` lists the replaced ones). Every other kind always applies.
 */
export function resolvePacks(
  ids: string[],
  overrides: ResolveOverrides = {},
  library: ReadonlyMap<string, Pack> = builtinPacks(),
): ResolvedRules {
  const known = [...library.keys()];
  const unknown = ids.filter((id) => !library.has(id));
  if (unknown.length > 0) throw new UnknownPackError(unknown, known);

  const order: Pack[] = [];
  const seen = new Set<string>();
  const visit = (id: string, from: string | null): void => {
    if (seen.has(id)) return;
    const pack = library.get(id);
    if (!pack) throw new RulePackError(`规则包“${from}”包含的“${id}”不存在。可用规则包：${known.join('、')}。`);
    seen.add(id);
    order.push(pack);
    for (const inc of pack.includes ?? []) visit(inc, id);
  };
  for (const id of ids) visit(id, null);

  const position = new Map(order.map((p, i) => [p.id, i]));
  const reach = (start: Pack): Set<string> => {
    const found = new Set<string>();
    const stack = [...(start.includes ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (found.has(id)) continue;
      found.add(id);
      stack.push(...(library.get(id)?.includes ?? []));
    }
    return found;
  };
  const reaches = new Map(order.map((p) => [p.id, reach(p)]));
  const bandCategories = (p: Pack): string[] =>
    p.rules.flatMap((r) => (r.kind === 'amountBand' && r.category && r.category !== '*' ? [r.category] : []));

  const rules: ResolvedRule[] = [];
  for (const pack of order) {
    const myPos = position.get(pack.id) as number;
    // Only a pack before this one in the order can override it, so a cycle does not make both give way.
    const replaced = new Set<string>();
    for (const other of order) {
      if ((position.get(other.id) as number) < myPos && reaches.get(other.id)?.has(pack.id)) {
        for (const c of bandCategories(other)) replaced.add(c);
      }
    }
    for (const rule of pack.rules) {
      const scoped = rule.category !== undefined && rule.category !== '*';
      const amount = rule.kind === 'amountBand';
      if (amount && scoped && replaced.has(rule.category as string)) continue;
      rules.push({
        rule: copy(rule),
        pack: pack.id,
        source: pack.source,
        except: amount && !scoped ? [...replaced] : [],
        enabled: rule.enabled ?? true,
      });
    }
  }

  const categories: ResolvedCategory[] = [];
  const parameters: ResolvedParameter[] = [];
  for (const pack of order) {
    for (const c of pack.categories) {
      if (!categories.some((k) => k.id === c.id)) categories.push({ ...copy(c), pack: pack.id });
    }
    for (const p of pack.parameters ?? []) {
      if (!parameters.some((k) => k.id === p.id)) parameters.push({ ...copy(p), pack: pack.id });
    }
  }

  for (const [id, value] of Object.entries(overrides.parameters ?? {})) {
    // Officers know a parameter by its label (月低保标准) as well as its id.
    const param = parameters.find((p) => p.id === id) ?? parameters.find((p) => p.label === id);
    if (!param) {
      const ids = parameters.map((p) => `${p.id}（${p.label}）`).join('、') || '无';
      throw new RulePackError(`所选规则包没有参数“${id}”。可设置的参数：${ids}。`);
    }
    param.value = value;
  }

  for (const { rule } of rules) checkReferences(rule, categories, parameters);

  return { requested: [...ids], packs: order.map((p) => p.id), rules, categories, parameters };
}

function checkReferences(rule: Rule, categories: ResolvedCategory[], parameters: ResolvedParameter[]): void {
  if (rule.category !== undefined && rule.category !== '*' && !categories.some((c) => c.id === rule.category)) {
    throw new RulePackError(`规则“${rule.id}”引用的类别“${rule.category}”在所选规则包中没有定义。`);
  }
  if (rule.kind === 'referenceCap' && !parameters.some((p) => p.id === rule.parameter)) {
    throw new RulePackError(`规则“${rule.id}”引用的参数“${rule.parameter}”在所选规则包中没有定义。`);
  }
}
