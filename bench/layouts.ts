/**
 * `npm run bench:layouts` — scores N random layouts (test/support/layouts: random valid evaluations
 * with their expected result, in random realistic layouts) through the snapshot renderer and
 * `runPipeline`, and prints the pass rate, the pass rate per layout feature and, for each feature that
 * misses, its smallest miss (fewest features) as a repro.
 *
 *   npm run bench:layouts                    100,000 layouts
 *   npm run bench:layouts -- --n 5000        fewer
 *   npm run bench:layouts -- --seed 7        another fixed seed (default 20250611)
 *   npm run bench:layouts -- --write         also replace the `## Layouts` section of BENCHMARKS.md
 *
 * A layout passes when the report's total, grade, budget execution rate (4 dp) and self-reported
 * total equal the truth — the same assertion as test/property/layouts.property.test.ts.
 */
import { writeSection } from './benchmarksFile';
import fc from 'fast-check';
import { createPrng } from '../examples/support/prng';
import { runPipeline } from '../src/core/pipeline';
import { detail, layoutInputs, mismatches, randomLayout, toSnapshot, type LayoutOptions, type TruthLayout } from '../test/support/layouts';

interface Args {
  n: number;
  seed: number;
  write: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { n: 100_000, seed: 20_250_611, write: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--n') args.n = Number(argv[++i]);
    else if (a.startsWith('--n=')) args.n = Number(a.slice(4));
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--write') args.write = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.n) || args.n <= 0) throw new Error('--n must be a positive integer');
  return args;
}

interface Miss {
  seed: number;
  options: LayoutOptions;
  layout: TruthLayout;
  problems: string[];
  detail: string[];
}

interface Tally {
  runs: number;
  passes: number;
  smallest: Miss | null;
}

function run(args: Args) {
  // Inputs are drawn in batches so 100,000 layouts never sit in memory at once.
  const batch = 2_000;
  const byFeature = new Map<string, Tally>();
  const byProblem = new Map<string, number>();
  let passes = 0;
  let extraIndicators = 0;
  let runs = 0;
  const started = performance.now();
  const batchSeeds = createPrng(args.seed);
  for (let b = 0; runs < args.n; b++) {
    // fast-check's streams for seeds s and s+1 overlap, so each batch's seed is drawn, not counted.
    const inputs = fc.sample(layoutInputs(), { seed: batchSeeds.int(0, 0x7fffffff), numRuns: Math.min(batch, args.n - runs) });
    for (const [seed, options] of inputs) {
      runs++;
      const layout = randomLayout(seed, options);
      let problems: string[];
      let more: string[] = [];
      try {
        const { report } = runPipeline(toSnapshot(layout.spec));
        problems = mismatches(report, layout.expected);
        more = detail(report, layout.expected);
        if (report.indicators.length > layout.expected.indicators.length) extraIndicators++;
      } catch (e) {
        problems = [`threw: ${(e as Error).message.slice(0, 160)}`];
      }
      const ok = problems.length === 0;
      if (ok) passes++;
      for (const p of problems) {
        const kind = p.split(':')[0];
        byProblem.set(kind, (byProblem.get(kind) ?? 0) + 1);
      }
      const features = layout.features.length > 0 ? layout.features : ['baseline'];
      for (const f of features) {
        let t = byFeature.get(f);
        if (!t) byFeature.set(f, (t = { runs: 0, passes: 0, smallest: null }));
        t.runs++;
        if (ok) t.passes++;
        else if (!t.smallest || layout.features.length < t.smallest.layout.features.length) {
          t.smallest = { seed, options, layout, problems, detail: more };
        }
      }
    }
  }
  return { runs, passes, byFeature, byProblem, extraIndicators, ms: performance.now() - started };
}

const pct = (p: number, n: number): string => `${((100 * p) / n).toFixed(2)} %`;

function markdown(args: Args, r: ReturnType<typeof run>): string {
  const lines: string[] = [];
  lines.push('## Layouts');
  lines.push('');
  lines.push(
    `\`npm run bench:layouts -- --n ${args.n}\` (seed ${args.seed}): ${r.runs.toLocaleString('en-US')} random evaluations in random layouts ` +
      '(test/support/layouts), each scored through the snapshot renderer and `runPipeline` and compared with its truth ' +
      '(total, grade, execution rate to 4 dp, self-reported total).',
  );
  lines.push('');
  lines.push(`**Pass rate: ${r.passes.toLocaleString('en-US')} / ${r.runs.toLocaleString('en-US')} = ${pct(r.passes, r.runs)}** in ${(r.ms / 1000).toFixed(1)} s ` +
    `(${Math.round(r.runs / (r.ms / 1000)).toLocaleString('en-US')} layouts/s).`);
  lines.push('');
  if (r.byProblem.size > 0) {
    lines.push(`Misses by field: ${[...r.byProblem].map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ')}.`);
    lines.push('');
  }
  lines.push(`Layouts where the report lists more indicators than the truth has (a note or prose row read as an indicator; not part of the pass rule): ${r.extraIndicators.toLocaleString('en-US')}.`);
  lines.push('');
  lines.push('| feature | layouts | pass | rate |');
  lines.push('|---|---:|---:|---:|');
  const rows = [...r.byFeature].sort((a, b) => a[1].passes / a[1].runs - b[1].passes / b[1].runs || a[0].localeCompare(b[0]));
  for (const [f, t] of rows) lines.push(`| ${f.replace(/\|/g, '\\|')} | ${t.runs} | ${t.passes} | ${pct(t.passes, t.runs)} |`);
  // One repro per distinct miss (the one with the fewest features), with every feature it stands for.
  const repros = new Map<Miss, string[]>();
  for (const [f, t] of rows) if (t.smallest) repros.set(t.smallest, [...(repros.get(t.smallest) ?? []), f]);
  if (repros.size > 0) {
    lines.push('');
    lines.push('### Smallest miss per feature');
    lines.push('');
    lines.push('Re-create one with `randomLayout(seed, options)` from test/support/layouts (options: the baseline with the features listed, and the shuffleSeed).');
    for (const [m, features] of repros) {
      lines.push('');
      lines.push(`- for ${features.map((f) => `\`${f}\``).join(', ')}: seed ${m.seed}, layout [${m.layout.features.join(', ') || 'baseline'}], shuffleSeed ${m.options.shuffleSeed}`);
      for (const p of [...m.problems, ...m.detail.slice(0, 4)]) lines.push(`  - ${p}`);
    }
  }
  return lines.join('\n');
}

const args = parseArgs(process.argv.slice(2));
const result = run(args);
const section = markdown(args, result);
console.log(section);
if (args.write) {
  writeSection('Layouts', section);
  console.log('\nBENCHMARKS.md: ## Layouts section written.');
}
