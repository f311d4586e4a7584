/**
 * The truth a layout is rendered from: one project's evaluation (SPEC §4), made at random from a seed
 * but always valid. Weights are integer hundredths of a point and every figure is an integer in its own
 * unit (人, %, 元/人, 元), so the expected score is exact arithmetic with no unit conversion the spec
 * leaves open.
 */
import fc from 'fast-check';
import { createPrng, type Prng } from '../../../examples/support/prng';

/** 一级指标 of a 自评表, with their weights in hundredths (产出 50, 效益 30, 满意度 10; the budget carries 10). */
export const LEVEL1_WEIGHTS = { 产出指标: 5000, 效益指标: 3000, 满意度指标: 1000 } as const;
export type Level1 = keyof typeof LEVEL1_WEIGHTS;
export const BUDGET_WEIGHT_HUNDREDTHS = 1000;

/** A comparison sign as the 指标值 words it (no sign: 数量/质量/时效/效益/满意度 are ≥, 成本 is ≤). */
export type PositiveSign = '≥' | '不低于' | '不少于' | '达到' | '';
export type ReverseSign = '≤' | '不高于' | '不超过' | '控制在' | '';

export type QuantUnit = '人' | '人次' | '户' | '%';

export interface PositiveIndicator {
  kind: 'positive';
  unit: QuantUnit;
  sign: PositiveSign;
  /** Integers in `unit` (percent points for %). */
  target: number;
  actual: number;
}

export interface ReverseIndicator {
  kind: 'reverse';
  /** Always 元/人 here. */
  unit: '元/人';
  sign: ReverseSign;
  target: number;
  actual: number;
}

export interface QualitativeIndicator {
  kind: 'qualitative';
  /** The 指标值 text; the actual is the same text, so it is 达成 with full marks. */
  text: string;
}

export type IndicatorFigures = PositiveIndicator | ReverseIndicator | QualitativeIndicator;

export interface Indicator {
  level1: Level1;
  level2: string;
  name: string;
  /** 分值 in hundredths of a point. */
  weight: number;
  figures: IndicatorFigures;
  /** The unit's own 得分 in hundredths (written only by layouts with a 得分 column). */
  selfScore: number;
  /** 偏差原因分析及改进措施 (written only by layouts with that column). */
  explanation: string;
}

export interface Budget {
  project: string;
  /** 元, whole 元. */
  initial: number;
  adjusted: number;
  executed: number;
  /** executed ÷ adjusted in basis points, exact (executed is adjusted × rate to the 元). */
  rateBasisPoints: number;
  /** The unit's own budget 得分 in hundredths. */
  selfScore: number;
}

export interface Evaluation {
  /** A short id for messages: `seed-002`, `random-123456`. */
  id: string;
  year: number;
  unit: string;
  budget: Budget;
  indicators: Indicator[];
  /** What the unit writes in a total row (总分/合计 …) when the layout has one; hundredths. */
  selfReportedTotal: number;
}

// ------------------------------------------------------------------------------------------ vocabulary

interface Level2Plan {
  level1: Level1;
  level2: string;
  names: readonly string[];
  make: (prng: Prng) => IndicatorFigures;
}

const QUALITATIVE_TEXTS = ['有所提升', '达成年度指标', '明显改善', '逐步完善', '持续发挥作用', '有效保障'] as const;
const POSITIVE_SIGNS: readonly PositiveSign[] = ['≥', '不低于', '不少于', '达到', ''];
const REVERSE_SIGNS: readonly ReverseSign[] = ['≤', '不高于', '不超过', '控制在', ''];

/** A positive actual: met (often over), or short by up to half. */
function positiveActual(prng: Prng, target: number, max?: number): number {
  const roll = prng.next();
  let actual: number;
  if (roll < 0.45) actual = target;
  else if (roll < 0.7) actual = target + prng.int(1, Math.max(1, Math.floor(target * 0.2)));
  else actual = Math.max(1, target - prng.int(1, Math.max(1, Math.floor(target * 0.5))));
  return max === undefined ? actual : Math.min(actual, max);
}

