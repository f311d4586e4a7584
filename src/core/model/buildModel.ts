/**
 * Builds the project model from the mapped tables: the budget block, the indicators with their
 * hierarchy (by columns, by merged cells or by subtotal rows), and targets joined to actuals by name.
 */
import { a1 } from '../address';
import type { ColumnKind } from '../detect/columnKinds';
import type { Mapping, MappedTable } from '../detect/mapping';
import { isBlank, type SheetGrid } from '../detect/sheetGrid';
import { budgetAmountUnit, rowLabel } from '../detect/tables';
import { isSelfTotalLabel, isTotalLabel } from '../detect/vocabulary';
import { quoted, type Finding } from '../findings';
import { parseNumber } from '../parse/number';
import { isPercentFormat } from '../parse/quantity';
import { parseActual, parseTarget, type Actual, type Target } from '../parse/target';
import { cellText, normalizeName, normalizeText } from '../parse/text';
import type { CellScalar } from '../snapshot';
import { computable, outOfRangeFinding } from './computable';
import { isLevel1Name, parseGroupLabel } from './groupLabel';
import type { BudgetModel, GroupModel, IndicatorModel, ProjectKind, ProjectModel, SourceRef } from './types';

export interface ModelResult {
  model: ProjectModel | null;
  findings: Finding[];
  /** Tables the model was built from. */
  used: MappedTable[];
}

export function buildModel(mapping: Mapping): ModelResult {
  const findings: Finding[] = [];
  const byRole = (role: MappedTable['role']) =>
    mapping.tables.filter((t) => t.role === role).sort((a, b) => b.confidence - a.confidence || a.sheetIndex - b.sheetIndex);
  const used: MappedTable[] = [];

  const budgetTable = byRole('budget')[0];
  const budget = budgetTable ? readBudget(budgetTable, grid(mapping, budgetTable), findings) : null;
  if (budgetTable) used.push(budgetTable);

  let kind: ProjectKind | null = null;
  let rows: RowsResult | null = null;
  const self = byRole('selfEvaluation');
  const index = byRole('indexSystem');
  const targets = byRole('targets');
  if (self.length > 0) {
    kind = 'selfEvaluation';
    rows = mergeRows(self.map((t) => readIndicatorRows(t, grid(mapping, t), findings)));
    used.push(...self);
  } else if (index.length > 0) {
    kind = 'indexSystem';
    rows = mergeRows(index.map((t) => readIndicatorRows(t, grid(mapping, t), findings)));
    used.push(...index);
  } else if (targets.length > 0) {
    kind = 'separate';
    rows = mergeRows(targets.map((t) => readIndicatorRows(t, grid(mapping, t), findings)));
    const actuals = byRole('actuals');
    joinActuals(rows.indicators, actuals, mapping, findings);
    used.push(...targets, ...actuals);
  }
  if (!kind || !rows) {
    if (!budget) return { model: null, findings, used };
    kind = 'separate';
    rows = { indicators: [], groups: [] };
  }
  // An index system's totals are the evaluator's, not a self-report.
  const total = kind === 'indexSystem' ? null : findSelfReportedTotal(mapping, used);
  return {
    model: {
      kind,
      budget,
      indicators: rows.indicators,
      groups: rows.groups,
      selfReportedTotal: total?.value ?? null,
      selfReportedTotalRef: total?.ref ?? null,
    },
    findings,
    used,
  };
}

function grid(mapping: Mapping, t: MappedTable): SheetGrid {
  const g = mapping.grids.get(t.sheet);
  if (!g) throw new Error(`internal: no grid for sheet ${t.sheet}`);
  return g;
}

function colOf(t: MappedTable, kind: ColumnKind): number | null {
  const c = t.columns.find((x) => x.kind === kind);
  return c ? c.col : null;
}

/**
 * The number format a figure is read with. A column whose header states a unit (`实际完成值（%）`,
 * `完成值（人）`) gives it to the bare numbers below: 0.5 under （%） is 0.5 %, as the officer typed it.
 */
function formatFor(t: MappedTable, g: SheetGrid, kind: ColumnKind, r: number, c: number): string | undefined {
  const own = g.format(r, c);
  const unit = t.columns.find((x) => x.kind === kind)?.unit;
  if (!unit || typeof g.value(r, c) !== 'number') return own;
  if (own && (isPercentFormat(own) || own.includes('"'))) return own;
  return `0"${unit}"`;
}

