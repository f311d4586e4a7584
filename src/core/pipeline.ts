/**
 * The pipeline, in named stages: map → model → score → check → reconcile → explain → report → patch.
 * Each stage is a function of what the stages before it made (its input type) and adds its own part.
 * Pure: the same snapshot and options always give the same result, on either host.
 */
import { a1, rangeA1 } from './address';
import { mapWorkbook } from './detect/mapping';
import { draftBudgetExplanation, draftIndicatorExplanation, ledgerNote } from './explain/draftExplanation';
import { BUDGET_KEY, explanationOf, officerExplanations } from './explain/previousExplanations';
import { boundFinding, type Finding } from './findings';
import { runChecks } from './checks/runChecks';
import { readLedger } from './ledger/readLedger';
import type { Ledger } from './ledger/types';
import { fromSerial } from './parse/date';
import { chooseRules, RuleChoiceError } from './rules/chooseRules';
import { packNames } from './rules/resolvePacks';
import { rulesToRows } from './rules/rulesSheet';
import { suggestPacks } from './rules/suggestPacks';
import { buildModel } from './model/buildModel';
import { categoryForIndicator, summariseLedger } from './reconcile/ledgerSummary';
import { reconcileLedger } from './reconcile/reconcileLedger';
import { buildAnomalySheet, sortFindings } from './output/anomalySheet';
import { highlightsFor } from './output/highlights';
import { buildScoredSheet } from './output/scoredSheet';
import { findOwnSheets, markText, ownSheetName, withMark } from './output/ownSheets';
import type { Patch, SheetWrite } from './patch';
import type { Report, ReportBudget, ReportIndicator } from './report/report';
import { getScheme, SCHEMES } from './scoring/scheme';
import { scoreProject } from './scoring/scoreProject';
import { whatWasRead } from './scoring/whatWasRead';
import type { AddinState, MappingOverride, OwnSheetRole, WorkbookSnapshot } from './snapshot';

export interface PipelineOptions {
  /** Scheme id (SCHEMES); `default` when omitted. */
  scheme?: string;
  /** Mapping overrides; they win over the ones remembered in the workbook. */
  mapping?: MappingOverride[];
  /** Rule packs to check the ledger with (SPEC §5); remembered for the next run. */
  rules?: string[];
  /** Write the chosen rules as an editable 规则 sheet. */
  writeRules?: boolean;
  /** Pack parameters such as 月低保标准 (元). */
  parameters?: Record<string, number | null>;
  /** The evaluated year; by default the year most payments in the ledger were made. */
  year?: number;
}

export interface PipelineResult {
  report: Report;
  patch: Patch;
}

/** The input cannot be scored: the message is for the user, in Chinese, and says where we looked. */
export class NotScorableError extends Error {
  override readonly name = 'NotScorableError';
  /**
   * The same, as the task pane says it: no 「无法评分：」 (the pane's title says it), and the pane's way out
   * (指定表格用途, 插入模板, 规则与方案) instead of the command line's --mapping or --rules.
   */
  readonly inPane: string;
  constructor(message: string, inPane?: string) {
    super(message);
    this.inPane = (inPane ?? message).replace(/^无法评分[：:]\s*/, '');
  }
}

export const SCORED_SHEET = '绩效目标';
export const ANOMALY_SHEET = '异常清单';
export const RULES_SHEET = '规则';

// ─── stages ───────────────────────────────────────────────────────────────────────────────────────
// Each stage takes what the stages before it produced and adds its own part; runPipeline chains them.

type Scheme = NonNullable<ReturnType<typeof getScheme>>;
type Mapping = ReturnType<typeof mapWorkbook>;
type OwnSheets = ReturnType<typeof findOwnSheets>;
type BuiltModel = ReturnType<typeof buildModel>;
type Model = NonNullable<BuiltModel['model']>;

