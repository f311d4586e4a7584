import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';
import { OUTLINE_HEADINGS } from '../../src/core/selfReport/buildSelfReport';
import { draftSelfReport } from '../../src/core/selfReport/draftSelfReport';
import { paragraphText, type SelfReport, type TableBlock } from '../../src/core/selfReport/types';
import { scoreWorkbook } from '../e2e/scoreWorkbook';
import { plantedLedger } from '../support/plantedLedger';

/** A section's paragraphs as text, in order. */
function sectionText(report: SelfReport, heading: string): string[] {
  const section = report.sections.find((s) => s.heading === heading)!;
  return section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [paragraphText(b)] : b.kind === 'subheading' ? [b.text] : []));
}

function tableOf(report: SelfReport, caption: string): TableBlock {
  return report.sections.flatMap((s) => s.blocks).find((b): b is TableBlock => b.kind === 'table' && b.caption.endsWith(caption))!;
}

async function kunming(kept?: ReadonlyMap<string, string>) {
  const { report, input } = await scoreWorkbook(buildKunming2019SelfEvaluation());
  return draftSelfReport(input, report, kept);
}

describe('the 绩效自评报告 draft of seed 002 (昆明 2019 自评表)', () => {
  test('follows the eight headings of the 财预〔2020〕10号 提纲 and names the project, 主管部门 and 实施单位 from the header cells', async () => {
    const draft = await kunming();
    expect(draft.sections.map((s) => s.heading)).toEqual([...OUTLINE_HEADINGS]);
    expect(draft.title).toBe('昆明市总工会送温暖专项资金绩效自评报告');
    expect(sectionText(draft, '一、基本情况')).toContain('项目名称：昆明市总工会送温暖专项资金；主管部门：行政政法处；实施单位：昆明市总工会。');
    expect(sectionText(draft, '一、基本情况')).toContain('项目年初预算 600.00 万元，调整后预算 600.00 万元，全年执行数 600.00 万元，预算执行率 100.00%。');
  });

  test('sets the self-reported 100 against the computed 97.54 in 综合评价', async () => {
    const draft = await kunming();
    const text = sectionText(draft, '三、综合评价情况及评价结论');
    expect(text).toContain('经评价，项目综合得分 97.54 分，评价等级为“优”。');
    expect(text).toContain('单位自评总得分 100 分，比按实际完成值计算的 97.54 分高 2.46 分。');
    expect(tableOf(draft, '评价情况总表').rows).toContainEqual(['产出指标', '50', '47.54', '95.08%']);
  });

  test('analyses 产出 with each of the six short indicators and the officer\'s explanation', async () => {
    const text = sectionText(await kunming(), '四、绩效评价指标分析');
    expect(text).toContain('产出指标分值 50 分，得分 47.54 分，得分率 95.08%。');
    const short = text.filter((t) => t.includes('偏差原因'));
    expect(short).toHaveLength(6);
    expect(short[0]).toBe(
      '数量指标“节日送温暖慰问”实际完成 3,000 人，年度指标 3,100 人，完成率 96.77%，得分 4.84 分（分值 5 分），扣 0.16 分。' +
        '偏差原因：送温暖人数根据大病救助实际统计达到标准人数进行，人数会上下有所浮动。',
    );
    expect(short.some((t) => t.startsWith('质量指标“临时救助”实际完成 200 人，年度指标 300 人，完成率 66.67%'))).toBe(true);
  });

  test('lists the self-scores above the computed ones as a problem and suggests one thing for each kind of problem', async () => {
    const draft = await kunming();
    const problems = sectionText(draft, '六、存在的问题及原因分析');
    expect(problems[0]).toMatch(/^1\. 自评得分高于按实际完成值计算的得分：自评总得分 100 分，按实际完成值计算为 97.54 分，自评偏高 2.46 分；6 项指标/);
    const suggestions = sectionText(draft, '七、有关建议').filter((t) => /^\d+\. /.test(t));
    expect(suggestions).toHaveLength(new Set(problems.filter((t) => /^\d+\. /.test(t)).map((t) => t.split('：')[0].replace(/^\d+\. /, ''))).size);
  });

  test('marks the parts only a person can write as 【待填写】 with a hint, and keeps what the officer wrote there', async () => {
    const draft = await kunming();
    expect(sectionText(draft, '五、主要经验及做法')).toEqual([expect.stringMatching(/^【待填写】.+/)]);
    const kept = await kunming(new Map([['experience', '实行实名制打卡发放，资金直达职工账户。']]));
    expect(sectionText(kept, '五、主要经验及做法')).toEqual(['实行实名制打卡发放，资金直达职工账户。']);
  });
});

describe('the draft of seed 001 (增城 2023 指标体系) with the planted-anomaly ledger under gz-zengcheng-2023', () => {
  async function zengcheng() {
    const { report, input } = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger: plantedLedger().rows }), { rules: ['gz-zengcheng-2023'] });
    return draftSelfReport(input, report);
  }

  test('reports 98.44% execution, 90 分 优 and the 评价情况总表 投入 16/14, 过程 24/21, 产出 30/28, 效益 30/27', async () => {
    const draft = await zengcheng();
    expect(draft.title).toBe('2023年困难职工帮扶资金（送温暖费）项目绩效自评报告');
    expect(sectionText(draft, '一、基本情况')).toContain('项目年初预算 48.00 万元，调整后预算 27.00 万元，全年执行数 26.58 万元，预算执行率 98.44%。');
    expect(sectionText(draft, '三、综合评价情况及评价结论')).toContain('经评价，项目综合得分 90 分，评价等级为“优”。');
    expect(tableOf(draft, '评价情况总表').rows.map((r) => r.slice(0, 3))).toEqual([
      ['投入', '16', '14'],
      ['过程', '24', '21'],
      ['产出', '30', '28'],
      ['效益', '30', '27'],
      ['合计', '100', '90'],
    ]);
  });

  test('counts the 1,000 元 紧急救助 and the missing 审核日期 in 存在的问题, each with its row', async () => {
    const problems = sectionText(await zengcheng(), '六、存在的问题及原因分析');
    expect(problems).toContainEqual(expect.stringContaining('“发放明细”中 1 笔紧急救助 1,000.00 元低于 2,000–5,000 元标准（第 3 行）。'));
    expect(problems).toContainEqual(expect.stringContaining('“发放明细”中 1 笔缺少审核日期（第 16 行）。'));
    expect(problems).toContainEqual(expect.stringContaining('预算执行率 98.44%，全年执行数 26.58 万元，调整后预算 27.00 万元，预算未全部执行。'));
  });

  test('an evaluator\'s deduction without an explanation is a placeholder for the reason, not a made-up one', async () => {
    const text = sectionText(await zengcheng(), '四、绩效评价指标分析');
    expect(text).toContain('效果性“救助政策知晓率”得分 3 分（分值 5 分），扣 2 分。偏差原因：【待填写】说明未达到年度指标的原因及改进措施');
  });
});
