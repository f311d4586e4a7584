/**
 * A layout generator with ground truth (issue 11). A random valid evaluation (evaluation.ts), its
 * expected result computed independently of src/ (expected.ts), rendered in a random realistic layout
 * (layout.ts) into an abstract workbook that becomes either a `WorkbookSnapshot` or .xlsx bytes
 * (workbookSpec.ts). Seeds 002 and 004 are available in every named feature (seeds.ts).
 *
 *   const layout = randomLayout(seed, options);        // or fc.sample(layoutArbitrary(), …)
 *   const { report } = runPipeline(toSnapshot(layout.spec));
 *   expect(mismatches(report, layout.expected)).toEqual([]);
 *
 *   seedCase('seed-002', '合计 total row')            // 昆明 2019's figures with a 合计 row
 */
import fc from 'fast-check';
import type { Report } from '../../../src/core/report/report';
import { evaluationSeed, makeEvaluation, type Evaluation } from './evaluation';
import { expectedOf, indicatorScore, isRoundingTie, type Expected } from './expected';
import { layoutOptions, optionsWithFeature, renderLayout, type FeatureName, type LayoutOptions, type RenderedLayout } from './layout';
import { kunming2019, withUniqueNames, wuhua2023 } from './seeds';

export { BASELINE, FEATURE_NAMES, NAMED_FEATURES, featuresOf, layoutOptions, type FeatureName, type LayoutOptions } from './layout';
export { toExcel, toSnapshot, toXlsxBytes, type WorkbookSpec } from './workbookSpec';
export { makeEvaluation, type Evaluation } from './evaluation';
export { expectedOf, type Expected } from './expected';

export interface TruthLayout extends RenderedLayout {
  expected: Expected;
}

function withTruth(ev: Evaluation, options: LayoutOptions): TruthLayout {
  const split = options.structure !== 'selfEvaluation';
  const rendered = renderLayout(split ? withUniqueNames(ev) : ev, options);
  const features = [...rendered.features];
  if (rendered.evaluation.indicators.some(isRoundingTie)) features.push('exact-half-rounding');
  return { ...rendered, features, expected: expectedOf(rendered.evaluation, rendered.writesSelfTotal) };
}

/** A random evaluation (from its seed) in the given layout. */
export function randomLayout(evaluationSeed: number, options: LayoutOptions): TruthLayout {
  return withTruth(makeEvaluation(evaluationSeed, indicatorScore), options);
}

/** fast-check: an evaluation seed and layout choices; small to print when a property fails. */
export function layoutInputs(): fc.Arbitrary<[number, LayoutOptions]> {
  return fc.tuple(evaluationSeed(), layoutOptions());
}

/** fast-check: a random evaluation in a random layout, with its truth. */
export function layoutArbitrary(): fc.Arbitrary<TruthLayout> {
  return fc.tuple(evaluationSeed(), layoutOptions()).map(([seed, options]) => randomLayout(seed, options));
}

/** Any evaluation in the baseline layout with ONE named feature. */
export function withFeature(ev: Evaluation, feature: FeatureName): TruthLayout {
  return withTruth(ev, optionsWithFeature(feature, ev));
}

export const SEEDS = { 'seed-002': kunming2019, 'seed-004': wuhua2023 } as const;
export type SeedId = keyof typeof SEEDS;

/** A seed's real figures with one named feature: `seedCase('seed-002', '合计 total row')`. */
export function seedCase(seed: SeedId, feature: FeatureName): TruthLayout {
  return withFeature(SEEDS[seed](), feature);
}

/** What the report got wrong, as short lines (`total: got 95.2, want 97.54`); empty when it is right. */
export function mismatches(report: Report, expected: Expected): string[] {
  const out: string[] = [];
  const same = (a: number | null | undefined, b: number | null) => (a ?? null) === null ? b === null : b !== null && Math.abs(a! - b) < 1e-9;
  if (!same(report.total, expected.total)) out.push(`total: got ${report.total}, want ${expected.total}`);
  if (report.grade !== expected.grade) out.push(`grade: got ${report.grade}, want ${expected.grade}`);
  const rate = report.budget?.executionRate;
  const rate4 = rate === null || rate === undefined ? null : Math.round(rate * 10_000) / 10_000;
  if (!same(rate4, expected.executionRate)) out.push(`budget.executionRate: got ${rate ?? 'null'}, want ${expected.executionRate}`);
  if (!same(report.selfReportedTotal, expected.selfReportedTotal)) {
    out.push(`selfReportedTotal: got ${report.selfReportedTotal}, want ${expected.selfReportedTotal}`);
  }
  return out;
}

/** Extra detail for a miss: indicators scored differently, and the budget. */
export function detail(report: Report, expected: Expected): string[] {
  const out: string[] = [];
  if (report.budget?.score !== expected.budgetScore) out.push(`budget.score: got ${report.budget?.score ?? 'null'}, want ${expected.budgetScore}`);
  const got = new Map(report.indicators.map((i) => [i.name.replace(/[\s\u3000]/g, ''), i]));
  for (const want of expected.indicators) {
    const g = got.get(want.name);
    if (!g) out.push(`indicator ${want.name}: missing`);
    else if (Math.abs(g.score - want.score) > 1e-9) out.push(`indicator ${want.name}: got ${g.score} (${g.status}, target ${g.target}, actual ${g.actual}), want ${want.score}`);
  }
  if (report.indicators.length !== expected.indicators.length) out.push(`indicators: got ${report.indicators.length}, want ${expected.indicators.length}`);
  return out;
}
