import { readFile } from 'node:fs/promises';
import { scoreWorkbook, type StageProgress } from '../../src/app/scoreWorkbook';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';

const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';

describe('the 评分 flow the pane runs', () => {
  it('goes 读取 → 识别 → 评分 → 写入 and returns the 昆明 report (97.54, 优)', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(KUNMING));
    const stages: StageProgress['stage'][] = [];
    const outcome = await scoreWorkbook(host, {}, { onProgress: (p) => stages.push(p.stage) });
    expect([...new Set(stages)]).toEqual(['read', 'detect', 'score', 'write']);
    expect(outcome.status === 'scored' && [outcome.report.total, outcome.report.grade]).toEqual([97.54, '优']);
  });

  it('cancelled during 识别, it writes nothing', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(KUNMING));
    const controller = new AbortController();
    const outcome = await scoreWorkbook(host, {}, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'detect') controller.abort();
      },
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(host.workbook.worksheets.map((w) => w.name)).not.toContain('绩效目标');
  });

  it('an unknown scheme fails during 识别 (the detection stage), before 评分 starts', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(KUNMING));
    const stages: StageProgress['stage'][] = [];
    const outcome = await scoreWorkbook(host, { scheme: 'shanghai' }, { onProgress: (p) => stages.push(p.stage) });
    expect([...new Set(stages)]).toEqual(['read', 'detect']);
    expect(outcome.status === 'failed' && outcome.message).toMatch(/^未知的评分方案“shanghai”/);
  });

  it('a workbook without a budget or indicator table fails with a Chinese message', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(KUNMING));
    const outcome = await scoreWorkbook(host, { mapping: [{ sheet: '项目支出绩效自评表', role: 'ignore' }] });
    expect(outcome.status).toBe('failed');
    // The pane's title says 无法评分; the message says what was searched and what to do in the pane.
    const message = outcome.status === 'failed' ? outcome.message : '';
    expect(message).toMatch(/^在工作表 “项目支出绩效自评表” 中没有找到预算执行表或绩效指标表/);
    expect(message).toContain('指定表格用途');
    expect(message).toContain('插入模板');
    expect(message).not.toContain('--mapping');
  });
});
