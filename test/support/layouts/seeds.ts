/**
 * The seeds' real figures as truths: seed 002 (昆明市总工会送温暖专项资金 2019: 97.54 优, self-reported
 * 100, 6,000,000.00 元 all spent) and seed 004 (五华区困难帮扶经费 2023: 99.41 优, 2.20 万元 all spent).
 * Read from examples/data so a correction there reaches every layout.
 */
import { KUNMING_2019_EXPECTED, KUNMING_2019_INDICATORS } from '../../../examples/data/kunming2019';
import { WUHUA_2023_ACTUALS, WUHUA_2023_BUDGET, WUHUA_2023_EXPECTED, WUHUA_2023_TARGETS } from '../../../examples/data/wuhua2023';
import type { Evaluation, Indicator, IndicatorFigures, Level1, PositiveSign, QuantUnit, ReverseSign } from './evaluation';
import { indicatorScore } from './expected';

const QUANTITY = /^(≥|≤|不低于|不少于|达到|不高于|不超过)?(\d+)(人次|人|户|%|元\/人)$/;

function parseActual(actual: string | number | null, numFmt?: string): number | null {
  if (typeof actual === 'number') return numFmt?.includes('%') ? Math.round(actual * 100) : actual;
  const m = actual === null ? null : /^(\d+)(人次|人|户|%|元\/人)$/.exec(actual);
  return m ? Number(m[1]) : null;
}

/** A seed row's figures: `≥44人` / `3100人` / `≤500元/人` with a numeric actual, otherwise qualitative (actual = target). */
function figuresOf(level2: string, target: string | number | null, actual: string | number | null, numFmt?: string): IndicatorFigures {
  const m = typeof target === 'string' ? QUANTITY.exec(target) : null;
  const a = parseActual(actual, numFmt);
  if (m && a !== null) {
    const sign = m[1] ?? '';
    const unit = m[3];
    if (unit === '元/人') return { kind: 'reverse', unit, sign: sign as ReverseSign, target: Number(m[2]), actual: a };
    if (level2 === '成本指标') throw new Error(`seed: a positive 成本 indicator ${String(target)}`);
    return { kind: 'positive', unit: unit as QuantUnit, sign: sign as PositiveSign, target: Number(m[2]), actual: a };
  }
  if (String(target) !== String(actual)) throw new Error(`seed: cannot read ${String(target)} / ${String(actual)} exactly`);
  return { kind: 'qualitative', text: String(target) };
}

const toHundredths = (v: number | string | null): number => Math.round(Number(v) * 100);

export function kunming2019(): Evaluation {
  const indicators: Indicator[] = KUNMING_2019_INDICATORS.map((row) => ({
    level1: row.level1 as Level1,
    level2: row.level2,
    name: row.name,
    weight: toHundredths(row.weight),
    figures: figuresOf(row.level2, row.target, row.actual),
    selfScore: toHundredths(row.selfScore),
    explanation: row.explanation ?? '',
  }));
  const b = KUNMING_2019_EXPECTED.budget;
  return {
    id: 'seed-002',
    year: 2019,
    unit: '昆明市总工会',
    budget: { project: '昆明市总工会送温暖专项资金', initial: b.initial, adjusted: b.adjusted, executed: b.executed, rateBasisPoints: 10_000, selfScore: 1000 },
    indicators,
    selfReportedTotal: KUNMING_2019_EXPECTED.selfReportedTotal * 100,
  };
}

export function wuhua2023(): Evaluation {
  const indicators: Indicator[] = WUHUA_2023_TARGETS.map((t, i) => {
    const a = WUHUA_2023_ACTUALS[i];
    const base = {
      level1: t.level1 as Level1,
      level2: t.level2,
      name: t.name,
      weight: toHundredths(t.weight),
      figures: figuresOf(t.level2, t.target, a.actual, a.numFmt),
      explanation: a.note ?? '',
    };
    return { ...base, selfScore: indicatorScore(base) };
  });
  const b = WUHUA_2023_EXPECTED.budget;
  return {
    id: 'seed-004',
    year: 2023,
    unit: '五华区总工会',
    budget: { project: WUHUA_2023_BUDGET.project, initial: b.initial, adjusted: b.adjusted, executed: b.executed, rateBasisPoints: 10_000, selfScore: 1000 },
    indicators,
    selfReportedTotal: Math.round(WUHUA_2023_EXPECTED.total * 100),
  };
}

/**
 * Seed 002 names the same 三级指标 under several 二级 (节日送温暖慰问 is a 数量, 质量, 时效, 成本 … row). In one
 * 自评表 the row says which is which; split over two tables a join by name cannot, so those layouts
 * qualify each name with its 二级 (节日送温暖慰问（数量）), as a unit splitting the table would.
 */
export function withUniqueNames(ev: Evaluation): Evaluation {
  const counts = new Map<string, number>();
  for (const ind of ev.indicators) counts.set(ind.name, (counts.get(ind.name) ?? 0) + 1);
  if ([...counts.values()].every((n) => n === 1)) return ev;
  return {
    ...ev,
    indicators: ev.indicators.map((ind) => (counts.get(ind.name)! > 1 ? { ...ind, name: `${ind.name}（${ind.level2.replace(/指标$/, '')}）` } : ind)),
  };
}
