/**
 * Numbering distinct strings (身份证号, 姓名, 户号) in one pass with an open-addressing table over typed
 * arrays: at a million rows this is the largest cost of the per-recipient rules, and it runs faster and
 * allocates less than a Map of strings.
 */

export interface StringGroups {
  /** Group number per value, -1 where the value is null or empty. */
  groups: Int32Array;
  /** Number of distinct values. */
  count: number;
}

function hash(s: string): number {
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/**
 * Group `values[i]` (keyed by `key(values[i])`, the value itself by default; `key` must be cheap, it is
 * called again on collisions) for the entries where `include(i)` holds; numbering starts at `first`.
 */
export function groupStrings(
  values: readonly (string | null)[],
  include: ((i: number) => boolean) | null = null,
  key: ((s: string) => string) | null = null,
  first = 0,
): StringGroups {
  const n = values.length;
  const groups = new Int32Array(n).fill(-1);
  let size = 1024;
  while (size < n * 2) size *= 2;
  // Each slot holds the entry index of the first value with that key (-1: free) and the key's hash, so
  // a probe past another key rarely has to look at a string.
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(size);
  const mask = size - 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '' || (include !== null && !include(i))) continue;
    const k = key === null ? v : key(v);
    const h = hash(k) | 0;
    let slot = h & mask;
    for (;;) {
      const j = slots[slot];
      if (j < 0) {
        slots[slot] = i;
        hashes[slot] = h;
        groups[i] = first + count++;
        break;
      }
      if (hashes[slot] === h && (key === null ? values[j] : key(values[j] as string)) === k) {
        groups[i] = groups[j];
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { groups, count };
}
