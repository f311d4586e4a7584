/**
 * Seed 004: 五华区困难帮扶经费 2023 (五一劳动节送温暖慰问环卫工人 44 人 × 500 元 = 2.20 万元), as a unit keeps it
 * in separate sheets: the declared targets, what was achieved (names written a little differently), the
 * budget in 万元, and the payment ledger.
 */
import { makeIdNumber, randomBirth } from '../support/idNumber';
import { YUNNAN_GIVEN_NAMES, YUNNAN_SURNAMES, createNamer } from '../support/personNames';
import { createPrng } from '../support/prng';
import { utcDate } from '../support/workdays2023';

/** One row of a 绩效目标申报表. */
export interface TargetRow {
  /** 一级指标 */
  level1: string;
  /** 二级指标 */
  level2: string;
  /** 三级指标 */
  name: string;
  /** 指标值 */
  target: string | number | null;
  /** 分值 */
  weight: number | string | null;
}

/** One row of an 实际完成情况 table. */
export interface ActualRow {
  /** 指标名称, as the officer typed it (may differ from the target's name in spaces and punctuation). */
  name: string;
  /** 实际完成值 */
  actual: string | number | null;
  /** Number format for a numeric actual, e.g. `0%`. */
  numFmt?: string;
  /** 备注 */
  note: string | null;
}

/**
 * The declared targets. 产出 10+10+10+10+10 = 50, 效益 30, 满意度 10: 90 in all, so the budget carries the
 * remaining 10 (SPEC §4).
 */
export const WUHUA_2023_TARGETS: readonly TargetRow[] = [
  { level1: '产出指标', level2: '数量指标', name: '慰问环卫工人人数', target: '≥44人', weight: 10 },
  { level1: '产出指标', level2: '质量指标', name: '帮扶对象覆盖率', target: '≥85%', weight: 10 },
  { level1: '产出指标', level2: '质量指标', name: '帮扶对象准确性', target: '≥95%', weight: 10 },
  { level1: '产出指标', level2: '时效指标', name: '慰问及时率', target: '≥90%', weight: 10 },
  { level1: '产出指标', level2: '成本指标', name: '慰问标准', target: '≤500元/人', weight: 10 },
  { level1: '效益指标', level2: '社会效益指标', name: '困难职工劳动就业保障情况', target: '有所提升', weight: 30 },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '困难职工满意度', target: '≥95%', weight: 10 },
];

/** What was achieved. Names differ from the targets' in spaces and punctuation; the last row has no target. */
export const WUHUA_2023_ACTUALS: readonly ActualRow[] = [
  { name: '慰问环卫工人 人数', actual: '44人', note: '按500元/人标准慰问一线环卫工人44人' },
  { name: '帮扶对象\u3000覆盖率', actual: 0.8, numFmt: '0%', note: null },
  { name: '帮扶对象准确性 ', actual: '95%', note: null },
  { name: '慰问及时率', actual: 0.9, numFmt: '0.00%', note: '五一劳动节前完成发放' },
  { name: '慰问标准', actual: '500元/人', note: '使用财政资金' },
  { name: '困难职工劳动、就业保障情况', actual: '有所提升', note: null },
  { name: '困难职工满意度', actual: '98%', note: '满意度98%以上' },
  { name: '慰问资金发放率', actual: '100%', note: '2.20万元已全部发放' },
];

/** 预算执行（万元）: 年初预算, 调整后预算, 执行数, all in 万元. */
export const WUHUA_2023_BUDGET = { project: '五华区困难帮扶经费', initial: 2.2, adjusted: 2.2, executed: 2.2 } as const;

/** One row of the 发放明细 sheet. */
export interface WuhuaLedgerRow {
  /** 姓名 */
  name: string | null;
  /** 身份证号 (text) */
  idNumber: string | null;
  /** 单位 */
  unit: string | null;
  /** 慰问类别 */
  category: string | null;
  /** 金额 (元) */
  amount: number | string | null;
  /** 发放日期 */
  paidOn: Date | string | null;
}

export interface WuhuaLedgerOptions {
  seed?: number;
  /**
   * Pay the 6th person 600 元 and the 21st 400 元 (sheet rows 8 and 23); the ledger total stays 22,000 元,
   * so only the per-payment standard of 500 元/人 catches them.
   */
  plantAmountAnomalies?: boolean;
}

export const WUHUA_2023_CATEGORY = '五一劳动节慰问（环卫工人）';
export const WUHUA_2023_PAY_DAY = utcDate(2023, 4, 28);
/** 0-based ledger indexes changed by `plantAmountAnomalies`, with their amounts. */
export const WUHUA_2023_PLANTED = [
  { index: 5, sheetRow: 8, amount: 600 },
  { index: 20, sheetRow: 23, amount: 400 },
] as const;

const UNITS = ['五华区环境卫生管理站', '五华区城市管理局环卫清扫一队', '五华区城市管理局环卫清扫二队'];
const REGIONS = ['530102', '530102', '530102', '530102', '530103', '530111', '530302', '532128', '532501', '530381'];

export function generateWuhua2023Ledger(options: WuhuaLedgerOptions = {}): WuhuaLedgerRow[] {
  const prng = createPrng(options.seed ?? 20_230_428);
  const nextName = createNamer(prng, YUNNAN_SURNAMES, YUNNAN_GIVEN_NAMES);
  const ids = new Set<string>();
  const rows: WuhuaLedgerRow[] = [];
  for (let i = 0; i < 44; i++) {
    const { name, sex } = nextName();
    let idNumber: string;
    do {
      idNumber = makeIdNumber({ region: prng.pick(REGIONS), birth: randomBirth(prng, 1964, 1992), sex }, prng);
    } while (ids.has(idNumber));
    ids.add(idNumber);
    rows.push({
      name,
      idNumber,
      unit: UNITS[Math.floor((i * UNITS.length) / 44)],
      category: WUHUA_2023_CATEGORY,
      amount: 500,
      paidOn: WUHUA_2023_PAY_DAY,
    });
  }
  if (options.plantAmountAnomalies) {
    for (const planted of WUHUA_2023_PLANTED) rows[planted.index].amount = planted.amount;
  }
  return rows;
}

/**
 * What a correct scorer gets (SPEC §4): every indicator full except 帮扶对象覆盖率 (0.8 of ≥85%:
 * 10 × 0.8 / 0.85 = 9.41); 困难职工劳动就业保障情况 is qualitative with the actual equal to the target (达成);
 * the budget weight is 10 because the indicator weights sum to 90.
 */
export const WUHUA_2023_EXPECTED = {
  total: 99.41,
  grade: '优',
  budget: { initial: 22_000, adjusted: 22_000, executed: 22_000, executionRate: 1, weight: 10, score: 10 },
  shortfalls: [{ name: '帮扶对象覆盖率', target: 0.85, actual: 0.8, weight: 10, score: 9.41, completionRate: 0.8 / 0.85 }],
  /** 实际完成情况 rows whose name matches no target. */
  unmatchedActuals: ['慰问资金发放率'],
  summary: [
    { factor: '预算执行率', weight: 10, score: 10, rate: 1 },
    { factor: '产出指标', weight: 50, score: 49.41, rate: 0.9882 },
    { factor: '效益指标', weight: 30, score: 30, rate: 1 },
    { factor: '满意度指标', weight: 10, score: 10, rate: 1 },
  ],
  ledger: { rows: 44, total: 22_000, amount: 500 },
} as const;
