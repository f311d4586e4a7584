/**
 * The benchmark workbook, described once and rendered twice: as an .xlsx file (bench/xlsxFixture.ts)
 * and as an in-memory `WorkbookSnapshot` (bench/snapshotFixture.ts). Both renderings walk the same
 * deterministic rows, so the snapshot is what `XlsxHost.read()` would return for the file (checked at
 * start-up by bench/run.ts on a small ledger).
 *
 * Shape:
 * - `项目支出绩效自评表`: title, a budget block (年初预算数 | 全年预算数 | 全年执行数 with one 年度资金总额
 *   row), the self-reported total, then a 500-row indicator block with 一级/二级指标 merged vertically.
 * - `发放明细`: a disbursement ledger, 10 columns (序号 … 发放日期), real dates.
 */
import { createPrng, type Prng } from '../examples/support/prng';
import { makeIdNumber } from '../examples/support/idNumber';
import { YUNNAN_GIVEN_NAMES, YUNNAN_SURNAMES } from '../examples/support/personNames';

/** One cell as written: a string, a number (with its number format) or a date. */
export type SpecValue = string | number | Date;

export interface SpecCell {
  v: SpecValue;
  numFmt?: string;
}

/** A row of cells; `null` leaves the cell empty (or, inside a merge, a follower). */
export type SpecRow = (SpecCell | null)[];

/** A rectangle, 0-based and inclusive, like the snapshot's `CellRange`. */
export interface SpecMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SmallSheetSpec {
  name: string;
  rows: SpecRow[];
  merges: SpecMerge[];
}

export const EVALUATION_SHEET = '项目支出绩效自评表';
export const LEDGER_SHEET = '发放明细';
export const LEDGER_COLUMNS = 10;
export const INDICATOR_COUNT = 500;

export const LEDGER_HEADER = [
  '序号', '姓名', '身份证号', '户号', '救助类型', '救助原因', '金额', '申请日期', '审核日期', '发放日期',
] as const;

const SCORE_FMT = '0.00';
const MONEY_FMT = '#,##0.00';
const PCT_FMT = '0.00%';
const DATE_FMT = 'yyyy-mm-dd';

// ------------------------------------------------------------------------------------ indicator sheet

interface Level2Plan {
  level1: string;
  level2: string;
  count: number;
  make: (i: number, prng: Prng) => { target: string; actual: string; short: boolean };
}

/** 500 indicators × 0.18 = 90 points; the budget row carries the other 10. */
const INDICATOR_WEIGHT = 0.18;

const QUALITATIVE_TARGETS = ['有效提升', '明显改善', '逐步完善', '持续发挥作用'] as const;

const PLAN: readonly Level2Plan[] = [
  {
    level1: '产出指标', level2: '数量指标', count: 100,
    make: (i, prng) => {
      const target = 1000 + 100 * prng.int(1, 40);
      const short = i % 5 === 0;
      const actual = short ? target - 100 * prng.int(1, 3) : target + 10 * prng.int(0, 20);
      return { target: `${target}人`, actual: `${actual}人`, short };
    },
  },
  {
    level1: '产出指标', level2: '质量指标', count: 60,
    make: (i, prng) => {
      const short = i % 6 === 0;
      const actual = short ? prng.int(85, 94) : prng.int(95, 100);
      return { target: '≥95%', actual: `${actual}%`, short };
    },
  },
  {
    level1: '产出指标', level2: '时效指标', count: 50,
    make: (i) => {
      const short = i % 10 === 0;
      return { target: '2019年12月底前完成', actual: short ? '2020年2月完成' : `2019年${(i % 12) + 1}月完成`, short };
    },
  },
  {
    level1: '产出指标', level2: '成本指标', count: 40,
    make: (i, prng) => {
      const limit = 100 * prng.int(2, 9);
      const short = i % 8 === 0;
      const actual = short ? limit + prng.int(5, 40) : limit - prng.int(0, 60);
      return { target: `≤${limit}万元`, actual: `${actual}万元`, short };
    },
  },
  {
    level1: '效益指标', level2: '经济效益指标', count: 40,
    make: (i, prng) => {
      const target = prng.int(2, 9) * 1000;
      const short = i % 7 === 0;
      return { target: `≥${target}元/户`, actual: `${short ? target - 500 : target + 200}元/户`, short };
    },
  },
  {
    level1: '效益指标', level2: '社会效益指标', count: 80,
    make: (i, prng) => {
      const target = prng.pick(QUALITATIVE_TARGETS);
      const short = i % 9 === 0;
      return { target, actual: short ? '部分实现' : '已实现', short };
    },
  },
  {
    level1: '效益指标', level2: '生态效益指标', count: 30,
    make: (i, prng) => {
      const short = i % 10 === 0;
      return { target: '≥80%', actual: `${short ? prng.int(70, 79) : prng.int(80, 99)}%`, short };
    },
  },
  {
    level1: '效益指标', level2: '可持续影响指标', count: 50,
    make: (i, prng) => {
      const years = prng.int(2, 5);
      const short = i % 11 === 0;
      return { target: `≥${years}年`, actual: `${short ? years - 1 : years}年`, short };
    },
  },
  {
    level1: '满意度指标', level2: '服务对象满意度指标', count: 50,
    make: (i, prng) => {
      const short = i % 12 === 0;
      return { target: '≥90%', actual: `${short ? prng.int(80, 89) : prng.int(90, 99)}%`, short };
    },
  },
];

