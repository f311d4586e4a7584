/**
 * Table detection: finds header rows anywhere in a sheet (several tables per sheet are normal: the
 * 自评表 has a budget block and an indicator block; targets and actuals may stand side by side), reads
 * which column holds what, and decides where each table's body ends. Every table says why it was read
 * the way it was (`because`), for the report, the pane and the refusal message.
 */
import { columnLetters } from '../address';
import type { CellRange, SheetSnapshot, TableRole } from '../snapshot';
import { BUDGET_KINDS, classifyHeader, statedUnits, type ColumnKind, type HeaderMatch } from './columnKinds';
import { isBlank, SheetGrid } from './sheetGrid';
import { normalizeText } from '../parse/text';
import { parseNumber } from '../parse/number';
import { kindLabel, VOCABULARY } from './vocabulary';
import { computable } from '../model/computable';

export interface TableColumn {
  col: number;
  kind: ColumnKind;
  /** Multiplier from a money unit in the header, e.g. 10000 for （万元）. */
  scale: number;
  /** The money unit the header states, or null. */
  moneyUnit: string | null;
  /** A unit of count or rate the header states (`%`, `人`), applied to bare numbers of the column. */
  unit: string | null;
  header: string;
  /** The vocabulary word that decided the kind. */
  word: string;
}

/** A header cell read as a kind but not used, because another column of the same kind fits better. */
export interface UnusedColumn {
  col: number;
  header: string;
  /** The column used instead, if the unused one competed with it. */
  instead: TableColumn | null;
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
  /** Columns with header words the add-in does not read for this table (上年指标值, a second 得分). */
  unused: UnusedColumn[];
  /** A money unit stated for the whole table rather than one column (`项目资金（万元）`, `单位：万元`). */
  tableUnit: StatedUnit | null;
  /** A budget's amounts: the unit they are read in, and whether a stated unit was overruled. */
  amountUnit: AmountUnit | null;
  role: TableRole;
  confidence: number;
  /** Why the table was read this way, in one Chinese sentence: `预算表：表头 预算数、执行数，单位 万元`. */
  because: string;
}

export interface StatedUnit {
  scale: number;
  unit: string;
  /** The header or note that states it. */
  header: string;
}

export interface AmountUnit {
  /** Multiplier to 元. */
  scale: number;
  unit: string;
  /**
   * The unit the workbook states but the figures contradict: 6,000,000.00 under 项目资金（万元） would be
   * 600 亿元, so the figures are read in 元. `cell` holds the figure that decided it.
   */
  overruled: { stated: StatedUnit; value: number; row: number; col: number } | null;
}

/** How far right a header row is read. Wider sheets exist, but no header of ours sits past column 60. */
const MAX_HEADER_COLS = 60;

interface HeaderCell extends HeaderMatch {
  col: number;
}

/** One header row split into the tables standing side by side in it. */
interface HeaderRow {
  row: number;
  segments: Segment[];
}

interface Segment {
  left: number;
  right: number;
  cells: HeaderCell[];
  /** Words in the row that state a unit for the whole table. */
  tableUnit: StatedUnit | null;
}

/** The text of a header cell: its own, or a vertically merged label from the row above. */
function headerText(grid: SheetGrid, r: number, c: number): string | null {
  const own = grid.value(r, c);
  if (typeof own === 'string' && own.trim()) return own;
  if (!isBlank(own)) return null;
  const m = grid.mergeAt(r, c);
  if (m && m.top < r && m.left === c) {
    const v = grid.value(m.top, m.left);
    return typeof v === 'string' && v.trim() ? v : null;
  }
  return null;
}

/** A label merged across columns in the row above a header (`资金情况（万元）` over 预算数 | 执行数). */
function groupLabelAbove(grid: SheetGrid, r: number, c: number): string | null {
  if (r === 0) return null;
  const m = grid.mergeAt(r - 1, c);
  if (!m || m.bottom !== r - 1 || m.right === m.left) return null;
  const v = grid.value(m.top, m.left);
  return typeof v === 'string' && v.trim() ? v : null;
}

type Cache = Map<string, HeaderMatch | null>;

function classify(text: string, cache: Cache): HeaderMatch | null {
  let m = cache.get(text);
  if (m === undefined) {
    m = classifyHeader(text);
    cache.set(text, m);
  }
  return m;
}

