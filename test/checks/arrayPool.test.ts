/**
 * The pool of ledger arrays (src/core/ledger/arrayPool.ts): memory comes back only once nothing can read
 * it, and a reused array never shows the numbers of the run before.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { copyOf, float64Array, int32Array, pooledFreeBytes, shorten } from '../../src/core/ledger/arrayPool';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Collections with turns of the event loop between, for the pool's finalisation callbacks (an array
 * dropped just before may still sit in a register at the first collection).
 */
async function collect(): Promise<void> {
  for (let k = 0; k < 3; k++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const N = 300_000;

/** Fills a pooled array with 7s and drops it; returns its memory, to recognise it when it comes back. */
function useAndDrop(): ArrayBufferLike {
  return int32Array(N).fill(7).buffer;
}

/** A shortened array whose long original is unreachable once this returns. */
function shortOnly(): Int32Array {
  return shorten(int32Array(N, 3), N - 10);
}

describe('ledger array pool', () => {
  it('gives zero-filled arrays, or filled with the value asked for', () => {
    expect(Array.from(int32Array(5))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(int32Array(N, -1).subarray(N - 3))).toEqual([-1, -1, -1]);
    expect(Array.from(float64Array(3, NaN))).toEqual([NaN, NaN, NaN]);
  });

  it('takes memory back after the array is collected, and a reused array starts from zero again', async () => {
    await collect();
    const memory = useAndDrop();
    const before = pooledFreeBytes();
    await collect();
    expect(pooledFreeBytes()).toBe(before + memory.byteLength);
    const again = int32Array(N);
    expect(again.buffer).toBe(memory);
    expect(pooledFreeBytes()).toBe(before);
    expect(again.every((v) => v === 0)).toBe(true);
  });

  it('never hands out memory an array still in use reads', async () => {
    const kept = int32Array(N, 5);
    await collect();
    const taken: Int32Array[] = [];
    for (let k = 0; k < 100 && pooledFreeBytes() > 0; k++) taken.push(int32Array(N, 9));
    expect(kept.every((v) => v === 5)).toBe(true);
    expect(taken.every((a) => a.every((v) => v === 9))).toBe(true);
  });

  it('keeps the memory of a shortened array until the short one is collected too', async () => {
    // The long array dies here (made in a function of its own): only the short one still reads the memory.
    const short = shortOnly();
    expect(short.length).toBe(N - 10);
    expect(short[0]).toBe(3);
    await collect();
    // Take every buffer the pool holds (all of this size): none may be the short array's.
    const taken: Int32Array[] = [];
    for (let k = 0; k < 100 && pooledFreeBytes() > 0; k++) taken.push(int32Array(N, 4));
    expect(pooledFreeBytes()).toBe(0);
    expect(short.every((v) => v === 3)).toBe(true);
  });

  it('copies into memory of its own', () => {
    const a = int32Array(N, 2);
    const b = copyOf(a);
    b[0] = 8;
    expect(a[0]).toBe(2);
    expect(b.length).toBe(N);
  });
});
