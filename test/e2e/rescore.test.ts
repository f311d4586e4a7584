import ExcelJS from 'exceljs';
import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { scoreBytes, scoreWorkbook, snapshotOf, toBytes } from './scoreWorkbook';

async function editCell(bytes: Uint8Array, sheet: string, find: (row: ExcelJS.Row) => boolean, col: number, value: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  let done = false;
  ws.eachRow((row) => {
    if (!done && find(row)) {
      row.getCell(col).value = value;
      done = true;
    }
  });
  if (!done) throw new Error(`row not found in ${sheet}`);
  return toBytes(wb);
}

describe('re-scoring a scored workbook', () => {
  test('gives the same scores and replaces its own sheets instead of adding copies', async () => {
    const first = await scoreWorkbook(buildKunming2019SelfEvaluation());
    const second = await scoreBytes(first.output);
    expect(second.report.total).toBe(first.report.total);
    expect(second.report.summary).toEqual(first.report.summary);
    expect(second.report.indicators.map((i) => i.score)).toEqual(first.report.indicators.map((i) => i.score));
    const names = (await snapshotOf(second.output)).sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('绩效目标'))).toEqual(['绩效目标']);
    expect(names.filter((n) => n.startsWith('异常清单'))).toEqual(['异常清单']);
  });

  test('keeps the explanation an officer typed into the previous 绩效目标 sheet over the draft', async () => {
    const first = await scoreWorkbook(buildWuhua2023SeparateSheets());
    const draft = first.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!.explanation;
    expect(draft).toContain('（待填写）');
    const typed = '部分环卫工人临时调岗，未纳入慰问名单；下年度将提前摸底。';
    const edited = await editCell(first.output, '绩效目标', (r) => r.getCell(3).value === '帮扶对象覆盖率', 9, typed);
    const second = await scoreBytes(edited);
    const coverage = second.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!;
    expect(coverage.explanation).toBe(typed);
    expect(coverage.explanationSource).toBe('officer');
    expect(second.report.total).toBe(99.41);
    // And a third run still keeps it: the officer's text is never replaced by a draft.
    const third = await scoreBytes(second.output);
    expect(third.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!.explanation).toBe(typed);
  });

  test('an untouched draft is refreshed when the figures change', async () => {
    const first = await scoreWorkbook(buildWuhua2023SeparateSheets());
    const changed = await editCell(first.output, '实际完成情况', (r) => String(r.getCell(1).value).includes('覆盖率'), 2, '82%');
    const second = await scoreBytes(changed);
    const coverage = second.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!;
    expect(coverage.explanation).toContain('实际完成82%');
    expect(coverage.explanationSource).toBe('draft');
  });

  test('a mapping override given once is remembered in the workbook and applies on the next run', async () => {
    const ignoreBudget = [{ sheet: '预算执行（万元）', role: 'ignore' as const }];
    const first = await scoreWorkbook(buildWuhua2023SeparateSheets(), { mapping: ignoreBudget });
    expect(first.report.mapping.some((m) => m.sheet === '预算执行（万元）')).toBe(false);
    expect(first.report.total).toBe(89.41);
    const second = await scoreBytes(first.output);
    expect(second.report.mapping.some((m) => m.sheet === '预算执行（万元）')).toBe(false);
    expect(second.report.total).toBe(first.report.total);
  });
});
