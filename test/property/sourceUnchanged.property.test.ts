import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { NotScorableError } from '../../src/core/pipeline';
import type { CellScalar } from '../../src/core/snapshot';
import { scoreWorkbook, snapshotOf } from '../e2e/scoreWorkbook';
import { tableLikeSheet } from './arbitraryGrids';

function writeGrid(ws: ExcelJS.Worksheet, values: (CellScalar[] | undefined)[]): void {
  values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return;
      ws.getCell(r + 1, c + 1).value = typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
    }),
  );
}

describe('the user\'s data is sacred', () => {
  test('after scoring, every cell of every input sheet has exactly the value it had', async () => {
    await fc.assert(
      fc.asyncProperty(tableLikeSheet('明细', 1), async (extra) => {
        const wb = buildKunming2019SelfEvaluation();
        writeGrid(wb.addWorksheet(extra.name), extra.values);
        let scored;
        try {
          scored = await scoreWorkbook(wb);
        } catch (e) {
          if (e instanceof NotScorableError) return;
          throw e;
        }
        const after = await snapshotOf(scored.output);
        for (const before of scored.input.sheets) {
          const now = after.sheets.find((s) => s.name === before.name);
          expect(now).toBeDefined();
          const rows = Math.max(before.values.length, now!.values.length);
          for (let r = 0; r < rows; r++) {
            const a = before.values[r] ?? [];
            const b = now!.values[r] ?? [];
            for (let c = 0; c < Math.max(a.length, b.length); c++) {
              expect([before.name, r, c, b[c] ?? null]).toEqual([before.name, r, c, a[c] ?? null]);
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
