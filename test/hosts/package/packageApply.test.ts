/**
 * The package host applies a patch with the xlsx host's semantics (test/hosts/xlsxApply.test.ts): the
 * same cases, written by the package host and read back by ExcelJS, as the officer's Excel would.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { clearPatch } from '../../../src/core/output/clearPatch';
import { withMark } from '../../../src/core/output/ownSheets';
import { HIGHLIGHT_FILLS, type Patch } from '../../../src/core/patch';
import { scoreWorkbook } from '../../../src/app/scoreWorkbook';
import { PackageHost } from '../../../src/hosts/package/packageHost';
import { decodeFill as decodeOfficeFill } from '../../../src/hosts/office/fillCodec';
import { readState, STATE_SHEET_NAME } from '../../../src/hosts/xlsx/stateSheet';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsxHost';
import { bytesOf, emptyState, patchOf, sheet, tabNames, userWorkbook, scored } from '../xlsxFixtures';

/** Applies the patch through the package host and opens the result with ExcelJS. */
async function applied(input: ExcelJS.Workbook | Uint8Array, patch: Patch): Promise<{ wb: ExcelJS.Workbook; bytes: Uint8Array }> {
  const host = PackageHost.fromBuffer(input instanceof Uint8Array ? input : await bytesOf(input));
  await host.read();
  await host.apply(patch);
  const bytes = await host.toBuffer();
  return { wb: (await XlsxHost.fromBuffer(bytes)).workbook, bytes };
}

/** A note's text as the officer reads it, whichever form ExcelJS gives it in. */
function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts ?? [];
  return texts.map((t) => t.text ?? '').join('');
}

