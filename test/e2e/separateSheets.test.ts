import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { scoreWorkbook } from './scoreWorkbook';

describe('seed 004: 五华区 targets, actuals and budget on three sheets', () => {
  test('joins actuals to targets by name despite spaces and full-width characters, and scores 99.41', async () => {
    const { report } = await scoreWorkbook(buildWuhua2023SeparateSheets());
    expect(report.kind).toBe('separate');
    expect(report.total).toBe(99.41);
    expect(report.grade).toBe('优');
    expect(report.indicators.filter((i) => i.status === 'missing')).toEqual([]);
  });

  test('a coverage of 80% stored as a number with a % format, against a target of ≥85%, scores 9.41 of 10', async () => {
    const { report } = await scoreWorkbook(buildWuhua2023SeparateSheets());
    const coverage = report.indicators.find((i) => i.name === '帮扶对象覆盖率')!;
    expect(coverage).toMatchObject({ score: 9.41, completionRate: 0.9412, status: 'short', explanationSource: 'draft' });
    expect(coverage.explanation).toBe('未完成：实际完成80%，年度指标85%，完成率94.12%，扣0.59分。原因：（待填写）');
  });

  test('percentages written as text ("95%", "98%") and cost limits (≤500元/人) are met', async () => {
    const { report } = await scoreWorkbook(buildWuhua2023SeparateSheets());
    for (const name of ['帮扶对象准确性', '困难职工满意度', '慰问标准']) {
      const ind = report.indicators.find((i) => i.name === name)!;
      expect([name, ind.score]).toEqual([name, ind.weight]);
    }
  });

  test('a budget of 2.20 in a （万元） column reads as 22,000 元 and earns the default 10 points', async () => {
    const { report } = await scoreWorkbook(buildWuhua2023SeparateSheets());
    expect(report.budget).toMatchObject({ initial: 22000, adjusted: 22000, executed: 22000, executionRate: 1, weight: 10, score: 10 });
  });

  test('an actual whose indicator name matches no target is a finding naming its cell', async () => {
    const { report } = await scoreWorkbook(buildWuhua2023SeparateSheets());
    const f = report.findings.filter((x) => x.rule === 'unmatched-actual');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: '实际完成情况', cell: 'A10', value: '慰问资金发放率' });
  });

  test('executing 2.0 of a 2.2 万元 budget scores 9.09 of 10 and asks for an explanation', async () => {
    const { report } = await scoreWorkbook(buildWuhua2023SeparateSheets({ budget: { executed: 2.0 } }));
    expect(report.budget).toMatchObject({ executed: 20000, executionRate: 0.9091, score: 9.09 });
    expect(report.budget!.explanation).toContain('预算执行率90.91%');
  });
});
