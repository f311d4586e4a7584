/**
 * The fake Excel is only worth its tests if it is at least as strict as Excel: these pin down the rules
 * the Office host is held to (Office.js's load/sync discipline, payload limits, requirement sets).
 */
import { FAKE_PAYLOAD_LIMIT, FakeExcel, FakeExcelError, FakeUnsupportedError } from '../../support/fakeExcel';

function ledgerExcel(api?: string): FakeExcel {
  return FakeExcel.fromSnapshot(
    {
      sheets: [
        {
          name: '发放明细',
          index: 0,
          values: [['姓名', '金额', '发放日期'], ['张三', 600, 45000], ['李四', 700, 45001]],
          formats: [{ col: 2, top: 1, bottom: 2, format: 'yyyy-mm-dd' }],
          merges: [],
        },
      ],
    },
    { api },
  );
}

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof FakeExcelError) return e.code;
    if (e instanceof FakeUnsupportedError) return 'Unsupported';
    throw e;
  }
  return 'ok';
}

describe('the fake Excel is as strict as Office.js', () => {
  test('reading a property that was never loaded throws PropertyNotLoaded, even after a sync', async () => {
    const excel = ledgerExcel();
    const ctx = excel.context();
    const range = ctx.workbook.worksheets.getItem('发放明细').getRange('A1:C3');
    range.load('values');
    await ctx.sync();
    expect(range.values).toEqual([['姓名', '金额', '发放日期'], ['张三', 600, 45000], ['李四', 700, 45001]]);
    expect(await code(() => range.numberFormat)).toBe('PropertyNotLoaded');
  });

  test('reading a loaded property before the sync that loads it throws PropertyNotLoaded', async () => {
    const excel = ledgerExcel();
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem('发放明细');
    const range = ws.getRange('B2');
    range.load('values,numberFormat');
    expect(await code(() => range.values)).toBe('PropertyNotLoaded');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowCount');
    expect(await code(() => used.isNullObject)).toBe('PropertyNotLoaded');
    await ctx.sync();
    expect(range.values).toEqual([[600]]);
    expect(range.numberFormat).toEqual([['General']]);
    expect(used.isNullObject).toBe(false);
    expect(used.rowCount).toBe(3);
  });

  test('writes wait for the sync, and a load after a write in the same batch sees it', async () => {
    const excel = ledgerExcel();
    const ctx = excel.context();
    const cell = ctx.workbook.worksheets.getItem('发放明细').getRange('B3');
    cell.values = [[650]];
    expect(excel.model.cell('发放明细', 'B3').value).toBe(700);
    cell.load('values');
    await ctx.sync();
    expect(cell.values).toEqual([[650]]);
    expect(excel.model.cell('发放明细', 'B3').value).toBe(650);
  });

  test('text written into a General cell is parsed as Excel parses typing; into a text cell it stays text', async () => {
    const excel = ledgerExcel();
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem('发放明细');
    ws.getRange('D1:F1').values = [['001', '50%', '2023-05-01']];
    const asText = ws.getRange('D2:F2');
    asText.numberFormat = [['@', '@', '@']];
    asText.values = [['001', '50%', '=SUM(B2:B3)']];
    await ctx.sync();
    expect(['D1', 'E1', 'F1'].map((a) => excel.model.cell('发放明细', a).value)).toEqual([1, 0.5, 45047]);
    expect(['D2', 'E2', 'F2'].map((a) => excel.model.cell('发放明细', a).value)).toEqual(['001', '50%', '=SUM(B2:B3)']);
    // A formula other than the add-in's HYPERLINK is refused rather than silently stored.
    ws.getRange('G1').values = [['=SUM(B2:B3)']];
    expect(await code(ctx.sync())).toBe('Unsupported');
  });

  test('members the fake does not model throw instead of reading as undefined', async () => {
    const excel = ledgerExcel();
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem('发放明细') as unknown as Record<string, unknown>;
    expect(await code(() => ws.tables)).toBe('Unsupported');
    const range = ctx.workbook.worksheets.getItem('发放明细').getRange('A1');
    expect(await code(() => range.load('text'))).toBe('Unsupported');
  });

  test('APIs outside the supported requirement sets throw ApiNotFound', async () => {
    const old = ledgerExcel('1.8');
    const ws = old.context().workbook.worksheets.getItem('发放明细');
    expect(await code(() => ws.getRanges('A1,B2'))).toBe('ApiNotFound');
    expect(await code(() => ws.getRange('A1').getMergedAreasOrNullObject())).toBe('ApiNotFound');
    expect(await code(() => ws.notes)).toBe('ApiNotFound');
    expect(await code(() => ws.comments)).toBe('ApiNotFound');
    const newer = ledgerExcel('1.17').context().workbook.worksheets.getItem('发放明细');
    expect(await code(() => newer.notes)).toBe('ApiNotFound');
    expect(await code(() => newer.comments)).toBe('ok');
  });

  test('a request or a response over 5 MB fails as in Excel on the web, and every sync is measured', async () => {
    const excel = ledgerExcel();
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem('发放明细');
    const big = Array.from({ length: 2000 }, () => ['x'.repeat(3000)]);
    ws.getRange('H1:H2000').values = big;
    expect(await code(ctx.sync())).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.syncs[0].requestBytes).toBeGreaterThan(FAKE_PAYLOAD_LIMIT);
    expect(excel.model.cell('发放明细', 'H1').value).toBeNull();

    // The same in two syncs of 3 MB each.
    const half = big.slice(0, 1000);
    ws.getRange('H1:H1000').values = half;
    await ctx.sync();
    ws.getRange('H1001:H2000').values = half;
    await ctx.sync();
    const all = ws.getRange('H1:H2000');
    all.load('values');
    expect(await code(ctx.sync())).toBe('ResponsePayloadSizeLimitExceeded');
    expect(excel.syncs.map((s) => s.requestBytes > FAKE_PAYLOAD_LIMIT || s.responseBytes > FAKE_PAYLOAD_LIMIT)).toEqual([true, false, false, true]);
  });

  test('proxies die with their Excel.run, and the run syncs what is still queued', async () => {
    const excel = ledgerExcel();
    let kept: Excel.Range | undefined;
    await excel.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem('发放明细').getRange('B2');
      kept.values = [[610]];
    });
    expect(excel.model.cell('发放明细', 'B2').value).toBe(610);
    expect(excel.syncs).toHaveLength(1);
    expect(await code(() => kept!.load('values'))).toBe('InvalidObjectPath');
  });

  test('a method on a null object fails; checking isNullObject first is the way', async () => {
    const excel = ledgerExcel();
    const ctx = excel.context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject('规则');
    missing.load('name');
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(await code(() => missing.name)).toBe('PropertyNotLoaded');
    missing.getRange('A1').values = [[1]];
    expect(await code(ctx.sync())).toBe('InvalidArgument');
  });

  test('RangeAreas properties read as null unless every cell shares them; no fill reads white without tint', async () => {
    const excel = ledgerExcel();
    excel.model.setFill('发放明细', 'B2', '#00B050');
    const ctx = excel.context();
    const ws = ctx.workbook.worksheets.getItem('发放明细');
    const mixed = ws.getRanges('B2,B3').format.fill;
    mixed.load('color,tintAndShade');
    const plain = ws.getRanges('A2,B3').format.fill;
    plain.load('color,tintAndShade');
    const props = ws.getRange('B2:B3').getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
    await ctx.sync();
    expect([mixed.color, mixed.tintAndShade]).toEqual([null, null]);
    expect([plain.color, plain.tintAndShade]).toEqual(['#FFFFFF', null]);
    expect(props.value).toEqual([[{ format: { fill: { color: '#00B050', tintAndShade: 0 } } }], [{ format: { fill: { color: '#FFFFFF', tintAndShade: null } } }]]);
  });
});
