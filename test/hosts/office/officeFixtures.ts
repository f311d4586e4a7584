/**
 * Helpers the Office host tests share: the same workbook as an xlsx host and as a fake Excel, and ways
 * to look at what each one holds after a patch.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { OfficeHost } from '../../../src/hosts/office/officeHost';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsxHost';
import { FakeExcel, type FakeExcelOptions } from '../../support/fakeExcel';

export async function xlsxHostOf(source: ExcelJS.Workbook | Uint8Array | string): Promise<XlsxHost> {
  if (typeof source === 'string') return XlsxHost.fromBuffer(readFileSync(source));
  if (source instanceof Uint8Array) return XlsxHost.fromBuffer(source);
  const buf: unknown = await source.xlsx.writeBuffer();
  return XlsxHost.fromBuffer(buf as Uint8Array);
}

export function officeHostOn(excel: FakeExcel): OfficeHost {
  return new OfficeHost({ run: excel.run, supports: excel.supports });
}

/** ExcelJS's solid fill colour of a cell as ARGB, or null. */
export function xlsxFill(cell: ExcelJS.Cell): string | null {
  const fill = cell.style.fill;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return fill.fgColor?.argb ?? null;
}

/** `#RRGGBB` → `FFRRGGBB`, to compare the fake's fills with ExcelJS's. */
export function argbOf(hex: string | null): string | null {
  return hex === null ? null : `FF${hex.slice(1).toUpperCase()}`;
}

export function noteText(cell: ExcelJS.Cell): string | null {
  const note: unknown = cell.note;
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as ExcelJS.Comment).texts ?? [];
  return texts.map((t) => t.text ?? '').join('');
}

/**
 * The fake Excel holding the same workbook as an xlsx host: values, formats, merges, tab order and
 * state from its snapshot, plus every solid fill and note of its cells (what a CLI-scored workbook
 * carries into Excel).
 */
export async function fakeFromXlsx(host: XlsxHost, options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const snapshot = await host.read();
  const excel = FakeExcel.fromSnapshot(snapshot, options);
  for (const ws of host.workbook.worksheets) {
    if (!excel.model.find(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const argb = xlsxFill(cell);
        if (argb) excel.model.setFill(ws.name, cell.address, `#${argb.slice(2)}`);
        const note = noteText(cell);
        if (note !== null) excel.model.setNote(ws.name, cell.address, note);
      }),
    );
  }
  return excel;
}

export function ownSheetNames(snapshot: WorkbookSnapshot): string[] {
  return snapshot.state?.ownSheets.map((s) => s.name) ?? [];
}

export function sheetOf(snapshot: WorkbookSnapshot, name: string) {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in the snapshot`);
  return sheet;
}
