/** Small helpers the xlsx host tests share: building workbooks, round trips through bytes, patches. */
import ExcelJS from 'exceljs';
import { withMark } from '../../src/core/output/ownSheets';
import type { Patch, SheetWrite } from '../../src/core/patch';
import type { AddinState } from '../../src/core/snapshot';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';

/** Saves and reloads, as the CLI's output would be opened again later. */
export async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const host = await XlsxHost.fromBuffer(await bytesOf(wb));
  return host.workbook;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf: unknown = await wb.xlsx.writeBuffer();
  if (!(buf instanceof Uint8Array)) throw new Error('expected bytes');
  return buf;
}

export function emptyState(ownSheets: AddinState['ownSheets'] = []): AddinState {
  return { version: 1, ownSheets };
}

export function patchOf(parts: Partial<Patch>): Patch {
  return {
    sheets: [],
    removeSheets: [],
    highlights: [],
    clearHighlights: false,
    state: emptyState(parts.sheets?.map((s) => ({ name: s.name, role: s.role })) ?? []),
    ...parts,
  };
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

export function tabNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((ws) => ws.name);
}

/** The officer's workbook both hosts' apply tests start from: a small ledger, a 自评表 and a sheet of their own. */
export function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet('发放明细');
  ledger.getCell('A1').value = '姓名';
  ledger.getCell('B1').value = '金额';
  ledger.getCell('A2').value = '张三';
  ledger.getCell('B2').value = 1000;
  wb.addWorksheet('自评表').getCell('A1').value = '项目支出绩效自评表';
  wb.addWorksheet('备注').getCell('A1').value = '用户自己的表';
  return wb;
}

/** A 绩效目标 as the pipeline writes it: marked, so a later apply may replace it. */
export function scored(rows: SheetWrite['rows'], extra: Partial<SheetWrite> = {}): SheetWrite {
  return withMark({ name: '绩效目标', role: 'scored', rows, ...extra }, 'jixiao:scored:t1');
}
