/**
 * Scores one indicator by SPEC §4: quantitative by formula, qualitative by level and band, timeliness
 * by date; the evaluator's score in an index system is authoritative and never replaced.
 */
import { a1 } from '../address';
import { quoted, type Finding } from '../findings';
import type { IndicatorModel, ProjectKind, SourceRef } from '../model/types';
import { levelLabel, parseLevel, type Level } from '../parse/qualitative';
import type { Actual, Target } from '../parse/target';
import { normalizeName } from '../parse/text';
import { directionOf, reconcile, scoreQuantitative } from './quantitative';
import { round2, round4, toHundredths } from './rounding';
import type { Scheme } from './scheme';
import type { ScoredIndicator } from './types';

interface Computed {
  status: ScoredIndicator['status'];
  fraction: number | null;
  completionRate: number | null;
  direction: ScoredIndicator['direction'];
  level: Level | null;
  targetValue: number | null;
  actualValue: number | null;
  unit: string | null;
}

const NONE: Omit<Computed, 'status'> = {
  fraction: null, completionRate: null, direction: null, level: null, targetValue: null, actualValue: null, unit: null,
};

export function scoreIndicator(ind: IndicatorModel, kind: ProjectKind, scheme: Scheme, findings: Finding[]): ScoredIndicator {
  if (ind.weight !== null) return scoreWeighted(ind, kind, scheme, findings);
  // One cause, one finding: without a 分值 every score of the indicator is out of its range 0–0 and above
  // what it computes to, so the findings that follow from it are folded into the one that names the cause.
  const consequences: Finding[] = [];
  const scored = scoreWeighted(ind, kind, scheme, consequences);
  const given = kind === 'indexSystem' ? ind.evaluatorScore : ind.selfScore;
  const which = kind === 'indexSystem' ? '评价得分' : '自评得分';
  findings.push(finding(ind, ind.cells.weight ?? ind.source, 'missing-weight', 'warning', null, null,
    `指标“${quoted(ind.name)}”没有分值，未计入总分${given !== null ? `（${which} ${given} 分也未计入）` : ''}；请在表中填写分值后重新评分。`));
  for (const f of consequences) if (!FOLLOWS_FROM_MISSING_WEIGHT.has(f.rule)) findings.push(f);
  return scored;
}

/** Findings an indicator without a 分值 always raises, because its weight is taken as 0. */
const FOLLOWS_FROM_MISSING_WEIGHT = new Set(['evaluator-score-range', 'missing-evaluator-score', 'self-score-above-computed', 'qualitative-band']);

