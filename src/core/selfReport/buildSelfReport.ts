/**
 * The 绩效自评报告 draft from a scored run (issue 16): the eight headings of the 财预〔2020〕10号 提纲 with
 * every figure taken from the report and the findings, and a 【待填写】 placeholder, with a one-line hint,
 * wherever only a person can write (背景, 组织管理, 经验及做法, a deviation's reason). Nothing is invented:
 * a fact the workbook does not hold is a placeholder, never a guess.
 */
import { normalizeName, normalizeText } from '../parse/text';
import type { Report, ReportIndicator } from '../report/report';
import { selfTotalFinding } from '../report/selfTotalFinding';
import type { TableRole } from '../snapshot';
import { problemLabel, problemsOf, suggestionsFor } from './problems';
import type { ProjectFacts } from './projectFacts';
import { formatRate, formatScore, formatWan, quantityPhrase } from './reportNumbers';
import type { ParagraphBlock, PlaceholderRun, ReportBlock, ReportRun, ReportSection, SelfReport, TableBlock } from './types';

export interface SelfReportInput {
  report: Report;
  project: ProjectFacts;
  /** What the officer wrote into placeholders on a previous run, by placeholder key: kept. */
  kept?: ReadonlyMap<string, string>;
}

/** The eight headings of the 提纲, in order. */
export const OUTLINE_HEADINGS = [
  '一、基本情况',
  '二、绩效评价工作开展情况',
  '三、综合评价情况及评价结论',
  '四、绩效评价指标分析',
  '五、主要经验及做法',
  '六、存在的问题及原因分析',
  '七、有关建议',
  '八、其他需要说明的问题',
] as const;

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** （一）, （二）… (past 十, the number). */
function ordinal(i: number): string {
  return `（${CHINESE_ORDINALS[i] ?? String(i + 1)}）`;
}

const ROLE_NAMES: Partial<Record<TableRole, string>> = {
  budget: '预算执行表',
  targets: '绩效目标表',
  actuals: '实际完成表',
  selfEvaluation: '绩效自评表',
  indexSystem: '评价指标体系',
  ledger: '发放明细',
};

export const DRAFT_NOTE = '（草稿：数据由绩效评价助手从工作簿生成，【待填写】处请补充后删去标记）';

/** Notes (info findings) listed under 八 before the placeholder. */
const NOTES_LISTED = 10;

export function buildSelfReport(input: SelfReportInput): SelfReport {
  const { report, project } = input;
  const kept = input.kept ?? new Map<string, string>();
  const ph = (key: string, hint: string): PlaceholderRun => {
    const text = kept.get(key);
    return { kind: 'placeholder', key, hint, text: text && text.trim() ? text : null };
  };
  const para = (...runs: (string | ReportRun)[]): ParagraphBlock => ({
    kind: 'paragraph',
    runs: runs.map((r) => (typeof r === 'string' ? { kind: 'text', text: r } : r)),
  });
  const tables = { count: 0 };
  const table = (caption: string, header: string[], rows: string[][], widths: number[]): TableBlock => {
    tables.count += 1;
    return { kind: 'table', caption: `表 ${tables.count} ${caption}`, header, rows, widths };
  };

  const sections: ReportSection[] = [
    { heading: OUTLINE_HEADINGS[0], blocks: basicFacts(report, project, ph, para, table) },
    { heading: OUTLINE_HEADINGS[1], blocks: evaluationWork(report, ph, para) },
    { heading: OUTLINE_HEADINGS[2], blocks: overallResult(report, para, table) },
    { heading: OUTLINE_HEADINGS[3], blocks: indicatorAnalysis(report, ph, para) },
    {
      heading: OUTLINE_HEADINGS[4],
      blocks: [para(ph('experience', '项目实施中行之有效的经验和做法，如实名制发放、分级审核、信息化管理'))],
    },
    { heading: OUTLINE_HEADINGS[5], blocks: problemsSection(report, ph, para) },
    { heading: OUTLINE_HEADINGS[6], blocks: suggestionsSection(report, ph, para) },
    { heading: OUTLINE_HEADINGS[7], blocks: otherNotes(report, ph, para) },
  ];
  const name = project.name ? project.name.replace(/(绩效自评报告|自评报告)$/, '') : '项目支出';
  return { title: `${name}绩效自评报告`, note: DRAFT_NOTE, sections };
}

