import { a1 } from '../address';
import type { Mapping, MappedTable } from '../detect/mapping';
import { isBlank } from '../detect/sheetGrid';
import { quoted, type Finding } from '../findings';
import { parseActual } from '../parse/target';
import { cellText, normalizeName } from '../parse/text';
import { parseGroupLabel } from './groupLabel';
import { colOf, formatFor, grid, text, withinRange } from './tableCells';
import type { IndicatorModel } from './types';

/**
 * Targets joined to actuals kept on another sheet, by normalised name (and by 二级 where a name
 * repeats): the indicators with their 实际完成值 (and explanation) from the actuals tables, as new
 * objects; an indicator no actual names is returned as it was. An actual naming no target is a finding.
 */
export function joinActuals(indicators: readonly IndicatorModel[], tables: MappedTable[], mapping: Mapping, findings: Finding[]): IndicatorModel[] {
  const byName = new Map<string, IndicatorModel[]>();
  for (const ind of indicators) {
    const k = normalizeName(ind.name);
    const same = byName.get(k);
    if (same) same.push(ind);
    else byName.set(k, [ind]);
  }
  const joined = new Map<IndicatorModel, IndicatorModel>();
  for (const t of tables) {
    const g = grid(mapping, t);
    const cName = colOf(t, 'name');
    const cActual = colOf(t, 'actual');
    const cExpl = colOf(t, 'explanation');
    const cL2 = colOf(t, 'level2');
    if (cName === null || cActual === null) continue;
    for (let r = t.bodyStart; r <= t.bodyEnd; r++) {
      const name = text(g.filled(r, cName));
      const v = g.value(r, cActual);
      if (!name || (isBlank(v) && g.isBlankRow(r))) continue;
      let hits = byName.get(normalizeName(parseGroupLabel(name).name)) ?? [];
      if (hits.length > 1 && cL2 !== null) {
        const l2 = normalizeName(text(g.filled(r, cL2)));
        const narrowed = hits.filter((h) => normalizeName(h.level2) === l2);
        if (narrowed.length > 0) hits = narrowed;
      }
      if (hits.length === 0) {
        findings.push({
          rule: 'unmatched-actual', severity: 'warning', sheet: t.sheet, cell: a1(r, cName), row: r + 1,
          value: quoted(name), allowed: null,
          message: `“${t.sheet}”!${a1(r, cName)} 的实际完成值指标“${quoted(name)}”在绩效目标表中找不到同名指标，未参与评分，请核对指标名称。`,
        });
        continue;
      }
      const explanation = cExpl === null ? '' : cellText(g.value(r, cExpl)).trim();
      for (const ind of hits) {
        if (joined.has(ind)) continue;
        const withActual: IndicatorModel = {
          ...ind,
          actualText: cellText(v).trim(),
          actual: withinRange(parseActual(v, formatFor(t, g, 'actual', r, cActual)), t.sheet, r, cActual, '实际完成值', findings),
          cells: { ...ind.cells, actual: { sheet: t.sheet, row: r, col: cActual } },
        };
        if (explanation && !ind.explanation) {
          withActual.explanation = explanation;
          if (cExpl !== null) withActual.cells.explanation = { sheet: t.sheet, row: r, col: cExpl };
        }
        joined.set(ind, withActual);
      }
    }
  }
  return indicators.map((ind) => joined.get(ind) ?? ind);
}
