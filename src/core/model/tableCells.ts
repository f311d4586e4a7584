/**
 * Reading the cells of a mapped table for the model: a column by kind, a number (an unreadable or
 * uncomputable one is a finding naming the cell), the format a figure is read with, a source reference.
 */
import { a1 } from '../address';
import type { ColumnKind } from '../detect/columnKinds';
import type { Mapping, MappedTable } from '../detect/mapping';
import { isBlank, type SheetGrid } from '../detect/sheetGrid';
import { quoted, type Finding } from '../findings';
import { parseNumber } from '../parse/number';
import { isPercentFormat } from '../parse/quantity';
import type { Actual, Target } from '../parse/target';
import { cellText, normalizeText } from '../parse/text';
import type { CellScalar } from '../snapshot';
import { computable, outOfRangeFinding } from './computable';
import type { SourceRef } from './types';

export function grid(mapping: Mapping, t: MappedTable): SheetGrid {
  const g = mapping.grids.get(t.sheet);
  if (!g) throw new Error(`internal: no grid for sheet ${t.sheet}`);
  return g;
}

export function colOf(t: MappedTable, kind: ColumnKind): number | null {
  const c = t.columns.find((x) => x.kind === kind);
  return c ? c.col : null;
}

/**
 * The number format a figure is read with. A column whose header states a unit (`实际完成值（%）`,
 * `完成值（人）`) gives it to the bare numbers below: 0.5 under （%） is 0.5 %, as the officer typed it.
 */
export function formatFor(t: MappedTable, g: SheetGrid, kind: ColumnKind, r: number, c: number): string | undefined {
  const own = g.format(r, c);
  const unit = t.columns.find((x) => x.kind === kind)?.unit;
  if (!unit || typeof g.value(r, c) !== 'number') return own;
  if (own && (isPercentFormat(own) || own.includes('"'))) return own;
  return `0"${unit}"`;
}

export function text(v: CellScalar): string {
  return normalizeText(cellText(v));
}

export function ref(t: MappedTable, row: number, col: number | null): SourceRef {
  return { sheet: t.sheet, row, col: col ?? -1 };
}

/**
 * Error values in a cell the add-in reads are findings that name the cell; so is a figure too large to
 * compute with (it would turn the sums into Infinity), which is then left out.
 */
export function readNumber(
  t: MappedTable, g: SheetGrid, r: number, col: number | null, findings: Finding[], what: string, refused = '已不计入合计',
): number | null {
  if (col === null) return null;
  const v = g.value(r, col);
  if (isBlank(v)) return null;
  const n = parseNumber(v, g.format(r, col));
  if (n === null) {
    findings.push({
      rule: 'unreadable-number', severity: 'warning', sheet: t.sheet, cell: a1(r, col), row: r + 1,
      value: quoted(cellText(v)), allowed: '数字',
      message: `“${t.sheet}”!${a1(r, col)} 的${what}“${quoted(cellText(v))}”不是数字，未参与计算。`,
    });
    return null;
  }
  if (!computable(n)) {
    findings.push(outOfRangeFinding(t.sheet, r, col, what, n, refused));
    return null;
  }
  return n;
}

/**
 * A 指标值 or 实际完成值 whose figure is too large to compute with (a completion rate of it would be
 * Infinity) is not read: the indicator is then scored as one without it, and a finding names the cell.
 */
export function withinRange<T extends Target | Actual>(read: T | null, sheet: string, r: number, col: number, what: string, findings: Finding[]): T | null {
  if (read === null || read.kind !== 'quantitative') return read;
  const bad = [read.value, 'upper' in read ? read.upper : undefined].find((n) => n !== undefined && !computable(n));
  if (bad === undefined) return read;
  findings.push(outOfRangeFinding(sheet, r, col, what, bad, '未参与评分'));
  return null;
}
