/**
 * Runs fuzz cases in a pool of worker processes. Each CLI run inside a case has a bound of `timeoutMs`
 * plus `PER_MB_MS` per MB of input, counted in the worker's CPU time where Linux's /proc tells it (so a
 * machine busy with other work does not turn a slow run into a "hang"), with a wall-clock backstop of
 * `WALL_FACTOR` times the bound for a run that waits without computing; past either, the
 * worker is killed and replaced and the case is a hang. A worker that dies in a CLI run (out of memory,
 * a native crash) makes the case an internal error. A case whose harness steps (building the input,
 * LibreOffice, reading files back) exceed `caseTimeoutMs` is a harness error, not the product's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult, CaseSpec } from './runCase';
import type { FromWorker } from './worker';

/** CPU time allowed per MB of input on top of `timeoutMs`: several times what reading and writing it needs. */
export const PER_MB_MS = 15_000;

/** The harness's own time per MB of input (building it, reading the output back with ExcelJS, LibreOffice). */
export const HARNESS_PER_MB_MS = 120_000;

/** A run that uses no CPU (blocked on something) is a hang after this many times its bound in wall time. */
export const WALL_FACTOR = 3;

/** CPU time (user + system, all threads) a process has used, in ms; undefined where /proc is not there. */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux.
  } catch {
    return undefined;
  }
}

export interface PoolOptions {
  workers: number;
  /** Per CLI run; default 20 s. */
  timeoutMs?: number;
  /** Per case, for the harness's own steps; default 180 s. */
  caseTimeoutMs?: number;
  /** Heap of each worker, in MB; default 2048 (a run that needs more is out of memory, an internal error). */
  heapMb?: number;
  onResult?: (r: CaseResult) => void;
}

/** A worker's scratch directory (runCase.ts), left behind when it is killed. */
function cleanUp(c: ChildProcess): void {
  if (process.env.FUZZ_KEEP) return;
  rmSync(join(tmpdir(), `jixiao-fuzz-${c.pid}`), { recursive: true, force: true });
}

export async function runPool(specs: readonly CaseSpec[], options: PoolOptions): Promise<CaseResult[]> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const caseTimeoutMs = options.caseTimeoutMs ?? 180_000;
  const results: CaseResult[] = [];
  let next = 0;

  const finish = (r: CaseResult) => {
    results.push(r);
    options.onResult?.(r);
  };

  const lane = async (): Promise<void> => {
    let child: ChildProcess | null = null;
    const spawn = () =>
      fork(join(__dirname, 'worker.ts'), [], {
        execArgv: ['--import', 'tsx', `--max-old-space-size=${options.heapMb ?? 2048}`],
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        env: { ...process.env, JIXIAO_DEBUG: '' },
      });
    while (next < specs.length) {
      const spec = specs[next++];
      child ??= spawn();
      const c = child;
      const r = await new Promise<CaseResult | null>((resolve) => {
        const started = performance.now();
        let label = '';
        let step = '';
        let cliTimer: NodeJS.Timeout | undefined;
        const fail = (outcome: CaseResult['outcome'], problem: string): void => {
          done(null);
          c.kill('SIGKILL');
          cleanUp(c);
          child = null;
          finish({
            family: spec.family, seed: spec.seed, index: spec.index, variant: spec.variant, label, outcome, codes: [], problems: [problem],
            repairable: false, english: false, rescoreDiffers: false, ms: performance.now() - started,
          });
        };
        const harnessTimeout = (ms: number) => setTimeout(() => fail('harness', `harness: case not finished in ${Math.round(ms / 1000)} s (step ${step || 'build'})`), ms);
        let caseTimer = harnessTimeout(caseTimeoutMs);
        let sized = false;
        const onMessage = (m: FromWorker) => {
          if (m.type === 'cli-start') {
            label = m.label;
            step = m.step;
            // The harness reads every output back with ExcelJS: a 60,000-row ledger's scored copy (a
            // 120,000-row 异常清单) takes it minutes on a busy machine, so the case's own budget grows with
            // the input's size too, once, from its first run.
            if (!sized) {
              sized = true;
              clearTimeout(caseTimer);
              caseTimer = harnessTimeout(caseTimeoutMs + Math.round((m.bytes / 1_048_576) * HARNESS_PER_MB_MS));
            }
            // A bound proportional to the input's real size (issue 12): a 60,000-row ledger whose every
            // payment is flagged takes ExcelJS tens of seconds to read and write, and is not a hang.
            const bound = timeoutMs + Math.round((m.bytes / 1_048_576) * PER_MB_MS);
            const size = `${(m.bytes / 1_048_576).toFixed(1)} MB`;
            const cpuStart = cpuMsOf(c.pid);
            const wallStart = performance.now();
            if (cpuStart === undefined) {
              cliTimer = setTimeout(() => fail('hang', `hang: the ${step} run did not finish in ${Math.round(bound / 1000)} s (${size})`), bound);
            } else {
              cliTimer = setInterval(() => {
                const cpu = (cpuMsOf(c.pid) ?? cpuStart) - cpuStart;
                const wall = performance.now() - wallStart;
                if (cpu > bound) fail('hang', `hang: the ${step} run used ${Math.round(cpu / 1000)} s of CPU without finishing (bound ${Math.round(bound / 1000)} s, ${size})`);
                else if (wall > bound * WALL_FACTOR) fail('hang', `hang: the ${step} run did not finish in ${Math.round(wall / 1000)} s (${Math.round(cpu / 1000)} s of CPU, ${size})`);
              }, 500);
            }
          } else if (m.type === 'cli-end') {
            clearInterval(cliTimer);
            clearTimeout(cliTimer);
            cliTimer = undefined;
          } else if (m.type === 'result') done(m.result);
        };
        const onExit = (code: number | null, signal: string | null) => {
          child = null;
          cleanUp(c);
          const where = cliTimer ? `in the ${step} run` : 'in the harness';
          done(null);
          finish({
            family: spec.family, seed: spec.seed, index: spec.index, variant: spec.variant, label, outcome: cliTimer ? 'internal' : 'harness',
            codes: [], problems: [`the process died ${where} (exit ${code}, ${signal ?? 'no signal'}; out of memory?)`],
            repairable: false, english: false, rescoreDiffers: false, ms: performance.now() - started,
          });
        };
        function done(result: CaseResult | null): void {
          clearTimeout(caseTimer);
          clearInterval(cliTimer);
          clearTimeout(cliTimer);
          c.off('message', onMessage);
          c.off('exit', onExit);
          resolve(result);
        }
        c.on('message', onMessage);
        c.on('exit', onExit);
        c.send({ type: 'case', spec });
      });
      if (r) finish(r);
    }
    const last = child as ChildProcess | null;
    if (last) {
      last.kill();
      cleanUp(last);
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, options.workers) }, lane));
  return results.sort((a, b) => a.family.localeCompare(b.family) || a.index - b.index);
}
