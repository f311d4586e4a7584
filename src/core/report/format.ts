/** Number formatting for Chinese messages: 1,648,000.00 元, 96.77%. */

export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents} 元`;
}

export function formatPercent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A number as a person would write it: no trailing zeros, no exponent. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toString();
  return Number(n.toFixed(6)).toString();
}

/** A value in its unit: 3000人, 98.44%, 2.2万元. */
export function formatWithUnit(value: number, unit: string | null): string {
  if (unit === '%') return formatPercent(value).replace(/\.00%$/, '%');
  return `${formatNumber(value)}${unit ?? ''}`;
}
