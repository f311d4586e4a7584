import ExcelJS from 'exceljs';
import { HIGHLIGHT_FILLS, type SheetWrite } from '../../src/core/patch';
import { withMark } from '../../src/core/output/ownSheets';
import { applyPatch } from '../../src/hosts/xlsx/applyPatch';
import { snapshotFromWorkbook } from '../../src/hosts/xlsx/readSnapshot';
import { readState, STATE_SHEET_NAME } from '../../src/hosts/xlsx/stateSheet';
import { emptyState, patchOf, reload, sheet, tabNames, userWorkbook, scored } from './xlsxFixtures';

describe("writing the add-in's own sheets", () => {
  it('puts a new sheet right after the one named, or at the end', async () => {
    const wb = userWorkbook();
    applyPatch(
      wb,
      patchOf({
        sheets: [
          scored([[{ v: '一级指标', style: 'header' }]], { after: '自评表' }),
          withMark({ name: '异常清单', role: 'anomalies', rows: [[{ v: '严重程度' }]] }, 'jixiao:anomalies:t1'),
        ],
      }),
    );
    const back = await reload(wb);
    expect(tabNames(back)).toEqual(['发放明细', '自评表', '绩效目标', '备注', '异常清单', STATE_SHEET_NAME]);
  });

  it('replaces its own sheet in place when scoring twice, leaving nothing of the first run', async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf({ sheets: [scored([[{ v: '第一次' }], [{ v: '旧行' }]], { after: '发放明细', merges: ['A1:C1'] })] }));
    const first = await reload(wb);
    applyPatch(first, patchOf({ sheets: [scored([[{ v: '第二次' }]])] }));
    const back = await reload(first);
    expect(tabNames(back)).toEqual(['发放明细', '绩效目标', '自评表', '备注', STATE_SHEET_NAME]);
    const ws = sheet(back, '绩效目标');
    expect(ws.getCell('A1').value).toBe('第二次');
    expect(ws.getCell('A2').value).toBeNull();
    expect(ws.getCell('B1').isMerged).toBe(false);
    expect(readState(back)?.ownSheets).toEqual([{ name: '绩效目标', role: 'scored' }]);
  });

  it("refuses to write over a sheet the user made, and changes nothing", async () => {
    const wb = userWorkbook();
    const write: SheetWrite = withMark({ name: '备注', role: 'scored', rows: [[{ v: 'x' }]] }, 'jixiao:scored:t1');
    expect(() => applyPatch(wb, patchOf({ sheets: [write], highlights: [{ sheet: '发放明细', cell: 'B2', severity: 'error', note: 'x' }] }))).toThrow(/备注/);
    expect(tabNames(wb)).toEqual(['发放明细', '自评表', '备注']);
    expect(sheet(wb, '备注').getCell('A1').value).toBe('用户自己的表');
    expect(sheet(wb, '发放明细').getCell('B2').fill).toBeUndefined();
  });

  it('treats sheet names the way Excel does, ignoring case', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Rules');
    expect(() => applyPatch(wb, patchOf({ sheets: [withMark({ name: 'rules', role: 'rules', rows: [] }, 'jixiao:rules:t1')] }))).toThrow();
  });

  it("removes only its own sheets from an earlier run, never a user's sheet of the same name", async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf({ sheets: [withMark({ name: '规则', role: 'rules', rows: [[{ v: '规则' }]] }, 'jixiao:rules:t1')] }));
    applyPatch(wb, patchOf({ removeSheets: [{ name: '规则', mark: 'jixiao:rules:t1' }, { name: '备注', mark: 'jixiao:rules:t1' }] }));
    const back = await reload(wb);
    expect(tabNames(back)).toEqual(['发放明细', '自评表', '备注', STATE_SHEET_NAME]);
  });

  it('writes text copied from the workbook as text, even when it starts with "="', async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf({ sheets: [scored([[{ v: '=SUM(A1:A3)' }, { v: "=HYPERLINK(\"http://x\")" }, { v: '+1' }]])] }));
    const ws = sheet(await reload(wb), '绩效目标');
    expect(ws.getCell('A1').value).toBe('=SUM(A1:A3)');
    expect(ws.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A1').formula).toBeUndefined();
    expect(ws.getCell('B1').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('C1').value).toBe('+1');
  });

  it('writes numbers as numbers with their format, styles, merges, widths and a frozen header', async () => {
    const wb = userWorkbook();
    applyPatch(
      wb,
      patchOf({
        sheets: [
          scored(
            [
              [{ v: '绩效目标评分', style: 'title' }, null, null],
              [{ v: '指标', style: 'header' }, { v: '完成率', style: 'header' }, { v: '得分', style: 'header' }],
              [{ v: '节日送温暖慰问', style: 'body' }, { v: 0.9677, numFmt: '0.00%', style: 'short' }, { v: 4.84, numFmt: '0.00', style: 'body' }],
              [{ v: '合计', style: 'total' }, null, { v: 97.54, numFmt: '0.00', style: 'total' }],
            ],
            { merges: ['A1:C1'], columnWidths: [30, 10, 8], frozenRows: 2 },
          ),
        ],
      }),
    );
    const ws = sheet(await reload(wb), '绩效目标');
    expect(ws.getCell('B3').value).toBe(0.9677);
    expect(ws.getCell('B3').numFmt).toBe('0.00%');
    expect(ws.getCell('B3').font?.color?.argb).toBe('FFC00000');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.size).toBe(14);
    expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
    expect(ws.getCell('A2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('A2').alignment?.wrapText).toBe(true);
    expect(ws.getCell('A2').border?.top?.style).toBe('thin');
    expect(ws.getCell('C4').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('links each anomaly to the flagged cell, quoting the sheet name, and shows the link text', async () => {
    const wb = userWorkbook();
    wb.addWorksheet("王's 明细");
    applyPatch(
      wb,
      patchOf({
        sheets: [
          withMark({
            name: '异常清单',
            role: 'anomalies',
            rows: [
              [
                { v: 'B2', link: { sheet: '发放明细', cell: 'B2' } },
                { v: 'A1', link: { sheet: "王's 明细", cell: 'A1' } },
                { v: '="危险" 文字', link: { sheet: '发放明细', cell: 'A1' } },
              ],
            ],
          }, 'jixiao:anomalies:t1'),
        ],
      }),
    );
    const back = await reload(wb);
    const ws = sheet(back, '异常清单');
    expect(ws.getCell('A1').value).toEqual({ formula: 'HYPERLINK("#\'发放明细\'!B2","B2")', result: 'B2' });
    expect(ws.getCell('B1').formula).toBe('HYPERLINK("#\'王\'\'s 明细\'!A1","A1")');
    // Text inside the link stays a quoted literal, so it can never run as a formula of its own.
    expect(ws.getCell('C1').formula).toBe('HYPERLINK("#\'发放明细\'!A1","=""危险"" 文字")');
    const snap = snapshotFromWorkbook(back).sheets.find((s) => s.name === '异常清单');
    expect(snap?.values[0]).toEqual(['B2', 'A1', '="危险" 文字', 'jixiao:anomalies:t1']);
    expect(ws.getColumn(4).hidden).toBe(true);
  });

  it('opens on the sheet the patch activates, with a single selected tab', async () => {
    const wb = userWorkbook();
    applyPatch(wb, patchOf({ sheets: [scored([[{ v: 'x' }]], { activate: true, after: '发放明细' })] }));
    const back = await reload(wb);
    expect(back.views[0].activeTab).toBe(1);
    // ExcelJS drops `tabSelected` when loading, so check what is about to be written.
    const selected = wb.worksheets.filter((ws) => {
      // Sheets without views can have `views` null despite the type.
      const views: Partial<ExcelJS.WorksheetView>[] | null = ws.views;
      return (views ?? []).some((v) => Reflect.get(v, 'tabSelected') === true);
    });
    expect(selected.map((ws) => ws.name)).toEqual(['绩效目标']);
  });

  it("keeps the officer's active sheet when new sheets are inserted before it", async () => {
    const wb = userWorkbook();
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
    applyPatch(wb, patchOf({ sheets: [scored([[{ v: 'x' }]], { after: '发放明细' })] }));
    const back = await reload(wb);
    expect(back.worksheets[back.views[0].activeTab].name).toBe('备注');
  });
});

describe('highlighting flagged cells in the ledger', () => {
  // Excel's own form of a themed fill. ExcelJS reads and writes `tint` and `indexed` but its `Color`
  // type lacks them, so the colours are built outside the literal to pass the type check.
  const themed = { theme: 5, tint: 0.5999938962981048 };
  const systemBackground = Object.assign<Partial<ExcelJS.Color>, { indexed: number }>({}, { indexed: 64 });
  const themeFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: themed, bgColor: systemBackground };

  /** A ledger as Excel leaves it: a themed fill with a note, a plain fill, shared styles, bare cells. */
  async function ledgerWithFormatting(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发放明细');
    ws.getCell('A1').value = '金额';
    ws.getCell('A2').value = 1000;
    ws.getCell('A2').fill = themeFill;
    ws.getCell('A2').note = {
      texts: [
        { text: '王会计:', font: { bold: true, size: 9 } },
        { text: '\n已电话核实', font: { size: 9 } },
      ],
    };
    ws.getCell('A3').value = 2000;
    ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } };
    ws.getCell('A3').note = '已核实';
    ws.getCell('A4').value = '=A2 是文字';
    ws.getCell('B2').value = 3000;
    ws.getCell('B3').value = 3000;
    // B2 and B3 share one style object once loaded; highlighting B2 must not repaint B3.
    ws.getCell('B2').numFmt = '#,##0.00';
    ws.getCell('B3').numFmt = '#,##0.00';
    return reload(wb);
  }

  function look(wb: ExcelJS.Workbook, address: string): { value: unknown; fill: unknown; note: unknown } {
    const cell = sheet(wb, '发放明细').getCell(address);
    return { value: cell.value, fill: cell.fill, note: cell.note };
  }

  it('fills and annotates flagged cells without touching their values, then 清除标记 restores them exactly', async () => {
    const original = await ledgerWithFormatting();
    const cells = ['A2', 'A3', 'A4', 'B2', 'B3', 'C9'];
    const before = cells.map((a) => look(original, a));

    applyPatch(
      original,
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
    const highlighted = await reload(original);
    expect(look(highlighted, 'A2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.error } });
    expect(look(highlighted, 'A3').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.info } });
    expect(look(highlighted, 'A3').note).toBe('已核实\n提示');
    const richNote = look(highlighted, 'A2').note;
    expect(JSON.stringify(richNote)).toContain('已电话核实');
    expect(JSON.stringify(richNote)).toContain('金额不在 2000–5000 元之间');
    expect(look(highlighted, 'B3')).toEqual(before[4]);
    cells.forEach((a, i) => expect(look(highlighted, a).value).toEqual(before[i].value));
    expect(readState(highlighted)?.highlights).toHaveLength(5);

    applyPatch(highlighted, patchOf({ clearHighlights: true }));
    const cleared = await reload(highlighted);
    cells.forEach((a, i) => expect(look(cleared, a)).toEqual(before[i]));
    expect(readState(cleared)?.highlights).toEqual([]);
  });

  it('re-scoring replaces the previous highlights instead of stacking them', async () => {
    const wb = await ledgerWithFormatting();
    const before = look(wb, 'A3');
    applyPatch(wb, patchOf({ highlights: [{ sheet: '发放明细', cell: 'A3', severity: 'error', note: '第一次' }] }));
    const once = await reload(wb);
    applyPatch(once, patchOf({ highlights: [{ sheet: '发放明细', cell: 'B2', severity: 'warning', note: '第二次' }] }));
    const twice = await reload(once);
    expect(look(twice, 'A3')).toEqual(before);
    expect(look(twice, 'B2').note).toBe('第二次');
    expect(readState(twice)?.highlights?.map((h) => h.cell)).toEqual(['B2']);
  });

  it('keeps the record of highlights when a run neither clears nor highlights', async () => {
    const wb = await ledgerWithFormatting();
    applyPatch(wb, patchOf({ highlights: [{ sheet: '发放明细', cell: 'A3', severity: 'error', note: 'x' }] }));
    applyPatch(wb, patchOf({ state: emptyState() }));
    expect(readState(wb)?.highlights?.map((h) => h.cell)).toEqual(['A3']);
  });

  it('restores a plain solid fill and a plain note in the form the contract describes', async () => {
    const wb = await ledgerWithFormatting();
    applyPatch(wb, patchOf({ highlights: [{ sheet: '发放明细', cell: 'A3', severity: 'error', note: 'x' }, { sheet: '发放明细', cell: 'C9', severity: 'error', note: 'y' }] }));
    expect(readState(wb)?.highlights).toEqual([
      { sheet: '发放明细', cell: 'A3', originalFill: 'FF92D050', originalNote: '已核实' },
      { sheet: '发放明细', cell: 'C9', originalFill: null, originalNote: null },
    ]);
  });

  it('remembers a themed fill whole, since an ARGB colour cannot describe it', async () => {
    const wb = await ledgerWithFormatting();
    applyPatch(wb, patchOf({ highlights: [{ sheet: '发放明细', cell: 'A2', severity: 'error', note: 'x' }] }));
    const record = readState(wb)?.highlights?.[0];
    expect(JSON.parse(record?.originalFill ?? 'null')).toEqual(themeFill);
    expect(record?.originalNote).toBe('王会计:\n已电话核实');
  });

  it("puts the cursor on the reviewer's first anomaly", async () => {
    const wb = await ledgerWithFormatting();
    applyPatch(wb, patchOf({ select: { sheet: '发放明细', cell: 'B2' } }));
    const back = await reload(wb);
    expect(back.views[0].activeTab).toBe(0);
    expect(sheet(back, '发放明细').views[0].activeCell).toBe('B2');
  });

  it('refuses a highlight on a sheet that does not exist, before changing anything', () => {
    const wb = userWorkbook();
    expect(() => applyPatch(wb, patchOf({ sheets: [scored([[{ v: 'x' }]])], highlights: [{ sheet: '不存在', cell: 'A1', severity: 'info', note: 'x' }] }))).toThrow();
    expect(tabNames(wb)).toEqual(['发放明细', '自评表', '备注']);
  });

  it('refuses two highlights on one cell (the core merges them), before changing anything', () => {
    const wb = userWorkbook();
    const twice = [
      { sheet: '发放明细', cell: 'A2', severity: 'warning' as const, note: '一' },
      { sheet: '发放明细', cell: '$a$2', severity: 'error' as const, note: '二' },
    ];
    expect(() => applyPatch(wb, patchOf({ sheets: [scored([[{ v: 'x' }]])], highlights: twice }))).toThrow('highlighted twice');
    expect(tabNames(wb)).toEqual(['发放明细', '自评表', '备注']);
  });
});
