/**
 * 未知类型: a 类型 text no chosen pack knows cannot be held to a category's standard. One 提示 per
 * distinct text — with how many payments carry it and where the first is — so an officer can add it as
 * an alias in the 规则 sheet; never one per row, and never a crash.
 */
import type { CheckInput } from './checkInput';
import { finding, headerPlace, placeOf } from './entryFinding';
import { quoted } from '../findings';

export const UNKNOWN_CATEGORY_RULE = 'unknown-category';

export function reportUnknownCategories(input: CheckInput): void {
  const { ledger, facts, rules, context, out } = input;
  const scoped = rules.rules.some((r) => r.enabled && r.rule.category !== undefined && r.rule.category !== '*');
  if (!scoped || ledger.length === 0) return;
  const known = rules.categories.map((c) => c.label).join('、');
  if (ledger.columns.category === undefined) {
    out.push(
      finding(UNKNOWN_CATEGORY_RULE, 'info', ledger.sheet, headerPlace(ledger), null, known,
        `“${ledger.sheet}”没有类型列，按类别的标准（${known}）未核对（${context.packNames}）。`),
    );
    return;
  }
  const count = new Int32Array(facts.texts.length + 1);
  const first = new Int32Array(facts.texts.length + 1).fill(-1);
  for (let i = 0; i < ledger.length; i++) {
    if (facts.category[i] >= 0) continue;
    // Slot 0 counts empty 类型 cells; text k sits at k + 1.
    const k = facts.categoryText[i] + 1;
    count[k]++;
    if (first[k] < 0) first[k] = i;
  }
  for (let k = 0; k < count.length; k++) {
    if (count[k] === 0) continue;
    const place = placeOf(ledger, first[k], 'category');
    const text = k === 0 ? null : quoted(facts.texts[k - 1]);
    const what = text === null ? '类型为空' : `类型“${text}”不属于所选规则包（${context.packNames}）的任何类别`;
    out.push(
      finding(UNKNOWN_CATEGORY_RULE, 'info', ledger.sheet, place, text, known,
        `${place.ref} ${what}，共 ${count[k]} 笔未按类别标准核对（可识别的类别：${known}）；如属于其中之一，可在“规则”表的类别中为它添加别名。`),
    );
  }
}
