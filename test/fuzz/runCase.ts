/**
 * One fuzz case, start to end: build the input from (family, seed, index), score it through the CLI,
 * classify the run, check the user's sheets cell for cell; for family (d) edit the scored copy as an
 * officer would and score again. Runs inside a worker process (worker.ts); the parent times each CLI
 * run and kills the worker on a hang.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report';
import { STATE_SHEET_NAME } from '../../src/hosts/xlsx/stateSheet';
import type { Built } from './built';
import { readCells, type SheetCells } from './cells';
import { englishLines, lostCells, repairProblems, STACK_LINE, type Outcome } from './classify';
import { runCli } from './cli';
import { buildCellMess } from './familyCells';
import { buildPackage } from './familyPackages';
import { buildBase, officerEdit } from './familyRescore';
import { buildStructure, type Size } from './familyStructure';
import { caseRng, chance, type Family } from './rng';

export interface CaseSpec {
  family: Family;
  seed: number;
  index: number;
  size: Size;
  /** Probability that a family (d) case re-saves through LibreOffice (when it is installed). */
  libreOffice: number;
  /** Only this mess (a), structure variant (b) or damage (c), instead of a random one. */
  variant?: string;
}

export interface CaseResult {
  family: Family;
  seed: number;
  index: number;
  variant?: string;
  label: string;
  outcome: Outcome | 'harness';
  /** The run's exit codes, one per CLI run. */
  codes: (number | null)[];
  /** Data-loss lines, internal-error messages, what Excel would repair, English lines … */
  problems: string[];
  repairable: boolean;
  english: boolean;
  /** Family (d): the re-score gave another total, or an officer's explanation did not come back. */
  rescoreDiffers: boolean;
  /** The last run's stderr, first 300 characters (a refusal's message). */
  stderr?: string;
  ms: number;
}

export interface Hooks {
  /** Called just before and after each CLI run, so the parent can time it (its bound grows with `bytes`). */
  cliStart(step: string, label: string, bytes: number): void;
  cliEnd(): void;
}

interface Step {
  outcome: Outcome;
  code: number | null;
  problems: string[];
  repairable: boolean;
  english: boolean;
  stderr: string;
  report?: Report;
  output?: Uint8Array;
  before: SheetCells[] | null;
  after?: SheetCells[] | null;
}

/** Scores `built` with `score <in> --out --json`, classifies the run and checks the user's sheets. */
async function runStep(dir: string, name: string, built: Built, hooks: Hooks): Promise<Step> {
  const input = join(dir, built.fileName ?? `${name}.xlsx`);
  const out = join(dir, `${name}-scored.xlsx`);
  const json = join(dir, `${name}-report.json`);
  await writeFile(input, built.bytes);
  const before = await readCells(built.bytes);
  hooks.cliStart(name, built.label, built.bytes.length);
  const run = await runCli(['score', input, '--out', out, '--json', json, ...(built.args ?? [])]);
  hooks.cliEnd();
  const problems: string[] = [];
  let outcome: Outcome;
  if (run.threw) {
    outcome = 'internal';
    problems.push(`exit ${run.code}: ${run.threw}`);
  } else if (run.code === 0) outcome = 'scored';
  else if (run.code === 2 && !STACK_LINE.test(run.stderr)) outcome = 'refused';
  else {
    outcome = 'internal';
    problems.push(`exit ${run.code}: ${run.stderr.trim().split('\n')[0]?.slice(0, 200) ?? ''}`);
  }
  if (run.code !== 0 && existsSync(out)) {
    outcome = 'internal';
    problems.push(`exit ${run.code} left an output file behind`);
  }
  const names = [input, out, json, built.fileName ?? '', ...(before ?? []).map((s) => s.name)];
  const english = run.code === 0 || run.code === 2 ? englishLines(run.stderr, names) : [];
  if (english.length) problems.push(`English on stderr: ${english[0].slice(0, 200)}`);
  const step: Step = { outcome, code: run.code, problems, repairable: false, english: english.length > 0, stderr: run.stderr.slice(0, 300), before };
  if (outcome !== 'scored') return step;

  if (!existsSync(out) || !existsSync(json)) {
    step.outcome = 'internal';
    problems.push('exit 0 without the --out or --json file');
    return step;
  }
  step.output = new Uint8Array(await readFile(out));
  step.report = JSON.parse(await readFile(json, 'utf8')) as Report;
  const after = await readCells(step.output);
  step.after = after;
  if (!after) {
    step.outcome = 'internal';
    problems.push('the output cannot be read back');
    return step;
  }
  const repair = repairProblems(after);
  if (repair.length) {
    step.repairable = true;
    problems.push(...repair.slice(0, 3).map((r) => `Excel would repair: ${r}`));
  }
  if (before) {
    const ours = new Set(built.ourSheets ?? []);
    const users = before.map((s) => s.name).filter((n) => !ours.has(n));
    const lost = lostCells(before, after, users);
    if (lost.length) {
      step.outcome = 'dataLoss';
      problems.push(...lost);
    }
  }
  return step;
}

