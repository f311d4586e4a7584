/** Tallies fuzz results per family and renders the table RELIABILITY.md and the test print. */
import type { CaseResult } from './runCase';
import { FAMILIES, type Family } from './rng';

export const FAMILY_NAMES: Record<Family, string> = {
  a: '(a) cell-level mess on real layouts',
  b: '(b) odd structure',
  c: '(c) corrupted packages',
  d: '(d) officer edits, then re-score',
};

export interface Tally {
  cases: number;
  scored: number;
  refused: number;
  internal: number;
  hang: number;
  dataLoss: number;
  repairable: number;
  english: number;
  rescoreDiffers: number;
  harness: number;
}

export function tally(results: readonly CaseResult[]): Map<Family | 'all', Tally> {
  const out = new Map<Family | 'all', Tally>();
  const zero = (): Tally => ({ cases: 0, scored: 0, refused: 0, internal: 0, hang: 0, dataLoss: 0, repairable: 0, english: 0, rescoreDiffers: 0, harness: 0 });
  for (const f of [...FAMILIES, 'all'] as const) out.set(f, zero());
  for (const r of results) {
    for (const t of [out.get(r.family)!, out.get('all')!]) {
      t.cases++;
      t[r.outcome]++;
      if (r.repairable) t.repairable++;
      if (r.english) t.english++;
      if (r.rescoreDiffers) t.rescoreDiffers++;
    }
  }
  return out;
}

export function table(results: readonly CaseResult[]): string {
  const t = tally(results);
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    '| family | cases | scored | refused | internal errors | hangs | data loss | repairable outputs | English stderr | re-score differs | harness errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [f, x] of t) {
    if (x.cases === 0 && f !== 'all') continue;
    const name = f === 'all' ? '**all**' : FAMILY_NAMES[f];
    lines.push(`| ${name} | ${n(x.cases)} | ${n(x.scored)} | ${n(x.refused)} | ${n(x.internal)} | ${n(x.hang)} | ${n(x.dataLoss)} | ${n(x.repairable)} | ${n(x.english)} | ${n(x.rescoreDiffers)} | ${n(x.harness)} |`);
  }
  return lines.join('\n');
}

/** A case is a failure when it is an internal error, a hang or data loss, or its output or stderr is bad. */
export function isFailure(r: CaseResult): boolean {
  return r.outcome === 'internal' || r.outcome === 'hang' || r.outcome === 'dataLoss' || r.outcome === 'harness' || r.repairable || r.english || r.rescoreDiffers;
}

/** One line per failing case, with the command that replays it. */
export function failureLines(results: readonly CaseResult[], limit = 50): string[] {
  return results
    .filter(isFailure)
    .slice(0, limit)
    .map((r) => `${r.family}#${r.index} ${r.outcome}${r.repairable ? '+repairable' : ''}${r.english ? '+english' : ''}${r.rescoreDiffers ? '+rescore' : ''} ` +
      `[${replay(r)}] ${r.label.slice(0, 160)}\n    ${r.problems.slice(0, 3).join('\n    ')}`);
}

/** The command that rebuilds and reruns one case. */
export function replay(r: Pick<CaseResult, 'family' | 'seed' | 'index' | 'variant'>): string {
  return `npm run fuzz -- --family ${r.family} --seed ${r.seed} --case ${r.index}${r.variant ? ` --variant '${r.variant}'` : ''}`;
}
