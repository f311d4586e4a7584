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
import { MAX_COLS } from '../../support/fakeExcel/address';

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

/**
 * The fake Excel's workbook saved as an .xlsx, as Excel would save it for the command line: values,
 * number formats, solid fills, notes, merges and sheet visibility (the very hidden state sheet too).
 * Enough for a copy scored in Excel to be cleared by the CLI's host.
 */
export async function xlsxFromFake(excel: FakeExcel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of excel.model.sheets) {
    const state = s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible';
    const ws = wb.addWorksheet(s.name, { state });
    s.rows.forEach((row, r) => row?.forEach((v, c) => {
      if (v !== undefined) ws.getCell(r + 1, c + 1).value = v;
    }));
    s.numberFormats.forEach((row, r) => row?.forEach((f, c) => {
      if (f) ws.getCell(r + 1, c + 1).numFmt = f;
    }));
    for (const [key, format] of s.formats) {
      const fill = format.fill;
      if (!fill || fill.pattern !== 'Solid') continue;
      const r = Math.floor(key / MAX_COLS);
      ws.getCell(r + 1, (key % MAX_COLS) + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.color.slice(1).toUpperCase()}` } };
    }
    for (const [address, note] of s.notes) ws.getCell(address).note = note.content;
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
