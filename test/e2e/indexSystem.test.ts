import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';
import { scoreWorkbook } from './scoreWorkbook';

describe('seed 001: 增城 困难职工帮扶资金 evaluated against its 指标体系', () => {
  test('reproduces 表 3-1: 投入 16/14/87.5%, 过程 24/21/87.5%, 产出 30/28/93.33%, 效益 30/27/90%, total 90, 优', async () => {
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem());
    expect(report.kind).toBe('indexSystem');
    expect(report.summary).toEqual([
      { factor: '投入', weight: 16, score: 14, rate: 0.875 },
      { factor: '过程', weight: 24, score: 21, rate: 0.875 },
      { factor: '产出', weight: 30, score: 28, rate: 0.9333 },
      { factor: '效益', weight: 30, score: 27, rate: 0.9 },
    ]);
    expect(report.total).toBe(90);
    expect(report.grade).toBe('优');
  });

  test('weights summing to 100 carry no separate budget score, but the 98.44% execution rate is reported', async () => {
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem());
    expect(report.budget).toMatchObject({ initial: 480000, adjusted: 270000, executed: 265800, executionRate: 0.9844, weight: null, score: null });
    expect(report.findings.filter((f) => f.rule === 'weight-sum')).toEqual([]);
  });

  test('the evaluator\'s scores are kept as given, and each deduction gets a draft to explain it', async () => {
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem());
    const known = report.indicators.find((i) => i.name === '救助政策知晓率')!;
    expect(known).toMatchObject({ weight: 5, score: 3, evaluatorScore: 3, status: 'short', explanationSource: 'draft' });
    expect(known.explanation).toContain('扣2.00分');
    expect(report.indicators.filter((i) => i.score < (i.weight ?? 0))).toHaveLength(9);
  });

  test('an evaluator score above the indicator\'s weight is a finding, not silently accepted', async () => {
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem({ scores: { 救助标准: 6 } }));
    const f = report.findings.find((x) => x.rule === 'evaluator-score-range');
    expect(f).toMatchObject({ severity: 'error', value: 6, allowed: '0–5' });
    expect(f!.message).toContain('救助标准');
  });
});
