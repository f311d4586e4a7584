/** Renders one bench run as markdown: the same text is printed and, with `--write`, becomes BENCHMARKS.md. */
import {
  STAGES, type BenchResults, type CliResult, type CoreResult, type LargeAttemptProcess, type LargeCliAttempt, type LedgerCheckResult,
  type Stage,
} from './results';

const MIB = 2 ** 20;
/** Issue 13: the CLI end to end (package host) against ExcelJS's own read and write of the same file. */
export const CLI_TARGET_RATIO = 0.35;
export const CORE_TARGET_CELLS_PER_S = 1_000_000;
/** Issue 14: ledger checks at 1M rows, judged on the first (cold) run, which is what an officer's one run pays. */
export const LEDGER_TARGET_ROWS_PER_S = 500_000;
export const LEDGER_TARGET_MEMORY = 2 ** 30;

const int = (n: number): string => Math.round(n).toLocaleString('en');
const ms = (n: number): string => (n >= 100 ? int(n) : n.toFixed(1));
const x = (n: number): string => `${n.toFixed(2)}×`;
const mib = (bytes: number): string => `${int(bytes / MIB)} MiB`;
const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;
const rows = (n: number): string => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1_000 && n % 1_000 === 0 ? `${n / 1_000}k` : String(n));

const STAGE_LABEL: Record<Stage, string> = {
  fromFile: '`PackageFileHost.fromFile` (the package host: zip directory, CRCs, part checks, SheetJS read)',
  read: '`host.read()` → snapshot',
  runPipeline: '`runPipeline`',
  apply: '`host.apply(patch)`',
  writeFile: '`host.writeFile` (the package host: edited parts deflated, the rest copied)',
  writeJson: 'JSON report',
};

function cellsPerSecond(c: CoreResult, which: 'best' | 'median'): number {
  return c.cells / (c.pipeline[which] / 1000);
}

function cellsPerCpuSecond(c: CoreResult): number {
  return c.cells / (c.pipelineCpu.median / 1000);
}

