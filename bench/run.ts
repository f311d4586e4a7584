/**
 * `npm run bench` — one run that measures, on this machine, how the jixiao CLI and core compare with
 * ExcelJS alone and how they grow with the ledger. Results are ratios and growth factors: the machines
 * are shared and noisy, so absolute times are context only (and no test ever asserts a timing).
 *
 *   npm run bench                      print the markdown tables
 *   npm run bench -- --write           also rewrite BENCHMARKS.md
 *   npm run bench -- --quick           small sizes, for checking the harness itself
 *   npm run bench -- --skip-bundles    leave out the production build and the pane load in Chromium
 *   npm run bench -- --cli-1m          only attempt ExcelJS alone and the CLI on a 1,000,000-row file, each in a
 *                                      child process with a large heap (≈15 min); the outcome is kept in
 *                                      .bench/cli-1m.json and cited by later runs
 *
 * Workloads (bench/workload.ts): a 自评表 with a budget block and 500 indicators, plus a 10-column
 * 发放明细 ledger of N rows. Files are generated once into `.bench/` (git-ignored) and reused.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { main } from '../src/cli/main';
import { runPipeline } from '../src/core/pipeline';
import { PackageFileHost } from '../src/hosts/package/packageFileHost';
import { XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { writeKeepingOtherSections } from './benchmarksFile';
import { bundleSection } from './bundles';
import { renderMarkdown } from './report';
import {
  STAGES,
  type BenchResults, type CliResult, type CliSkip, type CoreMemory, type CoreResult, type Environment,
  type FidelityResult, type LargeAttemptProcess, type LargeCliAttempt, type LedgerCheckResult, type LedgerFidelity,
  type LedgerWorkload, type Stage,
} from './results';
import { benchSnapshot, countCells } from './snapshotFixture';
import { canaryMs, cpuMs, forceGc, gcMethod, measure, msSince, nowNs, PeakRssSampler, summarize, type Samples } from './timing';
import { INDICATOR_COUNT, LEDGER_COLUMNS } from './workload';
import { checkLedgerFidelity } from './ledgerFidelity';
import { benchWorkbook, writeBenchWorkbook } from './xlsxFixture';

const ROOT = resolve(__dirname, '..');
const WORK_DIR = join(ROOT, '.bench');
const OUT_DIR = join(WORK_DIR, 'out');
const MIB = 2 ** 20;
const LARGE_ROWS = 1_000_000;
const LARGE_RECORD = join(WORK_DIR, 'cli-1m.json');
/** Each child of the `--cli-1m` attempt is stopped after this long. */
const LARGE_TIMEOUT_S = 600;

interface Plan {
  fidelityRows: number;
  core: { rows: number; runs: number }[];
  cli: { rows: number; runs: number; stageRuns: number }[];
  /** CLI sizes reported as projections from the largest measured size (see `--cli-1m`). */
  cliOptional: number[];
  /** Ledger checks (issue 3), each size in its own child process. */
  ledger: { workload: LedgerWorkload; rows: number; runs: number }[];
}

const FULL_PLAN: Plan = {
  fidelityRows: 2_000,
  core: [
    { rows: 0, runs: 10 },
    { rows: 10_000, runs: 10 },
    { rows: 100_000, runs: 5 },
    { rows: 1_000_000, runs: 2 },
  ],
  cli: [
    { rows: 10_000, runs: 3, stageRuns: 3 },
    { rows: 100_000, runs: 3, stageRuns: 2 },
  ],
  cliOptional: [LARGE_ROWS],
  ledger: [
    { workload: 'zengcheng', rows: 100_000, runs: 7 },
    { workload: 'zengcheng', rows: 1_000_000, runs: 5 },
    { workload: 'heavy', rows: 1_000_000, runs: 2 },
  ],
};

