/**
 * The figures of seed 002 (昆明市总工会送温暖专项资金 项目支出绩效自评表, 2019), transcribed exactly.
 * Shared by both layouts of the 自评表 so a variant changes one list, not two sheets.
 */

/** One row of the indicator block (三级指标 with its 一级/二级 parents). */
export interface SelfEvaluationIndicator {
  /** 一级指标 */
  level1: string;
  /** 二级指标 */
  level2: string;
  /** 三级指标 */
  name: string;
  /** 年度指标值, as text the way the provincial system exports it */
  target: string | number | null;
  /** 实际完成值 */
  actual: string | number | null;
  /** 分值 */
  weight: number | string | null;
  /** 得分 the unit gave itself */
  selfScore: number | string | null;
  /** 偏差原因分析及改进措施 */
  explanation: string | null;
}

const QTY_FESTIVAL_NOTE = '送温暖人数根据大病救助实际统计达到标准人数进行，人数会上下有所浮动';
const QTY_STUDENT_NOTE = '根据当年实际困难学生人数进行，人数会上下有所浮动';
const QTY_TEMP_NOTE = '根据当年实际发生人数进行，人数会上下有所浮动';
const BY_STANDARD = '按制度标准完成指标';
const STRICT = '严格按照要求完成指标';

const SOCIAL_BENEFIT = '帮助困难职工最大限度的利用有限资源满足日益增长的物质文化需求';
const SUSTAINABLE = '通过救助和一定的培训改善和提高劳动力，改善困难职工生活水平早日实现解困脱困。';

function countRows(level2: string): SelfEvaluationIndicator[] {
  return [
    { level1: '产出指标', level2, name: '节日送温暖慰问', target: '3100人', actual: '3000人', weight: 5, selfScore: 5, explanation: QTY_FESTIVAL_NOTE },
    { level1: '产出指标', level2, name: '职工技能培训', target: '1000人', actual: '1000人', weight: 3, selfScore: 3, explanation: BY_STANDARD },
    { level1: '产出指标', level2, name: '大病救助', target: '200人', actual: '200人', weight: 3, selfScore: 3, explanation: BY_STANDARD },
    { level1: '产出指标', level2, name: '助学救助', target: '500人', actual: '400人', weight: 2, selfScore: 2, explanation: QTY_STUDENT_NOTE },
    { level1: '产出指标', level2, name: '临时救助', target: '300人', actual: '200人', weight: 2, selfScore: 2, explanation: QTY_TEMP_NOTE },
  ];
}

const TIMELY: SelfEvaluationIndicator[] = ['节日送温暖慰问', '职工技能培训', '大病救助', '助学救助', '临时救助'].map(
  (name) => ({
    level1: '产出指标',
    level2: '时效指标',
    name,
    target: '2019年完成',
    actual: '2019年完成',
    weight: 2,
    selfScore: 2,
    explanation: STRICT,
  }),
);

/** 成本指标: the seed prints target and actual as the same sentence twice (first copy = target). */
const COST_TEXTS: readonly [string, string][] = [
  ['节日送温暖慰问', '严格按规定200元/人，慰问3000人，需资金600，000元.'],
  ['职工技能培训', '严格按规定400元标准补助，培训职工1000人，需资金400，000元'],
  ['大病救助', '严格按1000-5000元为标准，救助200人，需资金1，000，000元'],
  ['助学救助', '严格按1000-5000元或费用超10万元救助10000元为标准，救助200人，需资金2，000，000元'],
  ['临时救助', '严格按2000-5000元标准，助学救助400人困难家庭子女就读大学，需资金2，000，000元'],
];

const COST: SelfEvaluationIndicator[] = COST_TEXTS.map(([name, text]) => ({
  level1: '产出指标',
  level2: '成本指标',
  name,
  target: text,
  actual: text,
  weight: 2,
  selfScore: 2,
  explanation: STRICT,
}));

function benefitRows(level2: string, text: string, names: readonly string[]): SelfEvaluationIndicator[] {
  return names.map((name) => ({
    level1: '效益指标',
    level2,
    name,
    target: text,
    actual: text,
    weight: 3,
    selfScore: 3,
    explanation: STRICT,
  }));
}

/** The 31 indicator rows of seed 002, in the seed's order (社会效益 lists 临时救助 before 助学救助). */
export const KUNMING_2019_INDICATORS: readonly SelfEvaluationIndicator[] = [
  ...countRows('数量指标'),
  ...countRows('质量指标'),
  ...TIMELY,
  ...COST,
  ...benefitRows('社会效益指标', SOCIAL_BENEFIT, ['节日送温暖慰问', '职工技能培训', '大病救助', '临时救助', '助学救助']),
  ...benefitRows('可持续影响指标', SUSTAINABLE, ['节日送温暖慰问', '职工技能培训', '大病救助', '助学救助', '临时救助']),
  {
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '困难职工群体',
    target: '0.93',
    actual: '0.93',
    weight: 10,
    selfScore: 10,
    explanation: '认真做好解脱困工作让困难职工群体能有更好的生活',
  },
];

export const KUNMING_2019_OVERALL_TARGET =
  '　　为积极协助党和政府落实各项民生政策，体现市委、市政府对困难企业、困难职工的关爱，昆明市困难职工帮扶服务中心' +
  '通过大病救助、临时救助、特殊救助等日常救助和重大节日送温暖等途径，对各类困难职工进行帮扶救助，帮助解决困难职工的' +
  '问题。让职工反映的困难和问题，在中心得到依法、按程序的处理。使市委、市政府对广大困难职工的关心和厚爱得到最大程度' +
  '地体现，对困难职工的慰问和救助，在一定程度上帮助困难职工解决生活上遇到的困难，推动脱困解困工作稳步进行。';

export const KUNMING_2019_OVERALL_ACTUAL = '已按照预期完成当年目标';

export const KUNMING_2019_NOTES: readonly string[] = [
  '注：1.其他资金：请在“其他需要说明的事项”栏注明资金来源。',
  '    2.分值：产出指标总分50分，效益指标总分30分，满意度指标总分10分。',
  '    3.自评等级：划分为4档，100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差。',
];

/**
 * What a correct scorer gets from the seed's own figures (SPEC §4), for tests. Every 数量/质量 shortfall
 * is scored weight × actual / target and rounded half up to 2 decimals.
 */
export const KUNMING_2019_EXPECTED = {
  total: 97.54,
  grade: '优',
  selfReportedTotal: 100,
  selfReportedGrade: '优',
  budget: { initial: 6_000_000, adjusted: 6_000_000, executed: 6_000_000, executionRate: 1, weight: 10, score: 10 },
  /** 三级 scores that differ from the self-score (both 数量指标 and 质量指标 rows). */
  shortfalls: [
    { name: '节日送温暖慰问', target: 3100, actual: 3000, weight: 5, score: 4.84, completionRate: 3000 / 3100 },
    { name: '助学救助', target: 500, actual: 400, weight: 2, score: 1.6, completionRate: 0.8 },
    { name: '临时救助', target: 300, actual: 200, weight: 2, score: 1.33, completionRate: 200 / 300 },
  ],
  summary: [
    { factor: '预算执行率', weight: 10, score: 10, rate: 1 },
    { factor: '产出指标', weight: 50, score: 47.54, rate: 0.9508 },
    { factor: '效益指标', weight: 30, score: 30, rate: 1 },
    { factor: '满意度指标', weight: 10, score: 10, rate: 1 },
  ],
} as const;
