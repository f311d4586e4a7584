/**
 * Issue 11: whatever layout finance staff give a 自评表 — columns in another order, other header words,
 * merged or subtotal hierarchy, a 合计 row, 万元, percentages as text, formulas, targets and actuals on
 * two sheets or side by side, prose sheets, hidden last-year columns, two-row budget headers — the
 * score is the score of its figures. The figures and the expected result come from
 * test/support/layouts (its own small implementation of SPEC §4, independent of src/).
 *
 * 1,000 random layouts run through the snapshot renderer + runPipeline; 100 more (a tenth as many)
 * are written to .xlsx bytes with ExcelJS and read back by the xlsx host; 60 check that the two
 * renderers give the same snapshot. Seeds are fixed, so a failure is the same on every run.
 */
import fc from 'fast-check';
import { runPipeline } from '../../src/core/pipeline';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import {
  FEATURE_NAMES,
  SEEDS,
  detail,
  layoutArbitrary,
  layoutInputs,
  mismatches,
  randomLayout,
  seedCase,
  toSnapshot,
  toXlsxBytes,
  type SeedId,
  type TruthLayout,
} from '../support/layouts';

const SEED = 20_250_611;

function failure(layout: TruthLayout, problems: string[]): Error {
  return new Error(
    `${layout.evaluation.id} in layout [${layout.features.join(', ') || 'baseline'}]:\n  ${problems.join('\n  ')}`,
  );
}

function check(layout: TruthLayout, read: () => ReturnType<typeof runPipeline>): void {
  let report;
  try {
    ({ report } = read());
  } catch (e) {
    throw failure(layout, [`threw ${(e as Error).name}: ${(e as Error).message}`]);
  }
  const problems = mismatches(report, layout.expected);
  if (problems.length > 0) throw failure(layout, [...problems, ...detail(report, layout.expected)]);
}

describe('a project scores as its figures say, whatever layout the unit typed it in', () => {
  test('1,000 random layouts give the total, grade, execution rate and self-reported total of their figures', () => {
    fc.assert(
      fc.property(layoutInputs(), ([seed, options]) => {
        const layout = randomLayout(seed, options);
        check(layout, () => runPipeline(toSnapshot(layout.spec)));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('100 random layouts written to .xlsx and read back by the xlsx host score the same', async () => {
    await fc.assert(
      fc.asyncProperty(layoutInputs(), async ([seed, options]) => {
        const layout = randomLayout(seed, options);
        const snapshot = await (await XlsxHost.fromBuffer(await toXlsxBytes(layout.spec))).read();
        check(layout, () => runPipeline(snapshot));
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
  });

  test('a layout read from its .xlsx file is, cell for cell, the snapshot the generator builds directly', async () => {
    for (const layout of fc.sample(layoutArbitrary(), { seed: SEED + 2, numRuns: 60 })) {
      const fromFile = await (await XlsxHost.fromBuffer(await toXlsxBytes(layout.spec))).read();
      expect({ layout: layout.features, snapshot: fromFile }).toEqual({ layout: layout.features, snapshot: toSnapshot(layout.spec) });
    }
  });
});

describe('the seeds’ own figures in each layout feature', () => {
  test('the truth matches the seeds’ published results: 昆明 2019 97.54 优 against 100, 五华 2023 99.41 优', () => {
    expect(seedCase('seed-002', 'baseline').expected).toMatchObject({ total: 97.54, grade: '优', executionRate: 1, selfReportedTotal: null });
    expect(seedCase('seed-002', '总分 total row').expected.selfReportedTotal).toBe(100);
    expect(seedCase('seed-004', 'baseline').expected).toMatchObject({ total: 99.41, grade: '优', executionRate: 1 });
  });

  const cases: [SeedId, (typeof FEATURE_NAMES)[number]][] = [];
  for (const seed of Object.keys(SEEDS) as SeedId[]) for (const feature of FEATURE_NAMES) cases.push([seed, feature]);
  test.each(cases)('%s scores as its figures say in the layout “%s”', (seed, feature) => {
    const layout = seedCase(seed, feature);
    check(layout, () => runPipeline(toSnapshot(layout.spec)));
  });
});
