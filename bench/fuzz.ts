/**
 * `npm run fuzz` — the hostile-workbook harness of issue 12 (test/fuzz) at scale: N cases split over
 * the four families, each run through the CLI in a pool of worker processes, classified as scored /
 * refused / internal error / hang / data loss, with outputs Excel would repair and English on stderr.
 *
 *   npm run fuzz                                      10,000 cases over all families → RELIABILITY.md
 *   npm run fuzz -- --cases 1500 --write             fewer, still written (a smaller run only prints)
 *   npm run fuzz -- --cases 1000 --family b           one family
 *   npm run fuzz -- --family c --seed 42 --case 17    replay one case, with every detail
 *   npm run fuzz -- --cases 10000 --write --journal .fuzz.jsonl   stop and start again: results so far are kept
 *   npm run fuzz -- --cases 10000 --journal .fuzz.jsonl --summary  the results so far, without running anything
 *   npm run fuzz -- --family b --case 3 --variant 'many merges'   one variant (a: mess, b: structure, c: damage)
 *   options: --seed N (default 20251207), --size small|full (default full), --workers N (default 2),
 *            --timeout S (per CLI run, default 20), --libreoffice P (share of (d) cases re-saved, default 0.05),
 *            --json FILE (every result, one JSON line each)
 */
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPool } from '../test/fuzz/pool';
import { FAMILIES, type Family } from '../test/fuzz/rng';
import type { CaseResult, CaseSpec } from '../test/fuzz/runCase';
import { failureLines, isFailure, table } from '../test/fuzz/summary';

interface Args {
  cases: number;
  seed: number;
  families: Family[];
  index: number | null;
  variant?: string;
  size: 'small' | 'full';
  workers: number;
  timeout: number;
  libreOffice: number;
  write: boolean;
  /** Every result as JSON lines, for a closer look. */
  json?: string;
  /** Appends each result to this file and skips the cases it already holds, so a long run can stop and go on. */
  journal?: string;
  /** With --journal: print the results so far without running any case (never written to RELIABILITY.md). */
  summary?: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cases: 10_000, seed: 20_251_207, families: FAMILIES, index: null, size: 'full', workers: 2, timeout: 20, libreOffice: 0.05, write: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--cases': a.cases = Number(v); i++; break;
      case '--seed': a.seed = Number(v); i++; break;
      case '--family': a.families = v.split(',') as Family[]; i++; break;
      case '--case': a.index = Number(v); i++; break;
      case '--size': a.size = v as Args['size']; i++; break;
      case '--workers': a.workers = Number(v); i++; break;
      case '--timeout': a.timeout = Number(v); i++; break;
      case '--libreoffice': a.libreOffice = Number(v); i++; break;
      case '--variant': a.variant = v; i++; break;
      case '--write': a.write = true; break;
      case '--json': a.json = v; i++; break;
      case '--journal': a.journal = v; i++; break;
      case '--summary': a.summary = true; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (a.families.some((f) => !FAMILIES.includes(f))) throw new Error(`--family takes ${FAMILIES.join(',')}`);
  return a;
}

function specs(a: Args): CaseSpec[] {
  const base = { seed: a.seed, size: a.size, libreOffice: a.libreOffice, variant: a.variant };
  if (a.index !== null) return a.families.map((family) => ({ ...base, family, index: a.index! }));
  const per = Math.ceil(a.cases / a.families.length);
  const out: CaseSpec[] = [];
  // Interleaved, so a partial run (or a slow family) still samples every family.
  for (let i = 0; i < per; i++) for (const family of a.families) out.push({ ...base, family, index: i });
  return out.slice(0, a.cases);
}

function commit(): string {
  if (process.env.FUZZ_COMMIT) return process.env.FUZZ_COMMIT; // a run from an exported copy of the tree
  try {
    const sha = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- src', { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (src modified)` : sha;
  } catch {
    return 'unknown';
  }
}

