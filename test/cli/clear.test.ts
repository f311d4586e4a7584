import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './runCli';

const ZENGCHENG = 'examples/zengcheng-2023-index-system.xlsx';
const LEDGER = '发放明细';
const SOURCE_SHEETS = ['评价指标体系', '预算执行', LEDGER];

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of the source sheets: value, fill and note, as ExcelJS reads them back from the file. */
function cellsOf(wb: ExcelJS.Workbook): Map<string, { value: string; fill: string; note: string }> {
  const out = new Map<string, { value: string; fill: string; note: string }>();
  for (const name of SOURCE_SHEETS) {
    const ws = wb.getWorksheet(name)!;
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        out.set(`${name}!${cell.address}`, {
          value: JSON.stringify(cell.value),
          fill: JSON.stringify(cell.fill ?? null),
          note: JSON.stringify(cell.note ?? null),
        });
      }
    }
  }
  return out;
}

/** The officer's own fill on one cell. ExcelJS shares a loaded style among cells, so it is copied first. */
function paint(cell: ExcelJS.Cell, fgColor: Partial<ExcelJS.Color> & { tint?: number }): void {
  cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor } };
}

describe('clear (清除标记) through the command line on 增城’s workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-clear-'));

  test('every flagged cell gets back its own fill (colour or theme) and note, and no value anywhere changes', async () => {
    // The officer's copy of the example: two 季度救助 paid 700 元 (above 600) and one without 审核日期,
    // on cells the officer had coloured and annotated before the check.
    const wb = await load(ZENGCHENG);
    const ws = wb.getWorksheet(LEDGER)!;
    const quarterly: number[] = [];
    ws.eachRow((row, n) => {
      if (row.getCell(5).value === '季度救助' && quarterly.length < 3) quarterly.push(n);
    });
    const [a, b, c] = quarterly;
    ws.getCell(`G${a}`).value = 700;
    paint(ws.getCell(`G${a}`), { argb: 'FFFFFF00' });
    ws.getCell(`G${a}`).note = '已请示分管领导，按 700 元发放';
    ws.getCell(`G${b}`).value = 700;
    paint(ws.getCell(`G${b}`), { theme: 5, tint: 0.5999938962981048 });
    ws.getCell(`I${c}`).value = null;
    paint(ws.getCell(`I${c}`), { theme: 8, tint: 0.7999816888943144 });
    const input = join(dir, '增城-officer.xlsx');
    await wb.xlsx.writeFile(input);
    const before = cellsOf(await load(input));
    expect([...before].filter(([, v]) => v.fill.includes('FFFFFF00')).map(([k]) => k)).toEqual([`${LEDGER}!G${a}`]);

    const scored = join(dir, '增城-评分.xlsx');
    const json = join(dir, '增城-report.json');
    const score = await runCli(['score', input, '--rules', 'gz-zengcheng-2023', '--out', scored, '--json', json, '--quiet']);
    expect(score.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { findings: { sheet: string; cell: string; severity: string }[] };
    const flagged = new Set(report.findings.filter((f) => f.sheet === LEDGER && f.cell).map((f) => f.cell));
    for (const cell of [`G${a}`, `G${b}`, `I${c}`]) expect(flagged).toContain(cell);

    // Scored: the officer's yellow and theme colours are replaced by the severity fill, with the message as a note.
    const marked = (await load(scored)).getWorksheet(LEDGER)!;
    expect(marked.getCell(`G${a}`).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(JSON.stringify(marked.getCell(`G${a}`).note)).toContain('700.00 元');
    expect(JSON.stringify(marked.getCell(`G${b}`).fill)).not.toContain('theme');

    const cleared = join(dir, '增城-清除标记.xlsx');
    const clear = await runCli(['clear', scored, '--out', cleared]);
    expect(clear.code).toBe(0);
    expect(clear.out).toBe(`已清除 ${flagged.size} 个单元格的标记，恢复原有格式：${cleared}\n`);

    const after = cellsOf(await load(cleared));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before].filter(([key, was]) => JSON.stringify(after.get(key)) !== JSON.stringify(was)).map(([key]) => key);
    expect(changed).toEqual([]);
    // The officer's own colours and note, spelled out.
    const restored = (await load(cleared)).getWorksheet(LEDGER)!;
    expect(restored.getCell(`G${a}`).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(JSON.stringify(restored.getCell(`G${a}`).note)).toContain('已请示分管领导，按 700 元发放');
    expect(restored.getCell(`G${b}`).fill).toMatchObject({ fgColor: { theme: 5 } });
    expect(restored.getCell(`I${c}`).fill).toMatchObject({ fgColor: { theme: 8 } });
  });

  test('a workbook that was never scored is written out unchanged, and says so', async () => {
    const out = join(dir, 'unscored.xlsx');
    const r = await runCli(['clear', ZENGCHENG, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`工作簿中没有绩效评价助手的标记，已原样写出：${out}\n`);
  });
});