/** map: the scheme chosen, the workbook's own sheets found, every table given a role. */
export interface Mapped {
  snapshot: WorkbookSnapshot;
  options: PipelineOptions;
  scheme: Scheme;
  overrides: MappingOverride[];
  own: OwnSheets;
  mapping: Mapping;
}

/** model: the project (budget, indicators) and the ledgers read from the mapped tables; the rules chosen. */
export interface Modeled extends Mapped {
  built: BuiltModel;
  /** Null when there is nothing to score (a ledger-only workbook). */
  model: Model | null;
  ledgers: Ledger[];
  choice: ReturnType<typeof chooseRules>;
}

/** score: the project scored by the scheme, and what a partial read missed. */
export interface Scored extends Modeled {
  scored: ReturnType<typeof scoreProject> | null;
  read: ReturnType<typeof whatWasRead> | null;
}

/** check: the ledgers summarised and checked against the chosen rules. */
export interface Checked extends Scored {
  summaries: ReturnType<typeof summariseLedger>[];
  checks: Finding[];
}

/** reconcile: the ledgers against 全年执行数 and the indicators' 实际完成值. */
export interface Reconciled extends Checked {
  reconciliation: Finding[];
}

/** explain: each indicator and the budget with the officer's explanation, or a draft where one is needed. */
export interface Explained extends Reconciled {
  indicators: ReportIndicator[];
  budget: ReportBudget | null;
  /** The drafts written this run, by indicator key (BUDGET_KEY for the budget). */
  drafts: Record<string, string>;
}

/** report: every finding bounded and sorted, the names of the sheets to write, the report. */
export interface Reported extends Explained {
  findings: Finding[];
  scoredName: string | null;
  anomalyName: string | null;
  report: Report;
}

export function mapStage(snapshot: WorkbookSnapshot, options: PipelineOptions = {}): Mapped {
  const schemeId = options.scheme ?? snapshot.state?.scheme ?? 'default';
  const scheme = getScheme(schemeId);
  if (!scheme) {
    throw new NotScorableError(`未知的评分方案“${schemeId}”。可用方案：${Object.keys(SCHEMES).join('、')}。`);
  }
  const overrides = [...(snapshot.state?.mapping ?? []), ...(options.mapping ?? [])];
  const own = findOwnSheets(snapshot);
  const mapping = mapWorkbook(snapshot, overrides, own);
  return { snapshot, options, scheme, overrides, own, mapping };
}

export function modelStage(input: Mapped): Modeled {
  const { snapshot, options, own, mapping } = input;
  const built = buildModel(mapping);
  const model = built.model && (built.model.indicators.length > 0 || built.model.budget) ? built.model : null;
  const ledgers = mapping.tables
    .filter((t) => t.role === 'ledger')
    .map((t) => readLedger(t, mapping.grids.get(t.sheet)!));
  if (!model && ledgers.length === 0) {
    throw new NotScorableError(notFoundMessage(mapping.searchedSheets, snapshot), notFoundMessage(mapping.searchedSheets, snapshot, 'pane'));
  }
  let choice;
  try {
    choice = chooseRules(snapshot, mapping, own, options.rules, options.parameters);
  } catch (e) {
    if (e instanceof RuleChoiceError) throw new NotScorableError(e.message);
    throw e;
  }
  if (!model && !choice.resolved) {
    const found = `工作簿中有发放明细（${ledgers.map((l) => `“${l.sheet}”`).join('、')}），`;
    throw new NotScorableError(
      `${notFoundMessage(mapping.searchedSheets, snapshot)}${found}` +
        '如只需检查发放明细，请选择规则包（如 --rules gz-zengcheng-2023），将只检查不评分。',
      `${notFoundMessage(mapping.searchedSheets, snapshot, 'pane')}${found}如只需检查发放明细，请在“规则与方案”中勾选规则包，将只检查不评分。`,
    );
  }
  return { ...input, built, model, ledgers, choice };
}