type Ph = (key: string, hint: string) => PlaceholderRun;
type Para = (...runs: (string | ReportRun)[]) => ParagraphBlock;
type Table = (caption: string, header: string[], rows: string[][], widths: number[]) => TableBlock;

function basicFacts(report: Report, project: ProjectFacts, ph: Ph, para: Para, table: Table): ReportBlock[] {
  const fact = (value: string | null, key: string, hint: string): string | ReportRun => value ?? ph(key, hint);
  const blocks: ReportBlock[] = [{ kind: 'subheading', text: `${ordinal(0)}项目概况` }];
  blocks.push(
    para(
      '项目名称：', fact(project.name, 'projectName', '项目名称'),
      '；主管部门：', fact(project.department, 'department', '主管部门'),
      '；实施单位：', fact(project.implementer, 'implementer', '实施单位'), '。',
    ),
  );
  blocks.push(para(ph('background', '项目背景、立项依据、资金来源和主要内容，一段即可')));
  const b = report.budget;
  if (b) {
    const parts: string[] = [];
    if (b.initial !== null) parts.push(`年初预算 ${formatWan(b.initial)} 万元`);
    if (b.adjusted !== null) parts.push(`调整后预算 ${formatWan(b.adjusted)} 万元`);
    if (b.executed !== null) parts.push(`全年执行数 ${formatWan(b.executed)} 万元`);
    if (b.executionRate !== null) parts.push(`预算执行率 ${formatRate(b.executionRate)}`);
    if (parts.length > 0) blocks.push(para(`项目${parts.join('，')}。`));
  }

  blocks.push({ kind: 'subheading', text: `${ordinal(1)}项目绩效目标` });
  blocks.push(para('年度总体目标：', ph('goals', '申报表中的年度总体目标')));
  const withTargets = report.indicators.filter((i) => normalizeText(i.target) !== '');
  if (withTargets.length > 0) {
    blocks.push(para(`项目共设 ${withTargets.length} 项有年度指标值的绩效指标，完成情况见下表。`));
    blocks.push(
      table(
        '绩效目标完成情况',
        ['二级指标', '三级指标', '年度指标值', '实际完成值', '完成率'],
        withTargets.map((i) => {
          const q = quantityPhrase(i);
          return [
            i.level2,
            i.name,
            q ? q.target : normalizeText(i.target),
            q ? q.actual : normalizeText(i.actual),
            i.completionRate === null ? '—' : formatRate(i.completionRate),
          ];
        }),
        [3, 3, 4, 4, 2],
      ),
    );
  } else if (report.indicators.length > 0) {
    blocks.push(para('工作簿中的指标表没有年度指标值，各项指标的评分见评分表。'));
  }

  blocks.push({ kind: 'subheading', text: `${ordinal(2)}项目组织管理情况` });
  blocks.push(para(ph('organisation', '项目的组织实施、资金管理和监督检查情况，如负责部门、审批流程、发放方式')));
  return blocks;
}

function evaluationWork(report: Report, ph: Ph, para: Para): ReportBlock[] {
  const read = report.mapping.filter((m) => ROLE_NAMES[m.role]);
  const sheets = [...new Map(read.map((m) => [`${m.sheet}\u0000${m.role}`, `“${m.sheet}”（${ROLE_NAMES[m.role]}）`])).values()];
  const blocks: ReportBlock[] = [];
  if (sheets.length > 0) {
    const ledgerFindings = report.findings.filter((f) => report.mapping.some((m) => m.role === 'ledger' && m.sheet === f.sheet) && f.row > 0);
    const ledger = report.mapping.some((m) => m.role === 'ledger')
      ? `，并按发放标准逐笔检查了发放明细${ledgerFindings.length > 0 ? `，发现 ${ledgerFindings.length} 处需核实的发放` : '，未发现不符合标准的发放'}`
      : '';
    blocks.push(para(`本次自评按照项目支出绩效自评的要求，依据工作表 ${sheets.join('、')} 中的数据评分${ledger}。`));
  }
  blocks.push(para(ph('evaluationWork', '评价的目的、对象和范围，评价工作的组织和过程，如电话回访、现场核查')));
  return blocks;
}

