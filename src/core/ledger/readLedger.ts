/**
 * Reads a mapped 发放明细 table into the columnar `Ledger`. One pass, caches for the texts and dates that
 * repeat (categories, reasons, batch dates), so a million rows read in well under a second.
 */
import type { MappedTable } from '../detect/mapping';
import { isBlank, type SheetGrid } from '../detect/sheetGrid';
import { parseDate, toSerial } from '../parse/date';
import { parseNumber } from '../parse/number';
import { cellText, normalizeText } from '../parse/text';
import type { CellScalar } from '../snapshot';
import { BAD_AMOUNT, BAD_DATE, EMPTY_DATE, LEDGER_FIELDS, type Ledger, type LedgerField } from './types';

const TEXT_FIELDS = ['person', 'idNumber', 'household', 'category', 'reason'] as const;
const DATE_FIELDS = ['applicationDate', 'auditDate', 'paymentDate', 'entryDate'] as const;
/** Fields whose merged cells apply to every row they span (a category label merged over its payments). */
const FILLED: ReadonlySet<LedgerField> = new Set(['person', 'idNumber', 'household', 'category', 'reason']);
const TOTAL_ROW = /^(合\s*计|总\s*计|小\s*计|本页小计|累计)$/;

export function readLedger(table: MappedTable, grid: SheetGrid): Ledger {
  const columns: Partial<Record<LedgerField, number>> = {};
  const scale: Partial<Record<LedgerField, number>> = {};
  for (const c of table.columns) {
    if ((LEDGER_FIELDS as readonly string[]).includes(c.kind)) {
      columns[c.kind as LedgerField] = c.col;
      scale[c.kind as LedgerField] = c.scale;
    }
  }
  const rows: number[] = [];
  for (let r = table.bodyStart; r <= table.bodyEnd; r++) {
    if (grid.isBlankRow(r) || isTotalRow(grid, r, columns) || isFooterRow(grid, r, columns)) continue;
    rows.push(r);
  }
  const n = rows.length;
  const get = (field: LedgerField, r: number): CellScalar => {
    const c = columns[field];
    if (c === undefined) return null;
    return FILLED.has(field) ? grid.filled(r, c) : grid.value(r, c);
  };

  // Categories and reasons repeat, so they are cached; names and IDs are nearly all distinct, and most
  // are already clean (plain CJK, digits, letters), which a quick test recognises without NFKC.
  const textCache = new Map<string, string | null>();
  const cached = (v: CellScalar): string | null => {
    if (typeof v !== 'string') return plain(v);
    let t = textCache.get(v);
    if (t === undefined) {
      t = plain(v);
      if (textCache.size < 50_000) textCache.set(v, t);
    }
    return t;
  };
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, new Array<string | null>(n)])) as Record<(typeof TEXT_FIELDS)[number], (string | null)[]>;

  const dateCache = new Map<string, number>();
  // A number in a date column is an Excel serial whatever its format says (a time of day is dropped), so
  // the per-cell format lookup is needed only for the rare number outside the plausible range.
  const dateOf = (v: CellScalar, r: number, c: number): number => {
    if (isBlank(v)) return EMPTY_DATE;
    if (typeof v === 'number' && v >= 1 && v < 2958466 && Math.floor(v) !== 60) return Math.floor(v);
    const format = typeof v === 'number' ? grid.format(r, c) : undefined;
    if (typeof v === 'string') {
      let d = dateCache.get(v);
      if (d === undefined) {
        const parsed = parseDate(v, format);
        d = parsed ? toSerial(parsed) : BAD_DATE;
        if (dateCache.size < 100_000) dateCache.set(v, d);
      }
      return d;
    }
    const parsed = parseDate(v, format);
    return parsed ? Math.floor(toSerial(parsed)) : BAD_DATE;
  };
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, new Int32Array(n)])) as Record<(typeof DATE_FIELDS)[number], Int32Array>;

  const money = (field: 'amount' | 'cost', r: number): number => {
    const v = get(field, r);
    if (isBlank(v)) return NaN;
    const x = typeof v === 'number' ? (Number.isFinite(v) ? v : null) : parseNumber(v);
    return x === null ? BAD_AMOUNT : Math.round(x * (scale[field] ?? 1) * 100);
  };
  const amountFen = new Float64Array(n);
  const costFen = new Float64Array(n);
  const row = new Int32Array(n);

  for (let i = 0; i < n; i++) {
    const r = rows[i];
    row[i] = r;
    for (const f of TEXT_FIELDS) {
      if (columns[f] === undefined) texts[f][i] = null;
      else texts[f][i] = f === 'category' || f === 'reason' ? cached(get(f, r)) : plain(get(f, r));
    }
    amountFen[i] = columns.amount === undefined ? NaN : money('amount', r);
    costFen[i] = columns.cost === undefined ? NaN : money('cost', r);
    for (const f of DATE_FIELDS) {
      const c = columns[f];
      dates[f][i] = c === undefined ? EMPTY_DATE : dateOf(grid.value(r, c), r, c);
    }
  }
  return {
    sheet: table.sheet,
    headerRow: table.headerRow,
    columns,
    length: n,
    row,
    ...texts,
    amountFen,
    costFen,
    ...dates,
    raw: (i, field) => get(field, row[i]),
  };
}

const FOOTER = /经办人|审核人|制表人|填表人|负责人|分管领导|制表日期|填报日期|备注[:：]|说明[:：]/;

/**
 * Signature lines and notes under a ledger (经办人： 审核人：) are not payments: they have no amount and
 * either say so or are one merged cell across the row.
 */
function isFooterRow(grid: SheetGrid, r: number, columns: Partial<Record<LedgerField, number>>): boolean {
  if (columns.amount !== undefined && !isBlank(grid.value(r, columns.amount))) return false;
  const len = Math.min(grid.rowLength(r), 30);
  let merged: ReturnType<SheetGrid['mergeAt']> | null = null;
  let onlyOneMerge = true;
  for (let c = 0; c < len; c++) {
    const v = grid.value(r, c);
    if (typeof v === 'string' && FOOTER.test(v)) return true;
    if (isBlank(v)) continue;
    const m = grid.mergeAt(r, c);
    if (!m || (merged && m !== merged)) onlyOneMerge = false;
    merged = m ?? null;
  }
  return onlyOneMerge && merged !== null && merged.right - merged.left >= 2;
}

/** Already-clean text (CJK, digits, latin letters, common marks) skips NFKC; anything else is normalised. */
const CLEAN = /^[\u4e00-\u9fa5A-Za-z0-9·()\-]+$/;

function plain(v: CellScalar): string | null {
  if (v === null) return null;
  if (typeof v === 'string') {
    if (CLEAN.test(v)) return v;
    const s = normalizeText(v);
    return s.length === 0 ? null : s;
  }
  const s = cellText(v).trim();
  return s.length === 0 ? null : s;
}

/** A 合计 row sums the ledger; it is not a payment. */
function isTotalRow(grid: SheetGrid, r: number, columns: Partial<Record<LedgerField, number>>): boolean {
  const idCols = [columns.person, columns.idNumber].filter((c): c is number => c !== undefined);
  if (idCols.some((c) => !isBlank(grid.value(r, c)) && !TOTAL_ROW.test(cellText(grid.value(r, c)).trim()))) return false;
  const len = Math.min(grid.rowLength(r), 30);
  for (let c = 0; c < len; c++) {
    const v = grid.value(r, c);
    if (typeof v === 'string' && TOTAL_ROW.test(v.trim())) return true;
  }
  return false;
}
