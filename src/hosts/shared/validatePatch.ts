/**
 * Checks a whole patch against the workbook's sheet list before anything changes, so a bad patch leaves
 * the workbook exactly as it was instead of half-applied. Both hosts call it with their sheet names:
 * only a sheet carrying the add-in's mark may be replaced or removed, a new user sheet
 * (插入模板) may not collide with any sheet, and cell data must be storable. Failures are bugs in whoever
 * built the patch, hence plain `Error`s in English.
 */
import { parseA1, parseRangeA1 } from '../../core/address';
import type { Patch, SheetWrite } from '../../core/patch';
import type { CellRange } from '../../core/snapshot';
import { sameSheetName, sheetNameProblem } from './sheetNames';
import { isStateSheetName } from './stateCodec';

/**
 * The ownership mark each existing sheet carries (core/output/ownSheets.ts), as the host reads it from
 * the sheet itself: only a sheet carrying the very mark a write or removal names may be replaced or
 * removed. A name, or a stale state, is never enough.
 */
export type MarkOf = (sheet: string) => string | null;

/** The workbook's sheet names as Excel compares them (case-insensitively). */
export class SheetNames {
  constructor(private readonly names: readonly string[]) {}

  find(name: string): string | undefined {
    return this.names.find((n) => sameSheetName(n, name));
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function validateSheetWrite(names: SheetNames, write: SheetWrite, markOf: MarkOf): void {
  const problem = sheetNameProblem(write.name);
  if (problem) throw new Error(`sheet name "${write.name}" ${problem}`);
  if (isStateSheetName(write.name)) throw new Error(`"${write.name}" is reserved for the add-in's state`);
  if (write.mark !== '' && !write.rows[0]?.some((cell) => cell?.v === write.mark)) {
    throw new Error(`"${write.name}" does not carry its mark ${write.mark} in its first row`);
  }
  const existing = names.find(write.name);
  if (existing !== undefined && markOf(existing) !== write.mark) {
    throw new Error(`refusing to overwrite the user's sheet "${write.name}": it does not carry the add-in's mark ${write.mark}`);
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
  // ExcelJS throws half-way through writing on overlapping merges, Excel rejects them: catch them first.
  const ranges: CellRange[] = [];
  for (const text of write.merges ?? []) {
    const range = parseRangeA1(text);
    if (!range) throw new Error(`"${write.name}": bad merge range "${text}"`);
    if (ranges.some((other) => overlaps(other, range))) throw new Error(`"${write.name}": merge "${text}" overlaps another`);
    ranges.push(range);
  }
}

/** `stateSheet`: the sheet the state is stored in, if any (a visible sheet of that name is the officer's). */
export function validatePatch(names: SheetNames, patch: Patch, markOf: MarkOf, stateSheet?: string): void {
  const seen: string[] = [];
  for (const write of patch.sheets) {
    if (seen.some((name) => sameSheetName(name, write.name))) throw new Error(`sheet "${write.name}" is written twice`);
    seen.push(write.name);
    validateSheetWrite(names, write, markOf);
  }
  for (const write of patch.newSheets ?? []) {
    if (seen.some((name) => sameSheetName(name, write.name))) throw new Error(`sheet "${write.name}" is written twice`);
    seen.push(write.name);
    if (names.find(write.name)) throw new Error(`new sheet "${write.name}" already exists`);
    validateSheetWrite(names, { ...write, role: 'scored', mark: '' }, markOf);
  }
  // One highlight per cell (output/highlights.ts merges a cell's findings): the hosts draw them one to one.
  const cells = new Set<string>();
  for (const h of patch.highlights) {
    const name = names.find(h.sheet);
    if (!name || (stateSheet !== undefined && sameSheetName(name, stateSheet))) throw new Error(`highlight on a missing sheet "${h.sheet}"`);
    const at = parseA1(h.cell);
    if (!at) throw new Error(`highlight on a bad address "${h.sheet}!${h.cell}"`);
    const key = `${name.toLowerCase()}\u0000${at.r},${at.c}`;
    if (cells.has(key)) throw new Error(`cell "${h.sheet}!${h.cell}" is highlighted twice`);
    cells.add(key);
  }
}