export function scoreStage(input: Modeled): Scored {
  const { model, scheme, built, mapping } = input;
  const scored = model ? scoreProject(model, scheme) : null;
  // Nothing scored is not a score (SPEC §4): refuse rather than print 0.00 差; say what a partial read missed.
  const budgetTable = built.used.find((t) => t.role === 'budget') ?? null;
  const read = model && scored ? whatWasRead({
    model,
    scored,
    budgetTable,
    budgetGrid: budgetTable ? mapping.grids.get(budgetTable.sheet) ?? null : null,
    indicatorTables: built.used.filter((t) => t.role === 'selfEvaluation' || t.role === 'indexSystem' || t.role === 'targets'),
    searchedSheets: mapping.searchedSheets,
  }) : null;
  if (read?.refusal) throw new NotScorableError(read.refusal, read.refusalInPane);
  return { ...input, scored, read };
}

export function checkStage(input: Scored): Checked {
  const { ledgers, choice, options, mapping } = input;
  const summaries = ledgers.map(summariseLedger);
  const checks: Finding[] = [...choice.findings];
  if (choice.resolved) {
    const names = packNames(choice.resolved);
    if (ledgers.length === 0) checks.push(noLedgerFinding(names, choice.resolved.requested, mapping.searchedSheets));
    for (const ledger of ledgers) {
      // One by one: spreading 125,000 findings into push() overflows the call stack.
      for (const f of runChecks(ledger, choice.resolved, { year: options.year ?? evaluatedYear(ledger), packNames: names })) checks.push(f);
    }
  }
  return { ...input, summaries, checks };
}

export function reconcileStage(input: Checked): Reconciled {
  const { model, summaries } = input;
  return { ...input, reconciliation: model ? reconcileLedger(summaries, model.budget, model.indicators) : [] };
}

export function explainStage(input: Reconciled): Explained {
  const { snapshot, own, scored, summaries, model } = input;
  const officer = officerExplanations(snapshot, own);
  const drafts: Record<string, string> = {};

  const indicators: ReportIndicator[] = (scored?.indicators ?? []).map((s) => {
    const ind = s.indicator;
    let explanation = explanationOf(officer.get(ind.key), ind.explanation) ?? '';
    let source: ReportIndicator['explanationSource'] = explanation ? 'officer' : 'none';
    if (!explanation && s.needsExplanation) {
      const figures = summaries.map((x) => categoryForIndicator(ind.name, x)).find((x) => x !== null);
      explanation = draftIndicatorExplanation(s, figures ? ledgerNote(figures.count, figures.sumFen) : '');
      drafts[ind.key] = explanation;
      source = 'draft';
    }
    return {
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.targetText,
      actual: ind.actualText,
      weight: ind.weight,
      score: s.hundredths / 100,
      computedScore: s.computed,
      selfScore: ind.selfScore,
      evaluatorScore: ind.evaluatorScore,
      completionRate: s.completionRate,
      status: s.status,
      explanation,
      explanationSource: source,
      sheet: ind.source.sheet,
      row: ind.source.row + 1,
    };
  });

  let budget: ReportBudget | null = null;
  if (scored?.budget) {
    const b = scored.budget;
    let explanation = explanationOf(officer.get(BUDGET_KEY), model?.budget?.explanation) ?? '';
    if (!explanation && b.needsExplanation) {
      explanation = draftBudgetExplanation(b);
      drafts[BUDGET_KEY] = explanation;
    }
    budget = {
      initial: fenToYuan(b.initialFen),
      adjusted: fenToYuan(b.adjustedFen),
      executed: fenToYuan(b.executedFen),
      executionRate: b.executionRate,
      weight: b.weight,
      score: b.weight === null ? null : b.hundredths / 100,
      selfScore: b.selfScore,
      explanation,
    };
  }
  return { ...input, indicators, budget, drafts };
}

