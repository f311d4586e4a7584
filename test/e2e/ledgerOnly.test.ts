import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { main } from '../../src/cli/main';
import { NotScorableError, runPipeline } from '../../src/core/pipeline';
import { scoreWorkbook, snapshotOf, toBytes } from './scoreWorkbook';

/** 五华's workbook with every sheet but the ledger removed: what an officer keeps mid-year. */
function ledgerOnly(): ExcelJS.Workbook {
  const wb = buildWuhua2023SeparateSheets({ plantAmountAnomalies: true });
  for (const ws of [...wb.worksheets]) if (!/发放/.test(ws.name)) wb.removeWorksheet(ws.id);
  return wb;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('a workbook that holds only the payment ledger', () => {
  it('is checked against the chosen pack and reports no score: exactly E8 (600 元) and E23 (400 元) are flagged', async () => {
    const wb = ledgerOnly();
    expect(wb.worksheets.map((w) => w.name)).toEqual([expect.stringMatching(/发放/)]);
    const { report, output } = await scoreWorkbook(wb, { rules: ['km-wuhua-2023'] });
    expect(report.kind).toBe('ledger');
    expect(report.total).toBeNull();
    expect(report.grade).toBeNull();
    expect(report.output.scoredSheet).toBeNull();
    const bands = report.findings.filter((f) => f.rule.includes('amount'));
    expect(bands.map((f) => f.cell).sort()).toEqual(['E23', 'E8']);
    const after = await snapshotOf(output);
    const names = after.sheets.map((s) => s.name);
    expect(names).toContain('异常清单');
    expect(names).not.toContain('绩效目标');
  });

  it('a payment row merged into one cell by accident is reported at its row, not dropped in silence', async () => {
    const wb = ledgerOnly();
    const ws = wb.worksheets[0];
    const width = ws.getRow(3).cellCount;
    ws.mergeCells(10, 1, 10, width);
    const { report } = await scoreWorkbook(wb, { rules: ['km-wuhua-2023'] });
    const unread = report.findings.filter((f) => f.rule === 'ledger-unread-row');
    expect(unread).toEqual([expect.objectContaining({ sheet: ws.name, cell: 'A10', row: 10, severity: 'warning' })]);
    expect(unread[0].message).toContain('请取消合并并补全这一行');
  });

  it('without a rule pack it still cannot be scored, and the message says to choose one', async () => {
    const snapshot = await snapshotOf(await toBytes(ledgerOnly()));
    expect(() => runPipeline(snapshot)).toThrow(NotScorableError);
    expect(() => runPipeline(snapshot)).toThrow(/请选择规则包/);
  });

  it('on the command line it exits 0 with --rules, says it did not score, and exits 2 without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-ledger-only-'));
    const file = join(dir, '发放明细.xlsx');
    writeFileSync(file, await toBytes(ledgerOnly()));
    const checked = await cli(['score', file, '--rules', 'km-wuhua-2023', '--out', join(dir, 'checked.xlsx')]);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('只检查了发放明细，未评分');
    expect(checked.out).toContain('异常清单');
    const refused = await cli(['score', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--rules');
  });
});
