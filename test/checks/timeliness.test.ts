import { checkLedger } from './checkLedger';
import { payment } from './ledgerOf';

const ZC = ['gz-zengcheng-2023'];
const DIBAO_SET = { parameters: { 'gz-monthly-dibao': 1330 } };
const AUDIT = 'gz-zengcheng-2023/audit-within-working-days';
const ENTRY = 'yn-songwennuan/system-entry';

describe('时限（工作日） (workingDays)', () => {
  it('an application of 2024-02-08 audited on 2024-02-19 is within 5 working days despite the Spring Festival week', () => {
    const findings = checkLedger(
      ZC,
      [payment(1, { category: '季度救助', amount: 500, applicationDate: '2024-02-08', auditDate: '2024-02-19', paymentDate: '2024-02-23' })],
      { ...DIBAO_SET, year: 2024 },
    );
    expect(findings).toEqual([]);
  });

  it('an application of 2024-02-08 audited on 2024-02-26 took 8 working days and is flagged', () => {
    const findings = checkLedger(
      ZC,
      [payment(1, { category: '季度救助', amount: 500, applicationDate: '2024-02-08', auditDate: '2024-02-26', paymentDate: '2024-02-28' })],
      { ...DIBAO_SET, year: 2024 },
    );
    expect(findings).toEqual([
      {
        rule: AUDIT,
        severity: 'error',
        sheet: '发放明细',
        cell: 'I2',
        row: 2,
        value: 8,
        allowed: '≤5个工作日',
        message:
          '“发放明细”!I2 职工1的审核日期 2024-02-26 距申请日期 2024-02-08 共 8 个工作日，超过 5 个工作日（增城区总工会帮扶救助困难职工实施办法）。',
      },
    ]);
  });

  it('an audit dated before its application is flagged as a wrong date', () => {
    const findings = checkLedger(
      ZC,
      [payment(1, { category: '季度救助', amount: 500, applicationDate: '2023-03-10', auditDate: '2023-03-01' })],
      DIBAO_SET,
    );
    expect(findings.map((f) => [f.rule, f.cell, f.value])).toEqual([[AUDIT, 'I2', -7]]);
    expect(findings[0].message).toContain('早于申请日期');
  });

  it('entering a payment of 2023-09-20 into the 云南 system on 2023-11-07 is on time, on 2023-11-08 it is one day late', () => {
    const findings = checkLedger(['yn-songwennuan'], [
      payment(1, { category: '春节慰问', amount: 500, paymentDate: '2023-09-20', entryDate: '2023-11-07' }),
      payment(2, { category: '春节慰问', amount: 500, paymentDate: '2023-09-20', entryDate: '2023-11-08' }),
    ]);
    expect(findings.map((f) => [f.rule, f.cell, f.value, f.allowed])).toEqual([[ENTRY, 'K3', 31, '≤30个工作日']]);
  });

  it('a payment never entered into the system (录入日期 empty) is flagged, since the deadline cannot be confirmed', () => {
    const findings = checkLedger(['yn-songwennuan'], [
      payment(1, { category: '春节慰问', amount: 500, paymentDate: '2023-09-20', entryDate: null }),
    ], { columns: ['entryDate'] });
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([[ENTRY, 'K2']]);
    expect(findings[0].message).toContain('录入日期为空');
  });

  it('an audit without its application date is flagged at the empty 申请日期, since the 5 days cannot be counted', () => {
    const findings = checkLedger(ZC, [payment(1, { category: '季度救助', amount: 500, applicationDate: null })], DIBAO_SET);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([[AUDIT, 'H2']]);
    expect(findings[0].message).toBe(
      '“发放明细”!H2 职工1的审核日期为 2023-03-03，但申请日期为空，无法确认审核日期应在申请日期后 5 个工作日内（增城区总工会帮扶救助困难职工实施办法）。',
    );
  });

  it('a ledger without a 录入日期 column says once that the rule did not run', () => {
    const findings = checkLedger(['yn-songwennuan'], [payment(1, { category: '春节慰问', amount: 500 }), payment(2, { amount: 500 })]);
    expect(findings).toEqual([expect.objectContaining({ rule: ENTRY, severity: 'info', cell: 'A1', row: 1 })]);
  });

  it('dates in a year the official calendar does not cover are reported once per year with their count, never counted Monday–Friday', () => {
    const entries = [1, 2, 3].map((k) =>
      payment(k, { category: '季度救助', amount: 500, applicationDate: '2031-03-02', auditDate: '2031-03-04', paymentDate: '2031-03-06' }),
    );
    const findings = checkLedger(ZC, entries, { ...DIBAO_SET, year: 2031 });
    const audit = findings.filter((f) => f.rule === AUDIT);
    expect(audit).toEqual([expect.objectContaining({ severity: 'warning', cell: 'I2', value: 2031 })]);
    expect(audit[0].message).toContain('等 3 笔的日期在 2031 年');
    expect(audit[0].message).toContain('请人工核对');
  });
});