function coreSection(r: BenchResults): string[] {
  const out: string[] = [];
  out.push('## 2. Core throughput: `runPipeline` on an in-memory snapshot (no I/O)', '');
  out.push(
    `Snapshots are built directly in memory (\`bench/snapshotFixture.ts\`) for the same workbook: the ${r.core[0]?.indicators ?? 500}-indicator`,
    '自评表 plus a 10-column ledger of N rows. Only `runPipeline(snapshot)` is timed. Cells = non-empty cells in the',
    'snapshot (both sheets). CPU ms is the process\'s CPU time over the same runs (it includes V8\'s parallel GC threads,',
    'so it can exceed wall time on an idle machine; when other processes compete for the cores, wall time grows and CPU',
    'time does not).',
    '',
    '| ledger rows | cells | runs | best ms | median ms | CPU ms (median) | cells/s (best) | cells/s (median) | cells per CPU-s (median) | vs target (1M cells/s, best) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const base = r.core.find((c) => c.ledgerRows === 0);
  const sized = r.core.filter((c) => c.ledgerRows > 0);
  for (const c of r.core) {
    const label = c.ledgerRows === 0 ? '0 (自评表 only)' : int(c.ledgerRows);
    out.push(
      `| ${label} | ${int(c.cells)} | ${c.pipeline.runs.length} | ${ms(c.pipeline.best)} | ${ms(c.pipeline.median)} | ${ms(c.pipelineCpu.median)} | ` +
      `${int(cellsPerSecond(c, 'best'))} | ${int(cellsPerSecond(c, 'median'))} | ${int(cellsPerCpuSecond(c))} | ` +
      `${c.ledgerRows === 0 ? '(fixed cost)' : x(cellsPerSecond(c, 'best') / CORE_TARGET_CELLS_PER_S)} |`,
    );
  }
  if (base) {
    out.push(
      '',
      `The 500-indicator 自评表 alone costs ${ms(base.pipeline.best)} ms (best), a fixed cost every size pays. Ledger cells only,`,
      'that fixed cost subtracted:',
      '',
      '| ledger rows | ledger cells/s (best) |',
      '|---:|---:|',
      ...sized.map((c) => `| ${int(c.ledgerRows)} | ${int((c.cells - base.cells) / ((c.pipeline.best - base.pipeline.best) / 1000))} |`),
    );
  }
  out.push('', 'Growth (best times; linear in the ledger is ≈10× per 10× rows once the fixed cost is small):', '');
  out.push('| step | rows × | cells × | time × |', '|---|---:|---:|---:|');
  for (let i = 1; i < sized.length; i++) {
    const a = sized[i - 1];
    const b = sized[i];
    out.push(`| ${rows(a.ledgerRows)} → ${rows(b.ledgerRows)} | ${x(b.ledgerRows / a.ledgerRows)} | ${x(b.cells / a.cells)} | ${x(b.pipeline.best / a.pipeline.best)} |`);
  }
  if (sized.length >= 2) {
    const a = sized[sized.length - 2];
    const b = sized[sized.length - 1];
    const perRowNs = ((b.pipeline.best - a.pipeline.best) * 1e6) / (b.ledgerRows - a.ledgerRows);
    out.push('', `Marginal cost of a ledger row (${rows(a.ledgerRows)} → ${rows(b.ledgerRows)}): ${perRowNs.toFixed(0)} ns per row of 10 cells.`);
  }
  out.push('', 'All sizes gave the same score: ' + [...new Set(r.core.map((c) => `${c.total} (${c.grade}, ${c.indicators} indicators)`))].join(' / ') + '.');
  if (r.coreMemory) {
    const m = r.coreMemory;
    out.push(
      '',
      `### Memory, ${rows(m.ledgerRows)}-row core run`,
      '',
      'RSS sampled every 10 ms by a worker thread (`process.memoryUsage.rss()` is process-wide, and `runPipeline` is',
      'synchronous, so a main-thread timer would never fire during it).',
      '',
      '| | |',
      '|---|---:|',
      `| RSS before building the snapshot | ${mib(m.rssBeforeBuild)} |`,
      `| peak RSS while building the snapshot | ${mib(m.peakRssBuild)} |`,
      `| heap held by the snapshot (after GC) | ${mib(m.heapUsedSnapshot)} |`,
      `| RSS before \`runPipeline\` | ${mib(m.rssBeforePipeline)} |`,
      `| **peak RSS during \`runPipeline\`** | **${mib(m.peakRssPipeline)}** |`,
      `| added by \`runPipeline\` over the snapshot | ${mib(Math.max(0, m.peakRssPipeline - m.rssBeforePipeline))} |`,
    );
  }
  return out;
}

function stageRows(c: CliResult): string[] {
  const out: string[] = [];
  const total = c.stageTotal.median;
  for (const s of STAGES) {
    const st = c.stages[s];
    let vs = '';
    if (s === 'fromFile') vs = `${x(st.median / c.excelJs.read.median)} of ExcelJS read`;
    if (s === 'writeFile') vs = `${x(st.median / c.excelJs.write.median)} of ExcelJS write`;
    if (s !== 'fromFile' && s !== 'writeFile') vs = `${pct(st.median / c.excelJs.total.median)} of ExcelJS alone`;
    out.push(`| ${STAGE_LABEL[s]} | ${ms(st.median)} | ${pct(st.median / total)} | ${vs} |`);
  }
  out.push(`| **sum of stages** | **${ms(total)}** | 100 % | **${x(total / c.excelJs.total.median)} of ExcelJS alone** |`);
  return out;
}

function cliSection(r: BenchResults): string[] {
  const out: string[] = [];
  out.push(
    '## 1. CLI vs ExcelJS alone (same file, in one process)',
    '',
    '- **(a) ExcelJS alone**: `new ExcelJS.Workbook(); await wb.xlsx.readFile(f); await wb.xlsx.writeFile(out)`.',
    "- **(b) CLI**: `await main(['score', f, '--out', out2, '--json', j, '--quiet'])` (src/cli/main.ts), in-process.",
    '- (a) and (b) run interleaved (a, b, a, b, …) with a forced GC before each; ratio = median(b) / median(a)',
    '  (best(b) / best(a) alongside).',
    '',
    `| ledger rows | file | (a) ExcelJS read + write, median ms | (b) CLI median ms | runs | **b/a (median)** | b/a (best) | b/a (CPU time) | target ≤ ${CLI_TARGET_RATIO}× |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const c of r.cli) {
    const ratio = c.cli.median / c.excelJs.total.median;
    const best = c.cli.best / c.excelJs.total.best;
    out.push(
      `| ${int(c.ledgerRows)} | ${(c.fileBytes / MIB).toFixed(1)} MiB | ${ms(c.excelJs.read.median)} + ${ms(c.excelJs.write.median)} = ${ms(c.excelJs.total.median)} | ` +
      `${ms(c.cli.median)} | ${c.cli.runs.length} | **${x(ratio)}** | ${x(best)} | ${x(c.cliCpu.median / c.excelJsCpu.median)} | ${ratio <= CLI_TARGET_RATIO ? 'met' : 'NOT met'} |`,
    );
  }
  for (const s of r.cliSkipped) out.push(`| ${int(s.ledgerRows)} | — | — | — | 0 | — | — | — | not run (§3) |`);
  for (const c of r.cli) {
    if (c.stages.fromFile.runs.length === 0) continue;
    out.push(
      '',
      `### Where the CLI's time goes, ${rows(c.ledgerRows)} ledger rows (median of ${c.stages.fromFile.runs.length} staged runs)`,
      '',
      'The same calls `runScore` (src/cli/score.ts) makes, each on its own clock:',
      '',
      '| stage | median ms | share of CLI | compared with |',
      '|---|---:|---:|---|',
      ...stageRows(c),
    );
  }
  return out;
}

