import fc from 'fast-check';
import { mapWorkbook } from '../../src/core/detect/mapping';
import { detectTablesInSheet } from '../../src/core/detect/tables';
import { NotScorableError, runPipeline } from '../../src/core/pipeline';
import { GRADE_WITHHELD, TOTAL_ABOVE_100, WEIGHT_TOTAL } from '../../src/core/scoring/scoreProject';
import { sheetSnapshot, tableLikeSheet } from './arbitraryGrids';

describe('arbitrary workbooks never crash the core', () => {
  test('the table detector returns tables inside the sheet for any grid of cells and merges', () => {
    fc.assert(
      fc.property(fc.oneof(sheetSnapshot('表1', 0), tableLikeSheet('表1', 0)), (sheet) => {
        for (const t of detectTablesInSheet(sheet)) {
          expect(t.headerRow).toBeGreaterThanOrEqual(0);
          expect(t.bodyEnd).toBeLessThan(Math.max(sheet.values.length, t.headerRow + 1));
          expect(t.confidence).toBeGreaterThan(0);
          expect(t.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('scoring any workbook either gives a report with a finite total or a clear "cannot score" message', () => {
    fc.assert(
      fc.property(fc.tuple(fc.oneof(tableLikeSheet('绩效目标表', 0), sheetSnapshot('绩效目标表', 0)), tableLikeSheet('预算', 1)), (sheets) => {
        const snapshot = { sheets };
        mapWorkbook(snapshot);
        try {
          const { report, patch } = runPipeline(snapshot);
          expect(Number.isFinite(report.total)).toBe(true);
          // A grade is withheld only when the weights or the total are abnormal, and that finding comes first.
          if (report.grade === GRADE_WITHHELD) expect([WEIGHT_TOTAL, TOTAL_ABOVE_100]).toContain(report.findings[0]?.rule);
          else expect(['优', '良', '中', '差']).toContain(report.grade);
          expect(patch.sheets.every((s) => !sheets.some((u) => u.name === s.name))).toBe(true);
          for (const f of report.findings) expect(f.message.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(NotScorableError);
          expect((e as Error).message).toContain('无法评分');
        }
      }),
      { numRuns: 400 },
    );
  });
});
