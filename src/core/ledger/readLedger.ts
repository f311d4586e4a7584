/**
 * Reads a mapped 发放明细 table into the columnar `Ledger`: one pass over the rows, each cell read once,
 * no per-cell format lookup and no allocation per cell in the common case (clean text is kept as it is,
 * numbers and date serials go straight into arrays of numbers). The 类型, 原因/备注 and 发放形式 texts repeat, so
 * each distinct text is normalised once and numbered (`Ledger.texts`); the 身份证号 and 户号 are numbered
 * as they are read (`Ledger.keys`, ledger/keys.ts), so the per-person and per-household rules never hash
 * a string again.
 */
import type { MappedTable } from '../detect/mapping';
import { isBlank, type SheetGrid } from '../detect/sheetGrid';
import { isSerialDate, parseDate, serialReading, toSerial, type SerialReading } from '../parse/date';
import { parseNumber } from '../parse/number';
import { cellText, normalizeText } from '../parse/text';
import type { CellRange, CellScalar, ColumnRuns } from '../snapshot';
import { IdKeys, TextKeys } from './keys';
import { BAD_AMOUNT, BAD_DATE, EMPTY_DATE, LEDGER_FIELDS, type Ledger, type LedgerField, type TextField, type TextIndex, type UnreadRow } from './types';

/** Fields whose merged cells apply to every row they span (a category label merged over its payments). */
const FILLED: ReadonlySet<LedgerField> = new Set(['person', 'idNumber', 'household', 'category', 'reason', 'form']);
const TOTAL_ROW = /^(合\s*计|总\s*计|小\s*计|本页小计|累计)$/;
/** Raw texts remembered per column (beyond, a new raw text is normalised again; its number is still found). */
const RAW_CACHE_LIMIT = 100_000;
/** Slots of TextNumbering's cache of recent texts (a power of two). */
const RECENT = 256;
// Local copies: these are read once per cell, and some module loaders turn imported constants into getters.
const EMPTY = EMPTY_DATE;
const BAD = BAD_DATE;
const NOT_A_NUMBER = BAD_AMOUNT;
const blank = isBlank;
const serialDate = isSerialDate;

/**
 * Numbers the distinct normalised texts of a column in order of first appearance, remembering the answer
 * per raw cell text so a repeated text costs one comparison (or one Map lookup).
 */
class TextNumbering {
  readonly values: string[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byRaw = new Map<string, number>();
  /**
   * Raw texts seen lately, by length and first and last code unit: a column holds a handful of texts,
   * and comparing a cell with the one text in its slot is cheaper than hashing the cell for the Map.
   */
  private readonly recentRaw: string[] = new Array<string>(RECENT).fill('');
  private readonly recentNumber: number[] = new Array<number>(RECENT).fill(-1);

  /** Number of the cell's text (-1 when empty). */
  of(v: CellScalar): number {
    if (typeof v !== 'string') return this.number(plain(v));
    const len = v.length;
    const slot = len === 0 ? 0 : (len * 31 + v.charCodeAt(0) * 7 + v.charCodeAt(len - 1)) & (RECENT - 1);
    if (v === this.recentRaw[slot]) return this.recentNumber[slot];
    let k = this.byRaw.get(v);
    if (k === undefined) {
      k = this.number(plain(v));
      if (this.byRaw.size < RAW_CACHE_LIMIT) this.byRaw.set(v, k);
    }
    this.recentRaw[slot] = v;
    this.recentNumber[slot] = k;
    return k;
  }

  private number(t: string | null): number {
    if (t === null) return -1;
    let k = this.byText.get(t);
    if (k === undefined) {
      k = this.values.length;
      this.byText.set(t, k);
      this.values.push(t);
    }
    return k;
  }
}

/**
 * How the numbers of one date column are read as dates, row by row, by the format run each falls in
 * (parseDate's rule: a date format reads any serial, no format only a plausible one, a number format
 * none). Rows are asked in increasing order, so finding a row's run is a step of a cursor.
 */
class DateColumn {
  private k = 0;
  private readonly readings: SerialReading[];

  constructor(private readonly runs: ColumnRuns | undefined) {
    const byFormat = new Map<string, SerialReading>();
    this.readings = (runs?.formats ?? []).map((f) => {
      let reading = byFormat.get(f);
      if (reading === undefined) byFormat.set(f, (reading = serialReading(f)));
      return reading;
    });
  }

