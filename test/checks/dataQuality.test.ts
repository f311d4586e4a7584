import { checkLedger, ofRule } from './checkLedger';
import { payment, validId } from './ledgerOf';

const WUHUA = ['km-wuhua-2023'];
const mayDay = (k: number, fields: Parameters<typeof payment>[1] = {}) =>
  payment(k, { category: '五一劳动节慰问', amount: 500, paymentDate: '2023-04-28', applicationDate: '2023-04-20', auditDate: '2023-04-21', ...fields });

describe('必填项 (requiredFields)', () => {
  it('a payment without an 审核日期 is flagged at that empty cell', () => {
    const findings = checkLedger(WUHUA, [mayDay(1), mayDay(2, { auditDate: null })]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'common-data-quality/required-fields', severity: 'error', cell: 'I3', row: 3, value: null, allowed: '必填' }),
    ]);
    expect(findings[0].message).toMatch(/^“发放明细”!I3 职工2的审核日期为空（必填：姓名、身份证号、金额、发放日期、审核日期；/);
  });

  it('a ledger with no 审核日期 column at all gets one finding, not one per row', () => {
    const entries = [1, 2, 3].map((k) => ({ ...mayDay(k), auditDate: undefined }));
    const findings = checkLedger(WUHUA, entries);
    expect(findings).toEqual([expect.objectContaining({ rule: 'common-data-quality/required-fields', cell: 'A1', row: 1 })]);
    expect(findings[0].message).toContain('没有“审核日期”列，3 笔发放都缺少审核日期');
  });

  it('under 云南 实名制 an empty 身份证号 is reported once, by the real-name rule, not again by the common one', () => {
    const findings = checkLedger(['yn-songwennuan'], [mayDay(1, { idNumber: null, entryDate: '2023-05-05' })]);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['yn-songwennuan/real-name', 'B2']]);
  });

  it('a date that is not a date (2023-02-30) is reported as unreadable', () => {
    const findings = checkLedger(WUHUA, [mayDay(1, { auditDate: '2023-02-30' })]);
    expect(findings.map((f) => [f.rule, f.cell, f.value])).toEqual([['common-data-quality/required-fields', 'I2', '2023-02-30']]);
  });
});

describe('重复发放 (duplicates)', () => {
  it('the same worker paid the same 500 元 for May Day twice on the same day is flagged, naming the first row', () => {
    const findings = checkLedger(WUHUA, [mayDay(1), mayDay(2), mayDay(1)]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'common-data-quality/duplicate-payment', severity: 'warning', cell: 'G4', value: 500 }),
    ]);
    expect(findings[0].message).toBe(
      '“发放明细”!G4 与第 2 行重复：职工1 2023-04-28 五一劳动节慰问 500.00 元（同一人、类型、金额和日期；发放明细数据规范（财预〔2020〕10号 资金使用规范性；GB 11643-1999 公民身份号码））。',
    );
  });

  it('the same worker on a different day, or with a different amount, is not a duplicate', () => {
    const findings = checkLedger(['gz-zengcheng-2023'], [
      payment(1, { category: '紧急救助', reason: '住院', amount: 3000 }),
      payment(1, { category: '紧急救助', reason: '手术', amount: 2000 }),
      payment(1, { category: '紧急救助', reason: '住院', amount: 3000, paymentDate: '2023-03-11' }),
    ], { parameters: { 'gz-monthly-dibao': 1330 } });
    expect(ofRule(findings, 'common-data-quality/duplicate-payment')).toEqual([]);
  });

  it('a worker paid 30 times the same day finds every repeat of the first, however many there are', () => {
    const findings = checkLedger(WUHUA, Array.from({ length: 30 }, () => mayDay(9)));
    expect(ofRule(findings, 'common-data-quality/duplicate-payment')).toHaveLength(29);
    expect(ofRule(findings, 'common-data-quality/duplicate-payment').every((f) => f.message.includes('与第 2 行重复'))).toBe(true);
  });
});

