/**
 * The same workbook scored through the Office host (on the strict fake of Excel) and through the xlsx
 * host gives the same report and writes the same cells (SPEC §2: "the same input gives the same report
 * and patch on both hosts; tests prove it").
 */
import type ExcelJS from 'exceljs';
import { scoreWorkbook } from '../../../src/app/scoreWorkbook';
import { clearPatch } from '../../../src/core/output/clearPatch';
import type { PipelineOptions } from '../../../src/core/pipeline';
import type { Report } from '../../../src/core/report/report';
import type { HighlightRecord, WorkbookSnapshot } from '../../../src/core/snapshot';
import { columnWidthPoints } from '../../../src/hosts/office/cellFormat';
import type { OfficeHost } from '../../../src/hosts/office/officeHost';
import { PackageHost } from '../../../src/hosts/package/packageHost';
import type { XlsxHost } from '../../../src/hosts/xlsx/xlsxHost';
import { bytesOf } from '../xlsxFixtures';
import {
  buildZengcheng2023IndexSystem,
  generateZengcheng2023Ledger,
} from '../../../examples/workbooks/zengcheng-2023-index-system';
import type { FakeExcel } from '../../support/fakeExcel';
import { argbOf, fakeFromXlsx, noteText, officeHostOn, ownSheetNames, sheetOf, xlsxFill, xlsxFromFake, xlsxHostOf } from './officeFixtures';

const LEDGER = '发放明细';

/**
 * Seed 001's workbook with three planted anomalies in the ledger (sheet rows start at 3): a 700 元
 * 季度救助 whose cell the officer had already coloured green and annotated, a 1,000 元 emergency grant
 * for a knee operation, and a payment without 审核日期.
 */
function plantedZengcheng(): { wb: ExcelJS.Workbook; green: string; knee: string; noAudit: string } {
  const rows = generateZengcheng2023Ledger();
  const quarterly = rows.findIndex((r) => r.type === '季度救助');
  rows[quarterly] = { ...rows[quarterly], amount: 700 };
  const knee = rows.findIndex((r) => r.type === '紧急救助' && /住院|意外/.test(r.reason ?? ''));
  rows[knee] = { ...rows[knee], reason: '膝关节受伤，自付手术费用高', amount: 1000 };
  const noAudit = rows.findIndex((r, i) => i > quarterly && r.type === '季度救助');
  rows[noAudit] = { ...rows[noAudit], reviewedOn: null };
  const wb = buildZengcheng2023IndexSystem({ ledger: rows });
  const green = `G${quarterly + 3}`;
  const cell = wb.getWorksheet(LEDGER)!.getCell(green);
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  cell.note = '已电话核实';
  return { wb, green, knee: `G${knee + 3}`, noAudit: `I${noAudit + 3}` };
}

interface Both {
  xlsx: XlsxHost;
  excel: FakeExcel;
  office: OfficeHost;
  before: WorkbookSnapshot;
}

async function bothHosts(source: ExcelJS.Workbook | string): Promise<Both> {
  const xlsx = await xlsxHostOf(source);
  const excel = await fakeFromXlsx(xlsx);
  const office = officeHostOn(excel);
  return { xlsx, excel, office, before: await office.read() };
}

async function scoreBoth(both: Both, request: PipelineOptions = {}): Promise<{ xlsxReport: Report; officeReport: Report }> {
  const a = await scoreWorkbook(both.xlsx, request);
  const b = await scoreWorkbook(both.office, request);
  if (a.status !== 'scored' || b.status !== 'scored') throw new Error(`not scored: ${a.status} / ${b.status}`);
  return { xlsxReport: a.report, officeReport: b.report };
}

/** Fills, bold, number formats, widths and frozen rows of an own sheet: ExcelJS vs the fake. */
function expectSameLook(ws: ExcelJS.Worksheet, excel: FakeExcel): void {
  const looks = { xlsx: [] as unknown[], office: [] as unknown[] };
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const fake = excel.model.cell(ws.name, cell.address);
      looks.xlsx.push([cell.address, xlsxFill(cell), cell.font?.bold === true, typeof cell.value === 'number' ? cell.numFmt : '-']);
      looks.office.push([cell.address, argbOf(fake.format.fill?.color ?? null), fake.format.bold === true, typeof fake.value === 'number' ? fake.numberFormat : '-']);
    }),
  );
  expect(looks.office).toEqual(looks.xlsx);
  const sheet = excel.model.sheet(ws.name);
  ws.columns.forEach((col, c) => {
    if (col.width) expect([ws.name, c, sheet.columnWidths.get(c)]).toEqual([ws.name, c, columnWidthPoints(col.width)]);
  });
  const frozen = ws.views?.[0]?.state === 'frozen' ? (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit ?? 0 : 0;
  expect([ws.name, sheet.frozenRows]).toEqual([ws.name, frozen]);
}

