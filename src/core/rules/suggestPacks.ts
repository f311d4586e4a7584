/**
 * Which rule pack fits a ledger: the one whose own categories (类型) name the most of its payments. The
 * pane suggests it before 评分 and says 「发放明细：未检查（未选择规则包）」 after a run without one, so an
 * unchecked ledger is never read as a clean one.
 */
import type { Ledger } from '../ledger/types';
import { normalizeName } from '../parse/text';
import { listPacks } from './resolvePacks';

/** How closely a pack names a 类型 text: its whole text (an alias), else the longest name it contains. */
function closeness(text: string, names: readonly string[]): number {
  let best = 0;
  for (const n of names) {
    if (n === text) return Number.MAX_SAFE_INTEGER;
    if (n && text.includes(n)) best = Math.max(best, n.length);
  }
  return best;
}

/** Pack ids, best first: each payment counts for the pack that names its 类型 most closely. */
export function suggestPacks(ledgers: readonly Ledger[]): string[] {
  // Category texts repeat: look at each once.
  const texts = new Map<string, number>();
  for (const ledger of ledgers) {
    for (let i = 0; i < ledger.length; i++) {
      const t = ledger.text('category', i);
      const key = t ? normalizeName(t) : '';
      if (key) texts.set(key, (texts.get(key) ?? 0) + 1);
    }
  }
  const packs = listPacks()
    .filter((p) => p.categories.length > 0)
    .map((p) => ({ id: p.id, names: p.categories.flatMap((c) => [c.label, ...c.aliases, ...c.keywords].map(normalizeName)) }));
  const hits = new Map<string, number>();
  for (const [text, n] of texts) {
    const close = packs.map((p) => closeness(text, p.names));
    const best = Math.max(0, ...close);
    if (best === 0) continue;
    packs.forEach((p, i) => {
      if (close[i] === best) hits.set(p.id, (hits.get(p.id) ?? 0) + n);
    });
  }
  return [...hits.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
