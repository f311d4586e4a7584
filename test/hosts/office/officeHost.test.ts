/**
 * The Office host's own contract, on small workbooks: what it reads, how it writes the add-in's sheets
 * (text stays text, formats, links, merges, widths), which sheets it may touch, where it remembers the
 * officer's choice, progress and cancellation, and selecting a cell.
 */
import { scoreWorkbook } from '../../../src/app/scoreWorkbook';
import { mapWorkbook } from '../../../src/core/detect/mapping';
import { withMark } from '../../../src/core/output/ownSheets';
import type { Patch, SheetContent, SheetWrite } from '../../../src/core/patch';
import type { AddinState, WorkbookSnapshot } from '../../../src/core/snapshot';
import { columnWidthPoints } from '../../../src/hosts/office/cellFormat';
import { OfficeHost, type Runner } from '../../../src/hosts/office/officeHost';
import { rowsPerRead } from '../../../src/hosts/office/payload';
import { SETTINGS_KEY, STATE_SHEET_NAME } from '../../../src/hosts/office/stateStore';
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from '../../support/fakeExcel';
import { LEDGER, LEDGER_COLUMNS, LEDGER_TOP, largeLedgerSnapshot } from './largeLedger';
import { officeHostOn } from './officeFixtures';

function userWorkbook(state?: AddinState, api?: string): FakeExcel {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      {
        name: '项目支出绩效自评表',
        index: 0,
        values: [['项目名称', '困难职工帮扶'], undefined, ['执行率', 0.9844, true, { error: '#REF!' }]],
        formats: [{ col: 1, top: 2, bottom: 2, format: '0.00%' }],
        merges: [{ top: 0, left: 1, bottom: 0, right: 3 }],
      },
      {
        name: '发放明细',
        index: 1,
        values: [['姓名', '发放日期'], ['张三', 45047]],
        formats: [{ col: 1, top: 1, bottom: 1, format: 'yyyy"年"m"月"d"日"' }],
        merges: [],
      },
      { name: '绩效目标', index: 2, values: [['我自己的表']], merges: [] },
      { name: '备用', index: 3, hidden: true, values: [], merges: [] },
    ],
  };
  if (state) snapshot.state = state;
  return FakeExcel.fromSnapshot(snapshot, { api });
}

const state = (ownSheets: AddinState['ownSheets'] = [], extra: Partial<AddinState> = {}): AddinState => ({ version: 1, ownSheets, ...extra });

function patchOf(parts: Partial<Patch>): Patch {
  return {
    sheets: [],
    removeSheets: [],
    highlights: [],
    clearHighlights: false,
    state: state(parts.sheets?.map((s) => ({ name: s.name, role: s.role })) ?? []),
    ...parts,
  };
}

/** An own sheet as the pipeline writes it: marked, so a later apply may replace it. */
const sheet = (name: string, rows: SheetWrite['rows'], extra: Partial<SheetContent> = {}): SheetWrite =>
  withMark({ name, role: 'scored', rows, ...extra }, `jixiao:${extra.role ?? 'scored'}:t1`);