  /** The reading of row r (at or below the row asked before). */
  reading(r: number): SerialReading {
    const runs = this.runs;
    if (runs === undefined) return 'plausible';
    const n = this.readings.length;
    while (this.k < n && runs.bottoms[this.k] < r) this.k++;
    return this.k < n && runs.tops[this.k] <= r ? this.readings[this.k] : 'plausible';
  }
}

export function readLedger(table: MappedTable, grid: SheetGrid): Ledger {
  const columns: Partial<Record<LedgerField, number>> = {};
  const scale: Partial<Record<LedgerField, number>> = {};
  for (const c of table.columns) {
    if ((LEDGER_FIELDS as readonly string[]).includes(c.kind)) {
      columns[c.kind as LedgerField] = c.col;
      scale[c.kind as LedgerField] = c.scale;
    }
  }
  const get = (field: LedgerField, r: number): CellScalar => {
    const c = columns[field];
    if (c === undefined) return null;
    return FILLED.has(field) ? grid.filled(r, c) : grid.value(r, c);
  };
  // Column numbers as locals (-1: not mapped), read once per row below.
  const col = (f: LedgerField): number => columns[f] ?? -1;
  const cPerson = col('person');
  const cId = col('idNumber');
  const cHousehold = col('household');
  const cCategory = col('category');
  const cReason = col('reason');
  const cForm = col('form');
  const cAmount = col('amount');
  const cCost = col('cost');
  const cApplication = col('applicationDate');
  const cAudit = col('auditDate');
  const cPayment = col('paymentDate');
  const cEntry = col('entryDate');
  const amountScale = scale.amount ?? 1;
  const costScale = scale.cost ?? 1;
  // The first of 姓名 and 身份证号: a payment names someone there, which a 合计 row does not.
  const cWho = cPerson >= 0 ? cPerson : cId;

  const capacity = Math.max(0, table.bodyEnd - table.bodyStart + 1);
  // Every slot up to n is written below; the arrays are cut to n at the end.
  const row = new Int32Array(capacity);
  // Whether each entry names someone in 姓名 (the other text fields' numbering says it for them).
  const named = new Uint8Array(capacity);
  const categoryIds = new Int32Array(capacity);
  const reasonIds = new Int32Array(capacity);
  const formIds = new Int32Array(capacity);
  // Amounts in 分 exceed 32 bits from 21 million 元, and hold NaN and -Infinity: 64-bit numbers.
  const amountFen = new Float64Array(capacity);
  const costFen = new Float64Array(capacity);
  const applicationDate = new Int32Array(capacity);
  const auditDate = new Int32Array(capacity);
  const paymentDate = new Int32Array(capacity);
  const entryDate = new Int32Array(capacity);
  const categories = new TextNumbering();
  const reasons = new TextNumbering();
  const forms = new TextNumbering();
  // 身份证号 and 户号 are numbered here, while each text is still in the CPU's cache (ledger/keys.ts).
  const idKeys = new IdKeys(capacity);
  const householdKeys = new TextKeys(capacity);

  // Text dates repeat (batch dates), so each is parsed once.
  const dateCache = new Map<string, number>();
  // A number in a date column is a date as parseDate would read it with the cell's format (an 审核日期
  // typed as 5 is not 1900-01-05): the format comes from the column's runs, one cursor per column.
  const dateColumn = (c: number): DateColumn | null => (c < 0 ? null : new DateColumn(grid.formatRuns(c)));
  const dApplication = dateColumn(cApplication);
  const dAudit = dateColumn(cAudit);
  const dPayment = dateColumn(cPayment);
  const dEntry = dateColumn(cEntry);
  const dateOf = (r: number, c: number, column: DateColumn | null): number => {
    if (column === null) return EMPTY;
    const v = grid.value(r, c);
    if (typeof v === 'number') return serialDate(v, column.reading(r)) ? Math.floor(v) : BAD;
    return otherDate(v);
  };
  const otherDate = (v: CellScalar): number => {
    if (blank(v)) return EMPTY;
    if (typeof v === 'string') {
      let d = dateCache.get(v);
      if (d === undefined) {
        const parsed = parseDate(v, undefined);
        d = parsed ? toSerial(parsed) : BAD;
        if (dateCache.size < 100_000) dateCache.set(v, d);
      }
      return d;
    }
    // Booleans and errors are no date.
    return BAD;
  };
  const money = (r: number, c: number, factor: number): number => {
    if (c < 0) return NaN;
    const v = grid.value(r, c);
    if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * factor * 100) : NOT_A_NUMBER;
    if (blank(v)) return NaN;
    const x = parseNumber(v);
    return x === null ? NOT_A_NUMBER : Math.round(x * factor * 100);
  };
  /** The cell, or the value of the merged area it is in when it is empty. */
  const filled = (r: number, c: number): CellScalar => {
    const v = grid.value(r, c);
    return v === null || v === '' ? grid.filled(r, c) : v;
  };

