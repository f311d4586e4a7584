import ExcelJS from 'exceljs';
import { withMark } from '../../src/core/output/ownSheets';
import fc from 'fast-check';
import { a1 } from '../../src/core/address';
import type { CellHighlight, SheetWrite } from '../../src/core/patch';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { applyPatch } from '../../src/hosts/xlsx/applyPatch';
import { snapshotFromWorkbook } from '../../src/hosts/xlsx/readSnapshot';
import { patchOf, reload, sheet } from './xlsxFixtures';

/** What a ledger cell can hold, as ExcelJS takes it. */
type Input = string | number | boolean | Date | null | { error: ExcelJS.CellErrorValue['error'] };

const text = fc.oneof(
  fc.constantFrom('张三', '节日送温暖慰问', '６，０００元', ' 3100人 ', '≥90%', '', '=SUM(A1:A3)', '=1+1', '+1', "'quoted", 'TRUE', '123'),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '=', '-', '.', '，', '元', '绩', '效', '\u3000', '%', '😀'), maxLength: 12 }),
);
const number = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((n) => !Object.is(n, -0)),
  fc.constantFrom(0.9844, 1482.64, 6000000, 1e-7),
);
// Whole-second dates from 1900-03-01 (where Excel's serials start being reliable) to 9999.
const date = fc
  .integer({ min: Date.UTC(1900, 2, 1) / 1000, max: Date.UTC(9999, 11, 31) / 1000 })
  .map((s) => new Date(s * 1000));
const error = fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!').map((e) => ({ error: e }));
const cell: fc.Arbitrary<Input> = fc.oneof(text, number, fc.boolean(), date, fc.constant(null), error);
const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

function buildWorkbook(sheets: Input[][][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((rows, i) => {
    const ws = wb.addWorksheet(i === 0 ? '发放明细' : `表${i}`);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = v;
        if (v instanceof Date) target.numFmt = 'yyyy-mm-dd hh:mm:ss';
      }),
    );
  });
  return wb;
}

function valuesOf(sheets: SheetSnapshot[]): Record<string, SheetSnapshot['values']> {
  return Object.fromEntries(sheets.map((s) => [s.name, s.values]));
}

describe('applying a patch never changes a value in the officer’s sheets', () => {
  it('holds for arbitrary ledgers, highlights and added sheets, through save and reload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(grid, { minLength: 1, maxLength: 2 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom<CellHighlight['severity']>('error', 'warning', 'info')), { maxLength: 10 }),
        async (sheets, picks) => {
          const wb = buildWorkbook(sheets);
          const before = snapshotFromWorkbook(wb);
          // The same workbook merely saved and reopened: how its cells look with no patch applied.
          const untouched = await reload(buildWorkbook(sheets));

          // One highlight per cell, as the core gives them (validatePatch refuses a cell twice).
          const byCell = new Map<string, CellHighlight>();
          for (const [sheetPick, cellPick, severity] of picks) {
            const s = before.sheets[sheetPick % before.sheets.length];
            const rows = sheets[sheetPick % sheets.length];
            const r = cellPick % rows.length;
            const c = Math.floor(cellPick / rows.length) % rows[r].length;
            const h = { sheet: s.name, cell: a1(r, c), severity, note: `第${r + 1}行有问题` };
            if (!byCell.has(`${h.sheet}!${h.cell}`)) byCell.set(`${h.sheet}!${h.cell}`, h);
          }
          const highlights = [...byCell.values()];
          const written: SheetWrite[] = [
            withMark({ name: '绩效目标', role: 'scored', rows: [[{ v: '=A1 不是公式' }, { v: 97.54, numFmt: '0.00' }]], after: '发放明细', activate: true }, 'jixiao:scored:t1'),
            withMark({ name: '异常清单', role: 'anomalies', rows: highlights.map((h) => [{ v: h.cell, link: { sheet: h.sheet, cell: h.cell } }, { v: h.note }]) }, 'jixiao:anomalies:t1'),
          ];

          applyPatch(wb, patchOf({ sheets: written, highlights }));
          const scored = await reload(wb);
          const after = snapshotFromWorkbook(scored);
          const source = after.sheets.filter((s) => !['绩效目标', '异常清单'].includes(s.name));
          expect(valuesOf(source)).toEqual(valuesOf(before.sheets));
          expect(after.sheets.map((s) => s.name)).toContain('异常清单');

          applyPatch(scored, patchOf({ clearHighlights: true, removeSheets: written.map((w) => ({ name: w.name, mark: w.mark })) }));
          const cleared = await reload(scored);
          expect(valuesOf(snapshotFromWorkbook(cleared).sheets)).toEqual(valuesOf(before.sheets));
          for (const h of highlights) {
            expect(sheet(cleared, h.sheet).getCell(h.cell).fill).toEqual(sheet(untouched, h.sheet).getCell(h.cell).fill);
            expect(sheet(cleared, h.sheet).getCell(h.cell).note).toBeUndefined();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
