/**
 * SPEC §4 "Nothing scored is not a score": when no indicator could be scored, or the budget block was
 * found but its 执行数 could not be read (and the budget carries points), the CLI exits 2 naming what it
 * could not read and where, writes nothing, and the pane says the same; a partly read workbook is scored
 * and says, as the first finding, which part it could not read. Built from the seeds' own figures.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { KUNMING_2019_INDICATORS } from '../../examples/data/kunming2019';
import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';
import { scoreWorkbook as runScoreButton } from '../../src/app/scoreWorkbook';
import type { Report } from '../../src/core/report/report';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { runCli, STACK_LINE } from '../cli/runCli';
import { toBytes } from './scoreWorkbook';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-nothing-scored-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Scored {
  code: number;
  err: string;
  out: string;
  report: Report | null;
  /** Whether --out or --json left a file behind. */
  wrote: boolean;
}

async function score(name: string, wb: ExcelJS.Workbook, extra: string[] = []): Promise<Scored> {
  const input = join(dir, `${name}.xlsx`);
  writeFileSync(input, await toBytes(wb));
  const [out, json] = [join(dir, `${name}-scored.xlsx`), join(dir, `${name}.json`)];
  const r = await runCli(['score', input, '--out', out, '--json', json, ...extra]);
  const wrote = existsSync(out) || existsSync(json);
  const report = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Report) : null;
  return { ...r, report, wrote };
}

function expectRefused(r: Scored, ...parts: string[]): void {
  expect(r.code).toBe(2);
  expect(r.wrote).toBe(false);
  expect(r.out).toBe('');
  expect(r.err).not.toMatch(STACK_LINE);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^无法评分：/);
  for (const p of parts) expect(r.err).toContain(p);
}

describe('the budget block was found but its 执行数 could not be read: exit 2', () => {
  test('五华 with the 执行数 cell empty names 预算执行（万元）!D3, not 89.41 良', async () => {
    const r = await score('wuhua-executed-empty', buildWuhua2023SeparateSheets({ budget: { executed: null } }));
    expectRefused(
      r,
      '找到了预算执行表（“预算执行（万元）”!A2:D3，预算表：表头 年初预算(万元)、调整后预算(万元)、执行数(万元)；单位 万元）',
      '但读不到全年执行数：“预算执行（万元）”!D3 为空。预算执行率占 10 分',
      '（文件：',
    );
  });

  test('五华 with 待核实 typed in the 执行数 cell names the cell and what it holds', async () => {
    const r = await score('wuhua-executed-text', buildWuhua2023SeparateSheets({ budget: { executed: '待核实' } }));
    expectRefused(r, '“预算执行（万元）”!D3 的“待核实”不是数字');
  });

  test('the pane says the same and writes nothing', async () => {
    const host = await XlsxHost.fromBuffer(await toBytes(buildWuhua2023SeparateSheets({ budget: { executed: null } })));
    const apply = jest.spyOn(host, 'apply');
    const outcome = await runScoreButton(host);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toContain('但读不到全年执行数：“预算执行（万元）”!D3 为空');
    expect(apply).not.toHaveBeenCalled();
  });
});

