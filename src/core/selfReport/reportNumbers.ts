/**
 * Figures as a Chinese report writes them: 3,000 人, 26.58 万元, 98.44%, 47.54 分. The 元 amounts and
 * percentages reuse the findings' own formatting (checks/money, report/format) so the report and the
 * 异常清单 print a figure the same way.
 */
import { formatFen, grouped } from '../checks/money';
import { formatNumber, formatPercent } from '../report/format';
import { parseActual, parseTarget } from '../parse/target';
import type { ReportIndicator } from '../report/report';

/** 元 → `26.58` (万元, two decimals, thousands separators). */
export function formatWan(yuan: number): string {
  return formatFen(Math.round(yuan / 100));
}

/** A score or a weight: `90`, `47.54`, `1.60` (whole numbers as they are, others with two decimals). */
export function formatScore(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2);
}

/** A fraction as a rate: `98.44%`. */
export function formatRate(fraction: number): string {
  return formatPercent(fraction);
}

/** `3000` → `3,000`, `1234.5` → `1,234.5`. */
export function groupedNumber(n: number): string {
  const text = formatNumber(Math.round(n * 100) / 100);
  const [whole, fraction] = text.replace(/^-/, '').split('.');
  return `${n < 0 ? '-' : ''}${grouped(Number(whole))}${fraction ? `.${fraction}` : ''}`;
}

/** A quantity in its unit: `3,000 人`, `93.00%`, `0.93`. */
export function formatQuantity(value: number, unit: string | null): string {
  if (unit === '%') return formatPercent(value);
  return unit ? `${groupedNumber(value)} ${unit}` : groupedNumber(value);
}

/** An indicator's target and actual as quantities (`3,100 人`, `3,000 人`), or null when either is not one. */
export function quantityPhrase(i: Pick<ReportIndicator, 'target' | 'actual'>): { target: string; actual: string } | null {
  const target = parseTarget(i.target);
  const actual = parseActual(i.actual);
  if (target?.kind !== 'quantitative' || actual?.kind !== 'quantitative' || target.upper !== undefined) return null;
  const sign = target.comparator === '>=' ? '≥' : target.comparator === '<=' ? '≤' : target.comparator === '>' ? '>' : target.comparator === '<' ? '<' : '';
  return { target: `${sign}${formatQuantity(target.value, target.unit)}`, actual: formatQuantity(actual.value, actual.unit ?? target.unit) };
}
