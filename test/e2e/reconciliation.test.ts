import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { buildZengcheng2023IndexSystem, generateZengcheng2023Ledger } from '../../examples/workbooks/zengcheng-2023-index-system';
import { scoreWorkbook } from './scoreWorkbook';

describe('the ledger reconciles with the budget and the indicators', () => {
  test('233 季度救助 and 39 紧急救助 payments totalling 265,800 元 match 实际支出 exactly: nothing to report', async () => {
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem());
    expect(report.findings.filter((f) => f.rule.startsWith('reconcile'))).toEqual([]);
  });

  test('one payment raised by 1,000 元 leaves the ledger 1,000.00 元 above 全年执行数, named on the budget cell', async () => {
    const ledger = generateZengcheng2023Ledger();
    ledger[10] = { ...ledger[10], amount: Number(ledger[10].amount) + 1000 };
    const { report } = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger }));
    const f = report.findings.filter((x) => x.rule === 'reconcile-total');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', sheet: '预算执行', value: 266800, allowed: '265800' });
    expect(f[0].message).toContain('多 1,000.00 元');
  });

  test('44 环卫工人 paid in the ledger match the 44人 reported as 实际完成值; a report of 45人 does not', async () => {
    const clean = await scoreWorkbook(buildWuhua2023SeparateSheets());
    expect(clean.report.findings.filter((f) => f.rule === 'reconcile-count')).toEqual([]);
    const wb = buildWuhua2023SeparateSheets();
    wb.getWorksheet('实际完成情况')!.eachRow((row) => {
      if (String(row.getCell(1).value).includes('环卫工人')) row.getCell(2).value = '45人';
    });
    const { report } = await scoreWorkbook(wb);
    const f = report.findings.filter((x) => x.rule === 'reconcile-count');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('为 44人');
  });
});