function markdown(a: Args, results: CaseResult[], seconds: number): string {
  const failures = failureLines(results, 40);
  return [
    '# Reliability',
    '',
    'Hostile workbooks (issue 12): `npm run fuzz` builds cases in four families (test/fuzz), runs each through the command line ' +
      '(`score --out --json`, in worker processes, 20 s of CPU time per run plus 15 s per MB of input, with a wall-clock backstop of three times that) and classifies it. **scored**: exit 0 and every cell of every user ' +
      'sheet the same before and after; **refused**: exit 2 with a Chinese message; **internal error**: exit 1, an exception, a crash ' +
      'or out of memory; **hang**: a run past the timeout; **data loss**: exit 0 but a user sheet changed or gone. Columns after it ' +
      'count cases (any class) whose output Excel would repair (text over 32,767 characters, an invalid or duplicate sheet name), whose ' +
      'stderr had English on a scored or refused run, and, for (d), whose re-score gave another total or lost a typed explanation. ' +
      'Harness errors are the harness\'s own failures (not counted against the product).',
    '',
    `\`npm run fuzz -- --cases ${a.cases} --write\`: seed ${a.seed}, size ${a.size}, commit ${commit()}, ` +
      `${results.length.toLocaleString('en-US')} cases in ${(seconds / 60).toFixed(1)} min on ${a.workers} workers (${new Date().toISOString().slice(0, 10)}).`,
    '',
    table(results),
    '',
    'Replay a case with every detail: `npm run fuzz -- --family <f> --seed <seed> --case <n>`.',
    ...(failures.length ? ['', `## First failing cases (${results.filter(isFailure).length.toLocaleString('en-US')} in all)`, '', '```', ...failures, '```'] : []),
    '',
  ].join('\n');
}

interface JournalHead {
  commit: string;
  seed: number;
  size: string;
  libreOffice: number;
  timeout: number;
}

/**
 * `--journal`: the results so far of a run that may be stopped and started again (the 10,000-case run
 * takes longer than one sitting on a shared machine). The first line names the commit and settings; a
 * journal of another commit or other settings is refused rather than mixed. Each later line is a result
 * or the start of a sitting; the wall time reported is the sum over sittings.
 */
function openJournal(a: Args): { done: CaseResult[]; seconds: number; commit: string } {
  const head: JournalHead = { commit: commit(), seed: a.seed, size: a.size, libreOffice: a.libreOffice, timeout: a.timeout };
  if (!a.journal) return { done: [], seconds: 0, commit: head.commit };
  if (!existsSync(a.journal)) {
    writeFileSync(a.journal, JSON.stringify(head) + '\n');
    return { done: [], seconds: 0, commit: head.commit };
  }
  const lines = readFileSync(a.journal, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const stored = lines[0] as unknown as JournalHead;
  if (!a.summary && JSON.stringify(stored) !== JSON.stringify(head)) {
    throw new Error(`the journal ${a.journal} is of another run (${JSON.stringify(stored)}), not ${JSON.stringify(head)}`);
  }
  const done = lines.filter((l) => 'family' in l) as unknown as CaseResult[];
  let seconds = 0;
  let sitting = 0;
  for (const l of lines.slice(1)) {
    if ('sitting' in l) {
      seconds += sitting;
      sitting = 0;
    } else if (typeof l.elapsed === 'number') sitting = Math.max(sitting, l.elapsed);
  }
  return { done, seconds: seconds + sitting, commit: stored.commit };
}

async function fuzzMain(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const journal = openJournal(a);
  const key = (r: { family: string; index: number }) => `${r.family}#${r.index}`;
  const finished = new Set(journal.done.map(key));
  const all = specs(a);
  const list = a.summary ? [] : all.filter((spec) => !finished.has(key(spec)));
  if (a.journal && !a.summary) {
    appendFileSync(a.journal, JSON.stringify({ sitting: new Date().toISOString() }) + '\n');
    if (finished.size > 0) console.log(`${finished.size} cases already in ${a.journal}; ${list.length} to go.`);
  }
  const started = performance.now();
  let done = journal.done.length;
  const fresh = await runPool(list, {
    workers: a.workers,
    timeoutMs: a.timeout * 1000,
    onResult: (r) => {
      done++;
      if (a.journal) appendFileSync(a.journal, JSON.stringify({ ...r, elapsed: (performance.now() - started) / 1000 }) + '\n');
      if (a.index !== null) {
        console.log(JSON.stringify(r, null, 2));
      } else if (isFailure(r)) {
        console.log(`${done}/${all.length} ${failureLines([r])[0]}`);
      } else if (done % 100 === 0) {
        console.log(`${done}/${all.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    },
  });
  const results = [...journal.done.filter((r) => all.some((s) => key(s) === key(r))), ...fresh].sort(
    (x, y) => x.family.localeCompare(y.family) || x.index - y.index,
  );
  const seconds = journal.seconds + (performance.now() - started) / 1000;
  const text = markdown(a, results, seconds);
  console.log(`\n${table(results)}\n\n${seconds.toFixed(0)} s`);
  if (a.json) writeFileSync(a.json, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  if (a.summary) {
    console.log(`${results.length.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} cases so far (commit ${journal.commit}).`);
    return;
  }
  if (a.write || (a.index === null && a.families.length === FAMILIES.length && a.cases >= 10_000)) {
    const path = resolve(__dirname, '..', 'RELIABILITY.md');
    writeFileSync(path, text);
    console.log('RELIABILITY.md written.');
  }
}

fuzzMain().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