describe('身份证号校验 (idChecksum)', () => {
  it('a valid 18-digit ID passes, one with a wrong check digit is flagged with the digit it should have', () => {
    const good = validId(7);
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const findings = checkLedger(WUHUA, [mayDay(1, { idNumber: good }), mayDay(2, { idNumber: wrong })]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'common-data-quality/id-checksum', cell: 'B3', value: wrong })]);
    expect(findings[0].message).toContain(`末位校验码应为 ${good[17]}，实为 ${wrong[17]}`);
  });

  it('an ID stored as a number, which Excel cut to 15 digits, is flagged as stored as a number', () => {
    // eslint-disable-next-line no-loss-of-precision -- an 18-digit 身份证号 typed as a number loses its last digits: that is the case under test
    const findings = checkLedger(WUHUA, [mayDay(1, { idNumber: 440183198001011234 })]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'common-data-quality/id-checksum', cell: 'B2' })]);
    expect(findings[0].message).toContain('以数字形式保存');
  });

  it('an ID showing as 4.40183E+17 is flagged as stored as a number', () => {
    const findings = checkLedger(WUHUA, [mayDay(1, { idNumber: '4.40183E+17' })]);
    expect(findings[0].message).toContain('以数字形式保存（显示为 4.40183E+17）');
  });

  it('an old 15-digit ID is flagged for its length', () => {
    const findings = checkLedger(WUHUA, [mayDay(1, { idNumber: '440183800101123' })]);
    expect(findings[0].message).toContain('为 15 位，应为 18 位');
  });

  it('a lower-case x check character is accepted', () => {
    let k = 0;
    while (!validId(k).endsWith('X')) k++;
    expect(checkLedger(WUHUA, [mayDay(1, { idNumber: validId(k).toLowerCase() })])).toEqual([]);
  });
});

describe('日期在评价年度内 (dateInYear)', () => {
  it('a payment dated 2022-12-28 in the 2023 ledger is flagged as outside the evaluated year', () => {
    const findings = checkLedger(WUHUA, [mayDay(1, { paymentDate: '2022-12-28', applicationDate: '2022-12-20', auditDate: '2022-12-21' })]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'common-data-quality/date-in-year', cell: 'J2', value: '2022-12-28', allowed: '2023年', severity: 'warning' }),
    ]);
  });

  it('without an evaluated year the rule says once that it did not run', () => {
    const findings = checkLedger(WUHUA, [mayDay(1), mayDay(2)], { year: null });
    expect(findings).toEqual([expect.objectContaining({ rule: 'common-data-quality/date-in-year', severity: 'info' })]);
  });
});

describe('金额须为正数 (positiveAmount)', () => {
  it('an amount typed as 五百元, a zero and a negative amount are each flagged', () => {
    const findings = checkLedger(WUHUA, [mayDay(1, { amount: '五百元' }), mayDay(2, { amount: 0 }), mayDay(3, { amount: -500 })]);
    const positive = ofRule(findings, 'common-data-quality/positive-amount');
    expect(positive.map((f) => [f.cell, f.value])).toEqual([
      ['G2', '五百元'],
      ['G3', 0],
      ['G4', -500],
    ]);
    expect(positive[0].message).toContain('金额“五百元”不是数字');
    expect(positive[2].message).toContain('金额 -500.00 元不是正数');
  });

  it('an empty amount is reported once, as a missing required field', () => {
    const findings = checkLedger(WUHUA, [mayDay(1, { amount: null })]);
    expect(findings.map((f) => f.rule)).toEqual(['common-data-quality/required-fields']);
  });
});

describe('未知类型', () => {
  it('a 类型 no pack knows gives one 提示 with its count and first cell, however many rows carry it', () => {
    const findings = checkLedger(WUHUA, [mayDay(1), mayDay(2, { category: '困难补助' }), mayDay(3, { category: '困难补助' }), mayDay(4, { category: '困难补助' })]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'unknown-category', severity: 'info', cell: 'D3', value: '困难补助' }),
    ]);
    expect(findings[0].message).toContain('共 3 笔未按类别标准核对');
  });

  it('a pack with no category rules (云南) does not complain about categories', () => {
    const findings = checkLedger(['yn-songwennuan'], [mayDay(1, { category: '困难补助', entryDate: '2023-05-05' })]);
    expect(findings).toEqual([]);
  });
});