function scoreWeighted(ind: IndicatorModel, kind: ProjectKind, scheme: Scheme, findings: Finding[]): ScoredIndicator {
  const weight = ind.weight ?? 0;
  const c = compute(ind, scheme, findings);
  let computed: number | null = c.fraction === null ? null : round2(weight * c.fraction);

  // Qualitative: a score the unit or evaluator gave inside the level's band is kept (SPEC §4: 达成 with
  // 13 of 15 stays 13). Outside it, an evaluator's score is still authoritative but flagged; a unit's own
  // score gives way to the band's default (达成 100%, 部分达成 70%, 未达成 30%), and a finding says so.
  const given = kind === 'indexSystem' ? ind.evaluatorScore : ind.selfScore;
  let outsideBand = false;
  if (c.level && given !== null && weight > 0 && computed !== null) {
    const [lo, hi] = scheme.qualitativeBands[c.level];
    const f = given / weight;
    const inBand = c.level === 'achieved' ? f >= lo - 1e-9 && f <= hi + 1e-9 : f >= lo - 1e-9 && f < hi - 1e-9;
    const [low, high] = [round2(lo * weight), round2(hi * weight)];
    const band = `${low}–${high}`;
    if (inBand) computed = round2(given);
    else if (kind === 'indexSystem') {
      findings.push(finding(ind, ind.cells.evaluatorScore ?? ind.source, 'qualitative-band', 'warning', given, band,
        `指标“${quoted(ind.name)}”评定为“${levelLabel(c.level)}”，评价得分 ${given} 不在该档分值区间 ${band} 内。`));
    } else {
      outsideBand = true;
      const pct = round2((c.fraction ?? 0) * 100);
      const closed = c.level === 'achieved';
      findings.push(finding(ind, ind.cells.selfScore ?? ind.source, 'qualitative-band', 'warning', given,
        closed ? `[${low}, ${high}]` : `[${low}, ${high})`,
        `指标“${quoted(ind.name)}”实际完成情况为“${levelLabel(c.level)}”，自评得分 ${given} 不在该档分值区间 ${band} 分${closed ? '' : `（不含 ${high}）`}内，` +
          `按该档默认 ${pct}% 计 ${computed.toFixed(2)} 分。`));
    }
  }

  let hundredths: number;
  let status = c.status;
  if (kind === 'indexSystem') {
    // The evaluator's 得分 is authoritative; the computed score is shown beside it.
    const ev = ind.evaluatorScore;
    if (ev === null) {
      findings.push(finding(ind, ind.cells.evaluatorScore ?? ind.source, 'missing-evaluator-score', 'warning', null, `0–${weight}`,
        `指标“${quoted(ind.name)}”没有评价得分，按 0 分计。`));
      hundredths = computed === null ? 0 : toHundredths(computed);
      if (c.status === 'manual' || c.status === 'qualitative') status = 'missing';
    } else {
      if (ev > weight + 1e-9 || ev < 0) {
        findings.push(finding(ind, ind.cells.evaluatorScore ?? ind.source, 'evaluator-score-range', 'error', ev, `0–${weight}`,
          `指标“${quoted(ind.name)}”的评价得分 ${ev} 超出分值范围 0–${weight}。`));
      }
      hundredths = toHundredths(ev);
      if (c.status === 'manual') status = ev >= weight ? 'met' : 'short';
    }
  } else {
    if (computed === null) {
      hundredths = given === null ? 0 : toHundredths(Math.max(0, Math.min(given, weight)));
    } else hundredths = toHundredths(computed);
    // A self-score outside its band was said once, by the band finding, which names the score applied.
    if (!outsideBand && ind.selfScore !== null && computed !== null && ind.selfScore - computed > scheme.selfScoreTolerance) {
      findings.push(finding(ind, ind.cells.selfScore ?? ind.source, 'self-score-above-computed', 'warning', ind.selfScore,
        `≤${computed.toFixed(2)}`,
        `指标“${quoted(ind.name)}”自评得分 ${ind.selfScore.toFixed(2)}，按实际完成值计算应为 ${computed.toFixed(2)} 分，自评偏高 ${(ind.selfScore - computed).toFixed(2)} 分。`));
    }
  }
  const below = hundredths < toHundredths(weight);
  return {
    indicator: ind,
    status,
    hundredths,
    computed,
    completionRate: c.completionRate === null ? null : round4(c.completionRate),
    direction: c.direction,
    level: c.level,
    targetValue: c.targetValue,
    actualValue: c.actualValue,
    unit: c.unit,
    needsExplanation: below || status === 'over',
  };
}

function compute(ind: IndicatorModel, scheme: Scheme, findings: Finding[]): Computed {
  const t = ind.target;
  const a = ind.actual;
  if (!t) {
    // Index systems usually have neither; the evaluator scores them.
    return { status: a ? 'manual' : 'manual', ...NONE };
  }
  if (!a) {
    if (ind.cells.actual) {
      findings.push(finding(ind, ind.cells.actual, 'missing-actual', 'warning', null, ind.targetText,
        `指标“${quoted(ind.name)}”没有填写实际完成值，得 0 分。`));
      return { status: 'missing', ...NONE, fraction: 0 };
    }
    return { status: 'manual', ...NONE };
  }
  if (t.kind === 'quantitative' && a.kind === 'quantitative') return quantitative(ind, t, a, scheme, findings);
  if (t.kind === 'timeliness') return timeliness(ind, t, a, scheme);
  return qualitative(ind, t, a, scheme, findings);
}