function text(v: CellScalar): string {
  return normalizeText(cellText(v));
}

function ref(t: MappedTable, row: number, col: number | null): SourceRef {
  return { sheet: t.sheet, row, col: col ?? -1 };
}

/**
 * Error values in a cell the add-in reads are findings that name the cell; so is a figure too large to
 * compute with (it would turn the sums into Infinity), which is then left out.
 */
function readNumber(
  t: MappedTable, g: SheetGrid, r: number, col: number | null, findings: Finding[], what: string, refused = '已不计入合计',
): number | null {
  if (col === null) return null;
  const v = g.value(r, col);
  if (isBlank(v)) return null;
  const n = parseNumber(v, g.format(r, col));
  if (n === null) {
    findings.push({
      rule: 'unreadable-number', severity: 'warning', sheet: t.sheet, cell: a1(r, col), row: r + 1,
      value: quoted(cellText(v)), allowed: '数字',
      message: `“${t.sheet}”!${a1(r, col)} 的${what}“${quoted(cellText(v))}”不是数字，未参与计算。`,
    });
    return null;
  }
  if (!computable(n)) {
    findings.push(outOfRangeFinding(t.sheet, r, col, what, n, refused));
    return null;
  }
  return n;
}

/** Names that are a 一级 in one framework and a 二级 in another. */
const AMBIGUOUS_LEVEL = new Set(['成本指标']);

/** Rows that sum a table (合计/总计/小计 …) rather than name an indicator. */
function isSumRow(label: string): boolean {
  return isTotalLabel(label) || /^(小计|分值合计)$/.test(label.replace(/\s+/g, ''));
}

// ---------------------------------------------------------------------------------------------- budget

const TOTAL_ROW = /年度资金总额|资金总额|合计|总计/;

function readBudget(t: MappedTable, g: SheetGrid, findings: Finding[]): BudgetModel | null {
  const amountCols = (['budgetInitial', 'budgetAdjusted', 'budgetExecuted'] as const).map((k) => colOf(t, k));
  const candidates: number[] = [];
  for (let r = t.bodyStart; r <= t.bodyEnd; r++) {
    if (amountCols.some((c) => c !== null && !isBlank(g.value(r, c)))) candidates.push(r);
  }
  if (candidates.length === 0) return null;
  const labelled = candidates.find((r) => TOTAL_ROW.test(rowLabel(g, r, t.columns) ?? ''));
  const r = labelled ?? candidates[0];
  const scale = budgetScale(t, g);
  const money = (kind: 'budgetInitial' | 'budgetAdjusted' | 'budgetExecuted', what: string): number | null => {
    const col = colOf(t, kind);
    const n = readNumber(t, g, r, col, findings, what);
    if (n === null) return null;
    const fen = Math.round(n * scale * 100);
    // 9e13 万元 is a computable figure but not a computable number of fen.
    if (!Number.isSafeInteger(fen)) {
      findings.push(outOfRangeFinding(t.sheet, r, col!, what, n, '已不计入合计'));
      return null;
    }
    return fen;
  };
  const explanationCol = colOf(t, 'explanation');
  const explanation = explanationCol === null ? '' : cellText(g.value(r, explanationCol)).trim();
  return {
    initialFen: money('budgetInitial', '年初预算数'),
    adjustedFen: money('budgetAdjusted', '全年预算数'),
    executedFen: money('budgetExecuted', '全年执行数'),
    // Without its own 分值 the budget weighs what the scheme gives it (scoreProject).
    weight: readNumber(t, g, r, colOf(t, 'weight'), findings, '分值', '未采用该分值'),
    selfScore: readNumber(t, g, r, colOf(t, 'score') ?? colOf(t, 'selfScore'), findings, '得分'),
    statedRate: readNumber(t, g, r, colOf(t, 'executionRate'), findings, '执行率'),
    explanation: explanation || null,
    source: ref(t, r, null),
    cells: {
      initial: ref(t, r, colOf(t, 'budgetInitial')),
      adjusted: ref(t, r, colOf(t, 'budgetAdjusted')),
      executed: ref(t, r, colOf(t, 'budgetExecuted')),
      weight: ref(t, r, colOf(t, 'weight')),
      selfScore: ref(t, r, colOf(t, 'score') ?? colOf(t, 'selfScore')),
      ...(explanationCol === null ? {} : { explanation: ref(t, r, explanationCol) }),
    },
  };
}

