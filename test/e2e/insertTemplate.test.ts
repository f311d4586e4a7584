import { readFile } from 'node:fs/promises';
import { runPipeline } from '../../src/core/pipeline';
import { templatePatch, TEMPLATE_SHEET } from '../../src/core/output/template';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';

const SAMPLE = 'examples/kunming-2019-self-evaluation.xlsx';

describe('插入模板 in an open workbook', () => {
  it('adds a blank 自评表 next to the user’s sheets and leaves every one of them as it was', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(SAMPLE));
    const before = await host.read();
    await host.apply(templatePatch(before));
    const after = await host.read();
    const names = after.sheets.filter((s) => !s.hidden).map((s) => s.name);
    expect(names).toContain(TEMPLATE_SHEET);
    const template = after.sheets.find((s) => s.name === TEMPLATE_SHEET)!;
    expect(template.values[0]?.[0]).toBe('项目支出绩效自评表');
    for (const sheet of before.sheets) {
      expect(after.sheets.find((s) => s.name === sheet.name)?.values).toEqual(sheet.values);
    }
  });

  it('inserted twice, the second is 绩效自评表2, and scoring afterwards never replaces either', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(SAMPLE));
    await host.apply(templatePatch(await host.read()));
    await host.apply(templatePatch(await host.read()));
    const snapshot = await host.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([TEMPLATE_SHEET, `${TEMPLATE_SHEET}2`]));
    const { patch } = runPipeline(snapshot);
    const written = patch.sheets.map((s) => s.name);
    expect(written).not.toContain(TEMPLATE_SHEET);
    expect(patch.removeSheets).not.toContain(TEMPLATE_SHEET);
  });

  it('selecting an anomaly’s cell makes its sheet the active one without changing any value', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(SAMPLE));
    const before = await host.read();
    const last = before.sheets[before.sheets.length - 1];
    await host.select(last.name, 'B3');
    const ws = host.workbook.getWorksheet(last.name)!;
    expect(ws.views[0]?.activeCell).toBe('B3');
    expect((await host.read()).sheets.find((s) => s.name === last.name)?.values).toEqual(last.values);
  });
});
