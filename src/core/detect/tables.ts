/**
 * Table detection: finds header rows anywhere in a sheet (several tables per sheet are normal: the
 * 自评表 has a budget block and an indicator block), reads which column holds what, and decides where
 * each table's body ends.
 */
import { rangeA1 } from '../address';
import type { CellRange, SheetSnapshot, TableRole } from '../snapshot';
import { BUDGET_KINDS, classifyHeader, type ColumnKind, type HeaderMatch } from './columnKinds';
import { isBlank, SheetGrid } from './sheetGrid';

export interface TableColumn {
  col: number;
  kind: ColumnKind;
  /** Multiplier from a unit in the header, e.g. 10000 for （万元）. */
  scale: number;
  header: string;
}

export interface DetectedTable {
  sheet: string;
  sheetIndex: number;
  headerRow: number;
  /** First and last body rows (0-based, inclusive); `bodyEnd < bodyStart` for a header with no rows. */
  bodyStart: number;
  bodyEnd: number;
  range: CellRange;
  columns: TableColumn[];
  role: TableRole;
  confidence: number;
}

/** How far right a header row is read. Wider sheets exist, but no header of ours sits past column 60. */
const MAX_HEADER_COLS = 60;

/**
 * Reads a row's header cells; null when the row is not a header. A header of a table the add-in does
 * not read (a 评价情况总表) still counts: it ends the table above it.
 */
export function readHeaderRow(grid: SheetGrid, r: number, cache: Map<string, HeaderMatch | null>): TableColumn[] | null {
  const len = Math.min(grid.rowLength(r), MAX_HEADER_COLS);
  if (len < 2) return null;
  const columns: TableColumn[] = [];
  let strings = 0;
  for (let c = 0; c < len; c++) {
    const v = grid.value(r, c);
    if (typeof v === 'number') return null; // header rows hold words, not figures
    if (typeof v !== 'string') continue;
    strings++;
    let m = cache.get(v);
    if (m === undefined) {
      m = classifyHeader(v);
      cache.set(v, m);
    }
    if (m) columns.push({ col: c, kind: m.kind, scale: m.scale, header: m.text });
  }
  if (strings < 2 || columns.length < 2) return null;
  const kinds = new Set(columns.map((c) => c.kind));
  return roleFor(kinds) || kinds.has('factor') ? dedupeKinds(columns) : null;
}

/** When a header repeats a kind (两列 "得分"), the first is the one the add-in reads. */
function dedupeKinds(columns: TableColumn[]): TableColumn[] {
  const seen = new Set<ColumnKind>();
  return columns.filter((c) => {
    if (seen.has(c.kind)) return false;
    seen.add(c.kind);
    return true;
  });
}

