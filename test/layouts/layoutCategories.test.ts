/**
 * Issue 11: the shapes finance staff give their tables, each built from a seed's own figures. Seed 004
 * (五华区困难帮扶经费 2023) scores 99.41 优 whatever its layout: 帮扶对象覆盖率 80 % of a ≥ 85 % target gives
 * 9.41 of 10, everything else is met, and 2.20 万元 of 2.20 万元 was spent. Seed 002 (昆明 2019) scores
 * 97.54 优 against a self-reported 100.
 */
import { WUHUA_2023_ACTUALS, WUHUA_2023_TARGETS } from '../../examples/data/wuhua2023';
import { KUNMING_2019_INDICATORS } from '../../examples/data/kunming2019';
import type { Report } from '../../src/core/report/report';
import { scoreSheets, type Cell, type SheetSpec } from './sheetsOf';

const WUHUA_TOTAL = 99.41;

/** Seed 004's declared targets, one row each: 一级 | 二级 | 三级 | 指标值 | 分值. */
function wuhuaTargetRows(): Cell[][] {
  return WUHUA_2023_TARGETS.map((t) => [t.level1, t.level2, t.name, t.target, t.weight]);
}

/** Seed 004's actuals: 指标名称 | 实际完成值 | 备注 (names written a little differently, as in the seed). */
function wuhuaActualRows(order: 'seed' | 'reversed' = 'seed'): Cell[][] {
  const rows: Cell[][] = WUHUA_2023_ACTUALS.slice(0, 7).map((a) => [
    a.name,
    typeof a.actual === 'number' && a.numFmt ? { value: a.actual, numFmt: a.numFmt } : a.actual,
    a.note,
  ]);
  return order === 'seed' ? rows : rows.reverse();
}

const wuhuaTargets = (): SheetSpec => ({
  name: '绩效目标申报表',
  rows: [['2023年度项目支出绩效目标申报表'], ['一级指标', '二级指标', '三级指标', '指标值', '分值'], ...wuhuaTargetRows()],
});
const wuhuaActuals = (): SheetSpec => ({
  name: '实际完成情况',
  rows: [['2023年度绩效目标实际完成情况'], ['指标名称', '实际完成值', '备注'], ...wuhuaActualRows()],
});
const wuhuaBudget = (header: Cell[], row: Cell[], extra: Partial<SheetSpec> = {}): SheetSpec => ({
  name: '预算执行',
  rows: [['五华区困难帮扶经费预算执行情况'], header, row],
  ...extra,
});

/**
 * Seed 004 as one 自评表: budget block on top, then 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 |
 * 偏差原因分析及改进措施, the unit's own scores (full marks but 9.41 for 覆盖率), then the rows given.
 */