/** The sheets a run wrote: every sheet of its output that was not a user sheet of its input. */
function sheetsWritten(step: Step, built: Built): string[] {
  const ours = new Set(built.ourSheets ?? []);
  const users = new Set((step.before ?? []).map((s) => s.name).filter((n) => !ours.has(n)));
  const written = (step.after ?? []).map((s) => s.name).filter((n) => !users.has(n));
  return [...new Set([...written, STATE_SHEET_NAME])];
}

const SEVERITY: Outcome[] = ['scored', 'refused', 'dataLoss', 'internal', 'hang'];
const worse = (a: Outcome, b: Outcome): Outcome => (SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b);

export async function build(spec: CaseSpec): Promise<Built> {
  const rng = caseRng(spec.seed, spec.family, spec.index);
  switch (spec.family) {
    case 'a':
      return buildCellMess(rng, spec.variant);
    case 'b':
      return buildStructure(rng, spec.size, spec.variant);
    case 'c':
      return buildPackage(rng, spec.variant);
    case 'd':
      return buildBase(rng);
  }
}

export async function runCase(spec: CaseSpec, hooks: Hooks): Promise<CaseResult> {
  const started = performance.now();
  const dir = join(tmpdir(), `jixiao-fuzz-${process.pid}`, `${spec.family}-${spec.seed}-${spec.index}`);
  await mkdir(dir, { recursive: true });
  const result: CaseResult = {
    family: spec.family, seed: spec.seed, index: spec.index, variant: spec.variant, label: '', outcome: 'harness', codes: [], problems: [],
    repairable: false, english: false, rescoreDiffers: false, ms: 0,
  };
  const take = (s: Step) => {
    result.codes.push(s.code);
    result.outcome = result.codes.length === 1 ? s.outcome : worse(result.outcome as Outcome, s.outcome);
    result.problems.push(...s.problems);
    result.repairable ||= s.repairable;
    result.english ||= s.english;
    result.stderr = s.stderr;
  };
  try {
    const base = await build(spec);
    result.label = base.label;
    const first = await runStep(dir, 'input', base, hooks);
    take(first);
    if (spec.family === 'd' && first.outcome === 'scored' && first.output && first.report) {
      const rng = caseRng(spec.seed, spec.family, spec.index + 0x40000000);
      const edit = await officerEdit(rng, first.output, first.report, sheetsWritten(first, base), chance(rng, spec.libreOffice));
      result.label += ` → scored → ${edit.label} → scored again`;
      const second = await runStep(dir, 'edited', { label: result.label, bytes: edit.bytes, args: base.args, ourSheets: edit.ourSheets }, hooks);
      take(second);
      if (second.report) {
        if (second.report.total !== first.report.total) {
          result.rescoreDiffers = true;
          result.problems.push(`re-score total ${second.report.total} (grade ${second.report.grade}), first ${first.report.total} (${first.report.grade})`);
        }
        const text = JSON.stringify(second.report);
        const lost = edit.typed.filter((t) => !text.includes(t));
        if (lost.length) {
          result.rescoreDiffers = true;
          result.problems.push(`${lost.length} of ${edit.typed.length} typed explanations missing from the re-score, e.g. “${lost[0]}”`);
        }
      } else {
        result.rescoreDiffers = true;
        result.problems.push(`the edited copy was not re-scored (exit ${second.code})`);
      }
    }
  } catch (e) {
    result.outcome = 'harness';
    result.problems.push(`harness: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  } finally {
    // FUZZ_KEEP=1 keeps the inputs, outputs and reports of the case for a closer look.
    if (process.env.FUZZ_KEEP) result.problems.push(`files kept in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
  result.ms = performance.now() - started;
  return result;
}
