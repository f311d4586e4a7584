/**
 * 存在的问题: the findings of a run, grouped by kind and counted, each group one sentence an officer can
 * put in the report as it stands (`发放明细中 1 笔紧急救助 1,000.00 元低于 2,000–5,000 元标准（第 3 行）`),
 * plus what the scores themselves show (indicators short of their targets, budget not fully spent).
 * Every figure is the finding's or the report's; the wording of each kind is in problemKinds.json.
 */
import type { Finding } from '../findings';
import { formatFen, formatLimit, yuanToFen } from '../checks/money';
import { builtinPacks } from '../rules/builtinPacks';
import type { Report } from '../report/report';
import { formatPercent } from '../report/format';
import { selfTotalFinding } from '../report/selfTotalFinding';
import problemKinds from './problemKinds.json';
import { formatScore, formatWan, quantityPhrase } from './reportNumbers';

export type ProblemKind = keyof typeof problemKinds.kinds;

export interface Problem {
  kind: ProblemKind;
  /** One sentence, with its figures. */
  text: string;
}

/** How many rows a sentence lists before it says 等. */
const ROWS_LISTED = 10;

/** The rule kind of each built-in pack rule, by rule id (a 规则 sheet keeps the ids). */
let ruleKinds: Map<string, string> | null = null;
function ruleKindOf(rule: string): string | null {
  if (!ruleKinds) {
    ruleKinds = new Map();
    for (const pack of builtinPacks().values()) for (const r of pack.rules) ruleKinds.set(r.id, r.kind);
  }
  return ruleKinds.get(rule) ?? null;
}

function isProblemKind(kind: string): kind is ProblemKind {
  return Object.prototype.hasOwnProperty.call(problemKinds.kinds, kind);
}

export function problemLabel(kind: ProblemKind): string {
  return problemKinds.kinds[kind].label;
}

export function suggestionFor(kind: ProblemKind): string {
  return problemKinds.kinds[kind].suggestion;
}

function kindOf(f: Finding): ProblemKind {
  if (f.rule === 'self-score-above-computed') return 'selfScore';
  if (f.rule === 'over-budget') return 'overBudget';
  if (f.rule.startsWith('reconcile')) return 'reconcile';
  const kind = ruleKindOf(f.rule);
  return kind !== null && isProblemKind(kind) ? kind : 'other';
}

