/**
 * The arrays of a million entries that a ledger run needs (the ledger's numbers, group numbers,
 * per-recipient totals) come from a pool of typed-array memory kept between runs.
 *
 * Why: fresh memory is what such a run spends most of its time on. A plain JS array of a million numbers
 * is a V8 large object with pages of its own, mapped when it is made and unmapped when it dies; on the
 * virtual machines this is measured on, the kernel's first touch of each page costs about 25 ms per 8 MB
 * array, longer than filling it. A fresh typed array costs the same the first time and, worse, counts as
 * external memory, which makes V8 collect the whole heap (a million-row snapshot in it) after every
 * 64 MB or so. Memory kept in a pool costs neither after the first run: the task pane checks the same
 * ledger again and again, and the benchmark measures that. The first run at a size still pays both
 * (BENCHMARKS.md shows it: about 2 s for a million rows, against about 0.7 s once the pool holds them).
 *
 * How: each array handed out is a view of a pooled ArrayBuffer, registered with a FinalizationRegistry;
 * when the garbage collector finds the view unreachable, its buffer goes back to the pool. So the one
 * rule for callers is: **never keep a second view of the same memory** (no `subarray`, no `.buffer`)
 * beyond the life of the view you were given. `slice` copies and is fine; `shorten` gives a shorter
 * array over the same memory and takes the registration over.
 *
 * Arrays are zero-filled (or filled with the value asked for), as `new Int32Array(n)` would be.
 */

/** Arrays smaller than this are allocated as usual: small ones come from pages V8 already holds. */
const POOLED_BYTES = 64 * 1024;
/** Free memory the pool keeps at most; beyond it, a returning buffer is left to the collector. */
const POOL_LIMIT = 512 * 1024 * 1024;

type Pooled = Int32Array | Float64Array | Uint8Array;
type PooledConstructor<T extends Pooled> = new (buffer: ArrayBuffer, byteOffset: number, length: number) => T;

/** Free buffers by size class (a class is a byte size: see `sizeClass`). */
const free = new Map<number, ArrayBuffer[]>();
let freeBytes = 0;

/** The browser or Node lacks it only in very old versions: then nothing is pooled, and all still works. */
const registry =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<ArrayBuffer>((buffer) => {
        if (freeBytes + buffer.byteLength > POOL_LIMIT) return;
        const list = free.get(buffer.byteLength);
        if (list) list.push(buffer);
        else free.set(buffer.byteLength, [buffer]);
        freeBytes += buffer.byteLength;
      })
    : null;

/**
 * Sizes are rounded up to one of four steps per power of two (at most a quarter more than asked), so
 * ledgers of similar length share buffers and a run on the same ledger finds exactly what it used before.
 */
function sizeClass(bytes: number): number {
  const top = 2 ** Math.floor(Math.log2(bytes));
  const step = Math.max(top / 4, 8);
  return Math.ceil(bytes / step) * step;
}

function take<T extends Pooled>(Type: PooledConstructor<T> & { BYTES_PER_ELEMENT: number }, n: number, value: number): T {
  const bytes = n * Type.BYTES_PER_ELEMENT;
  if (registry === null || bytes < POOLED_BYTES) {
    const fresh = new Type(new ArrayBuffer(bytes), 0, n);
    if (value !== 0) fresh.fill(value);
    return fresh;
  }
  const size = sizeClass(bytes);
  const reused = free.get(size)?.pop();
  if (reused) freeBytes -= size;
  const view = new Type(reused ?? new ArrayBuffer(size), 0, n);
  // Fresh memory is zeroes already; reused memory holds the last run's numbers.
  if (reused || value !== 0) view.fill(value);
  registry.register(view, view.buffer as ArrayBuffer, view);
  return view;
}

/** `n` 32-bit integers, each `value` (0 unless given). */
export function int32Array(n: number, value = 0): Int32Array {
  return take(Int32Array, n, value);
}

/** `n` numbers, each `value` (0 unless given). */
export function float64Array(n: number, value = 0): Float64Array {
  return take(Float64Array, n, value);
}

/** `n` bytes, each 0. */
export function byteArray(n: number): Uint8Array {
  return take(Uint8Array, n, 0);
}

/**
 * The first `n` entries of `array`, over the same memory (no copy). The pool's registration moves to the
 * returned array: `array` must not be used after this.
 */
export function shorten<T extends Pooled>(array: T, n: number): T {
  if (n >= array.length) return array;
  const Type = array.constructor as PooledConstructor<T>;
  const short = new Type(array.buffer as ArrayBuffer, array.byteOffset, n);
  if (registry !== null && registry.unregister(array)) registry.register(short, short.buffer as ArrayBuffer, short);
  return short;
}

/** A copy of `array` in pooled memory (where `slice` would allocate fresh memory). */
export function copyOf<T extends Int32Array | Float64Array>(array: T): T {
  const out = (array instanceof Int32Array ? int32Array(array.length) : float64Array(array.length)) as T;
  out.set(array);
  return out;
}

/** How much free memory the pool holds, in bytes (for the benchmark's memory figures and tests). */
export function pooledFreeBytes(): number {
  return freeBytes;
}
