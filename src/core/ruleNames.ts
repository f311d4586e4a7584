/**
 * The short Chinese name of every rule (规则名称): what the pane titles a group with, what the 异常清单's
 * 规则 column says and what a message quotes. A pack rule carries its own `name`; the findings the core
 * itself reports are named in the one table below. The id stays the stable key (a tooltip, the last
 * column of 异常清单, the JSON report), never the heading a person reads.
 */
import { listPacks } from './rules/resolvePacks';
import type { Pack } from './rules/packSchema';

/** Names of the findings the core reports itself (not from a pack). */
export const BUILTIN_RULE_NAMES: Readonly<Record<string, string>> = {
  'budget-zero': '预算数为零',
  'evaluator-score-range': '评价得分超出分值',
  'execution-cap': '按执行率限制总分',
  'invalid-state': '上次评分记录无法读取',
  'ledger-unread-row': '发放明细行无法读取',
  'manual-assessment': '须人工评定',
  'mapping-override': '表格用途设置无法使用',
  'missing-actual': '缺少实际完成值',
  'missing-budget': '缺少预算执行数据',
  'missing-evaluator-score': '缺少评价得分',
  'missing-ledger': '未找到发放明细',
  'missing-weight': '缺少分值',
  'merges-unread': '合并单元格无法读取',
  'number-out-of-range': '数字超出可计算范围',
  'over-achievement': '超额完成须说明',
  'over-budget': '执行数超过预算',
  'partly-read': '工作簿只读取了一部分',
  'qualitative-band': '定性得分不在档内',
  'reconcile-count': '发放人次与完成值不符',
  'reconcile-total': '发放合计与执行数不符',
  'self-score-above-computed': '自评分高于计算分',
  'stated-rate': '执行率与金额不符',
  'total-above-100': '总分超过 100 分',
  'unit-mismatch': '单位无法换算',
  'unknown-category': '发放类型不在规则包内',
  'unmatched-actual': '完成值找不到对应目标',
  'unreadable-number': '数字无法识别',
  'weight-sum': '分值合计不符',
  'weight-total': '分值合计异常',
  'rules-sheet/invalid-value': '“规则”表修改无法使用',
  'rules-sheet/unknown-row': '“规则”表多出的行',
  'rules-sheet/missing-row': '“规则”表缺少规则',
  'rules-sheet/unusable': '“规则”表无法使用',
};

/** What a finding of an unnamed rule (a pack written without names) is called: never its id. */
export const UNNAMED_RULE = '规则包规则';

let packNames: Map<string, string> | null = null;

function namesOfPacks(packs: readonly Pack[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of packs) for (const r of p.rules) if (r.name) names.set(r.id, r.name);
  return names;
}

/**
 * The name of a rule by its id: the pack's `name`, the core's table, or, for a sub-rule such as an
 * amount band's `…/when` row, its parent's name.
 */
export function ruleName(id: string): string {
  packNames ??= namesOfPacks(listPacks());
  const own = packNames.get(id) ?? BUILTIN_RULE_NAMES[id];
  if (own) return own;
  const parent = id.lastIndexOf('/');
  if (parent > 0) {
    const up = packNames.get(id.slice(0, parent));
    if (up) return up;
  }
  return UNNAMED_RULE;
}
