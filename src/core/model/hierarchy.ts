/**
 * The indicators of a table with their hierarchy (一级 / 二级 / 三级): by columns, by merged cells, or by
 * subtotal rows (`产出指标 | | | 50.00`), with the declared weights and scores of the groups.
 */
import type { ColumnKind } from '../detect/columnKinds';
import type { MappedTable } from '../detect/mapping';
import { isBlank, type SheetGrid } from '../detect/sheetGrid';
import { isTotalLabel } from '../detect/vocabulary';
import type { Finding } from '../findings';
import { parseActual, parseTarget } from '../parse/target';
import { cellText, normalizeName } from '../parse/text';
import { isLevel1Name, parseGroupLabel } from './groupLabel';
import { colOf, formatFor, readNumber, ref, text, withinRange } from './tableCells';
import type { GroupModel, IndicatorModel } from './types';

/** Names that are a 一级 in one framework and a 二级 in another. */
const AMBIGUOUS_LEVEL = new Set(['成本指标']);

/** Rows that sum a table (合计/总计/小计 …) rather than name an indicator. */
function isSumRow(label: string): boolean {
  return isTotalLabel(label) || /^(小计|分值合计)$/.test(label.replace(/\s+/g, ''));
}

export interface RowsResult {
  indicators: IndicatorModel[];
  groups: GroupModel[];
}

export function mergeRows(parts: RowsResult[]): RowsResult {
  return { indicators: parts.flatMap((p) => p.indicators), groups: parts.flatMap((p) => p.groups) };
}

