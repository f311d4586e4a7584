/**
 * What the preview's sheet viewer shows, without a browser: display text as Excel would show it,
 * merges, fills and notes — and that looking at a workbook never changes the copy the user downloads.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runPipeline } from '../../src/core/pipeline';
import { PreviewHost, scoredFileName, type PreviewEvent } from '../../src/preview/previewHost';
import { activeSheetName, displayText, formatNumber, readSheetView, visibleSheetNames } from '../../src/preview/sheetView';

const ROOT = resolve(__dirname, '..', '..');

describe('display text in the sheet viewer', () => {
  test.each([
    [6000000, '#,##0.00', '6,000,000.00'],
    [0.9844, '0.00%', '98.44%'],
    [0.5, '0%', '50%'],
    [1482.64, '0.00', '1482.64'],
    [-3.5, '#,##0.00_);[Red](#,##0.00)', '-3.50'],
    [0.1 + 0.2, undefined, '0.3'],
    [3000, 'General', '3000'],
    [12, '0"人"', '12'],
  ])('%p formatted as %p reads %p', (value, numFmt, shown) => {
    expect(formatNumber(value, numFmt)).toBe(shown);
  });

  test('dates read as dates, errors as Excel writes them, booleans as TRUE/FALSE', () => {
    expect(displayText(new Date(Date.UTC(2023, 4, 1)), 'yyyy-mm-dd')).toBe('2023-05-01');
    expect(displayText(new Date(Date.UTC(2023, 4, 1, 9, 30)), 'yyyy-mm-dd hh:mm')).toBe('2023-05-01 09:30');
    expect(displayText({ error: '#REF!' }, undefined)).toBe('#REF!');
    expect(displayText(true, undefined)).toBe('TRUE');
    expect(displayText(null, undefined)).toBe('');
  });
});

function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发放明细');
  ws.getCell('A1').value = '2023年发放明细';
  ws.mergeCells('A1:C1');
  ws.getRow(2).values = ['姓名', '金额', '日期'];
  ws.getCell('A3').value = '李玉仙';
  ws.getCell('B3').value = 400;
  ws.getCell('B3').numFmt = '#,##0.00';
  ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  ws.getCell('B3').note = '金额低于标准 500 元';
  ws.getCell('C3').value = { formula: 'DATE(2023,4,28)', result: new Date(Date.UTC(2023, 3, 28)) };
  ws.getCell('C3').numFmt = 'yyyy-mm-dd';
  for (let r = 4; r <= 450; r++) ws.getCell(r, 1).value = `职工${r}`;
  wb.addWorksheet('_hidden', { state: 'veryHidden' });
  return wb;
}

describe('a sheet in the viewer', () => {
  test('shows merged titles once, spanning their columns, with fills, notes and formula results', () => {
    const view = readSheetView(sampleWorkbook().getWorksheet('发放明细')!, 200);
    expect(view.columns).toEqual(['A', 'B', 'C']);
    expect(view.rowCount).toBe(450);
    expect(view.rows).toHaveLength(200);
    const [title, covered1, covered2] = view.rows[0].cells;
    expect(title).toMatchObject({ address: 'A1', text: '2023年发放明细', colSpan: 3, rowSpan: 1 });
    expect([covered1, covered2]).toEqual([null, null]);
    const b3 = view.rows[2].cells[1];
    expect(b3).toMatchObject({ address: 'B3', text: '400.00', numeric: true, fill: '#FFC7CE', note: '金额低于标准 500 元' });
    expect(view.rows[2].cells[2]).toMatchObject({ address: 'C3', text: '2023-04-28' });
  });

  test('lists only the sheets a user can see, and the one the workbook opens on', () => {
    const wb = sampleWorkbook();
    expect(visibleSheetNames(wb)).toEqual(['发放明细']);
    expect(activeSheetName(wb)).toBe('发放明细');
  });

  test('looking at a workbook adds no rows, cells or columns to the copy the user downloads', () => {
    const ws = sampleWorkbook().getWorksheet('发放明细')!;
    const before = JSON.stringify(ws.model);
    readSheetView(ws, 1000);
    expect(JSON.stringify(ws.model)).toBe(before);
  });
});

describe('the preview host', () => {
  test('tells the viewer after every apply which sheet Excel would now show, and after every select which cell', async () => {
    const bytes = await readFile(join(ROOT, 'examples', 'kunming-2019-self-evaluation.xlsx'));
    const host = await PreviewHost.fromBuffer(bytes, 'kunming-2019-self-evaluation.xlsx');
    const events: PreviewEvent[] = [];
    const unsubscribe = host.subscribe((e) => events.push(e));
    const { patch } = runPipeline(await host.read(), {});
    await host.apply(patch);
    expect(events).toEqual([{ kind: 'applied', activeSheet: '绩效目标', select: { sheet: '绩效目标', cell: 'A1' } }]);
    await host.select('项目支出绩效自评表', 'G13');
    expect(events[1]).toEqual({ kind: 'selected', sheet: '项目支出绩效自评表', cell: 'G13' });
    expect(host.version).toBe(2);
    unsubscribe();
    await host.select('项目支出绩效自评表', 'A1');
    expect(events).toHaveLength(2);
  });

  test('names the scored copy after the file the user opened', () => {
    expect(scoredFileName('五华2023.xlsx')).toBe('五华2023-评分.xlsx');
    expect(scoredFileName('报表.XLSX')).toBe('报表-评分.xlsx');
    expect(scoredFileName('.xlsx')).toBe('工作簿-评分.xlsx');
  });
});
