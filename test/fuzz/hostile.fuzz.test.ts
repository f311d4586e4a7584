/**
 * Issue 12: hostile workbooks — zero crashes, zero hangs, zero data loss. A fixed-seed sample of the fuzz
 * harness (test/fuzz; `npm run fuzz` runs 10,000 cases and writes RELIABILITY.md): every cell mess (a),
 * structure variant (b) and package damage (c) at least once plus random ones, and officer edit-then-
 * rescore loops (d), some re-saved by LibreOffice. Each case runs the CLI in a worker process with a
 * 20 s limit per run. A failure names the case and the command that replays it.
 */
import { CELL_MESSES } from './familyCells';
import { PACKAGE_DAMAGE } from './familyPackages';
import { STRUCTURE_VARIANTS } from './familyStructure';
import { runPool } from './pool';
import type { CaseResult, CaseSpec } from './runCase';
import { table, failureLines } from './summary';

const SEED = 20_251_207;
const base = { seed: SEED, size: 'small' as const, libreOffice: 0.15 };

function sample(): CaseSpec[] {
  const specs: CaseSpec[] = [];
  const each = (family: CaseSpec['family'], variants: string[], random: number) => {
    variants.forEach((variant, index) => specs.push({ ...base, family, index, variant }));
    for (let i = 0; i < random; i++) specs.push({ ...base, family, index: 1000 + i });
  };
  each('a', CELL_MESSES, 4);
  each('b', [...STRUCTURE_VARIANTS, 'junk state', 'junk state', 'user sheet named like ours', 'user sheet named like ours'], 2);
  each('c', [...PACKAGE_DAMAGE, 'impostor', 'impostor'], 4);
  each('d', [], 16);
  return specs;
}

describe('hostile workbooks through the command line (fixed seed)', () => {
  let results: CaseResult[] = [];
  const where = (pick: (r: CaseResult) => boolean) => failureLines(results.filter(pick), 20);

  beforeAll(async () => {
    results = await runPool(sample(), { workers: 2, timeoutMs: 20_000 });
    process.stdout.write(`\n${table(results)}\n`);
  }, 300_000);

  test('every case ran to a class (no harness errors)', () => {
    expect(where((r) => r.outcome === 'harness')).toEqual([]);
    expect(results.length).toBe(sample().length);
  });
  test('no internal errors: every input is scored or refused with exit 2', () => {
    expect(where((r) => r.outcome === 'internal')).toEqual([]);
  });
  test('no hangs: every run finishes within 20 s', () => {
    expect(where((r) => r.outcome === 'hang')).toEqual([]);
  });
  test('no data loss: every cell of every user sheet is the same after scoring', () => {
    expect(where((r) => r.outcome === 'dataLoss')).toEqual([]);
  });
  test('the re-score after an officer’s edits gives the same total and keeps every typed explanation', () => {
    expect(where((r) => r.rescoreDiffers)).toEqual([]);
  });
  test('no output Excel would repair (text over 32,767 characters, bad or duplicate sheet names)', () => {
    expect(where((r) => r.repairable)).toEqual([]);
  });
  test('no English on stderr of a scored or refused run', () => {
    expect(where((r) => r.english)).toEqual([]);
  });
  test('the sample covers both outcomes a user may see', () => {
    expect(results.some((r) => r.outcome === 'scored')).toBe(true);
    expect(results.some((r) => r.outcome === 'refused')).toBe(true);
  });
});
