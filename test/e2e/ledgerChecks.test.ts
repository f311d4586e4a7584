import ExcelJS from 'exceljs';
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import {
  buildZengcheng2023IndexSystem,
  generateZengcheng2023Ledger,
  type ZengchengLedgerRow,
} from '../../examples/workbooks/zengcheng-2023-index-system';
import { clearPatch } from '../../src/core/output/clearPatch';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { scoreBytes, scoreWorkbook } from './scoreWorkbook';
import { editRulesCell } from '../support/rulesSheetEdit';

const LEDGER = '发放明细';
/** The ledger's first payment is on sheet row 3 (title, then header). */
const sheetRow = (index: number) => index + 3;
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** Seed 001's ledger with one of each anomaly the issue lists planted; returns the planted sheet rows. */
function plantedLedger(): { rows: ZengchengLedgerRow[]; planted: Map<number, string> } {
  const rows = generateZengcheng2023Ledger();
  const paidTimes = new Map<string, number>();
  for (const r of rows) paidTimes.set(r.idNumber!, (paidTimes.get(r.idNumber!) ?? 0) + 1);
  const used = new Set<number>();
  const pick = (test: (r: ZengchengLedgerRow) => boolean): number => {
    const i = rows.findIndex((r, k) => !used.has(k) && test(r));
    if (i < 0) throw new Error('no row to plant in');
    used.add(i);
    return i;
  };
  const once = (r: ZengchengLedgerRow) => paidTimes.get(r.idNumber!) === 1;
  const quarterOf = (r: ZengchengLedgerRow) => Math.floor((r.paidOn as Date).getUTCMonth() / 3) + 1;
  const planted = new Map<number, string>();

  const knee = pick((r) => r.type === '紧急救助' && once(r) && /住院|意外/.test(r.reason ?? ''));
  rows[knee] = { ...rows[knee], reason: '膝关节受伤，自付手术费用高', amount: 1000 };
  planted.set(sheetRow(knee), '1,000 元 emergency grant for a knee injury');

  const high = pick((r) => r.type === '季度救助' && once(r));
  rows[high] = { ...rows[high], amount: 700 };
  planted.set(sheetRow(high), '700 元 季度救助');

  const missingAudit = pick((r) => r.type === '季度救助' && once(r));
  rows[missingAudit] = { ...rows[missingAudit], reviewedOn: null };
  planted.set(sheetRow(missingAudit), 'missing 审核日期');

  const badId = pick((r) => r.type === '季度救助' && once(r));
  const id = rows[badId].idNumber!;
  const wrong = id.slice(-1) === '0' ? '1' : '0';
  rows[badId] = { ...rows[badId], idNumber: id.slice(0, 17) + wrong };
  planted.set(sheetRow(badId), 'bad 身份证号 checksum');

  const lastYear = pick((r) => r.type === '季度救助' && once(r) && quarterOf(r) === 1);
  rows[lastYear] = { ...rows[lastYear], appliedOn: d(2022, 12, 12), reviewedOn: d(2022, 12, 14), paidOn: d(2022, 12, 20) };
  planted.set(sheetRow(lastYear), 'payment dated in the previous year');

  const q1 = rows[pick((r) => r.type === '季度救助' && once(r) && quarterOf(r) === 1)];
  rows.push({ ...q1, seq: rows.length + 1, appliedOn: d(2023, 6, 8), reviewedOn: d(2023, 6, 12), paidOn: d(2023, 6, 16) });
  planted.set(sheetRow(rows.length - 1), '季度救助 in consecutive quarters');

  const twice = rows[pick((r) => r.type === '季度救助' && paidTimes.get(r.idNumber!) === 2 && quarterOf(r) === 3)];
  rows.push({ ...twice, seq: rows.length + 1, appliedOn: d(2023, 9, 25), reviewedOn: d(2023, 9, 26), paidOn: d(2023, 9, 27) });
  planted.set(sheetRow(rows.length - 1), 'third 季度救助 in a year');

  const dup = rows[pick((r) => r.type === '紧急救助' && once(r) && Number(r.amount) <= 3000)];
  rows.push({ ...dup, seq: rows.length + 1 });
  planted.set(sheetRow(rows.length - 1), 'duplicate payment');

  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.household!, (totals.get(r.household!) ?? 0) + Number(r.amount));
  const rich = rows[pick((r) => r.type === '紧急救助' && (totals.get(r.household!) ?? 0) >= 4500 && (totals.get(r.household!) ?? 0) <= 5600)];
  rows.push({
    seq: rows.length + 1, name: rich.name, idNumber: rich.idNumber, household: rich.household, type: '紧急救助',
    reason: '突发重大疾病住院手术', amount: 2000, appliedOn: d(2023, 12, 1), reviewedOn: d(2023, 12, 5), paidOn: d(2023, 12, 8),
  });
  planted.set(sheetRow(rows.length - 1), 'household over 6,000 元 in the year');
  return { rows, planted };
}

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
