import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli as run } from './runCli';

const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('command line (SPEC §7)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));

  test('score writes the scored copy and the JSON report, prints total and grade, and never touches the input', async () => {
    const before = sha(KUNMING);
    const mtime = statSync(KUNMING).mtimeMs;
    const out = join(dir, 'scored.xlsx');
    const json = join(dir, 'report.json');
    const r = await run(['score', KUNMING, '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('总得分：97.54');
    expect(r.out).toContain('评价等级：优');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    for (const key of ['total', 'grade', 'selfReportedTotal', 'budget', 'indicators', 'summary', 'mapping', 'findings']) {
      expect(report).toHaveProperty(key);
    }
    expect(report.total).toBe(97.54);
    expect(report.mapping.map((m: { role: string }) => m.role).sort()).toEqual(['budget', 'selfEvaluation']);
    expect(statSync(out).size).toBeGreaterThan(0);
    expect(sha(KUNMING)).toBe(before);
    expect(statSync(KUNMING).mtimeMs).toBe(mtime);
  });

  test('a workbook with only error values, merged junk and empty sheets exits 2 with a Chinese message naming the sheets', async () => {
    const r = await run(['score', 'test/fixtures/junk.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有找到预算执行表或绩效指标表');
    for (const sheet of ['Sheet1', '计算表', '此页空白', 'Sheet3']) expect(r.err).toContain(`“${sheet}”`);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  test('a file that is not a workbook exits 2 without a stack trace', async () => {
    const r = await run(['score', 'test/fixtures/not-a-workbook.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法读取工作簿');
    expect(r.err).not.toMatch(/\bat .*:\d+:\d+/);
  });

  test('a missing file, an unknown scheme and a broken mapping file each exit 2 with a message', async () => {
    expect((await run(['score', join(dir, 'nope.xlsx')])).code).toBe(2);
    const scheme = await run(['score', KUNMING, '--scheme', 'nowhere']);
    expect(scheme.code).toBe(2);
    expect(scheme.err).toContain('未知的评分方案');
    const bad = join(dir, 'mapping.json');
    writeFileSync(bad, '{"sheet": 3}');
    const mapping = await run(['score', KUNMING, '--mapping', bad]);
    expect(mapping.code).toBe(2);
    expect(mapping.err).toContain('映射文件');
  });

  test('writing the output over the input is refused', async () => {
    const r = await run(['score', KUNMING, '--out', KUNMING]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('从不修改原工作簿');
  });

  test('the 江西 scheme scores the same workbook with stepped budget points', async () => {
    const json = join(dir, 'jx.json');
    const r = await run(['score', 'examples/wuhua-2023-separate-sheets.xlsx', '--scheme', 'jiangxi', '--json', json, '--quiet']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).scheme).toBe('jiangxi');
  });

  test('a mapping file can tell it which sheet is which when detection would not', async () => {
    const mapping = join(dir, 'ignore.json');
    writeFileSync(mapping, JSON.stringify([{ sheet: '预算执行（万元）', role: 'ignore' }]));
    const json = join(dir, 'ignored.json');
    const r = await run(['score', 'examples/wuhua-2023-separate-sheets.xlsx', '--mapping', mapping, '--json', json, '--quiet']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    // Without its budget sheet the 10 budget points are not counted, and a finding says so.
    expect(report).toMatchObject({ budget: null, total: 89.41, grade: '良' });
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('missing-budget');
  });

  test('a mapping that leaves no actual to score is refused (exit 2), not scored 0', async () => {
    const mapping = join(dir, 'ignore-actuals.json');
    writeFileSync(mapping, JSON.stringify([{ sheet: '实际完成情况', role: 'ignore' }]));
    const json = join(dir, 'ignored-actuals.json');
    const r = await run(['score', 'examples/wuhua-2023-separate-sheets.xlsx', '--mapping', mapping, '--json', json, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法评分：在 “绩效目标申报表”!A5:E14 找到 7 项绩效指标，但没有一项能够评分：没有对应的实际完成值');
    expect(existsSync(json)).toBe(false);
  });

  test('template writes a blank 自评表 that, once filled in, the scorer reads without any mapping', async () => {
    const out = join(dir, 'template.xlsx');
    const r = await run(['template', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    ws.getCell('B5').value = 100000;
    ws.getCell('C5').value = 100000;
    ws.getCell('D5').value = 95000;
    ws.getCell('C8').value = '慰问困难职工人数';
    ws.getCell('D8').value = '≥200人';
    ws.getCell('E8').value = '180人';
    ws.getCell('F8').value = 90;
    const filled = join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const json = join(dir, 't.json');
    const s = await run(['score', filled, '--json', json, '--quiet']);
    expect(s.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.mapping.map((m: { role: string }) => m.role).sort()).toEqual(['budget', 'selfEvaluation']);
    // 9.5 of 10 for the budget, 90 × 180/200 = 81 for the indicator.
    expect(report.total).toBe(90.5);
  });

  test('packs lists the scoring schemes', async () => {
    const r = await run(['packs']);
    expect(r.code).toBe(0);
    for (const id of ['default', 'jiangxi', 'hubei', 'sichuan']) expect(r.out).toContain(id);
  });

  test('run as a real process, unusable input exits 2 with only the message on stderr', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile('npx', ['tsx', 'src/cli/bin.ts', 'score', 'test/fixtures/junk.xlsx'], (error, _stdout, stderr) => {
        resolve({ code: error ? (error as NodeJS.ErrnoException & { code?: number }).code as unknown as number : 0, stderr });
      });
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toHaveLength(1);
  });
});
