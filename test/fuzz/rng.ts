/**
 * Deterministic randomness for the fuzz harness: every case is a pure function of (seed, family, case
 * index), so `npm run fuzz -- --family c --seed 42 --case 17` rebuilds exactly the case that failed.
 */
import fc from 'fast-check';
import { createPrng, type Prng } from '../../examples/support/prng';
import { layoutInputs, randomLayout, type TruthLayout } from '../support/layouts';

export type { Prng };
export type Family = 'a' | 'b' | 'c' | 'd';
export const FAMILIES: Family[] = ['a', 'b', 'c', 'd'];

/** A 32-bit seed for one case, mixed so neighbouring indexes and seeds give unrelated streams. */
export function caseSeed(seed: number, family: Family, index: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const n of [family.charCodeAt(0), index, seed >>> 16]) {
    h = Math.imul(h ^ n, 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function caseRng(seed: number, family: Family, index: number): Prng {
  return createPrng(caseSeed(seed, family, index));
}

/** A random valid evaluation in a random layout (test/support/layouts), drawn with fast-check from `rng`. */
export function layoutFrom(rng: Prng): TruthLayout {
  const [[evaluationSeed, options]] = fc.sample(layoutInputs(), { seed: rng.int(0, 0x7fffffff), numRuns: 1 });
  return randomLayout(evaluationSeed, options);
}

/** True with probability p. */
export function chance(rng: Prng, p: number): boolean {
  return rng.next() < p;
}

/** Picks by weight: [[weight, value], …]. */
export function weighted<T>(rng: Prng, items: readonly (readonly [number, T])[]): T {
  const total = items.reduce((s, [w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [w, v] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][1];
}