function cliGrowthSection(r: BenchResults): string[] {
  const out: string[] = [];
  out.push('## 3. How the CLI cost grows', '');
  out.push('| step | rows × | (a) ExcelJS alone × | (b) CLI × | `host.read()` × | `runPipeline` × |', '|---|---:|---:|---:|---:|---:|');
  for (let i = 1; i < r.cli.length; i++) {
    const a = r.cli[i - 1];
    const b = r.cli[i];
    const stage = (s: Stage) => (a.stages[s].runs.length > 0 && b.stages[s].runs.length > 0 ? x(b.stages[s].median / a.stages[s].median) : '—');
    out.push(
      `| ${rows(a.ledgerRows)} → ${rows(b.ledgerRows)} | ${x(b.ledgerRows / a.ledgerRows)} | ${x(b.excelJs.total.median / a.excelJs.total.median)} | ` +
      `${x(b.cli.median / a.cli.median)} | ${stage('read')} | ${stage('runPipeline')} |`,
    );
  }
  const peak = r.cli[r.cli.length - 1];
  if (peak) {
    out.push(
      '',
      `Peak RSS over the ${rows(peak.ledgerRows)}-row CLI runs: ${mib(peak.peakRss)}; ExcelJS's heap after loading that file: ${mib(peak.heapAfterLoad)}.`,
    );
  }
  for (const s of r.cliSkipped) {
    out.push('', `**${int(s.ledgerRows)} rows: not run in this bench.** ${s.reason.charAt(0).toUpperCase()}${s.reason.slice(1)}.`);
  }
  if (r.largeAttempt) out.push('', ...largeAttemptSection(r.largeAttempt));
  else if (r.cliSkipped.length > 0) out.push('', '`npm run bench -- --cli-1m` attempts it in child processes and records the outcome for this report.');
  return out;
}

const CHILD_STAGES: Record<LargeAttemptProcess['mode'], readonly string[]> = {
  exceljs: ['exceljs.readFile', 'exceljs.writeFile'],
  cli: STAGES,
};

/** Where a child stopped: "completed", or "crashed in writeFile". */
function whereStopped(p: LargeAttemptProcess): string {
  if (p.outcome === 'completed') return 'completed';
  const next = CHILD_STAGES[p.mode][p.stages.length] ?? 'after its last stage';
  return `${p.outcome} in ${next}`;
}