describe("the package host writes the add-in's own sheets as the xlsx host does", () => {
  test('a new sheet goes right after the one named, or at the end; the state sheet last, very hidden', async () => {
    const { wb } = await applied(
      userWorkbook(),
      patchOf({
        sheets: [
          scored([[{ v: '一级指标', style: 'header' }]], { after: '自评表' }),
          withMark({ name: '异常清单', role: 'anomalies', rows: [[{ v: '严重程度' }]] }, 'jixiao:anomalies:t1'),
        ],
      }),
    );
    expect(tabNames(wb)).toEqual(['发放明细', '自评表', '绩效目标', '备注', '异常清单', STATE_SHEET_NAME]);
    expect(sheet(wb, STATE_SHEET_NAME).state).toBe('veryHidden');
    expect(readState(wb)?.ownSheets.map((s) => s.name)).toEqual(['绩效目标', '异常清单']);
  });

  test('scoring twice replaces its own sheet in place, leaving nothing of the first run', async () => {
    const first = await applied(userWorkbook(), patchOf({ sheets: [scored([[{ v: 'jixiao:scored:t1' }, { v: '旧' }], [{ v: '旧的第二行' }]])] }));
    const second = await applied(first.bytes, patchOf({ sheets: [scored([[{ v: 'jixiao:scored:t1' }, { v: '新' }]])] }));
    const ws = sheet(second.wb, '绩效目标');
    expect(ws.getCell('B1').value).toBe('新');
    expect(ws.getCell('A2').value).toBeNull();
    expect(tabNames(second.wb).filter((n) => n === '绩效目标')).toHaveLength(1);
    const third = await applied(second.bytes, patchOf({ sheets: [withMark({ name: '异常清单', role: 'anomalies', rows: [[{ v: '严重程度' }]] }, 'jixiao:anomalies:t1')] }));
    expect(tabNames(third.wb)).toEqual(['发放明细', '自评表', '备注', '绩效目标', '异常清单', STATE_SHEET_NAME]);
  });

  test("a sheet the user made is never written over, and nothing changes", async () => {
    const wb = userWorkbook();
    wb.addWorksheet('绩效目标').getCell('A1').value = '用户的';
    const host = PackageHost.fromBuffer(await bytesOf(wb));
    const before = await host.toBuffer();
    await expect(host.apply(patchOf({ sheets: [scored([[{ v: 'x' }]])] }))).rejects.toThrow(/user's sheet/);
    expect(await host.toBuffer()).toEqual(before);
  });

  test('values, styles, merges, widths, a frozen header, a hidden mark column and a link', async () => {
    const { wb } = await applied(
      userWorkbook(),
      {
        ...patchOf({}),
        sheets: [
          {
            name: '绩效目标',
            role: 'scored',
            rows: [
              [{ v: '=SUM(A1)', style: 'header' }, { v: 0.9844, numFmt: '0.00%', style: 'body' }, { v: '张三', link: { sheet: '发放明细', cell: 'A2' } }, { v: 'jixiao:scored:t1' }],
              [{ v: 12.5, numFmt: '#,##0.00' }],
            ],
            merges: ['A3:B3'],
            columnWidths: [20, 12],
            frozenRows: 1,
            hiddenColumns: [3],
            mark: 'jixiao:scored:t1',
          },
        ],
        state: emptyState([{ name: '绩效目标', role: 'scored', mark: 'jixiao:scored:t1' }]),
      },
    );
    const ws = sheet(wb, '绩效目标');
    expect(ws.getCell('A1').value).toBe('=SUM(A1)');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('B1').value).toBe(0.9844);
    expect(ws.getCell('B1').numFmt).toBe('0.00%');
    expect(ws.getCell('A2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C1').value).toMatchObject({ formula: expect.stringContaining("HYPERLINK(\"#'发放明细'!A2\""), result: '张三' });
    expect(ws.getCell('B3').isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('a sheet’s row heights and print set-up: A4, one page wide, title rows repeated, page numbers', async () => {
    const mark = 'jixiao:report:t1';
    const { wb } = await applied(userWorkbook(), {
      ...patchOf({}),
      sheets: [
        {
          name: '自评报告（草稿）',
          role: 'report',
          rows: [[{ v: '一、基本情况', style: 'heading' }, { v: mark }], [{ v: '【待填写】项目背景', style: 'placeholder' }]],
          rowHeights: [null, 48],
          print: { paper: 'A4', orientation: 'portrait', pagesWide: 1, titleRows: { first: 1, last: 1 }, footer: '第 &P 页，共 &N 页' },
          hiddenColumns: [1],
          mark,
        },
      ],
      state: emptyState([{ name: '自评报告（草稿）', role: 'report', mark }]),
    });
    const ws = sheet(wb, '自评报告（草稿）');
    expect(ws.getRow(2).height).toBe(48);
    expect(ws.getRow(1).height).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(ws.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
  });

  test('only its own sheets from an earlier run are removed, never a user’s sheet of the same name', async () => {
    const first = await applied(userWorkbook(), patchOf({ sheets: [scored([[{ v: 'jixiao:scored:t1' }]])] }));
    const removed = await applied(first.bytes, patchOf({ removeSheets: [{ name: '绩效目标', mark: 'jixiao:scored:t1' }, { name: '备注', mark: 'jixiao:scored:t1' }] }));
    expect(tabNames(removed.wb)).toEqual(['发放明细', '自评表', '备注', STATE_SHEET_NAME]);
  });
});

describe('the package host highlights and clears as the xlsx host does', () => {
  const themed = { theme: 5, tint: 0.5999938962981048 };
  const systemBackground = Object.assign<Partial<ExcelJS.Color>, { indexed: number }>({}, { indexed: 64 });
  const themeFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: themed, bgColor: systemBackground };

  async function ledgerWithFormatting(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发放明细');
    ws.getCell('A1').value = '金额';
    ws.getCell('A2').value = 1000;
    ws.getCell('A2').fill = themeFill;
    ws.getCell('A2').note = { texts: [{ text: '王会计:', font: { bold: true, size: 9 } }, { text: '\n已电话核实', font: { size: 9 } }] };
    ws.getCell('A3').value = 2000;
    ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } };
    ws.getCell('A3').note = '已核实';
    ws.getCell('A4').value = '=A2 是文字';
    ws.getCell('B2').value = 3000;
    ws.getCell('B3').value = 3000;
    ws.getCell('B2').numFmt = '#,##0.00';
    ws.getCell('B3').numFmt = '#,##0.00';
    return bytesOf(wb);
  }

  function look(wb: ExcelJS.Workbook, address: string): { value: unknown; fill: unknown; note: unknown } {
    const cell = sheet(wb, '发放明细').getCell(address);
    return { value: cell.value, fill: cell.fill, note: cell.note };
  }

  test('flagged cells get a fill and a note without a value changing; 清除标记 restores them exactly', async () => {
    const input = await ledgerWithFormatting();
    const original = (await XlsxHost.fromBuffer(input)).workbook;
    const cells = ['A2', 'A3', 'A4', 'B2', 'B3', 'C9'];
    const before = cells.map((a) => look(original, a));
    const highlighted = await applied(
      input,
      patchOf({
        highlights: [
          // Two findings on A2, merged by the core (output/highlights.ts) into one highlight: the most severe fill, both messages.
          { sheet: '发放明细', cell: 'A2', severity: 'error', note: '慰问金超过 3,000 元/人/次（原则上）\n金额不在 2000–5000 元之间' },
          { sheet: '发放明细', cell: 'A3', severity: 'info', note: '提示' },
          { sheet: '发放明细', cell: 'A4', severity: 'warning', note: '需核实' },
          { sheet: '发放明细', cell: 'B2', severity: 'error', note: '重复发放' },
          { sheet: '发放明细', cell: 'C9', severity: 'info', note: '空白单元格' },
        ],
      }),
    );
    const wb = highlighted.wb;
    expect(look(wb, 'A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.error } });
    expect(look(wb, 'A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.info } });
    expect(noteText(look(wb, 'A3').note)).toBe('已核实\n提示');
    expect(JSON.stringify(look(wb, 'A2').note)).toContain('已电话核实');
    expect(JSON.stringify(look(wb, 'A2').note)).toContain('金额不在 2000–5000 元之间');
    expect(look(wb, 'B3')).toEqual(before[4]);
    expect(look(wb, 'B2').fill).toMatchObject({ fgColor: { argb: HIGHLIGHT_FILLS.error } });
    expect(sheet(wb, '发放明细').getCell('B2').numFmt).toBe('#,##0.00');
    cells.forEach((a, i) => expect(look(wb, a).value).toEqual(before[i].value));
    expect(readState(wb)?.highlights).toHaveLength(5);

    const state = readState(wb)!;
    const cleared = await applied(highlighted.bytes, clearPatch({ sheets: [], state }));
    cells.forEach((a, i) => expect([a, look(cleared.wb, a)]).toEqual([a, before[i]]));
    expect(readState(cleared.wb)?.highlights).toEqual([]);
  });

  test('re-scoring replaces the previous highlights instead of stacking them', async () => {
    const input = await ledgerWithFormatting();
    const before = look((await XlsxHost.fromBuffer(input)).workbook, 'A3');
    const once = await applied(input, patchOf({ highlights: [{ sheet: '发放明细', cell: 'A3', severity: 'error', note: '第一次' }] }));
    const twice = await applied(once.bytes, patchOf({ highlights: [{ sheet: '发放明细', cell: 'B2', severity: 'warning', note: '第二次' }] }));
    expect(look(twice.wb, 'A3')).toEqual(before);
    expect(look(twice.wb, 'B2').note).toBe('第二次');
    expect(readState(twice.wb)?.highlights?.map((h) => h.cell)).toEqual(['B2']);
  });

  test('keeps the record of highlights when a run neither clears nor highlights', async () => {
    const once = await applied(await ledgerWithFormatting(), patchOf({ highlights: [{ sheet: '发放明细', cell: 'A3', severity: 'error', note: 'x' }] }));
    const again = await applied(once.bytes, patchOf({ state: emptyState() }));
    expect(readState(again.wb)?.highlights?.map((h) => h.cell)).toEqual(['A3']);
  });

  test('its records tell the Office host each cell’s own solid colour or no fill, and a theme colour it leaves alone', async () => {
    const once = await applied(await ledgerWithFormatting(), patchOf({
      highlights: ['A2', 'A3', 'A4', 'C9'].map((cell) => ({ sheet: '发放明细', cell, severity: 'error' as const, note: 'x' })),
    }));
    const records = readState(once.wb)?.highlights ?? [];
    expect(records.map((r) => [r.cell, decodeOfficeFill(r.originalFill).kind])).toEqual([
      ['A2', 'unknown'],
      ['A3', 'solid'],
      ['A4', 'none'],
      ['C9', 'none'],
    ]);
    expect(decodeOfficeFill(records[1].originalFill)).toEqual({ kind: 'solid', color: '#92D050' });
    expect(records[1].originalNote).toBe('已核实');
  });

  test('a copy highlighted here is cleared by the ExcelJS host back to the officer’s solid fill and note', async () => {
    const input = await ledgerWithFormatting();
    const before = look((await XlsxHost.fromBuffer(input)).workbook, 'A3');
    const once = await applied(input, patchOf({ highlights: [{ sheet: '发放明细', cell: 'A3', severity: 'error', note: 'x' }] }));
    const exceljs = await XlsxHost.fromBuffer(once.bytes);
    await exceljs.apply(clearPatch(await exceljs.read()));
    const cleared = (await XlsxHost.fromBuffer(await exceljs.toBuffer())).workbook;
    expect(look(cleared, 'A3').fill).toMatchObject(before.fill as object);
    expect(look(cleared, 'A3').note).toBe('已核实');
  });

  test("puts the cursor on the reviewer's first anomaly", async () => {
    const { wb } = await applied(await ledgerWithFormatting(), patchOf({ select: { sheet: '发放明细', cell: 'B2' } }));
    const views: ExcelJS.WorkbookView[] | undefined = wb.views;
    expect(views?.[0]?.activeTab ?? 0).toBe(0);
    expect(sheet(wb, '发放明细').views[0].activeCell).toBe('B2');
  });
});

describe('the two hosts understand each other’s output', () => {
  test('a copy scored by the package host re-scores on the ExcelJS host, and the reverse, without duplicate sheets', async () => {
    const input = new Uint8Array(readFileSync('examples/zengcheng-2023-index-system.xlsx'));
    const pkg = PackageHost.fromBuffer(input);
    await scoreWorkbook(pkg, { rules: ['gz-zengcheng-2023'] });
    const exceljs = await XlsxHost.fromBuffer(await pkg.toBuffer());
    const outcome = await scoreWorkbook(exceljs, { rules: ['gz-zengcheng-2023'] });
    expect(outcome.status === 'scored' && outcome.report.total).toBe(90);
    expect(tabNames(exceljs.workbook)).toEqual(['评价指标体系', '预算执行', '发放明细', '绩效目标', '异常清单', STATE_SHEET_NAME]);
    const back = PackageHost.fromBuffer(await exceljs.toBuffer());
    const again = await scoreWorkbook(back, { rules: ['gz-zengcheng-2023'] });
    expect(again.status === 'scored' && again.report.total).toBe(90);
    expect((await back.read()).sheets.map((s) => s.name)).toEqual(['评价指标体系', '预算执行', '发放明细', '绩效目标', '异常清单']);
  });
});
