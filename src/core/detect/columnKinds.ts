/**
 * What a header cell says its column holds. The synonyms are the words finance staff actually write
 * (SPEC §3); longer, more specific phrases are tried first so 实际完成值 never reads as 完成值 of a target.
 */
import { normalizeText } from '../parse/text';

export type ColumnKind =
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'selfScore'
  | 'explanation'
  | 'criteria'
  | 'budgetInitial'
  | 'budgetAdjusted'
  | 'budgetExecuted'
  | 'executionRate'
  | 'fundSource'
  | 'person'
  | 'idNumber'
  | 'household'
  | 'category'
  | 'reason'
  | 'form'
  | 'amount'
  | 'applicationDate'
  | 'auditDate'
  | 'paymentDate'
  | 'entryDate'
  | 'cost'
  | 'ruleId'
  /** 评价因素 of a 评价情况总表: not read, but it starts a table and so ends the one above. */
  | 'factor';

/** Ordered: the first entry whose phrase the header contains wins, so specific phrases come first. */
const SYNONYMS: readonly (readonly [ColumnKind, readonly string[]])[] = [
  ['factor', ['评价因素']],
  ['explanation', ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '原因分析及改进措施', '未完成原因', '偏差说明']],
  ['criteria', ['评分标准', '评分细则', '指标解释', '指标说明', '评分方法']],
  ['level1', ['一级指标']],
  ['level2', ['二级指标']],
  ['name', ['三级指标', '指标名称', '项目绩效指标', '绩效指标', '指标内容']],
  ['actual', ['实际完成值', '全年实际值', '实际完成情况', '实际完成', '完成值', '实际值', '实际完成数']],
  ['target', ['年度指标值', '年度目标值', '预期指标值', '指标值', '目标值', '年度指标', '预期目标值']],
  ['budgetInitial', ['年初预算数', '年初预算', '年初批复数']],
  ['budgetAdjusted', ['全年预算数', '调整后预算数', '调整后预算', '全年预算', '预算调整数']],
  ['budgetExecuted', ['全年执行数', '实际支出数', '实际支出', '执行数', '支出数', '决算数']],
  ['executionRate', ['预算执行率', '执行率', '支出率']],
  ['selfScore', ['自评得分', '自评分']],
  ['score', ['评价得分', '评分', '得分']],
  ['weight', ['分值', '权重', '标准分', '分数']],
  ['fundSource', ['资金来源', '资金类别']],
  ['form', ['发放形式', '发放方式', '慰问形式', '慰问方式', '救助形式']],
  ['idNumber', ['身份证号码', '身份证号', '身份证', '证件号码']],
  ['household', ['户号', '家庭编号', '户主']],
  ['person', ['姓名', '受助人', '慰问对象', '救助对象', '职工姓名']],
  ['reason', ['救助原因', '申请原因', '原因', '备注', '事由']],
  ['category', ['救助类型', '慰问类别', '帮扶类型', '类型', '类别', '项目类别']],
  ['cost', ['费用', '医疗费用', '学费']],
  ['amount', ['慰问金', '救助金额', '发放金额', '金额']],
  ['auditDate', ['审核日期', '审批日期', '审核时间']],
  ['applicationDate', ['申请日期', '申请时间']],
  ['entryDate', ['录入日期', '录入系统日期', '录入时间']],
  ['paymentDate', ['发放日期', '打款日期', '支付日期', '发放时间', '日期']],
  ['ruleId', ['规则编号', '规则ID']],
];

export interface HeaderMatch {
  kind: ColumnKind;
  /** Multiplier a unit in the header implies for the column's numbers (（万元） → 10000). */
  scale: number;
  /** The header as written, for messages. */
  text: string;
}

const UNIT_SCALES: readonly (readonly [RegExp, number])[] = [
  [/[（(]\s*亿元\s*[)）]|单位[:：]?\s*亿元/, 100_000_000],
  [/[（(]\s*万元\s*[)）]|单位[:：]?\s*万元/, 10_000],
  [/[（(]\s*元\s*[)）]|单位[:：]?\s*元/, 1],
];

/** Classifies one header cell, or null when it names nothing the add-in reads. */
export function classifyHeader(raw: string): HeaderMatch | null {
  const text = normalizeText(raw);
  if (text.length === 0 || text.length > 40) return null;
  const compact = text.replace(/\s+/g, '');
  let scale = 1;
  for (const [re, s] of UNIT_SCALES) {
    if (re.test(compact)) {
      scale = s;
      break;
    }
  }
  const bare = compact.replace(/[（(][^）)]*[)）]/g, '');
  for (const [kind, words] of SYNONYMS) {
    for (const w of words) {
      if (bare.includes(w)) return { kind, scale, text };
    }
  }
  return null;
}

/** Column kinds that make a row look like the header of a table the add-in reads. */
export const INDICATOR_KINDS: ReadonlySet<ColumnKind> = new Set([
  'level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'selfScore', 'explanation', 'criteria',
]);
export const BUDGET_KINDS: ReadonlySet<ColumnKind> = new Set([
  'budgetInitial', 'budgetAdjusted', 'budgetExecuted', 'executionRate',
]);
export const LEDGER_KINDS: ReadonlySet<ColumnKind> = new Set([
  'person', 'idNumber', 'household', 'category', 'reason', 'form', 'amount', 'applicationDate', 'auditDate',
  'paymentDate', 'entryDate', 'cost',
]);
