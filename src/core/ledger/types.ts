/**
 * 发放明细 (the payment ledger) as columns: one entry per payment, typed arrays for figures so a
 * million rows fit in memory and per-person sums stay linear.
 */
import type { CellScalar } from '../snapshot';

/** The ledger fields the checks read; which sheet column holds each comes from the mapping. */
export type LedgerField =
  | 'person'
  | 'idNumber'
  | 'household'
  | 'category'
  | 'reason'
  | 'amount'
  | 'cost'
  | 'applicationDate'
  | 'auditDate'
  | 'paymentDate'
  | 'entryDate';

export const LEDGER_FIELDS: readonly LedgerField[] = [
  'person', 'idNumber', 'household', 'category', 'reason', 'amount', 'cost',
  'applicationDate', 'auditDate', 'paymentDate', 'entryDate',
];

/** Chinese names of the fields, for messages. */
export const LEDGER_FIELD_LABEL: Record<LedgerField, string> = {
  person: '姓名', idNumber: '身份证号', household: '户号', category: '类型', reason: '原因/备注',
  amount: '金额', cost: '费用', applicationDate: '申请日期', auditDate: '审核日期', paymentDate: '发放日期',
  entryDate: '录入日期',
};

export interface Ledger {
  sheet: string;
  /** 0-based header row in the sheet. */
  headerRow: number;
  /** Sheet column (0-based) of each mapped field. */
  columns: Partial<Record<LedgerField, number>>;
  /** Number of payments (ledger entries). */
  length: number;
  /** 0-based sheet row of each entry. */
  row: Int32Array;
  /** Text fields, normalised (NFKC, trimmed); null when empty. 身份证号 as text even if stored as a number. */
  person: (string | null)[];
  idNumber: (string | null)[];
  household: (string | null)[];
  category: (string | null)[];
  reason: (string | null)[];
  /** Amounts in 分 (integer hundredths of a yuan); NaN when empty, -Infinity when not a number. */
  amountFen: Float64Array;
  costFen: Float64Array;
  /** Dates as Excel serial days (integers); 0 when empty, -1 when present but not a date. */
  applicationDate: Int32Array;
  auditDate: Int32Array;
  paymentDate: Int32Array;
  entryDate: Int32Array;
  /** The raw cell of any field, for messages that quote what was typed. */
  raw(i: number, field: LedgerField): CellScalar;
}

export const EMPTY_DATE = 0;
export const BAD_DATE = -1;
export const BAD_AMOUNT = -Infinity;
