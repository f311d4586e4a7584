/**
 * What the reviewer reads in 异常清单 and on the terminal (issue 15, items 4–6): a Chinese rule name, the
 * words 违规/需核实/提示, figures with thousands separators and their unit, the cell address once, one
 * finding per cause, and the ledger's 违规 first. The rule id is kept, in the sheet's last column only.
 */
import type ExcelJS from 'exceljs';
import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';
import { generateZengcheng2023Ledger } from '../../examples/data/zengcheng2023Ledger';
import { printReport } from '../../src/cli/printReport';
import { ANOMALY_COLUMNS } from '../../src/core/output/anomalySheet';
import { unreadable } from '../support/unreadableText';
import { scoreWorkbook, snapshotOf } from './scoreWorkbook';

const NO_WEIGHT = ['绩效目标合理性', '绩效指标明确性', '救助标准'];

/** 增城 with three 分值 left blank and one 700 元 季度救助 (the standard is 400–600 元). */
function zengcheng(): { wb: ExcelJS.Workbook; quarterlyRow: number } {
  const rows = generateZengcheng2023Ledger().slice();
  const i = rows.findIndex((r) => r.type === '季度救助');
  rows[i] = { ...rows[i], amount: 700 };
  const wb = buildZengcheng2023IndexSystem({ ledger: rows });
  const ws = wb.getWorksheet('评价指标体系')!;
  ws.eachRow((row) => {
    if (NO_WEIGHT.includes(String(row.getCell(3).value))) row.getCell(4).value = null;
  });
  const ledger = wb.getWorksheet('发放明细')!;
  let quarterlyRow = 0;
  ledger.eachRow((row, n) => {
    if (quarterlyRow === 0 && row.values && (row.values as unknown[]).includes(700)) quarterlyRow = n;
  });
  return { wb, quarterlyRow };
}

describe('one cause, one finding, in the reviewer’s words', () => {
  let scored: Awaited<ReturnType<typeof scoreWorkbook>>;
  let quarterlyRow: number;

  beforeAll(async () => {
    const built = zengcheng();
    quarterlyRow = built.quarterlyRow;
    scored = await scoreWorkbook(built.wb, { rules: ['gz-zengcheng-2023'] });
  });

  test('an indicator without a 分值 is one 需核实 finding that names the 评价得分 left out, not also an out-of-range error', () => {
    const findings = scored.report.findings;
    for (const name of NO_WEIGHT) {
      // The lead finding (partly-read) says once that the total leaves them out; per indicator, one finding.
      const about = findings.filter((f) => f.message.includes(`“${name}”`) && f.rule !== 'partly-read');
      expect({ name, rules: about.map((f) => f.rule) }).toEqual({ name, rules: ['missing-weight'] });
      expect(about[0].severity).toBe('warning');
      expect(about[0].message).toMatch(/没有分值，未计入总分（评价得分 \d+ 分也未计入）/);
    }
    expect(findings.filter((f) => f.rule === 'evaluator-score-range')).toEqual([]);
    // The sums the blanks upset (绩效目标 8 分 over two blanks) are not reported again.
    expect(findings.filter((f) => f.rule === 'weight-sum' && f.cell !== '')).toEqual([]);
  });

  test('the ledger’s 违规 come before the score sheet’s findings, after what withholds the grade', () => {
    const findings = scored.report.findings;
    const firstLedger = findings.findIndex((f) => f.sheet === '发放明细' && f.severity === 'error');
    expect(firstLedger).toBeGreaterThanOrEqual(0);
    const before = findings.slice(0, firstLedger);
    expect(before.map((f) => f.rule).filter((r) => !['weight-total', 'total-above-100', 'partly-read'].includes(r))).toEqual([]);
  });

  test('异常清单 names the rule in Chinese, writes 700.00 元 against 400.00–600.00 元, says the cell once, and keeps the id last', async () => {
    const sheet = (await snapshotOf(scored.output)).sheets.find((s) => s.name === '异常清单')!;
    const rows = sheet.values.map((r) => (r ?? []).map((v) => (v === null || v === undefined ? '' : String(v))));
    expect(rows[1]).toEqual([...ANOMALY_COLUMNS]);
    const cell = `G${quarterlyRow}`;
    const row = rows.find((r) => r[7] === 'gz-zengcheng-2023/quarterly-band')!;
    expect(row.slice(0, 6)).toEqual(['违规', '季度救助金额超出标准', '发放明细', cell, '700.00 元', '400.00–600.00 元']);
    expect(row[6]).not.toContain(cell);
    expect(row[6]).toContain('金额 700.00 元');
    for (const r of rows.slice(2)) {
      expect({ row: r[7], problems: unreadable(r.slice(0, 7).join(' ')) }).toEqual({ row: r[7], problems: [] });
    }
  });

  test('the printed report says 违规/需核实/提示 and rule names, never an id or an unformatted amount', () => {
    const text = printReport(scored.report);
    expect(text).toContain('[违规] 季度救助金额超出标准：');
    expect(text).toContain('[需核实] 缺少分值：');
    expect(unreadable(text)).toEqual([]);
  });
});

describe('a ledger no pack checked', () => {
  test('the report and the terminal say 发放明细：未检查 and suggest 增城’s pack for 增城’s payments', async () => {
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem());
    expect(report.ledgerCheck).toEqual({ sheets: ['发放明细'], checked: false, suggestedPacks: ['gz-zengcheng-2023'] });
    expect(printReport(report)).toContain('发放明细：未检查（未选择规则包；可加 --rules gz-zengcheng-2023 检查）');
  });
});