function overallResult(report: Report, para: Para, table: Table): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  if (report.total === null) {
    blocks.push(para('工作簿中没有绩效指标表，本次只检查了发放明细，未评分。'));
    return blocks;
  }
  blocks.push(para(`经评价，项目综合得分 ${formatScore(report.total)} 分，评价等级为“${report.grade ?? ''}”。`));
  if (report.selfReportedTotal !== null) {
    const higher = selfTotalFinding(report);
    blocks.push(
      para(
        higher
          ? `单位自评总得分 ${formatScore(report.selfReportedTotal)} 分，比按实际完成值计算的 ${formatScore(report.total)} 分高 ${formatScore(report.selfReportedTotal - report.total)} 分。`
          : `单位自评总得分 ${formatScore(report.selfReportedTotal)} 分。`,
      ),
    );
  }
  if (report.summary.length > 0) {
    const weight = report.summary.reduce((s, x) => s + x.weight, 0);
    blocks.push(
      table(
        '评价情况总表',
        ['一级指标', '分值', '得分', '得分率'],
        [
          ...report.summary.map((s) => [s.factor, formatScore(s.weight), formatScore(s.score), s.rate === null ? '—' : formatRate(s.rate)]),
          ['合计', formatScore(weight), formatScore(report.total), weight > 0 ? formatRate(Math.round((report.total / weight) * 10000) / 10000) : '—'],
        ],
        [3, 2, 2, 2],
      ),
    );
  }
  const selfScores = report.kind === 'selfEvaluation' && report.indicators.some((i) => i.selfScore !== null);
  const header = ['一级指标', '二级指标', '三级指标', '分值', '得分', ...(selfScores ? ['自评得分'] : [])];
  const score = (n: number | null) => (n === null ? '—' : formatScore(n));
  const rows: string[][] = [];
  const b = report.budget;
  if (b && b.weight !== null) rows.push(['预算执行率', '', '', score(b.weight), score(b.score), ...(selfScores ? [score(b.selfScore)] : [])]);
  for (const i of report.indicators) {
    rows.push([i.level1, i.level2, i.name, score(i.weight), score(i.score), ...(selfScores ? [score(i.selfScore)] : [])]);
  }
  if (rows.length > 0) {
    blocks.push(table('评分表', header, rows, selfScores ? [2, 2, 4, 1, 1, 1] : [2, 2, 4, 1, 1]));
  }
  return blocks;
}

/** `产出` → `产出指标`; `预算执行率`, `产出指标` stay. */
function factorLabel(factor: string): string {
  return /(指标|率)$/.test(factor) ? factor : `${factor}指标`;
}

function indicatorAnalysis(report: Report, ph: Ph, para: Para): ReportBlock[] {
  if (report.summary.length === 0) return [para('工作簿中没有绩效指标表，未作指标分析。')];
  const blocks: ReportBlock[] = [];
  const placed = new Set<ReportIndicator>();
  const b = report.budget;
  report.summary.forEach((s, k) => {
    const label = factorLabel(s.factor);
    blocks.push({ kind: 'subheading', text: `${ordinal(k)}${label}` });
    const rate = s.rate === null ? '' : `，得分率 ${formatRate(s.rate)}`;
    const opening = `${label}分值 ${formatScore(s.weight)} 分，得分 ${formatScore(s.score)} 分${rate}。`;
    const isBudget = b !== null && b.weight !== null && normalizeName(s.factor) === normalizeName('预算执行率');
    if (isBudget && b.executionRate !== null) {
      const executed = b.executed === null ? '' : `全年执行数 ${formatWan(b.executed)} 万元，`;
      blocks.push(para(`${opening}${executed}预算执行率 ${formatRate(b.executionRate)}。`, ...(b.executionRate < 1 ? budgetReason(b.explanation, ph) : [])));
      return;
    }
    const mine = report.indicators.filter((i) => !placed.has(i) && normalizeName(i.level1) === normalizeName(s.factor));
    for (const i of mine) placed.add(i);
    blocks.push(para(opening));
    blocks.push(...indicatorParagraphs(mine, ph, para));
  });
  const rest = report.indicators.filter((i) => !placed.has(i));
  if (rest.length > 0) {
    blocks.push({ kind: 'subheading', text: `${ordinal(report.summary.length)}其他指标` });
    blocks.push(...indicatorParagraphs(rest, ph, para));
  }
  return blocks;
}

