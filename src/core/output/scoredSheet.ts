/**
 * The 绩效目标 sheet (SPEC §6): the scored table in the 自评表's layout with subtotal rows per 一级/二级,
 * the budget block, the total and grade, the 评价情况总表 and the signature line; printed A4 landscape,
 * one page wide, with row heights that fit the wrapped text.
 */
import { rangeA1 } from '../address';
import { PAGE_FOOTER, type OutputCell, type SheetContent } from '../patch';
import type { Report, ReportIndicator } from '../report/report';
import { fitCells } from './cellLimits';
import { fitRowHeights } from './rowHeights';

const NUM = '0.00';
const PCT = '0.00%';
const MONEY = '#,##0.00';

const text = (v: string, style: OutputCell['style'] = 'body'): OutputCell => ({ v, style });
const num = (v: number | null, numFmt = NUM, style: OutputCell['style'] = 'body'): OutputCell =>
  v === null ? { v: null, style } : { v, numFmt, style };

export function buildScoredSheet(report: Report, name: string, schemeName: string, after?: string): SheetContent {
  const hasSelf = report.indicators.some((i) => i.selfScore !== null);
  const isIndex = report.kind === 'indexSystem';
  const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', isIndex ? '评价得分' : '得分'];
  if (hasSelf) header.push('自评得分');
  header.push('完成率', '偏差原因分析及改进措施');
  const width = header.length;
  const explCol = width - 1;
  const rows: (OutputCell | null)[][] = [];
  const merges: string[] = [];
  const mergeRow = (r: number, from: number, to: number) => {
    if (to > from) merges.push(rangeA1({ top: r, left: from, bottom: r, right: to }));
  };

  rows.push([{ v: '项目支出绩效目标评分表', style: 'title' }]);
  mergeRow(0, 0, width - 1);
  const sources = [...new Set(report.mapping.map((m) => `“${m.sheet}”!${m.range}`))].join('、');
  rows.push([{ v: `评分方案：${schemeName}。数据来源：${sources}。本表由绩效评价助手生成，重新评分时整表更新；“偏差原因分析及改进措施”中您填写的内容会保留。`, style: 'note' }]);
  mergeRow(1, 0, width - 1);
  rows.push([]);

  if (report.budget) {
    const b = report.budget;
    const r = rows.length;
    rows.push(['项目资金', '年初预算数（元）', '全年预算数（元）', '全年执行数（元）', '执行率', '分值', '得分', '偏差原因分析及改进措施'].map((h) => text(h, 'header')));
    rows.push([
      text('年度资金总额'), num(b.initial, MONEY), num(b.adjusted, MONEY), num(b.executed, MONEY),
      num(b.executionRate, PCT), num(b.weight), num(b.score), text(b.explanation),
    ]);
    mergeRow(r, 7, explCol);
    mergeRow(r + 1, 7, explCol);
    rows.push([]);
  }


  const headerRow = rows.length;
  rows.push(header.map((h) => text(h, 'header')));
  const level1s = unique(report.indicators.map((i) => i.level1));
  const summaryByFactor = new Map(report.summary.map((s) => [s.factor, s]));
  for (const l1 of level1s) {
    const members = report.indicators.filter((i) => i.level1 === l1);
    rows.push(subtotalRow(width, l1, '', members, 'level1', hasSelf, summaryByFactor.get(l1)?.rate ?? null));
    for (const l2 of unique(members.map((i) => i.level2))) {
      const children = members.filter((i) => i.level2 === l2);
      if (l2) rows.push(subtotalRow(width, l1, l2, children, 'level2', hasSelf, null));
      for (const ind of children) rows.push(indicatorRow(ind, hasSelf));
    }
  }
  const totalRow = rows.length;
  const total: (OutputCell | null)[] = Array.from({ length: width }, () => ({ v: null, style: 'total' as const }));
  total[0] = { v: '总分', style: 'total' };
  total[5] = num(100, NUM, 'total');
  total[6] = num(report.total, NUM, 'total');
  if (hasSelf && report.selfReportedTotal !== null) total[7] = num(report.selfReportedTotal, NUM, 'total');
  rows.push(total);
  mergeRow(totalRow, 0, 4);
  const grade: (OutputCell | null)[] = Array.from({ length: width }, () => ({ v: null, style: 'total' as const }));
  grade[0] = { v: '评价等级', style: 'total' };
  grade[5] = { v: report.grade, style: 'total' };
  rows.push(grade);
  mergeRow(totalRow + 1, 0, 4);
  rows.push([]);

  rows.push([{ v: '评价情况总表', style: 'title' }]);
  mergeRow(rows.length - 1, 0, 3);
  rows.push(['评价因素', '分值', '评价得分', '得分率'].map((h) => text(h, 'header')));
  rows.push([text('评价总得分', 'total'), num(100, NUM, 'total'), num(report.total, NUM, 'total'), num(report.total === null ? null : report.total / 100, PCT, 'total')]);
  for (const s of report.summary) rows.push([text(s.factor), num(s.weight), num(s.score), num(s.rate, PCT)]);

  // The 自评表's signature line, under the tables, to be signed and stamped once printed.
  rows.push([]);
  const signature = rows.length;
  rows.push(signatureRow(width));
  mergeRow(signature, 0, 1);
  mergeRow(signature, 4, width - 1);

  const fitted = fitCells(rows);
  const columnWidths = hasSelf ? [12, 16, 22, 26, 26, 8, 9, 9, 9, 50] : [12, 16, 22, 26, 26, 8, 9, 9, 50];
  return {
    name,
    role: 'scored',
    // An officer's explanation over 32,767 characters is whole in the report; the cell holds what fits.
    rows: fitted,
    merges,
    columnWidths,
    rowHeights: fitRowHeights(fitted, columnWidths, merges),
    // A4 landscape, one page wide; the indicator table's header row on every page.
    print: { paper: 'A4', orientation: 'landscape', pagesWide: 1, titleRows: { first: headerRow + 1, last: headerRow + 1 }, footer: PAGE_FOOTER },
    after,
    activate: true,
  };
}

