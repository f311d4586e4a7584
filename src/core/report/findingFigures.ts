/**
 * A finding's figures as a person reads them: 「填报 6,200.00 元 · 标准 ≤ 6,000.00 元」. The JSON report keeps
 * `value` and `allowed` raw (SPEC §7); the pane, the 异常清单 sheet and the printed report show this.
 * The unit comes from the rule: amounts of the ledger kinds and of the budget are 元, scores 分.
 */
import { formatFen } from '../checks/money';
import type { Finding } from '../findings';
import { listPacks } from '../rules/resolvePacks';

/** `元` (two decimals, thousands separators), `分`, `%` (a fraction shown as a percentage), or a suffix. */
export type FigureUnit = string;

/** Units of the findings the core reports itself; a rule not listed has plain numbers. */
const BUILTIN_UNITS: Readonly<Record<string, FigureUnit>> = {
  'over-budget': '元',
  'reconcile-total': '元',
  'budget-zero': '元',
  'stated-rate': '%',
  'self-score-above-computed': '分',
  'evaluator-score-range': '分',
  'missing-evaluator-score': '分',
  'qualitative-band': '分',
  'execution-cap': '分',
  'total-above-100': '分',
  'weight-sum': '分',
  'weight-total': '分',
};

/** Rule kinds whose value and limit are amounts in 元, and the others' units. */
const KIND_UNITS: Readonly<Record<string, FigureUnit>> = {
  amountBand: '元',
  inKindCap: '元',
  periodSum: '元',
  referenceCap: '元',
  positiveAmount: '元',
  duplicates: '元',
  workingDays: '个工作日',
  periodCount: '次',
};

let packUnits: Map<string, FigureUnit> | null = null;

export function unitOf(rule: string): FigureUnit | null {
  if (!packUnits) {
    packUnits = new Map();
    for (const p of listPacks()) {
      for (const r of p.rules) {
        const unit = KIND_UNITS[r.kind];
        if (unit) packUnits.set(r.id, unit);
      }
    }
  }
  return BUILTIN_UNITS[rule] ?? packUnits.get(rule) ?? null;
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A number in its unit, without the unit: `6,200.00` (元), `97.54` (分), `98.44%` (%), `3,100`. */
function number(n: number, unit: FigureUnit | null): string {
  if (unit === '元') return formatFen(Math.round(n * 100));
  if (unit === '%') return `${Number((n * 100).toFixed(2))}%`;
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
  const [whole, frac] = text.split('.');
  return frac ? `${grouped(whole)}.${frac}` : grouped(whole);
}

function withUnit(text: string, unit: FigureUnit | null): string {
  if (!unit || unit === '%' || text.endsWith(unit)) return text;
  return `${text} ${unit}`;
}

/** The value found, formatted: `6,200.00 元`; text as it is; null when there is none. */
export function valueText(f: Pick<Finding, 'rule' | 'value'>): string | null {
  // missing-ledger's value is the ids of the packs chosen, which its message names by their titles.
  if (f.value === null || f.value === '' || f.rule === 'missing-ledger') return null;
  if (typeof f.value === 'string') return f.value;
  const unit = unitOf(f.rule);
  return withUnit(number(f.value, unit), unit);
}

/**
 * The limit, with every number in it formatted and a space after a comparison sign:
 * `≤6000` → `≤ 6,000.00 元`, `2000–5000` → `2,000.00–5,000.00 元`, `≤5个工作日` → `≤ 5 个工作日`.
 */
export function allowedText(f: Pick<Finding, 'rule' | 'allowed'>): string | null {
  if (f.allowed === null || f.allowed === '') return null;
  const unit = unitOf(f.rule);
  const numeric = /\d/.test(f.allowed);
  let text = f.allowed.replace(/\d+(?:\.\d+)?/g, (m) => number(Number(m), unit));
  text = text.replace(/^([≤≥<>=])\s*/, '$1 ');
  if (unit && unit !== '元' && unit !== '分' && unit !== '%' && text.endsWith(unit)) {
    // `≤ 5个工作日` → `≤ 5 个工作日`
    text = `${text.slice(0, -unit.length).trimEnd()} ${unit}`;
  }
  return numeric ? withUnit(text, unit) : text;
}

/** 「填报 6,200.00 元 · 标准 ≤ 6,000.00 元」, either half alone, or null when the finding has neither. */
export function figuresText(f: Pick<Finding, 'rule' | 'value' | 'allowed'>, words = { value: '填报', allowed: '标准' }): string | null {
  const parts: string[] = [];
  const v = valueText(f);
  const a = allowedText(f);
  if (v !== null) parts.push(`${words.value} ${v}`);
  if (a !== null) parts.push(`${words.allowed} ${a}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * The message without the place it starts with (`“发放明细”!G10 `), for a list that shows the place
 * beside it: the cell address is said once.
 */
export function messageAfterPlace(f: Pick<Finding, 'sheet' | 'cell' | 'message'>): string {
  if (!f.cell) return f.message;
  for (const prefix of [`“${f.sheet}”!${f.cell}`, `${f.sheet}!${f.cell}`]) {
    if (f.message.startsWith(prefix)) return f.message.slice(prefix.length).replace(/^[\s，,：:]+/, '');
  }
  return f.message;
}
