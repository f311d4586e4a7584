/**
 * Ledger checks (issue 3): `readLedger` + `runChecks` with every rule of `gz-zengcheng-2023` (and the 广州 and
 * data-quality packs it includes, 月低保标准 set so that rule runs too) on a ledger already in memory as a
 * host's snapshot. Each size runs in its own child process (bench/ledgerChild.ts), so the heap it
 * measures holds only that ledger, and its peak RSS is its own. Workloads:
 * - `zengcheng`: the realistic 增城 ledger of bench/zengchengLedger.ts (≈ 0.1 % planted anomalies);
 * - `heavy`: the ledger of the core bench (bench/workload.ts), whose categories and amounts break 增城's and
 *   广州's standards on nearly every row, so it measures the cost of ≈ 1 finding per row.
 */
import { mapWorkbook } from '../src/core/detect/mapping';
import { runChecks } from '../src/core/checks/runChecks';
import type { Finding } from '../src/core/findings';
import { readLedger } from '../src/core/ledger/readLedger';
import type { Ledger } from '../src/core/ledger/types';
import { packNames, resolvePacks } from '../src/core/rules/resolvePacks';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import type { LedgerCheckResult, LedgerWorkload } from './results';
import { benchSnapshot } from './snapshotFixture';
import { cpuMs, forceGc, settle, msSince, nowNs, PeakRssSampler, summarize } from './timing';
import { generateZengchengLedger, zengchengSnapshot } from './zengchengLedger';

export const LEDGER_PACK = 'gz-zengcheng-2023';
export const LEDGER_PARAMETERS = { 'gz-monthly-dibao': 1330 };

/** The workload's snapshot: the ledger sheet alone (the heavy one drops the 自评表). */
export function ledgerSnapshot(workload: LedgerWorkload, rows: number): { snapshot: WorkbookSnapshot; planted: number } {
  if (workload === 'zengcheng') {
    const ledger = generateZengchengLedger(rows);
    const planted = Object.values(ledger.anomalies).reduce((a, b) => a + b, 0);
    return { snapshot: zengchengSnapshot(ledger), planted };
  }
  const full = benchSnapshot(rows);
  return { snapshot: { sheets: full.sheets.filter((s) => s.name === '发放明细').map((s) => ({ ...s, index: 0 })) }, planted: 0 };
}

/** Detection (mapping) of the ledger table: not part of the timed parse + rules, reported beside them. */
export function mapLedger(snapshot: WorkbookSnapshot) {
  const mapping = mapWorkbook(snapshot);
  const table = mapping.tables.find((t) => t.role === 'ledger');
  if (!table) throw new Error('no ledger table detected');
  return { table, grid: mapping.grids.get(table.sheet)! };
}

const rules = resolvePacks([LEDGER_PACK], { parameters: LEDGER_PARAMETERS });
const context = { year: 2023, packNames: packNames(rules) };

export function checkOnce(snapshot: WorkbookSnapshot): { ledger: Ledger; findings: Finding[] } {
  const { table, grid } = mapLedger(snapshot);
  const ledger = readLedger(table, grid);
  return { ledger, findings: runChecks(ledger, rules, context) };
}

/**
 * One timed run. A function of its own so that nothing of the run (ledger, findings) is still referenced
 * when the next run settles: the locals of an async function can outlive their loop iteration, and then
 * the next run would start with the last one's memory still held.
 */
function timedRun(snapshot: WorkbookSnapshot, heapBase: number, byRule: Record<string, number> | null) {
  const cpu0 = cpuMs();
  const t0 = nowNs();
  const { table, grid } = mapLedger(snapshot);
  const t1 = nowNs();
  const ledger = readLedger(table, grid);
  const t2 = nowNs();
  const out = runChecks(ledger, rules, context);
  const t3 = nowNs();
  const cpu = cpuMs() - cpu0;
  // Heap still held by the ledger and the findings (garbage included: no GC in between).
  const heapDelta = process.memoryUsage().heapUsed - heapBase;
  if (byRule) for (const f of out) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    cpu, heapDelta, findings: out.length, entries: ledger.length,
    detect: Number(t1 - t0) / 1e6, parse: Number(t2 - t1) / 1e6, check: Number(t3 - t2) / 1e6,
  };
}

export async function measureLedgerChecks(workload: LedgerWorkload, rows: number, runs: number): Promise<LedgerCheckResult> {
  const sampler = new PeakRssSampler(5);
  // Warm-up on a small ledger of the same kind, so the measured runs do not pay for compilation.
  const warm = ledgerSnapshot(workload, 20_000).snapshot;
  for (let k = 0; k < 5; k++) checkOnce(warm);

  forceGc();
  const t = nowNs();
  const { snapshot, planted } = ledgerSnapshot(workload, rows);
  const buildMs = msSince(t);
  forceGc();
  const heapBase = process.memoryUsage().heapUsed;
  const rssBase = process.memoryUsage.rss();

  const detect: number[] = [];
  const parse: number[] = [];
  const check: number[] = [];
  const cpu: number[] = [];
  let peakRss = 0;
  let peakHeapDelta = 0;
  let findings = 0;
  let entries = 0;
  const byRule: Record<string, number> = {};
  for (let k = 0; k < runs; k++) {
    await settle();
    sampler.reset();
    const run = timedRun(snapshot, heapBase, k === runs - 1 ? byRule : null);
    cpu.push(run.cpu);
    peakHeapDelta = Math.max(peakHeapDelta, run.heapDelta);
    peakRss = Math.max(peakRss, sampler.peakBytes());
    detect.push(run.detect);
    parse.push(run.parse);
    check.push(run.check);
    findings = run.findings;
    entries = run.entries;
  }
  // What the ledger and its findings keep after a collection, beyond the snapshot.
  const kept = checkOnce(snapshot);
  forceGc();
  const heapRetained = process.memoryUsage().heapUsed - heapBase;
  // The ledger's typed arrays still in use (outside the heap).
  const arrayBuffers = process.memoryUsage().arrayBuffers;
  if (kept.findings.length !== findings) throw new Error('runs disagree on the findings');
  await sampler.stop();
  const total = parse.map((p, k) => p + check[k]);
  return {
    workload, rows, entries, runs, buildMs, planted,
    detect: summarize(detect), parse: summarize(parse), check: summarize(check), total: summarize(total), cpu: summarize(cpu),
    findings, byRule, heapSnapshot: heapBase, rssBase, peakRss, peakHeapDelta, heapRetained, arrayBuffers,
  };
}