function quantitative(
  ind: IndicatorModel,
  t: Extract<Target, { kind: 'quantitative' }>,
  a: Extract<Actual, { kind: 'quantitative' }>,
  scheme: Scheme,
  findings: Finding[],
): Computed {
  const actualValue = reconcile(t, a);
  if (actualValue === null) {
    findings.push(finding(ind, ind.cells.actual ?? ind.source, 'unit-mismatch', 'warning', ind.actualText, ind.targetText,
      `指标“${quoted(ind.name)}”的实际完成值“${quoted(ind.actualText)}”与年度指标值“${quoted(ind.targetText)}”单位不一致，无法自动评分，请人工评定。`));
    return { status: 'manual', ...NONE };
  }
  const direction = directionOf(t.comparator, ind.level2, scheme.reverseLevel2);
  const out = scoreQuantitative(direction, t.value, actualValue, t.upper);
  let fraction = out.fraction;
  let status: Computed['status'] = out.met ? 'met' : 'short';
  if (direction === 'positive' && t.upper === undefined && t.value > 0 && actualValue >= scheme.overAchievementRatio * t.value) {
    status = 'over';
    if (scheme.overAchievementDeduction !== null) fraction = Math.max(0, fraction - scheme.overAchievementDeduction);
    findings.push(finding(ind, ind.cells.actual ?? ind.source, 'over-achievement', 'warning', ind.actualText,
      `<${round2(scheme.overAchievementRatio * 100)}%`,
      `指标“${quoted(ind.name)}”实际完成值“${quoted(ind.actualText)}”${overText(actualValue / t.value, ind.targetText)}，年度指标可能设置偏低，须说明原因。`));
  }
  return {
    status, fraction, completionRate: out.completionRate, direction, level: null,
    targetValue: t.value, actualValue, unit: t.unit,
  };
}

function timeliness(ind: IndicatorModel, t: Extract<Target, { kind: 'timeliness' }>, a: Actual, scheme: Scheme): Computed {
  const key = (y: number, m?: number, d?: number) => y * 10000 + (m ?? 12) * 100 + (d ?? 31);
  let actualKey: number | null = null;
  if (a.kind === 'timeliness') actualKey = key(a.year, a.month, a.day);
  else if (a.kind === 'quantitative' && a.unit === '年') actualKey = key(a.value);
  else if (a.kind === 'qualitative') {
    const level = parseLevel(a.text);
    if (normalizeName(a.text) === normalizeName(ind.targetText)) return qualitativeResult('achieved', scheme);
    if (level) return qualitativeResult(level, scheme);
  }
  if (actualKey === null) return { status: 'manual', ...NONE };
  const level: Level = actualKey <= key(t.year, t.month, t.day) ? 'achieved' : 'notAchieved';
  return qualitativeResult(level, scheme);
}

function qualitative(ind: IndicatorModel, t: Target, a: Actual, scheme: Scheme, findings: Finding[]): Computed {
  const actualText = a.kind === 'qualitative' ? a.text : ind.actualText;
  if (normalizeName(actualText) === normalizeName(ind.targetText)) return qualitativeResult('achieved', scheme);
  const level = parseLevel(actualText);
  if (level) return qualitativeResult(level, scheme);
  findings.push(finding(ind, ind.cells.actual ?? ind.source, 'manual-assessment', 'info', ind.actualText, ind.targetText,
    `指标“${quoted(ind.name)}”的实际完成值“${quoted(ind.actualText)}”无法与年度指标“${quoted(ind.targetText)}”自动比对，请人工评定（可填写 达成/部分达成/未达成）。`));
  void t;
  return { status: 'manual', ...NONE };
}

function qualitativeResult(level: Level, scheme: Scheme): Computed {
  return { status: 'qualitative', ...NONE, level, fraction: scheme.qualitativeDefaults[level] };
}


function finding(
  ind: IndicatorModel, at: SourceRef, rule: string, severity: Finding['severity'],
  value: Finding['value'], allowed: string | null, message: string,
): Finding {
  const cell = a1(at.row, Math.max(at.col, 0));
  return { rule, severity, sheet: at.sheet, cell, row: at.row + 1, value, allowed, message: `“${at.sheet}”!${cell} ${message}` };
}

/** `达到年度指标“100人”的 250.00%`; a ratio too large to print (a target of 1E-300) is said in words. */
function overText(ratio: number, targetText: string): string {
  const pct = ratio * 100;
  return Number.isFinite(pct) && pct < 1e9 ? `达到年度指标“${quoted(targetText)}”的 ${pct.toFixed(2)}%` : `远超年度指标“${quoted(targetText)}”`;
}
