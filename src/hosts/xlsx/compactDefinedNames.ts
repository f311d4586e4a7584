/**
 * ExcelJS stores a defined name as a matrix of every cell it covers: a name over `$A$1:$A$1048576` (as
 * LibreOffice writes a whole column) made a million cell records on load — 4 s and 500 MB — and one over
 * the whole grid ran out of memory (issue 12). A large rectangle is kept here as its text instead and
 * handed back unchanged when the workbook is saved; small ones (and anything not a plain rectangle) go
 * through ExcelJS as before. Nothing in jixiao asks ExcelJS which names a cell has, which is the only
 * thing the matrix is for.
 *
 * Reached through a workbook's own `_definedNames`, so it works with the browser build of ExcelJS too.
 */
import ExcelJS from 'exceljs';
import { parseRangeA1 } from '../../core/address';

/** Cells above which a defined name's rectangle is kept as text. */
const COMPACT_ABOVE = 100;

interface DefinedNameModel { name: string; ranges: string[] }
interface DefinedNamesInternals { _compactRanges?: Map<string, string[]> }

/** `'Sheet'!$A$1:$B$2` → its cell count, or null when it is not a plain rectangle. */
function area(rangeStr: string): number | null {
  const bang = rangeStr.lastIndexOf('!');
  if (bang < 0) return null;
  const range = parseRangeA1(rangeStr.slice(bang + 1).replace(/\$/g, ''));
  if (!range || !rangeStr.slice(bang + 1).includes(':')) return null;
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

let installed = false;

export function installCompactDefinedNames(): void {
  if (installed) return;
  const probe = (new ExcelJS.Workbook() as unknown as { _definedNames?: object })._definedNames;
  const proto = probe ? (Object.getPrototypeOf(probe) as object) : undefined;
  const descriptor = proto ? Object.getOwnPropertyDescriptor(proto, 'model') : undefined;
  // A different ExcelJS than the one this was written against: leave it alone rather than guess.
  if (!proto || !descriptor?.get || !descriptor.set) return;
  installed = true;
  const { get, set } = descriptor;
  Object.defineProperty(proto, 'model', {
    configurable: true,
    enumerable: descriptor.enumerable,
    get(this: DefinedNamesInternals): DefinedNameModel[] {
      const model = get.call(this) as DefinedNameModel[];
      if (!this._compactRanges) return model;
      for (const [name, ranges] of this._compactRanges) {
        const entry = model.find((m) => m.name === name);
        if (entry) entry.ranges = [...entry.ranges, ...ranges];
        else model.push({ name, ranges: [...ranges] });
      }
      return model;
    },
    set(this: DefinedNamesInternals, value: DefinedNameModel[]) {
      const compact = new Map<string, string[]>();
      const rest = (value ?? []).map((dn) => {
        const big = dn.ranges.filter((r) => (area(r) ?? 0) > COMPACT_ABOVE);
        if (big.length === 0) return dn;
        compact.set(dn.name, big);
        return { ...dn, ranges: dn.ranges.filter((r) => !big.includes(r)) };
      });
      set.call(this, rest);
      this._compactRanges = compact.size > 0 ? compact : undefined;
    },
  });
}
