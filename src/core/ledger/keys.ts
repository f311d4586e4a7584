/**
 * Numbering distinct 身份证号 and 户号 (and 姓名) in order of first appearance, so the per-person and
 * per-household rules work on small integers. At a million rows this is the largest cost of those rules,
 * so the common keys never reach a string comparison: an 18-character 身份证号 of 17 digits and a check
 * character becomes two integers, and a short one-byte string (户号 such as `ZC-0001234`) becomes three,
 * looked up in an open-addressing table. Other strings go to a table that compares them. The kinds can
 * never hold equal keys, so sharing one counter numbers the groups exactly as one table of the strings
 * would.
 *
 * readLedger numbers as it reads (`IdKeys`, `TextKeys`), while each text is still in the CPU's cache: with
 * a million-row snapshot in memory, reading a million strings a second time costs more than numbering them.
 */
import { ID_CHECK_VALUES, ID_WEIGHTS } from './idChecksum';

/** Group number per entry (-1 for none) and how many groups there are. */
export interface StringGroups {
  /** Group number per value, -1 where the value is null, empty or left out. */
  groups: Int32Array;
  /** Number of distinct values. */
  count: number;
  /** How many entries have no group. */
  missing: number;
}

/** Distinct 身份证号 and, per entry, whether the ID needs a closer look. */
export interface IdGroups extends StringGroups {
  /**
   * 1 where the 身份证号 is 17 digits and the right GB 11643 check character and does not end in `000`
   * (the sign of a number that lost its last digits): the idChecksum rule skips those without a look.
   */
  plainValid: Uint8Array;
}

function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x2545f491, 0x9e3779b1) ^ Math.imul(b ^ 0x6c8e9cf5, 0x85ebca77) ^ Math.imul(c ^ 0x1b873593, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/** Keys looked up together: enough to overlap the cache misses, few enough to stay in cache. */
const BATCH = 64;

/**
 * Keys of two or three integers (`width`) with a group number each. Open addressing with linear
 * probing; a slot is the key and group + 1 (0: free) side by side, so a probe reads one cache line.
 *
 * Keys are queued and looked up BATCH at a time: with a million-row snapshot streaming through the
 * cache, nearly every probe of a table this size misses the cache, and touching the first slots of a
 * whole batch before probing lets the processor wait for those misses together instead of one by one.
 * The lookups themselves then run in queue order, so the numbering is the same as one by one.
 */
class IntKeyTable {
  private table: Int32Array;
  /** Slots - 1 (a power of two less one). */
  private mask: number;
  /** Int32s per slot: the key, then group + 1. */
  private readonly stride: number;
  private size = 0;
  /** The queue: entry index and key of each. */
  private readonly qi = new Int32Array(BATCH);
  private readonly qa = new Int32Array(BATCH);
  private readonly qb = new Int32Array(BATCH);
  private readonly qc = new Int32Array(BATCH);
  private readonly qh = new Int32Array(BATCH);
  private queued = 0;
  /** Keeps the touches of a batch from being optimised away. */
  private touched = 0;

  /** For keys of `width` (2 or 3) integers; room for `expected` keys before it grows (doubling). */
  constructor(width: 2 | 3, expected: number) {
    let slots = 64;
    while (slots * 0.7 < expected) slots *= 2;
    this.stride = width + 1;
    this.table = new Int32Array(slots * this.stride);
    this.mask = slots - 1;
  }

  /** Queues key (a, b, c) of entry i; `flush` numbers it. Returns whether the queue is full. */
  queue(i: number, a: number, b: number, c: number): boolean {
    const q = this.queued++;
    this.qi[q] = i;
    this.qa[q] = a;
    this.qb[q] = b;
    this.qc[q] = c;
    this.qh[q] = mix(a, b, c);
    return this.queued === BATCH;
  }

  /**
   * Numbers the queued keys in order into `groups` (by entry index): a known key gets its group, a new
   * one the group `next` and then next + 1. Returns the next free group number.
   */
  flush(groups: Int32Array, next: number): number {
    const count = this.queued;
    if (count === 0) return next;
    this.queued = 0;
    const { qi, qa, qb, qc, qh, stride } = this;
    const wide = stride === 4;
    let table = this.table;
    let mask = this.mask;
    // Touch each key's first slot, so the misses overlap.
    let touched = this.touched;
    for (let q = 0; q < count; q++) touched ^= table[(qh[q] & mask) * stride];
    this.touched = touched;
    for (let q = 0; q < count; q++) {
      const a = qa[q];
      const b = qb[q];
      const c = qc[q];
      let s = (qh[q] & mask) * stride;
      let g = -1;
      for (;;) {
        const used = table[s + stride - 1];
        if (used === 0) break;
        if (table[s] === a && table[s + 1] === b && (!wide || table[s + 2] === c)) {
          g = used - 1;
          break;
        }
        s = s + stride > mask * stride ? 0 : s + stride;
      }
      if (g < 0) {
        g = next++;
        table[s] = a;
        table[s + 1] = b;
        if (wide) table[s + 2] = c;
        table[s + stride - 1] = g + 1;
        if (++this.size > (mask + 1) * 0.7) {
          this.grow();
          table = this.table;
          mask = this.mask;
        }
      }
      groups[qi[q]] = g;
    }
    return next;
  }

  /** Doubles the slots (past 70 % full). */
  private grow(): void {
    const { stride, table: old } = this;
    const end = (this.mask + 1) * stride;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * stride);
    const mask = slots - 1;
    const wide = stride === 4;
    for (let s = 0; s < end; s += stride) {
      if (old[s + stride - 1] === 0) continue;
      let t = (mix(old[s], old[s + 1], wide ? old[s + 2] : 0) & mask) * stride;
      while (table[t + stride - 1] !== 0) t = t + stride > mask * stride ? 0 : t + stride;
      for (let k = 0; k < stride; k++) table[t + k] = old[s + k];
    }
    this.table = table;
    this.mask = mask;
  }
}

