/**
 * Checks a whole patch against the workbook before anything changes, so a bad patch leaves the
 * workbook exactly as it was instead of half-applied. Every failure here is a bug in whoever built the
 * patch (the core chooses free sheet names), hence plain `Error`s in English for the developer.
 */
import type ExcelJS from 'exceljs';
import { parseA1, parseRangeA1 } from '../../core/address';
import type { Patch, SheetWrite } from '../../core/patch';
import type { CellRange } from '../../core/snapshot';
import { findWorksheet, sameSheetName, sheetNameProblem } from './sheetNames';
import { STATE_SHEET_NAME } from './stateSheet';

/** The sheets the stored state says the add-in wrote; only these may be removed or replaced. */
export class OwnSheets {
  constructor(private readonly names: readonly string[]) {}

  has(name: string): boolean {
    return this.names.some((own) => sameSheetName(own, name));
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function validateSheetWrite(wb: ExcelJS.Workbook, write: SheetWrite, own: OwnSheets): void {
  const problem = sheetNameProblem(write.name);
  if (problem) throw new Error(`sheet name "${write.name}" ${problem}`);
  if (sameSheetName(write.name, STATE_SHEET_NAME)) throw new Error(`"${write.name}" is reserved for the add-in's state`);
  if (findWorksheet(wb, write.name) && !own.has(write.name)) {
    throw new Error(`refusing to overwrite the user's sheet "${write.name}": it is not one of the add-in's own sheets`);
  }

  write.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell && typeof cell.v === 'number' && !Number.isFinite(cell.v)) {
        throw new Error(`"${write.name}" row ${r + 1} column ${c + 1}: ${cell.v} cannot be stored in a workbook`);
      }
      if (cell?.link && !parseA1(cell.link.cell)) {
        throw new Error(`"${write.name}" row ${r + 1} column ${c + 1}: bad link target "${cell.link.cell}"`);
      }
    }),
  );

  // ExcelJS throws half-way through writing on overlapping merges; catch them before any change.
  const ranges: CellRange[] = [];
  for (const text of write.merges ?? []) {
    const range = parseRangeA1(text);
    if (!range) throw new Error(`"${write.name}": bad merge range "${text}"`);
    if (ranges.some((other) => overlaps(other, range))) throw new Error(`"${write.name}": merge "${text}" overlaps another`);
    ranges.push(range);
  }
}

export function validatePatch(wb: ExcelJS.Workbook, patch: Patch, own: OwnSheets): void {
  const seen: string[] = [];
  for (const write of patch.sheets) {
    if (seen.some((name) => sameSheetName(name, write.name))) throw new Error(`sheet "${write.name}" is written twice`);
    seen.push(write.name);
    validateSheetWrite(wb, write, own);
  }
  for (const write of patch.newSheets ?? []) {
    if (seen.some((name) => sameSheetName(name, write.name))) throw new Error(`sheet "${write.name}" is written twice`);
    seen.push(write.name);
    if (findWorksheet(wb, write.name)) throw new Error(`new sheet "${write.name}" already exists`);
    validateSheetWrite(wb, { ...write, role: 'scored' }, own);
  }
  for (const h of patch.highlights) {
    const ws = findWorksheet(wb, h.sheet);
    if (!ws || ws.name === STATE_SHEET_NAME) throw new Error(`highlight on a missing sheet "${h.sheet}"`);
    if (!parseA1(h.cell)) throw new Error(`highlight on a bad address "${h.sheet}!${h.cell}"`);
  }
}
