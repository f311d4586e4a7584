/**
 * A 增城 workbook whose 发放明细 has `count` 季度救助 payments of 700 元, each to a different person with a
 * valid 身份证号 and household, so gz-zengcheng-2023 finds exactly one 违规 per payment (the 400–600 元
 * band) and nothing else about them: `count` findings, plus the ledger total against 全年执行数. For the
 * pane at scale (issue 15, item 9): progress, 取消, and how fast the list draws and filters.
 */
import type ExcelJS from 'exceljs';
import { generateZengcheng2023Ledger, type ZengchengLedgerRow } from '../../examples/data/zengcheng2023Ledger';
import { makeIdNumber, randomBirth } from '../../examples/support/idNumber';
import { createPrng } from '../../examples/support/prng';
import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';

export function manyFindingsWorkbook(count: number): ExcelJS.Workbook {
  const template = generateZengcheng2023Ledger().find((r) => r.type === '季度救助')!;
  const prng = createPrng(15);
  const rows: ZengchengLedgerRow[] = Array.from({ length: count }, (_, i) => ({
    ...template,
    seq: i + 1,
    name: `职工${i + 1}`,
    idNumber: makeIdNumber({ region: '440183', birth: randomBirth(prng, 1960, 2000), sex: i % 2 === 0 ? 'male' : 'female' }, prng),
    household: `ZC${String(i + 1).padStart(6, '0')}`,
    amount: 700,
  }));
  return buildZengcheng2023IndexSystem({ ledger: rows });
}
