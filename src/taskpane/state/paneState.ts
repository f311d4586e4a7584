/**
 * The pane's state and every way it changes, as a pure reducer: tests drive it without a browser, and
 * the components only dispatch what the user did and what a host call returned (Script Lab's split).
 */
import type { DetectedTableRow, DetectedWorkbook } from '../../app/detectTables';
import type { ScoreOutcome, ScoreRequest, Stage, StageProgress } from '../../app/scoreWorkbook';
import type { Severity } from '../../core/findings';
import type { Report } from '../../core/report/report';
import type { MappingOverride } from '../../core/snapshot';
import type { RoleChoice } from '../../i18n/messages';

/**
 * How many items of one rule's findings the list renders before “显示更多” (or 下一条 past the last): a
 * few screens at 350 px, few enough that opening a 10,000-finding group or toggling a filter back on
 * redraws within a frame or two (BENCHMARKS.md, "Pane at scale").
 */
export const PAGE_SIZE = 100;

export interface PaneTable extends DetectedTableRow {
  /** `sheet!range`: a table's identity between detection, overrides and reports. */
  key: string;
}

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; stage: Stage; done: number | null; total: number | null; cancelling: boolean };

/** A long-running action that is not 评分; only one host action runs at a time. */
export type Tool = 'detect' | 'clear' | 'template' | 'report';

export type NoticeSource = 'detect' | 'score' | 'clear' | 'template' | 'report' | 'select';

/** What a MessageBar says. Texts are already in the pane's language (or the core's Chinese message). */
export type NoticeContent =
  | { kind: 'cancelled' }
  | { kind: 'notScorable'; message: string }
  | { kind: 'unexpected'; detail: string }
  | { kind: 'detectFailed'; detail: string }
  | { kind: 'cleared'; cells: number }
  | { kind: 'clearFailed'; detail: string }
  | { kind: 'templateInserted'; sheet: string }
  | { kind: 'templateFailed'; detail: string }
  /** 生成报告: the sheet written, and whether the .docx was handed over or this host cannot download. */
  | { kind: 'reportWritten'; sheet: string; downloaded: boolean }
  | { kind: 'reportFailed'; detail: string }
  | { kind: 'selectFailed'; detail: string };

export interface Notice {
  source: NoticeSource;
  content: NoticeContent;
}

export interface PaneState {
  tables: PaneTable[];
  /** Where `tables` came from: nothing yet, 识别表格, or the last 评分's report. */
  tablesFrom: 'none' | 'detect' | 'score';
  /** Roles the user changed since the workbook last remembered them, by table key; sent with the next 评分. */
  pendingRoles: Record<string, RoleChoice>;
  packs: string[];
  /** True once the user touches the packs: until then the workbook's own choice (or 规则 sheet) applies. */
  packsChanged: boolean;
  scheme: string;
  schemeChanged: boolean;
  writeRules: boolean;
  run: RunState;
  tool: Tool | null;
  report: Report | null;
  /** Increases with every new report, so the pane moves focus to the results once per run. */
  reportSeq: number;
  notices: Notice[];
  severities: Record<Severity, boolean>;
  /** Items rendered per rule group (PAGE_SIZE until “显示更多”). */
  shown: Record<string, number>;
  /** Groups the reviewer opened, by rule id: every group starts folded, showing its name and count. */
  expanded: Record<string, boolean>;
  /** The finding the reviewer is on (an index into `report.findings`), marked in the list; null before the first. */
  current: number | null;
  /** What 识别表格 found of a payment ledger: its sheets and the packs that fit it, for the hint before 评分. */
  ledgerSheets: string[];
  suggestedPacks: string[];
}

export type PaneAction =
  | { type: 'reset' }
  | { type: 'toolStarted'; tool: Tool }
  | { type: 'detected'; workbook: DetectedWorkbook }
  | { type: 'detectFailed'; detail: string }
  | { type: 'roleChanged'; key: string; role: RoleChoice }
  | { type: 'packToggled'; id: string; on: boolean }
  | { type: 'schemeChanged'; scheme: string }
  | { type: 'writeRulesChanged'; on: boolean }
  | { type: 'scoreStarted' }
  | { type: 'progress'; progress: StageProgress }
  | { type: 'cancelRequested' }
  | { type: 'scoreFinished'; outcome: ScoreOutcome }
  | { type: 'scoreCrashed'; detail: string }
  | { type: 'cleared'; cells: number }
  | { type: 'clearFailed'; detail: string }
  | { type: 'templateInserted'; sheet: string }
  | { type: 'templateFailed'; detail: string }
  | { type: 'reportWritten'; sheet: string; downloaded: boolean }
  | { type: 'reportFailed'; detail: string }
  | { type: 'selectFailed'; detail: string }
  | { type: 'noticeDismissed'; source: NoticeSource }
  | { type: 'severityToggled'; severity: Severity }
  | { type: 'showMore'; rule: string }
  | { type: 'groupToggled'; rule: string }
  /** The reviewer moved to a finding (下一条, an arrow key, a click): it becomes current, its group opens. */
  | { type: 'findingCurrent'; index: number; rule: string; shownAt: number };