function budgetReason(explanation: string, ph: Ph): ReportRun[] {
  const officer = explanation && !explanation.includes('（待填写）') ? explanation : null;
  return officer ? [{ kind: 'text', text: `原因：${officer}` }] : ['原因：', ph('explain:budget', '说明预算未全部执行的原因及改进措施')].map((r) =>
    typeof r === 'string' ? { kind: 'text', text: r } : r,
  );
}

/** One paragraph per indicator short of (or far over) its target; the ones met, counted. */
function indicatorParagraphs(indicators: ReportIndicator[], ph: Ph, para: Para): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const deviating = indicators.filter((i) => i.weight !== null && (i.status === 'over' || i.score < i.weight - 0.005));
  for (const i of deviating) {
    const name = `${i.level2 ? `${i.level2}` : ''}“${i.name}”`;
    const q = quantityPhrase(i);
    const weight = i.weight ?? 0;
    const figures = q
      ? `实际完成 ${q.actual}，年度指标 ${q.target}${i.completionRate === null ? '' : `，完成率 ${formatRate(i.completionRate)}`}，`
      : '';
    const lost = weight - i.score;
    const scoreText = lost > 0.005 ? `得分 ${formatScore(i.score)} 分（分值 ${formatScore(weight)} 分），扣 ${formatScore(lost)} 分。` : `得分 ${formatScore(i.score)} 分（分值 ${formatScore(weight)} 分）。`;
    const reason: ReportRun[] =
      i.explanationSource === 'officer' && i.explanation.trim()
        ? [{ kind: 'text', text: `偏差原因：${i.explanation.trim().replace(/[。.]?$/, '。')}` }]
        : [{ kind: 'text', text: '偏差原因：' }, ph(`explain:${i.level1}/${i.level2}/${i.name}`, i.status === 'over' ? '说明超额完成的原因，以及下一年度指标值如何调整' : '说明未达到年度指标的原因及改进措施')];
    blocks.push(para(`${name}${figures}${scoreText}`, ...reason));
  }
  const met = indicators.length - deviating.length;
  if (met > 0 && deviating.length > 0) blocks.push(para(`其余 ${met} 项指标均得满分。`));
  else if (met > 1) blocks.push(para(`${met} 项指标均得满分。`));
  else if (met === 1) blocks.push(para('该项指标得满分。'));
  return blocks;
}

function problemsSection(report: Report, ph: Ph, para: Para): ReportBlock[] {
  const problems = problemsOf(report);
  const blocks: ReportBlock[] = [];
  if (problems.length === 0) blocks.push(para('本次评价的数据中未发现需要说明的问题。'));
  problems.forEach((p, k) => blocks.push(para(`${k + 1}. ${problemLabel(p.kind)}：${p.text}`)));
  blocks.push(para('原因分析：', ph('causes', '逐项分析上述问题产生的原因')));
  return blocks;
}

function suggestionsSection(report: Report, ph: Ph, para: Para): ReportBlock[] {
  const suggestions = suggestionsFor(problemsOf(report));
  const blocks: ReportBlock[] = suggestions.map((s, k) => para(`${k + 1}. ${s.text}`));
  blocks.push(para(ph('suggestions', '结合本单位实际补充的建议，没有的可删去本段')));
  return blocks;
}

function otherNotes(report: Report, ph: Ph, para: Para): ReportBlock[] {
  const notes = [...new Set(report.findings.filter((f) => f.severity === 'info').map((f) => f.message))];
  const blocks: ReportBlock[] = notes.slice(0, NOTES_LISTED).map((m) => para(m));
  if (notes.length > NOTES_LISTED) blocks.push(para(`另有 ${notes.length - NOTES_LISTED} 条提示，见“异常清单”。`));
  blocks.push(para(ph('other', '其他需要说明的问题，没有的写“无”')));
  return blocks;
}
