/**
 * The pane's strings: one typed key set, two languages. A key missing from either file is a type error.
 * Domain data (rule-pack descriptions, finding messages, sheet names) stays Chinese in both: it is what
 * the workbook and the policy documents say.
 */
import type { Stage } from '../app/scoreWorkbook';
import type { Severity } from '../core/findings';
import type { TableRole } from '../core/snapshot';

export type Locale = 'zh-CN' | 'en-US';

/** A role the user can give a detected table: one the core knows, or 忽略 (leave it out). */
export type RoleChoice = TableRole | 'ignore';

/** Rule ids the core itself reports (pack rules carry their own description). */
export type CoreRule =
  | 'budget-zero'
  | 'evaluator-score-range'
  | 'execution-cap'
  | 'ledger-unread-row'
  | 'manual-assessment'
  | 'mapping-override'
  | 'missing-actual'
  | 'missing-budget'
  | 'missing-evaluator-score'
  | 'missing-ledger'
  | 'missing-weight'
  | 'merges-unread'
  | 'number-out-of-range'
  | 'over-achievement'
  | 'over-budget'
  | 'partly-read'
  | 'qualitative-band'
  | 'reconcile-count'
  | 'reconcile-total'
  | 'self-score-above-computed'
  | 'stated-rate'
  | 'total-above-100'
  | 'unit-mismatch'
  | 'unknown-category'
  | 'unmatched-actual'
  | 'unreadable-number'
  | 'weight-sum'
  | 'weight-total'
  | 'rules-sheet/invalid-value'
  | 'rules-sheet/unknown-row'
  | 'rules-sheet/missing-row'
  | 'rules-sheet/unusable';

export interface Messages {
  appTitle: string;
  dismiss: string;

  // 1. 识别的表格
  tablesHeading: string;
  detectButton: string;
  detecting: string;
  detectFailed: (detail: string) => string;
  noTables: string;
  columnSheet: string;
  columnRange: string;
  columnRole: string;
  columnConfidence: string;
  roleSelectLabel: (sheet: string, range: string) => string;
  roles: Record<RoleChoice, string>;
  roleOverridden: string;
  rolePending: string;

  // 2. 规则与方案
  rulesHeading: string;
  packsLabel: string;
  packsHint: string;
  schemeLabel: string;
  writeRulesLabel: string;
  /** The folded section's one line: which packs, which scheme. */
  rulesSummary: (packs: string, scheme: string) => string;
  noPacks: string;
  /** Before 评分: a ledger was detected and no pack is ticked. */
  ledgerFound: (sheets: string) => string;
  suggestPack: (pack: string) => string;
  usePack: string;

  // 3. 评分
  scoreButton: string;
  cancelButton: string;
  cancelling: string;
  progressLabel: string;
  stages: Record<Stage, string>;
  stageStatus: (stage: string, step: number, steps: number) => string;
  sheetsRead: (done: number, total: number) => string;
  cancelled: string;
  scoreFailedTitle: string;
  unexpectedErrorTitle: string;
  unexpectedError: (detail: string) => string;

  // 4. 结果
  resultsHeading: string;
  /** 「发放明细：未检查（未选择规则包）」 */
  ledgerUnchecked: string;
  resultCounts: (errors: number, warnings: number) => string;
  selfVsComputed: (self: string, computed: string) => string;
  detailsHeading: string;
  /** A deviation whose explanation is still the draft's （待填写）. */
  explanationMissing: string;
  draft: string;
  total: string;
  grade: string;
  writtenTo: (sheet: string) => string;
  summaryHeading: string;
  factor: string;
  weight: string;
  score: string;
  rate: string;
  deviationsHeading: string;
  noDeviations: string;
  budgetExecution: string;
  scoreOfWeight: (score: string, weight: string) => string;
  completion: (rate: string) => string;
  noExplanation: string;
  selfScoreHeading: string;
  selfReported: string;
  computed: string;
  selfHigher: (self: string, computed: string, diff: string) => string;
  selfNotHigher: string;
  noSelfScore: string;
  liveScored: (total: string, grade: string, findings: number) => string;
  /** A workbook with only a ledger: checked against the packs, not scored. */
  ledgerOnly: string;
  liveChecked: (findings: number) => string;

  // 5. 异常清单
  anomaliesHeading: string;
  severities: Record<Severity, string>;
  severityFilter: string;
  severityToggle: (label: string, count: number) => string;
  noFindings: string;
  allFiltered: string;
  groupCount: (count: number) => string;
  showMore: (shown: number, total: number) => string;
  value: string;
  allowed: string;
  ruleId: (id: string) => string;
  walkPosition: (n: number, total: number) => string;
  walkNone: (total: number) => string;
  previous: string;
  next: string;
  findingsList: string;
  expandGroup: (name: string) => string;
  wholeWorkbook: string;
  goToCell: (place: string) => string;
  selectFailed: (detail: string) => string;
  ruleDescriptions: Record<CoreRule, string>;

  // 6. 清除标记 / 插入模板
  toolsHeading: string;
  clearMarks: string;
  insertTemplate: string;
  clearDone: (cells: number) => string;
  clearFailed: (detail: string) => string;
  templateDone: (sheet: string) => string;
  templateFailed: (detail: string) => string;
  generateReport: string;
  reportHint: string;
  /** The sheet written; `downloaded` false where the host cannot download (Excel's desktop panes). */
  reportDone: (sheet: string, downloaded: boolean) => string;
  reportFailed: (detail: string) => string;
}