function countFigures(prng: Prng): PositiveIndicator {
  const unit = prng.pick(['人', '人', '人次', '户'] as const);
  const target = prng.pick([1, 10, 100]) * prng.int(2, 400);
  return { kind: 'positive', unit, sign: prng.pick(POSITIVE_SIGNS), target, actual: positiveActual(prng, target) };
}

function percentFigures(prng: Prng): PositiveIndicator {
  const target = prng.int(60, 100);
  return { kind: 'positive', unit: '%', sign: prng.pick(POSITIVE_SIGNS), target, actual: positiveActual(prng, target, 100) };
}

function costFigures(prng: Prng): ReverseIndicator {
  const target = prng.pick([100, 200, 300, 400, 500, 800, 1000, 2000]);
  const roll = prng.next();
  let actual: number;
  if (roll < 0.5) actual = target - prng.int(0, Math.floor(target * 0.3));
  else if (roll < 0.85) actual = target + prng.int(1, target - 1);
  else actual = target * 2 + prng.int(0, target);
  return { kind: 'reverse', unit: '元/人', sign: prng.pick(REVERSE_SIGNS), target, actual };
}

function qualitative(prng: Prng): QualitativeIndicator {
  return { kind: 'qualitative', text: prng.pick(QUALITATIVE_TEXTS) };
}

const PLANS: readonly Level2Plan[] = [
  {
    level1: '产出指标', level2: '数量指标', make: countFigures,
    names: ['节日送温暖慰问人数', '职工技能培训人数', '大病救助人数', '助学救助人数', '临时救助人数', '慰问环卫工人人数', '困难职工帮扶户数', '金秋助学人数', '送清凉慰问人次', '法律援助人次'],
  },
  {
    level1: '产出指标', level2: '质量指标', make: percentFigures,
    names: ['帮扶对象覆盖率', '帮扶对象准确性', '资金发放准确率', '救助标准执行率', '档案资料完整率', '培训合格率'],
  },
  {
    level1: '产出指标', level2: '时效指标', make: (prng) => (prng.next() < 0.7 ? percentFigures(prng) : qualitative(prng)),
    names: ['慰问及时率', '资金发放及时率', '救助办结及时率', '培训按期完成率'],
  },
  {
    level1: '产出指标', level2: '成本指标', make: costFigures,
    names: ['慰问标准', '人均救助成本', '人均培训成本', '助学补助标准', '人均慰问金额'],
  },
  {
    level1: '效益指标', level2: '社会效益指标', make: (prng) => (prng.next() < 0.7 ? qualitative(prng) : percentFigures(prng)),
    names: ['困难职工生活改善情况', '困难职工劳动就业保障情况', '社会和谐稳定', '职工群众获得感'],
  },
  {
    level1: '效益指标', level2: '经济效益指标', make: qualitative,
    names: ['困难职工家庭增收情况', '带动就业情况'],
  },
  {
    level1: '效益指标', level2: '可持续影响指标', make: qualitative,
    names: ['帮扶机制长效运行', '解困脱困长效机制', '工会帮扶品牌影响力'],
  },
  {
    level1: '满意度指标', level2: '服务对象满意度指标', make: percentFigures,
    names: ['困难职工满意度', '受助职工满意度', '环卫工人满意度'],
  },
];

const UNITS = ['昆明市总工会', '五华区总工会', '盘龙区总工会', '官渡区总工会', '西山区总工会', '呈贡区总工会'] as const;
const PROJECTS = ['送温暖专项资金', '困难帮扶经费', '金秋助学资金', '职工技能培训经费', '困难职工救助资金'] as const;

/** Splits `total` hundredths into `parts` positive parts: whole points, half points or hundredths. */
export function splitWeight(prng: Prng, total: number, parts: number): number[] {
  const grain = prng.pick([100, 100, 100, 50, 1]);
  const units = Math.floor(total / grain);
  if (parts > units || units * grain !== total) return splitWeight(prng, total, parts);
  // `parts - 1` distinct cut points in 1..units-1.
  const cuts = new Set<number>();
  while (cuts.size < parts - 1) cuts.add(prng.int(1, units - 1));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: number[] = [];
  let last = 0;
  for (const c of [...sorted, units]) {
    out.push((c - last) * grain);
    last = c;
  }
  return out;
}