/** The role a set of header kinds implies, with a confidence; null when it implies none. */
export function roleFor(kinds: ReadonlySet<ColumnKind>): { role: TableRole; confidence: number } | null {
  const has = (k: ColumnKind) => kinds.has(k);
  const count = (ks: ColumnKind[]) => ks.filter(has).length;
  const budget = count(['budgetInitial', 'budgetAdjusted', 'budgetExecuted']);
  if (budget >= 2) return { role: 'budget', confidence: conf(budget + count(['executionRate', 'fundSource', 'weight']), 5) };
  const named = has('name') || has('level1');
  if (has('ruleId')) return { role: 'rules', confidence: 1 };
  if (named && has('target') && has('actual')) {
    return { role: 'selfEvaluation', confidence: conf(count(['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'explanation']), 8) };
  }
  if (named && has('target') && (has('weight') || has('level1') || has('level2'))) {
    return { role: 'targets', confidence: conf(count(['level1', 'level2', 'name', 'target', 'weight']), 5) };
  }
  if (has('name') && has('actual')) return { role: 'actuals', confidence: conf(count(['name', 'actual', 'explanation']), 2) };
  if (has('level1') && has('weight') && (has('score') || has('selfScore') || has('level2') || has('name'))) {
    return { role: 'indexSystem', confidence: conf(count(['level1', 'level2', 'name', 'weight', 'score', 'criteria']), 6) };
  }
  const ledger = count(['person', 'idNumber', 'category', 'amount', 'paymentDate', 'auditDate', 'household', 'reason']);
  if (has('amount') && (has('person') || has('idNumber')) && ledger >= 3) {
    return { role: 'ledger', confidence: conf(ledger, 6) };
  }
  return null;
}

function conf(found: number, expected: number): number {
  return Math.round(Math.min(1, 0.5 + (0.5 * found) / expected) * 100) / 100;
}

/** Finds every table in one sheet. */
export function detectTablesInSheet(sheet: SheetSnapshot, grid = new SheetGrid(sheet)): DetectedTable[] {
  const cache = new Map<string, HeaderMatch | null>();
  const headers: { row: number; columns: TableColumn[] }[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const columns = readHeaderRow(grid, r, cache);
    if (!columns) continue;
    const prev = headers[headers.length - 1];
    // A second header line directly under the first (two-row headers) extends it instead.
    if (prev && prev.row === r - 1 && extendsHeader(prev.columns, columns)) {
      const known = new Set(prev.columns.map((c) => c.col));
      const kinds = new Set(prev.columns.map((c) => c.kind));
      for (const c of columns) if (!known.has(c.col) && !kinds.has(c.kind)) prev.columns.push(c);
      prev.row = r;
      continue;
    }
    headers.push({ row: r, columns });
  }
  const tables: DetectedTable[] = [];
  for (let i = 0; i < headers.length; i++) {
    const { row, columns } = headers[i];
    const kinds = new Set(columns.map((c) => c.kind));
    const role = roleFor(kinds);
    if (!role) continue;
    const limit = i + 1 < headers.length ? headers[i + 1].row - 1 : grid.rowCount - 1;
    const bodyEnd = role.role === 'budget' ? budgetBodyEnd(grid, row, limit, columns) : trimBlank(grid, row, limit);
    const left = Math.min(...columns.map((c) => c.col));
    let right = Math.max(...columns.map((c) => c.col));
    right = Math.max(right, Math.min(grid.rowLength(row) - 1, MAX_HEADER_COLS));
    tables.push({
      sheet: sheet.name,
      sheetIndex: sheet.index,
      headerRow: row,
      bodyStart: row + 1,
      bodyEnd,
      range: { top: row, left: Math.min(left, 0), bottom: Math.max(row, bodyEnd), right },
      columns: columns.sort((a, b) => a.col - b.col),
      role: role.role,
      confidence: role.confidence,
    });
  }
  return tables;
}

function extendsHeader(first: TableColumn[], second: TableColumn[]): boolean {
  const cols = new Set(first.map((c) => c.col));
  return second.some((c) => !cols.has(c.col));
}

/** Last non-blank row of a body, at most `limit`. */
function trimBlank(grid: SheetGrid, header: number, limit: number): number {
  let end = limit;
  while (end > header && grid.isBlankRow(end)) end--;
  return end;
}

/**
 * Budget blocks are compact: the body is the rows that carry an amount in a budget column, and it ends
 * at the first row that carries none (the 自评表 goes straight on to 年度总体目标 and 总分值).
 */
function budgetBodyEnd(grid: SheetGrid, header: number, limit: number, columns: TableColumn[]): number {
  const amountCols = columns.filter((c) => BUDGET_KINDS.has(c.kind)).map((c) => c.col);
  let end = header;
  for (let r = header + 1; r <= limit; r++) {
    const label = rowLabel(grid, r, columns);
    const hasAmount = amountCols.some((c) => !isBlank(grid.value(r, c)));
    const isFundRow = label !== null && /其中|结转|其他资金|财政|拨款|经费|合计|总计|资金/.test(label);
    if (!hasAmount && !isFundRow) break;
    end = r;
  }
  return end;
}

/** A row's label: the nearest text left of the table's first read column (own text before merged). */
export function rowLabel(grid: SheetGrid, r: number, columns: TableColumn[]): string | null {
  // The label sits left of the first figure column (a 资金来源 column is a label too).
  const figures = columns.filter((c) => c.kind !== 'fundSource' && c.kind !== 'level1' && c.kind !== 'level2' && c.kind !== 'name');
  const stop = Math.min(...(figures.length > 0 ? figures : columns).map((c) => c.col));
  for (const read of [(c: number) => grid.value(r, c), (c: number) => grid.filled(r, c)]) {
    for (let c = stop - 1; c >= 0; c--) {
      const v = read(c);
      if (typeof v === 'string' && v.trim()) return v;
    }
  }
  return null;
}

export function describeRange(t: DetectedTable): string {
  return rangeA1(t.range);
}
