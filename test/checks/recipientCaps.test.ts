import { checkLedger, ofRule } from './checkLedger';
import { payment } from './ledgerOf';

const ZC = ['gz-zengcheng-2023'];
const DIBAO_SET = { parameters: { 'gz-monthly-dibao': 1330 } };

describe('每户每年累计上限 (periodSum)', () => {
  it('a household paid 2,000 + 2,500 + 2,000 元 in 2023 is flagged at the payment that takes it to 6,500 元', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(1, { household: '新塘-018', category: '紧急救助', reason: '住院手术', amount: 2000, paymentDate: '2023-02-10' }),
        payment(2, { household: '新塘-018', category: '紧急救助', reason: '意外受伤', amount: 2500, paymentDate: '2023-06-10' }),
        payment(1, { household: '新塘-018', category: '紧急救助', reason: '骨折手术', amount: 2000, paymentDate: '2023-09-10' }),
      ],
      DIBAO_SET,
    );
    const cap = ofRule(findings, 'gz-songwennuan/household-year-cap');
    expect(cap).toEqual([
      {
        rule: 'gz-songwennuan/household-year-cap',
        severity: 'warning',
        sheet: '发放明细',
        cell: 'G4',
        row: 4,
        value: 6500,
        allowed: '≤6000',
        message:
          '“发放明细”!G4 户号 新塘-018（职工1） 2023 年累计发放 6,500.00 元（本笔 2,000.00 元；之前第 2、3 行），超过每户每年上限 6,000 元（广州市工会送温暖资金使用管理实施细则（试行））。',
      },
    ]);
  });

  it('the running total follows the payment dates, not the order of the rows', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(1, { household: 'H7', category: '紧急救助', reason: '住院', amount: 4000, paymentDate: '2023-11-01' }),
        payment(2, { household: 'H7', category: '紧急救助', reason: '住院', amount: 3000, paymentDate: '2023-03-01' }),
      ],
      DIBAO_SET,
    );
    expect(ofRule(findings, 'gz-songwennuan/household-year-cap').map((f) => [f.cell, f.value])).toEqual([['G2', 7000]]);
  });

  it('6,000 元 in one year and 3,000 元 the next are two separate years', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(1, { category: '紧急救助', reason: '住院', amount: 3000, paymentDate: '2023-05-01' }),
        payment(1, { category: '紧急救助', reason: '手术', amount: 3000, paymentDate: '2023-08-01' }),
        payment(1, { category: '紧急救助', reason: '手术', amount: 3000, paymentDate: '2024-02-01' }),
      ],
      { ...DIBAO_SET, year: null },
    );
    expect(ofRule(findings, 'gz-songwennuan/household-year-cap')).toEqual([]);
  });

  it('without a 户号, each person counts as a household of their own', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(1, { category: '紧急救助', reason: '住院', amount: 4000 }),
        payment(2, { category: '紧急救助', reason: '住院', amount: 4000 }),
        payment(1, { category: '紧急救助', reason: '手术', amount: 2500, paymentDate: '2023-07-01' }),
      ],
      DIBAO_SET,
    );
    expect(ofRule(findings, 'gz-songwennuan/household-year-cap').map((f) => f.cell)).toEqual(['G4']);
  });
});

describe('每人每年次数上限 (periodCount)', () => {
  it('a third 季度救助 in 2023 for the same worker is flagged, naming the first two', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(3, { category: '季度救助', amount: 500, applicationDate: '2023-01-05', auditDate: '2023-01-06', paymentDate: '2023-01-10' }),
        payment(3, { category: '季度救助', amount: 500, applicationDate: '2023-07-05', auditDate: '2023-07-06', paymentDate: '2023-07-10' }),
        payment(3, { category: '季度救助', amount: 600, applicationDate: '2023-08-01', auditDate: '2023-08-03', paymentDate: '2023-08-08' }),
      ],
      DIBAO_SET,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'gz-zengcheng-2023/quarterly-count',
        cell: 'J4',
        value: 3,
        allowed: '≤2次',
        message:
          '“发放明细”!J4 职工3 2023-08-08 是 2023 年第 3 次季度救助（之前第 2、3 行），超过每人每年 2 次（增城区总工会帮扶救助困难职工实施办法）。',
      }),
    ]);
  });

  it('a worker paid 季度救助 20,000 times has each payment after the second flagged, naming the first six and counting the rest', () => {
    const entries = Array.from({ length: 20_000 }, () =>
      payment(3, { category: '季度救助', amount: 500, applicationDate: '2023-01-05', auditDate: '2023-01-06', paymentDate: '2023-01-10' }),
    );
    const counted = ofRule(checkLedger(ZC, entries, DIBAO_SET), 'gz-zengcheng-2023/quarterly-count');
    expect(counted).toHaveLength(19_998);
    expect(counted[0].message).toContain('是 2023 年第 3 次季度救助（之前第 2、3 行）');
    expect(counted[5].message).toContain('第 8 次季度救助（之前第 2、3、4、5、6、7 等 7 行）');
    expect(counted[19_997]).toMatchObject({ cell: 'J20001', value: 20_000 });
    expect(counted[19_997].message).toContain('第 20000 次季度救助（之前第 2、3、4、5、6、7 等 19999 行）');
  });

  it('two 季度救助 in a year and an emergency grant are within the limit', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(3, { category: '季度救助', amount: 500, applicationDate: '2023-01-05', auditDate: '2023-01-06', paymentDate: '2023-01-10' }),
        payment(3, { category: '季度救助', amount: 500, applicationDate: '2023-07-05', auditDate: '2023-07-06', paymentDate: '2023-07-10' }),
        payment(3, { category: '紧急救助', reason: '住院', amount: 3000 }),
      ],
      DIBAO_SET,
    );
    expect(findings).toEqual([]);
  });
});

