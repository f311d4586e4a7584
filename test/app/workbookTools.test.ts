import { readFile } from 'node:fs/promises';
import { clearMarks } from '../../src/app/clearMarks';
import { insertTemplate } from '../../src/app/insertTemplate';
import { runPipeline } from '../../src/core/pipeline';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';

const WUHUA = 'examples/wuhua-2023-separate-sheets.xlsx';

describe('清除标记 through a host', () => {
  it('restores every highlighted cell’s own fill and reports how many, and a second time there is nothing left', async () => {
    const bytes = await readFile(WUHUA);
    const host = await XlsxHost.fromBuffer(bytes);
    const original = await XlsxHost.fromBuffer(bytes);
    const { patch } = runPipeline(await host.read(), { rules: ['km-wuhua-2023'] });
    await host.apply(patch);
    expect(patch.highlights.length).toBeGreaterThan(0);

    expect(await clearMarks(host)).toEqual({ cleared: patch.highlights.length });
    for (const h of patch.highlights) {
      const fill = (x: XlsxHost) => JSON.stringify(x.workbook.getWorksheet(h.sheet)!.getCell(h.cell).fill ?? null);
      expect(fill(host)).toBe(fill(original));
    }
    expect((await host.read()).state?.highlights).toEqual([]);
    expect(await clearMarks(host)).toEqual({ cleared: 0 });
  });
});

describe('插入模板 through a host', () => {
  it('adds 绩效自评表, then 绩效自评表2, and says which', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(WUHUA));
    expect(await insertTemplate(host)).toEqual({ sheet: '绩效自评表' });
    expect(await insertTemplate(host)).toEqual({ sheet: '绩效自评表2' });
    const names = host.workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['绩效自评表', '绩效自评表2']));
  });
});