describe('no indicator could be scored: exit 2', () => {
  test('昆明 自评表 whose 实际完成值 column is all blank names the column, not 10.00 差', async () => {
    const indicators = KUNMING_2019_INDICATORS.map((i) => ({ ...i, actual: null }));
    const r = await score('kunming-no-actuals', buildKunming2019SelfEvaluation({ indicators }));
    expectRefused(
      r,
      '在 “项目支出绩效自评表”!A19:H52 找到 31 项绩效指标，但没有一项能够评分：实际完成值为空（“项目支出绩效自评表”!E20:E50 中 31 处）',
    );
  });

  test('五华 with its actuals sheet set aside: the 7 targets have no actual', async () => {
    const mapping = join(dir, 'ignore-actuals.json');
    writeFileSync(mapping, JSON.stringify([{ sheet: '实际完成情况', role: 'ignore' }]));
    const r = await score('wuhua-no-actuals', buildWuhua2023SeparateSheets(), ['--mapping', mapping]);
    expectRefused(r, '找到 7 项绩效指标，但没有一项能够评分：没有对应的实际完成值（“绩效目标申报表”!');
  });

  test('增城 index system with no 评价得分 at all', async () => {
    const wb = buildZengcheng2023IndexSystem();
    const ws = wb.getWorksheet('评价指标体系')!;
    for (let r = 4; r <= 29; r++) ws.getCell(r, 6).value = null;
    const r = await score('zengcheng-no-scores', wb);
    expectRefused(r, '但没有一项能够评分：没有评价得分（“评价指标体系”!F4:F');
  });

  test('only a budget table (the targets and actuals sheets set aside) is not a score of 10.00', async () => {
    const mapping = join(dir, 'budget-only.json');
    writeFileSync(mapping, JSON.stringify([{ sheet: '实际完成情况', role: 'ignore' }, { sheet: '绩效目标申报表', role: 'ignore' }]));
    const r = await score('wuhua-budget-only', buildWuhua2023SeparateSheets(), ['--mapping', mapping]);
    expectRefused(r, '只找到预算执行表（“预算执行（万元）”!A2:D3）', '没有找到绩效指标');
  });
});

describe('a partly read workbook is scored and says first what it could not read', () => {
  test('昆明 with 助学救助 and 临时救助 (数量) blank: 94.61, and the first finding names E23 and E24', async () => {
    const indicators = KUNMING_2019_INDICATORS.map((i, k) => (k === 3 || k === 4 ? { ...i, actual: null } : i));
    const r = await score('kunming-two-blank', buildKunming2019SelfEvaluation({ indicators }));
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ total: 94.61, grade: '优' });
    expect(r.report!.findings[0]).toMatchObject({
      rule: 'partly-read', severity: 'error', sheet: '项目支出绩效自评表', cell: 'E23', row: 23, value: 2,
      message: '工作簿只读取了一部分，总分只含已读取的部分：指标“助学救助”、“临时救助”实际完成值为空（“项目支出绩效自评表”!E23、E24），这些指标按 0 分计入总分。请补全后重新评分。',
    });
    expect(r.report!.findings.filter((f) => f.rule === 'partly-read')).toHaveLength(1);
    // The terminal says it first too.
    expect(r.out).toContain('发现问题（10 条）：\n  [违规] 工作簿只读取了一部分');
  });

  test('增城 index system with its budget 实际支出数 empty still scores 90: the budget carries no points there', async () => {
    const wb = buildZengcheng2023IndexSystem();
    wb.getWorksheet('预算执行')!.getCell('D6').value = null;
    const r = await score('zengcheng-executed-empty', wb);
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ total: 90, grade: '优' });
    expect(r.report!.findings[0]).toMatchObject({ rule: 'partly-read', severity: 'error', sheet: '预算执行', cell: 'D6' });
    expect(r.report!.findings[0].message).toContain('预算执行表的全年执行数未能读取（“预算执行”!D6 为空）');
  });

  test('增城 with two 评价得分 missing scores the rest (82 良) and names F4 and F5 first', async () => {
    const r = await score('zengcheng-two-scores', buildZengcheng2023IndexSystem({ scores: { 论证决策规范性: null, 绩效目标合理性: null } }));
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ total: 82, grade: '良' });
    expect(r.report!.findings[0]).toMatchObject({ rule: 'partly-read', cell: 'F4', value: 2 });
    expect(r.report!.findings[0].message).toContain('指标“论证决策规范性”、“绩效目标合理性”没有评价得分（“评价指标体系”!F4、F5）');
  });

  test('the sample workbooks read whole: no partly-read finding', async () => {
    for (const [name, wb] of [
      ['kunming', buildKunming2019SelfEvaluation()],
      ['wuhua', buildWuhua2023SeparateSheets()],
      ['zengcheng', buildZengcheng2023IndexSystem()],
    ] as const) {
      const r = await score(`whole-${name}`, wb);
      expect([name, r.code]).toEqual([name, 0]);
      expect(r.report!.findings.filter((f) => f.rule === 'partly-read')).toEqual([]);
    }
  });
});
