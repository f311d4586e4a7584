/**
 * ExcelJS checks each merged area it loads against every area loaded before it (`_mergeCellsInternal`),
 * so 25,000 merges cost 300 million range comparisons and the load never finished in practice (issue 12).
 *
 * This replaces the loading step only (`Worksheet._parseMergeCells`, which ExcelJS calls from nowhere
 * but `set model`, i.e. when a file is read) with one that does the same work in time proportional to
 * the merged area: each covered cell is noted in a set, an overlap is found by meeting a cell twice, and
 * the real merge is then made by ExcelJS itself with an empty list to compare against. Overlapping areas
 * are still refused with ExcelJS's own error, so what loads and what fails to load is unchanged; only
 * the time is. The merged area is bounded before loading (preflight.ts), so the set is too.
 *
 * Merges made by code (`mergeCells`) keep ExcelJS's check: they are few.
 */
import ExcelJS from 'exceljs';

interface MergeRange { top: number; left: number; bottom: number; right: number; tl: string }
interface WorksheetInternals {
  _merges: Record<string, MergeRange>;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
  mergeCellsWithoutStyle(range: string): void;
}

let installed = false;

export function installLinearMergeLoading(): void {
  if (installed) return;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as WorksheetInternals;
  const original = proto._parseMergeCells;
  // A different ExcelJS than the one this was written against: leave it alone rather than guess.
  if (typeof original !== 'function' || typeof proto.mergeCellsWithoutStyle !== 'function') return;
  installed = true;
  proto._parseMergeCells = function parseMergeCellsLinearly(this: WorksheetInternals, model): void {
    const refs = model.mergeCells ?? [];
    if (refs.length < 2) {
      original.call(this, model);
      return;
    }
    const all = this._merges;
    const covered = new Set<number>();
    try {
      for (const ref of refs) {
        // Made against an empty list, so ExcelJS's comparison loop has nothing to compare with.
        this._merges = {};
        this.mergeCellsWithoutStyle(ref);
        for (const [master, range] of Object.entries(this._merges)) {
          for (let r = range.top; r <= range.bottom; r++) {
            for (let c = range.left; c <= range.right; c++) {
              const key = r * 16_384 + c;
              if (covered.has(key)) throw new Error('Cannot merge already merged cells');
              covered.add(key);
            }
          }
          all[master] = range;
        }
      }
    } finally {
      this._merges = all;
    }
  };
}