function largeAttemptSection(a: LargeCliAttempt): string[] {
  const out: string[] = [
    `### Last \`--cli-1m\` attempt: ${int(a.ledgerRows)} ledger rows (${a.date.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `File ${(a.fileBytes / MIB).toFixed(0)} MiB. Each side ran in its own child process with a ${int(a.heapLimitMiB)} MiB heap limit and a ${a.timeoutS} s timeout.`,
    `Source then: ${a.source}.`,
    '',
    '| process | stage | seconds | heap used after | peak RSS so far |',
    '|---|---|---:|---:|---:|',
  ];
  for (const p of a.processes) {
    const who = p.mode === 'exceljs' ? '(a) ExcelJS alone' : '(b) CLI stages';
    for (const st of p.stages) out.push(`| ${who} | ${st.stage} | ${(st.ms / 1000).toFixed(1)} | ${mib(st.heapUsed)} | ${mib(st.peakRss)} |`);
    out.push(`| ${who} | **${whereStopped(p)}** (${(p.wallMs / 1000).toFixed(0)} s after start) | | | |`);
  }
  const failures = a.processes.filter((p) => p.outcome !== 'completed');
  if (failures.length > 0) {
    out.push('');
    for (const p of failures) out.push(`- ${p.mode === 'exceljs' ? '(a) ExcelJS alone' : '(b) CLI'}: ${whereStopped(p)}${p.error ? ` — \`${p.error}\`` : ''}`);
    if (failures.some((p) => /invalid size error/i.test(p.error))) {
      out.push(
        '',
        "V8's \"invalid size error\" is an array grown past V8's maximum length, not the heap limit: ExcelJS's non-streaming",
        'writer serialises a sheet through `XmlStream` (exceljs/lib/utils/xml-stream.js), which pushes every XML fragment of',
        'the sheet into one JS array; a 10-million-cell sheet needs more entries than V8 allows, so no heap size helps.',
        'The CLI writes through the same `wb.xlsx.writeFile`, so it fails at the same point.',
      );
    }
  }
  return out;
}

const perSecond = (rows: number, msTaken: number): number => rows / (msTaken / 1000);

const WORKLOAD_LABEL: Record<LedgerCheckResult['workload'], string> = {
  zengcheng: 'realistic 增城',
  heavy: 'heavy (≈1 finding per row)',
};

/** The realistic ledgers, smallest first: the issue's target applies to them. */
function realistic(r: BenchResults): LedgerCheckResult[] {
  return r.ledger.filter((l) => l.workload === 'zengcheng').sort((a, b) => a.rows - b.rows);
}

function ledgerSection(r: BenchResults): string[] {
  if (r.ledger.length === 0) return [];
  const out: string[] = ['## Ledger checks (issue 3)', ''];
  out.push(
    '`readLedger` (parse) and `runChecks` (rules) with every rule of `gz-zengcheng-2023` — with the 广州 送温暖 and',
    'data-quality rules it includes, 月低保标准 set to 1,330 元 so the 低保 cap runs too (15 rules) — on a 发放明细 already in',
    'memory as a host\'s snapshot (no file I/O). Each size runs in its own child process (`bench/ledgerChild.ts`): a',
    'warm-up on 20,000 rows, then the snapshot is built and each run is timed after a forced GC and a turn of the event',
    'loop, as between two clicks in the task pane. Every run allocates its arrays afresh (there is no pool); the first run',
    'at a size is the "first run" column, what a click in the pane or a one-off CLI run sees. rows/s = ledger entries ÷ time. Table',
    'detection (`mapWorkbook`) is not part of parse + rules and is shown beside them.',
    '',
    '- **realistic 增城** (`bench/zengchengLedger.ts`): the layout of `examples/workbooks/zengcheng-2023-index-system.ts` (merged',
    '  title, `序号 | 姓名 | 身份证号 | 户号 | 救助类型 | 救助原因 | 金额（元） | 申请日期 | 审核日期 | 发放日期`, a 合计 row), rows in',
    '  payment order; 季度救助 500–600 元 at most twice a year and never in consecutive quarters, 紧急救助 2,000–5,000 元 (1,000–2,000',
    '  for a partial fire or flood loss, 2,000 for a total one), distinct valid 身份证号, one person in five sharing a household,',
    '  no household over 6,000 元, dates on 2023 working days, 审核 1–3 working days after 申请, a fresh string per text cell;',
    '  one planted anomaly per 640 people (≈0.1 % of rows; ten kinds in turn).',
    '- **heavy**: the ledger of the core bench (§2: `bench/workload.ts`), whose types and amounts break 增城\'s and 广州\'s standards on',
    '  nearly every row, so it measures the cost of writing about one finding per row. Reported separately; the target is for the',
    '  realistic ledger.',
    '',
    `Snapshot fidelity (${int(r.ledgerFidelity.rows)} rows): the in-memory 增城 snapshot ${r.ledgerFidelity.equal ? 'is deep-equal to' : '**differs from**'} what \`XlsxHost.read()\` returns for the same rows`,
    `written with ExcelJS${r.ledgerFidelity.equal ? '' : ` (${r.ledgerFidelity.detail})`}.`,
    '',
    '| ledger | rows | runs | parse ms (best / median) | rules ms (best / median) | **parse + rules, rows/s (best / median)** | first run: parse + rules ms (rows/s) | parse rows/s (best) | rules rows/s (best) | CPU ms (median) | detect ms (median) | findings |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const l of r.ledger) {
    out.push(
      `| ${WORKLOAD_LABEL[l.workload]} | ${int(l.entries)} | ${l.runs} | ${ms(l.parse.best)} / ${ms(l.parse.median)} | ${ms(l.check.best)} / ${ms(l.check.median)} | ` +
      `**${int(perSecond(l.entries, l.total.best))} / ${int(perSecond(l.entries, l.total.median))}** | ${ms(l.total.runs[0])} (${int(perSecond(l.entries, l.total.runs[0]))}) | ${int(perSecond(l.entries, l.parse.best))} | ` +
      `${int(perSecond(l.entries, l.check.best))} | ${ms(l.cpu.median)} | ${ms(l.detect.median)} | ${int(l.findings)} |`,
    );
  }
  const real = realistic(r);
  if (real.length >= 2) {
    const a = real[0];
    const b = real[real.length - 1];
    const rowsX = b.entries / a.entries;
    out.push(
      '',
      `Growth, realistic ledger ${rows(a.rows)} → ${rows(b.rows)} (${x(rowsX)} the rows; linear growth keeps rows/s the same, a quadratic rule`,
      'would lose a factor of 10 per step):',
      '',
      '| | time × (best) | time × (median) | rows/s at the larger ÷ rows/s at the smaller (best) |',
      '|---|---:|---:|---:|',
      ...(['parse', 'check', 'total'] as const).map((k) => {
        const label = k === 'parse' ? 'parse' : k === 'check' ? 'rules' : '**parse + rules**';
        const ratio = perSecond(b.entries, b[k].best) / perSecond(a.entries, a[k].best);
        return `| ${label} | ${x(b[k].best / a[k].best)} | ${x(b[k].median / a[k].median)} | ${k === 'total' ? `**${ratio.toFixed(2)}**` : ratio.toFixed(2)} |`;
      }),
    );
  }
  for (const l of r.ledger.filter((e) => e.rows >= 1_000_000)) {
    out.push(
      '',
      `### Memory, ${WORKLOAD_LABEL[l.workload]} ledger, ${rows(l.rows)} rows (its child process)`,
      '',
      'RSS sampled every 5 ms by a worker thread; heap from `process.memoryUsage()`. The snapshot is the host\'s data: the',
      'checks cannot make it smaller, so what parse + rules add to it is shown on its own.',
      '',
      '| | |',
      '|---|---:|',
      `| heap holding the snapshot (after GC, with the child's modules) | ${mib(l.heapSnapshot)} |`,
      `| RSS before the runs (snapshot built, after GC) | ${mib(l.rssBase)} |`,
      `| **peak RSS during parse + rules** | **${mib(l.peakRss)}** |`,
      `| peak RSS added by parse + rules over the snapshot | ${mib(Math.max(0, l.peakRss - l.rssBase))} |`,
      `| heap added at the end of a run (ledger, facts, findings and their garbage) | ${mib(l.peakHeapDelta)} |`,
      `| heap kept by the ledger and its findings after GC | ${mib(l.heapRetained)} |`,
      `| typed-array memory after the runs (one ledger's arrays) | ${mib(l.arrayBuffers)} |`,
    );
  }
  const rules = real[real.length - 1];
  if (rules) {
    out.push('', `Findings by rule, realistic ledger of ${int(rules.entries)} rows (${int(rules.planted)} planted anomalies):`, '');
    out.push('| rule | findings |', '|---|---:|', ...Object.entries(rules.byRule).map(([rule, n]) => `| \`${rule}\` | ${int(n)} |`));
  }
  return out;
}

