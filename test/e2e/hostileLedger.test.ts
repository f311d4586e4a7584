import { buildZengcheng2023IndexSystem, generateZengcheng2023Ledger } from '../../examples/workbooks/zengcheng-2023-index-system';
import { scoreWorkbook } from './scoreWorkbook';

const LEDGER = '发放明细';

describe('hostile ledgers give findings, never a crash', () => {
  test('text in the amount column, an ID stored as a number, a merged row and an unknown type are each reported', async () => {
    const rows = generateZengcheng2023Ledger();
    rows[0] = { ...rows[0], amount: '六百元' };
    rows[1] = { ...rows[1], amount: '' };
    const wb = buildZengcheng2023IndexSystem({ ledger: rows });
    const ws = wb.getWorksheet(LEDGER)!;
    // 身份证号 typed as a number: Excel keeps 15 significant digits and the ID is lost.
    // eslint-disable-next-line no-loss-of-precision -- an 18-digit 身份证号 typed as a number loses its last digits: that is the case under test
    ws.getCell('C5').value = 440183199001011234;
    // A category nobody knows, and a row merged across the whole table by accident.
    ws.getCell('E6').value = '助学补贴';
    ws.mergeCells('A7:J7');
    const { report } = await scoreWorkbook(wb, { rules: ['gz-zengcheng-2023'] });
    const at = (cell: string) => report.findings.filter((f) => f.sheet === LEDGER && f.cell === cell);
    expect(at('G3').length).toBeGreaterThan(0);
    expect(at('G3')[0].message).toContain('六百元');
    expect(at('C5').some((f) => /数字|数值/.test(f.message))).toBe(true);
    expect(at('E6')).toEqual([expect.objectContaining({ rule: 'unknown-category', value: '助学补贴' })]);
    // The merged payment is named where it is, not lost into the reconciliation's gap.
    expect(at('A7')).toEqual([
      expect.objectContaining({ rule: 'ledger-unread-row', severity: 'warning', row: 7, value: '5' }),
    ]);
    expect(at('A7')[0].message).toContain('A7:J7');
    expect(Number.isFinite(report.total)).toBe(true);
  });

  test('10,000 identical rows are 9,999 duplicates of the first, found in one pass', async () => {
    const base = generateZengcheng2023Ledger()[0];
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ ...base, seq: i + 1 }));
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger: rows }), { rules: ['gz-zengcheng-2023'] });
    const duplicates = report.findings.filter((f) => f.sheet === LEDGER && /duplicate/.test(f.rule));
    expect(duplicates).toHaveLength(9_999);
    expect(report.findings.some((f) => f.rule === 'reconcile-total')).toBe(true);
  });

  test('a section title merged across the table and a note under it are not payments and not findings', async () => {
    const rows = generateZengcheng2023Ledger();
    const wb = buildZengcheng2023IndexSystem({ ledger: rows });
    const ws = wb.getWorksheet(LEDGER)!;
    const last = ws.rowCount;
    // A heading among the payments, in a fresh row inserted above row 10.
    ws.spliceRows(10, 0, ['二、紧急救助']);
    ws.mergeCells('A10:J10');
    ws.getCell(`A${last + 3}`).value = '以上发放经区总工会党组会议审议通过，资金已全部拨付到个人账户';
    ws.mergeCells(`A${last + 3}:J${last + 3}`);
    const { report } = await scoreWorkbook(wb, { rules: ['gz-zengcheng-2023'] });
    expect(report.findings.filter((f) => f.rule === 'ledger-unread-row')).toEqual([]);
  });
});
