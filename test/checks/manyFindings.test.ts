/**
 * A hostile ledger with a finding or two on every row (issue 12): 62,500 紧急救助 payments of 6,500 元,
 * each above both the 增城 emergency band (2,000–5,000 元) and 广州's 6,000 元 a household a year. The
 * 125,000 findings once overflowed the call stack (`checks.push(...findings)`); they must all reach the
 * report, the 异常清单 and the highlights.
 */
import { gb11643CheckChar } from '../../examples/support/idNumber';
import { ANOMALY_SHEET, runPipeline } from '../../src/core/pipeline';
import { toSerial } from '../../src/core/parse/date';
import { FormatRunBuilder, type CellScalar, type WorkbookSnapshot } from '../../src/core/snapshot';

const ROWS = 62_500;

function idOf(p: number): string {
  const body = `440183198${String(p % 10)}0${1 + (p % 9)}1${p % 10}${String(Math.floor(p / 10) % 1000).padStart(3, '0')}`;
  return body + gb11643CheckChar(body);
}

function ledgerSnapshot(): WorkbookSnapshot {
  const values: CellScalar[][] = [['序号', '姓名', '身份证号', '户号', '救助类型', '救助原因', '金额（元）', '申请日期', '审核日期', '发放日期']];
  const formats = new FormatRunBuilder();
  // Tuesday 2023-05-09 applied, audited on Wednesday, paid on Friday.
  const applied = toSerial({ y: 2023, m: 5, d: 9 });
  for (let p = 0; p < ROWS; p++) {
    const r = values.length;
    values.push([p + 1, `职工${p}`, idOf(p), `H${p}`, '紧急救助', '住院手术', 6500, applied, applied + 1, applied + 3]);
    for (let c = 7; c <= 9; c++) formats.add(r, c, 'yyyy-mm-dd');
  }
  return { sheets: [{ name: '发放明细', index: 0, values, formats: formats.runs(), merges: [] }] };
}

describe('a ledger with a finding on every row', () => {
  it('62,500 payments of 6,500 元 give 125,000 amount findings, every one in the report, the 异常清单 and the highlights', () => {
    const { report, patch } = runPipeline(ledgerSnapshot(), { rules: ['gz-zengcheng-2023'], year: 2023 });
    const byRule = new Map<string, number>();
    for (const f of report.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    expect(byRule.get('gz-zengcheng-2023/emergency-band')).toBe(ROWS);
    expect(byRule.get('gz-songwennuan/household-year-cap')).toBe(ROWS);
    const others = report.findings.filter((f) => f.row > 1 && f.rule !== 'gz-zengcheng-2023/emergency-band' && f.rule !== 'gz-songwennuan/household-year-cap');
    expect(others).toEqual([]);
    expect(report.findings.length).toBeGreaterThanOrEqual(2 * ROWS);
    // The last payment is reported with its row and amount, like the first.
    const last = report.findings.filter((f) => f.row === ROWS + 1);
    expect(last.map((f) => f.cell)).toEqual(['G62501', 'G62501']);
    expect(last[0].message).toContain('6,500.00 元');

    const anomalies = patch.sheets.find((s) => s.role === 'anomalies')!;
    expect(anomalies.name).toBe(ANOMALY_SHEET);
    // A title, a header, then one row per finding.
    expect(anomalies.rows).toHaveLength(report.findings.length + 2);
    // Errors (the band) first, then the warnings (the cap).
    expect(anomalies.rows[2][0]).toMatchObject({ v: '违规' });
    expect(anomalies.rows[anomalies.rows.length - 1 - (report.findings.length - 2 * ROWS)][0]).toMatchObject({ v: '需核实' });
    // Both findings of a payment fill its one amount cell.
    expect(patch.highlights).toHaveLength(ROWS);
    expect(patch.highlights[0]).toMatchObject({ sheet: '发放明细', cell: 'G2', severity: 'error' });
  });
});
