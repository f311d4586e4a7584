/**
 * Timing helpers: monotonic `process.hrtime.bigint()` clocks, a forced GC before every sample so one
 * sample's garbage is not collected on the next one's clock, and a peak-RSS sampler that runs on its
 * own thread (the work measured is synchronous, so a timer on the main thread would never fire).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

type GcFn = () => void;

function isGcFn(v: unknown): v is GcFn {
  return typeof v === 'function';
}

/**
 * `global.gc` when node runs with `--expose-gc`; otherwise the flag is set at run time and the
 * function taken from a fresh context (V8 installs `gc` on contexts created after the flag is set).
 */
function findGc(): { gc: GcFn | null; how: string } {
  const own: unknown = Reflect.get(globalThis, 'gc');
  if (isGcFn(own)) return { gc: own, how: '--expose-gc' };
  try {
    setFlagsFromString('--expose-gc');
    const fresh: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    if (isGcFn(fresh)) return { gc: fresh, how: 'v8.setFlagsFromString(--expose-gc)' };
  } catch {
    // fall through
  }
  return { gc: null, how: 'unavailable' };
}

const found = findGc();
export const gcMethod = found.how;

export function forceGc(): void {
  if (found.gc) {
    found.gc();
    found.gc();
  }
}

/**
 * A full collection, then a turn of the event loop, as between two clicks in the task pane: the next run
 * starts without the garbage of the one before.
 */
export async function settle(): Promise<void> {
  // An array dropped just before may still sit in a register at the first collection.
  for (let k = 0; k < 2; k++) {
    forceGc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** CPU time (user + system) the whole process has used, in ms. Unlike wall time it barely moves when
 * other processes compete for the cores, so it shows whether a slow sample was slow code or a busy machine. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Times one call of `fn` (wall and process CPU, in ms), after a forced GC. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  forceGc();
  const cpu0 = cpuMs();
  const start = nowNs();
  const value = await fn();
  const ms = msSince(start);
  return { ms, cpu: cpuMs() - cpu0, value };
}

export interface Samples {
  /** Milliseconds, in run order. */
  runs: number[];
  best: number;
  median: number;
}

export function summarize(runs: number[]): Samples {
  if (runs.length === 0) return { runs, best: Number.NaN, median: Number.NaN };
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { runs, best: sorted[0], median };
}

/** Runs `fn` `times` times (GC before each); wall and CPU summaries, and the last run's value. */
export async function measure<T>(times: number, fn: () => T | Promise<T>): Promise<{ samples: Samples; cpu: Samples; last: T }> {
  if (times < 1) throw new Error('measure needs at least one run');
  const wall: number[] = [];
  const cpu: number[] = [];
  let last = await timeOnce(fn);
  wall.push(last.ms);
  cpu.push(last.cpu);
  for (let i = 1; i < times; i++) {
    last = await timeOnce(fn);
    wall.push(last.ms);
    cpu.push(last.cpu);
  }
  return { samples: summarize(wall), cpu: summarize(cpu), last: last.value };
}

/**
 * A fixed, project-independent JS workload (string keys, a Map, arithmetic; about 0.1–0.2 s here), timed at
 * the start and end of a run. It never changes, so when it is slower than usual the machine was slower, not the code.
 */
export function canaryMs(): number {
  forceGc();
  const start = nowNs();
  const m = new Map<string, number>();
  let acc = 0;
  for (let i = 0; i < 200_000; i++) {
    const key = `${i},${i % 10}`;
    m.set(key, i);
    acc += m.get(`${i >> 1},${(i >> 1) % 10}`) ?? 0;
  }
  if (acc < 0) throw new Error('unreachable');
  return msSince(start);
}

const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new BigInt64Array(workerData.buffer);
const tick = () => {
  const rss = BigInt(process.memoryUsage.rss());
  if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
};
tick();
setInterval(tick, workerData.intervalMs);
`;

/**
 * Samples the process's RSS (it is process-wide, so a worker sees the main thread's memory) every
 * `intervalMs` and keeps the highest value. `reset()` starts a new window; `peakBytes()` reads it.
 */
export class PeakRssSampler {
  private readonly peak: BigInt64Array;
  private readonly worker: Worker;

  constructor(intervalMs = 10) {
    const buffer = new SharedArrayBuffer(8);
    this.peak = new BigInt64Array(buffer);
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer, intervalMs } });
    this.worker.unref();
  }

  reset(): void {
    Atomics.store(this.peak, 0, BigInt(process.memoryUsage.rss()));
  }

  peakBytes(): number {
    const now = BigInt(process.memoryUsage.rss());
    const seen = Atomics.load(this.peak, 0);
    return Number(seen > now ? seen : now);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