/**
 * The budget's amounts in 元, in the unit detection decided; the table's `because` (in the report's
 * mapping) says which unit was applied, and why when the figures overruled the header.
 */
function budgetScale(t: MappedTable, g: SheetGrid): number {
  // A table the user mapped as the budget was not read as one by detection: decide its unit now.
  return (t.amountUnit ?? budgetAmountUnit(g, t)).scale;
}

// ------------------------------------------------------------------------------------------ indicators

interface RowsResult {
  indicators: IndicatorModel[];
  groups: GroupModel[];
}

function mergeRows(parts: RowsResult[]): RowsResult {
  return { indicators: parts.flatMap((p) => p.indicators), groups: parts.flatMap((p) => p.groups) };
}

function readIndicatorRows(t: MappedTable, g: SheetGrid, findings: Finding[]): RowsResult {
  const col = (k: ColumnKind) => colOf(t, k);
  const [c1, c2, cName, cTarget, cActual, cWeight] = [col('level1'), col('level2'), col('name'), col('target'), col('actual'), col('weight')];
  const cScore = col('score');
  const cSelf = col('selfScore');
  const cExpl = col('explanation');
  const cCrit = col('criteria');
  const isIndex = t.role === 'indexSystem';
  const indicators: IndicatorModel[] = [];
  const groups: GroupModel[] = [];
  const seen = new Map<string, number>();
  let level1 = '';
  let level2 = '';
  /**
   * 成本指标 is a 一级指标 in newer frameworks and a 二级 under 产出指标 in older ones: it is a 二级
   * when the current 一级's declared weight still has room for it.
   */
  const fitsUnderCurrentLevel1 = (name: string, weight: number | null): boolean => {
    if (!AMBIGUOUS_LEVEL.has(parseGroupLabel(name).name) || weight === null) return false;
    const parent = groups.find((x) => x.level === 1 && x.name === level1);
    if (!parent || parent.declaredWeight === null) return false;
    const used = groups.filter((x) => x.level === 2 && x.level1 === level1).reduce((s, x) => s + (x.declaredWeight ?? 0), 0);
    return used + weight <= parent.declaredWeight + 1e-9;
  };
  const addGroup = (level: 1 | 2, raw: string, r: number, weightCell: number | null, scoreCell: number | null) => {
    const { name, weight } = parseGroupLabel(raw);
    const l1 = level === 1 ? name : level1;
    if (groups.some((x) => x.level === level && x.name === name && x.level1 === l1)) return;
    groups.push({
      level, level1: l1, name,
      declaredWeight: weightCell ?? weight,
      declaredScore: scoreCell,
      source: { sheet: t.sheet, row: r, col: -1 },
    });
  };

  // 一级指标 | 二级指标 | 分值 | 自评分 with no 三级: the 二级 are the indicators.
  const twoLevel = cName === null && c2 !== null;
  for (let r = t.bodyStart; r <= t.bodyEnd; r++) {
    if (g.isBlankRow(r)) continue;
    const l1raw = c1 === null ? '' : text(g.filled(r, c1));
    let l2raw = c2 === null ? '' : text(g.filled(r, c2));
    let nameRaw = cName === null ? '' : text(g.value(r, cName) === null ? g.filled(r, cName) : g.value(r, cName));
    if (twoLevel) [nameRaw, l2raw] = [l2raw, ''];
    const targetV = cTarget === null ? null : g.value(r, cTarget);
    const actualV = cActual === null ? null : g.value(r, cActual);
    const hasFigures = !isBlank(targetV) || !isBlank(actualV);
    const weightNum = readNumber(t, g, r, cWeight, findings, '分值');
    const scoreCol = isIndex ? cScore ?? cSelf : cSelf ?? cScore;
    const scoreNum = readNumber(t, g, r, scoreCol, findings, '得分');

    if (isSumRow(l1raw)) continue; // 合计 rows are sums, not indicators
    if (l1raw) {
      if (parseGroupLabel(l1raw).name !== level1) level2 = '';
      level1 = parseGroupLabel(l1raw).name;
      if (!nameRaw && !l2raw) { addGroup(1, l1raw, r, weightNum, scoreNum); continue; }
      addGroup(1, l1raw, r, null, null);
    }
    if (l2raw) {
      level2 = parseGroupLabel(l2raw).name;
      if (!nameRaw) { addGroup(2, l2raw, r, weightNum, scoreNum); continue; }
      addGroup(2, l2raw, r, null, null);
    }
    if (!nameRaw || isSumRow(nameRaw)) continue;
    // Hierarchy by subtotal rows: "产出指标 | | | 50.00" then "数量指标 | | | 15.00", then leaves.
    if (c1 === null && !hasFigures && (weightNum !== null || scoreNum !== null || isLevel1Name(nameRaw))) {
      if (isLevel1Name(nameRaw) && !fitsUnderCurrentLevel1(nameRaw, weightNum)) {
        level1 = parseGroupLabel(nameRaw).name;
        level2 = '';
        addGroup(1, nameRaw, r, weightNum, scoreNum);
      } else {
        level2 = parseGroupLabel(nameRaw).name;
        addGroup(2, nameRaw, r, weightNum, scoreNum);
      }
      continue;
    }
    if (!hasFigures && weightNum === null && scoreNum === null) continue; // a caption, not an indicator
    const label = parseGroupLabel(nameRaw);
    const base = `${normalizeName(level1)}|${normalizeName(level2)}|${normalizeName(label.name)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const explanation = cExpl === null ? '' : cellText(g.value(r, cExpl)).trim();
    indicators.push({
      key: n === 1 ? base : `${base}#${n}`,
      level1,
      level2,
      name: label.name,
      targetText: cellText(targetV).trim(),
      actualText: cellText(actualV).trim(),
      target: cTarget === null ? null : withinRange(parseTarget(targetV, formatFor(t, g, 'target', r, cTarget)), t.sheet, r, cTarget, '年度指标值', findings),
      actual: cActual === null ? null : withinRange(parseActual(actualV, formatFor(t, g, 'actual', r, cActual)), t.sheet, r, cActual, '实际完成值', findings),
      weight: weightNum ?? label.weight,
      selfScore: isIndex ? null : scoreNum,
      evaluatorScore: isIndex ? scoreNum : null,
      explanation: explanation || null,
      criteria: cCrit === null ? null : text(g.value(r, cCrit)) || null,
      source: ref(t, r, cName),
      cells: {
        ...(cTarget === null ? {} : { target: ref(t, r, cTarget) }),
        ...(cActual === null ? {} : { actual: ref(t, r, cActual) }),
        ...(cWeight === null ? {} : { weight: ref(t, r, cWeight) }),
        ...(scoreCol === null ? {} : isIndex ? { evaluatorScore: ref(t, r, scoreCol) } : { selfScore: ref(t, r, scoreCol) }),
        ...(cExpl === null ? {} : { explanation: ref(t, r, cExpl) }),
      },
    });
  }
  return { indicators, groups };
}