function wuhuaSelfEvaluation(bottom: Cell[][], selfScores?: number[]): SheetSpec {
  const rows: Cell[][] = [
    ['2023年度项目支出绩效自评表'],
    ['项目名称', '五华区困难帮扶经费'],
    ['项目资金（元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 22000, 22000, 22000, 10, 1, 10],
    [],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  WUHUA_2023_TARGETS.forEach((t, i) => {
    const a = WUHUA_2023_ACTUALS[i];
    const actual: Cell = typeof a.actual === 'number' && a.numFmt ? { value: a.actual, numFmt: a.numFmt } : a.actual;
    const self = selfScores ? selfScores[i] : t.name === '帮扶对象覆盖率' ? 9.41 : (t.weight as number);
    rows.push([t.level1, t.level2, t.name, t.target, actual, t.weight, self, a.note]);
  });
  rows.push(...bottom);
  return { name: '项目支出绩效自评表', rows };
}

function selfTotalFinding(report: Report) {
  return report.findings.find((f) => f.rule === 'self-score-above-computed' && !report.indicators.some((i) => f.message.includes(`“${i.name}”`)));
}

describe('1. a total row at the bottom of the 自评表 is the self-reported total, whatever it is called', () => {
  it.each(['总分', '合计', '总计'])('a bottom row labelled %s with an inflated 100 is read as the unit’s total and flagged', async (label) => {
    const { report } = await scoreSheets([wuhuaSelfEvaluation([[label, null, null, null, null, 100, 100, '自评等级：优']])]);
    expect(report.total).toBe(WUHUA_TOTAL);
    expect(report.grade).toBe('优');
    expect(report.selfReportedTotal).toBe(100);
    const f = selfTotalFinding(report);
    expect(f).toBeDefined();
    expect(f!.cell).toBe('G14');
  });

  it('a 总得分 row is read from the 得分 column, not the 分值 column: an honest 99 raises no finding', async () => {
    const { report } = await scoreSheets([wuhuaSelfEvaluation([['总得分', null, null, null, null, 100, 99, null]])]);
    expect(report.total).toBe(WUHUA_TOTAL);
    expect(report.selfReportedTotal).toBe(99);
    expect(selfTotalFinding(report)).toBeUndefined();
  });

  it('a 合计 row does not become an indicator or a group', async () => {
    const { report } = await scoreSheets([wuhuaSelfEvaluation([['合计', null, null, null, null, 100, 99.41, null]])]);
    expect(report.indicators.map((i) => i.name)).not.toContain('合计');
    expect(report.indicators).toHaveLength(7);
    expect(report.selfReportedTotal).toBe(99.41);
  });
});

describe('2. budget tables headed the way units head them are read', () => {
  const cases: [string, Cell[], Cell[], number][] = [
    ['预算数（万元） | 执行数（万元）', ['项目', '预算数（万元）', '执行数（万元）'], ['五华区困难帮扶经费', 2.2, 2.2], 22000],
    ['预算数（元） | 实际支出数（元） | 结余（元）', ['项目', '预算数（元）', '实际支出数（元）', '结余（元）'], ['五华区困难帮扶经费', 22000, 22000, 0], 22000],
    ['调整后预算 | 支出数', ['项目', '调整后预算', '支出数'], ['五华区困难帮扶经费', 22000, 22000], 22000],
  ];
  it.each(cases)('a budget headed %s keeps its 10 points', async (_label, header, row, executed) => {
    const { report } = await scoreSheets([wuhuaTargets(), wuhuaActuals(), wuhuaBudget(header, row)]);
    expect(report.budget?.executed).toBe(executed);
    expect(report.budget?.executionRate).toBe(1);
    expect(report.budget?.score).toBe(10);
    expect(report.total).toBe(WUHUA_TOTAL);
    expect(report.grade).toBe('优');
  });
});

describe('3. a two-row budget header keeps every column', () => {
  it('资金情况（万元） merged over 预算数 | 执行数', async () => {
    const budget: SheetSpec = {
      name: '预算执行',
      rows: [['五华区困难帮扶经费预算执行情况'], ['项目', '资金情况（万元）'], [null, '预算数', '执行数'], ['五华区困难帮扶经费', 2.2, 2.2]],
      merges: ['A2:A3', 'B2:C2'],
    };
    const { report } = await scoreSheets([wuhuaTargets(), wuhuaActuals(), budget]);
    expect(report.budget?.executed).toBe(22000);
    expect(report.budget?.score).toBe(10);
    expect(report.total).toBe(WUHUA_TOTAL);
  });

  it('预算数 merged over 年初 | 调整后, and 执行数 itself in the merged upper row', async () => {
    const budget: SheetSpec = {
      name: '预算执行',
      rows: [['五华区困难帮扶经费预算执行情况（元）'], ['项目', '预算数', null, '执行数'], [null, '年初预算', '调整后预算'], ['五华区困难帮扶经费', 22000, 22000, 22000]],
      merges: ['A2:A3', 'B2:C2', 'D2:D3'],
    };
    const { report } = await scoreSheets([wuhuaTargets(), wuhuaActuals(), budget]);
    expect(report.budget).toMatchObject({ initial: 22000, adjusted: 22000, executed: 22000, score: 10 });
    expect(report.total).toBe(WUHUA_TOTAL);
  });
});

describe('4. targets and actuals side by side on one sheet are joined by name, not by row', () => {
  it('targets in A:E and actuals in H:J in another order score as on separate sheets', async () => {
    const targets = wuhuaTargetRows();
    const actuals = wuhuaActualRows('reversed');
    const rows: Cell[][] = [['2023年度绩效目标及完成情况'], ['一级指标', '二级指标', '三级指标', '指标值', '分值', null, null, '指标名称', '实际完成值', '备注']];
    for (let i = 0; i < Math.max(targets.length, actuals.length); i++) {
      rows.push([...(targets[i] ?? [null, null, null, null, null]), null, null, ...(actuals[i] ?? [])]);
    }
    const { report } = await scoreSheets([
      { name: '绩效目标', rows },
      wuhuaBudget(['项目', '年初预算（万元）', '调整后预算（万元）', '执行数（万元）'], ['五华区困难帮扶经费', 2.2, 2.2, 2.2]),
    ]);
    expect(report.total).toBe(WUHUA_TOTAL);
    const coverage = report.indicators.find((i) => i.name === '帮扶对象覆盖率');
    expect(coverage?.score).toBe(9.41);
    expect(report.indicators.find((i) => i.name === '慰问标准')?.actual).toBe('500元/人');
  });
});

describe('5. the current year’s column wins over last year’s', () => {
  it('a 上年指标值 column beside 年度指标值 is not taken as the target, and the report says which column was used', async () => {
    const rows: Cell[][] = [['2023年度项目支出绩效目标申报表'], ['一级指标', '二级指标', '三级指标', '上年指标值', '年度指标值', '分值']];
    for (const t of WUHUA_2023_TARGETS) rows.push([t.level1, t.level2, t.name, '≥1000人', t.target, t.weight]);
    const { report } = await scoreSheets([
      { name: '绩效目标申报表', rows },
      wuhuaActuals(),
      wuhuaBudget(['项目', '年初预算（万元）', '调整后预算（万元）', '执行数（万元）'], ['五华区困难帮扶经费', 2.2, 2.2, 2.2]),
    ]);
    expect(report.total).toBe(WUHUA_TOTAL);
    expect(report.indicators[0].target).toBe('≥44人');
    const targets = report.mapping.find((m) => m.role === 'targets');
    expect(targets?.because).toContain('年度指标值');
    expect(targets?.because).toContain('上年指标值');
  });

  it('a 上年完成值 column beside 实际完成值 is not taken as the actual', async () => {
    const actuals: SheetSpec = {
      name: '实际完成情况',
      rows: [['指标名称', '上年完成值', '实际完成值', '备注'], ...wuhuaActualRows().map((r) => [r[0], '10人', r[1], r[2]])],
    };
    const { report } = await scoreSheets([
      wuhuaTargets(),
      actuals,
      wuhuaBudget(['项目', '年初预算（万元）', '调整后预算（万元）', '执行数（万元）'], ['五华区困难帮扶经费', 2.2, 2.2, 2.2]),
    ]);
    expect(report.total).toBe(WUHUA_TOTAL);
  });
});

describe('6. words inside words: 评分要点 is not 评分', () => {
  it.each(['评分要点', '评分说明', '评分标准'])('a %s column in the 自评表 is never read as the score', async (word) => {
    const sheet = wuhuaSelfEvaluation([]);
    const header = sheet.rows[5];
    header.push(word);
    for (let r = 6; r < sheet.rows.length; r++) sheet.rows[r].push('达到目标得满分，未达到按比例得分');
    const { report } = await scoreSheets([sheet]);
    expect(report.total).toBe(WUHUA_TOTAL);
    expect(report.indicators.find((i) => i.name === '慰问环卫工人人数')?.selfScore).toBe(10);
  });

  it('a 填报说明 sheet with a weights table (一级指标 | 分值 | 评分说明) never outranks the real target and actual sheets', async () => {
    const notes: SheetSpec = {
      name: '填报说明',
      rows: [
        ['填报说明：请按下表分值填报'],
        ['一级指标', '二级指标', '分值', '评分说明'],
        ['产出指标', '数量指标', 10, '按完成比例计分'],
        ['产出指标', '质量指标', 20, '按完成比例计分'],
        ['效益指标', '社会效益指标', 30, '定性评价'],
        ['满意度指标', '服务对象满意度指标', 10, '按满意度计分'],
      ],
    };
    const { report } = await scoreSheets([
      notes,
      wuhuaTargets(),
      wuhuaActuals(),
      wuhuaBudget(['项目', '年初预算（万元）', '调整后预算（万元）', '执行数（万元）'], ['五华区困难帮扶经费', 2.2, 2.2, 2.2]),
    ]);
    expect(report.total).toBe(WUHUA_TOTAL);
    expect(report.grade).toBe('优');
    expect(report.mapping.some((m) => m.sheet === '填报说明' && m.role !== 'ignore' as string)).toBe(false);
  });
});

describe('7. units in headers', () => {
  it('实际完成值（%） over 80 / 95 / 90 / 98 reads percentage points', async () => {
    const pct: Record<string, number> = { 帮扶对象覆盖率: 80, 帮扶对象准确性: 95, 慰问及时率: 90, 困难职工满意度: 98 };
    const actuals: SheetSpec = {
      name: '实际完成情况',
      rows: [['指标名称', '实际完成值（%）', '备注'], ...wuhuaActualRows().map((r) => {
        const name = String(r[0]).replace(/[\s\u3000]/g, '');
        return [r[0], name in pct ? pct[name] : r[1], r[2]];
      })],
    };
    const { report } = await scoreSheets([wuhuaTargets(), actuals, wuhuaBudget(['项目', '预算数（万元）', '执行数（万元）'], ['五华区困难帮扶经费', 2.2, 2.2])]);
    expect(report.total).toBe(WUHUA_TOTAL);
  });

  it('0.5 under 实际完成值（%） is 0.5 %, so a ≤ 1 % complaint rate is met', async () => {
    const targets: SheetSpec = {
      name: '绩效目标申报表',
      rows: [['一级指标', '二级指标', '三级指标', '指标值', '分值'], ...wuhuaTargetRows(), ['满意度指标', '服务对象满意度指标', '投诉率', '≤1%', 0]],
    };
    const actuals: SheetSpec = {
      name: '实际完成情况',
      rows: [['指标名称', '实际完成值（%）'], ['帮扶对象覆盖率', 80], ['投诉率', 0.5]],
    };
    const { report } = await scoreSheets([targets, actuals]);
    const complaint = report.indicators.find((i) => i.name === '投诉率');
    expect(complaint?.status).toBe('met');
    expect(report.indicators.find((i) => i.name === '帮扶对象覆盖率')?.score).toBe(9.41);
  });

  it('年初预算数（万元） written over figures that are plainly 元 (6,000,000.00) is read in 元, and the report’s mapping says so', async () => {
    const rows: Cell[][] = [
      ['项目支出绩效自评表'],
      ['项目资金', null, '年初预算数（万元）', '全年预算数（万元）', '全年执行数（万元）', '分值', '执行率', '得分'],
      [null, '年度资金总额', '6,000,000.00', '6,000,000.00', '6,000,000.00', 10, 1, 10],
      [],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ...KUNMING_2019_INDICATORS.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.selfScore, i.explanation]),
    ];
    const { report } = await scoreSheets([{ name: '项目支出绩效自评表', rows }]);
    expect(report.budget).toMatchObject({ initial: 6_000_000, adjusted: 6_000_000, executed: 6_000_000, score: 10 });
    expect(report.total).toBe(97.54);
    const budget = report.mapping.find((m) => m.role === 'budget');
    expect(budget?.because).toContain('金额按元计');
    expect(budget?.because).toContain('6,000,000.00');
  });
});

describe('8. a two-level score sheet scores at the 二级 level', () => {
  it('一级指标 | 二级指标 | 分值 | 自评分 gives the sum of the 二级 scores plus the budget', async () => {
    const rows: Cell[][] = [
      ['项目支出绩效自评表'],
      ['项目资金（元）', null, '年初预算数', '全年预算数', '全年执行数'],
      [null, '年度资金总额', 22000, 22000, 22000],
      [],
      ['一级指标', '二级指标', '分值', '自评分'],
      ['产出指标', '数量指标', 20, 18],
      [null, '质量指标', 15, 15],
      [null, '时效指标', 10, 10],
      [null, '成本指标', 5, 5],
      ['效益指标', '社会效益指标', 30, 28],
      ['满意度指标', '服务对象满意度指标', 10, 9],
    ];
    const { report } = await scoreSheets([{ name: '自评表', rows, merges: ['A6:A9'] }]);
    expect(report.indicators.map((i) => i.name)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标']);
    expect(report.total).toBe(95);
    expect(report.grade).toBe('优');
  });
});
