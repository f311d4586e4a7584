/**
 * The pieces every ledger finding shares: where it is (“发放明细”!G10), who the payment went to, and
 * what kind of payment it was, so each message reads as one self-contained sentence.
 */
import { a1 } from '../address';
import { quoted, type Finding, type Severity } from '../findings';
import type { Ledger, LedgerField } from '../ledger/types';
import { formatDate, fromSerial } from '../parse/date';

export interface Place {
  cell: string;
  /** 1-based. */
  row: number;
  /** `“发放明细”!G10` */
  ref: string;
}

/** The cell of `field` in entry i; when the field has no column, the row's first mapped cell. */
export function placeOf(ledger: Ledger, i: number, field: LedgerField): Place {
  const r = ledger.row[i];
  const col = ledger.columns[field] ?? firstColumn(ledger);
  const cell = col === undefined ? '' : a1(r, col);
  return { cell, row: r + 1, ref: cell ? `“${ledger.sheet}”!${cell}` : `“${ledger.sheet}”第 ${r + 1} 行` };
}

function firstColumn(ledger: Ledger): number | undefined {
  const cols = Object.values(ledger.columns).filter((c): c is number => typeof c === 'number');
  let first: number | undefined;
  for (const c of cols) if (first === undefined || c < first) first = c;
  return first;
}

/** The header cell of the ledger, for findings about a whole column. */
export function headerPlace(ledger: Ledger): Place {
  const col = firstColumn(ledger) ?? 0;
  const cell = a1(ledger.headerRow, col);
  return { cell, row: ledger.headerRow + 1, ref: `“${ledger.sheet}”!${cell}` };
}

/** Who received entry i: `张三`, else the 身份证号, else `第 12 行`. */
export function recipientOf(ledger: Ledger, i: number): string {
  const who = ledger.text('person', i) ?? ledger.text('idNumber', i);
  return who === null ? `第 ${ledger.row[i] + 1} 行` : quoted(who);
}

const REASON_CHARS = 30;

/** The payment as the ledger names it: `紧急救助（膝关节受伤住院手术）`. */
export function paymentLabel(ledger: Ledger, i: number): string {
  const category = quoted(ledger.text('category', i) ?? '未填类型的发放');
  const reason = ledger.text('reason', i);
  if (!reason) return category;
  const short = reason.length > REASON_CHARS ? `${reason.slice(0, REASON_CHARS)}…` : reason;
  return `${category}（${short}）`;
}

export function dateText(serial: number): string {
  return formatDate(fromSerial(serial));
}

/** How many rows a row list names before it says `等 N 行`. */
export const ROW_LIST_LIMIT = 6;

/**
 * `第 5、9、14 行` (at most `ROW_LIST_LIMIT` rows, then `等 N 行`). `count` is how many rows there are when
 * `rows` holds only the first few of them: a caller naming the earlier payments of each of k payments
 * passes the first rows once instead of copying k of them each time.
 */
export function rowList(rows: readonly number[], count = rows.length): string {
  const shown = rows.slice(0, Math.min(ROW_LIST_LIMIT, count)).join('、');
  return count > ROW_LIST_LIMIT ? `第 ${shown} 等 ${count} 行` : `第 ${shown} 行`;
}

export function finding(
  rule: string,
  severity: Severity,
  sheet: string,
  place: Pick<Place, 'cell' | 'row'>,
  value: string | number | null,
  allowed: string | null,
  message: string,
): Finding {
  return { rule, severity, sheet, cell: place.cell, row: place.row, value, allowed, message };
}

/** A finding of `rule` on a ledger cell, at the rule's own severity. */
export function ruleFinding(
  rule: { id: string; severity: Severity },
  ledger: Pick<Ledger, 'sheet'>,
  place: Pick<Place, 'cell' | 'row'>,
  value: string | number | null,
  allowed: string | null,
  message: string,
): Finding {
  return finding(rule.id, rule.severity, ledger.sheet, place, value, allowed, message);
}
