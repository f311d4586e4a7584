/**
 * A 32,700-character cell (issue 12): quoting it whole in a finding made a 异常清单 cell longer than the
 * 32,767 characters Excel allows, and Excel would repair the file. Findings quote at most 200 characters;
 * no cell the add-in writes is longer than Excel allows, and a cut text says so; an officer's explanation
 * is kept whole in the report and on re-scoring, and written as much as a cell holds.
 */
import { buildZengcheng2023IndexSystem, generateZengcheng2023Ledger } from '../../examples/workbooks/zengcheng-2023-index-system';
import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { QUOTE_CHARS } from '../../src/core/findings';
import { buildAnomalySheet } from '../../src/core/output/anomalySheet';
import { EXCEL_CELL_CHARS, TRUNCATED_MARK } from '../../src/core/output/cellLimits';
import { runPipeline } from '../../src/core/pipeline';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { scoreBytes, scoreWorkbook, snapshotOf } from './scoreWorkbook';

const LONG = 32_700;
const LEDGER = '发放明细';

/** A text of `n` characters that reads as a real, runaway cell. */
function longText(head: string, n: number): string {
  return (head + '住院手术费用报销说明'.repeat(Math.ceil(n / 10))).slice(0, n);
}

/** The longest text in any cell of the sheets the add-in wrote. */
function longestWritten(snapshot: WorkbookSnapshot, names: string[]): number {
  let longest = 0;
  for (const s of snapshot.sheets.filter((x) => names.includes(x.name))) {
    for (const row of s.values) for (const v of row ?? []) if (typeof v === 'string') longest = Math.max(longest, v.length);
  }
  return longest;
}

describe('a 32,700-character cell', () => {
  test('in a ledger’s 救助类型 and 金额 is quoted in 200 characters, and every written cell fits Excel', async () => {
    const rows = generateZengcheng2023Ledger();
    const type = longText('助学补贴', LONG);
    const amount = longText('六百元', LONG);
    rows[0] = { ...rows[0], type };
    rows[1] = { ...rows[1], amount };
    const { report, input, output } = await scoreWorkbook(buildZengcheng2023IndexSystem({ ledger: rows }), { rules: ['gz-zengcheng-2023'] });

    const unknown = report.findings.find((f) => f.rule === 'unknown-category')!;
    expect(unknown.value).toBe(`${type.slice(0, QUOTE_CHARS - 1)}…`);
    expect(unknown.message).toContain(`类型“${type.slice(0, QUOTE_CHARS - 1)}…”不属于所选规则包`);
    expect(unknown.message.length).toBeLessThan(600);
    const text = report.findings.find((f) => f.sheet === LEDGER && f.cell === 'G4')!;
    expect(text.message).toContain(`“${amount.slice(0, QUOTE_CHARS - 1)}…”不是数字`);
    for (const f of report.findings) {
      expect(f.message.length).toBeLessThan(2_001);
      if (typeof f.value === 'string') expect(f.value.length).toBeLessThanOrEqual(QUOTE_CHARS);
    }

    const written = await snapshotOf(output);
    expect(longestWritten(written, ['绩效目标', '异常清单'])).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    const { patch } = runPipeline(input, { rules: ['gz-zengcheng-2023'] });
    for (const h of patch.highlights) expect(h.note.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
  });

  test('as a 分值 is quoted in 200 characters in the finding that says it is not a number', async () => {
    const wb = buildKunming2019SelfEvaluation();
    const weight = longText('三分', LONG);
    wb.getWorksheet('项目支出绩效自评表')!.getCell('F21').value = weight;
    const { report } = await scoreWorkbook(wb);
    expect(report.findings.find((f) => f.rule === 'unreadable-number')).toMatchObject({
      cell: 'F21',
      value: `${weight.slice(0, QUOTE_CHARS - 1)}…`,
      message: `“项目支出绩效自评表”!F21 的分值“${weight.slice(0, QUOTE_CHARS - 1)}…”不是数字，未参与计算。`,
    });
  });
});

describe('an officer’s explanation', () => {
  const row = 20; // 节日送温暖慰问 (数量指标), short of its target: 3000 of 3100 people.

  test('of 32,700 characters is written whole; of 40,000 it stays whole in the report and on re-scoring, and its cell holds what fits, marked as cut', async () => {
    const fits = longText('送温暖人数', LONG);
    const first = await scoreWorkbook(withExplanation(fits));
    expect(first.report.indicators[0].explanation).toBe(fits);
    expect(explanationCell(await snapshotOf(first.output))).toBe(fits);

    const whole = longText('送温暖人数根据大病救助', 40_000);
    const scored = await scoreWorkbook(withExplanation(whole));
    expect(scored.report.indicators[0]).toMatchObject({ name: '节日送温暖慰问', explanationSource: 'officer' });
    expect(scored.report.indicators[0].explanation).toBe(whole);
    const cell = explanationCell(await snapshotOf(scored.output));
    expect(cell).toHaveLength(EXCEL_CELL_CHARS);
    expect(cell).toBe(whole.slice(0, EXCEL_CELL_CHARS - TRUNCATED_MARK.length) + TRUNCATED_MARK);

    // Scored again from the output: the source still has it whole, and the whole text counts.
    const again = await scoreBytes(scored.output);
    expect(again.report.indicators[0].explanation).toBe(whole);
    expect(again.report.total).toBe(scored.report.total);
  });

  function withExplanation(text: string) {
    const wb = buildKunming2019SelfEvaluation();
    wb.getWorksheet('项目支出绩效自评表')!.getCell(`H${row}`).value = text;
    return wb;
  }

  function explanationCell(snapshot: WorkbookSnapshot): string {
    const sheet = snapshot.sheets.find((s) => s.name === '绩效目标')!;
    const line = sheet.values.find((r) => r?.[2] === '节日送温暖慰问')!;
    return String(line[line.length - 1]);
  }
});

describe('the 异常清单 builder', () => {
  test('cuts any text longer than a cell holds, visibly, whatever a finding carries', () => {
    const message = longText('“发放明细”!G3 ', 40_000);
    const sheet = buildAnomalySheet(
      [{ rule: 'amount-band', severity: 'error', sheet: LEDGER, cell: 'G3', row: 3, value: longText('六百元', 40_000), allowed: null, message }],
      '异常清单',
    );
    const cells = sheet.rows[2];
    // 说明 says the message after its cell address (said once, in 单元格); 填报 quotes the value.
    const said = message.slice('“发放明细”!G3 '.length);
    expect(cells[6]).toMatchObject({ v: said.slice(0, EXCEL_CELL_CHARS - TRUNCATED_MARK.length) + TRUNCATED_MARK });
    expect(String(cells[4]?.v)).toHaveLength(EXCEL_CELL_CHARS);
    expect(String(cells[4]?.v).endsWith('…（已截断）')).toBe(true);
  });
});