describe('reading', () => {
  test('gives the snapshot: values as Excel shows them, errors, percentage and date formats, merges, hidden sheets, tab order', async () => {
    const excel = userWorkbook();
    const snapshot = await officeHostOn(excel).read();
    expect(snapshot.sheets.map((s) => [s.name, s.index, s.hidden ?? false])).toEqual([
      ['项目支出绩效自评表', 0, false],
      ['发放明细', 1, false],
      ['绩效目标', 2, false],
      ['备用', 3, true],
    ]);
    expect(snapshot.sheets[0]).toEqual({
      name: '项目支出绩效自评表',
      index: 0,
      values: [['项目名称', '困难职工帮扶'], undefined, ['执行率', 0.9844, true, { error: '#REF!' }]],
      formats: [{ col: 1, top: 2, bottom: 2, format: '0.00%' }],
      merges: [{ top: 0, left: 1, bottom: 0, right: 3 }],
    });
    expect(snapshot.sheets[1].formats).toEqual([{ col: 1, top: 1, bottom: 1, format: 'yyyy"年"m"月"d"日"' }]);
    expect(snapshot.sheets[3].values).toEqual([]);
    expect(snapshot.state).toBeUndefined();
  });

  test('without ExcelApi 1.13 merged areas are not read, and the officer is told so; everything else is read', async () => {
    const snapshot = await officeHostOn(userWorkbook(undefined, '1.12')).read();
    expect(snapshot.sheets[0].merges).toEqual([]);
    expect(snapshot.sheets[0].values[2]).toEqual(['执行率', 0.9844, true, { error: '#REF!' }]);
    expect(snapshot.mergesUnread).toBe(true);
    const findings = mapWorkbook(snapshot).findings;
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['merges-unread', 'info']);
    expect(findings.find((f) => f.rule === 'merges-unread')!.message).toContain('无法读取合并单元格');
    expect((await officeHostOn(userWorkbook()).read()).mergesUnread).toBeUndefined();
  });

  test('reports progress by sheet and stops when cancelled', async () => {
    const excel = userWorkbook();
    const seen: [number, number][] = [];
    await officeHostOn(excel).read({ onProgress: (done, total) => seen.push([done, total]) });
    expect(seen[seen.length - 1]).toEqual([4, 4]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0])).toBe(true);

    const controller = new AbortController();
    controller.abort();
    const before = excel.syncs.length;
    await expect(officeHostOn(excel).read({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(excel.syncs.length).toBe(before);
    expect(await scoreWorkbook(officeHostOn(excel), {}, { signal: controller.signal })).toEqual({ status: 'cancelled' });
  });

  test('sizes its read requests by the sheet\'s width, and a block that turns out too big is read again in halves', async () => {
    expect(rowsPerRead(3)).toBeGreaterThan(rowsPerRead(60) * 15);
    expect(rowsPerRead(10) * 10 * 48).toBeLessThanOrEqual(4_000_000);
    // 6,000 short cells, then 6,000 of 300 characters (about 5.4 MB on their own).
    const long = '困难职工帮扶情况说明'.repeat(30);
    const values = Array.from({ length: 12_000 }, (_, i) => [i < 6000 ? `a${i}` : `${long}${i}`]);
    const excel = FakeExcel.fromSnapshot({ sheets: [{ name: '说明', index: 0, values, merges: [] }] });
    const snapshot = await officeHostOn(excel).read();
    expect(snapshot.sheets[0].values).toEqual(values);
    expect(excel.syncs.every((s) => s.requestBytes < FAKE_PAYLOAD_LIMIT)).toBe(true);
  });

  test('a ledger read in several blocks keeps each date column as one run of formats', async () => {
    const rows = 3 * rowsPerRead(LEDGER_COLUMNS);
    const given = (await largeLedgerSnapshot(rows, 0)).sheets.find((s) => s.name === LEDGER)!;
    const excel = FakeExcel.fromSnapshot({ sheets: [given] });
    const host = officeHostOn(excel);
    const read = (await host.read()).sheets[0];
    expect(host.lastRead.syncs).toBeGreaterThan(4);
    expect(read.formats).toEqual([7, 8, 9].map((col) => ({ col, top: LEDGER_TOP, bottom: LEDGER_TOP + rows - 1, format: 'yyyy-mm-dd' })));
  });
});