const INDICATOR_NAMES: Readonly<Record<string, readonly string[]>> = {
  数量指标: ['困难职工救助人数', '送温暖慰问户数', '医疗救助人次', '助学资助人数', '技能培训人次'],
  质量指标: ['救助对象认定准确率', '资金发放准确率', '档案资料完整率'],
  时效指标: ['救助资金发放及时性', '慰问活动完成时间'],
  成本指标: ['慰问成本控制', '培训成本控制'],
  经济效益指标: ['困难家庭增收', '就业帮扶人均增收'],
  社会效益指标: ['困难职工生活水平', '社会和谐稳定', '工会组织凝聚力'],
  生态效益指标: ['绿色出行宣传覆盖率', '节能宣传覆盖率'],
  可持续影响指标: ['帮扶机制持续运行', '长效帮扶期限'],
  服务对象满意度指标: ['困难职工满意度', '受助家庭满意度'],
};

const EXPLANATIONS = [
  '部分对象因户籍迁出未能纳入，下年度加强动态核查。',
  '受疫情影响活动延期，已调整工作计划。',
  '资金到位较晚，下一年度提前做好预算安排。',
] as const;

const s = (v: string): SpecCell => ({ v });
const n = (v: number, numFmt = SCORE_FMT): SpecCell => ({ v, numFmt });