export function reportStage(input: Explained): Reported {
  const { snapshot, own, read, mapping, built, scored, reconciliation, checks, model, scheme, budget, indicators } = input;
  const sheetOrder = new Map(snapshot.sheets.map((s) => [s.name, s.index]));
  // What withholds the grade, then what was not read, go first (sortFindings): every other figure in the
  // report is read in their light.
  // Every finding quotes a cell at most QUOTE_CHARS long (boundFinding).
  const findings: Finding[] = sortFindings(
    [...(read?.partlyRead ? [read.partlyRead] : []), ...mapping.findings, ...built.findings, ...(scored?.findings ?? []), ...reconciliation, ...checks].map(boundFinding),
    sheetOrder,
    new Set(input.ledgers.map((l) => l.sheet)),
  );
  const scoredName = scored ? ownSheetName(SCORED_SHEET, 'scored', snapshot, own) : null;
  const anomalyName = findings.length > 0 ? ownSheetName(ANOMALY_SHEET, 'anomalies', snapshot, own) : null;

  const report: Report = {
    total: scored ? scored.totalHundredths / 100 : null,
    grade: scored ? scored.grade : null,
    selfReportedTotal: model ? model.selfReportedTotal : null,
    kind: model ? model.kind : 'ledger',
    scheme: scheme.id,
    budget,
    indicators,
    summary: scored ? scored.summary : [],
    mapping: mapping.tables.map((t) => ({
      sheet: t.sheet, range: rangeA1(t.range), role: t.role, confidence: t.confidence, overridden: t.overridden, because: t.because,
    })),
    findings,
    ledgerCheck: input.ledgers.length === 0 ? null : {
      sheets: input.ledgers.map((l) => l.sheet),
      checked: input.choice.resolved !== null,
      suggestedPacks: input.choice.resolved ? [] : suggestPacks(input.ledgers),
    },
    output: { scoredSheet: scoredName, anomalySheet: anomalyName },
  };
  return { ...input, findings, scoredName, anomalyName, report };
}

export function patchStage(input: Reported): PipelineResult {
  const { snapshot, options, own, scheme, report, findings, scoredName, anomalyName, choice, overrides, drafts, mapping } = input;
  const lastSource = snapshot.sheets.filter((s) => !own.isOutput(s.name)).pop()?.name;
  // A verified sheet keeps its mark (the one the host checks before replacing it); a new one gets ours.
  const mark = (role: OwnSheetRole) => own.verified.get(role)?.mark ?? markText(role, own.token);
  const sheets: SheetWrite[] = scoredName ? [withMark(buildScoredSheet(report, scoredName, scheme.name, lastSource), mark('scored'))] : [];
  if (anomalyName) sheets.push(withMark(buildAnomalySheet(findings, anomalyName, scoredName ?? lastSource), mark('anomalies')));
  const ownSheets: AddinState['ownSheets'] = sheets.map((s) => ({ name: s.name, role: s.role, mark: s.mark }));
  const ownRulesSheet = own.verified.get('rules');
  if (ownRulesSheet) {
    // The officer edits the 规则 sheet: it is never rewritten or removed, whatever this run checked with.
    ownSheets.push({ name: ownRulesSheet.name, role: 'rules', mark: ownRulesSheet.mark });
  } else if (options.writeRules && choice.resolved) {
    const rows = rulesToRows(choice.resolved);
    const name = ownSheetName(RULES_SHEET, 'rules', snapshot, own);
    sheets.push(withMark({ name, role: 'rules', ...rows, after: anomalyName ?? scoredName ?? lastSource, frozenRows: 1 }, mark('rules')));
    ownSheets.push({ name, role: 'rules', mark: mark('rules') });
  }
  const ownReportSheet = own.verified.get('report');
  // The 自评报告（草稿） holds what the officer wrote into it: 评分 neither rewrites nor removes it (生成报告 does).
  if (ownReportSheet) ownSheets.push({ name: ownReportSheet.name, role: 'report', mark: ownReportSheet.mark });
  const written = new Set(ownSheets.map((s) => s.name));
  const state: AddinState = {
    version: 1,
    ownSheets,
    ...(snapshot.state?.mapping ? { mapping: snapshot.state.mapping } : {}),
    ...(options.mapping && options.mapping.length > 0 ? { mapping: overrides } : {}),
    scheme: scheme.id,
    ...(choice.resolved ? { rules: choice.resolved.requested } : {}),
    drafts,
    highlights: snapshot.state?.highlights ?? [],
  };
  const patch: Patch = {
    sheets,
    // Only sheets that carry the mark this workbook's state records: never the officer's.
    removeSheets: [...own.verified.values()].filter((s) => !written.has(s.name)),
    highlights: highlightsFor(findings, new Set(mapping.tables.filter((t) => t.role === 'ledger').map((t) => t.sheet))),
    // A re-run replaces the previous run's highlights, even when it finds nothing left to flag.
    clearHighlights: true,
    state,
    ...(scoredName ?? anomalyName ? { select: { sheet: (scoredName ?? anomalyName)!, cell: a1(0, 0) } } : {}),
  };
  return { report, patch };
}

