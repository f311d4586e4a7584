/**
 * 实物慰问品每户每次不超过 500 元 (seed 001, 广州 送温暖 细则) on a ledger with a 发放形式 column: the column
 * says how each payment was made, so a 慰问金 handed out as goods is held to the goods cap and a 实物慰问品
 * row paid by bank transfer is not; where the cell is empty, 类型 and 原因 decide as before.
 */
import ExcelJS from 'exceljs';
import { runChecks } from '../../src/core/checks/runChecks';
import { resolvePacks } from '../../src/core/rules/resolvePacks';
import { ledgerOf, payment, validId } from '../checks/ledgerOf';
import { scoreWorkbook } from './scoreWorkbook';

const HEADER = ['序号', '姓名', '身份证号', '户号', '慰问类别', '发放形式', '慰问金额（元）', '审核日期', '发放日期'];

function ledger(rows: [category: string, form: string | null, amount: number][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2023年送温暖发放明细');
  ws.addRow(HEADER);
  rows.forEach(([category, form, amount], k) => {
    const row = ws.addRow([k + 1, `职工${k + 1}`, validId(k + 1), `H${k + 1}`, category, form, amount, new Date(Date.UTC(2023, 0, 10)), new Date(Date.UTC(2023, 0, 16))]);
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.getCell(9).numFmt = 'yyyy-mm-dd';
  });
  return wb;
}

describe('发放形式 decides whether a payment is in kind', () => {
  it('flags goods over 500 元 by the form column, not the money paid as money, and falls back to 类型 on an empty cell', async () => {
    const wb = ledger([
      ['春节慰问金', '实物', 800], // row 2: goods by its form, over the cap
      ['实物慰问品', '银行转账', 650], // row 3: paid as money, whatever its category says
      ['春节慰问金', '现金', 800], // row 4: money
      ['实物慰问品', null, 650], // row 5: no form: its category says goods
      ['春节慰问金', '实物', 450], // row 6: goods within the cap
    ]);
    const { report } = await scoreWorkbook(wb, { rules: ['gz-songwennuan'], parameters: { 'gz-monthly-dibao': 1330 } });
    const ledgerTable = report.mapping.find((m) => m.role === 'ledger');
    expect(ledgerTable).toEqual(expect.objectContaining({ sheet: '2023年送温暖发放明细' }));
    const inKind = report.findings.filter((f) => f.rule === 'gz-songwennuan/in-kind-cap');
    expect(inKind.map((f) => [f.cell, f.value, f.allowed])).toEqual([
      ['G2', 800, '≤500'],
      ['G5', 650, '≤500'],
    ]);
    expect(inKind[0].message).toBe(
      '“2023年送温暖发放明细”!G2 春节慰问金（发放形式：实物）金额 800.00 元，超过实物慰问品每户每次上限 500 元（广州市工会送温暖资金使用管理实施细则（试行））。',
    );
    expect(inKind[1].message).not.toContain('发放形式');
  });

  it('a 发放形式 of 物资 makes a payment in kind whatever its 类型 says', async () => {
    const wb = ledger([['困难职工慰问', '物资', 520]]);
    const { report } = await scoreWorkbook(wb, { rules: ['gz-songwennuan'], parameters: { 'gz-monthly-dibao': 1330 } });
    expect(report.findings.filter((f) => f.rule === 'gz-songwennuan/in-kind-cap').map((f) => f.cell)).toEqual(['G2']);
  });
});

describe('发放形式 as a required field', () => {
  it('a pack that requires it reports the empty cells', () => {
    const rules = resolvePacks(['common-data-quality']);
    const required = rules.rules.find((r) => r.rule.kind === 'requiredFields')!;
    if (required.rule.kind !== 'requiredFields') throw new Error('no requiredFields rule');
    required.rule.fields = [...required.rule.fields, 'form'];
    const ledger = ledgerOf([payment(1, { form: '现金', amount: 500 }), payment(2, { form: null, amount: 500 })]);
    const findings = runChecks(ledger, rules, { year: 2023, packNames: '' }).filter((f) => f.rule === required.rule.id);
    expect(findings.map((f) => [f.cell, f.message.includes('发放形式')])).toEqual([['L3', true]]);
  });
});