  // Rows that are one cell merged across the table: a footer note below the payments, or a payment
  // merged by accident among them (unread: reported, never dropped silently).
  const mergedRows: number[] = [];
  let n = 0;
  for (let r = table.bodyStart; r <= table.bodyEnd; r++) {
    if (grid.isBlankRow(r)) continue;
    // Nearly every row names someone and has an amount: then it is neither a 合计 nor a footer row.
    if (!(cWho >= 0 && namesSomeone(grid.value(r, cWho))) && isTotalRow(grid, r, columns)) continue;
    if (!(cAmount >= 0 && typeof grid.value(r, cAmount) === 'number')) {
      const footer = footerKind(grid, r, columns);
      if (footer === 'merged') mergedRows.push(r);
      if (footer !== null) continue;
    }
    const i = n++;
    row[i] = r;
    if (cPerson >= 0 && !blankText(filled(r, cPerson))) named[i] = 1;
    // An 18-character ID of digits (and X) and a short 户号 of letters and digits are already clean:
    // numbering them checks that on the way, so such a text is read once.
    if (cId < 0) idKeys.add(i, null);
    else {
      const v = filled(r, cId);
      if (!(typeof v === 'string' && idKeys.addShaped(i, v))) idKeys.add(i, plain(v));
    }
    if (cHousehold < 0) householdKeys.add(i, null);
    else {
      const v = filled(r, cHousehold);
      if (!(typeof v === 'string' && householdKeys.addClean(i, v))) householdKeys.add(i, plain(v));
    }
    categoryIds[i] = cCategory < 0 ? -1 : categories.of(filled(r, cCategory));
    reasonIds[i] = cReason < 0 ? -1 : reasons.of(filled(r, cReason));
    formIds[i] = cForm < 0 ? -1 : forms.of(filled(r, cForm));
    amountFen[i] = money(r, cAmount, amountScale);
    costFen[i] = money(r, cCost, costScale);
    applicationDate[i] = dateOf(r, cApplication, dApplication);
    auditDate[i] = dateOf(r, cAudit, dAudit);
    paymentDate[i] = dateOf(r, cPayment, dPayment);
    entryDate[i] = dateOf(r, cEntry, dEntry);
  }
  const rows = row.subarray(0, n);
  const lastPayment = n > 0 ? rows[n - 1] : -1;
  // Among the payments, a merged row holding a number (its 序号) or starting in a payment column is a
  // payment merged by accident; one holding a heading (一、季度救助) in the 序号 column is a section title.
  const fieldColumns = new Set(Object.values(columns));
  const unread: UnreadRow[] = [];
  for (const r of mergedRows) {
    if (r > lastPayment) break;
    const area = grid.mergeAt(r, firstMergedColumn(grid, r)) as CellRange;
    const value = grid.value(area.top, area.left);
    if (typeof value === 'number' || fieldColumns.has(area.left)) unread.push({ row: r, range: area, value });
  }
  const texts: { category: TextIndex; reason: TextIndex; form: TextIndex } = {
    category: { ids: categoryIds.subarray(0, n), values: categories.values },
    reason: { ids: reasonIds.subarray(0, n), values: reasons.values },
    form: { ids: formIds.subarray(0, n), values: forms.values },
  };
  const keys = { idNumber: idKeys.done(n), household: householdKeys.done(n) };
  const personNamed = named.subarray(0, n);
  // Texts are read again from the sheet when asked, as the loop above read them (see Ledger.text).
  const text = (field: TextField, i: number): string | null => {
    if (field === 'category' || field === 'reason' || field === 'form') {
      const k = texts[field].ids[i];
      return k < 0 ? null : texts[field].values[k];
    }
    const c = columns[field];
    return c === undefined ? null : plain(filled(rows[i], c));
  };
  const hasText = (field: TextField, i: number): boolean => {
    switch (field) {
      case 'person':
        return personNamed[i] === 1;
      case 'idNumber':
      case 'household':
        return keys[field].groups[i] >= 0;
      default:
        return texts[field].ids[i] >= 0;
    }
  };
  return {
    sheet: table.sheet,
    headerRow: table.headerRow,
    columns,
    length: n,
    row: rows,
    text,
    hasText,
    amountFen: amountFen.subarray(0, n),
    costFen: costFen.subarray(0, n),
    applicationDate: applicationDate.subarray(0, n),
    auditDate: auditDate.subarray(0, n),
    paymentDate: paymentDate.subarray(0, n),
    entryDate: entryDate.subarray(0, n),
    raw: (i, field) => get(field, rows[i]),
    texts,
    keys,
    unread,
  };
}

