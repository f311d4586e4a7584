/**
 * Group labels as printed: `投入（16分）`, `过程\n（24 分）`, `项目立项（5分）`. The name and the weight
 * the label declares.
 */
import { normalizeText } from '../parse/text';

export function parseGroupLabel(raw: string): { name: string; weight: number | null } {
  const text = normalizeText(raw).replace(/\s+/g, '');
  const m = /^(.*?)[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$/.exec(text);
  if (m) return { name: m[1], weight: Number(m[2]) };
  return { name: text, weight: null };
}

/** 一级指标 names of the 自评表 and of common index systems, for hierarchy given by subtotal rows. */
const LEVEL1_NAMES = new Set([
  '产出指标', '效益指标', '满意度指标', '成本指标', '投入', '过程', '产出', '效益', '决策', '管理',
  '项目决策', '项目管理', '项目过程', '项目产出', '项目效益', '项目绩效', '投入指标', '过程指标',
]);

export function isLevel1Name(name: string): boolean {
  return LEVEL1_NAMES.has(parseGroupLabel(name).name);
}
