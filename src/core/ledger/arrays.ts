/**
 * Arrays of a million entries that live for one run (the ledger's numbers, group numbers, per-recipient
 * totals) are plain JS arrays, not typed arrays, for the garbage collector's sake: V8 counts every typed
 * array's backing store as external memory and starts a full collection of the whole heap after about
 * 32 MB of it, and with a million-row snapshot in the heap that costs about a second — longer than
 * reading and checking the ledger. JS arrays are ordinary heap objects, which V8 lets grow by hundreds
 * of megabytes before it collects. V8 keeps small integers and doubles in them unboxed; they are only
 * read and written by index.
 */

/** An array for `n` numbers, each to be written by the caller (until then they are holes). */
export function numberArray(n: number): number[] {
  return new Array<number>(n);
}

/** `n` copies of `value`. */
export function filledArray(n: number, value: number): number[] {
  return new Array<number>(n).fill(value);
}