/**
 * Reads a row's header cells, with a label from the row above where the header has two rows; null when
 * the row is not a header. A header of a table the add-in does not read (a 评价情况总表) still counts: it
 * ends the table above it.
 */
function readHeaderRow(grid: SheetGrid, r: number, cache: Cache, upper: number | null): HeaderRow | null {
  // A label merged down from the row above may stand past this row's last own cell.
  const len = Math.min(Math.max(grid.rowLength(r), r > 0 ? grid.rowLength(r - 1) : 0), MAX_HEADER_COLS);
  const cells: (HeaderCell | 'text' | null)[] = [];
  let strings = 0;
  let classified = 0;
  /** Cells that name a kind by their own text: a lower header line must, not only through the line above. */
  let ownClassified = 0;
  const unitWords: { col: number; scale: number; unit: string; header: string }[] = [];
  for (let c = 0; c < len; c++) {
    if (typeof grid.value(r, c) === 'number') return null; // header rows hold words, not figures
    const own = headerText(grid, r, c);
    if (own === null) {
      cells.push(null);
      continue;
    }
    strings++;
    // The line above a two-row header can decide the kind (预算数 over 年初 | 调整后); a label merged
    // across columns above a one-line header (资金情况（万元）, or the sheet's title) only gives its unit.
    const above = upper === null ? groupLabelAbove(grid, r, c) : stringAt(grid, upper, c);
    let m = classify(own, cache);
    if (m) ownClassified++;
    if (above && above !== own) {
      const joined = upper === null ? null : classify(`${above} ${own}`, cache);
      const aboveUnits = statedUnits(above);
      if (joined && (!m || joined.word.length > m.word.length)) m = joined;
      if (m && m.moneyUnit === null && aboveUnits.moneyUnit !== null) {
        m = { ...m, scale: aboveUnits.scale, moneyUnit: aboveUnits.moneyUnit };
      }
      if (m && m.unit === null && aboveUnits.unit !== null) m = { ...m, unit: aboveUnits.unit };
    }
    if (m) {
      classified++;
      cells.push({ ...m, col: c });
    } else {
      cells.push('text');
      const u = statedUnits(own);
      if (u.moneyUnit) unitWords.push({ col: c, scale: u.scale, unit: u.moneyUnit, header: normalizeText(own) });
    }
  }
  if (strings < 2 || classified < 2 || ownClassified < (upper === null ? 0 : 2)) return null;
  const segments = splitSideBySide(cells, unitWords);
  return segments.length > 0 ? { row: r, segments } : null;
}

function stringAt(grid: SheetGrid, r: number, c: number): string | null {
  const v = grid.filled(r, c);
  return typeof v === 'string' && v.trim() ? v : null;
}

/**
 * Splits a header row where it holds two tables side by side (targets in A:E, actuals in H:J): at a
 * blank header cell, when the cells on each side make a table of their own. A row that reads as one
 * table stays one table.
 */
