/** Small helpers the xlsx host tests share: building workbooks, round trips through bytes, patches. */
import ExcelJS from 'exceljs';
import type { Patch } from '../../src/core/patch';
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
