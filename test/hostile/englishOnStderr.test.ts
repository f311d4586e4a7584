/**
 * Issue 12: ExcelJS's `console.warn` (a sheet name over 31 characters) reached the officer's terminal, in
 * English, before the Chinese output. No library line reaches stderr now (unless JIXIAO_DEBUG is set);
 * what the warning meant is said as a Chinese 提示.
 */
import { join } from 'node:path';
import { withQuietConsole } from '../../src/cli/quietConsole';
import { runCli, STACK_LINE } from '../cli/runCli';
import { editPackage, kunmingWith, loadWorkbook, scratchDir, writeInput } from './hostilePackage';

const LONG = '二〇一九年度项目支出绩效自评表附件一：资金发放明细（按街道汇总）';

/** The 昆明 sample plus a sheet whose name in workbook.xml is 33 characters, which Excel never writes. */
async function longNamed(): Promise<Uint8Array> {
  const bytes = await kunmingWith((ws) => {
    ws.getCell('A1').value = '备注';
  }, '附件');
  return editPackage(bytes, { 'xl/workbook.xml': (x) => x.replace('name="附件"', `name="${LONG}"`) });
}

describe('no English from a library reaches the officer', () => {
  const dir = scratchDir('jixiao-english-');

  test('a sheet name over 31 characters: a Chinese 提示 names it and its shortened name, nothing in English', async () => {
    expect(LONG.length).toBeGreaterThan(31);
    const input = writeInput(dir, 'long-name.xlsx', await longNamed());
    const out = join(dir, 'long-name-评分.xlsx');
    const warn = jest.spyOn(console, 'warn');
    try {
      const r = await runCli(['score', input, '--out', out]);
      expect(r.code).toBe(0);
      expect(warn).not.toHaveBeenCalled();
      expect(r.err).toContain(`提示：工作表名称“${LONG}”超过 Excel 允许的 31 个字符，输出文件中改为“${LONG.slice(0, 31)}”。`);
      expect(r.err).not.toMatch(/Worksheet|exceeds|truncated/);
      expect(r.err).not.toMatch(STACK_LINE);
      expect((await loadWorkbook(out)).worksheets.map((ws) => ws.name)).toContain(LONG.slice(0, 31));
    } finally {
      warn.mockRestore();
    }
  });

  test('with JIXIAO_DEBUG set, a library’s console output still reaches a developer', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await withQuietConsole(async () => console.warn('from a library'));
      expect(warn).not.toHaveBeenCalled();
      process.env.JIXIAO_DEBUG = '1';
      await withQuietConsole(async () => console.warn('from a library'));
      expect(warn).toHaveBeenCalledWith('from a library');
    } finally {
      delete process.env.JIXIAO_DEBUG;
      warn.mockRestore();
    }
  });
});