/** Code units a trimmed text may start with and still be blank or a 合计 label: whitespace, 合 总 小 本 累. */
function mayBeTotalStart(c: number): boolean {
  return c <= 0x20 || (c >= 0x7f && c <= 0x3000) || c === 0xfeff || c === 0x5408 || c === 0x603b || c === 0x5c0f || c === 0x672c || c === 0x7d2f;
}

/**
 * True when the cell certainly names someone: a number or other non-text value, or text that starts with a
 * character that is neither whitespace nor the first of a 合计 label. isTotalRow is false for such a row.
 */
function namesSomeone(v: CellScalar): boolean {
  if (v === null) return false;
  if (typeof v !== 'string') return true;
  return v.length > 0 && !mayBeTotalStart(v.charCodeAt(0));
}

const FOOTER = /经办人|审核人|制表人|填表人|负责人|分管领导|制表日期|填报日期|备注[:：]|说明[:：]/;

/**
 * Signature lines and notes under a ledger (经办人： 审核人：) are not payments: they have no amount and
 * either say so (`'text'`) or are one merged cell across the row (`'merged'`; readLedger tells a note
 * below the payments from a payment merged by accident among them). Null for any other row.
 */
function footerKind(grid: SheetGrid, r: number, columns: Partial<Record<LedgerField, number>>): 'text' | 'merged' | null {
  if (columns.amount !== undefined && !isBlank(grid.value(r, columns.amount))) return null;
  const len = Math.min(grid.rowLength(r), 30);
  let merged: ReturnType<SheetGrid['mergeAt']> | null = null;
  let onlyOneMerge = true;
  for (let c = 0; c < len; c++) {
    const v = grid.value(r, c);
    if (typeof v === 'string' && FOOTER.test(v)) return 'text';
    if (isBlank(v)) continue;
    const m = grid.mergeAt(r, c);
    if (!m || (merged && m !== merged)) onlyOneMerge = false;
    merged = m ?? null;
  }
  return onlyOneMerge && merged !== null && merged.right - merged.left >= 2 ? 'merged' : null;
}

/** The column of the first non-blank cell of a row footerKind found merged (that cell is in the merge). */
function firstMergedColumn(grid: SheetGrid, r: number): number {
  const len = Math.min(grid.rowLength(r), 30);
  for (let c = 0; c < len; c++) if (!isBlank(grid.value(r, c))) return c;
  return 0;
}

/**
 * Already-clean text (CJK, digits, latin letters, and · ( ) -) skips NFKC: the test of
 * /^[\u4e00-\u9fa5A-Za-z0-9·()\-]+$/, on the code units, with no regular expression.
 */
function isClean(v: string): boolean {
  const len = v.length;
  if (len === 0) return false;
  for (let k = 0; k < len; k++) {
    const c = v.charCodeAt(k);
    if (c >= 0x4e00) {
      if (c > 0x9fa5) return false;
    } else if (c >= 0x61) {
      if (c > 0x7a && c !== 0xb7) return false;
    } else if (c >= 0x41) {
      if (c > 0x5a) return false;
    } else if (c >= 0x30) {
      if (c > 0x39) return false;
    } else if (c !== 0x28 && c !== 0x29 && c !== 0x2d) return false;
  }
  return true;
}

/** True when `plain(v)` is null, without making the text in the usual case (a name of CJK characters). */
function blankText(v: CellScalar): boolean {
  if (v === null) return true;
  if (typeof v === 'string' && v.length > 0 && !mayBeBlankStart(v.charCodeAt(0))) return false;
  return plain(v) === null;
}

/** Code units a text may start with and still be blank after normalising: whitespace and its kin. */
function mayBeBlankStart(c: number): boolean {
  return c <= 0x20 || (c >= 0x7f && c <= 0x3000) || c >= 0xfe00;
}

/** Already-clean text is kept as it is; anything else is normalised (NFKC, spaces); empty is null. */
function plain(v: CellScalar): string | null {
  if (v === null) return null;
  if (typeof v === 'string') {
    if (isClean(v)) return v;
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