export const initialPaneState: PaneState = {
  tables: [],
  tablesFrom: 'none',
  pendingRoles: {},
  packs: [],
  packsChanged: false,
  scheme: 'default',
  schemeChanged: false,
  writeRules: false,
  run: { status: 'idle' },
  tool: null,
  report: null,
  reportSeq: 0,
  notices: [],
  severities: { error: true, warning: true, info: true },
  shown: {},
  expanded: {},
  current: null,
  ledgerSheets: [],
  suggestedPacks: [],
};

export function tableKey(sheet: string, range: string): string {
  return `${sheet}!${range}`;
}

/** The role a table will have at the next 评分: the user's pending choice, else the remembered one. */
export function effectiveRole(state: PaneState, table: PaneTable): RoleChoice {
  return state.pendingRoles[table.key] ?? table.role;
}

/** 评分 may start while tables are being detected (both only read), never during a write. */
export function canScore(state: PaneState): boolean {
  return state.run.status === 'idle' && (state.tool === null || state.tool === 'detect');
}

/** 识别表格, 清除标记 and 插入模板 wait until nothing else runs. */
export function canUseTool(state: PaneState): boolean {
  return state.run.status === 'idle' && state.tool === null;
}

/** What the 评分 button sends: only what the user chose; the rest falls back to what the workbook remembers. */
export function scoreRequest(state: PaneState): ScoreRequest {
  const request: ScoreRequest = {};
  const mapping: MappingOverride[] = [];
  for (const table of state.tables) {
    const role = state.pendingRoles[table.key];
    if (role !== undefined) mapping.push({ sheet: table.sheet, range: table.range, role });
  }
  if (mapping.length > 0) request.mapping = mapping;
  if (state.packsChanged) request.rules = [...state.packs];
  if (state.schemeChanged) request.scheme = state.scheme;
  if (state.writeRules) request.writeRules = true;
  return request;
}

function withNotice(notices: Notice[], source: NoticeSource, content: NoticeContent | null): Notice[] {
  const rest = notices.filter((n) => n.source !== source);
  return content ? [...rest, { source, content }] : rest;
}

function rowsOf(workbook: DetectedWorkbook): PaneTable[] {
  return workbook.tables.map((t) => ({ ...t, key: tableKey(t.sheet, t.range) }));
}

/**
 * The table list after a run: the report's mapping (fresh roles and confidences), with the tables the
 * run left out because the user chose 忽略 kept in place, so the choice can be taken back.
 */