/**
 * A 指标值 or 实际完成值 whose figure is too large to compute with (a completion rate of it would be
 * Infinity) is not read: the indicator is then scored as one without it, and a finding names the cell.
 */
function withinRange<T extends Target | Actual>(read: T | null, sheet: string, r: number, col: number, what: string, findings: Finding[]): T | null {
  if (read === null || read.kind !== 'quantitative') return read;
  const bad = [read.value, 'upper' in read ? read.upper : undefined].find((n) => n !== undefined && !computable(n));
  if (bad === undefined) return read;
  findings.push(outOfRangeFinding(sheet, r, col, what, bad, '未参与评分'));
  return null;
}

// ----------------------------------------------------------------------------- targets joined to actuals

function joinActuals(indicators: IndicatorModel[], tables: MappedTable[], mapping: Mapping, findings: Finding[]): void {
  const byName = new Map<string, IndicatorModel[]>();
  for (const ind of indicators) {
    const k = normalizeName(ind.name);
    const same = byName.get(k);
    if (same) same.push(ind);
    else byName.set(k, [ind]);
  }
  const matched = new Set<IndicatorModel>();
  for (const t of tables) {
    const g = grid(mapping, t);
    const cName = colOf(t, 'name');
    const cActual = colOf(t, 'actual');
    const cExpl = colOf(t, 'explanation');
    const cL2 = colOf(t, 'level2');
    if (cName === null || cActual === null) continue;
    for (let r = t.bodyStart; r <= t.bodyEnd; r++) {
      const name = text(g.filled(r, cName));
      const v = g.value(r, cActual);
      if (!name || (isBlank(v) && g.isBlankRow(r))) continue;
      let hits = byName.get(normalizeName(parseGroupLabel(name).name)) ?? [];
      if (hits.length > 1 && cL2 !== null) {
        const l2 = normalizeName(text(g.filled(r, cL2)));
        const narrowed = hits.filter((h) => normalizeName(h.level2) === l2);
        if (narrowed.length > 0) hits = narrowed;
      }
      if (hits.length === 0) {
        findings.push({
          rule: 'unmatched-actual', severity: 'warning', sheet: t.sheet, cell: a1(r, cName), row: r + 1,
          value: quoted(name), allowed: null,
          message: `“${t.sheet}”!${a1(r, cName)} 的实际完成值指标“${quoted(name)}”在绩效目标表中找不到同名指标，未参与评分，请核对指标名称。`,
        });
        continue;
      }
      const explanation = cExpl === null ? '' : cellText(g.value(r, cExpl)).trim();
      for (const ind of hits) {
        if (matched.has(ind)) continue;
        matched.add(ind);
        ind.actualText = cellText(v).trim();
        ind.actual = withinRange(parseActual(v, formatFor(t, g, 'actual', r, cActual)), t.sheet, r, cActual, '实际完成值', findings);
        ind.cells.actual = { sheet: t.sheet, row: r, col: cActual };
        if (explanation && !ind.explanation) {
          ind.explanation = explanation;
          if (cExpl !== null) ind.cells.explanation = { sheet: t.sheet, row: r, col: cExpl };
        }
      }
    }
  }
}