/** The 自评表 sheet: rows, merges. Deterministic; about 510 rows. */
export function evaluationSheet(): SmallSheetSpec {
  const prng = createPrng(20190101);
  const rows: SpecRow[] = [];
  const merges: SpecMerge[] = [];
  rows.push([s('项目支出绩效自评表')]);
  merges.push({ top: 0, left: 0, bottom: 0, right: 7 });
  rows.push([s('项目名称'), s('困难职工帮扶专项资金（基准测试）')]);
  merges.push({ top: 1, left: 1, bottom: 1, right: 7 });
  // Budget block: amounts in 元, the 执行率 as a percentage.
  rows.push([s('项目资金（元）'), null, s('年初预算数'), s('全年预算数'), s('全年执行数'), s('分值'), s('执行率'), s('得分')]);
  merges.push({ top: 2, left: 0, bottom: 2, right: 1 });
  const initial = 6_000_000;
  const executed = 5_820_000;
  rows.push([
    s('年度资金总额'), null, n(initial, MONEY_FMT), n(initial, MONEY_FMT), n(executed, MONEY_FMT),
    n(10), n(executed / initial, PCT_FMT), n(9.7),
  ]);
  merges.push({ top: 3, left: 0, bottom: 3, right: 1 });
  rows.push([]);
  rows.push([s('总得分'), n(93.5), s('自评等级'), s('优')]);
  rows.push([]);

  rows.push([
    '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
  ].map(s));
  let level1Start = -1;
  let currentLevel1 = '';
  let explanationIndex = 0;
  const closeLevel1 = (end: number) => {
    if (level1Start >= 0 && end > level1Start) merges.push({ top: level1Start, left: 0, bottom: end, right: 0 });
  };
  for (const plan of PLAN) {
    const names = INDICATOR_NAMES[plan.level2];
    const level2Start = rows.length;
    if (plan.level1 !== currentLevel1) {
      closeLevel1(rows.length - 1);
      level1Start = rows.length;
      currentLevel1 = plan.level1;
    }
    for (let i = 0; i < plan.count; i++) {
      const r = rows.length;
      const { target, actual, short } = plan.make(i, prng);
      const name = `${names[i % names.length]}${Math.floor(i / names.length) + 1}`;
      const selfScore = short ? 0.12 : INDICATOR_WEIGHT;
      // Every other short indicator already carries the officer's explanation; the rest get drafts.
      const explanation = short && i % 2 === 0 ? s(EXPLANATIONS[explanationIndex++ % EXPLANATIONS.length]) : null;
      rows.push([
        r === level1Start ? s(plan.level1) : null,
        r === level2Start ? s(plan.level2) : null,
        s(name), s(target), s(actual), n(INDICATOR_WEIGHT), n(selfScore), explanation,
      ]);
    }
    merges.push({ top: level2Start, left: 1, bottom: rows.length - 1, right: 1 });
  }
  closeLevel1(rows.length - 1);
  return { name: EVALUATION_SHEET, rows, merges };
}

// ------------------------------------------------------------------------------------------- ledger

const CATEGORIES = ['临时救助', '医疗救助', '教育救助', '住房救助', '困难职工帮扶', '节日慰问'] as const;
const REASONS = ['因病致贫', '因学致贫', '突发事件', '残疾', '失业', '自然灾害', '单亲家庭'] as const;
const REGIONS = ['530102', '530103', '530111', '530112', '530113', '530114'] as const;
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2023, 0, 3);

export interface LedgerRow {
  seq: number;
  name: string;
  idNumber: string;
  household: string;
  category: string;
  reason: string;
  amount: number;
  applied: Date;
  audited: Date;
  paid: Date;
}

/** The ledger's rows in order; the same `count` always gives the same rows. */
export function* ledgerRows(count: number): Generator<LedgerRow> {
  const prng = createPrng(20230103);
  for (let i = 0; i < count; i++) {
    const given = prng.pick(YUNNAN_GIVEN_NAMES);
    const appliedDay = prng.int(0, 330);
    const auditedDay = appliedDay + prng.int(1, 10);
    const paidDay = auditedDay + prng.int(1, 15);
    yield {
      seq: i + 1,
      name: prng.pick(YUNNAN_SURNAMES) + given.text,
      idNumber: makeIdNumber(
        { region: prng.pick(REGIONS), birth: { year: prng.int(1950, 2004), month: prng.int(1, 12), day: prng.int(1, 28) }, sex: given.sex },
        prng,
      ),
      household: `H${String(Math.floor(i / 3) + 1).padStart(7, '0')}`,
      category: prng.pick(CATEGORIES),
      reason: prng.pick(REASONS),
      amount: 100 * prng.int(2, 50),
      applied: new Date(START_MS + appliedDay * DAY_MS),
      audited: new Date(START_MS + auditedDay * DAY_MS),
      paid: new Date(START_MS + paidDay * DAY_MS),
    };
  }
}

export function ledgerHeaderRow(): SpecRow {
  return LEDGER_HEADER.map(s);
}

/** One ledger row as cells; the amount has a money format and the dates a date format, as in real ledgers. */
export function ledgerSpecRow(row: LedgerRow): SpecRow {
  return [
    n(row.seq, '0'), s(row.name), s(row.idNumber), s(row.household), s(row.category), s(row.reason),
    n(row.amount, MONEY_FMT),
    { v: row.applied, numFmt: DATE_FMT }, { v: row.audited, numFmt: DATE_FMT }, { v: row.paid, numFmt: DATE_FMT },
  ];
}