/** 单位负责人 / 财务负责人 / 填表人 / 填报日期, spaced for a signature each, as on the paper 自评表. */
export const SIGNATURE_LABELS = ['单位负责人：', '财务负责人：', '填表人：', '填报日期：　　　　年　　月　　日'] as const;

function signatureRow(width: number): (OutputCell | null)[] {
  const row: (OutputCell | null)[] = Array.from({ length: width }, () => null);
  row[0] = { v: SIGNATURE_LABELS[0] };
  row[2] = { v: SIGNATURE_LABELS[1] };
  row[3] = { v: SIGNATURE_LABELS[2] };
  row[4] = { v: SIGNATURE_LABELS[3] };
  return row;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function subtotalRow(
  width: number, l1: string, l2: string, members: ReportIndicator[], style: 'level1' | 'level2', hasSelf: boolean, rate: number | null,
): (OutputCell | null)[] {
  const row: (OutputCell | null)[] = Array.from({ length: width }, () => ({ v: null, style }));
  const weight = members.reduce((s, i) => s + Math.round((i.weight ?? 0) * 100), 0) / 100;
  const score = members.reduce((s, i) => s + Math.round(i.score * 100), 0) / 100;
  row[0] = { v: l1, style };
  row[1] = { v: l2 || null, style };
  row[5] = num(weight, NUM, style);
  row[6] = num(score, NUM, style);
  if (hasSelf) {
    const selfs = members.map((i) => i.selfScore);
    if (selfs.every((s) => s !== null)) row[7] = num(selfs.reduce((s, x) => s + Math.round((x ?? 0) * 100), 0) / 100, NUM, style);
  }
  const r = rate ?? (weight > 0 ? Math.round((score / weight) * 10000) / 10000 : null);
  row[width - 2] = num(r, PCT, style);
  return row;
}

function indicatorRow(ind: ReportIndicator, hasSelf: boolean): (OutputCell | null)[] {
  const style = ind.score < (ind.weight ?? 0) ? 'short' : 'body';
  const row: (OutputCell | null)[] = [
    text(ind.level1), text(ind.level2), text(ind.name), text(ind.target), text(ind.actual),
    num(ind.weight), num(ind.score, NUM, style),
  ];
  if (hasSelf) row.push(num(ind.selfScore));
  row.push(num(ind.completionRate, PCT), text(ind.explanation));
  return row;
}