function ledgerVerdicts(r: BenchResults): string[] {
  const real = realistic(r);
  if (real.length === 0) return [];
  const out: string[] = [];
  const big = real[real.length - 1];
  const best = perSecond(big.entries, big.total.best);
  const median = perSecond(big.entries, big.total.median);
  const cold = perSecond(big.entries, big.total.runs[0]);
  out.push(
    `- **Ledger checks ≥ ${int(LEDGER_TARGET_ROWS_PER_S)} rows/s on the first (cold) run (parse + rules, realistic 增城 ledger of ${int(big.entries)} rows, every gz-zengcheng-2023 rule): ` +
    `${cold >= LEDGER_TARGET_ROWS_PER_S ? 'MET' : 'NOT MET'}** — ${int(cold)} rows/s cold (${ms(big.total.runs[0])} ms, ${x(cold / LEDGER_TARGET_ROWS_PER_S)} the target); ` +
    `best of ${big.runs} ${int(best)} rows/s, median ${int(median)}; parse ${ms(big.parse.best)} ms + rules ${ms(big.check.best)} ms (best).`,
  );
  if (real.length >= 2) {
    const a = real[0];
    const ratio = best / perSecond(a.entries, a.total.best);
    out.push(
      `- Ledger checks grow linearly: rows/s at ${rows(big.rows)} ÷ rows/s at ${rows(a.rows)} = ${ratio.toFixed(2)} (best times; 1.00 is linear, a quadratic ` +
      `per-person or per-household rule would give about ${(a.entries / big.entries).toFixed(2)})` +
      `${ratio > 1.5 ? `; above 1 because a run of the smaller ledger (${ms(a.total.best)} ms) is short enough for per-run costs and this machine's noise to weigh` : ''}.`,
    );
  }
  if (big.rows >= 1_000_000) {
    const added = Math.max(0, big.peakRss - big.rssBase);
    out.push(
      `- Memory, ${rows(big.rows)}-row ledger checks: peak RSS ${mib(big.peakRss)} — ${big.peakRss < LEDGER_TARGET_MEMORY ? 'under' : '**over**'} 1 GiB for the whole process; ` +
      `the snapshot alone holds ${mib(big.rssBase)} RSS before the runs and parse + rules add ${mib(added)} at their peak ` +
      `(${added < LEDGER_TARGET_MEMORY ? 'under' : 'over'} 1 GiB on their own).`,
    );
  }
  return out;
}

