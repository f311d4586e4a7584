/**
 * Issue 12: the state sheet is part of the workbook, so it is input too. It can be stale, edited,
 * copied from another file or re-saved by another application; none of that may crash a run, restore a
 * fill onto the wrong cell or lose the state.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runPipeline } from '../../src/core/pipeline';
import { STATE_SHEET_NAME } from '../../src/hosts/xlsx/stateSheet';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { scoreBytes, toBytes } from '../e2e/scoreWorkbook';

const KUNMING = path.join(__dirname, '../../examples/kunming-2019-self-evaluation.xlsx');

/** The 昆明 sample with `json` stored as the add-in's state, written the way `write` says. */
async function withState(json: string, write: (cell: ExcelJS.Cell, text: string) => void = (c, t) => { c.value = t; }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(KUNMING)) as unknown as ArrayBuffer);
  const ws = wb.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
  write(ws.getCell('A1'), json);
  return toBytes(wb);
}

const base = { version: 1, ownSheets: [] };
const BROKEN: [string, unknown][] = [
  ['mapping that is not an array', { ...base, mapping: { sheet: '项目支出绩效自评表' } }],
  ['a null mapping entry', { ...base, mapping: [null] }],
  ['rules as a string', { ...base, rules: 'gz-zengcheng-2023' }],
  ['a highlight beyond XFD1048576', { ...base, highlights: [{ sheet: '项目支出绩效自评表', cell: 'XFE1048577', originalFill: null }] }],
  ['a mapping range A0', { ...base, mapping: [{ sheet: '项目支出绩效自评表', range: 'A0', role: 'budget' }] }],
  ['a note record of the wrong shape', { ...base, highlights: [{ sheet: '项目支出绩效自评表', cell: 'A1', originalFill: null, originalNote: { texts: [1, 2] } }] }],
  ['an own sheet without a name', { ...base, ownSheets: [{ role: 'scored' }] }],
];

describe('a damaged state sheet is set aside, never trusted and never a crash', () => {
  it.each(BROKEN)('%s: the 昆明 workbook still scores 97.54 优 and says the state was set aside', async (_what, state) => {
    const { report } = await scoreBytes(await withState(JSON.stringify(state)));
    expect(report.total).toBe(97.54);
    expect(report.grade).toBe('优');
    const notes = report.findings.filter((f) => f.rule === 'invalid-state');
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe('info');
  });

  it('text that is not JSON at all is set aside the same way', async () => {
    const { report } = await scoreBytes(await withState('{"version":1,"ownSheets":['));
    expect(report.total).toBe(97.54);
    expect(report.findings.filter((f) => f.rule === 'invalid-state')).toHaveLength(1);
  });

  it('a highlight record the state cannot vouch for is not restored onto any cell', async () => {
    const bytes = await withState(JSON.stringify({ ...base, highlights: [{ sheet: '项目支出绩效自评表', cell: 'A0', originalFill: 'FFFF0000' }] }));
    const host = await XlsxHost.fromBuffer(bytes);
    const before = host.workbook.getWorksheet('项目支出绩效自评表')!.getCell('A1').fill;
    await host.apply(runPipeline(await host.read()).patch);
    expect(host.workbook.getWorksheet('项目支出绩效自评表')!.getCell('A1').fill).toEqual(before);
  });
});

describe('a state re-saved by LibreOffice or WPS as rich text is still the state', () => {
  it('the state JSON split into rich-text runs is read back whole, so our own 绩效目标 is never read as input', async () => {
    const first = await scoreBytes(new Uint8Array(await readFile(KUNMING)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.output as unknown as ArrayBuffer);
    const cell = wb.getWorksheet(STATE_SHEET_NAME)!.getCell('A1');
    const json = String(cell.value);
    cell.value = { richText: [{ text: json.slice(0, 10) }, { text: json.slice(10) }] };
    const again = await scoreBytes(await toBytes(wb));
    expect(again.report.total).toBe(97.54);
    expect(again.report.mapping.map((m) => m.sheet)).not.toContain('绩效目标');
    expect(again.report.findings.filter((f) => f.rule === 'invalid-state')).toEqual([]);
  });
});
