/**
 * Hostile figures in a self-evaluation (issue 12): a 分值 too large to compute with is refused with a
 * finding that names its cell, and a project whose weights are far from 100 or whose total is above 100
 * gets no grade, with the reason at the top of the findings, in the report, the CLI, and the 绩效目标 sheet.
 */
import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { printReport } from '../../src/cli/printReport';
import { NotScorableError } from '../../src/core/pipeline';
import { GRADE_WITHHELD } from '../../src/core/scoring/scoreProject';
import { scoreWorkbook, snapshotOf } from './scoreWorkbook';

const SHEET = '项目支出绩效自评表';

/** Every number written anywhere in the output workbook and the report is finite. */
function allFinite(values: unknown): boolean {
  let ok = true;
  JSON.stringify(values, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) ok = false;
    if (typeof v === 'string' && /Infinity|NaN/.test(v)) ok = false;
    return v;
  });
  return ok;
}

describe('a 分值 of 9.99E+307', () => {
  test('is refused with a finding naming its cell, and the rest of the table scores as without it', async () => {
    const wb = buildKunming2019SelfEvaluation();
    // 职工技能培训 (数量指标), weight 3, full marks.
    wb.getWorksheet(SHEET)!.getCell('F21').value = 9.99e307;
    const { report, output } = await scoreWorkbook(wb);
    const refused = report.findings.filter((f) => f.rule === 'number-out-of-range');
    expect(refused).toEqual([
      expect.objectContaining({
        severity: 'error', sheet: SHEET, cell: 'F21', row: 21, value: '9.99E+307',
        message: '“项目支出绩效自评表”!F21 的分值 9.99E+307 超出可计算范围，已不计入合计。',
      }),
    ]);
    // 97.54 without the 3 points of 职工技能培训; the weights sum to 97, within 5 of 100: graded, and said.
    expect(report.total).toBe(94.54);
    expect(report.grade).toBe('优');
    expect(report.summary.find((s) => s.factor === '产出指标')).toEqual({ factor: '产出指标', weight: 47, score: 44.54, rate: 0.9477 });
    expect(report.findings.find((f) => f.rule === 'weight-sum')?.message).toBe('全部指标分值（含预算执行率 10 分）合计 97.00 分，应为 100 分。');
    expect(allFinite(report)).toBe(true);
    const written = await snapshotOf(output);
    expect(allFinite(written.sheets.map((s) => s.values))).toBe(true);
    const scored = written.sheets.find((s) => s.name === '绩效目标')!.values.map((r) => r ?? []);
    expect(scored.find((r) => r[0] === '总分')![6]).toBe(94.54);
  });

  test('in the budget’s 全年执行数 the project cannot be scored, and the refusal names the cell and the figure', async () => {
    const wb = buildKunming2019SelfEvaluation();
    wb.getWorksheet(SHEET)!.getCell('E6').value = 9.99e307;
    const refusal = scoreWorkbook(wb);
    await expect(refusal).rejects.toThrow(NotScorableError);
    await expect(refusal).rejects.toThrow(/读不到全年执行数：“项目支出绩效自评表”!E6 的 9\.99E\+307 超出可计算范围。预算执行率占 10 分/);
    // The unit of the budget is still decided by its other figures (元), not by the refused one.
    await expect(refusal).rejects.toThrow(/金额按元计（“项目资金 \(万元\)”写万元，但 6,000,000\.00 明显以元填写）/);
  });

  test('as the budget’s 分值 it is not used: the budget weighs the scheme’s 10 points, as a form without a budget 分值', async () => {
    const wb = buildKunming2019SelfEvaluation();
    wb.getWorksheet(SHEET)!.getCell('F6').value = 9.99e307;
    const { report, output } = await scoreWorkbook(wb);
    expect(report.findings.filter((f) => f.rule === 'number-out-of-range')).toEqual([
      expect.objectContaining({ cell: 'F6', message: '“项目支出绩效自评表”!F6 的分值 9.99E+307 超出可计算范围，未采用该分值。' }),
    ]);
    expect(report.budget).toMatchObject({ weight: 10, score: 10 });
    expect(report.total).toBe(97.54);
    expect(report.grade).toBe('优');
    expect(allFinite(report)).toBe(true);
    expect(allFinite((await snapshotOf(output)).sheets.map((s) => s.values))).toBe(true);
  });
});

describe('weights far from 100', () => {
  test('节日送温暖慰问 weighted 90 instead of 5: no grade, the weight total first, everywhere the grade is shown', async () => {
    const wb = buildKunming2019SelfEvaluation();
    wb.getWorksheet(SHEET)!.getCell('F20').value = 90;
    const { report, output } = await scoreWorkbook(wb);
    expect(report.grade).toBe(GRADE_WITHHELD);
    expect(report.grade).toBe('—（分值合计异常）');
    expect(report.total).toBeGreaterThan(100);
    expect(report.findings[0]).toMatchObject({
      rule: 'weight-total', severity: 'error', sheet: SHEET, value: 185,
      message: '全部指标分值（含预算执行率 10 分）合计 185.00 分，应为 100 分，相差超过 5 分，分值合计异常，不评定等级；请核对各指标的分值。',
    });
    expect(report.findings[1]).toMatchObject({ rule: 'total-above-100', severity: 'error' });
    expect(report.findings[1].message).toMatch(/^按表中数据计算的总分为 1\d\d\.\d\d 分，超过满分 100 分，分值合计异常，不评定等级/);

    expect(printReport(report)).toContain(`评价等级：—（分值合计异常）`);
    const scored = (await snapshotOf(output)).sheets.find((s) => s.name === '绩效目标')!.values.map((r) => r ?? []);
    expect(scored.find((r) => r[0] === '评价等级')![5]).toBe('—（分值合计异常）');
    const anomalies = (await snapshotOf(output)).sheets.find((s) => s.name === '异常清单')!.values.map((r) => r ?? []);
    expect(anomalies[2][1]).toBe('分值合计异常');
    expect(anomalies[2][7]).toBe('weight-total');
  });

  test('weights summing to 94 (6 short) withhold the grade though the total is below 100', async () => {
    const wb = buildKunming2019SelfEvaluation();
    // 满意度指标 weighted 4 instead of 10, its 得分 4.
    wb.getWorksheet(SHEET)!.getCell('F50').value = 4;
    wb.getWorksheet(SHEET)!.getCell('G50').value = 4;
    const { report } = await scoreWorkbook(wb);
    expect(report.total).toBe(91.54);
    expect(report.grade).toBe('—（分值合计异常）');
    expect(report.findings[0]).toMatchObject({ rule: 'weight-total', value: 94 });
  });

  test('weights summing to 97 (within 5 of 100) keep their grade, the mismatch a warning among the others', async () => {
    const wb = buildKunming2019SelfEvaluation();
    wb.getWorksheet(SHEET)!.getCell('F50').value = 7;
    wb.getWorksheet(SHEET)!.getCell('G50').value = 7;
    const { report } = await scoreWorkbook(wb);
    expect(report.total).toBe(94.54);
    expect(report.grade).toBe('优');
    expect(report.findings.find((f) => f.rule === 'weight-sum')).toMatchObject({ severity: 'warning', value: 97 });
    expect(report.findings.some((f) => f.rule === 'weight-total' || f.rule === 'total-above-100')).toBe(false);
  });
});