describe('隔季度申请 (quarterSpacing)', () => {
  const quarterly = (applicationDate: string, auditDate: string, paymentDate: string) =>
    payment(5, { category: '季度救助', amount: 500, applicationDate, auditDate, paymentDate });

  it('季度救助 applied for in Q1 and again in Q2 is flagged as consecutive quarters', () => {
    const findings = checkLedger(
      ZC,
      [quarterly('2023-02-01', '2023-02-03', '2023-02-10'), quarterly('2023-04-03', '2023-04-04', '2023-04-10')],
      DIBAO_SET,
    );
    expect(findings).toEqual([
      {
        rule: 'gz-zengcheng-2023/quarterly-spacing',
        severity: 'error',
        sheet: '发放明细',
        cell: 'H3',
        row: 3,
        value: '2023-04-03',
        allowed: '隔1个季度',
        message:
          '“发放明细”!H3 职工5 2023 年第二季度（2023-04-03）的季度救助与第 2 行 2023 年第一季度（2023-02-01）的间隔不足，应隔 1 个季度（增城区总工会帮扶救助困难职工实施办法）。',
      },
    ]);
  });

  it('Q1 and Q3 leave a quarter between them and pass', () => {
    const findings = checkLedger(
      ZC,
      [quarterly('2023-02-01', '2023-02-03', '2023-02-10'), quarterly('2023-07-03', '2023-07-04', '2023-07-10')],
      DIBAO_SET,
    );
    expect(findings).toEqual([]);
  });

  it('Q4 of 2022 and Q1 of 2023 are consecutive too', () => {
    const findings = checkLedger(
      ZC,
      [quarterly('2022-12-01', '2022-12-02', '2022-12-05'), quarterly('2023-01-04', '2023-01-05', '2023-01-09')],
      { ...DIBAO_SET, year: null },
    );
    expect(ofRule(findings, 'gz-zengcheng-2023/quarterly-spacing').map((f) => f.cell)).toEqual(['H3']);
  });

  it('different workers in consecutive quarters are not compared with each other', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(5, { category: '季度救助', amount: 500, applicationDate: '2023-02-01', auditDate: '2023-02-03' }),
        payment(6, { category: '季度救助', amount: 500, applicationDate: '2023-04-03', auditDate: '2023-04-04', paymentDate: '2023-04-10' }),
      ],
      DIBAO_SET,
    );
    expect(findings).toEqual([]);
  });
});

describe('月低保标准上限 (referenceCap)', () => {
  it('with 月低保标准 not set, the cap reports once, as 提示, that it did not run and what to set', () => {
    const findings = checkLedger(ZC, [
      payment(1, { category: '季度救助', amount: 500 }),
      payment(2, { category: '季度救助', amount: 500 }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'gz-songwennuan/dibao-cap', severity: 'info', cell: '', row: 0 }),
    ]);
    expect(findings[0].message).toContain('请在“规则”表的参数中填写“月低保标准”（元/月）后重新检查，工作簿中还没有“规则”表时先写入规则表');
    // The task pane shows this sentence too, where there is no command line: the CLI adds --param itself.
    expect(findings[0].message).not.toContain('--');
  });

  it('with 月低保标准 at 500 元/月, a household paid 5,200 元 in the year passes 6,000 元 but exceeds 10 × 500 元', () => {
    const findings = checkLedger(
      ZC,
      [
        payment(1, { household: 'H2', category: '紧急救助', reason: '住院', amount: 3000, paymentDate: '2023-03-01' }),
        payment(2, { household: 'H2', category: '紧急救助', reason: '手术', amount: 2200, paymentDate: '2023-09-01' }),
      ],
      { parameters: { 'gz-monthly-dibao': 500 } },
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'gz-songwennuan/dibao-cap', severity: 'error', cell: 'G3', value: 5200, allowed: '≤5000' }),
    ]);
    expect(findings[0].message).toContain('超过每户每年10 个月月低保标准（500 元/月）合计 5,000 元');
  });
});

describe('实物慰问品上限 (inKindCap)', () => {
  it('goods worth 650 元 for one household are flagged above 500 元 per visit, 450 元 are fine', () => {
    const findings = checkLedger(
      ['gz-songwennuan'],
      [
        payment(1, { category: '实物慰问品', reason: '大米、食用油', amount: 450 }),
        payment(2, { category: '实物', reason: '米面油', amount: 650 }),
      ],
      DIBAO_SET,
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'gz-songwennuan/in-kind-cap', cell: 'G3', value: 650, allowed: '≤500', severity: 'error' }),
    ]);
    expect(findings[0].message).toBe(
      '“发放明细”!G3 实物（米面油）金额 650.00 元，超过实物慰问品每户每次上限 500 元（广州市工会送温暖资金使用管理实施细则（试行））。',
    );
  });

  it('a 慰问金 row whose note says 慰问品 is goods too', () => {
    const findings = checkLedger(['gz-songwennuan'], [payment(1, { category: '慰问金', reason: '春节慰问品', amount: 800 })], DIBAO_SET);
    expect(findings.map((f) => f.rule)).toEqual(['gz-songwennuan/in-kind-cap']);
  });
});