function verdicts(r: BenchResults): string[] {
  const out: string[] = ['## Targets', ''];
  const big = r.cli.reduce<CliResult | null>((m, c) => (m && m.ledgerRows >= c.ledgerRows ? m : c), null);
  if (big) {
    const ratio = big.cli.median / big.excelJs.total.median;
    const bestRatio = big.cli.best / big.excelJs.total.best;
    const all = r.cli.map((c) => c.cli.median / c.excelJs.total.median);
    out.push(
      `- **CLI ≤ ${CLI_TARGET_RATIO}× ExcelJS alone: ${ratio <= CLI_TARGET_RATIO ? 'MET' : 'NOT MET'}** — ${x(ratio)} (median; ${x(bestRatio)} best) on the ` +
      `${int(big.ledgerRows)}-row file; ${r.cli.map((c, i) => `${x(all[i])} at ${rows(c.ledgerRows)}`).join(', ')}.`,
    );
  } else {
    out.push('- CLI ratio: not measured.');
  }
  const sized = r.core.filter((c) => c.ledgerRows > 0);
  const judged = sized.some((c) => c.ledgerRows >= 10_000) ? sized.filter((c) => c.ledgerRows >= 10_000) : sized;
  if (judged.length > 0) {
    // Best-of-N for an absolute throughput: the fastest run is the one least disturbed by other work on a
    // shared machine. The medians are shown beside it.
    const worst = judged.reduce((m, c) => (cellsPerSecond(c, 'best') < cellsPerSecond(m, 'best') ? c : m));
    const met = cellsPerSecond(worst, 'best') >= CORE_TARGET_CELLS_PER_S;
    const metOnMedian = judged.every((c) => cellsPerSecond(c, 'median') >= CORE_TARGET_CELLS_PER_S);
    out.push(
      `- **Core ≥ 1,000,000 cells/s (snapshot → report): ${met ? 'MET' : 'NOT MET'}** at ${judged.map((c) => rows(c.ledgerRows)).join(', ')} rows — ` +
      judged.map((c) => `${rows(c.ledgerRows)}: ${int(cellsPerSecond(c, 'best'))} (median ${int(cellsPerSecond(c, 'median'))})`).join(', ') +
      ` cells/s, best of ${judged.map((c) => c.pipeline.runs.length).join('/')} runs; slowest is ${x(cellsPerSecond(worst, 'best') / CORE_TARGET_CELLS_PER_S)} the target` +
      (met && !metOnMedian ? ' (the median run misses it at some size: borderline on this machine)' : '') + '.',
    );
    if (judged.length >= 2) {
      const steps = judged.slice(1).map((b, i) => {
        const a = judged[i];
        return `${rows(a.ledgerRows)} → ${rows(b.ledgerRows)}: ${x(b.pipeline.best / a.pipeline.best)}`;
      });
      const last = judged[judged.length - 1];
      const prev = judged[judged.length - 2];
      const g = last.pipeline.best / prev.pipeline.best / (last.ledgerRows / prev.ledgerRows);
      const verdict = g <= 1.1 ? 'linear' : g <= 1.5 ? `somewhat worse than linear at the top (${((g - 1) * 100).toFixed(0)} % over 10×)` : `worse than linear (${g.toFixed(1)}× what linear growth would give)`;
      out.push(`- Core growth per 10× rows: ${steps.join(', ')} — ${verdict}; the small end grows less than 10× because the 500-indicator fixed cost still shows.`);
    }
  }
  if (r.cli.length >= 2) {
    const a = r.cli[r.cli.length - 2];
    const b = r.cli[r.cli.length - 1];
    out.push(`- CLI growth ${rows(a.ledgerRows)} → ${rows(b.ledgerRows)}: ${x(b.cli.median / a.cli.median)} (ExcelJS alone ${x(b.excelJs.total.median / a.excelJs.total.median)}).`);
  }
  for (const sk of r.cliSkipped) {
    const a = r.largeAttempt && r.largeAttempt.ledgerRows === sk.ledgerRows ? r.largeAttempt : null;
    const outcome = a
      ? ` Last \`--cli-1m\` attempt (${a.date.slice(0, 10)}): ${a.processes.map((p) => `${p.mode === 'exceljs' ? 'ExcelJS alone' : 'CLI'} ${whereStopped(p)}`).join(', ')}${a.processes.some((p) => /invalid size error/i.test(p.error)) ? ' (V8 array-length limit inside ExcelJS\'s XML writer, not the heap)' : ''}.`
      : '';
    out.push(`- CLI at ${rows(sk.ledgerRows)} rows: not measured in this run (projected ≥ ${sk.projectedSeconds.toFixed(0)} s, ~${(sk.projectedHeapMiB / 1024).toFixed(1)} GiB of ExcelJS heap; see §3).${outcome}`);
  }
  if (r.coreMemory) out.push(`- Peak RSS, ${rows(r.coreMemory.ledgerRows)}-row core run: ${mib(r.coreMemory.peakRssPipeline)} during \`runPipeline\` (${mib(r.coreMemory.peakRssBuild)} while building the snapshot).`);
  out.push(...ledgerVerdicts(r));
  if (!r.fidelity.equal) out.push(`- WARNING: the in-memory snapshot differs from what the xlsx host reads (${r.fidelity.detail}); core figures may not represent real files.`);
  return out;
}

