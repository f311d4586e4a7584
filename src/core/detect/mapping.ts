/**
 * Mapping: every table in the workbook with its role and confidence, after the user's overrides.
 * The add-in's own sheets, found by their mark whatever they are called now, are never mapped (they are
 * outputs, read only for explanations).
 */
import { parseRangeA1, rangeA1 } from '../address';
import type { Finding } from '../findings';
import { findOwnSheets, type OwnSheets } from '../output/ownSheets';
import type { MappingOverride, WorkbookSnapshot } from '../snapshot';
import { classifyHeader } from './columnKinds';
import { SheetGrid } from './sheetGrid';
import { describeReading, detectTablesInSheet, type DetectedTable, type TableColumn } from './tables';

export interface MappedTable extends DetectedTable {
  /** True when the role comes from the user's override rather than detection. */
  overridden: boolean;
}

export interface Mapping {
  tables: MappedTable[];
  grids: Map<string, SheetGrid>;
  findings: Finding[];
  /** Sheets looked at, for the "nothing found" message. */
  searchedSheets: string[];
}

export function mapWorkbook(
  snapshot: WorkbookSnapshot,
  overrides: MappingOverride[] = [],
  own: OwnSheets = findOwnSheets(snapshot),
): Mapping {
  const tables: MappedTable[] = [];
  const grids = new Map<string, SheetGrid>();
  const findings: Finding[] = [];
  const searchedSheets: string[] = [];
  if (snapshot.stateProblem !== undefined) findings.push(stateSetAside(snapshot.stateProblem));
  if (snapshot.mergesUnread) findings.push(MERGES_UNREAD);
  for (const sheet of snapshot.sheets) {
    if (own.isOutput(sheet.name)) continue;
    const sheetOverrides = overrides.filter((o) => o.sheet === sheet.name);
    if (sheet.hidden && sheetOverrides.length === 0) continue;
    searchedSheets.push(sheet.name);
    const grid = new SheetGrid(sheet);
    grids.set(sheet.name, grid);
    const detected: MappedTable[] = detectTablesInSheet(sheet, grid).map((t) => ({ ...t, overridden: false }));
    for (const o of sheetOverrides) applyOverride(o, detected, grid, findings);
    tables.push(...detected);
  }
  for (const o of overrides) {
    if (!snapshot.sheets.some((s) => s.name === o.sheet)) {
      findings.push({
        rule: 'mapping-override', severity: 'warning', sheet: o.sheet, cell: o.range ?? '', row: 0,
        value: o.role, allowed: null, message: `映射设置指向的工作表“${o.sheet}”不存在，已忽略该设置。`,
      });
    }
  }
  return { tables, grids, findings, searchedSheets };
}

/** Excel below ExcelApi 1.13 cannot tell the add-in which cells are merged. */
const MERGES_UNREAD: Finding = {
  rule: 'merges-unread', severity: 'info', sheet: '', cell: '', row: 0, value: null, allowed: null,
  message:
    '此版本的 Excel（低于 ExcelApi 1.13）无法读取合并单元格：用合并单元格排版的表格（如纵向合并的一级、二级指标）可能识别不全。' +
    '请核对“识别的表格”和评分明细；在 Microsoft 365 或 Excel 2021 及以后的版本中评分可避免此问题。',
};

/**
 * The add-in's memory in the workbook was damaged or edited: it is ignored as a whole (its sheets and
 * highlights are not trusted, mapping overrides not applied), and the officer is told once.
 */
function stateSetAside(problem: string): Finding {
  return {
    rule: 'invalid-state', severity: 'info', sheet: '', cell: '', row: 0, value: problem, allowed: null,
    message: `工作簿中保存的评分记录（隐藏工作表“_jixiao_state”）已损坏或被改动（${problem}），本次按首次评分处理：以前的映射设置不再适用，以前的标记无法自动清除。`,
  };
}

/**
 * Whether a mapping override applies to the table whose header row is `headerRow` on `sheet`: an
 * override without a range covers every table of its sheet; with one, the tables whose header row it
 * spans; with a range that is not a range, none (mapWorkbook reports it). The pane's 识别的表格 list
 * (app/detectTables.ts) asks the same.
 */
export function overrideCovers(o: MappingOverride, sheet: string, headerRow: number): boolean {
  if (o.sheet !== sheet) return false;
  if (!o.range) return true;
  const range = parseRangeA1(o.range);
  return range !== null && headerRow >= range.top && headerRow <= range.bottom;
}

function applyOverride(o: MappingOverride, tables: MappedTable[], grid: SheetGrid, findings: Finding[]): void {
  const range = o.range ? parseRangeA1(o.range) : null;
  if (o.range && !range) {
    findings.push({
      rule: 'mapping-override', severity: 'warning', sheet: o.sheet, cell: o.range, row: 0, value: o.range,
      allowed: '如 A12:H43', message: `映射设置中的区域“${o.range}”不是有效的单元格区域，已忽略该设置。`,
    });
    return;
  }
  const hits = tables.filter((t) => overrideCovers(o, t.sheet, t.headerRow));
  if (hits.length > 0) {
    for (const t of hits) {
      if (o.role === 'ignore') tables.splice(tables.indexOf(t), 1);
      else Object.assign(t, { role: o.role, confidence: 1, overridden: true, because: `用途由映射设置指定；${t.because}` });
    }
    return;
  }
  if (o.role === 'ignore' || !range) return;
  // Nothing detected there: take the range's first row as the header, as the user says.
  const columns: TableColumn[] = [];
  for (let c = range.left; c <= range.right; c++) {
    const v = grid.value(range.top, c);
    const m = typeof v === 'string' ? classifyHeader(v) : null;
    if (m && !columns.some((x) => x.kind === m.kind)) {
      columns.push({ col: c, kind: m.kind, scale: m.scale, moneyUnit: m.moneyUnit, unit: m.unit, header: m.text, word: m.word });
    }
  }
  if (columns.length === 0) {
    findings.push({
      rule: 'mapping-override', severity: 'warning', sheet: o.sheet, cell: rangeA1(range), row: range.top + 1,
      value: null, allowed: null,
      message: `映射设置把“${o.sheet}”!${rangeA1(range)} 设为表格，但其首行没有可识别的表头（如 指标名称、指标值、分值），已忽略。`,
    });
    return;
  }
  const table: MappedTable = {
    sheet: o.sheet, sheetIndex: grid.index, headerRow: range.top, bodyStart: range.top + 1, bodyEnd: range.bottom,
    range, columns, unused: [], tableUnit: null, amountUnit: null, role: o.role, confidence: 1, overridden: true, because: '',
  };
  table.because = `用途由映射设置指定；${describeReading(table)}`;
  tables.push(table);
}