export function readIndicatorRows(t: MappedTable, g: SheetGrid, findings: Finding[]): RowsResult {
  const col = (k: ColumnKind) => colOf(t, k);
  const [c1, c2, cName, cTarget, cActual, cWeight] = [col('level1'), col('level2'), col('name'), col('target'), col('actual'), col('weight')];
  const cScore = col('score');
  const cSelf = col('selfScore');
  const cExpl = col('explanation');
  const cCrit = col('criteria');
  const isIndex = t.role === 'indexSystem';
  const indicators: IndicatorModel[] = [];
  const groups: GroupModel[] = [];
  const seen = new Map<string, number>();
  let level1 = '';
  let level2 = '';
  /**
   * 成本指标 is a 一级指标 in newer frameworks and a 二级 under 产出指标 in older ones: it is a 二级
   * when the current 一级's declared weight still has room for it.
   */
  const fitsUnderCurrentLevel1 = (name: string, weight: number | null): boolean => {
    if (!AMBIGUOUS_LEVEL.has(parseGroupLabel(name).name) || weight === null) return false;
    const parent = groups.find((x) => x.level === 1 && x.name === level1);
    if (!parent || parent.declaredWeight === null) return false;
    const used = groups.filter((x) => x.level === 2 && x.level1 === level1).reduce((s, x) => s + (x.declaredWeight ?? 0), 0);
    return used + weight <= parent.declaredWeight + 1e-9;
  };
  const addGroup = (level: 1 | 2, raw: string, r: number, weightCell: number | null, scoreCell: number | null) => {
    const { name, weight } = parseGroupLabel(raw);
    const l1 = level === 1 ? name : level1;
    if (groups.some((x) => x.level === level && x.name === name && x.level1 === l1)) return;
    groups.push({
      level, level1: l1, name,
      declaredWeight: weightCell ?? weight,
      declaredScore: scoreCell,
      source: { sheet: t.sheet, row: r, col: -1 },
    });
  };

  // 一级指标 | 二级指标 | 分值 | 自评分 with no 三级: the 二级 are the indicators.
  const twoLevel = cName === null && c2 !== null;
  for (let r = t.bodyStart; r <= t.bodyEnd; r++) {
    if (g.isBlankRow(r)) continue;
    const l1raw = c1 === null ? '' : text(g.filled(r, c1));
    let l2raw = c2 === null ? '' : text(g.filled(r, c2));
    let nameRaw = cName === null ? '' : text(g.value(r, cName) === null ? g.filled(r, cName) : g.value(r, cName));
    if (twoLevel) [nameRaw, l2raw] = [l2raw, ''];
    const targetV = cTarget === null ? null : g.value(r, cTarget);
    const actualV = cActual === null ? null : g.value(r, cActual);
    const hasFigures = !isBlank(targetV) || !isBlank(actualV);
    const weightNum = readNumber(t, g, r, cWeight, findings, '分值');
    const scoreCol = isIndex ? cScore ?? cSelf : cSelf ?? cScore;
    const scoreNum = readNumber(t, g, r, scoreCol, findings, '得分');

    if (isSumRow(l1raw)) continue; // 合计 rows are sums, not indicators
    if (l1raw) {
      if (parseGroupLabel(l1raw).name !== level1) level2 = '';
      level1 = parseGroupLabel(l1raw).name;
      if (!nameRaw && !l2raw) { addGroup(1, l1raw, r, weightNum, scoreNum); continue; }
      addGroup(1, l1raw, r, null, null);
    }
    if (l2raw) {
      level2 = parseGroupLabel(l2raw).name;
      if (!nameRaw) { addGroup(2, l2raw, r, weightNum, scoreNum); continue; }
      addGroup(2, l2raw, r, null, null);
    }
    if (!nameRaw || isSumRow(nameRaw)) continue;
    // Hierarchy by subtotal rows: "产出指标 | | | 50.00" then "数量指标 | | | 15.00", then leaves.
    if (c1 === null && !hasFigures && (weightNum !== null || scoreNum !== null || isLevel1Name(nameRaw))) {
      if (isLevel1Name(nameRaw) && !fitsUnderCurrentLevel1(nameRaw, weightNum)) {
        level1 = parseGroupLabel(nameRaw).name;
        level2 = '';
        addGroup(1, nameRaw, r, weightNum, scoreNum);
      } else {
        level2 = parseGroupLabel(nameRaw).name;
        addGroup(2, nameRaw, r, weightNum, scoreNum);
      }
      continue;
    }
    if (!hasFigures && weightNum === null && scoreNum === null) continue; // a caption, not an indicator
    const label = parseGroupLabel(nameRaw);
    const base = `${normalizeName(level1)}|${normalizeName(level2)}|${normalizeName(label.name)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const explanation = cExpl === null ? '' : cellText(g.value(r, cExpl)).trim();
    indicators.push({
      key: n === 1 ? base : `${base}#${n}`,
      level1,
      level2,
      name: label.name,
      targetText: cellText(targetV).trim(),
      actualText: cellText(actualV).trim(),
      target: cTarget === null ? null : withinRange(parseTarget(targetV, formatFor(t, g, 'target', r, cTarget)), t.sheet, r, cTarget, '年度指标值', findings),
      actual: cActual === null ? null : withinRange(parseActual(actualV, formatFor(t, g, 'actual', r, cActual)), t.sheet, r, cActual, '实际完成值', findings),
      weight: weightNum ?? label.weight,
      selfScore: isIndex ? null : scoreNum,
      evaluatorScore: isIndex ? scoreNum : null,
      explanation: explanation || null,
      criteria: cCrit === null ? null : text(g.value(r, cCrit)) || null,
      source: ref(t, r, cName),
      cells: {
        ...(cTarget === null ? {} : { target: ref(t, r, cTarget) }),
        ...(cActual === null ? {} : { actual: ref(t, r, cActual) }),
        ...(cWeight === null ? {} : { weight: ref(t, r, cWeight) }),
        ...(scoreCol === null ? {} : isIndex ? { evaluatorScore: ref(t, r, scoreCol) } : { selfScore: ref(t, r, scoreCol) }),
        ...(cExpl === null ? {} : { explanation: ref(t, r, cExpl) }),
      },
    });
  }
  return { indicators, groups };
}