/** Every stage after map: what the pane runs as 评分 once 识别 (mapStage) is done. */
export function scoreMapped(mapped: Mapped): PipelineResult {
  return patchStage(reportStage(explainStage(reconcileStage(checkStage(scoreStage(modelStage(mapped)))))));
}

/** map → model → score → check → reconcile → explain → report → patch. */
export function runPipeline(snapshot: WorkbookSnapshot, options: PipelineOptions = {}): PipelineResult {
  return scoreMapped(mapStage(snapshot, options));
}

/**
 * Packs were chosen but there is no ledger to check: said once, as 提示, so the officer does not read
 * the absence of findings as a clean ledger.
 */
function noLedgerFinding(names: string, ids: string[], searched: string[]): Finding {
  const where = searched.length > 0 ? `（已查找工作表 ${searched.map((s) => `“${s}”`).join('、')}）` : '';
  return {
    rule: 'missing-ledger',
    severity: 'info',
    sheet: '',
    cell: '',
    row: 0,
    value: ids.join('、'),
    allowed: null,
    message: `未找到发放明细表${where}，规则包“${names}”没有可检查的发放。如工作簿中有发放明细而未被识别，请把该表格的用途指定为“发放明细”后重新评分。`,
  };
}

/** The year most payments were made in: the year being evaluated, unless the caller says otherwise. */
function evaluatedYear(ledger: Ledger): number | null {
  const counts = new Map<number, number>();
  for (let i = 0; i < ledger.length; i++) {
    const serial = ledger.paymentDate[i] > 0 ? ledger.paymentDate[i] : ledger.applicationDate[i];
    if (serial <= 0) continue;
    const y = fromSerial(serial).y;
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

function fenToYuan(fen: number | null): number | null {
  return fen === null ? null : fen / 100;
}

function notFoundMessage(searched: string[], snapshot: WorkbookSnapshot, where: 'cli' | 'pane' = 'cli'): string {
  const sheets = searched.length > 0 ? searched.map((s) => `“${s}”`).join('、') : '（工作簿中没有可读的工作表）';
  const empty = snapshot.sheets.length === 0;
  return (
    `无法评分：在工作表 ${sheets} 中没有找到预算执行表或绩效指标表。` +
    (empty ? '' : '已逐行查找表头，未发现含“年初预算数/全年预算数/全年执行数”的预算表，也未发现含“三级指标（指标名称）/年度指标值/实际完成值/分值”的指标表。') +
    (where === 'cli'
      ? '请确认工作簿包含绩效自评表或绩效目标申报表，或用 --mapping 指定表格所在的工作表和区域（如 {"sheet":"Sheet1","range":"A5:H30","role":"selfEvaluation"}）。'
      : '请确认工作簿包含绩效自评表或绩效目标申报表：表格已在工作簿中时，在“识别的表格”中为它指定表格用途；还没有时，点“插入模板”得到一张空白自评表，填写后再评分。')
  );
}