const QUICK_PLAN: Plan = {
  fidelityRows: 500,
  core: [
    { rows: 0, runs: 3 },
    { rows: 1_000, runs: 3 },
    { rows: 10_000, runs: 3 },
    { rows: 100_000, runs: 2 },
  ],
  cli: [
    { rows: 1_000, runs: 2, stageRuns: 1 },
    { rows: 10_000, runs: 2, stageRuns: 1 },
  ],
  cliOptional: [],
  ledger: [
    { workload: 'zengcheng', rows: 10_000, runs: 3 },
    { workload: 'zengcheng', rows: 100_000, runs: 3 },
  ],
};

/** A CLI run projected past about this long (one ExcelJS-alone run plus one CLI run) is reported, not run. */
const CLI_TIME_BUDGET_S = 300;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function excelJsVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(require.resolve('exceljs/package.json'), 'utf8'));
    const v = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'version') : undefined;
    return typeof v === 'string' ? v : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The commit measured, and whether src/ differs from it (others edit src/ while benches run). */
function sourceState(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('log', '-1', '--format=%h %s');
    const dirty = git('status', '--porcelain', '--', 'src').length > 0;
    return `${commit}${dirty ? ' (+ uncommitted changes in src/)' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Node flags the bench was started with, minus tsx's own loader hooks. */
function nodeFlags(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === '--require' || a === '--import') && args[i + 1]?.includes('tsx')) {
      i++;
      continue;
    }
    if (!a.includes('tsx')) out.push(a);
  }
  return out;
}

function canary(): number {
  return Math.min(canaryMs(), canaryMs(), canaryMs());
}

function environment(): Environment {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${release()}`,
    totalMemGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    date: new Date().toISOString(),
    gc: gcMethod,
    heapLimitMiB: Math.round(getHeapStatistics().heap_size_limit / MIB),
    exceljs: excelJsVersion(),
    source: sourceState(),
    loadStart: loadavg()[0],
    loadEnd: Number.NaN,
    canaryStart: canary(),
    canaryEnd: Number.NaN,
    command: ['tsx', ...nodeFlags(), 'bench/run.ts', ...process.argv.slice(2)].join(' '),
  };
}

// ------------------------------------------------------------------------------------------ fidelity

/** The in-memory snapshot must be what the xlsx host reads from the generated file. */
async function checkFidelity(rows: number): Promise<FidelityResult> {
  await mkdir(WORK_DIR, { recursive: true });
  const path = join(WORK_DIR, `fidelity-${rows}.xlsx`);
  await writeBenchWorkbook(path, rows);
  const fromFile = await (await XlsxHost.fromFile(path)).read();
  const direct = benchSnapshot(rows);
  const equal = isDeepStrictEqual(fromFile, direct);
  let detail = equal ? 'identical snapshots' : '';
  if (!equal) {
    const diffs = fromFile.sheets.map((s, i) => {
      const d = direct.sheets[i];
      if (!d) return `${s.name}: missing in the direct snapshot`;
      const parts = (['values', 'merges', 'formats', 'hidden'] as const).filter((k) => !isDeepStrictEqual(s[k], d[k]));
      return parts.length > 0 ? `${s.name}: ${parts.join(', ')} differ` : '';
    });
    detail = diffs.filter(Boolean).join('; ') || 'sheet lists differ';
  }
  await rm(path, { force: true });
  return { rows, equal, detail };
}

// ---------------------------------------------------------------------------------------------- core

