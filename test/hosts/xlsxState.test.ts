import ExcelJS from 'exceljs';
import type { AddinState } from '../../src/core/snapshot';
import { chunkText, readState, STATE_CHUNK_SIZE, STATE_SHEET_NAME, writeState } from '../../src/hosts/xlsx/stateSheet';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { bytesOf, reload, sheet } from './xlsxFixtures';

describe("the add-in's memory in the workbook", () => {
  const state: AddinState = {
    version: 1,
    ownSheets: [
      { name: '绩效目标（评分）', role: 'scored' },
      { name: '异常清单', role: 'anomalies' },
    ],
    mapping: [{ sheet: '自评表', range: 'A12:H43', role: 'selfEvaluation' }],
    rules: ['gz-songwennuan', 'gz-zengcheng-2023'],
    scheme: 'default',
    drafts: { '产出指标/数量指标/节日送温暖慰问': '未完成：实际完成3000人…原因：（待填写）' },
    highlights: [{ sheet: '发放明细', cell: 'G10', originalFill: null, originalNote: null }],
  };

  it('survives saving and reopening the file, in a very hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('自评表');
    writeState(wb, state);
    const host = await XlsxHost.fromBuffer(await bytesOf(wb));
    expect(readState(host.workbook)).toEqual(state);
    expect(sheet(host.workbook, STATE_SHEET_NAME).state).toBe('veryHidden');
    expect((await host.read()).state).toEqual(state);
  });

  it('keeps a state larger than one cell can hold, split over several cells', async () => {
    const drafts: Record<string, string> = {};
    for (let i = 0; i < 400; i++) drafts[`指标${i}`] = `偏差原因 ${'说明😀 '.repeat(40)}${i}`;
    const big: AddinState = { ...state, drafts };
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('自评表');
    writeState(wb, big);
    const back = await reload(wb);
    expect(sheet(back, STATE_SHEET_NAME).getCell('B1').value).toBeNull();
    expect(sheet(back, STATE_SHEET_NAME).getCell('A2').value).not.toBeNull();
    expect(readState(back)).toEqual(big);
  });

  it('replaces the stored state rather than leaving pieces of a longer earlier one', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('自评表');
    writeState(wb, { ...state, drafts: { x: 'y'.repeat(3 * STATE_CHUNK_SIZE) } });
    writeState(wb, state);
    expect(readState(await reload(wb))).toEqual(state);
    expect(wb.worksheets.filter((ws) => ws.name === STATE_SHEET_NAME)).toHaveLength(1);
  });

  it('never cuts an emoji or other surrogate pair between two cells', () => {
    const text = 'a' + '😀'.repeat(20);
    const chunks = chunkText(text, 4);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk).toBe(Buffer.from(chunk, 'utf8').toString('utf8'));
  });

  it('treats a damaged or foreign state as no state at all', () => {
    const wb = new ExcelJS.Workbook();
    expect(readState(wb)).toBeUndefined();
    const ws = wb.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
    ws.getCell('A1').value = '{"version":1,"ownSheets":[';
    expect(readState(wb)).toBeUndefined();
    ws.getCell('A1').value = '{"version":2,"ownSheets":[]}';
    expect(readState(wb)).toBeUndefined();
    ws.getCell('A1').value = '{"version":1,"ownSheets":[{"name":3}]}';
    expect(readState(wb)).toBeUndefined();
    ws.getCell('A1').value = 42;
    expect(readState(wb)).toBeUndefined();
  });
});
