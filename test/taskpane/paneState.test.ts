import type { DetectedWorkbook } from '../../src/app/detectTables';
import type { Report } from '../../src/core/report/report';
import {
  canScore,
  canUseTool,
  effectiveRole,
  initialPaneState,
  PAGE_SIZE,
  paneReducer,
  scoreRequest,
  type PaneAction,
  type PaneState,
} from '../../src/taskpane/state/paneState';

const KUNMING_TABLES: DetectedWorkbook = {
  tables: [
    { sheet: '自评表', range: 'A5:H9', role: 'budget', confidence: 1, overridden: false, because: '预算表：表头 年初预算数、全年预算数、全年执行数' },
    { sheet: '自评表', range: 'A19:H52', role: 'selfEvaluation', confidence: 0.93, overridden: false, because: '自评表：表头 一级指标、二级指标、三级指标' },
  ],
  rules: [],
  scheme: null,
  hasRulesSheet: false,
  ledgerSheets: [],
  suggestedPacks: [],
};

function run(...actions: PaneAction[]): PaneState {
  return actions.reduce(paneReducer, initialPaneState);
}

function report(overrides: Partial<Report> = {}): Report {
  return {
    total: 97.54, grade: '优', selfReportedTotal: 100, kind: 'selfEvaluation', scheme: 'default', budget: null,
    indicators: [], summary: [], findings: [], ledgerCheck: null, output: { scoredSheet: '绩效目标', anomalySheet: null },
    mapping: [
      { sheet: '自评表', range: 'A5:H9', role: 'budget', confidence: 1, overridden: false, because: '预算表：表头 年初预算数、全年预算数、全年执行数' },
      { sheet: '自评表', range: 'A19:H52', role: 'selfEvaluation', confidence: 0.93, overridden: false, because: '自评表：表头 一级指标、二级指标、三级指标' },
    ],
    ...overrides,
  };
}