/** The self-score a unit writes: its honest score, or full marks (units round themselves up). */
function selfScoreFor(prng: Prng, weight: number, computed: number): number {
  return prng.next() < 0.5 ? computed : weight;
}

/**
 * A random valid evaluation from a seed. `scoreOf` is the independent scorer (expected.ts), passed in
 * so the self-scores can be honest.
 */
export function makeEvaluation(seed: number, scoreOf: (ind: Omit<Indicator, 'selfScore'>) => number): Evaluation {
  const prng = createPrng(seed);
  const year = prng.int(2019, 2024);
  const unit = prng.pick(UNITS);
  const project = `${unit.replace(/总工会$/, '')}${prng.pick(PROJECTS)}`;
  const indicators: Indicator[] = [];
  const usedNames = new Set<string>();
  for (const level1 of Object.keys(LEVEL1_WEIGHTS) as Level1[]) {
    const plans = PLANS.filter((p) => p.level1 === level1);
    const chosen = level1 === '产出指标' ? prng.shuffle(plans).slice(0, prng.int(1, 4)) : prng.shuffle(plans).slice(0, prng.int(1, plans.length));
    // Keep the 数量/质量/时效/成本 order of the forms.
    chosen.sort((a, b) => PLANS.indexOf(a) - PLANS.indexOf(b));
    const level2Weights = splitWeight(prng, LEVEL1_WEIGHTS[level1], chosen.length);
    chosen.forEach((plan, i) => {
      const available = plan.names.filter((n) => !usedNames.has(n));
      const count = Math.min(available.length, prng.int(1, 4), Math.floor(level2Weights[i] / 50));
      const names = prng.shuffle(available).slice(0, Math.max(1, count));
      const weights = splitWeight(prng, level2Weights[i], names.length);
      names.forEach((name, k) => {
        usedNames.add(name);
        const base = { level1, level2: plan.level2, name, weight: weights[k], figures: plan.make(prng), explanation: '' };
        const computed = scoreOf(base);
        indicators.push({
          ...base,
          selfScore: base.figures.kind === 'qualitative' ? base.weight : selfScoreFor(prng, base.weight, computed),
          explanation: computed < base.weight ? `${name}未完全达到年度指标，原因：资金到位较晚，下年度加强统筹。` : '按计划完成',
        });
      });
    });
  }
  const wan = prng.int(1, 2000);
  const adjusted = wan * 10_000;
  const initial = prng.next() < 0.7 ? adjusted : Math.max(10_000, adjusted - prng.int(0, wan - 1) * 10_000);
  const rateBasisPoints = prng.next() < 0.55 ? 10_000 : prng.int(5_000, 9_999);
  const executed = wan * rateBasisPoints;
  const budgetScore = Math.floor((BUDGET_WEIGHT_HUNDREDTHS * rateBasisPoints) / 10_000 + 0.5);
  const budgetSelf = prng.next() < 0.5 ? budgetScore : BUDGET_WEIGHT_HUNDREDTHS;
  const computedTotal = budgetScore + indicators.reduce((s, ind) => s + scoreOf(ind), 0);
  const selfSum = budgetSelf + indicators.reduce((s, ind) => s + ind.selfScore, 0);
  const selfReportedTotal = prng.pick([computedTotal, 10_000, selfSum]);
  return {
    id: `random-${seed}`,
    year,
    unit,
    budget: { project, initial, adjusted, executed, rateBasisPoints, selfScore: budgetSelf },
    indicators,
    selfReportedTotal,
  };
}

/** fast-check's seed for an evaluation: shrinks towards seed 0, a small fixed project. */
export const evaluationSeed = (): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: 0x7fffffff }));