/** One size: build the snapshot (setup), then time `runPipeline` alone. Scoped so the snapshot can be freed. */
async function coreSize(rows: number, runs: number, sampler: PeakRssSampler): Promise<{ result: CoreResult; memory: CoreMemory }> {
  forceGc();
  const rssBeforeBuild = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  sampler.reset();
  const t = nowNs();
  const snapshot = benchSnapshot(rows);
  const buildMs = msSince(t);
  const peakRssBuild = sampler.peakBytes();
  forceGc();
  const heapUsedSnapshot = process.memoryUsage().heapUsed - heapBefore;
  const cells = countCells(snapshot);
  log(`core ${rows.toLocaleString('en')} rows: snapshot of ${cells.toLocaleString('en')} cells built in ${buildMs.toFixed(0)} ms`);

  const rssBeforePipeline = process.memoryUsage.rss();
  sampler.reset();
  const { samples: pipeline, cpu: pipelineCpu, last } = await measure(runs, () => runPipeline(snapshot));
  const peakRssPipeline = sampler.peakBytes();
  log(`core ${rows.toLocaleString('en')} rows: runPipeline best ${pipeline.best.toFixed(1)} ms, median ${pipeline.median.toFixed(1)} ms`);
  const { report } = last;
  return {
    result: {
      ledgerRows: rows, cells, buildMs, pipeline, pipelineCpu, total: report.total ?? NaN, grade: report.grade ?? '—', indicators: report.indicators.length,
    },
    memory: { ledgerRows: rows, rssBeforeBuild, peakRssBuild, heapUsedSnapshot, rssBeforePipeline, peakRssPipeline },
  };
}

async function runCore(plan: Plan, sampler: PeakRssSampler): Promise<{ results: CoreResult[]; memory: CoreMemory | null }> {
  const results: CoreResult[] = [];
  let memory: CoreMemory | null = null;
  // Warm up the JIT on a small snapshot so the first measured size does not pay for compilation.
  const warm = benchSnapshot(1_000);
  for (let i = 0; i < 3; i++) runPipeline(warm);

  const largest = Math.max(...plan.core.map((c) => c.rows));
  for (const { rows, runs } of plan.core) {
    const size = await coreSize(rows, runs, sampler);
    results.push(size.result);
    if (rows === largest) memory = size.memory;
    forceGc();
  }
  return { results, memory };
}

// ----------------------------------------------------------------------------------------------- CLI

async function excelJsAlone(input: string, out: string): Promise<{ read: number; write: number; cpu: number }> {
  forceGc();
  const cpu0 = cpuMs();
  const t0 = nowNs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const read = msSince(t0);
  const t1 = nowNs();
  await wb.xlsx.writeFile(out);
  return { read, write: msSince(t1), cpu: cpuMs() - cpu0 };
}

async function cliInProcess(input: string, out: string, json: string): Promise<{ ms: number; cpu: number }> {
  forceGc();
  const cpu0 = cpuMs();
  const t0 = nowNs();
  const code = await main(['score', input, '--out', out, '--json', json, '--quiet']);
  const ms = msSince(t0);
  const cpu = cpuMs() - cpu0;
  if (code !== 0) throw new Error(`main() exited with ${code} on ${input}`);
  return { ms, cpu };
}

/** The same calls `runScore` makes, each on its own clock. */
async function cliStages(input: string, out: string, json: string): Promise<Record<Stage, number>> {
  forceGc();
  const stage = async <T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
    const t = nowNs();
    const value = await fn();
    return { ms: msSince(t), value };
  };
  const host = await stage(() => PackageFileHost.fromFile(input));
  const snapshot = await stage(() => host.value.read());
  const result = await stage(() => runPipeline(snapshot.value, {}));
  const apply = await stage(() => host.value.apply(result.value.patch));
  const write = await stage(() => host.value.writeFile(out));
  const writeJson = await stage(() => writeFile(json, `${JSON.stringify(result.value.report, null, 2)}\n`, 'utf8'));
  return {
    fromFile: host.ms, read: snapshot.ms, runPipeline: result.ms, apply: apply.ms, writeFile: write.ms, writeJson: writeJson.ms,
  };
}

async function heapAfterLoad(input: string): Promise<number> {
  forceGc();
  const before = process.memoryUsage().heapUsed;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  forceGc();
  const grown = process.memoryUsage().heapUsed - before;
  // Keep the workbook alive until after the measurement.
  if (wb.worksheets.length === 0) throw new Error('loaded workbook has no sheets');
  return grown;
}

