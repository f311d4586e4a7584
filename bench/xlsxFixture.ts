/**
 * Writes the benchmark workbook (bench/workload.ts) as a real .xlsx with ExcelJS. The streaming writer
 * is used so a large ledger never has to sit in memory while it is generated; it writes shared strings
 * and styles, as Excel's own files have. Files are cached under `.bench/` by shape: the content is
 * deterministic, so a file that exists is the file that would be written.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  evaluationSheet, LEDGER_SHEET, ledgerHeaderRow, ledgerRows, ledgerSpecRow,
  type SpecMerge, type SpecRow,
} from './workload';

/** Bump when the workload changes, so cached files are not reused. */
const FIXTURE_VERSION = 1;

function writeRow(row: ExcelJS.Row, cells: SpecRow): void {
  cells.forEach((cell, c) => {
    if (!cell) return;
    const target = row.getCell(c + 1);
    target.value = cell.v;
    if (cell.numFmt) target.numFmt = cell.numFmt;
  });
}

function mergeA1(ws: ExcelJS.Worksheet, m: SpecMerge): void {
  ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

/** Writes the workbook with `ledgerCount` ledger rows to `path`. */
export async function writeBenchWorkbook(path: string, ledgerCount: number): Promise<void> {
  const partial = `${path}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  wb.creator = 'jixiao bench';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;

  const evaluation = evaluationSheet();
  const ws1 = wb.addWorksheet(evaluation.name);
  ws1.columns = [12, 16, 24, 22, 22, 8, 8, 40].map((width) => ({ width }));
  // Cells first, merges next (the writer marks followers of uncommitted rows), then commit.
  evaluation.rows.forEach((cells, r) => writeRow(ws1.getRow(r + 1), cells));
  for (const m of evaluation.merges) mergeA1(ws1, m);
  ws1.commit();

  const ws2 = wb.addWorksheet(LEDGER_SHEET);
  ws2.columns = [8, 10, 22, 11, 14, 12, 10, 12, 12, 12].map((width) => ({ width }));
  const header = ws2.getRow(1);
  writeRow(header, ledgerHeaderRow());
  header.commit();
  let r = 2;
  for (const row of ledgerRows(ledgerCount)) {
    const out = ws2.getRow(r++);
    writeRow(out, ledgerSpecRow(row));
    out.commit();
  }
  ws2.commit();
  await wb.commit();
  await rename(partial, path);
}

/** The cached workbook for `ledgerCount` rows, written first if missing. Returns its path and whether it was written. */
export async function benchWorkbook(dir: string, ledgerCount: number): Promise<{ path: string; generated: boolean }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `bench-v${FIXTURE_VERSION}-${ledgerCount}.xlsx`);
  if (existsSync(path)) return { path, generated: false };
  await writeBenchWorkbook(path, ledgerCount);
  return { path, generated: true };
}
