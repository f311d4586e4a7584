/**
 * Test helper for issue 12: a real workbook written by ExcelJS, then edited at the package level with
 * JSZip, the way other tools, damaged files and hostile inputs differ from what ExcelJS itself writes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';
/** The 昆明 sample's only sheet; it scores 97.54 优. */
export const KUNMING_SHEET = '项目支出绩效自评表';

export type XmlEdits = Record<string, (xml: string) => string>;

/** The bytes of `wb` with each named part replaced by what its edit returns. */
export async function editPackage(bytes: Uint8Array, edits: XmlEdits): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, edit] of Object.entries(edits)) {
    const file = zip.file(part);
    if (!file) throw new Error(`no part ${part} in the package`);
    const before = await file.async('string');
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${part} changed nothing`);
    zip.file(part, after);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The 昆明 sample plus a sheet of the officer's (`备注`) that `fill` writes, as bytes. */
export async function kunmingWith(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, name = '备注'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(KUNMING) as unknown as ArrayBuffer);
  fill(wb.addWorksheet(name), wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The part of sheet `n` (1-based tab position as ExcelJS writes it). */
export const sheetPart = (n: number): string => `xl/worksheets/sheet${n}.xml`;

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeInput(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Everything in `dir`, temporary files included. */
export const filesIn = (dir: string): string[] => readdirSync(dir).sort();

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

/** Any run of Latin letters a user would read as English (paths and rule ids excluded by the caller). */
export const ENGLISH_WORD = /\b[A-Za-z]{4,}\b/;