async function runCliSize(rows: number, runs: number, stageRuns: number, sampler: PeakRssSampler): Promise<CliResult> {
  const t = nowNs();
  const { path, generated } = await benchWorkbook(WORK_DIR, rows);
  const generatedMs = generated ? msSince(t) : null;
  const fileBytes = statSync(path).size;
  log(`cli ${rows.toLocaleString('en')} rows: ${path} (${(fileBytes / MIB).toFixed(1)} MiB${generated ? `, generated in ${(generatedMs ?? 0).toFixed(0)} ms` : ', cached'})`);
  await mkdir(OUT_DIR, { recursive: true });
  const outA = join(OUT_DIR, `exceljs-${rows}.xlsx`);
  const outB = join(OUT_DIR, `cli-${rows}.xlsx`);
  const jsonB = join(OUT_DIR, `cli-${rows}.json`);
  const outC = join(OUT_DIR, `stages-${rows}.xlsx`);
  const jsonC = join(OUT_DIR, `stages-${rows}.json`);

  const aRead: number[] = [];
  const aWrite: number[] = [];
  const aTotal: number[] = [];
  const b: number[] = [];
  const aCpu: number[] = [];
  const bCpu: number[] = [];
  const stageRunsMs: Record<Stage, number>[] = [];
  sampler.reset();
  // Interleaved, so a slow patch of the shared machine hits both sides rather than one.
  for (let i = 0; i < Math.max(runs, stageRuns); i++) {
    if (i < runs) {
      const a = await excelJsAlone(path, outA);
      aRead.push(a.read);
      aWrite.push(a.write);
      aTotal.push(a.read + a.write);
      aCpu.push(a.cpu);
      const cli = await cliInProcess(path, outB, jsonB);
      b.push(cli.ms);
      bCpu.push(cli.cpu);
      log(`cli ${rows.toLocaleString('en')} rows, run ${i + 1}: ExcelJS alone ${(a.read + a.write).toFixed(0)} ms, CLI ${b[b.length - 1].toFixed(0)} ms`);
    }
    if (i < stageRuns) stageRunsMs.push(await cliStages(path, outC, jsonC));
  }
  const peakRss = sampler.peakBytes();
  const stages = Object.fromEntries(STAGES.map((s) => [s, summarize(stageRunsMs.map((r) => r[s]))])) as Record<Stage, Samples>;
  const stageTotal = summarize(stageRunsMs.map((r) => STAGES.reduce((sum, s) => sum + r[s], 0)));
  const report: unknown = JSON.parse(await readFile(jsonB, 'utf8'));
  const total = typeof report === 'object' && report !== null ? Reflect.get(report, 'total') : undefined;
  const heap = await heapAfterLoad(path);
  return {
    ledgerRows: rows,
    cells: rows * LEDGER_COLUMNS,
    fileBytes,
    generatedMs,
    excelJs: { total: summarize(aTotal), read: summarize(aRead), write: summarize(aWrite) },
    cli: summarize(b),
    excelJsCpu: summarize(aCpu),
    cliCpu: summarize(bCpu),
    stages,
    stageTotal,
    heapAfterLoad: heap,
    peakRss,
    total: typeof total === 'number' ? total : Number.NaN,
  };
}

/** Projects a larger CLI run from the largest measured one (time and ExcelJS heap grow with the cells). */
function projectCli(from: CliResult, rows: number): { seconds: number; heapMiB: number } {
  const factor = rows / from.ledgerRows;
  const perRun = (from.excelJs.total.median + from.cli.median) / 1000;
  return { seconds: perRun * factor, heapMiB: (from.heapAfterLoad / MIB) * factor };
}

