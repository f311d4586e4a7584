/**
 * Older Excel builds lack some requirement sets; the Office host degrades instead of failing: without
 * notes (ExcelApi 1.18) it uses comments (1.10), without either it writes none, and without RangeAreas
 * (1.9) it formats and reads one rectangle at a time. Highlights and the 异常清单 are always written.
 */
import ExcelJS from 'exceljs';
import { scoreWorkbook } from '../../../src/app/scoreWorkbook';
import { clearPatch } from '../../../src/core/output/clearPatch';
import type { Report } from '../../../src/core/report/report';
import { OfficeHost } from '../../../src/hosts/office/officeHost';
import { buildZengcheng2023IndexSystem, generateZengcheng2023Ledger } from '../../../examples/workbooks/zengcheng-2023-index-system';
import type { FakeExcel } from '../../support/fakeExcel';
import { fakeFromXlsx, officeHostOn, xlsxHostOf } from './officeFixtures';

const LEDGER = '发放明细';

interface Planted {
  excel: FakeExcel;
  host: OfficeHost;
  /** 700 元 季度救助, coloured green by the officer. */
  green: string;
  /** 1,000 元 emergency grant, with the officer's own comment (in comment-capable Excel). */
  knee: string;
}

async function planted(api: string): Promise<Planted> {
  const rows = generateZengcheng2023Ledger();
  const quarterly = rows.findIndex((r) => r.type === '季度救助');
  rows[quarterly] = { ...rows[quarterly], amount: 700 };
  const knee = rows.findIndex((r) => r.type === '紧急救助' && /住院|意外/.test(r.reason ?? ''));
  rows[knee] = { ...rows[knee], reason: '膝关节受伤，自付手术费用高', amount: 1000 };
  const wb: ExcelJS.Workbook = buildZengcheng2023IndexSystem({ ledger: rows });
  const green = `G${quarterly + 3}`;
  wb.getWorksheet(LEDGER)!.getCell(green).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  const excel = await fakeFromXlsx(await xlsxHostOf(wb), { api });
  return { excel, host: officeHostOn(excel), green, knee: `G${knee + 3}` };
}

async function score(p: Planted): Promise<Report> {
  const outcome = await scoreWorkbook(p.host, { rules: ['gz-zengcheng-2023'] });
  if (outcome.status !== 'scored') throw new Error(outcome.status);
  return outcome.report;
}

function ledgerCells(report: Report): string[] {
  return [...new Set(report.findings.filter((f) => f.sheet === LEDGER && f.cell).map((f) => f.cell))].sort();
}

function notesAndComments(excel: FakeExcel): number {
  const ws = excel.model.sheet(LEDGER);
  return ws.notes.size + ws.comments.size;
}

describe('without notes or comments (ExcelApi 1.9)', () => {
  test('no note is written, but every flagged cell is filled and the 异常清单 lists every finding', async () => {
    const p = await planted('1.9');
    const report = await score(p);
    const cells = ledgerCells(report);
    expect(cells).toEqual(expect.arrayContaining([p.green, p.knee]));
    for (const cell of cells) expect([cell, p.excel.model.fillOf(LEDGER, cell)]).toEqual([cell, '#FFC7CE']);
    expect(notesAndComments(p.excel)).toBe(0);
    const list = p.excel.model.sheet('异常清单');
    expect(list.usedRange()!.bottom + 1).toBe(2 + report.findings.length);
    // Every ledger finding's 单元格 links to its cell.
    const links = [...list.formulas.values()];
    for (const cell of cells) expect(links).toContain(`=HYPERLINK("#'发放明细'!${cell}","${cell}")`);
    // Records capture the fill, not a note they never touched.
    const state = (await p.host.read()).state!;
    expect(state.highlights!.find((h) => h.cell === p.green)).toEqual({ sheet: LEDGER, cell: p.green, originalFill: 'FF00B050' });

    await p.host.apply(clearPatch(await p.host.read()));
    expect(p.excel.model.fillOf(LEDGER, p.green)).toBe('#00B050');
    expect(p.excel.model.fillOf(LEDGER, p.knee)).toBeNull();
  });
});

