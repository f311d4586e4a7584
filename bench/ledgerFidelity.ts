/**
 * The 增城 ledger snapshot of bench/zengchengLedger.ts must be what a host reads: the same rows are
 * written as an .xlsx with ExcelJS (merged title, dates as dates with `yyyy-mm-dd`, amounts `#,##0.00`,
 * 身份证号 as text, a merged 合计 row) and read back with `XlsxHost.read()`, and the two snapshots are
 * compared. Checked on a small ledger at the start of the ledger-checks bench.
 */
import ExcelJS from 'exceljs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import type { LedgerFidelity } from './results';
import {
  generateZengchengLedger, ZC_DATE_FORMAT, ZC_FIRST_ROW, ZC_HEADER, ZC_SHEET, ZC_TITLE, zengchengRowCells, zengchengSnapshot,
  zengchengTotal,
} from './zengchengLedger';

const EPOCH_1900_MS = Date.UTC(1899, 11, 30);

export async function checkLedgerFidelity(dir: string, rows = 2_000): Promise<LedgerFidelity> {
  const ledger = generateZengchengLedger(rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ZC_SHEET);
  ws.getCell(1, 1).value = ZC_TITLE;
  ws.mergeCells(1, 1, 1, ZC_HEADER.length);
  ZC_HEADER.forEach((h, c) => {
    ws.getCell(2, c + 1).value = h;
  });
  for (let k = 0; k < ledger.rows; k++) {
    const r = ZC_FIRST_ROW + k + 1;
    zengchengRowCells(ledger, k).forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      if (c === 2) cell.numFmt = '@';
      if (c === 6) cell.numFmt = '#,##0.00';
      if (v === null) return;
      if (c >= 7 && typeof v === 'number') {
        cell.value = new Date(EPOCH_1900_MS + v * 86_400_000);
        cell.numFmt = ZC_DATE_FORMAT;
      } else cell.value = v as string | number;
    });
  }
  const totalRow = ZC_FIRST_ROW + ledger.rows + 1;
  ws.getCell(totalRow, 1).value = '合计';
  ws.mergeCells(totalRow, 1, totalRow, 6);
  ws.getCell(totalRow, 7).value = zengchengTotal(ledger);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `zengcheng-fidelity-${rows}.xlsx`);
  await wb.xlsx.writeFile(path);
  const fromFile = (await (await XlsxHost.fromFile(path)).read()).sheets[0];
  await rm(path, { force: true });
  const direct = zengchengSnapshot(ledger).sheets[0];
  const parts = (['name', 'values', 'formats', 'merges'] as const).filter((k) => !isDeepStrictEqual(fromFile?.[k], direct[k]));
  return {
    rows,
    equal: parts.length === 0,
    detail: parts.length === 0 ? 'identical sheets (values, formats, merges)' : `${parts.join(', ')} differ`,
  };
}