async function runCli(plan: Plan, sampler: PeakRssSampler): Promise<{ results: CliResult[]; skipped: CliSkip[] }> {
  const results: CliResult[] = [];
  const skipped: CliSkip[] = [];
  // Warm-up: one small end-to-end run so ExcelJS's and our code's first-call costs are not measured.
  const warm = await benchWorkbook(WORK_DIR, 1_000);
  await mkdir(OUT_DIR, { recursive: true });
  await excelJsAlone(warm.path, join(OUT_DIR, 'warm-exceljs.xlsx'));
  await cliInProcess(warm.path, join(OUT_DIR, 'warm-cli.xlsx'), join(OUT_DIR, 'warm-cli.json'));

  for (const { rows, runs, stageRuns } of plan.cli) results.push(await runCliSize(rows, runs, stageRuns, sampler));
  const largest = results[results.length - 1];
  for (const rows of plan.cliOptional) {
    if (!largest) break;
    const p = projectCli(largest, rows);
    const limit = getHeapStatistics().heap_size_limit / MIB;
    const reasons: string[] = [];
    if (p.seconds > CLI_TIME_BUDGET_S * 0.8) {
      reasons.push(`one ExcelJS-alone run plus one CLI run is projected at ≥ ${p.seconds.toFixed(0)} s (${rows / largest.ledgerRows}× the ${largest.ledgerRows.toLocaleString('en')}-row medians, before generating the file), against a budget of about ${CLI_TIME_BUDGET_S} s`);
    }
    if (p.heapMiB * 1.5 > limit) {
      reasons.push(`ExcelJS's in-memory model of the workbook is projected at ~${(p.heapMiB / 1024).toFixed(1)} GiB of heap (${rows / largest.ledgerRows}× the ${(largest.heapAfterLoad / MIB).toFixed(0)} MiB measured after loading ${largest.ledgerRows.toLocaleString('en')} rows), and writing needs more on top, against this process's heap limit of ${(limit / 1024).toFixed(1)} GiB`);
    }
    if (reasons.length === 0) reasons.push('not part of the default run (see --cli-1m)');
    log(`cli ${rows.toLocaleString('en')} rows not run: ${reasons.join('; ')}`);
    skipped.push({ ledgerRows: rows, reason: reasons.join('; '), projectedSeconds: p.seconds, projectedHeapMiB: p.heapMiB });
  }
  return { results, skipped };
}

// ------------------------------------------------------------------------------------ 1M-row attempt

function isStageLine(v: unknown): v is LargeAttemptProcess['stages'][number] {
  return typeof v === 'object' && v !== null && typeof Reflect.get(v, 'stage') === 'string' && typeof Reflect.get(v, 'ms') === 'number';
}

/** The line of a dead child's stderr that says why (V8 fatal errors, heap exhaustion, a thrown error). */
function tellingLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.replace(/^#\s*/, '').trim()).filter(Boolean);
  const specific = /heap out of memory|invalid (array|string|size|typed array)|allocation failed|Maximum call stack/i;
  return lines.find((l) => specific.test(l)) ?? lines.find((l) => /fatal|error/i.test(l)) ?? lines[0] ?? '';
}

function runChild(mode: 'exceljs' | 'cli', input: string, heapMiB: number): Promise<LargeAttemptProcess> {
  const out = join(OUT_DIR, `${mode}-${LARGE_ROWS}.xlsx`);
  const json = join(OUT_DIR, `${mode}-${LARGE_ROWS}.json`);
  const args = [`--max-old-space-size=${heapMiB}`, '--expose-gc', '--import', 'tsx', join(__dirname, 'cliChild.ts'), mode, input, out, json];
  return new Promise((done) => {
    const started = nowNs();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const stages: LargeAttemptProcess['stages'] = [];
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      let nl = stdout.indexOf('\n');
      while (nl >= 0) {
        const line = stdout.slice(0, nl).trim();
        stdout = stdout.slice(nl + 1);
        nl = stdout.indexOf('\n');
        if (!line.startsWith('{')) continue;
        const parsed: unknown = JSON.parse(line);
        if (isStageLine(parsed)) {
          stages.push(parsed);
          log(`  ${mode}: ${parsed.stage} ${(parsed.ms / 1000).toFixed(1)} s, heap ${(parsed.heapUsed / MIB).toFixed(0)} MiB, peak RSS ${(parsed.peakRss / MIB).toFixed(0)} MiB`);
        }
      }
    });
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, LARGE_TIMEOUT_S * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const outcome: LargeAttemptProcess['outcome'] = timedOut ? 'timed out' : code === 0 ? 'completed' : 'crashed';
      done({
        mode, stages, outcome, exitCode: code, signal, wallMs: msSince(started),
        error: outcome === 'completed' ? '' : timedOut ? `stopped after ${LARGE_TIMEOUT_S} s` : tellingLine(stderr),
      });
    });
  });
}

