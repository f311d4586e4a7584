/**
 * 发放明细 (the payment ledger) as columns: one entry per payment, one array per field, numbers in typed
 * arrays, so a million rows fit in memory and per-person sums stay linear. The checks only read them
 * (`ArrayLike<number>`): tests may build a ledger from plain arrays, but always with the numbered
 * `texts` and `keys` readLedger makes, so the checks have one path.
 */
import type { CellRange, CellScalar } from '../snapshot';
import type { IdGroups, StringGroups } from './keys';

/** The ledger fields the checks read; which sheet column holds each comes from the mapping. */
export type LedgerField =
  | 'person'
  | 'idNumber'
  | 'household'
  | 'category'
  | 'reason'
  | 'form'
  | 'amount'
  | 'cost'
  | 'applicationDate'
  | 'auditDate'
  | 'paymentDate'
  | 'entryDate';

export const LEDGER_FIELDS: readonly LedgerField[] = [
  'person', 'idNumber', 'household', 'category', 'reason', 'form', 'amount', 'cost',
  'applicationDate', 'auditDate', 'paymentDate', 'entryDate',
];

/** The fields held as text (`Ledger.text`). */
export type TextField = 'person' | 'idNumber' | 'household' | 'category' | 'reason' | 'form';

/** Chinese names of the fields, for messages. */
export const LEDGER_FIELD_LABEL: Record<LedgerField, string> = {
  person: '姓名', idNumber: '身份证号', household: '户号', category: '类型', reason: '原因/备注', form: '发放形式',
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
  row: ArrayLike<number>;
  /**
   * Entry i's text in a text field, normalised (NFKC, trimmed); null when empty. 身份证号 as text even if
   * stored as a number. readLedger keeps no column of these texts: a million-entry array of strings costs
   * more to make than reading the sheet again for the few messages that quote one (the checks work on the
   * numbered `texts` and `keys`).
   */
  text(field: TextField, i: number): string | null;
  /** Whether entry i has text in the field (`text(field, i) !== null`), without making the text. */
  hasText(field: TextField, i: number): boolean;
  /** Amounts in 分 (integer hundredths of a yuan); NaN when empty, -Infinity when not a number. */
  amountFen: ArrayLike<number>;
  costFen: ArrayLike<number>;
  /** Dates as Excel serial days (integers); 0 when empty, -1 when present but not a date. */
  applicationDate: ArrayLike<number>;
  auditDate: ArrayLike<number>;
  paymentDate: ArrayLike<number>;
  entryDate: ArrayLike<number>;
  /** The raw cell of any field, for messages that quote what was typed. */
  raw(i: number, field: LedgerField): CellScalar;
  /**
   * The distinct 类型, 原因/备注 and 发放形式 texts in order of first appearance, and per entry the index of its
   * text (-1 when empty), so rules keyed by these texts never hash a string per row. They agree with `text`.
   */
  texts: { category: TextIndex; reason: TextIndex; form: TextIndex };
  /** The 身份证号 and 户号 numbered in order of first appearance (ledger/keys.ts), agreeing with `text`. */
  keys: { idNumber: IdGroups; household: StringGroups };
  /**
   * Rows among the payments that could not be read as one: a row merged into a single cell across the
   * table (its other values are gone). readLedger fills it; the checks report each row.
   */
  unread?: UnreadRow[];
}

/** A row among the payments that is not a payment the ledger can read. */
export interface UnreadRow {
  /** 0-based sheet row. */
  row: number;
  /** The merged area the row became. */
  range: CellRange;
  /** What the merged cell still holds. */
  value: CellScalar;
}

/** Distinct texts of a column and, per entry, the index of its text (-1 for null). */
export interface TextIndex {
  ids: ArrayLike<number>;
  values: string[];
}

export const EMPTY_DATE = 0;
export const BAD_DATE = -1;
export const BAD_AMOUNT = -Infinity;
