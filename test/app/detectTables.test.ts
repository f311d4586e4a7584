import { readFile } from 'node:fs/promises';
import { detectTables } from '../../src/app/detectTables';
import { runPipeline } from '../../src/core/pipeline';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';

const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';
const ZENGCHENG = 'examples/zengcheng-2023-index-system.xlsx';

describe('识别表格 before 评分', () => {
  it('finds the 昆明 budget block and indicator block in one sheet, with nothing remembered yet', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(KUNMING));
    const detected = await detectTables(host);
    expect(detected).toEqual({
      tables: [
        {
          sheet: '项目支出绩效自评表', range: 'A5:H9', role: 'budget', confidence: 1, overridden: false,
          because: '预算表：表头 年初预算数、全年预算数、全年执行数、分值、执行率、得分；金额按元计（“项目资金 (万元)”写万元，但 6,000,000.00 明显以元填写）',
        },
        {
          sheet: '项目支出绩效自评表', range: 'A19:H52', role: 'selfEvaluation', confidence: 1, overridden: false,
          because: '自评表：表头 一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分、偏差原因分析及改进措施',
        },
      ],
      rules: [],
      scheme: null,
      hasRulesSheet: false,
      ledgerSheets: [],
      suggestedPacks: [],
    });
  });

  it('reports the sheets read as it goes, and changes nothing', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(ZENGCHENG));
    const before = host.workbook.worksheets.map((w) => w.name);
    const progress: string[] = [];
    const detected = await detectTables(host, { onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(detected.tables.map((t) => t.role)).toEqual(['indexSystem', 'budget', 'ledger']);
    // Before 评分 the pane can say the ledger is there and which pack fits its 季度救助 and 紧急救助.
    expect(detected.ledgerSheets).toEqual(['发放明细']);
    expect(detected.suggestedPacks).toEqual(['gz-zengcheng-2023']);
    expect(progress[progress.length - 1]).toBe(`${before.length}/${before.length}`);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(before);
  });

  it('after a run it shows what the workbook remembers: packs, scheme, the 规则 sheet, overrides — an ignored table as 忽略, not missing', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(ZENGCHENG));
    const { patch } = runPipeline(await host.read(), {
      rules: ['gz-zengcheng-2023'],
      scheme: 'sichuan',
      writeRules: true,
      mapping: [
        { sheet: '预算执行', range: 'A3:E6', role: 'ignore' },
        { sheet: '发放明细', role: 'ledger' },
      ],
    });
    await host.apply(patch);
    const detected = await detectTables(host);
    expect(detected.rules).toEqual(['gz-zengcheng-2023']);
    expect(detected.scheme).toBe('sichuan');
    expect(detected.hasRulesSheet).toBe(true);
    expect(detected.tables.map((t) => [t.sheet, t.role, t.overridden])).toEqual([
      ['评价指标体系', 'indexSystem', false],
      ['预算执行', 'ignore', true],
      ['发放明细', 'ledger', true],
    ]);
  });
});