/** `--cli-1m`: ExcelJS alone, then the CLI's stages, each in a child process with a large heap. */
async function attemptLarge(env: Environment): Promise<LargeCliAttempt> {
  const t = nowNs();
  const { path, generated } = await benchWorkbook(WORK_DIR, LARGE_ROWS);
  log(`${LARGE_ROWS.toLocaleString('en')}-row file ${generated ? `generated in ${(msSince(t) / 1000).toFixed(0)} s` : 'cached'}: ${path}`);
  await mkdir(OUT_DIR, { recursive: true });
  const heapMiB = Math.min(16_384, Math.floor((totalmem() / MIB) * 0.7));
  const processes: LargeAttemptProcess[] = [];
  for (const mode of ['exceljs', 'cli'] as const) {
    log(`${mode} on ${LARGE_ROWS.toLocaleString('en')} rows, heap limit ${heapMiB} MiB, timeout ${LARGE_TIMEOUT_S} s`);
    const p = await runChild(mode, path, heapMiB);
    log(`${mode}: ${p.outcome} after ${(p.wallMs / 1000).toFixed(0)} s${p.error ? ` — ${p.error}` : ''}`);
    processes.push(p);
  }
  return {
    date: env.date, source: env.source, ledgerRows: LARGE_ROWS, fileBytes: statSync(path).size, heapLimitMiB: heapMiB,
    timeoutS: LARGE_TIMEOUT_S, processes,
  };
}

function loadLargeAttempt(): LargeCliAttempt | null {
  if (!existsSync(LARGE_RECORD)) return null;
  try {
    const parsed: unknown = JSON.parse(readFileSync(LARGE_RECORD, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray(Reflect.get(parsed, 'processes'))) return null;
    // Written by attemptLarge above from a LargeCliAttempt; the shape check guards against other files.
    return parsed as LargeCliAttempt;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------- ledger checks

/** One ledger-checks size in a child process (bench/ledgerChild.ts): its heap holds only that ledger. */
function ledgerChild(workload: LedgerWorkload, rows: number, runs: number): Promise<LedgerCheckResult> {
  const args = ['--expose-gc', '--import', 'tsx', join(__dirname, 'ledgerChild.ts'), workload, String(rows), String(runs)];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        fail(new Error(`ledger checks child (${workload}, ${rows} rows) exited with ${code}: ${tellingLine(stderr)}`));
        return;
      }
      // Written by measureLedgerChecks (bench/ledgerChecks.ts) as a LedgerCheckResult.
      done(JSON.parse(line) as LedgerCheckResult);
    });
  });
}