// ----------------------------------------------------------------------------------- self-reported total

/**
 * The total the unit reported. First a total row of an indicator table (`总分 | … | 100 | 100 | 自评等级：优`),
 * read in the table's own score column, never its 分值 column; then a labelled figure such as the
 * 自评表's `总得分 | 100` in the block above the indicators.
 */
function findSelfReportedTotal(mapping: Mapping, used: MappedTable[]): { value: number; ref: SourceRef } | null {
  for (const t of used) {
    if (t.role === 'budget') continue;
    const scoreCol = colOf(t, 'selfScore') ?? colOf(t, 'score');
    const g = mapping.grids.get(t.sheet);
    if (scoreCol === null || !g) continue;
    const last = Math.min(g.rowCount - 1, t.bodyEnd + 3);
    for (let r = t.bodyStart; r <= last; r++) {
      let labelled = false;
      for (let c = 0; c < scoreCol && !labelled; c++) {
        const v = g.value(r, c);
        labelled = typeof v === 'string' && isTotalLabel(normalizeText(v));
      }
      if (!labelled) continue;
      const n = parseNumber(g.value(r, scoreCol), g.format(r, scoreCol));
      // A self-reported total too large to compute with is no total (the figures it sums are refused too).
      if (n !== null && computable(n)) return { value: n, ref: { sheet: t.sheet, row: r, col: scoreCol } };
    }
  }
  const sheets = [...new Set(used.filter((t) => t.role !== 'budget').map((t) => t.sheet)), ...new Set(used.map((t) => t.sheet))];
  for (const name of sheets) {
    const g = mapping.grids.get(name);
    if (!g) continue;
    for (let r = 0; r < Math.min(g.rowCount, 200); r++) {
      const len = g.rowLength(r);
      for (let c = 0; c < len; c++) {
        const v = g.value(r, c);
        if (typeof v !== 'string' || !isSelfTotalLabel(normalizeText(v))) continue;
        for (let k = c + 1; k < Math.min(len, c + 6); k++) {
          const n = parseNumber(g.value(r, k));
          if (n !== null && computable(n)) return { value: n, ref: { sheet: name, row: r, col: k } };
        }
      }
    }
  }
  return null;
}
