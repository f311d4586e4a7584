/**
 * What a header cell says its column holds, read with the vocabulary (vocabulary.json). Every column
 * kind whose word the header contains is a candidate; the longest word wins, so 实际完成值 is never the
 * 完成值 of a target, 评分要点 is never a 评分 and 上年指标值 is never this year's 指标值.
 */
import { normalizeText } from '../parse/text';
import { VOCABULARY, type ColumnKind } from './vocabulary';

export type { ColumnKind } from './vocabulary';

export interface HeaderMatch {
  kind: ColumnKind;
  /** Multiplier a money unit in the header implies for the column's numbers (（万元） → 10000). */
  scale: number;
  /** The money unit the header states (`万元`), or null when it states none. */
  moneyUnit: string | null;
  /** A unit of count or rate the header states (`%`, `人`), applied to bare numbers in the column. */
  unit: string | null;
  /** The header as written (normalised), for messages. */
  text: string;
  /** The vocabulary word that decided the kind; longer is more specific. */
  word: string;
}

interface Entry {
  kind: ColumnKind;
  words: readonly string[];
  not: readonly string[];
  order: number;
}

const ENTRIES: readonly Entry[] = VOCABULARY.columns.map((c, order) => ({
  kind: c.kind,
  words: c.words.map(compactText),
  not: (c.not ?? []).map(compactText),
  order,
}));

function compactText(s: string): string {
  return normalizeText(s).replace(/\s+/g, '');
}

/** Parenthesised parts of a header (`（万元）`, after NFKC `(万元)`) and `单位：万元`. */
const PARENTHESES = /\(([^()]*)\)/g;
const UNIT_LINE = /单位[:：]?(.+)$/;

/** The units a text states: `项目资金（万元）`, `实际完成值（%）`, `单位：元`. */
export function statedUnits(text: string): { scale: number; moneyUnit: string | null; unit: string | null } {
  const compact = compactText(text);
  const parts: string[] = [];
  for (const m of compact.matchAll(PARENTHESES)) parts.push(m[1]);
  const line = UNIT_LINE.exec(compact.replace(PARENTHESES, ''));
  if (line) parts.push(line[1]);
  let scale = 1;
  let moneyUnit: string | null = null;
  let unit: string | null = null;
  for (const part of parts) {
    const p = part.replace(/^单位[:：]?/, '');
    for (const u of VOCABULARY.units) {
      if (p !== u.marker) continue;
      if ('scale' in u) {
        if (moneyUnit === null) [scale, moneyUnit] = [u.scale, u.marker];
      } else if (unit === null) unit = u.unit;
    }
  }
  return { scale, moneyUnit, unit };
}

/** Classifies one header cell, or null when it names nothing the add-in reads. */
export function classifyHeader(raw: string): HeaderMatch | null {
  const text = normalizeText(raw);
  if (text.length === 0 || text.length > 40) return null;
  const bare = compactText(text).replace(PARENTHESES, '');
  // A header is a label, not a sentence: a 备注 such as “未完全达到年度指标，原因：…” names no column.
  if (bare.length === 0 || /[,.;!?。]/.test(bare)) return null;
  let best: { entry: Entry; word: string } | null = null;
  for (const entry of ENTRIES) {
    if (entry.not.some((n) => bare.includes(n))) continue;
    for (const w of entry.words) {
      if (!bare.includes(w)) continue;
      if (!best || w.length > best.word.length) best = { entry, word: w };
    }
  }
  if (!best) return null;
  return { kind: best.entry.kind, ...statedUnits(text), text, word: best.word };
}

/** The columns that hold a budget's amounts and rate. */
export const BUDGET_KINDS: ReadonlySet<ColumnKind> = new Set([
  'budgetInitial', 'budgetAdjusted', 'budgetExecuted', 'executionRate',
]);