async function runLedgerChecks(plan: Plan): Promise<{ results: LedgerCheckResult[]; fidelity: LedgerFidelity }> {
  const fidelity = await checkLedgerFidelity(WORK_DIR);
  log(`ledger fidelity (${fidelity.rows} rows): ${fidelity.detail}`);
  const results: LedgerCheckResult[] = [];
  for (const { workload, rows, runs } of plan.ledger) {
    const r = await ledgerChild(workload, rows, runs);
    const perSecond = (ms: number) => Math.round(r.entries / (ms / 1000)).toLocaleString('en');
    log(
      `ledger ${workload} ${rows.toLocaleString('en')} rows: parse ${r.parse.best.toFixed(0)} + rules ${r.check.best.toFixed(0)} ms (best), ` +
      `${perSecond(r.total.best)} rows/s best, ${perSecond(r.total.median)} median; ${r.findings.toLocaleString('en')} findings, peak RSS ${(r.peakRss / MIB).toFixed(0)} MiB`,
    );
    results.push(r);
  }
  return { results, fidelity };
}

// ---------------------------------------------------------------------------------------------- main

async function run(argv: string[]): Promise<void> {
  const started = nowNs();
  const quick = argv.includes('--quick');
  const plan: Plan = quick ? QUICK_PLAN : FULL_PLAN;
  const env = environment();
  if (argv.includes('--cli-1m')) {
    const attempt = await attemptLarge(env);
    await writeFile(LARGE_RECORD, `${JSON.stringify(attempt, null, 2)}\n`, 'utf8');
    log(`recorded in ${LARGE_RECORD}; the next \`npm run bench -- --write\` cites it in BENCHMARKS.md`);
    return;
  }
  if (gcMethod === 'unavailable') log('warning: no way to force GC; timings include collection of earlier garbage');
  log(`${env.cpus} × ${env.cpuModel}, node ${env.node}, heap limit ${env.heapLimitMiB} MiB, GC via ${env.gc}`);

  const sampler = new PeakRssSampler(10);
  try {
    const fidelity = await checkFidelity(plan.fidelityRows);
    log(`fidelity (${plan.fidelityRows} rows): ${fidelity.detail}`);
    const core = await runCore(plan, sampler);
    const ledger = await runLedgerChecks(plan);
    const cli = await runCli(plan, sampler);
    const results: BenchResults = {
      env: { ...env, loadEnd: loadavg()[0], canaryEnd: canary() },
      fidelity, core: core.results, coreMemory: core.memory, ledger: ledger.results, ledgerFidelity: ledger.fidelity,
      cli: cli.results, cliSkipped: cli.skipped,
      largeAttempt: quick ? null : loadLargeAttempt(),
      wallSeconds: msSince(started) / 1000,
    };
    const runs = [
      `core ${plan.core.map((c) => `${c.rows.toLocaleString('en')} rows × ${c.runs}`).join(', ')}`,
      `CLI ${plan.cli.map((c) => `${c.rows.toLocaleString('en')} rows × ${c.runs} (+ ${c.stageRuns} staged)`).join(', ')}`,
      `ledger checks ${plan.ledger.map((c) => `${c.workload} ${c.rows.toLocaleString('en')} rows × ${c.runs}`).join(', ')}`,
    ].join('; ');
    const markdown = renderMarkdown(results, { indicators: INDICATOR_COUNT, quick, runs }) + '\n' + (await bundles(argv));
    process.stdout.write(markdown);
    await writeFile(join(WORK_DIR, 'last-results.json'), `${JSON.stringify(results, null, 2)}\n`, 'utf8');
    if (argv.includes('--write')) {
      if (quick) log('--write ignored with --quick: BENCHMARKS.md records full runs only');
      else {
        writeKeepingOtherSections(markdown);
        log('wrote BENCHMARKS.md');
      }
    }
  } finally {
    await sampler.stop();
  }
}

/** The add-in's bundle sizes and pane load (bench/bundles.ts); a missing Chromium is said, not hidden. */
async function bundles(argv: string[]): Promise<string> {
  if (argv.includes('--skip-bundles')) return '## Bundles and pane load\n\nNot measured in this run (`--skip-bundles`).\n';
  log('bundles: production build and pane load in headless Chromium');
  try {
    return await bundleSection();
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    log(`bundles not measured: ${why}`);
    return `## Bundles and pane load\n\nNot measured in this run: ${why}\n`;
  }
}

run(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
