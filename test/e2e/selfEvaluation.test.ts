import { buildKunming2019SelfEvaluation, buildKunming2019SubtotalRows } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { scoreWorkbook, snapshotOf } from './scoreWorkbook';

describe('seed 002: 昆明市总工会送温暖专项资金 自评表 as printed', () => {
  test('scores 97.54, grade 优, although the unit reported 100', async () => {
    const { report } = await scoreWorkbook(buildKunming2019SelfEvaluation());
    expect(report.kind).toBe('selfEvaluation');
    expect(report.total).toBe(97.54);
    expect(report.grade).toBe('优');
    expect(report.selfReportedTotal).toBe(100);
    const finding = report.findings.find((f) => f.rule === 'self-score-above-computed' && f.value === 100);
    expect(finding).toBeDefined();
    expect(finding!.message).toContain('97.54');
  });

  test('the budget typed as text "6,000,000.00" executes at 100% and earns its 10 points', async () => {
    const { report } = await scoreWorkbook(buildKunming2019SelfEvaluation());
    expect(report.budget).toMatchObject({ initial: 6000000, adjusted: 6000000, executed: 6000000, executionRate: 1, weight: 10, score: 10 });
  });

  test('six indicators fall short and each carries the officer\'s own deviation explanation', async () => {
    const { report } = await scoreWorkbook(buildKunming2019SelfEvaluation());
    const short = report.indicators.filter((i) => i.status === 'short');
    expect(short.map((i) => `${i.level2}/${i.name}=${i.score}`)).toEqual([
      '数量指标/节日送温暖慰问=4.84', '数量指标/助学救助=1.6', '数量指标/临时救助=1.33',
      '质量指标/节日送温暖慰问=4.84', '质量指标/助学救助=1.6', '质量指标/临时救助=1.33',
    ]);
    for (const i of short) {
      expect(i.explanation.length).toBeGreaterThan(5);
      expect(i.explanationSource).toBe('officer');
    }
    const festival = short[0];
    expect(festival).toMatchObject({ target: '3100人', actual: '3000人', weight: 5, selfScore: 5, completionRate: 0.9677 });
  });

  test('the summary per 一级指标 reads 预算执行率 10/10, 产出 47.54/50, 效益 30/30, 满意度 10/10', async () => {
    const { report } = await scoreWorkbook(buildKunming2019SelfEvaluation());
    expect(report.summary).toEqual([
      { factor: '预算执行率', weight: 10, score: 10, rate: 1 },
      { factor: '产出指标', weight: 50, score: 47.54, rate: 0.9508 },
      { factor: '效益指标', weight: 30, score: 30, rate: 1 },
      { factor: '满意度指标', weight: 10, score: 10, rate: 1 },
    ]);
  });

  test('the same form with hierarchy given by subtotal rows scores the same', async () => {
    const { report } = await scoreWorkbook(buildKunming2019SubtotalRows());
    expect(report.total).toBe(97.54);
    expect(report.summary.map((s) => [s.factor, s.weight, s.score])).toEqual([
      ['预算执行率', 10, 10], ['产出指标', 50, 47.54], ['效益指标', 30, 30], ['满意度指标', 10, 10],
    ]);
    expect(report.findings.filter((f) => f.rule === 'weight-sum')).toEqual([]);
  });

  test('the scored 绩效目标 sheet holds numbers, not text, with the total and grade', async () => {
    const { output } = await scoreWorkbook(buildKunming2019SelfEvaluation());
    const snap = await snapshotOf(output);
    const sheet = snap.sheets.find((s) => s.name === '绩效目标')!;
    expect(sheet).toBeDefined();
    const rows = sheet.values.map((r) => r ?? []);
    const totalRow = rows.find((r) => r[0] === '总分')!;
    expect(totalRow[6]).toBe(97.54);
    expect(typeof totalRow[5]).toBe('number');
    const gradeRow = rows.find((r) => r[0] === '评价等级')!;
    expect(gradeRow[5]).toBe('优');
    const festival = rows.find((r) => r[2] === '节日送温暖慰问')!;
    expect(festival[6]).toBe(4.84);
  });

  test('a user sheet already called 绩效目标 is left alone and the scores go to 绩效目标（评分）', async () => {
    const wb = buildKunming2019SelfEvaluation();
    const mine = wb.addWorksheet('绩效目标');
    mine.getCell('A1').value = '我自己的表';
    const { report, output } = await scoreWorkbook(wb);
    expect(report.output.scoredSheet).toBe('绩效目标（评分）');
    const snap = await snapshotOf(output);
    const kept = snap.sheets.find((s) => s.name === '绩效目标')!;
    expect(kept.values[0]?.[0]).toBe('我自己的表');
    expect(kept.values.flat().filter((v) => v !== null && v !== undefined)).toHaveLength(1);
  });

  test('a changed actual changes the score: 3100 of 3100 people gives full marks on that row', async () => {
    const wb = buildKunming2019SelfEvaluation();
    const ws = wb.worksheets[0];
    ws.eachRow((row) => {
      if (row.getCell(3).value === '节日送温暖慰问' && row.getCell(5).value === '3000人') row.getCell(5).value = '3100人';
    });
    const { report } = await scoreWorkbook(wb);
    expect(report.total).toBe(97.86);
  });
});

