import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, STACK_LINE } from './runCli';

const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';

describe('`report` answers like `score`: exit 0 with the .docx written, exit 2 with a Chinese message and no file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-cli-'));

  test('the 昆明 自评表 gives a Word document and says how many 【待填写】 places are left', async () => {
    const out = join(dir, '昆明-自评报告.docx');
    const r = await runCli(['report', KUNMING, '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^已写出绩效自评报告草稿：.*昆明-自评报告\.docx\n综合得分 97\.54 分，等级 优；有 \d+ 处【待填写】需要补充。\n$/);
    expect(existsSync(out)).toBe(true);
  });

  test('a file that is not a workbook is exit 2, as for score, and nothing is written', async () => {
    const out = join(dir, 'junk.docx');
    const r = await runCli(['report', 'test/fixtures/not-a-workbook.xlsx', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^无法读取工作簿：文件不是有效的 \.xlsx 或 \.xls 文件/);
    expect(r.err).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  test('a workbook with nothing to score is exit 2 naming what was looked for', async () => {
    const r = await runCli(['report', 'test/fixtures/junk.xlsx', '--out', join(dir, 'junk2.docx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法评分');
  });

  test('--out is required, and must be a .docx', async () => {
    const missing = await runCli(['report', KUNMING]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--out');
    const xlsx = await runCli(['report', KUNMING, '--out', join(dir, '报告.xlsx')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toBe(`报告文件“${join(dir, '报告.xlsx')}”应以 .docx 结尾（Word 文档），如 --out 自评报告.docx。\n`);
  });

  test('an unknown rule pack is refused as score refuses it', async () => {
    const r = await runCli(['report', KUNMING, '--out', join(dir, 'x.docx'), '--rules', 'no-such-pack']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知的规则包“no-such-pack”');
  });
});