/**
 * ExcelJS keeps a cell written as '' as an empty string; Excel has no such cell (writing '' empties it,
 * and reading gives ''), so the Office host reads it as empty. The only difference between the hosts.
 */
function withoutEmptyStrings(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => {
      const values = sheet.values.map((row) => {
        if (!row) return undefined;
        const out = row.map((v) => (v === '' ? null : v));
        while (out.length > 0 && out[out.length - 1] === null) out.pop();
        return out.length > 0 ? out : undefined;
      });
      while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
      return { ...sheet, values };
    }),
    ...(snapshot.state ? { state: { ...snapshot.state, highlights: snapshot.state.highlights?.map(sameNoFill) } } : {}),
  };
}

/**
 * The xlsx host records a cell whose style carries an explicit "no fill" pattern as that ExcelJS object
 * rather than `null`; both mean no fill, and each host restores either form to no fill.
 */
function sameNoFill(record: HighlightRecord): HighlightRecord {
  return record.originalFill === '{"type":"pattern","pattern":"none"}' ? { ...record, originalFill: null } : record;
}

async function expectSameWorkbooks(both: Both): Promise<void> {
  const xs = withoutEmptyStrings(await both.xlsx.read());
  const os = await both.office.read();
  // Same sheets in the same tab order, same cells in every sheet (own sheets included), same state.
  expect(os.sheets.map((s) => [s.name, s.index])).toEqual(xs.sheets.map((s) => [s.name, s.index]));
  expect(os).toEqual(xs);
  expect(both.excel.model.names()).toEqual(both.xlsx.workbook.worksheets.map((w) => w.name));
  for (const name of ownSheetNames(xs)) expectSameLook(both.xlsx.workbook.getWorksheet(name)!, both.excel);
  // Source sheets are unchanged in value.
  for (const sheet of both.before.sheets) expect(sheetOf(os, sheet.name)).toEqual(sheet);
}

describe('scoring through the Office host gives what the xlsx host gives', () => {
  test('昆明 2019 自评表 (seed 002): both read the same snapshot, score 97.54 (优), write the same sheets', async () => {
    const both = await bothHosts('examples/kunming-2019-self-evaluation.xlsx');
    expect(both.before).toEqual(await both.xlsx.read());
    const { xlsxReport, officeReport } = await scoreBoth(both);
    expect(officeReport).toEqual(xlsxReport);
    expect(officeReport.total).toBe(97.54);
    expect(officeReport.grade).toBe('优');
    await expectSameWorkbooks(both);
    expect(both.excel.model.selection).toEqual({ sheet: '绩效目标', address: 'A1' });
    expect(both.excel.model.active?.name).toBe('绩效目标');
  });

  test('增城 2023 指标体系 (seed 001) with a planted ledger: same 表 3-1, same findings, same highlights and records', async () => {
    const planted = plantedZengcheng();
    const both = await bothHosts(planted.wb);
    const { xlsxReport, officeReport } = await scoreBoth(both, { rules: ['gz-zengcheng-2023'] });
    expect(officeReport).toEqual(xlsxReport);
    expect(officeReport.total).toBe(90);
    const flagged = [...new Set(officeReport.findings.filter((f) => f.sheet === LEDGER && f.cell).map((f) => f.cell))];
    expect(flagged).toEqual(expect.arrayContaining([planted.green, planted.knee, planted.noAudit]));
    await expectSameWorkbooks(both);

    // Every highlighted cell: same fill, same note, same record of what was there before.
    const xs = await both.xlsx.read();
    const records = xs.state!.highlights!;
    expect(records.map((r) => r.cell).sort()).toEqual([...flagged].sort());
    const ledger = both.xlsx.workbook.getWorksheet(LEDGER)!;
    for (const { cell } of records) {
      const fake = both.excel.model.cell(LEDGER, cell);
      expect([cell, argbOf(fake.format.fill?.color ?? null), fake.note ?? null]).toEqual([cell, xlsxFill(ledger.getCell(cell)), noteText(ledger.getCell(cell))]);
    }
    expect(records.find((r) => r.cell === planted.green)).toEqual({ sheet: LEDGER, cell: planted.green, originalFill: 'FF00B050', originalNote: '已电话核实' });
    expect(both.excel.model.fillOf(LEDGER, planted.knee)).toBe('#FFC7CE');
    expect(both.excel.model.cell(LEDGER, planted.green).note).toMatch(/^已电话核实\n.*700\.00 元/);
  });

  test('五华 2023 (seed 004), separate sheets and a 万元 budget: same report and cells', async () => {
    const both = await bothHosts('examples/wuhua-2023-separate-sheets.xlsx');
    const { xlsxReport, officeReport } = await scoreBoth(both);
    expect(officeReport).toEqual(xlsxReport);
    expect(officeReport.total).toBe(99.41);
    await expectSameWorkbooks(both);
  });
});

