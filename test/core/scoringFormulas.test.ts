import { scoreQuantitative, reconcile, directionOf } from '../../src/core/scoring/quantitative';
import { round2, toHundredths } from '../../src/core/scoring/rounding';
import { gradeOf, SCHEMES } from '../../src/core/scoring/scheme';

const scheme = SCHEMES.default;

describe('quantitative indicators (SPEC §4)', () => {
  test('3000 people served against a target of 3100 earns 96.77% of a 5-point weight: 4.84', () => {
    const out = scoreQuantitative('positive', 3100, 3000);
    expect(out.met).toBe(false);
    expect(round2(5 * out.fraction)).toBe(4.84);
  });

  test('meeting or beating a positive target earns the full weight', () => {
    expect(scoreQuantitative('positive', 200, 200).fraction).toBe(1);
    expect(scoreQuantitative('positive', 200, 260).fraction).toBe(1);
  });

  test('a negative actual counts as zero', () => {
    expect(scoreQuantitative('positive', 100, -5).fraction).toBe(0);
  });

  test('a target of 0 is met only by an actual of 0 or less', () => {
    expect(scoreQuantitative('positive', 0, 0).fraction).toBe(1);
    expect(scoreQuantitative('positive', 0, 2).fraction).toBe(0);
  });

  test('a cost 20% over its ≤ limit loses 20% of the weight; at twice the limit it earns nothing', () => {
    expect(scoreQuantitative('reverse', 500, 600).fraction).toBeCloseTo(0.8, 10);
    expect(scoreQuantitative('reverse', 500, 1000).fraction).toBe(0);
    expect(scoreQuantitative('reverse', 500, 450).fraction).toBe(1);
  });

  test('an amount inside a 1000–5000元 range is met; below it scores against the minimum', () => {
    expect(scoreQuantitative('positive', 1000, 3000, 5000).fraction).toBe(1);
    expect(scoreQuantitative('positive', 1000, 500, 5000).fraction).toBe(0.5);
  });

  test('成本 indicators without a sign are reverse, everything else positive', () => {
    expect(directionOf(null, '成本指标', scheme.reverseLevel2)).toBe('reverse');
    expect(directionOf(null, '数量指标', scheme.reverseLevel2)).toBe('positive');
    expect(directionOf('<=', '数量指标', scheme.reverseLevel2)).toBe('reverse');
  });

  test('units are reconciled: 2.2万元 against 22000 元, 80% against 0.8, 人次 never against 人', () => {
    expect(reconcile({ value: 22000, unit: '元' }, { value: 2.2, unit: '万元' })).toBeCloseTo(22000, 6);
    expect(reconcile({ value: 0.85, unit: '%' }, { value: 0.8, unit: null })).toBe(0.8);
    expect(reconcile({ value: 0.85, unit: '%' }, { value: 80, unit: null })).toBe(0.8);
    expect(reconcile({ value: 100, unit: '人' }, { value: 90, unit: '人次' })).toBeNull();
  });
});

describe('rounding and grades', () => {
  test('scores round half up to 2 decimals, even where binary floating point would round down', () => {
    expect(toHundredths(1.335)).toBe(134);
    expect(toHundredths(4.8387)).toBe(484);
    expect(round2(2 * (400 / 500))).toBe(1.6);
  });

  test('grades follow 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60', () => {
    expect(gradeOf(97.54, scheme)).toBe('优');
    expect(gradeOf(90, scheme)).toBe('优');
    expect(gradeOf(89.99, scheme)).toBe('良');
    expect(gradeOf(60, scheme)).toBe('中');
    expect(gradeOf(59.99, scheme)).toBe('差');
  });
});