describe('with comments but no notes (ExcelApi 1.17)', () => {
  test('each flagged cell gets a comment with its findings, except one with a thread of its own; clear removes only the add-in\'s', async () => {
    const p = await planted('1.17');
    p.excel.model.sheet(LEDGER).addComment(p.knee, '请财务科复核');
    const report = await score(p);
    const ws = p.excel.model.sheet(LEDGER);
    expect(ws.comments.get(p.green)?.content).toContain('700.00 元');
    expect(ws.comments.get(p.knee)?.content).toBe('请财务科复核');
    expect(ws.comments.size).toBe(ledgerCells(report).length);
    const records = (await p.host.read()).state!.highlights!;
    expect(records.find((r) => r.cell === p.green)).toMatchObject({ addedComment: true });
    expect(records.find((r) => r.cell === p.knee)).not.toHaveProperty('addedComment');

    // Re-scoring replaces the add-in's comments instead of piling up new ones.
    await score(p);
    expect(ws.comments.size).toBe(ledgerCells(report).length);

    await p.host.apply(clearPatch(await p.host.read()));
    expect([...ws.comments.entries()].map(([cell, c]) => [cell, c.content])).toEqual([[p.knee, '请财务科复核']]);
    expect(p.excel.model.fillOf(LEDGER, p.green)).toBe('#00B050');
  });
});

describe('without RangeAreas (ExcelApi 1.8)', () => {
  test('highlights still land, the written sheets keep their styles, and clear still restores the officer\'s fill', async () => {
    const p = await planted('1.8');
    const report = await score(p);
    for (const cell of ledgerCells(report)) expect([cell, p.excel.model.fillOf(LEDGER, cell)]).toEqual([cell, '#FFC7CE']);
    expect(p.excel.model.cell('异常清单', 'A2')).toMatchObject({ value: '级别', format: { fill: { color: '#D9E1F2' }, bold: true } });
    expect(notesAndComments(p.excel)).toBe(0);
    const state = (await p.host.read()).state!;
    expect(state.highlights!.find((h) => h.cell === p.green)?.originalFill).toBe('FF00B050');
    await p.host.apply(clearPatch(await p.host.read()));
    expect(p.excel.model.fillOf(LEDGER, p.green)).toBe('#00B050');
    expect(p.excel.model.fillOf(LEDGER, p.knee)).toBeNull();
  });

  test('the report is the one a full Excel gives when the workbook has no merged areas to read, with one 提示 that merges could not be read', async () => {
    const full = await planted('1.20');
    const old = await planted('1.8');
    for (const p of [full, old]) for (const ws of p.excel.model.sheets) ws.merges = [];
    const [a, b] = [await score(old), await score(full)];
    expect(a.findings.filter((f) => f.rule === 'merges-unread').map((f) => f.severity)).toEqual(['info']);
    expect({ ...a, findings: a.findings.filter((f) => f.rule !== 'merges-unread') }).toEqual(b);
  });
});

describe('one undo step', () => {
  test('apply writes every visible change in one undo group where ExcelApi 1.20 allows it; sheet structure and reads stay outside', async () => {
    const full = await planted('1.20');
    await score(full);
    // The read, the structure run (sheets created), the content run. The fake refuses Worksheet.delete,
    // .position and .visibility inside an undo group, as Excel on Windows and Mac does.
    expect(full.excel.runs).toEqual([undefined, undefined, { mergeUndoGroup: true }]);
    // A re-run rewrites its sheets in place: nothing for the structure run to do, all in one undo step.
    const before = full.excel.syncs.length;
    await score(full);
    expect(full.excel.runs.slice(3)).toEqual([undefined, undefined, { mergeUndoGroup: true }]);
    expect(full.excel.syncs.length - before).toBeLessThanOrEqual(full.host.lastRead.syncs + full.host.lastApply.syncs);
    const older = await planted('1.19');
    await score(older);
    expect(older.excel.runs).toEqual([undefined, undefined, { mergeUndoGroup: false }]);
  });

  test('an Excel older than ExcelApi 1.7 is told so, in Chinese, when scoring starts, before any request', async () => {
    const p = await planted('1.6');
    await expect(scoreWorkbook(p.host)).rejects.toThrow('此版本的 Excel 不支持绩效评价助手所需的接口（ExcelApi 1.7）');
    expect(p.excel.syncs).toEqual([]);
  });
});
