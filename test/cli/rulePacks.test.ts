import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { editRulesCell } from '../support/rulesSheetEdit';
import { PACK_LIST, runCli } from './runCli';

const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';
const ZENGCHENG = 'examples/zengcheng-2023-index-system.xlsx';
const LEDGER = '发放明细';
const QUARTERLY = 'gz-zengcheng-2023/quarterly-band';

interface ReportFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  value: unknown;
  allowed: string | null;
  message: string;
}

const findingsOf = (json: string): ReportFinding[] => JSON.parse(readFileSync(json, 'utf8')).findings;

/** Sets the cell under `header` in the 规则 sheet row of `ruleId`, writing the result to `out`; returns its address. */
async function editRulesSheet(file: string, out: string, ruleId: string, header: string, value: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const address = editRulesCell(wb, ruleId, header, value);
  await wb.xlsx.writeFile(out);
  return address;
}

describe('choosing rule packs on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-rules-'));

  test('an unknown pack id exits 2 before reading the workbook, listing the packs there are', async () => {
    const r = await runCli(['score', ZENGCHENG, '--rules', 'gz-zengcheng-2024']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`未知的规则包“gz-zengcheng-2024”。${PACK_LIST}\n`);
  });

  test('an empty list (--rules ,) is refused instead of checking nothing', async () => {
    const r = await runCli(['score', ZENGCHENG, '--rules', ',']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`--rules 后面没有规则包编号（收到“,”）。${PACK_LIST}\n`);
  });

  test('--write-rules without --rules says it needs a pack, and writes nothing', async () => {
    const out = join(dir, 'no-pack.xlsx');
    const r = await runCli(['score', KUNMING, '--write-rules', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `--write-rules 需要同时用 --rules 选择规则包，如 --rules gz-zengcheng-2023 --write-rules；本次没有选择规则包，也就没有可写入的“规则”表。${PACK_LIST}\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  test('a pack chosen for 昆明’s 自评表, which has no ledger, says there was nothing to check, on screen and in the report', async () => {
    const json = join(dir, 'kunming.json');
    const r = await runCli(['score', KUNMING, '--rules', 'km-songwennuan-2019', '--json', json]);
    expect(r.code).toBe(0);
    const notice =
      '未找到发放明细表（已查找工作表 “项目支出绩效自评表”），规则包“昆明市总工会送温暖专项资金（2019）”没有可检查的发放。' +
      '如工作簿中有发放明细而未被识别，请把该表格的用途指定为“发放明细”后重新评分。';
    expect(r.out).toContain(`[提示] 未找到发放明细：${notice}`);
    expect(r.out).toContain('总得分：97.54');
    expect(r.err).toBe('提示：如发放明细在某张工作表中未被识别，可用 --mapping 指定，如 [{"sheet":"发放明细","role":"ledger"}]。\n');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.total).toBe(97.54);
    expect(report.findings).toContainEqual({
      rule: 'missing-ledger', severity: 'info', sheet: '', cell: '', row: 0, value: 'km-songwennuan-2019', allowed: null, message: notice,
    });
  });

  test('--param without --rules is said to have had no effect', async () => {
    const r = await runCli(['score', KUNMING, '--param', '月低保标准=1330', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('提示：--param 没有使用：本次没有选择规则包，没有检查发放明细。参数属于规则包，请同时用 --rules 选择，如 --rules gz-zengcheng-2023。\n');
  });
});

describe('月低保标准 on the command line (增城, gz-zengcheng-2023)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-dibao-'));

  test('unset, the 10-month cap says where to fill it in, and the command line adds --param', async () => {
    const json = join(dir, 'unset.json');
    const r = await runCli(['score', ZENGCHENG, '--rules', 'gz-zengcheng-2023', '--json', json]);
    expect(r.code).toBe(0);
    const dibao = findingsOf(json).find((f) => f.rule === 'gz-songwennuan/dibao-cap')!;
    expect(dibao.message).toBe(
      '规则“超过低保标准上限”（每户每年不超过 10 个月月低保标准）未执行：请在“规则”表的参数中填写“月低保标准”（元/月）后重新检查，' +
        '工作簿中还没有“规则”表时先写入规则表（广州市工会送温暖资金使用管理实施细则（试行））。',
    );
    expect(r.err).toBe('提示：也可以在命令行设置月低保标准：加 --param 月低保标准=金额（元/月），如 --param 月低保标准=1080；或加 --write-rules 写出“规则”表后在表中填写。\n');
  });

  test('set with --param 月低保标准=1330, the cap runs and nothing is hinted', async () => {
    const json = join(dir, 'set.json');
    const r = await runCli(['score', ZENGCHENG, '--rules', 'gz-zengcheng-2023', '--param', '月低保标准=1330', '--json', json, '--quiet']);
    expect(r.code).toBe(0);
    expect(findingsOf(json).filter((f) => f.rule === 'gz-songwennuan/dibao-cap')).toEqual([]);
    expect(r.err).toBe('');
  });
});

describe('the 规则 sheet through the command line: --write-rules, an officer’s edit, re-score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-rulesheet-'));

  test('raising 季度救助’s 上限 to 700 in the 规则 sheet clears the 700 元 payment on the next run; a 固定额 typed beside it is named by its own cell', async () => {
    // 增城’s example with one 季度救助 paid 700 元, above the pack's 400–600 元.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ZENGCHENG);
    let paid700 = 0;
    wb.getWorksheet(LEDGER)!.eachRow((row, n) => {
      if (!paid700 && row.getCell(5).value === '季度救助') {
        row.getCell(7).value = 700;
        paid700 = n;
      }
    });
    const input = join(dir, 'input.xlsx');
    await wb.xlsx.writeFile(input);

    const first = join(dir, 'first.xlsx');
    const firstJson = join(dir, 'first.json');
    const r1 = await runCli(['score', input, '--rules', 'gz-zengcheng-2023', '--write-rules', '--out', first, '--json', firstJson, '--quiet']);
    expect(r1.code).toBe(0);
    expect(findingsOf(firstJson).filter((f) => f.rule === QUARTERLY)).toEqual([
      expect.objectContaining({ sheet: LEDGER, cell: `G${paid700}`, value: 700, allowed: '400–600' }),
    ]);

    const edited = join(dir, 'edited.xlsx');
    await editRulesSheet(first, edited, QUARTERLY, '上限（元）', 700);
    const second = join(dir, 'second.xlsx');
    const secondJson = join(dir, 'second.json');
    // No --rules: the workbook's own 规则 sheet decides.
    const r2 = await runCli(['score', edited, '--out', second, '--json', secondJson, '--quiet']);
    expect(r2.code).toBe(0);
    expect(findingsOf(secondJson).filter((f) => f.rule === QUARTERLY)).toEqual([]);
    expect(findingsOf(secondJson).filter((f) => f.sheet === '规则')).toEqual([]);

    // --write-rules again keeps the officer's sheet, and says so; --param is not silently dropped either.
    const r3 = await runCli(['score', second, '--rules', 'gz-zengcheng-2023', '--write-rules', '--param', '月低保标准=1330', '--json', join(dir, 'third.json'), '--quiet']);
    expect(r3.code).toBe(0);
    expect(findingsOf(join(dir, 'third.json')).filter((f) => f.rule === QUARTERLY)).toEqual([]);
    expect(r3.err).toBe(
      '提示：命令行的 --param 月低保标准 没有使用：本次按工作簿中的“规则”表检查，请在该表的参数中填写“月低保标准”。\n' +
        '提示：工作簿中已有“规则”表，本次按表中的规则检查；--write-rules 没有重写它，以免覆盖表中的修改。\n',
    );

    // A 固定额 typed into the same row conflicts with 下限/上限: the finding names the 固定额 cell.
    const conflicted = join(dir, 'conflict.xlsx');
    const fixedCell = await editRulesSheet(second, conflicted, QUARTERLY, '固定额（元）', 500);
    const conflictJson = join(dir, 'conflict.json');
    const r4 = await runCli(['score', conflicted, '--json', conflictJson, '--quiet']);
    expect(r4.code).toBe(0);
    const row = fixedCell.slice(1);
    expect(findingsOf(conflictJson).filter((f) => f.sheet === '规则')).toEqual([
      expect.objectContaining({
        rule: 'rules-sheet/invalid-value',
        cell: fixedCell,
        value: 500,
        message:
          `“规则”!${fixedCell} 规则“季度救助金额超出标准”的固定额（元）与同一行的 G${row} 下限（元）、H${row} 上限（元）冲突，` +
          '金额标准无法使用（固定额与上下限只能填一种），按规则包原值（400–600 元）执行。',
      }),
    ]);
    // The pack's 400–600 元 applies again, so the 700 元 payment is flagged again.
    expect(findingsOf(conflictJson).filter((f) => f.rule === QUARTERLY).map((f) => f.cell)).toEqual([`G${paid700}`]);
  });
});
