import { checkLedger, ofRule } from './checkLedger';
import { payment } from './ledgerOf';

const ZC = ['gz-zengcheng-2023'];
/** The officer has set 月低保标准, so the 10-month cap runs quietly beside the bands under test. */
const DIBAO = { parameters: { 'gz-monthly-dibao': 1330 } };
const EMERGENCY = 'gz-zengcheng-2023/emergency-band';
const QUARTERLY = 'gz-zengcheng-2023/quarterly-band';

function emergency(amount: number, reason: string) {
  return payment(1, { category: '紧急救助', reason, amount });
}

describe('单笔金额标准 (amountBand)', () => {
  it('a 1,000 元 emergency grant for a knee injury is flagged below the 2,000 元 minimum (seed 001)', () => {
    const clean = Array.from({ length: 8 }, (_, k) => payment(10 + k, { category: '季度救助', amount: 500 }));
    const findings = checkLedger(ZC, [...clean, emergency(1000, '膝关节受伤住院手术')], DIBAO);
    expect(findings).toEqual([
      {
        rule: EMERGENCY,
        severity: 'error',
        sheet: '发放明细',
        cell: 'G10',
        row: 10,
        value: 1000,
        allowed: '2000–5000',
        message:
          '“发放明细”!G10 紧急救助（膝关节受伤住院手术）金额 1,000.00 元，低于“突发重大疾病或意外伤害住院手术”标准 2,000–5,000 元（增城区总工会帮扶救助困难职工实施办法）。',
      },
    ]);
  });

  it('a 3,000 元 emergency grant for an operation in hospital is within 2,000–5,000 元', () => {
    expect(checkLedger(ZC, [emergency(3000, '突发脑梗住院手术')], DIBAO)).toEqual([]);
  });

  it('1,500 元 after a fire that partly burnt the house meets the 1,000–2,000 元 standard, 4,000 元 does not', () => {
    const findings = checkLedger(ZC, [emergency(1500, '火灾部分烧毁'), emergency(4000, '洪水冲毁部分房屋')], DIBAO);
    expect(findings.map((f) => [f.cell, f.allowed])).toEqual([['G3', '1000–2000']]);
    expect(findings[0].message).toContain('超过“因水灾、火灾部分冲毁或烧毁及家财严重受损、家庭人员受伤”标准 1,000–2,000 元');
  });

  it('a house completely washed away gets exactly 2,000 元; 2,500 元 is flagged as above the fixed amount', () => {
    const findings = checkLedger(ZC, [emergency(2000, '水灾房屋完全冲毁'), emergency(2500, '火灾住房完全烧毁')], DIBAO);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: 'G3', value: 2500, allowed: '2000' });
    expect(findings[0].message).toContain('高于“因水灾、火灾住房被完全冲毁或烧毁”标准 2,000 元');
  });

  it('a fire whose damage was especially severe allows up to 5,000 元', () => {
    expect(checkLedger(ZC, [emergency(4500, '火灾受损特别严重')], DIBAO)).toEqual([]);
  });

  it('an act of bravery is held to 2,000–5,000 元', () => {
    const findings = checkLedger(ZC, [emergency(1800, '见义勇为受伤')], DIBAO);
    expect(findings.map((f) => f.allowed)).toEqual(['2000–5000']);
    expect(findings[0].message).toContain('“见义勇为或为保护国家财产受伤”标准');
  });

  it('an emergency grant whose reason names no sub-case is held to the general 2,000–5,000 元 and says so', () => {
    const findings = checkLedger(ZC, [emergency(1500, '家庭生活困难')], DIBAO);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('低于“紧急救助”标准 2,000–5,000 元');
    expect(findings[0].message).toContain('原因/备注中未写明细分情形，按一般标准核对');
  });

  it('a 700 元 quarterly relief payment is flagged above the 600 元 maximum, 500 元 is not', () => {
    const findings = checkLedger(ZC, [
      payment(1, { category: '季度救助', amount: 500 }),
      payment(2, { category: '季度救助', amount: 700 }),
    ], DIBAO);
    expect(findings).toEqual([
      expect.objectContaining({ rule: QUARTERLY, cell: 'G3', value: 700, allowed: '400–600', severity: 'error' }),
    ]);
    expect(findings[0].message).toBe(
      '“发放明细”!G3 季度救助金额 700.00 元，超过“季度救助”标准 400–600 元（增城区总工会帮扶救助困难职工实施办法）。',
    );
  });

  it('amounts are compared in 分, so 600.004 元 typed as text rounds to 600.00 元 and passes', () => {
    expect(checkLedger(ZC, [payment(1, { category: '季度救助', amount: '600.004' })], DIBAO)).toEqual([]);
  });

  describe('昆明 2019 (km-songwennuan-2019)', () => {
    const KM = ['km-songwennuan-2019'];
    const km = (k: number, fields: Parameters<typeof payment>[1]) =>
      payment(k, { paymentDate: '2019-06-10', applicationDate: '2019-06-01', auditDate: '2019-06-03', ...fields });

    it('a 10,000 元 education grant is allowed when the costs exceeded 100,000 元', () => {
      expect(checkLedger(KM, [km(1, { category: '助学救助', amount: 10000, cost: 120000 })], { year: 2019 })).toEqual([]);
    });

    it('a 10,000 元 education grant with costs of 80,000 元 is above 1,000–5,000 元', () => {
      const findings = checkLedger(KM, [km(1, { category: '助学', amount: 10000, cost: 80000 })], { year: 2019 });
      expect(findings.map((f) => [f.rule, f.allowed])).toEqual([['km-songwennuan-2019/education-band', '1000–5000']]);
    });

    it('an 8,000 元 education grant with costs over 100,000 元 is not the fixed 10,000 元', () => {
      const findings = checkLedger(KM, [km(1, { category: '助学救助', amount: 8000, cost: '150,000' })], { year: 2019 });
      expect(findings.map((f) => f.allowed)).toEqual(['10000']);
      expect(findings[0].message).toContain('低于“助学救助（费用超10万元）”标准 10,000 元');
    });

    it('a 300 元 festival visit is flagged against the fixed 200 元 per person', () => {
      const findings = checkLedger(
        KM,
        [km(1, { category: '节日送温暖慰问', amount: 200 }), km(2, { category: '春节慰问', amount: 300 })],
        { year: 2019 },
      );
      expect(findings.map((f) => [f.rule, f.cell, f.allowed])).toEqual([['km-songwennuan-2019/festival-amount', 'G3', '200']]);
    });

    it('临时救助 is its own category with 2,000–5,000 元, and 大病救助 is held to 1,000–5,000 元', () => {
      const findings = checkLedger(
        KM,
        [km(1, { category: '临时救助', amount: 1500 }), km(2, { category: '大病救助', amount: 1500 })],
        { year: 2019 },
      );
      expect(findings.map((f) => [f.rule, f.cell])).toEqual([['km-songwennuan-2019/temporary-band', 'G2']]);
    });

    it('a 400 元 skills-training subsidy is right and 450 元 is not', () => {
      const findings = checkLedger(
        KM,
        [km(1, { category: '职工技能培训', amount: 400 }), km(2, { category: '技能培训', amount: 450 })],
        { year: 2019 },
      );
      expect(findings.map((f) => f.cell)).toEqual(['G3']);
    });
  });

  it('of 44 sanitation workers visited on May Day at 500 元, exactly the one paid 600 元 and the one paid 400 元 are flagged (seed 004)', () => {
    const entries = Array.from({ length: 44 }, (_, k) =>
      payment(k, {
        category: k % 2 === 0 ? '五一劳动节慰问' : '环卫工人慰问',
        amount: k === 17 ? 600 : k === 30 ? 400 : 500,
        applicationDate: '2023-04-20',
        auditDate: '2023-04-21',
        paymentDate: '2023-04-28',
      }),
    );
    const findings = checkLedger(['km-wuhua-2023'], entries);
    expect(findings.map((f) => [f.rule, f.cell, f.value, f.allowed])).toEqual([
      ['km-wuhua-2023/may-day-amount', 'G19', 600, '500'],
      ['km-wuhua-2023/may-day-amount', 'G32', 400, '500'],
    ]);
    expect(ofRule(findings, 'km-wuhua-2023/may-day-amount')[0].message).toContain(
      '高于“五一劳动节慰问一线职工（环卫工人）”标准 500 元',
    );
  });
});
