/** What one bench run measured; bench/report.ts turns it into markdown. */
import type { Samples } from './timing';

export interface Environment {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemGiB: number;
  date: string;
  gc: string;
  heapLimitMiB: number;
  exceljs: string;
  command: string;
  /** 1-minute load average at the start and end of the run (2 would mean both cores of a 2-core machine busy). */
  loadStart: number;
  loadEnd: number;
  /** `canaryMs()` (best of 3) at the start and end of the run. */
  canaryStart: number;
  canaryEnd: number;
  /** `git describe`-style state of the measured source: commit and whether src/ had local changes. */
  source: string;
}

export interface FidelityResult {
  rows: number;
  equal: boolean;
  detail: string;
}

export interface CoreResult {
  ledgerRows: number;
  cells: number;
  /** Building the snapshot in memory (setup, not part of the throughput). */
  buildMs: number;
  pipeline: Samples;
  /** Process CPU time of the same runs: close to `pipeline` on an idle machine, lower when others compete. */
  pipelineCpu: Samples;
  total: number;
  grade: string;
  indicators: number;
}

export interface CoreMemory {
  ledgerRows: number;
  rssBeforeBuild: number;
  peakRssBuild: number;
  heapUsedSnapshot: number;
  rssBeforePipeline: number;
  peakRssPipeline: number;
}

export const STAGES = ['fromFile', 'read', 'runPipeline', 'apply', 'writeFile', 'writeJson'] as const;
export type Stage = (typeof STAGES)[number];

export interface CliResult {
  ledgerRows: number;
  cells: number;
  fileBytes: number;
  /** ms to generate the input file, or null when it was cached from an earlier run. */
  generatedMs: number | null;
  excelJs: { total: Samples; read: Samples; write: Samples };
  cli: Samples;
  /** Process CPU time of the (a) and (b) runs. */
  excelJsCpu: Samples;
  cliCpu: Samples;
  stages: Record<Stage, Samples>;
  stageTotal: Samples;
  /** Heap growth from loading the file with ExcelJS (used to project larger files). */
  heapAfterLoad: number;
  peakRss: number;
  total: number;
}

export interface CliSkip {
  ledgerRows: number;
  reason: string;
  projectedSeconds: number;
  projectedHeapMiB: number;
}

/** One child process of a `--cli-1m` attempt (bench/cliChild.ts). */
export interface LargeAttemptProcess {
  mode: 'exceljs' | 'cli';
  /** Stages that finished, in order. */
  stages: { stage: string; ms: number; heapUsed: number; peakRss: number }[];
  outcome: 'completed' | 'crashed' | 'timed out';
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  /** The telling line of the child's stderr when it did not complete. */
  error: string;
}

/** The last `--cli-1m` attempt, kept in `.bench/cli-1m.json` and cited by later runs. */
export interface LargeCliAttempt {
  date: string;
  source: string;
  ledgerRows: number;
  fileBytes: number;
  heapLimitMiB: number;
  timeoutS: number;
  processes: LargeAttemptProcess[];
}

export interface BenchResults {
  env: Environment;
  fidelity: FidelityResult;
  core: CoreResult[];
  coreMemory: CoreMemory | null;
  /** Ledger checks (issue 3), in plan order. */
  ledger: LedgerCheckResult[];
  ledgerFidelity: LedgerFidelity;
  cli: CliResult[];
  cliSkipped: CliSkip[];
  largeAttempt: LargeCliAttempt | null;
  wallSeconds: number;
}

export type LedgerWorkload = 'zengcheng' | 'heavy';

/** One ledger-checks size, measured in its own child process (bench/ledgerChecks.ts). */
export interface LedgerCheckResult {
  workload: LedgerWorkload;
  /** Payments asked for; `entries` is what `readLedger` found (the generator keeps a person's payments together). */
  rows: number;
  entries: number;
  runs: number;
  /** Building the snapshot in memory (setup, not timed). */
  buildMs: number;
  /** Anomalies planted by the generator (0 for the heavy workload). */
  planted: number;
  /** Table detection (`mapWorkbook`), reported beside parse + rules, not part of them. */
  detect: Samples;
  /** `readLedger`. */
  parse: Samples;
  /** `runChecks`. */
  check: Samples;
  /** parse + check of the same run. */
  total: Samples;
  /** Process CPU time of detect + parse + check. */
  cpu: Samples;
  findings: number;
  byRule: Record<string, number>;
  /** Heap used by the snapshot (and the child's modules) after GC, before the runs. */
  heapSnapshot: number;
  rssBase: number;
  /** Peak RSS of the child over the runs (sampled every 5 ms). */
  peakRss: number;
  /** Largest heap growth over the snapshot at the end of a run, garbage included. */
  peakHeapDelta: number;
  /** Heap the ledger and its findings keep after GC. */
  heapRetained: number;
  /** Typed-array memory after the runs and one more kept: the ledger's arrays. */
  arrayBuffers: number;
}

/** Whether the 增城 ledger snapshot is what XlsxHost.read() returns for the same rows in a file. */
export interface LedgerFidelity {
  rows: number;
  equal: boolean;
  detail: string;
}