describe('writing the add-in\'s sheets', () => {
  test('text copied from the workbook stays text — never a formula, number, percentage or date', async () => {
    const excel = userWorkbook();
    const texts = ['=SUM(B1:B9)', '001', '50%', '2023-05-01', '-3 元', '+86 20 1234', 'TRUE'];
    await officeHostOn(excel).apply(patchOf({ sheets: [sheet('异常清单', [texts.map((v) => ({ v }))], { role: 'anomalies' })] }));
    const written = texts.map((_, c) => excel.model.cell('异常清单', `${String.fromCharCode(65 + c)}1`));
    expect(written.map((w) => w.value)).toEqual(texts);
    expect(written.every((w) => w.formula === undefined && w.numberFormat === '@')).toBe(true);
  });

  test('numbers keep their number formats, links point at their cell, merges, widths and frozen rows are set', async () => {
    const excel = userWorkbook();
    await officeHostOn(excel).apply(
      patchOf({
        sheets: [
          sheet('绩效目标（评分）', [
            [{ v: '项目支出绩效目标评分表', style: 'title' }],
            [{ v: '执行率', style: 'header' }, { v: 0.9844, numFmt: '0.00%', style: 'body' }, { v: 9.84, numFmt: '0.00', style: 'total' }],
            [{ v: 'B2', link: { sheet: '发放明细', cell: 'B2' } }, { v: null, link: { sheet: "O'Brien 表", cell: 'C3' } }],
          ], { merges: ['A1:C1'], columnWidths: [12, 0, 30], frozenRows: 2 }),
        ],
      }),
    );
    const m = excel.model;
    expect(m.cell('绩效目标（评分）', 'A1')).toMatchObject({ value: '项目支出绩效目标评分表', format: { bold: true, size: 14, align: 'Center' } });
    expect(m.cell('绩效目标（评分）', 'A2').format).toMatchObject({ bold: true, fill: { color: '#D9E1F2' }, wrap: true, borders: expect.arrayContaining(['EdgeTop', 'InsideHorizontal']) });
    expect(m.cell('绩效目标（评分）', 'B2')).toMatchObject({ value: 0.9844, numberFormat: '0.00%' });
    expect(m.cell('绩效目标（评分）', 'C2')).toMatchObject({ value: 9.84, numberFormat: '0.00', format: { fill: { color: '#FFF2CC' } } });
    expect(m.cell('绩效目标（评分）', 'A3')).toMatchObject({ value: 'B2', formula: `=HYPERLINK("#'发放明细'!B2","B2")`, format: { underline: 'Single', fontColor: '#0563C1' } });
    expect(m.cell('绩效目标（评分）', 'B3')).toMatchObject({ value: "O'Brien 表!C3", formula: `=HYPERLINK("#'O''Brien 表'!C3","O'Brien 表!C3")` });
    const ws = m.sheet('绩效目标（评分）');
    expect(ws.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect([ws.columnWidths.get(0), ws.columnWidths.has(1), ws.columnWidths.get(2)]).toEqual([columnWidthPoints(12), false, columnWidthPoints(30)]);
    // Excel's default column, 9.140625 in the file (8.43 characters shown), is 64 pixels: 48 points.
    expect(columnWidthPoints(9.140625)).toBe(48);
    expect(ws.frozenRows).toBe(2);
  });

  test('a sheet bigger than one request is written in blocks, each under 5 MB', async () => {
    const excel = userWorkbook();
    const text = '发放对象身份证号校验码不符，请核对原始申请材料。'.repeat(8);
    const rows = Array.from({ length: 20_000 }, (_, i) => [{ v: i + 1, numFmt: '0' }, { v: `${text}${i}`, style: 'body' as const }]);
    const host = officeHostOn(excel);
    await host.apply(patchOf({ sheets: [sheet('异常清单', rows, { role: 'anomalies' })] }));
    expect(host.lastApply.volumeSyncs).toBeGreaterThanOrEqual(2);
    expect(excel.syncs.every((s) => s.requestBytes < FAKE_PAYLOAD_LIMIT)).toBe(true);
    expect(excel.model.cell('异常清单', 'B20000').value).toBe(`${text}19999`);
    expect(excel.model.cell('异常清单', 'A20000')).toMatchObject({ value: 20000, numberFormat: '0' });
  });
});

describe('which sheets the host may touch', () => {
  test('refuses to overwrite a sheet the user made, and changes nothing', async () => {
    const excel = userWorkbook();
    const before = await officeHostOn(excel).read();
    await expect(officeHostOn(excel).apply(patchOf({ sheets: [sheet('绩效目标', [[{ v: 'x' }]])] }))).rejects.toThrow(/refusing to overwrite the user's sheet "绩效目标"/);
    expect(await officeHostOn(excel).read()).toEqual(before);
  });

  test('replaces its own sheets in place, removes only its own, and never removes a user\'s sheet', async () => {
    const excel = userWorkbook(state([{ name: '异常清单', role: 'anomalies' }, { name: '规则', role: 'rules' }]));
    const m = excel.model;
    m.add('异常清单').setValue(0, 0, '旧的');
    m.sheet('异常清单').setValue(0, 1, 'jixiao:anomalies:t1');
    m.add('规则').setValue(0, 0, 'jixiao:rules:t1');
    m.move(m.sheet('异常清单'), 1);
    await officeHostOn(excel).apply(
      patchOf({
        sheets: [sheet('异常清单', [[{ v: '新的' }]], { role: 'anomalies' })],
        removeSheets: [{ name: '规则', mark: 'jixiao:rules:t1' }, { name: '发放明细', mark: 'jixiao:rules:t1' }],
        state: state([{ name: '异常清单', role: 'anomalies' }]),
      }),
    );
    expect(m.names()).toEqual(['项目支出绩效自评表', '异常清单', '发放明细', '绩效目标', '备用', STATE_SHEET_NAME]);
    expect(m.cell('异常清单', 'A1').value).toBe('新的');
    expect(m.sheet(STATE_SHEET_NAME).visibility).toBe('VeryHidden');
  });

  test('a sheet created by an apply that then failed is still known as the add-in\'s, so the next run rewrites it', async () => {
    const excel = userWorkbook();
    let runs = 0;
    const flaky: Runner = (batch, options) => (++runs === 2 ? Promise.reject(new Error('连接中断')) : excel.run(batch, options));
    const write = sheet('异常清单', [[{ v: '违规' }]], { role: 'anomalies' });
    await expect(new OfficeHost({ run: flaky, supports: excel.supports }).apply(patchOf({ sheets: [write] }))).rejects.toThrow('连接中断');
    expect(excel.model.cell('异常清单', 'A1').value).toBeNull();
    const host = officeHostOn(excel);
    expect((await host.read()).state!.ownSheets).toEqual([{ name: '异常清单', role: 'anomalies', mark: 'jixiao:anomalies:t1' }]);
    await host.apply(patchOf({ sheets: [write] }));
    expect(excel.model.cell('异常清单', 'A1').value).toBe('违规');
  });

  test('highlights are recorded before they are drawn: an apply that fails while drawing is cleared completely', async () => {
    const excel = userWorkbook();
    // The officer's own fills on two of the cells about to be flagged.
    excel.model.setFill('发放明细', 'A2', '#00B050');
    excel.model.setFill('项目支出绩效自评表', 'B3', '#FFFF00');
    const cells = [['发放明细', 'A2'], ['发放明细', 'B2'], ['项目支出绩效自评表', 'B3'], ['项目支出绩效自评表', 'A1']] as const;
    const highlights = cells.map(([s, cell], i) => ({ sheet: s, cell, severity: i % 2 === 0 ? ('error' as const) : ('warning' as const), note: `第${i + 1}条` }));
    // The second fill colour drawn fails: the first is on its cells, the rest never come.
    excel.failing = { action: 'color', after: 1 };
    await expect(officeHostOn(excel).apply(patchOf({ highlights }))).rejects.toThrow('injected failure');
    expect(excel.failing).toBeUndefined();
    const drawn = cells.filter(([s, cell]) => ['#FFC7CE', '#FFEB9C'].includes(excel.model.fillOf(s, cell) ?? ''));
    expect(drawn.length).toBeGreaterThan(0);

    const host = officeHostOn(excel);
    expect((await host.read()).state!.highlights!.map((h) => `${h.sheet}!${h.cell}`)).toEqual(cells.map(([s, c]) => `${s}!${c}`));
    await host.apply(patchOf({ clearHighlights: true }));
    expect(cells.map(([s, cell]) => excel.model.fillOf(s, cell))).toEqual(['#00B050', null, '#FFFF00', null]);
  });

  test('a 插入模板 sheet is placed after its neighbour, activated, left out of the state, and never overwritten', async () => {
    const excel = userWorkbook();
    const host = officeHostOn(excel);
    const template = { name: '绩效目标申报表', rows: [[{ v: '一级指标', style: 'header' as const }]], after: '项目支出绩效自评表', activate: true };
    await host.apply(patchOf({ newSheets: [template] }));
    expect(excel.model.names().slice(0, 2)).toEqual(['项目支出绩效自评表', '绩效目标申报表']);
    expect(excel.model.active?.name).toBe('绩效目标申报表');
    expect((await host.read()).state!.ownSheets).toEqual([]);
    await expect(host.apply(patchOf({ newSheets: [template] }))).rejects.toThrow('new sheet "绩效目标申报表" already exists');
  });
});

describe('remembering the officer\'s choice', () => {
  test('the state sheet is laid out as the xlsx host\'s, and the mapping, rules and scheme are mirrored in the workbook settings', async () => {
    const excel = userWorkbook();
    const host = officeHostOn(excel);
    const chosen = state([{ name: '异常清单', role: 'anomalies' }], {
      mapping: [{ sheet: '发放明细', role: 'ledger' }],
      rules: ['gz-zengcheng-2023'],
      scheme: 'default',
      drafts: { k: '（待填写）' },
    });
    await host.apply(patchOf({ sheets: [sheet('异常清单', [[{ v: '无' }]], { role: 'anomalies' })], state: chosen }));
    expect(excel.model.cell(STATE_SHEET_NAME, 'A1')).toMatchObject({ value: JSON.stringify({ ...chosen, highlights: [] }), numberFormat: '@' });
    expect(JSON.parse(excel.model.settings.get(SETTINGS_KEY) as string)).toEqual({ mapping: chosen.mapping, rules: chosen.rules, scheme: 'default' });
    expect((await host.read()).state).toEqual({ ...chosen, highlights: [] });

    // The state sheet deleted by another tool: the choice survives, the own sheets are no longer trusted.
    excel.model.remove(excel.model.sheet(STATE_SHEET_NAME));
    expect((await host.read()).state).toEqual({ version: 1, ownSheets: [], mapping: chosen.mapping, rules: chosen.rules, scheme: 'default' });
  });
});

describe('a state bigger than one request', () => {
  test('60,000 highlight records (over 5 MB of JSON) are read back in several requests and all restored', async () => {
    const values = Array.from({ length: 60_002 }, (_, r) => [r < 2 ? '金额' : 600]);
    const highlights = Array.from({ length: 60_000 }, (_, i) => ({ sheet: '发放明细（2023年度困难职工帮扶）', cell: `A${i + 3}`, originalFill: null, originalNote: null }));
    const excel = FakeExcel.fromSnapshot({
      sheets: [{ name: '发放明细（2023年度困难职工帮扶）', index: 0, values, merges: [] }],
      state: state([], { highlights }),
    });
    expect(JSON.stringify(highlights).length).toBeGreaterThan(FAKE_PAYLOAD_LIMIT);
    excel.model.setFill('发放明细（2023年度困难职工帮扶）', 'A3:A60002', '#FFC7CE');
    const host = officeHostOn(excel);
    expect((await host.read()).state!.highlights).toHaveLength(60_000);
    await host.apply(patchOf({ clearHighlights: true, state: state() }));
    expect(excel.model.fillOf('发放明细（2023年度困难职工帮扶）', 'A60002')).toBeNull();
    expect(excel.model.fillOf('发放明细（2023年度困难职工帮扶）', 'A3')).toBeNull();
    expect(excel.syncs.every((s) => s.requestBytes < FAKE_PAYLOAD_LIMIT && s.responseBytes < FAKE_PAYLOAD_LIMIT)).toBe(true);
  });
});

describe('selecting', () => {
  test('activates the sheet and selects the cell in one request; a sheet that is gone is ignored', async () => {
    const excel = userWorkbook();
    const host = officeHostOn(excel);
    await host.select('发放明细', '$B$2');
    expect(excel.model.active?.name).toBe('发放明细');
    expect(excel.model.selection).toEqual({ sheet: '发放明细', address: 'B2' });
    expect(excel.syncs).toHaveLength(1);
    await expect(host.select('已删除', 'A1')).resolves.toBeUndefined();
  });
});