describe('re-scoring and clearing on the Office host', () => {
  test('keeps the explanation an officer typed into 绩效目标 over the draft, run after run', async () => {
    const both = await bothHosts('examples/wuhua-2023-separate-sheets.xlsx');
    const first = await scoreWorkbook(both.office);
    if (first.status !== 'scored') throw new Error(first.status);
    expect(first.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!.explanation).toContain('（待填写）');

    // The officer types into the 偏差原因 column of the indicator's row, in Excel.
    const scored = (await both.office.read()).sheets.find((s) => s.name === '绩效目标')!;
    const row = scored.values.findIndex((r) => r?.[2] === '帮扶对象覆盖率');
    const header = scored.values.find((r) => r?.includes('三级指标') && r.includes('偏差原因分析及改进措施'))!;
    const col = header.indexOf('偏差原因分析及改进措施');
    const typed = '部分环卫工人临时调岗，未纳入慰问名单；下年度将提前摸底。';
    both.excel.model.sheet('绩效目标').setValue(row, col, typed);

    const second = await scoreWorkbook(both.office);
    if (second.status !== 'scored') throw new Error(second.status);
    const coverage = second.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!;
    expect(coverage.explanation).toBe(typed);
    expect(coverage.explanationSource).toBe('officer');
    expect(second.report.total).toBe(99.41);
    // The re-run replaced its own sheets in place instead of adding copies.
    expect(both.excel.model.names()).toEqual(['绩效目标申报表', '实际完成情况', '预算执行（万元）', '发放明细', '绩效目标', '异常清单', '_jixiao_state']);
    const third = await scoreWorkbook(both.office);
    if (third.status !== 'scored') throw new Error(third.status);
    expect(third.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!.explanation).toBe(typed);
  });

  test('清除标记 restores every flagged cell exactly: the officer\'s green fill and note, no fill elsewhere', async () => {
    const planted = plantedZengcheng();
    const both = await bothHosts(planted.wb);
    const scored = await scoreWorkbook(both.office, { rules: ['gz-zengcheng-2023'] });
    if (scored.status !== 'scored') throw new Error(scored.status);
    const model = both.excel.model;
    expect(model.fillOf(LEDGER, planted.green)).toBe('#FFC7CE');
    expect(model.fillOf(LEDGER, planted.noAudit)).toBe('#FFC7CE');

    await both.office.apply(clearPatch(await both.office.read()));
    expect(model.cell(LEDGER, planted.green)).toMatchObject({ value: 700, format: { fill: { color: '#00B050', pattern: 'Solid', tintAndShade: 0 } }, note: '已电话核实' });
    expect(model.cell(LEDGER, planted.knee)).toMatchObject({ value: 1000, format: {} });
    expect(model.fillOf(LEDGER, planted.knee)).toBeNull();
    expect(model.cell(LEDGER, planted.knee).note).toBeUndefined();
    expect(model.cell(LEDGER, planted.noAudit).value).toBeNull();
    expect(model.fillOf(LEDGER, planted.noAudit)).toBeNull();
    // Values, formats and merges of every source sheet are as they were before scoring.
    const after = await both.office.read();
    for (const sheet of both.before.sheets) expect(sheetOf(after, sheet.name)).toEqual(sheet);
    // The scored sheets and the officer's texts stay; the record of highlights is empty.
    expect(after.state!.highlights).toEqual([]);
    expect(ownSheetNames(after)).toEqual(['绩效目标', '异常清单']);
  });

  test('a workbook scored by the CLI and opened in Excel knows its own sheets and highlights', async () => {
    const planted = plantedZengcheng();
    const cli = await xlsxHostOf(planted.wb);
    const first = await scoreWorkbook(cli, { rules: ['gz-zengcheng-2023'] });
    if (first.status !== 'scored') throw new Error(first.status);
    // The CLI's output file, opened in Excel (fills, notes and the state sheet travel with it).
    const excel = await fakeFromXlsx(await xlsxHostOf(await cli.toBuffer()));
    const office = officeHostOn(excel);
    expect(excel.model.fillOf(LEDGER, planted.knee)).toBe('#FFC7CE');

    const again = await scoreWorkbook(office);
    if (again.status !== 'scored') throw new Error(again.status);
    expect(again.report.findings).toEqual(first.report.findings);
    expect(excel.model.names().filter((n) => n.startsWith('绩效目标'))).toEqual(['绩效目标']);
    expect(excel.model.names().filter((n) => n.startsWith('异常清单'))).toEqual(['异常清单']);

    await office.apply(clearPatch(await office.read()));
    expect(excel.model.fillOf(LEDGER, planted.green)).toBe('#00B050');
    expect(excel.model.cell(LEDGER, planted.green).note).toBe('已电话核实');
    expect(excel.model.fillOf(LEDGER, planted.knee)).toBeNull();
    expect(excel.model.cell(LEDGER, planted.knee).note).toBeUndefined();
  });

  test('a copy the command line scored (the package host) is cleared exactly in Excel: the officer’s green fill and note back', async () => {
    const planted = plantedZengcheng();
    const cli = PackageHost.fromBuffer(await bytesOf(planted.wb));
    const first = await scoreWorkbook(cli, { rules: ['gz-zengcheng-2023'] });
    if (first.status !== 'scored') throw new Error(first.status);
    const excel = await fakeFromXlsx(await xlsxHostOf(await cli.toBuffer()));
    const office = officeHostOn(excel);
    expect(excel.model.fillOf(LEDGER, planted.green)).toBe('#FFC7CE');
    expect(excel.model.fillOf(LEDGER, planted.knee)).toBe('#FFC7CE');

    await office.apply(clearPatch(await office.read()));
    expect(excel.model.fillOf(LEDGER, planted.green)).toBe('#00B050');
    expect(excel.model.cell(LEDGER, planted.green).note).toBe('已电话核实');
    expect(excel.model.fillOf(LEDGER, planted.knee)).toBeNull();
    expect(excel.model.cell(LEDGER, planted.knee).note).toBeUndefined();
    expect(excel.model.fillOf(LEDGER, planted.noAudit)).toBeNull();
  });

  test.each([
    ['the command line (the package host)', async (bytes: Uint8Array) => PackageHost.fromBuffer(bytes)],
    ['the browser preview (the ExcelJS host)', async (bytes: Uint8Array) => xlsxHostOf(bytes)],
  ])('a workbook scored in Excel (the Office host) is cleared exactly by %s', async (_by, open) => {
    const planted = plantedZengcheng();
    const both = await bothHosts(planted.wb);
    const scored = await scoreWorkbook(both.office, { rules: ['gz-zengcheng-2023'] });
    if (scored.status !== 'scored') throw new Error(scored.status);
    expect(both.excel.model.fillOf(LEDGER, planted.green)).toBe('#FFC7CE');

    // Saved by Excel, then 清除标记 from the command line.
    const cli = await open(await xlsxFromFake(both.excel));
    await cli.apply(clearPatch(await cli.read()));
    const ledger = (await xlsxHostOf(await cli.toBuffer())).workbook.getWorksheet(LEDGER)!;
    expect(xlsxFill(ledger.getCell(planted.green))).toBe('FF00B050');
    expect(noteText(ledger.getCell(planted.green))).toBe('已电话核实');
    for (const cell of [planted.knee, planted.noAudit]) {
      expect([cell, xlsxFill(ledger.getCell(cell)), noteText(ledger.getCell(cell))]).toEqual([cell, null, null]);
    }
  });
});