/** Any other string, compared as a string; hashed with FNV-1a over its UTF-16 code units. */
class StringTable {
  private slots = new Int32Array(64);
  private mask = 63;
  private readonly strings: string[] = [];
  private readonly hashes: number[] = [];
  private readonly numbers: number[] = [];

  intern(k: string, next: number): number {
    let h = 0x811c9dc5;
    for (let j = 0; j < k.length; j++) h = Math.imul(h ^ k.charCodeAt(j), 0x01000193);
    let s = h & this.mask;
    for (;;) {
      const e = this.slots[s] - 1;
      if (e < 0) break;
      if (this.hashes[e] === h && this.strings[e] === k) return this.numbers[e];
      s = (s + 1) & this.mask;
    }
    const e = this.strings.length;
    this.strings.push(k);
    this.hashes.push(h);
    this.numbers.push(next);
    this.slots[s] = e + 1;
    if (this.strings.length * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const mask = slots.length - 1;
      for (let f = 0; f < this.strings.length; f++) {
        let t = this.hashes[f] & mask;
        while (slots[t] !== 0) t = (t + 1) & mask;
        slots[t] = f + 1;
      }
      this.slots = slots;
      this.mask = mask;
    }
    return -1;
  }
}

const ZERO = 48;
/** One-byte code units of text that needs no normalising: A–Z a–z 0–9 ( ) - ·. */
const CLEAN_BYTE = new Uint8Array(256);
for (const [from, to] of [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x28, 0x29], [0x2d, 0x2d], [0xb7, 0xb7]]) {
  for (let c = from; c <= to; c++) CLEAN_BYTE[c] = 1;
}
// Local copies: read per character of a million IDs.
const WEIGHTS = ID_WEIGHTS;
const CHECK_VALUE = ID_CHECK_VALUES;

/**
 * Numbers 身份证号 entry by entry. A trailing x is the same check character as X; elsewhere case counts
 * (the key of a string is `id.endsWith('x') ? id.toUpperCase() : id`).
 */
export class IdKeys {
  private groups: Int32Array;
  private plainValid: Uint8Array;
  private readonly shaped: IntKeyTable;
  private other: StringTable | null = null;
  private next = 0;
  private missing = 0;

  /** For up to `capacity` entries. */
  constructor(capacity: number) {
    this.groups = new Int32Array(capacity);
    this.plainValid = new Uint8Array(capacity);
    // Ledgers repeat recipients: room for half as many keys as entries before the table grows.
    this.shaped = new IntKeyTable(2, capacity / 2);
  }

  /** Entry i's 身份证号 (entries are added in order, each once). */
  add(i: number, v: string | null): void {
    if (v === null || v === '') {
      this.groups[i] = -1;
      this.missing++;
      return;
    }
    if (this.addShaped(i, v)) return;
    // The queue is numbered first: groups are numbered in order of first appearance.
    this.next = this.shaped.flush(this.groups, this.next);
    this.other ??= new StringTable();
    const g = this.other.intern(v.endsWith('x') ? v.toUpperCase() : v, this.next);
    this.groups[i] = g < 0 ? this.next++ : g;
  }

