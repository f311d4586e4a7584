import ExcelJS from 'exceljs';
import { cellAt, formatAt, type SheetSnapshot } from '../../src/core/snapshot';
import { snapshotFromWorkbook } from '../../src/hosts/xlsx/readSnapshot';
import { writeState } from '../../src/hosts/xlsx/stateSheet';
import { reload } from './xlsxFixtures';

function only(wb: ExcelJS.Workbook, name: string): SheetSnapshot {
  const s = snapshotFromWorkbook(wb).sheets.find((sh) => sh.name === name);
  if (!s) throw new Error(`no snapshot for ${name}`);
  return s;
}

describe('reading the workbook a finance officer keeps', () => {
  it('keeps amounts typed as text exactly as typed, stray spaces included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算');
    ws.getCell('A1').value = '6,000,000.00';
    ws.getCell('B1').value = '600，000';
    ws.getCell('C1').value = '２００';
    ws.getCell('D1').value = ' 3100人\u3000';
    ws.getCell('E1').value = '';
    const s = only(await reload(wb), '预算');
    expect(s.values[0]).toEqual(['6,000,000.00', '600，000', '２００', ' 3100人\u3000', '']);
  });

  it('puts A1 at [0][0] and leaves empty rows undefined and rows short', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('C3').value = 5;
    ws.getCell('A5').value = 'x';
    const s = only(await reload(wb), '表');
    expect(s.values.length).toBe(5);
    expect(s.values[0]).toBeUndefined();
    expect(s.values[1]).toBeUndefined();
    expect(s.values[2]).toEqual([null, null, 5]);
    expect(s.values[4]).toEqual(['x']);
    expect(cellAt(s, 2, 2)).toBe(5);
    expect(cellAt(s, 9, 9)).toBeNull();
  });

  it('uses the cached result of a formula and never evaluates it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算');
    ws.getCell('A1').value = 1;
    // The cached result deliberately disagrees with the formula: the result is what the officer saw.
    ws.getCell('A2').value = { formula: 'A1+1', result: 99 };
    ws.getCell('A3').value = { formula: 'A1*3' };
    ws.getCell('A4').value = { formula: 'TEXT(A1,"0")', result: '壹' };
    ws.getCell('A5').value = { formula: 'A1>0', result: true };
    ws.fillFormula('B1:B3', 'A1*2', [2, 40, 6]);
    const s = only(await reload(wb), '预算');
    expect(cellAt(s, 1, 0)).toBe(99);
    expect(cellAt(s, 2, 0)).toBeNull();
    expect(cellAt(s, 3, 0)).toBe('壹');
    expect(cellAt(s, 4, 0)).toBe(true);
    expect([cellAt(s, 0, 1), cellAt(s, 1, 1), cellAt(s, 2, 1)]).toEqual([2, 40, 6]);
  });

  it('reports error values such as #REF! and #DIV/0! as errors, also from formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    ws.getCell('A1').value = { error: '#REF!' };
    ws.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const s = only(await reload(wb), '明细');
    expect(cellAt(s, 0, 0)).toEqual({ error: '#REF!' });
    expect(cellAt(s, 1, 0)).toEqual({ error: '#DIV/0!' });
  });

  it('turns dates into Excel serial numbers and records their format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发放明细');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 4, 1));
    ws.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('B1').value = new Date(Date.UTC(2023, 4, 1, 12));
    ws.getCell('C1').value = { formula: 'DATE(2023,5,1)', result: new Date(Date.UTC(2023, 4, 1)) };
    ws.getCell('C1').numFmt = 'yyyy-mm-dd';

    const inMemory = only(wb, '发放明细');
    expect(cellAt(inMemory, 0, 1)).toBe(45047.5);
    expect(formatAt(inMemory, 0, 1)).toBe('yyyy-mm-dd');

    const s = only(await reload(wb), '发放明细');
    expect(cellAt(s, 0, 0)).toBe(45047);
    expect(formatAt(s, 0, 0)).toBe('yyyy"年"m"月"d"日"');
    expect(cellAt(s, 0, 1)).toBe(45047.5);
    expect(cellAt(s, 0, 2)).toBe(45047);
    expect(formatAt(s, 0, 2)).toBe('yyyy-mm-dd');
  });

  it('records a column of payment dates as one run, split where a date is missing or written another way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发放明细');
    ws.getCell('B1').value = '发放日期';
    for (let r = 2; r <= 9; r++) {
      if (r === 5) continue; // no date on row 5
      ws.getCell(r, 2).value = new Date(Date.UTC(2023, 4, r));
      ws.getCell(r, 2).numFmt = r === 9 ? 'yyyy"年"m"月"d"日"' : 'yyyy-mm-dd';
    }
    const s = only(await reload(wb), '发放明细');
    expect(s.formats).toEqual([
      { col: 1, top: 1, bottom: 3, format: 'yyyy-mm-dd' },
      { col: 1, top: 5, bottom: 7, format: 'yyyy-mm-dd' },
      { col: 1, top: 8, bottom: 8, format: 'yyyy"年"m"月"d"日"' },
    ]);
    expect([formatAt(s, 3, 1), formatAt(s, 4, 1), formatAt(s, 8, 1)]).toEqual(['yyyy-mm-dd', undefined, 'yyyy"年"m"月"d"日"']);
  });

  it('gives the calendar date the officer sees in a workbook using the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('发放明细');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 4, 1));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    const s = only(await reload(wb), '发放明细');
    expect(cellAt(s, 0, 0)).toBe(45047);
  });

  it('keeps percentages as fractions and records the % format, but not cosmetic formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评表');
    ws.getCell('A1').value = 0.9844;
    ws.getCell('A1').numFmt = '0.00%';
    ws.getCell('B1').value = { formula: 'A1', result: 0.5 };
    ws.getCell('B1').numFmt = '0%';
    ws.getCell('C1').value = 6000000;
    ws.getCell('C1').numFmt = '#,##0.00';
    ws.getCell('D1').value = 1482.64;
    ws.getCell('D1').numFmt = '#,##0.00"万元"';
    const s = only(await reload(wb), '自评表');
    expect(s.values[0]).toEqual([0.9844, 0.5, 6000000, 1482.64]);
    expect(s.formats).toEqual([
      { col: 0, top: 0, bottom: 0, format: '0.00%' },
      { col: 1, top: 0, bottom: 0, format: '0%' },
    ]);
  });

  it('lists merged areas with the value in the top-left cell only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('绩效目标');
    ws.getCell('A2').value = '产出指标';
    ws.mergeCells('A2:A5');
    ws.getCell('B1').value = '标题';
    ws.mergeCells('B1:D1');
    ws.getCell('B3').value = 'x';
    const s = only(await reload(wb), '绩效目标');
    expect(s.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 3 },
      { top: 1, left: 0, bottom: 4, right: 0 },
    ]);
    expect(cellAt(s, 1, 0)).toBe('产出指标');
    expect(cellAt(s, 2, 0)).toBeNull();
    expect(cellAt(s, 0, 2)).toBeNull();
  });

  it('reads rich text and hyperlinks as their plain text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('说明');
    ws.getCell('A1').value = { richText: [{ text: '绩效', font: { bold: true } }, { text: '目标' }] };
    ws.getCell('A2').value = { text: '政策文件', hyperlink: 'https://example.org/a.pdf' };
    const s = only(await reload(wb), '说明');
    expect(cellAt(s, 0, 0)).toBe('绩效目标');
    expect(cellAt(s, 1, 0)).toBe('政策文件');
  });

  it('marks hidden and very hidden sheets, keeps tab positions, and leaves out the add-in state sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('自评表');
    wb.addWorksheet('旧表', { state: 'hidden' });
    wb.addWorksheet('参数', { state: 'veryHidden' });
    writeState(wb, { version: 1, ownSheets: [{ name: '绩效目标', role: 'scored' }] });
    const snap = snapshotFromWorkbook(await reload(wb));
    expect(snap.sheets.map((s) => [s.name, s.index, s.hidden ?? false])).toEqual([
      ['自评表', 0, false],
      ['旧表', 1, true],
      ['参数', 2, true],
    ]);
    expect(snap.state?.ownSheets).toEqual([{ name: '绩效目标', role: 'scored' }]);
  });

  it('reports progress per sheet and stops when the officer cancels', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a');
    wb.addWorksheet('b');
    const progress: [number, number][] = [];
    snapshotFromWorkbook(wb, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const controller = new AbortController();
    controller.abort();
    expect(() => snapshotFromWorkbook(wb, { signal: controller.signal })).toThrow();
  });

  it('converts a 100,000-row ledger completely, down to its last cell (speed is measured by npm run bench)', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发放明细');
    for (let r = 1; r <= 100_000; r++) {
      const row = ws.getRow(r);
      row.values = [`职工${r}`, '110101199003074514', '节日慰问', 200 + (r % 7), r, 'x', 1.5, true, '备注', r * 2];
    }
    ws.getCell('D1').numFmt = '0.00%';
    const snap = snapshotFromWorkbook(wb);
    expect(snap.sheets[0].values.length).toBe(100_000);
    expect(snap.sheets[0].values[99_999]?.[9]).toBe(200_000);
    expect(formatAt(snap.sheets[0], 0, 3)).toBe('0.00%');
  });
});
