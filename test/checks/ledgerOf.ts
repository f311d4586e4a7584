/**
 * Builds a `Ledger` from plain rows as a test reads them: `{ person: '张三', amount: 1000, paymentDate:
 * '2023-05-01' }`. Columns sit where a typical 发放明细 puts them (金额 in G, so the first entry's amount
 * is G2); a field absent from every row and not listed in `columns` has no column at all.
 */
import {
  BAD_AMOUNT,
  BAD_DATE,
  EMPTY_DATE,
  LEDGER_FIELDS,
  type Ledger,
  type LedgerField,
  type TextField,
  type TextIndex,
} from '../../src/core/ledger/types';
import { groupIds, groupStrings } from '../../src/core/ledger/keys';
import { parseDate, toSerial } from '../../src/core/parse/date';
import { parseNumber } from '../../src/core/parse/number';
import { cellText, normalizeText } from '../../src/core/parse/text';
import type { CellScalar } from '../../src/core/snapshot';

export type Entry = Partial<Record<LedgerField, CellScalar>>;

/** A (sheet) column per field: A 姓名 … G 金额 … K 录入日期, L 发放形式. */
export const COLUMN: Record<LedgerField, number> = {
  person: 0, idNumber: 1, household: 2, category: 3, reason: 4, cost: 5, amount: 6,
  applicationDate: 7, auditDate: 8, paymentDate: 9, entryDate: 10, form: 11,
};

type DateField = 'applicationDate' | 'auditDate' | 'paymentDate' | 'entryDate';

export interface LedgerOptions {
  sheet?: string;
  /** 0-based header row; entries follow it directly. */
  headerRow?: number;
  /** Fields that have a column even when every row leaves them empty. */
  columns?: LedgerField[];
}

function text(v: CellScalar): string | null {
  if (v === null || v === undefined || typeof v === 'object') return null;
  const t = normalizeText(cellText(v));
  return t === '' ? null : t;
}

function fen(v: CellScalar): number {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return NaN;
  const n = parseNumber(v);
  return n === null ? BAD_AMOUNT : Math.round(n * 100);
}

function serial(v: CellScalar): number {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return EMPTY_DATE;
  const d = parseDate(v, typeof v === 'number' ? 'yyyy-mm-dd' : undefined);
  return d ? toSerial(d) : BAD_DATE;
}

export function ledgerOf(entries: Entry[], options: LedgerOptions = {}): Ledger {
  const headerRow = options.headerRow ?? 0;
  const n = entries.length;
  const present = new Set<LedgerField>(options.columns ?? []);
  for (const e of entries) for (const f of LEDGER_FIELDS) if (e[f] !== undefined) present.add(f);
  const columns: Partial<Record<LedgerField, number>> = {};
  for (const f of present) columns[f] = COLUMN[f];
  const row = entries.map((_, i) => headerRow + 1 + i);
  const texts = (f: TextField): (string | null)[] => entries.map((e) => text(e[f] ?? null));
  const dates = (f: DateField): number[] => entries.map((e) => serial(e[f] ?? null));
  return {
    sheet: options.sheet ?? '发放明细',
    headerRow,
    columns,
    length: n,
    row,
    ...textAccess(n, {
      person: texts('person'),
      idNumber: texts('idNumber'),
      household: texts('household'),
      category: texts('category'),
      reason: texts('reason'),
      form: texts('form'),
    }),
    amountFen: entries.map((e) => fen(e.amount ?? null)),
    costFen: entries.map((e) => fen(e.cost ?? null)),
    applicationDate: dates('applicationDate'),
    auditDate: dates('auditDate'),
    paymentDate: dates('paymentDate'),
    entryDate: dates('entryDate'),
    raw: (i, f) => entries[i]?.[f] ?? null,
  };
}

/**
 * `Ledger.text` and `hasText` over columns of `n` texts already normalised (null when empty; no column: all
 * null), with the numbered `texts` and `keys` a ledger read from a sheet carries: the IDs and 户号 numbered
 * by the same code as readLedger's (ledger/keys.ts), the texts in order of first appearance.
 */
export function textAccess(
  n: number,
  columns: Partial<Record<TextField, readonly (string | null)[]>>,
): Pick<Ledger, 'text' | 'hasText' | 'texts' | 'keys'> {
  const text = (field: TextField, i: number): string | null => {
    const t = columns[field]?.[i];
    return t === undefined || t === '' ? null : t;
  };
  const numbered = (field: TextField): TextIndex => {
    const ids = new Int32Array(n);
    const values: string[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const t = text(field, i);
      if (t === null) ids[i] = -1;
      else ids[i] = seen.get(t) ?? (seen.set(t, values.length), values.push(t) - 1);
    }
    return { ids, values };
  };
  return {
    text,
    hasText: (field, i) => text(field, i) !== null,
    texts: { category: numbered('category'), reason: numbered('reason'), form: numbered('form') },
    keys: {
      idNumber: groupIds(n, (i) => text('idNumber', i)),
      household: groupStrings(n, (i) => text('household', i)),
    },
  };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-digit 身份证号 (GB 11643) for test person number k, born 1980-01-01 in 增城 (440183). */
export function validId(k: number): string {
  const body = `44018319800101${String(k % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let j = 0; j < 17; j++) sum += Number(body[j]) * WEIGHTS[j];
  return body + '10X98765432'[sum % 11];
}

/** A complete, clean payment: every required field filled, audited two working days after applying. */
export function payment(k: number, fields: Entry): Entry {
  return {
    person: `职工${k}`,
    idNumber: validId(k),
    applicationDate: '2023-03-01',
    auditDate: '2023-03-03',
    paymentDate: '2023-03-10',
    ...fields,
  };
}