function splitSideBySide(
  cells: (HeaderCell | 'text' | null)[],
  unitWords: { col: number; scale: number; unit: string; header: string }[],
): Segment[] {
  const runs: { left: number; right: number }[] = [];
  for (let c = 0; c < cells.length; c++) {
    if (cells[c] === null) continue;
    const last = runs[runs.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else runs.push({ left: c, right: c });
  }
  const make = (left: number, right: number): Segment => {
    const own = cells.slice(left, right + 1).filter((x): x is HeaderCell => x !== null && x !== 'text');
    const unit = unitWords.find((u) => u.col >= left && u.col <= right) ?? null;
    return { left, right, cells: own, tableUnit: unit && { scale: unit.scale, unit: unit.unit, header: unit.header } };
  };
  const readable = (s: Segment) => {
    const kinds = new Set(s.cells.map((x) => x.kind));
    return roleFor(kinds) !== null || kinds.has('factor');
  };
  // Grow segments left to right; cut at a gap when what is on both sides reads as a table.
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i < runs.length; i++) {
    const left = make(runs[start].left, runs[i - 1].right);
    const rest = make(runs[i].left, runs[runs.length - 1].right);
    if (readable(left) && readable(rest)) {
      segments.push(left);
      start = i;
    }
  }
  if (runs.length > 0) {
    const last = make(runs[start].left, runs[runs.length - 1].right);
    if (readable(last)) segments.push(last);
  }
  return segments;
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
  // 一级 | 二级 | 分值 | 自评分: the unit's own scores with no figures to compute them from.
  if ((has('level2') || has('name')) && has('weight') && has('selfScore')) {
    return { role: 'selfEvaluation', confidence: conf(count(['level1', 'level2', 'name', 'weight', 'selfScore']), 5) };
  }
  // An evaluator's score sheet needs its 得分 column: 一级指标 | 分值 | 评分说明 is a weights table in a
  // 填报说明, not an evaluation.
  if (has('level1') && has('weight') && (has('score') || has('selfScore'))) {
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

/**
 * One column per kind: where two headers name the same kind, the one whose header is most nearly the
 * kind's word wins (指标值 over 指标值说明), then the leftmost. Columns of last year's figures are never read.
 */
function chooseColumns(cells: HeaderCell[]): { columns: TableColumn[]; unused: UnusedColumn[] } {
  const fit = (c: HeaderCell) => c.word.length / Math.max(1, c.text.replace(/\([^()]*\)|\s/g, '').length);
  const byKind = new Map<ColumnKind, HeaderCell>();
  for (const c of cells) {
    const prev = byKind.get(c.kind);
    if (!prev || fit(c) > fit(prev) + 1e-9) byKind.set(c.kind, c);
  }
  const columns: TableColumn[] = [];
  const unused: UnusedColumn[] = [];
  for (const c of cells) {
    const chosen = byKind.get(c.kind)!;
    const column: TableColumn = {
      col: c.col, kind: c.kind, scale: c.scale, moneyUnit: c.moneyUnit, unit: c.unit, header: c.text, word: c.word,
    };
    if (c.kind === 'lastYearTarget' || c.kind === 'lastYearActual') unused.push({ col: c.col, header: c.text, instead: null });
    else if (chosen === c) columns.push(column);
    else unused.push({ col: c.col, header: c.text, instead: null });
  }
  for (const u of unused) {
    const kind = cells.find((c) => c.col === u.col)!.kind;
    const counterpart = kind === 'lastYearTarget' ? 'target' : kind === 'lastYearActual' ? 'actual' : kind;
    u.instead = columns.find((c) => c.kind === counterpart) ?? null;
  }
  return { columns, unused };
}

/** Finds every table in one sheet. */
export function detectTablesInSheet(sheet: SheetSnapshot, grid = new SheetGrid(sheet)): DetectedTable[] {
  const cache: Cache = new Map();
  const headers: HeaderRow[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const prev = headers[headers.length - 1];
    // A second header line directly under the first (two-row headers): read it with the line above.
    if (prev && prev.row === r - 1) {
      const joined = isSubHeader(grid, r) ? readHeaderRow(grid, r, cache, r - 1) : null;
      if (joined) {
        headers[headers.length - 1] = joined;
        continue;
      }
    }
    const row = readHeaderRow(grid, r, cache, null);
    if (row) headers.push(row);
  }
  const tables: DetectedTable[] = [];
  for (let i = 0; i < headers.length; i++) {
    const { row, segments } = headers[i];
    const limit = i + 1 < headers.length ? headers[i + 1].row - 1 : grid.rowCount - 1;
    segments.forEach((seg, k) => {
      const kinds = new Set(seg.cells.map((c) => c.kind));
      const role = roleFor(kinds);
      if (!role) return;
      const { columns, unused } = chooseColumns(seg.cells);
      const bodyEnd = role.role === 'budget' ? budgetBodyEnd(grid, row, limit, columns) : trimBlank(grid, row, limit);
      const left = k === 0 ? 0 : seg.left;
      const right = k === segments.length - 1 ? Math.max(seg.right, Math.min(grid.rowLength(row) - 1, MAX_HEADER_COLS)) : seg.right;
      const table: DetectedTable = {
        sheet: sheet.name,
        sheetIndex: sheet.index,
        headerRow: row,
        bodyStart: row + 1,
        bodyEnd,
        range: { top: row, left, bottom: Math.max(row, bodyEnd), right },
        columns: columns.sort((a, b) => a.col - b.col),
        unused,
        tableUnit: seg.tableUnit ?? unitNoteAbove(grid, row),
        amountUnit: null,
        role: role.role,
        confidence: role.confidence,
        because: '',
      };
      if (role.role === 'budget') table.amountUnit = budgetAmountUnit(grid, table);
      table.because = describeReading(table);
      tables.push(table);
    });
  }
  return tables;
}

/** The lower line of a two-row header holds words only (no figures) and sits directly under the first. */
function isSubHeader(grid: SheetGrid, r: number): boolean {
  const len = Math.min(grid.rowLength(r), MAX_HEADER_COLS);
  for (let c = 0; c < len; c++) if (typeof grid.value(r, c) === 'number') return false;
  return true;
}

/** `单位：万元` (or `（单位：元）`) in one of the three rows above a table's header. */
function unitNoteAbove(grid: SheetGrid, header: number): { scale: number; unit: string; header: string } | null {
  for (let r = header - 1; r >= Math.max(0, header - 3); r--) {
    const len = Math.min(grid.rowLength(r), MAX_HEADER_COLS);
    for (let c = 0; c < len; c++) {
      const v = grid.value(r, c);
      if (typeof v !== 'string' || !/单位/.test(v)) continue;
      const u = statedUnits(v);
      if (u.moneyUnit) return { scale: u.scale, unit: u.moneyUnit, header: normalizeText(v) };
    }
  }
  return null;
}

const ROLE_NAMES: Record<TableRole, string> = {
  budget: '预算表',
  targets: '绩效目标表',
  actuals: '实际完成表',
  selfEvaluation: '自评表',
  indexSystem: '评价指标体系',
  ledger: '发放明细',
  rules: '规则表',
};

/** `预算表：表头 预算数、执行数，单位 万元；未用“上年指标值”（D 列），指标值取“年度指标值”（E 列）`. */
export function describeReading(t: DetectedTable): string {
  const parts = [`${ROLE_NAMES[t.role]}：表头 ${t.columns.map((c) => c.header).join('、')}`];
  const a = t.amountUnit;
  if (a?.overruled) {
    const shown = a.overruled.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    parts.push(`金额按元计（“${a.overruled.stated.header}”写${a.overruled.stated.unit}，但 ${shown} 明显以元填写）`);
  } else if (a) {
    const stated = t.columns.find((c) => c.moneyUnit !== null) ? '' : t.tableUnit ? `（据“${t.tableUnit.header}”）` : '（表头未标单位）';
    parts.push(`单位 ${a.unit}${stated}`);
  } else {
    const money = [...new Set(t.columns.filter((c) => c.moneyUnit).map((c) => c.moneyUnit))];
    if (money.length > 0) parts.push(`单位 ${money.join('、')}`);
  }
  for (const u of t.unused) {
    const instead = u.instead ? `，${kindLabel(u.instead.kind)}取“${u.instead.header}”（${columnLetters(u.instead.col)} 列）` : '';
    parts.push(`未用“${u.header}”（${columnLetters(u.col)} 列）${instead}`);
  }
  return parts.join('；');
}

/**
 * The unit a budget's amounts are in: what a column header states (`执行数（万元）`), else what the table
 * states (`项目资金（万元）`, `单位：万元`), else 元. A stated 万元 that would make an amount 10 亿元 or more
 * (6,000,000.00 under 项目资金（万元）) is not believed: the figures are read in 元, and the report says so.
 */
export function budgetAmountUnit(grid: SheetGrid, t: DetectedTable): AmountUnit {
  const amountCols = t.columns.filter((c) => c.kind === 'budgetInitial' || c.kind === 'budgetAdjusted' || c.kind === 'budgetExecuted');
  const column = amountCols.find((c) => c.moneyUnit !== null);
  const stated: StatedUnit | null = column ? { scale: column.scale, unit: column.moneyUnit!, header: column.header } : t.tableUnit;
  if (!stated) return { scale: 1, unit: '元', overruled: null };
  let largest = { value: 0, row: -1, col: -1 };
  for (let r = t.bodyStart; r <= t.bodyEnd; r++) {
    for (const c of amountCols) {
      const n = parseNumber(grid.value(r, c.col), grid.format(r, c.col));
      // A figure too large to compute with is refused when the model is built; it decides no unit.
      if (n !== null && computable(n) && Math.abs(n) > largest.value) largest = { value: Math.abs(n), row: r, col: c.col };
    }
  }
  if (stated.scale > 1 && largest.value * stated.scale >= VOCABULARY.implausibleBudgetYuan) {
    return { scale: 1, unit: '元', overruled: { stated, ...largest } };
  }
  return { scale: stated.scale, unit: stated.unit, overruled: null };
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

