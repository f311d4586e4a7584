import type { Mapping, MappedTable } from '../detect/mapping';
import { isSelfTotalLabel, isTotalLabel } from '../detect/vocabulary';
import { parseNumber } from '../parse/number';
import { normalizeText } from '../parse/text';
import { computable } from './computable';
import { colOf } from './tableCells';
import type { SourceRef } from './types';

/**
 * The total the unit reported. First a total row of an indicator table (`总分 | … | 100 | 100 | 自评等级：优`),
 * read in the table's own score column, never its 分值 column; then a labelled figure such as the
 * 自评表's `总得分 | 100` in the block above the indicators.
 */
export function findSelfReportedTotal(mapping: Mapping, used: MappedTable[]): { value: number; ref: SourceRef } | null {
  for (const t of used) {
    if (t.role === 'budget') continue;
    const scoreCol = colOf(t, 'selfScore') ?? colOf(t, 'score');
    const g = mapping.grids.get(t.sheet);
    if (scoreCol === null || !g) continue;
    const last = Math.min(g.rowCount - 1, t.bodyEnd + 3);
    for (let r = t.bodyStart; r <= last; r++) {
      let labelled = false;
      for (let c = 0; c < scoreCol && !labelled; c++) {
        const v = g.value(r, c);
        labelled = typeof v === 'string' && isTotalLabel(normalizeText(v));
      }
      if (!labelled) continue;
      const n = parseNumber(g.value(r, scoreCol), g.format(r, scoreCol));
      // A self-reported total too large to compute with is no total (the figures it sums are refused too).
      if (n !== null && computable(n)) return { value: n, ref: { sheet: t.sheet, row: r, col: scoreCol } };
    }
  }
  const sheets = [...new Set(used.filter((t) => t.role !== 'budget').map((t) => t.sheet)), ...new Set(used.map((t) => t.sheet))];
  for (const name of sheets) {
    const g = mapping.grids.get(name);
    if (!g) continue;
    for (let r = 0; r < Math.min(g.rowCount, 200); r++) {
      const len = g.rowLength(r);
      for (let c = 0; c < len; c++) {
        const v = g.value(r, c);
        if (typeof v !== 'string' || !isSelfTotalLabel(normalizeText(v))) continue;
        for (let k = c + 1; k < Math.min(len, c + 6); k++) {
          const n = parseNumber(g.value(r, k));
          if (n !== null && computable(n)) return { value: n, ref: { sheet: name, row: r, col: k } };
        }
      }
    }
  }
  return null;
}