describe('the pane’s state', () => {
  it('before anything is chosen, 评分 asks for nothing: the workbook’s remembered packs, scheme and mapping apply', () => {
    expect(scoreRequest(run({ type: 'detected', workbook: KUNMING_TABLES }))).toEqual({});
  });

  it('a role the user changes becomes a mapping override of that table’s range in the next request', () => {
    const s = run({ type: 'detected', workbook: KUNMING_TABLES }, { type: 'roleChanged', key: '自评表!A5:H9', role: 'ignore' });
    expect(effectiveRole(s, s.tables[0])).toBe('ignore');
    expect(scoreRequest(s).mapping).toEqual([{ sheet: '自评表', range: 'A5:H9', role: 'ignore' }]);
  });

  it('changing a role back to the detected one takes the override back', () => {
    const s = run(
      { type: 'detected', workbook: KUNMING_TABLES },
      { type: 'roleChanged', key: '自评表!A5:H9', role: 'ledger' },
      { type: 'roleChanged', key: '自评表!A5:H9', role: 'budget' },
    );
    expect(s.pendingRoles).toEqual({});
    expect(scoreRequest(s).mapping).toBeUndefined();
  });

  it('the remembered packs and scheme are the defaults; once the user touches them they are sent', () => {
    const remembered = { ...KUNMING_TABLES, rules: ['km-songwennuan-2019'], scheme: 'jiangxi' };
    const s = run({ type: 'detected', workbook: remembered });
    expect(s.packs).toEqual(['km-songwennuan-2019']);
    expect(s.scheme).toBe('jiangxi');
    expect(scoreRequest(s)).toEqual({});
    const changed = run(
      { type: 'detected', workbook: remembered },
      { type: 'packToggled', id: 'yn-songwennuan', on: true },
      { type: 'packToggled', id: 'km-songwennuan-2019', on: false },
      { type: 'schemeChanged', scheme: 'sichuan' },
      { type: 'writeRulesChanged', on: true },
    );
    expect(scoreRequest(changed)).toEqual({ rules: ['yn-songwennuan'], scheme: 'sichuan', writeRules: true });
  });

  it('unticking every pack sends an empty list: the user asked for no ledger check', () => {
    const s = run(
      { type: 'detected', workbook: { ...KUNMING_TABLES, rules: ['km-wuhua-2023'] } },
      { type: 'packToggled', id: 'km-wuhua-2023', on: false },
    );
    expect(scoreRequest(s).rules).toEqual([]);
  });

  it('a detection that finishes after the user chose packs keeps the user’s choice', () => {
    const s = run({ type: 'packToggled', id: 'yn-songwennuan', on: true }, { type: 'detected', workbook: { ...KUNMING_TABLES, rules: ['km-wuhua-2023'] } });
    expect(s.packs).toEqual(['yn-songwennuan']);
  });

  it('a workbook with its own 规则 sheet turns 写入规则表 on', () => {
    expect(run({ type: 'detected', workbook: { ...KUNMING_TABLES, hasRulesSheet: true } }).writeRules).toBe(true);
  });

  it('a run goes through the stages, keeping the sheets read within 读取, and ends idle with the report', () => {
    let s = run({ type: 'detected', workbook: KUNMING_TABLES }, { type: 'scoreStarted' });
    expect(s.run).toEqual({ status: 'running', stage: 'read', done: null, total: null, cancelling: false });
    expect(canScore(s)).toBe(false);
    expect(canUseTool(s)).toBe(false);
    s = paneReducer(s, { type: 'progress', progress: { stage: 'read', done: 2, total: 5 } });
    s = paneReducer(s, { type: 'progress', progress: { stage: 'read' } });
    expect(s.run).toMatchObject({ stage: 'read', done: 2, total: 5 });
    s = paneReducer(s, { type: 'progress', progress: { stage: 'score' } });
    expect(s.run).toMatchObject({ stage: 'score', done: null, total: null });
    s = paneReducer(s, { type: 'scoreFinished', outcome: { status: 'scored', report: report() } });
    expect(s.run).toEqual({ status: 'idle' });
    expect(s.report?.total).toBe(97.54);
    expect(s.reportSeq).toBe(1);
    expect(canScore(s)).toBe(true);
  });

  it('a second 评分 cannot start while one runs, but may start while tables are being detected', () => {
    const running = run({ type: 'scoreStarted' });
    expect(paneReducer(running, { type: 'scoreStarted' })).toBe(running);
    const detecting = run({ type: 'toolStarted', tool: 'detect' });
    expect(canScore(detecting)).toBe(true);
    expect(canUseTool(detecting)).toBe(false);
    expect(paneReducer(detecting, { type: 'toolStarted', tool: 'clear' })).toBe(detecting);
  });

  it('after a run the overrides are remembered by the workbook: nothing pending, and an ignored table stays listed as 忽略', () => {
    const s = run(
      { type: 'detected', workbook: KUNMING_TABLES },
      { type: 'roleChanged', key: '自评表!A5:H9', role: 'ignore' },
      { type: 'scoreStarted' },
      { type: 'scoreFinished', outcome: { status: 'scored', report: report({ mapping: [report().mapping[1]] }) } },
    );
    expect(s.pendingRoles).toEqual({});
    expect(s.tables.map((t) => [t.key, t.role])).toEqual([
      ['自评表!A5:H9', 'ignore'],
      ['自评表!A19:H52', 'selfEvaluation'],
    ]);
    expect(scoreRequest(s).mapping).toBeUndefined();
  });

  it('a detection that arrives after a run does not replace the run’s tables', () => {
    const s = run(
      { type: 'toolStarted', tool: 'detect' },
      { type: 'scoreStarted' },
      { type: 'scoreFinished', outcome: { status: 'scored', report: report() } },
      { type: 'detected', workbook: { ...KUNMING_TABLES, tables: [] } },
    );
    expect(s.tables).toHaveLength(2);
    expect(s.tool).toBeNull();
  });

  it('a failed or cancelled run keeps the pending roles, so the user can change them and try again', () => {
    const base = run({ type: 'detected', workbook: KUNMING_TABLES }, { type: 'roleChanged', key: '自评表!A5:H9', role: 'ignore' }, { type: 'scoreStarted' });
    const failed = paneReducer(base, { type: 'scoreFinished', outcome: { status: 'failed', message: '无法评分：……' } });
    expect(failed.pendingRoles).toEqual({ '自评表!A5:H9': 'ignore' });
    expect(failed.notices).toEqual([{ source: 'score', content: { kind: 'notScorable', message: '无法评分：……' } }]);
    const cancelled = paneReducer(paneReducer(base, { type: 'cancelRequested' }), { type: 'scoreFinished', outcome: { status: 'cancelled' } });
    expect(cancelled.notices).toEqual([{ source: 'score', content: { kind: 'cancelled' } }]);
    expect(cancelled.run.status).toBe('idle');
  });

  it('cancelling marks the run as cancelling until it stops', () => {
    const s = run({ type: 'scoreStarted' }, { type: 'cancelRequested' });
    expect(s.run).toMatchObject({ status: 'running', cancelling: true });
  });

  it('an unexpected exception ends the run with a message', () => {
    const s = run({ type: 'scoreStarted' }, { type: 'scoreCrashed', detail: '磁盘已满' });
    expect(s.run.status).toBe('idle');
    expect(s.notices).toEqual([{ source: 'score', content: { kind: 'unexpected', detail: '磁盘已满' } }]);
  });

  it('each source has at most one message; a new 评分 clears the previous run’s message; dismissing removes one', () => {
    let s = run({ type: 'toolStarted', tool: 'clear' }, { type: 'cleared', cells: 3 });
    s = paneReducer(s, { type: 'scoreStarted' });
    s = paneReducer(s, { type: 'scoreFinished', outcome: { status: 'cancelled' } });
    s = paneReducer(s, { type: 'scoreStarted' });
    expect(s.notices.map((n) => n.source)).toEqual(['clear']);
    s = paneReducer(s, { type: 'noticeDismissed', source: 'clear' });
    expect(s.notices).toEqual([]);
  });

  it('tools end with their outcome and free the pane', () => {
    const t = run({ type: 'toolStarted', tool: 'template' }, { type: 'templateInserted', sheet: '绩效自评表2' });
    expect(t.tool).toBeNull();
    expect(t.notices).toEqual([{ source: 'template', content: { kind: 'templateInserted', sheet: '绩效自评表2' } }]);
    const f = run({ type: 'toolStarted', tool: 'clear' }, { type: 'clearFailed', detail: '只读' });
    expect(f.notices[0].content).toEqual({ kind: 'clearFailed', detail: '只读' });
  });

  it('severity toggles and 显示更多 are per pane; a new report starts every group at its first page', () => {
    let s = run({ type: 'severityToggled', severity: 'info' }, { type: 'showMore', rule: 'x' }, { type: 'showMore', rule: 'x' });
    expect(s.severities).toEqual({ error: true, warning: true, info: false });
    expect(s.shown).toEqual({ x: 3 * PAGE_SIZE });
    s = paneReducer(paneReducer(s, { type: 'scoreStarted' }), { type: 'scoreFinished', outcome: { status: 'scored', report: report() } });
    expect(s.shown).toEqual({});
  });

  it('reset forgets the previous workbook', () => {
    const s = run({ type: 'detected', workbook: KUNMING_TABLES }, { type: 'reset' });
    expect(s).toBe(initialPaneState);
  });
});
