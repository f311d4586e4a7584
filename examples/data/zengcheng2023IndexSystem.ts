/**
 * Seed 001, 表 2-1 项目绩效评价指标体系 of 增城区总工会 困难职工帮扶资金（送温暖费）2023, with the evaluator's
 * scores chosen so the 一级 sums match 表 3-1 (投入 14, 过程 21, 产出 28, 效益 27, total 90).
 */

/** One 三级指标 row of an index system (评价指标体系). */
export interface IndexSystemRow {
  /** 一级指标 label as written in the merged cell, e.g. `投入（16分）` or `过程\n（24 分）`. */
  level1Label: string;
  /** 二级指标 label as written, e.g. `项目立项（5分）`. */
  level2Label: string;
  /** 三级指标 */
  name: string;
  /** 分值 */
  weight: number;
  /** 评分标准 */
  criterion: string;
  /** 评价得分 given by the evaluator; a string or null lets a test plant a bad value. */
  score: number | string | null;
}

/** 一级 labels, written as inconsistently as the seed's table (full-width brackets, a line break, a space). */
const INPUT = '投入（16分）';
const PROCESS = '过程\n（24 分）';
const OUTPUT = '产出（30分）';
const OUTCOME = '效益\n（30 分）';

export const ZENGCHENG_2023_INDEX_ROWS: readonly IndexSystemRow[] = [
  { level1Label: INPUT, level2Label: '项目立项（5分）', name: '论证决策规范性', weight: 5, score: 5,
    criterion: '项目立项符合法律法规和部门职责，依据充分、程序规范，得5分；每发现一项不符扣1分，扣完为止。' },
  { level1Label: INPUT, level2Label: '绩效目标（8分）', name: '绩效目标合理性', weight: 4, score: 3,
    criterion: '绩效目标与项目内容、预算相匹配且设置合理，得4分；目标表述不够具体的酌情扣分。' },
  { level1Label: INPUT, level2Label: '绩效目标（8分）', name: '绩效指标明确性', weight: 4, score: 3,
    criterion: '绩效指标细化、量化，可衡量，得4分；每发现一项不可衡量的指标扣1分。' },
  { level1Label: INPUT, level2Label: '资金落实(3 分）', name: '资金到位情况', weight: 2, score: 2,
    criterion: '资金到位率=实际到位资金/预算资金×100%，到位率×2分。' },
  { level1Label: INPUT, level2Label: '资金落实(3 分）', name: '资金分配情况', weight: 1, score: 1,
    criterion: '资金分配依据充分、额度合理，与项目单位实际相适应，得1分；否则不得分。' },

  { level1Label: PROCESS, level2Label: '资金管理（10 分）', name: '资金使用效率性', weight: 5, score: 5,
    criterion: '预算执行率=实际支出/调整后预算×100%，执行率≥95%得5分，每降低5个百分点扣1分。' },
  { level1Label: PROCESS, level2Label: '资金管理（10 分）', name: '资金使用规范性', weight: 5, score: 5,
    criterion: '资金使用符合财务制度和实施办法，无截留、挤占、挪用、虚列支出，得5分；发现一项扣1分。' },
  { level1Label: PROCESS, level2Label: '组织管理（14 分）', name: '管理制度健全性', weight: 3, score: 2,
    criterion: '已制定相应的业务及财务管理制度且合法、合规、完整，得3分；制度不够细化的扣1分。' },
  { level1Label: PROCESS, level2Label: '组织管理（14 分）', name: '制度执行有效性', weight: 3, score: 3,
    criterion: '遵守相关法律法规和管理规定，调整、审批手续完整，得3分；每发现一项不符扣1分。' },
  { level1Label: PROCESS, level2Label: '组织管理（14 分）', name: '组织执行有效性', weight: 4, score: 3,
    criterion: '按实施办法组织申请、审核、发放，审核材料完整，得4分；档案审核时间栏未填写完整的扣1分。' },
  { level1Label: PROCESS, level2Label: '组织管理（14 分）', name: '监督管理有效性', weight: 4, score: 3,
    criterion: '对基层工会申请、审核工作有监督检查且有佐证材料，得4分；缺少佐证的酌情扣分。' },

  { level1Label: OUTPUT, level2Label: '经济性（10 分）', name: '预算控制有效性', weight: 5, score: 5,
    criterion: '实际支出未超过预算计划，得5分；超出的不得分。' },
  { level1Label: OUTPUT, level2Label: '经济性（10 分）', name: '成本控制有效性', weight: 5, score: 5,
    criterion: '救助标准不高于上级文件规定的标准，得5分；超标准的每发现一项扣1分。' },
  { level1Label: OUTPUT, level2Label: '效率性（20 分）', name: '开展救助人数', weight: 5, score: 5,
    criterion: '季度救助及紧急救助人数达到计划数，得5分；按完成比例得分。' },
  { level1Label: OUTPUT, level2Label: '效率性（20 分）', name: '救助对象界定准确率', weight: 5, score: 5,
    criterion: '抽查申请材料，救助对象符合实施办法条件的比例×5分。' },
  { level1Label: OUTPUT, level2Label: '效率性（20 分）', name: '救助资金审核发放及时率', weight: 5, score: 4,
    criterion: '收到申请材料后5个工作日内完成审核并发放，得5分；存在延迟的酌情扣分。' },
  { level1Label: OUTPUT, level2Label: '效率性（20 分）', name: '救助标准', weight: 5, score: 4,
    criterion: '季度救助400-600元、紧急救助按类别2000-5000元等标准执行，得5分；每发现一笔不符扣1分。' },

  { level1Label: OUTCOME, level2Label: '效果性（25 分）', name: '救助覆盖率', weight: 5, score: 5,
    criterion: '符合条件的申请人获得救助的比例×5分。' },
  { level1Label: OUTCOME, level2Label: '效果性（25 分）', name: '救助政策知晓率', weight: 5, score: 3,
    criterion: '通过宣传报道及问卷了解政策知晓情况，宣传渠道单一的酌情扣分。' },
  { level1Label: OUTCOME, level2Label: '效果性（25 分）', name: '有效缓解困难职工生活压力', weight: 5, score: 5,
    criterion: '问卷中认为救助对缓解生活压力有作用的比例×5分。' },
  { level1Label: OUTCOME, level2Label: '效果性（25 分）', name: '救助政策可持续性', weight: 5, score: 4,
    criterion: '下年度仍有经费安排且跟踪救助对象后续需求，得5分；未跟踪的扣1分。' },
  { level1Label: OUTCOME, level2Label: '效果性（25 分）', name: '信访及投诉次数', weight: 5, score: 5,
    criterion: '年度内未发生与项目相关的信访及投诉，得5分；每发生1次扣1分。' },
  { level1Label: OUTCOME, level2Label: '公平性（5分）', name: '申领对象满意度', weight: 5, score: 5,
    criterion: '满意度≥90%得5分，每降低5个百分点扣1分。' },
];

/** 表 3-1 评价情况总表 as the report prints it. */
export const ZENGCHENG_2023_SUMMARY = [
  { factor: '投入', weight: 16, score: 14, rate: 0.875 },
  { factor: '过程', weight: 24, score: 21, rate: 0.875 },
  { factor: '产出', weight: 30, score: 28, rate: 28 / 30 },
  { factor: '效益', weight: 30, score: 27, rate: 0.9 },
] as const;

/** 预算执行 sheet, in 元. Rates are stored rounded to 4 decimals. */
export const ZENGCHENG_2023_BUDGET = [
  { source: '财政预算资金', initial: 50_000, adjusted: 2_000, executed: 2_000, rate: 1 },
  { source: '工会经费', initial: 430_000, adjusted: 268_000, executed: 263_800, rate: 0.9843 },
] as const;

export const ZENGCHENG_2023_BUDGET_TOTAL = {
  source: '合计',
  initial: 480_000,
  adjusted: 270_000,
  executed: 265_800,
  rate: 0.9844,
} as const;