function tablesAfterRun(state: PaneState, report: Report): PaneTable[] {
  const fromReport: PaneTable[] = report.mapping.map((m) => ({
    sheet: m.sheet, range: m.range, role: m.role, confidence: m.confidence, overridden: m.overridden, because: m.because,
    key: tableKey(m.sheet, m.range),
  }));
  const byKey = new Map(fromReport.map((t) => [t.key, t]));
  const out: PaneTable[] = [];
  for (const t of state.tables) {
    const fresh = byKey.get(t.key);
    if (fresh) {
      out.push(fresh);
      byKey.delete(t.key);
    } else if (effectiveRole(state, t) === 'ignore') {
      out.push({ ...t, role: 'ignore', confidence: 1, overridden: true });
    }
  }
  out.push(...byKey.values());
  return out;
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'reset':
      return initialPaneState;
    case 'toolStarted':
      if (!canUseTool(state)) return state;
      return { ...state, tool: action.tool, notices: withNotice(state.notices, action.tool, null) };
    case 'detected': {
      const w = action.workbook;
      const next: PaneState = { ...state, tool: state.tool === 'detect' ? null : state.tool };
      // A 评分 that finished meanwhile knows better than an older read.
      if (state.tablesFrom !== 'score') {
        next.tables = rowsOf(w);
        next.tablesFrom = 'detect';
        const keys = new Set(next.tables.map((t) => t.key));
        next.pendingRoles = Object.fromEntries(Object.entries(state.pendingRoles).filter(([k]) => keys.has(k)));
      }
      if (!state.packsChanged) next.packs = [...w.rules];
      if (!state.schemeChanged && w.scheme) next.scheme = w.scheme;
      if (w.hasRulesSheet) next.writeRules = true;
      next.ledgerSheets = w.ledgerSheets;
      next.suggestedPacks = w.suggestedPacks;
      return next;
    }
    case 'detectFailed':
      return {
        ...state,
        tool: state.tool === 'detect' ? null : state.tool,
        notices: withNotice(state.notices, 'detect', { kind: 'detectFailed', detail: action.detail }),
      };
    case 'roleChanged': {
      const table = state.tables.find((t) => t.key === action.key);
      if (!table) return state;
      const pendingRoles = { ...state.pendingRoles };
      if (action.role === table.role) delete pendingRoles[action.key];
      else pendingRoles[action.key] = action.role;
      return { ...state, pendingRoles };
    }
    case 'packToggled': {
      const packs = action.on
        ? state.packs.includes(action.id) ? state.packs : [...state.packs, action.id]
        : state.packs.filter((p) => p !== action.id);
      return { ...state, packs, packsChanged: true };
    }
    case 'schemeChanged':
      return { ...state, scheme: action.scheme, schemeChanged: true };
    case 'writeRulesChanged':
      return { ...state, writeRules: action.on };
    case 'scoreStarted':
      if (!canScore(state)) return state;
      return {
        ...state,
        run: { status: 'running', stage: 'read', done: null, total: null, cancelling: false },
        notices: withNotice(state.notices, 'score', null),
      };
    case 'progress': {
      if (state.run.status !== 'running') return state;
      const p = action.progress;
      const sameStage = p.stage === state.run.stage;
      return {
        ...state,
        run: {
          ...state.run,
          stage: p.stage,
          done: p.done ?? (sameStage ? state.run.done : null),
          total: p.total ?? (sameStage ? state.run.total : null),
        },
      };
    }
    case 'cancelRequested':
      if (state.run.status !== 'running') return state;
      return { ...state, run: { ...state.run, cancelling: true } };
    case 'scoreFinished': {
      const o = action.outcome;
      const idle: PaneState = { ...state, run: { status: 'idle' } };
      if (o.status === 'cancelled') return { ...idle, notices: withNotice(state.notices, 'score', { kind: 'cancelled' }) };
      if (o.status === 'failed') {
        return { ...idle, notices: withNotice(state.notices, 'score', { kind: 'notScorable', message: o.message }) };
      }
      return {
        ...idle,
        report: o.report,
        reportSeq: state.reportSeq + 1,
        tables: tablesAfterRun(state, o.report),
        tablesFrom: 'score',
        // The workbook now remembers them.
        pendingRoles: {},
        shown: {},
        expanded: {},
        current: null,
        notices: withNotice(withNotice(state.notices, 'score', null), 'select', null),
      };
    }
    case 'scoreCrashed':
      return {
        ...state,
        run: { status: 'idle' },
        notices: withNotice(state.notices, 'score', { kind: 'unexpected', detail: action.detail }),
      };
    case 'cleared':
      return { ...state, tool: null, notices: withNotice(state.notices, 'clear', { kind: 'cleared', cells: action.cells }) };
    case 'clearFailed':
      return { ...state, tool: null, notices: withNotice(state.notices, 'clear', { kind: 'clearFailed', detail: action.detail }) };
    case 'templateInserted':
      return { ...state, tool: null, notices: withNotice(state.notices, 'template', { kind: 'templateInserted', sheet: action.sheet }) };
    case 'templateFailed':
      return { ...state, tool: null, notices: withNotice(state.notices, 'template', { kind: 'templateFailed', detail: action.detail }) };
    case 'reportWritten':
      return { ...state, tool: null, notices: withNotice(state.notices, 'report', { kind: 'reportWritten', sheet: action.sheet, downloaded: action.downloaded }) };
    case 'reportFailed':
      return { ...state, tool: null, notices: withNotice(state.notices, 'report', { kind: 'reportFailed', detail: action.detail }) };
    case 'selectFailed':
      return { ...state, notices: withNotice(state.notices, 'select', { kind: 'selectFailed', detail: action.detail }) };
    case 'noticeDismissed':
      return { ...state, notices: withNotice(state.notices, action.source, null) };
    case 'severityToggled':
      return { ...state, severities: { ...state.severities, [action.severity]: !state.severities[action.severity] } };
    case 'showMore':
      return { ...state, shown: { ...state.shown, [action.rule]: (state.shown[action.rule] ?? PAGE_SIZE) + PAGE_SIZE } };
    case 'groupToggled':
      return { ...state, expanded: { ...state.expanded, [action.rule]: !state.expanded[action.rule] } };
    case 'findingCurrent': {
      // Walking past the page a group shows opens the next page, so the current item is always drawn.
      const limit = state.shown[action.rule] ?? PAGE_SIZE;
      const shown = action.shownAt < limit ? state.shown : { ...state.shown, [action.rule]: (Math.floor(action.shownAt / PAGE_SIZE) + 1) * PAGE_SIZE };
      const expanded = state.expanded[action.rule] ? state.expanded : { ...state.expanded, [action.rule]: true };
      return { ...state, current: action.index, expanded, shown };
    }
  }
}
