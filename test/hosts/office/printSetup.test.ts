/**
 * The Office host prints the own sheets as the xlsx host does (issue 15, item 11): in Excel with
 * ExcelApi 1.9, 绩效目标 and 异常清单 get A4 landscape, one page wide, their header rows repeated and the
 * page footer; on every Excel, the rows whose wrapped text needs more than one line get their height.
 * An Excel without 1.9 still scores and writes the sheets, with its default print set-up.
 */
import { scoreWorkbook } from '../../../src/app/scoreWorkbook';
import { runPipeline } from '../../../src/core/pipeline';
import { fakeFromXlsx, officeHostOn, xlsxHostOf } from './officeFixtures';

const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';

describe('the printed 绩效目标 and 异常清单 through Office.js', () => {
  test('昆明 scored in Excel: A4 landscape, one page wide, the indicator header on every page, 第 &P 页，共 &N 页, and rows as tall as their text', async () => {
    const xlsx = await xlsxHostOf(KUNMING);
    const excel = await fakeFromXlsx(xlsx);
    const outcome = await scoreWorkbook(officeHostOn(excel));
    expect(outcome.status).toBe('scored');
    const { patch } = runPipeline(await xlsx.read());
    for (const write of patch.sheets) {
      const sheet = excel.model.find(write.name)!;
      expect({ sheet: write.name, layout: sheet.pageLayout }).toEqual({
        sheet: write.name,
        layout: {
          orientation: 'Landscape',
          paperSize: 'A4',
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: `$${write.print!.titleRows!.first}:$${write.print!.titleRows!.last}`,
          centerFooter: '第 &P 页，共 &N 页',
        },
      });
      const tall = (write.rowHeights ?? []).flatMap((h, r) => (h === null ? [] : [[r, h] as const]));
      expect(tall.length).toBeGreaterThan(0);
      for (const [r, h] of tall) expect({ row: r + 1, height: sheet.rowHeights.get(r) }).toEqual({ row: r + 1, height: h });
    }
    // 绩效目标 repeats its indicator table's header row: the one that starts with 一级指标.
    const scored = patch.sheets.find((s) => s.role === 'scored')!;
    expect(scored.rows[scored.print!.titleRows!.first - 1]?.[0]?.v).toBe('一级指标');
  });

  test('an Excel without ExcelApi 1.9 writes the same sheets and heights, and leaves the print set-up as it was', async () => {
    const excel = await fakeFromXlsx(await xlsxHostOf(KUNMING), { api: '1.8' });
    const outcome = await scoreWorkbook(officeHostOn(excel));
    expect(outcome.status).toBe('scored');
    const sheet = excel.model.find('绩效目标')!;
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.rowHeights.size).toBeGreaterThan(0);
  });
});
