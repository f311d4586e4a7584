/**
 * A 增城-style workbook with a ledger of any length, built straight into a snapshot (no file): seed
 * 001's 评价指标体系 and 预算执行 sheets as the xlsx host reads them, and a 发放明细 of `rows` 季度救助
 * payments that break no rule of gz-zengcheng-2023 — one payment per worker and household, 600 元, valid
 * 身份证号, audited a working day after the application — except every `overEvery`-th, which is 700 元
 * and so flagged once (quarterly-band) on its 金额 cell.
 */
import { toSerial } from '../../../src/core/parse/date';
import { idCheckCharacter } from '../../../src/core/ledger/idChecksum';
import { FormatRunBuilder, type CellScalar, type SheetSnapshot, type WorkbookSnapshot } from '../../../src/core/snapshot';
import { xlsxHostOf } from './officeFixtures';

export const LEDGER = '发放明细';
/** 序号 姓名 身份证号 户号 救助类型 救助原因 金额（元） 申请日期 审核日期 发放日期 */
export const LEDGER_COLUMNS = 10;
/** Title and header rows above the first payment. */
export const LEDGER_TOP = 2;
/** The 金额 column (G). */
export const AMOUNT_COLUMN = 6;

function idNumber(i: number): string {
  const born = new Date(Date.UTC(1950, 0, 1) + (i % 20_000) * 86_400_000);
  const ymd = `${born.getUTCFullYear()}${String(born.getUTCMonth() + 1).padStart(2, '0')}${String(born.getUTCDate()).padStart(2, '0')}`;
  const first17 = `440183${ymd}${String(Math.floor(i / 20_000)).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17)!;
}

function ledgerSheet(rows: number, overEvery: number, index: number): SheetSnapshot {
  const values: (CellScalar[] | undefined)[] = [];
  const formats = new FormatRunBuilder();
  values.push(['增城区总工会2023年困难职工帮扶救助发放明细表']);
  values.push(['序号', '姓名', '身份证号', '户号', '救助类型', '救助原因', '金额（元）', '申请日期', '审核日期', '发放日期']);
  const first = toSerial({ y: 2023, m: 1, d: 3 });
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const r = LEDGER_TOP + i;
    // Mondays to Fridays of January and February, so the audit a day later is a working day.
    const week = Math.floor((i % 35) / 5);
    const applied = first + week * 7 + (i % 5);
    const amount = overEvery > 0 && i % overEvery === 0 ? 700 : 600;
    total += amount;
    values.push([i + 1, `职工${i}`, idNumber(i), `H${i}`, '季度救助', null, amount, applied, applied + 1, applied + 3]);
    for (const c of [7, 8, 9]) formats.add(r, c, 'yyyy-mm-dd');
  }
  const last = LEDGER_TOP + rows;
  values.push(['合计', null, null, null, null, null, total]);
  return {
    name: LEDGER,
    index,
    values,
    formats: formats.runs(),
    merges: [
      { top: 0, left: 0, bottom: 0, right: 9 },
      { top: last, left: 0, bottom: last, right: 5 },
    ],
  };
}

let base: WorkbookSnapshot | undefined;

/** Seed 001's workbook with the ledger replaced by `rows` payments, `rows / overEvery` of them 700 元. */
export async function largeLedgerSnapshot(rows: number, overEvery: number): Promise<WorkbookSnapshot> {
  base ??= await (await xlsxHostOf('examples/zengcheng-2023-index-system.xlsx')).read();
  const sheets = base.sheets.map((s) => (s.name === LEDGER ? ledgerSheet(rows, overEvery, s.index) : s));
  return { sheets };
}

/** The 金额 cell of payment `i` (0-based). */
export function amountCell(i: number): string {
  return `G${LEDGER_TOP + i + 1}`;
}
