/**
 * Nothing scored is not a score (SPEC §4). After scoring, this decides whether the total means
 * anything: when no indicator could be scored, or the budget block was found but its 执行数 could not be
 * read while the budget carries points, the workbook is refused (the CLI exits 2, the pane says the same)
 * with what was not read and where; a workbook read in part is scored, and one finding at the top of
 * the list says which part was not read.
 */
import { a1, rangeA1 } from '../address';
import type { MappedTable } from '../detect/mapping';
import { isBlank, type SheetGrid } from '../detect/sheetGrid';
import { quoted, type Finding } from '../findings';
import type { ProjectModel, SourceRef } from '../model/types';
import { computable, figureText } from '../model/computable';
import { parseNumber } from '../parse/number';
import { cellText } from '../parse/text';
import { toHundredths } from './rounding';
import type { ScoredIndicator, ScoreResult } from './types';

export const PARTLY_READ = 'partly-read';

export interface ReadInput {
  model: ProjectModel;
  scored: ScoreResult;
  /** The budget table the model was built from, if one was found. */
  budgetTable: MappedTable | null;
  budgetGrid: SheetGrid | null;
  /** The indicator tables the model was built from (自评表, 指标体系, 绩效目标). */
  indicatorTables: MappedTable[];
  searchedSheets: string[];
}

export interface ReadOutcome {
  /** Set when the workbook must not be scored: the whole message, in Chinese. */
  refusal: string | null;
  /** The refusal as the pane says it, when its advice differs (the pane has no --mapping: 指定表格用途). */
  refusalInPane?: string;
  /** Set when part of the workbook was not read: the finding that goes first. */
  partlyRead: Finding | null;
}

export function whatWasRead(input: ReadInput): ReadOutcome {
  const { model, scored } = input;
  const executed = unreadExecuted(input);
  const weightSum = model.indicators.reduce((s, i) => s + toHundredths(i.weight ?? 0), 0);
  // Whether the budget carries points of the total: an index system's weights already make 100.
  const budgetWeight = scored.budget ? scored.budget.weight : model.kind === 'indexSystem' || weightSum >= 10000 ? null : 'scheme';
  if (executed && budgetWeight !== null) {
    const points = typeof budgetWeight === 'number' ? `预算执行率占 ${budgetWeight} 分，` : '预算执行率的分值';
    return {
      refusal:
        `无法评分：找到了预算执行表（${where(input.budgetTable!.sheet, rangeA1(input.budgetTable!.range))}，${input.budgetTable!.because}），` +
        `但读不到全年执行数：${executed.detail}。${points}没有执行数就无法计算，不能按 0 分评出总分。` +
        '请填写全年执行数后重新评分；如果预算表识别有误，请指定正确的预算表（如 --mapping 中的 {"sheet":"…","range":"…","role":"budget"}）。',
      refusalInPane:
        `找到了预算执行表（${where(input.budgetTable!.sheet, rangeA1(input.budgetTable!.range))}，${input.budgetTable!.because}），` +
        `但读不到全年执行数：${executed.detail}。${points}没有执行数就无法计算，不能按 0 分评出总分。` +
        '请填写全年执行数后重新评分；如果预算表识别有误，请在“识别的表格”中为正确的表格指定用途“预算”。',
      partlyRead: null,
    };
  }

  if (model.indicators.length === 0) {
    const sheets = input.searchedSheets.map((s) => `“${s}”`).join('、');
    return {
      refusal:
        `无法评分：只找到预算执行表${input.budgetTable ? `（${where(input.budgetTable.sheet, rangeA1(input.budgetTable.range))}）` : ''}，` +
        `在工作表 ${sheets} 中没有找到绩效指标（三级指标、年度指标值、实际完成值、分值），仅凭预算执行率不能评出总分。` +
        '请确认工作簿包含绩效自评表或绩效目标表，或用 --mapping 指定指标表所在的工作表和区域。',
      refusalInPane:
        `只找到预算执行表${input.budgetTable ? `（${where(input.budgetTable.sheet, rangeA1(input.budgetTable.range))}）` : ''}，` +
        `在工作表 ${sheets} 中没有找到绩效指标（三级指标、年度指标值、实际完成值、分值），仅凭预算执行率不能评出总分。` +
        '请在“识别的表格”中为指标表指定表格用途（自评表或绩效目标），或点“插入模板”得到一张空白自评表，填写后再评分。',
      partlyRead: null,
    };
  }

  const unread: Unread[] = [];
  for (const s of scored.indicators) {
    const reason = unreadReason(s, model.kind);
    if (reason) unread.push({ s, reason });
  }
  if (unread.length === scored.indicators.length) {
    const tables = input.indicatorTables.map((t) => where(t.sheet, rangeA1(t.range))).join('、');
    return {
      refusal:
        `无法评分：在 ${tables} 找到 ${unread.length} 项绩效指标，但没有一项能够评分：${describe(unread)}。` +
        '不能按 0 分评出总分。请填写实际完成值（或得分）后重新评分。',
      partlyRead: null,
    };
  }

  const parts: string[] = [];
  let at: SourceRef | null = null;
  if (unread.length > 0) {
    parts.push(`${names(unread)}${describe(unread)}，这些指标按 0 分计入总分`);
    at = unread[0].reason.ref;
  }
  if (executed) {
    parts.push(`预算执行表的全年执行数未能读取（${executed.detail}），未计算预算执行率（指标体系已含预算，不单列分值）`);
    at ??= executed.ref;
  }
  if (parts.length === 0) return { refusal: null, partlyRead: null };
  const cell = at ? a1(at.row, Math.max(at.col, 0)) : '';
  return {
    refusal: null,
    partlyRead: {
      rule: PARTLY_READ,
      severity: 'error',
      sheet: at?.sheet ?? '',
      cell,
      row: at ? at.row + 1 : 0,
      value: unread.length + (executed ? 1 : 0),
      allowed: null,
      message: `工作簿只读取了一部分，总分只含已读取的部分：${parts.join('；')}。请补全后重新评分。`,
    },
  };
}

