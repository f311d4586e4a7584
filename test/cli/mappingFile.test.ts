/**
 * Issue 12: the `--mapping` file is the officer's input. A malformed range, a sheet that does not exist,
 * an unknown role or a null entry ended in an internal error (“bad link target”) or a message about
 * paths like `0.role`; each is now refused (exit 2) with a Chinese message naming the entry and its sheet.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../hostile/hostilePackage';
import { runCli, STACK_LINE } from './runCli';

const WUHUA = 'examples/wuhua-2023-separate-sheets.xlsx';
const dir = scratchDir('jixiao-mapping-');
let n = 0;

async function scoreWith(mapping: unknown) {
  const file = join(dir, `mapping-${++n}.json`);
  writeFileSync(file, JSON.stringify(mapping));
  const r = await runCli(['score', WUHUA, '--mapping', file, '--quiet']);
  expect(r.err).not.toContain('内部错误');
  expect(r.err).not.toMatch(STACK_LINE);
  return { ...r, file };
}

const ok = { sheet: '预算执行（万元）', role: 'budget' };

describe('a bad --mapping file is refused (exit 2), naming the entry and what is wrong', () => {
  test('a range A0 (there is no row 0)', async () => {
    const r = await scoreWith([ok, { sheet: '实际完成情况', range: 'A0', role: 'actuals' }]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `映射文件“${r.file}”第 2 项（工作表“实际完成情况”）的区域 range "A0" 不是有效的单元格区域：应形如 A5:H30，行号从 1 到 1048576，列从 A 到 XFD。\n`,
    );
  });

  test('a range ZZZZ1:B (a column beyond XFD, an end without a row)', async () => {
    const r = await scoreWith([{ sheet: '实际完成情况', range: 'ZZZZ1:B', role: 'actuals' }]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`映射文件“${r.file}”第 1 项（工作表“实际完成情况”）的区域 range "ZZZZ1:B" 不是有效的单元格区域`);
  });

  test('a sheet the workbook does not have, with the sheets it does have', async () => {
    const r = await scoreWith([ok, { sheet: '实际完成', role: 'actuals' }]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`映射文件“${r.file}”第 2 项的工作表“实际完成”在工作簿中不存在。工作簿中的工作表：`);
    expect(r.err).toContain('“实际完成情况”');
  });

  test('an unknown role', async () => {
    const r = await scoreWith([{ sheet: '实际完成情况', role: 'actual' }]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`映射文件“${r.file}”第 1 项（工作表“实际完成情况”）的 role "actual" 不是可用的角色，应为 budget/targets/actuals/selfEvaluation/indexSystem/ledger/rules/ignore 之一。`);
  });

  test('an entry that is null', async () => {
    const r = await scoreWith([ok, null]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`映射文件“${r.file}”第 2 项不是 {"sheet":…,"role":…} 形式（收到 null）。`);
  });

  test('an entry without a sheet, and one with a field it does not know', async () => {
    const noSheet = await scoreWith([{ role: 'budget' }]);
    expect(noSheet.code).toBe(2);
    expect(noSheet.err).toContain('第 1 项缺少工作表名称 sheet');
    const extra = await scoreWith([{ ...ok, rang: 'A1:B2' }]);
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('第 1 项（工作表“预算执行（万元）”）有不认识的字段“rang”，只能有 sheet、range、role。');
  });

  test('a file that is not JSON: where it stopped, in Chinese, without the parser’s English', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '[\n  {"sheet": "实际完成情况", "role": "actuals",}\n]');
    const r = await runCli(['score', WUHUA, '--mapping', file, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`映射文件“${file}”不是有效的 JSON（第 2 行第 41 个字符处）。请检查引号、逗号和括号是否成对。\n`);
  });
});