/** `第 3、15 行` (at most ROWS_LISTED, then 等). */
function rowsText(findings: Finding[]): string {
  const rows = [...new Set(findings.filter((f) => f.row > 0).map((f) => f.row))].sort((a, b) => a - b);
  if (rows.length === 0) return '';
  const listed = rows.slice(0, ROWS_LISTED).join('、');
  return `（第 ${listed} 行${rows.length > ROWS_LISTED ? '等' : ''}）`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** `2000–5000` → `2,000–5,000 元`; `≤3000` → `不超过 3,000 元`. */
function bandPhrase(allowed: string): string {
  const limit = (s: string) => formatLimit(yuanToFen(Number(s)));
  const range = /^(\d+(?:\.\d+)?)[–-](\d+(?:\.\d+)?)$/.exec(allowed);
  if (range) return `${limit(range[1])}–${limit(range[2])} 元`;
  const one = /^([≤≥]?)(\d+(?:\.\d+)?)$/.exec(allowed);
  if (one) return `${one[1] === '≤' ? '不超过 ' : one[1] === '≥' ? '不低于 ' : ''}${limit(one[2])} 元`;
  return allowed;
}

/** The category an amount-band finding names: the pack rule's label (季度救助). */
function ruleLabel(rule: string): string {
  for (const pack of builtinPacks().values()) {
    const r = pack.rules.find((x) => x.id === rule);
    if (r && 'label' in r && typeof r.label === 'string') return r.label;
  }
  return '';
}

function bandLow(f: Finding): boolean {
  const min = /^(\d+(?:\.\d+)?)/.exec(f.allowed ?? '');
  return typeof f.value === 'number' && min !== null && !(f.allowed ?? '').startsWith('≤') && f.value < Number(min[1]);
}

function amountBandProblems(findings: Finding[]): Problem[] {
  const groups = groupBy(findings, (f) => `${f.rule}\u0000${bandLow(f) ? 'low' : 'high'}\u0000${f.allowed ?? ''}`);
  return [...groups.values()].map((list) => {
    const f = list[0];
    const label = ruleLabel(f.rule);
    const amount = list.length === 1 && typeof f.value === 'number' ? ` ${formatFen(yuanToFen(f.value))} 元` : '';
    const side = bandLow(f) ? '低于' : '高于';
    const where = f.sheet ? `“${f.sheet}”` : '发放明细';
    return {
      kind: 'amountBand',
      text: `${where}中 ${list.length} 笔${label}${amount}${side} ${bandPhrase(f.allowed ?? '')}标准${rowsText(list)}。`,
    };
  });
}

function requiredFieldProblems(findings: Finding[]): Problem[] {
  const groups = groupBy(findings, (f) => /的(.{1,12}?)为空/.exec(f.message)?.[1] ?? '必填信息');
  return [...groups].map(([field, list]) => ({
    kind: 'requiredFields',
    text: `“${list[0].sheet || '发放明细'}”中 ${list.length} 笔缺少${field}${rowsText(list)}。`,
  }));
}

function selfScoreProblems(findings: Finding[], report: Report): Problem[] {
  const parts: string[] = [];
  const total = selfTotalFinding(report);
  if (total && report.selfReportedTotal !== null && report.total !== null) {
    parts.push(
      `自评总得分 ${formatScore(report.selfReportedTotal)} 分，按实际完成值计算为 ${formatScore(report.total)} 分，` +
        `自评偏高 ${formatScore(report.selfReportedTotal - report.total)} 分`,
    );
  }
  const named: string[] = [];
  for (const f of findings) {
    if (f === total) continue;
    const i = report.indicators.find((x) => x.sheet === f.sheet && x.row === f.row && x.selfScore !== null && x.computedScore !== null);
    named.push(i ? `${i.level2}“${i.name}”自评 ${formatScore(i.selfScore!)} 分、计算 ${formatScore(i.computedScore!)} 分` : f.message.replace(/。$/, ''));
  }
  if (named.length > 0) parts.push(`${named.length} 项指标自评得分高于计算得分（${named.join('；')}）`);
  return parts.length > 0 ? [{ kind: 'selfScore', text: `${parts.join('；')}。` }] : [];
}

function otherLedgerProblems(kind: ProblemKind, findings: Finding[]): Problem[] {
  const groups = groupBy(findings, (f) => f.sheet);
  return [...groups].map(([sheet, list]) => ({
    kind,
    text: sheet
      ? `“${sheet}”中 ${list.length} 处${problemLabel(kind)}${rowsText(list)}。`
      : `${problemLabel(kind)}：${list.map((f) => f.message).join('')}`,
  }));
}

function scoreProblems(report: Report): Problem[] {
  const out: Problem[] = [];
  const short = report.indicators.filter((i) => i.status === 'short' && i.completionRate !== null);
  if (short.length > 0) {
    const named = short.map((i) => {
      const q = quantityPhrase(i);
      return `${i.level2}“${i.name}”${q ? `实际完成 ${q.actual}，年度指标 ${q.target}，` : ''}完成率 ${formatPercent(i.completionRate!)}`;
    });
    out.push({ kind: 'shortIndicators', text: `${short.length} 项指标未达到年度指标值：${named.join('；')}。` });
  }
  const over = report.indicators.filter((i) => i.status === 'over' && i.completionRate !== null);
  if (over.length > 0) {
    out.push({
      kind: 'overAchieved',
      text: `${over.length} 项指标超额完成较多，年度指标可能设置偏低：${over.map((i) => `“${i.name}”完成率 ${formatPercent(i.completionRate!)}`).join('；')}。`,
    });
  }
  const b = report.budget;
  if (b && b.executionRate !== null && b.executionRate < 1 && b.executed !== null) {
    const base = b.adjusted ?? b.initial;
    out.push({
      kind: 'underExecution',
      text: `预算执行率 ${formatPercent(b.executionRate)}，全年执行数 ${formatWan(b.executed)} 万元${base !== null ? `，${b.adjusted !== null ? '调整后预算' : '年初预算'} ${formatWan(base)} 万元` : ''}，预算未全部执行。`,
    });
  }
  return out;
}

/** The problems a report shows, in the order of problemKinds.json; info findings are notes, not problems. */
export function problemsOf(report: Report): Problem[] {
  const byKind = groupBy(report.findings.filter((f) => f.severity !== 'info'), kindOf);
  const fromScores = scoreProblems(report);
  const out: Problem[] = [];
  for (const kind of Object.keys(problemKinds.kinds) as ProblemKind[]) {
    const list = byKind.get(kind) ?? [];
    if (kind === 'amountBand') out.push(...amountBandProblems(list));
    else if (kind === 'requiredFields') out.push(...requiredFieldProblems(list));
    else if (kind === 'selfScore') out.push(...selfScoreProblems(list, report));
    else if (kind === 'reconcile' || kind === 'overBudget' || kind === 'other') out.push(...messages(kind, list));
    else if (list.length > 0) out.push(...otherLedgerProblems(kind, list));
    out.push(...fromScores.filter((p) => p.kind === kind));
  }
  return out;
}

/** Findings quoted as they are, at most ROWS_LISTED of a kind, then how many more. */
function messages(kind: ProblemKind, findings: Finding[]): Problem[] {
  const out: Problem[] = findings.slice(0, ROWS_LISTED).map((f) => ({ kind, text: f.message }));
  if (findings.length > ROWS_LISTED) out.push({ kind, text: `另有 ${findings.length - ROWS_LISTED} 处同类问题，见“异常清单”。` });
  return out;
}

/** One suggestion per kind of problem found, in the same order. */
export function suggestionsFor(problems: Problem[]): { kind: ProblemKind; text: string }[] {
  const kinds = [...new Set(problems.map((p) => p.kind))];
  return kinds.map((kind) => ({ kind, text: suggestionFor(kind) }));
}
