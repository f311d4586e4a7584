/**
 * SPEC §4, qualitative indicators in a 自评表: the unit's own 得分 is its judgement. Inside the band of
 * the level the 实际完成值 states it is kept; outside it the band's default applies (达成 100%, 部分达成 70%,
 * 未达成 30%) and a finding names the cell, the score given and the band. Built on seed 002 (昆明 2019):
 * its 社会效益 row 节日送温暖慰问 weighs 3, so the bands are 达成 [2.4, 3], 部分达成 [1.8, 2.4), 未达成 [0, 1.8).
 */
import { KUNMING_2019_INDICATORS, type SelfEvaluationIndicator } from '../../examples/data/kunming2019';
import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import type { Report } from '../../src/core/report/report';
import { scoreWorkbook } from './scoreWorkbook';

const SOCIAL = (i: SelfEvaluationIndicator) => i.level2 === '社会效益指标' && i.name === '节日送温暖慰问';

async function scoreWith(change: Partial<SelfEvaluationIndicator>): Promise<Report> {
  const indicators = KUNMING_2019_INDICATORS.map((i) => (SOCIAL(i) ? { ...i, ...change } : i));
  expect(indicators.filter(SOCIAL)).toHaveLength(1);
  return (await scoreWorkbook(buildKunming2019SelfEvaluation({ indicators }))).report;
}

function social(report: Report) {
  return report.indicators.find((i) => i.level2 === '社会效益指标' && i.name === '节日送温暖慰问')!;
}

function findingsAt(report: Report, rule: string) {
  const ind = social(report);
  return report.findings.filter((f) => f.rule === rule && f.sheet === ind.sheet && f.row === ind.row);
}

describe('a qualitative self-score inside the band of its level is kept', () => {
  test('达成 (实际完成值 as the target) with 2.5 of 3 stays 2.5: total 97.04 instead of 97.54', async () => {
    const report = await scoreWith({ selfScore: 2.5 });
    expect(social(report)).toMatchObject({ status: 'qualitative', weight: 3, selfScore: 2.5, score: 2.5 });
    expect(report.total).toBe(97.04);
    expect(findingsAt(report, 'qualitative-band')).toEqual([]);
    expect(findingsAt(report, 'self-score-above-computed')).toEqual([]);
  });

  test('部分达成 with 2 of 3 stays 2', async () => {
    const report = await scoreWith({ actual: '部分达成年度指标并具有一定效果', selfScore: 2 });
    expect(social(report)).toMatchObject({ status: 'qualitative', score: 2 });
    expect(report.total).toBe(96.54);
    expect(findingsAt(report, 'qualitative-band')).toEqual([]);
  });

  test('未达成 with 0.5 of 3 stays 0.5', async () => {
    const report = await scoreWith({ actual: '未达成', selfScore: 0.5 });
    expect(social(report)).toMatchObject({ status: 'qualitative', score: 0.5 });
    expect(report.total).toBe(95.04);
  });
});

describe('a qualitative self-score outside the band of its level gives way to the band default, with a finding', () => {
  test('达成 with 2 of 3 (below 2.4) scores the default 3 and says so at the 得分 cell G', async () => {
    const report = await scoreWith({ selfScore: 2 });
    const ind = social(report);
    expect(ind).toMatchObject({ status: 'qualitative', selfScore: 2, score: 3 });
    expect(report.total).toBe(97.54);
    const f = findingsAt(report, 'qualitative-band');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: ind.sheet, cell: `G${ind.row}`, value: 2, allowed: '[2.4, 3]' });
    expect(f[0].message).toBe(
      `“${ind.sheet}”!G${ind.row} 指标“节日送温暖慰问”实际完成情况为“达成年度指标”，自评得分 2 不在该档分值区间 2.4–3 分内，按该档默认 100% 计 3.00 分。`,
    );
  });

  test('部分达成 with the full 3 of 3 (at or above 2.4) scores the default 70%, 2.10, in one finding, not two', async () => {
    const report = await scoreWith({ actual: '部分达成', selfScore: 3 });
    const ind = social(report);
    expect(ind).toMatchObject({ status: 'qualitative', selfScore: 3, score: 2.1 });
    expect(report.total).toBe(96.64);
    const f = findingsAt(report, 'qualitative-band');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: `G${ind.row}`, value: 3, allowed: '[1.8, 2.4)' });
    expect(f[0].message).toContain('自评得分 3 不在该档分值区间 1.8–2.4 分（不含 2.4）内，按该档默认 70% 计 2.10 分');
    // The band finding already says the score was lowered; no second 自评偏高 finding on the same cell.
    expect(findingsAt(report, 'self-score-above-computed')).toEqual([]);
  });

  test('未达成 with 2 of 3 scores the default 30%, 0.90', async () => {
    const report = await scoreWith({ actual: '未达成年度指标且效果较差', selfScore: 2 });
    expect(social(report)).toMatchObject({ score: 0.9 });
    expect(report.total).toBe(95.44);
    expect(findingsAt(report, 'qualitative-band')[0]).toMatchObject({ value: 2, allowed: '[0, 1.8)' });
  });
});
