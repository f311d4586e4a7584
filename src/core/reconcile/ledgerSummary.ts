/**
 * Per-category figures of the ledger (count, sum, distinct people and households), the ledger side of
 * every reconciliation and of the explanation drafts.
 */
import { a1 } from '../address';
import type { Ledger } from '../ledger/types';
import { normalizeName } from '../parse/text';

export interface CategoryFigures {
  category: string;
  count: number;
  sumFen: number;
  /** Distinct people and households, counted on demand: only categories an indicator names need them. */
  persons(): number;
  households(): number;
  /** First cell of the category, for findings. */
  firstCell: string;
}

export interface LedgerSummary {
  sheet: string;
  totalFen: number;
  count: number;
  byCategory: CategoryFigures[];
}

export function summariseLedger(ledger: Ledger): LedgerSummary {
  const groups = new Map<string, { category: string; count: number; sumFen: number; members: number[]; first: number }>();
  let totalFen = 0;
  for (let i = 0; i < ledger.length; i++) {
    const amount = ledger.amountFen[i];
    if (Number.isFinite(amount)) totalFen += amount;
    const category = ledger.text('category', i) ?? '（未填类型）';
    let g = groups.get(category);
    if (!g) {
      g = { category, count: 0, sumFen: 0, members: [], first: i };
      groups.set(category, g);
    }
    g.count++;
    if (Number.isFinite(amount)) g.sumFen += amount;
    g.members.push(i);
  }
  const distinct = (members: number[], key: (i: number) => string | null) => {
    const seen = new Set<string>();
    for (const i of members) {
      const k = key(i);
      if (k) seen.add(k);
    }
    return seen.size;
  };
  const who = (i: number) => ledger.text('idNumber', i) ?? ledger.text('person', i);
  const categoryCol = ledger.columns.category ?? ledger.columns.amount ?? 0;
  return {
    sheet: ledger.sheet,
    totalFen,
    count: ledger.length,
    byCategory: [...groups.values()].map((g) => ({
      category: g.category,
      count: g.count,
      sumFen: g.sumFen,
      persons: () => distinct(g.members, who),
      households: () => distinct(g.members, (i) => ledger.text('household', i) ?? who(i)),
      firstCell: a1(ledger.row[g.first], categoryCol),
    })),
  };
}

/**
 * Each category's normalized name, once per summary: every indicator is matched against every category,
 * and a hostile ledger has tens of thousands of distinct ones.
 */
const categoryKeys = new WeakMap<LedgerSummary, string[]>();

/** The ledger category an indicator name speaks of (节日送温暖慰问 ↔ 节日送温暖慰问金), if any. */
export function categoryForIndicator(name: string, summary: LedgerSummary): CategoryFigures | null {
  const n = normalizeName(name).replace(/(人数|人次|户数|次数|金额|资金)$/, '');
  if (n.length < 2) return null;
  let keys = categoryKeys.get(summary);
  if (!keys) categoryKeys.set(summary, (keys = summary.byCategory.map((c) => normalizeName(c.category))));
  let best: CategoryFigures | null = null;
  let bestLength = 0;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (k.length < 2) continue;
    if (k === n || k.includes(n) || n.includes(k)) {
      if (!best || Math.abs(bestLength - n.length) > Math.abs(k.length - n.length)) {
        best = summary.byCategory[j];
        bestLength = k.length;
      }
    }
  }
  return best;
}
