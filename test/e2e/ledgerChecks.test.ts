import ExcelJS from 'exceljs';
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';
import { clearPatch } from '../../src/core/output/clearPatch';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { scoreBytes, scoreWorkbook } from './scoreWorkbook';
import { editRulesCell } from '../support/rulesSheetEdit';
import { LEDGER, plantedLedger } from '../support/plantedLedger';

function ledgerRowsFlagged(findings: { sheet: string; cell: string; row: number }[]): number[] {
  return [...new Set(findings.filter((f) => f.sheet === LEDGER && f.cell).map((f) => f.row))].sort((a, b) => a - b);
}

describe('checking 增城\'s 2023 ledger under gz-zengcheng-2023 (seed 001)', () => {
  test('the clean ledger of 272 payments flags nothing and reconciles with 实际支出 265,800 元', async () => {
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem(), { rules: ['gz-zengcheng-2023'] });
    expect(ledgerRowsFlagged(report.findings)).toEqual([]);
    expect(report.findings.filter((f) => f.rule.startsWith('reconcile'))).toEqual([]);
  });

  test('every planted anomaly is flagged on its own row, and no clean row is', async () => {
    const { rows, planted } = plantedLedger();
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger: rows }), { rules: ['gz-zengcheng-2023'] });
    const flagged = ledgerRowsFlagged(report.findings);
    const expected = [...planted.keys()].sort((a, b) => a - b);
    const describe = (rs: number[]) => rs.map((r) => `${r}: ${planted.get(r) ?? 'clean row'}`);
    expect(describe(flagged)).toEqual(describe(expected));
    const knee = report.findings.find((f) => f.sheet === LEDGER && f.value === 1000);
    expect(knee).toMatchObject({ severity: 'error', allowed: '2000–5000' });
    expect(knee!.message).toContain('1,000.00 元');
  });

  test('the scored copy fills each flagged cell by severity with the message as a note, and clear restores every fill', async () => {
    const { rows } = plantedLedger();
    const { report, output } = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger: rows }), { rules: ['gz-zengcheng-2023'] });
    const knee = report.findings.find((f) => f.sheet === LEDGER && f.value === 1000)!;
    const scored = new ExcelJS.Workbook();
    await scored.xlsx.load(output as unknown as ArrayBuffer);
    const cell = scored.getWorksheet(LEDGER)!.getCell(knee.cell);
    expect(cell.value).toBe(1000);
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(JSON.stringify(cell.note)).toContain('1,000.00 元');

    const host = await XlsxHost.fromBuffer(output);
    await host.apply(clearPatch(await host.read()));
    const cleared = new ExcelJS.Workbook();
    await cleared.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
    const original = buildZengcheng2023IndexSystem({ ledger: rows }).getWorksheet(LEDGER)!;
    const after = cleared.getWorksheet(LEDGER)!;
    for (const f of report.findings.filter((x) => x.sheet === LEDGER && x.cell)) {
      const was = original.getCell(f.cell);
      const now = after.getCell(f.cell);
      expect([f.cell, now.value]).toEqual([f.cell, was.value]);
      expect([f.cell, now.fill?.type === 'pattern' && 'fgColor' in now.fill ? now.fill.fgColor?.argb : undefined])
        .toEqual([f.cell, was.fill?.type === 'pattern' && 'fgColor' in was.fill ? was.fill.fgColor?.argb : undefined]);
      expect(now.note).toBeUndefined();
    }
  });
});

describe('checking 五华\'s May Day visits under km-wuhua-2023 (seed 004)', () => {
  test('of 44 sanitation workers at 500 元, exactly the one paid 600 元 and the one paid 400 元 are flagged', async () => {
    const { report } = await scoreWorkbook(buildWuhua2023SeparateSheets({ plantAmountAnomalies: true }), { rules: ['km-wuhua-2023'] });
    // Payment rows start at row 3; a finding on the header (no 审核日期 column at all) is about the table.
    const flagged = report.findings.filter((f) => f.sheet === LEDGER && f.row >= 3);
    expect(flagged.map((f) => [f.cell, f.value])).toEqual([['E8', 600], ['E23', 400]]);
  });
});

describe('the editable 规则 sheet', () => {
  async function editRule(bytes: Uint8Array, ruleIdPrefix: string, header: string, value: string | number): Promise<{ bytes: Uint8Array; cell: string }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const cell = editRulesCell(wb, ruleIdPrefix, header, value);
    const buf: unknown = await wb.xlsx.writeBuffer();
    return { bytes: buf as Uint8Array, cell };
  }

  test('an officer who raises the 季度救助 maximum to 700 元 in the 规则 sheet no longer sees the 700 元 payment flagged', async () => {
    const { rows, planted } = plantedLedger();
    const first = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger: rows }), { rules: ['gz-zengcheng-2023'], writeRules: true });
    expect(first.report.findings.some((f) => f.sheet === LEDGER && f.value === 700)).toBe(true);
    const ruleId = first.report.findings.find((f) => f.sheet === LEDGER && f.value === 700)!.rule;
    const edited = await editRule(first.output, ruleId, '上限（元）', 700);
    const second = await scoreBytes(edited.bytes);
    expect(second.report.findings.some((f) => f.sheet === LEDGER && f.value === 700)).toBe(false);
    expect(ledgerRowsFlagged(second.report.findings)).toHaveLength(planted.size - 1);
    // The officer's edit survives the re-run: the 规则 sheet is theirs to keep.
    const third = await scoreBytes(second.output);
    expect(third.report.findings.some((f) => f.sheet === LEDGER && f.value === 700)).toBe(false);
  });

  test('a limit typed as text that is not a number is a finding naming the cell, and the pack\'s limit still applies', async () => {
    const { rows } = plantedLedger();
    const first = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger: rows }), { rules: ['gz-zengcheng-2023'], writeRules: true });
    const ruleId = first.report.findings.find((f) => f.sheet === LEDGER && f.value === 700)!.rule;
    const edited = await editRule(first.output, ruleId, '上限（元）', '六百');
    const second = await scoreBytes(edited.bytes);
    const bad = second.report.findings.find((f) => f.sheet === '规则' && f.cell === edited.cell);
    expect(bad).toBeDefined();
    expect(second.report.findings.some((f) => f.sheet === LEDGER && f.value === 700)).toBe(true);
  });
});
