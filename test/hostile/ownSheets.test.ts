/**
 * Issue 12: a sheet is replaced only when it is verifiably the one the add-in wrote. Each case here
 * destroyed an officer's sheet with exit 0, or read our own output back as input, before sheets carried
 * the add-in's mark.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { STATE_SHEET_NAME } from '../../src/hosts/xlsx/stateSheet';
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { scoreBytes, scoreWorkbook, snapshotOf, toBytes } from '../e2e/scoreWorkbook';

const EXAMPLES = path.join(__dirname, '../../examples');
const KUNMING = path.join(EXAMPLES, 'kunming-2019-self-evaluation.xlsx');
const ZENGCHENG = path.join(EXAMPLES, 'zengcheng-2023-index-system.xlsx');

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb);
  return toBytes(wb);
}

async function sheetValues(bytes: Uint8Array, name: string): Promise<unknown> {
  return (await snapshotOf(bytes)).sheets.find((s) => s.name === name)?.values;
}

const kunming = async () => new Uint8Array(await readFile(KUNMING));

describe("the officer's sheets are never replaced, whatever they are called", () => {
  test('our 绩效目标 deleted and a sheet of the officer\'s own made with that name: kept, the output goes to 绩效目标（评分）', async () => {
    const first = await scoreBytes(await kunming());
    const edited = await edit(first.output, (wb) => {
      wb.removeWorksheet(wb.getWorksheet('绩效目标')!.id);
      const mine = wb.addWorksheet('绩效目标');
      mine.getCell('A1').value = '2020年绩效目标（草稿）';
      mine.getCell('A3').value = '培训人次';
      mine.getCell('B3').value = 3100;
    });
    const before = await sheetValues(edited, '绩效目标');
    const second = await scoreBytes(edited);
    expect(second.report.total).toBe(97.54);
    expect(second.report.output.scoredSheet).toBe('绩效目标（评分）');
    expect(await sheetValues(second.output, '绩效目标')).toEqual(before);
    expect(await sheetValues(second.output, '绩效目标')).toEqual([['2020年绩效目标（草稿）'], undefined, ['培训人次', 3100]]);
  });

  test('a state that lists a user sheet as one of ours (stale, edited or copied) cannot hand it over', async () => {
    const first = await scoreBytes(await kunming());
    const edited = await edit(first.output, (wb) => {
      const notes = wb.addWorksheet('工作记录');
      notes.getCell('A1').value = '9月12日 审核发放名单';
      notes.getCell('B2').value = 1200;
      const state = wb.getWorksheet(STATE_SHEET_NAME)!;
      const json = JSON.parse(String(state.getCell('A1').value));
      // The scored sheet's entry now names the user's sheet; the anomaly entry keeps our mark under its name.
      json.ownSheets = json.ownSheets.map((s: { role: string }) => (s.role === 'scored' ? { ...s, name: '工作记录' } : s));
      json.ownSheets.push({ name: '工作记录', role: 'rules', mark: 'jixiao:rules:zzz' });
      state.getCell('A1').value = JSON.stringify(json);
    });
    const before = await sheetValues(edited, '工作记录');
    const second = await scoreBytes(edited);
    expect(second.report.total).toBe(97.54);
    expect(await sheetValues(second.output, '工作记录')).toEqual(before);
    // The mark, not the name, says which sheet is ours: 绩效目标 is rewritten in place.
    expect(second.report.output.scoredSheet).toBe('绩效目标');
  });

  test("the officer's own 异常清单 made before the first run is kept; ours goes beside it", async () => {
    const edited = await edit(await kunming(), (wb) => {
      const mine = wb.addWorksheet('异常清单');
      mine.getCell('A1').value = '审计提出的问题';
      mine.getCell('A2').value = '培训签到表缺失';
    });
    const first = await scoreBytes(edited);
    const second = await scoreBytes(first.output);
    for (const run of [first, second]) {
      expect(run.report.output.anomalySheet).toBe('异常清单（评分）');
      expect(await sheetValues(run.output, '异常清单')).toEqual([['审计提出的问题'], ['培训签到表缺失']]);
    }
  });
});

describe('our own output is never read back as input', () => {
  test('a renamed 绩效目标 (绩效目标-我的修改) is not a second budget or self-evaluation: the same 97.54 优, rewritten under its new name', async () => {
    const first = await scoreBytes(await kunming());
    const edited = await edit(first.output, (wb) => {
      wb.getWorksheet('绩效目标')!.name = '绩效目标-我的修改';
    });
    const second = await scoreBytes(edited);
    expect(second.report.total).toBe(97.54);
    expect(second.report.grade).toBe('优');
    expect(second.report.mapping.map((m) => m.sheet)).not.toContain('绩效目标-我的修改');
    expect(second.report.findings.map((f) => f.rule)).toEqual(first.report.findings.map((f) => f.rule));
    const names = (await snapshotOf(second.output)).sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('绩效目标'))).toEqual(['绩效目标-我的修改']);
  });

  test('an explanation typed into the renamed sheet is kept', async () => {
    const first = await scoreWorkbook(buildWuhua2023SeparateSheets());
    const draft = first.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!.explanation;
    expect(draft).toContain('（待填写）');
    const typed = '部分环卫工人临时调岗，未纳入慰问名单；下年度将提前摸底。';
    const edited = await edit(first.output, (wb) => {
      const ws = wb.getWorksheet('绩效目标')!;
      ws.name = '我的评分表';
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.value === draft) cell.value = typed;
      }));
    });
    const second = await scoreBytes(edited);
    const again = second.report.indicators.find((i) => i.name === '帮扶对象覆盖率')!;
    expect(again.explanation).toBe(typed);
    expect(again.explanationSource).toBe('officer');
    expect(second.report.output.scoredSheet).toBe('我的评分表');
  });
});

describe('the 规则 sheet is the officer\'s to edit', () => {
  test('a blanked pack id: the edited 规则 sheet stays exactly as it is, the checks fall back to the pack and say so', async () => {
    const first = await scoreBytes(new Uint8Array(await readFile(ZENGCHENG)), { rules: ['gz-zengcheng-2023'], writeRules: true });
    expect(first.report.output).toBeDefined();
    const edited = await edit(first.output, (wb) => {
      wb.getWorksheet('规则')!.getCell('B2').value = null;
    });
    const before = await sheetValues(edited, '规则');
    const second = await scoreBytes(edited);
    expect(await sheetValues(second.output, '规则')).toEqual(before);
    const unusable = second.report.findings.filter((f) => f.rule === 'rules-sheet/unusable');
    expect(unusable).toHaveLength(1);
    expect(unusable[0].message).toContain('没有写明规则包');
    expect(second.report.total).toBe(first.report.total);
  });
});