  /**
   * Entry i's 身份证号 when it is 17 ASCII digits and a check character 0–9, X or x (then it is also
   * text that needs no normalising); false, and nothing added, for any other text.
   */
  addShaped(i: number, v: string): boolean {
    if (v.length !== 18) return false;
    // hi: the first 9 digits, lo: the next 8; the check character counts X and x as 10.
    let hi = 0;
    let lo = 0;
    let sum = 0;
    for (let k = 0; k < 9; k++) {
      const d = v.charCodeAt(k) - ZERO;
      if (d >>> 0 > 9) return false;
      hi = hi * 10 + d;
      sum += d * WEIGHTS[k];
    }
    for (let k = 9; k < 17; k++) {
      const d = v.charCodeAt(k) - ZERO;
      if (d >>> 0 > 9) return false;
      lo = lo * 10 + d;
      sum += d * WEIGHTS[k];
    }
    const last = v.charCodeAt(17);
    let check: number;
    if (last >= ZERO && last <= ZERO + 9) check = last - ZERO;
    else if (last === 88 || last === 120) check = 10;
    else return false;
    // 9 digits < 2^31; 8 digits × 11 + the check value < 2^31.
    if (this.shaped.queue(i, hi, lo * 11 + check, 0)) this.next = this.shaped.flush(this.groups, this.next);
    if (check === CHECK_VALUE[sum % 11] && !(check === 0 && lo % 100 === 0)) this.plainValid[i] = 1;
    return true;
  }

  /** The numbering of the first `n` entries. */
  done(n: number): IdGroups {
    this.next = this.shaped.flush(this.groups, this.next);
    return { groups: this.groups.subarray(0, n), count: this.next, missing: this.missing, plainValid: this.plainValid.subarray(0, n) };
  }
}

/** Numbers any texts entry by entry (户号, 姓名): equal strings share a group. */
export class TextKeys {
  private groups: Int32Array;
  private readonly short: IntKeyTable;
  private readonly other = new StringTable();
  private next: number;
  private missing = 0;

  /** For up to `capacity` entries; numbering starts at `first`. */
  constructor(capacity: number, first = 0) {
    this.groups = new Int32Array(capacity);
    this.short = new IntKeyTable(3, capacity / 2);
    this.next = first;
  }

  /** Entry i's text (entries are added in order, each once); null leaves it without a group. */
  add(i: number, v: string | null): void {
    if (v === null || v === '') {
      this.groups[i] = -1;
      this.missing++;
      return;
    }
    const len = v.length;
    let packed = len <= 12;
    let a = 0;
    let b = 0;
    let c = 0;
    // Up to 12 code units of 1…255 pack into three integers, a byte each; zero marks the end.
    for (let k = 0; packed && k < len; k++) {
      const code = v.charCodeAt(k);
      if (code === 0 || code > 255) packed = false;
      else if (k < 4) a |= code << (8 * k);
      else if (k < 8) b |= code << (8 * (k - 4));
      else c |= code << (8 * (k - 8));
    }
    if (packed) {
      if (this.short.queue(i, a, b, c)) this.next = this.short.flush(this.groups, this.next);
      return;
    }
    // The queue is numbered first: groups are numbered in order of first appearance.
    this.next = this.short.flush(this.groups, this.next);
    const g = this.other.intern(v, this.next);
    this.groups[i] = g < 0 ? this.next++ : g;
  }

  /**
   * Entry i's text when it is 1–12 letters, digits and ( ) - · (text that needs no normalising, see
   * readLedger's `plain`); false, and nothing added, for any other text.
   */
  addClean(i: number, v: string): boolean {
    const len = v.length;
    if (len === 0 || len > 12) return false;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let k = 0; k < len; k++) {
      const code = v.charCodeAt(k);
      if (!(code < 256 && CLEAN_BYTE[code] === 1)) return false;
      if (k < 4) a |= code << (8 * k);
      else if (k < 8) b |= code << (8 * (k - 4));
      else c |= code << (8 * (k - 8));
    }
    if (this.short.queue(i, a, b, c)) this.next = this.short.flush(this.groups, this.next);
    return true;
  }

  /** The numbering of the first `n` entries; `count` counts from the first number. */
  done(n: number, first = 0): StringGroups {
    this.next = this.short.flush(this.groups, this.next);
    return { groups: this.groups.subarray(0, n), count: this.next - first, missing: this.missing };
  }
}

/** Numbers the 身份证号 of `n` entries, entry i's being `idOf(i)`. */
export function groupIds(n: number, idOf: (i: number) => string | null): IdGroups {
  const keys = new IdKeys(n);
  for (let i = 0; i < n; i++) keys.add(i, idOf(i));
  return keys.done(n);
}

/**
 * Numbers the texts of `n` entries, entry i's being `textOf(i)`, for the entries where `include[i]` is set
 * (all when null; the others are not asked); numbering starts at `first`.
 */
export function groupStrings(n: number, textOf: (i: number) => string | null, include: Uint8Array | null = null, first = 0): StringGroups {
  const keys = new TextKeys(n, first);
  for (let i = 0; i < n; i++) keys.add(i, include === null || include[i] !== 0 ? textOf(i) : null);
  return keys.done(n, first);
}