export function renderMarkdown(r: BenchResults, meta: { indicators: number; quick: boolean; runs: string }): string {
  const e = r.env;
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench -- --write\` (bench/run.ts) on ${e.date.slice(0, 10)}. Re-run it to refresh; every number below comes`,
    'from one run. The machines are shared and noisy, so read the **ratios**, not the milliseconds; no test asserts a timing.',
    ...(meta.quick ? ['', '> **Quick run** (`--quick`): small sizes, for checking the harness only.'] : []),
    '',
    '## Machine',
    '',
    `- ${e.cpus} × ${e.cpuModel}, ${e.totalMemGiB} GiB RAM, ${e.platform}`,
    `- node ${e.node}, ExcelJS ${e.exceljs}, V8 heap limit ${int(e.heapLimitMiB)} MiB`,
    `- GC forced before every sample via ${e.gc}; command: \`${e.command}\``,
    `- source measured: ${e.source}`,
    `- date: ${e.date}; whole bench: ${r.wallSeconds.toFixed(0)} s`,
    `- machine state: 1-minute load average ${e.loadStart.toFixed(2)} at the start, ${e.loadEnd.toFixed(2)} at the end (the bench alone keeps it near 1);`,
    `  speed canary (a fixed JS loop in bench/timing.ts, best of 3) ${ms(e.canaryStart)} ms at the start, ${ms(e.canaryEnd)} ms at the end`,
    '',
    ...verdicts(r),
    '',
    '## Workload',
    '',
    `Generated deterministically (seeded PRNG, bench/workload.ts) and written with ExcelJS's streaming writer (shared strings, styles) to \`.bench/\`:`,
    '',
    `- \`项目支出绩效自评表\`: title, a budget block (\`年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\`, one 年度资金总额 row), the`,
    `  self-reported 总得分, then ${meta.indicators} indicators under \`一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施\``,
    '  (产出/效益/满意度 with 9 二级, merged vertically; targets such as `3100人`, `≥95%`, `2019年12月底前完成`, `≤600万元`, `有效提升`;',
    '  0.18 points each, 90 in all, plus 10 for the budget; some indicators fall short, half of those with an officer explanation).',
    '- `发放明细`: `序号 | 姓名 | 身份证号 | 户号 | 救助类型 | 救助原因 | 金额 | 申请日期 | 审核日期 | 发放日期`, N rows, real dates (`yyyy-mm-dd`),',
    '  amounts `#,##0.00`, valid GB 11643 身份证号.',
    '',
    `Snapshot fidelity check (${int(r.fidelity.rows)} ledger rows): the in-memory snapshot used in §2 ${r.fidelity.equal ? 'is deep-equal to' : '**differs from**'} what \`XlsxHost.read()\``,
    `returns for the generated file${r.fidelity.equal ? '' : ` (${r.fidelity.detail})`}.`,
    '',
    ...cliSection(r),
    '',
    ...coreSection(r),
    '',
    ...ledgerSection(r),
    ...(r.ledger.length > 0 ? [''] : []),
    ...cliGrowthSection(r),
    '',
    '## Method',
    '',
    '- Clocks: `process.hrtime.bigint()`. Forced GC (twice) before each sample. One warm-up run of each code path on a',
    '  1,000-row workbook before anything is measured.',
    `- Runs: ${meta.runs}. Tables give the median (and best); ratios use medians of interleaved runs.`,
    '- `npm run bench -- --cli-1m` (about 15 minutes) attempts the 1M-row file with ExcelJS alone and with the CLI\'s',
    '  stages, each in a child process with a large heap and a 600 s timeout, and keeps the outcome in',
    '  `.bench/cli-1m.json`; later runs cite it (§3).',
    '- Input files are cached in `.bench/` by shape and version; outputs go to `.bench/out/`; raw results of the last run',
    '  are in `.bench/last-results.json`.',
    '- `npm run bench` runs plain `tsx bench/run.ts`; without `--expose-gc` the bench enables the flag at run time',
    '  (`v8.setFlagsFromString`) and takes `gc` from a fresh context. `tsx --expose-gc bench/run.ts` also works.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
