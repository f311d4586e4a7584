/**
 * The snapshot keeps number formats as runs down each column (a million-row ledger's date column is one
 * run). Whatever cells a host meets, looking a cell up in the runs must give what a cell-by-cell record
 * would have given, and the runs must be the fewest that say it.
 */
import fc from 'fast-check';
import { formatAt, FormatRunBuilder, formatRunsOf, type FormatRun, type SheetSnapshot } from '../../src/core/snapshot';

const ROWS = 40;
const COLS = 6;

/** Sparse cells with one of a few formats, so neighbours often share one. */
const formattedCells = fc
  .uniqueArray(
    fc.record({
      r: fc.integer({ min: 0, max: ROWS - 1 }),
      c: fc.integer({ min: 0, max: COLS - 1 }),
      format: fc.constantFrom('yyyy-mm-dd', '0.00%', 'yyyy"年"m"月"d"日"'),
    }),
    { selector: ({ r, c }) => `${r},${c}`, maxLength: ROWS * COLS },
  )
  .map((cells) => Object.fromEntries(cells.map(({ r, c, format }) => [`${r},${c}`, format])) as Record<string, string>);

/** The runs a host builds, adding the cells in the order it reads them: row by row, left to right. */
function runsReadRowMajor(cells: Record<string, string>): FormatRun[] {
  const builder = new FormatRunBuilder();
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const format = cells[`${r},${c}`];
      if (format !== undefined) builder.add(r, c, format);
    }
  }
  return builder.runs();
}

const sheetWith = (formats: FormatRun[]): SheetSnapshot => ({ name: '发放明细', index: 0, values: [], formats, merges: [] });

describe('number formats as runs down each column', () => {
  test('every cell in and around the sheet reads the format it was read with, and no other', () => {
    fc.assert(
      fc.property(formattedCells, (cells) => {
        const sheet = sheetWith(runsReadRowMajor(cells));
        for (let r = -2; r < ROWS + 2; r++) {
          for (let c = -2; c < COLS + 2; c++) expect(formatAt(sheet, r, c)).toBe(cells[`${r},${c}`]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('runs are sorted by column then row, never overlap, and cells next to each other with one format share a run', () => {
    fc.assert(
      fc.property(formattedCells, (cells) => {
        const runs = runsReadRowMajor(cells);
        let covered = 0;
        runs.forEach((run, i) => {
          expect(run.top).toBeLessThanOrEqual(run.bottom);
          covered += run.bottom - run.top + 1;
          const next = runs[i + 1];
          if (!next) return;
          expect(next.col).toBeGreaterThanOrEqual(run.col);
          if (next.col !== run.col) return;
          expect(next.top).toBeGreaterThan(run.bottom);
          // Maximal: a run that touches the next one differs from it in format.
          if (next.top === run.bottom + 1) expect(next.format).not.toBe(run.format);
        });
        expect(covered).toBe(Object.keys(cells).length);
      }),
      { numRuns: 300 },
    );
  });

  test('runs written from a cell-by-cell record are the runs a host builds', () => {
    fc.assert(fc.property(formattedCells, (cells) => expect(formatRunsOf(cells)).toEqual(runsReadRowMajor(cells))), { numRuns: 200 });
  });

  test('a ledger with three date columns of a million payments has three runs', () => {
    const builder = new FormatRunBuilder();
    for (let r = 2; r < 1_000_002; r++) for (let c = 7; c <= 9; c++) builder.add(r, c, 'yyyy-mm-dd');
    const runs = builder.runs();
    expect(runs.length).toBe(3); // first, so a broken builder fails without printing a million runs
    expect(runs).toEqual([7, 8, 9].map((col) => ({ col, top: 2, bottom: 1_000_001, format: 'yyyy-mm-dd' })));
    expect(formatAt(sheetWith(runs), 654_321, 8)).toBe('yyyy-mm-dd');
    expect(formatAt(sheetWith(runs), 1_000_002, 8)).toBeUndefined();
  });

  test('a cell added above its column’s last run is refused rather than recorded out of order', () => {
    const builder = new FormatRunBuilder();
    builder.add(5, 1, '0%');
    expect(() => builder.add(3, 1, '0%')).toThrow(RangeError);
  });

  test('runs written out of order by hand are still found', () => {
    const sheet = sheetWith([
      { col: 2, top: 10, bottom: 12, format: '0%' },
      { col: 0, top: 0, bottom: 0, format: 'yyyy-mm-dd' },
      { col: 2, top: 1, bottom: 3, format: '0.00%' },
    ]);
    expect([formatAt(sheet, 0, 0), formatAt(sheet, 2, 2), formatAt(sheet, 11, 2), formatAt(sheet, 5, 2)]).toEqual([
      'yyyy-mm-dd', '0.00%', '0%', undefined,
    ]);
  });
});