interface Unread {
  s: ScoredIndicator;
  reason: { text: string; ref: SourceRef };
}

/** Why an indicator adds nothing read from the workbook to the total, or null when it was scored. */
function unreadReason(s: ScoredIndicator, kind: ProjectModel['kind']): Unread['reason'] | null {
  const ind = s.indicator;
  if (ind.weight === null) return { text: '没有分值', ref: ind.cells.weight ?? ind.source };
  if (kind === 'indexSystem') {
    // The evaluator's 得分 is the score; without one, a score computed from the figures still counts.
    if (ind.evaluatorScore !== null || (s.computed !== null && s.status !== 'missing')) return null;
    return { text: '没有评价得分', ref: ind.cells.evaluatorScore ?? ind.source };
  }
  if (s.status === 'missing') return { text: '实际完成值为空', ref: ind.cells.actual ?? ind.source };
  if (s.computed !== null || ind.selfScore !== null) return null;
  if (!ind.cells.actual && !ind.actualText) return { text: '没有对应的实际完成值', ref: ind.source };
  return { text: '实际完成值无法自动比对且没有得分', ref: ind.cells.actual ?? ind.source };
}

/** `指标“A”、“B”、“C”等 5 项` */
function names(unread: Unread[]): string {
  const shown = unread.slice(0, 3).map((u) => `“${u.s.indicator.name}”`).join('、');
  return `指标${shown}${unread.length > 3 ? `等 ${unread.length} 项` : ''}`;
}

/** `实际完成值为空（“自评表”!E13:E43 中 31 处）；没有分值（“自评表”!F20）` */
function describe(unread: Unread[]): string {
  const byReason = new Map<string, SourceRef[]>();
  for (const u of unread) byReason.set(u.reason.text, [...(byReason.get(u.reason.text) ?? []), u.reason.ref]);
  return [...byReason].map(([text, refs]) => `${text}（${cellList(refs)}）`).join('；');
}

/** Cells grouped by sheet and column: a few named one by one, many as the span they lie in. */
function cellList(refs: SourceRef[]): string {
  const groups = new Map<string, SourceRef[]>();
  for (const r of refs) groups.set(`${r.sheet}\u0000${r.col}`, [...(groups.get(`${r.sheet}\u0000${r.col}`) ?? []), r]);
  return [...groups.values()]
    .map((g) => {
      const col = Math.max(g[0].col, 0);
      const rows = g.map((r) => r.row).sort((x, y) => x - y);
      if (rows.length <= 3) return where(g[0].sheet, rows.map((r) => a1(r, col)).join('、'));
      return `${where(g[0].sheet, `${a1(rows[0], col)}:${a1(rows[rows.length - 1], col)}`)} 中 ${rows.length} 处`;
    })
    .join('、');
}

function where(sheet: string, cells: string): string {
  return `“${sheet}”!${cells}`;
}

/** The budget table was found but its 全年执行数 was not read: where, and why. */
function unreadExecuted(input: ReadInput): { detail: string; ref: SourceRef } | null {
  const t = input.budgetTable;
  if (!t) return null;
  const budget = input.model.budget;
  if (budget && budget.executedFen !== null) return null;
  const col = t.columns.find((c) => c.kind === 'budgetExecuted')?.col ?? null;
  if (col === null) {
    const headers = t.columns.map((c) => c.header).filter(Boolean).join('、');
    return {
      detail: `表头中没有执行数列（如“全年执行数”“执行数”“实际支出数”；表头为 ${headers}，位于 ${where(t.sheet, rangeA1(t.range))}）`,
      ref: { sheet: t.sheet, row: t.headerRow, col: t.range.left },
    };
  }
  if (!budget) {
    const last = Math.max(t.bodyEnd, t.bodyStart);
    const span = t.bodyEnd > t.bodyStart ? `${a1(t.bodyStart, col)}:${a1(last, col)}` : a1(t.bodyStart, col);
    return { detail: `${where(t.sheet, span)} 为空`, ref: { sheet: t.sheet, row: t.bodyStart, col } };
  }
  const ref = budget.cells.executed ?? { sheet: t.sheet, row: budget.source.row, col };
  const cell = where(ref.sheet, a1(ref.row, Math.max(ref.col, 0)));
  const v = input.budgetGrid && ref.col >= 0 ? input.budgetGrid.value(ref.row, ref.col) : null;
  if (isBlank(v)) return { detail: `${cell} 为空`, ref };
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumber(v) : null;
  // A figure too large to compute with was refused (model/computable.ts): said as such, not as text.
  if (n !== null && !computable(n)) return { detail: `${cell} 的 ${figureText(n)} 超出可计算范围`, ref };
  return { detail: `${cell} 的“${quoted(cellText(v))}”不是数字`, ref };
}
