/**
 * The 自评报告（草稿） sheet through the xlsx host (the CLI's and the preview's): A4 portrait and fitted to
 * one page wide in the saved file, the keys column hidden, and an officer's text typed in Excel kept when
 * the report is generated again from the saved workbook.
 */
import ExcelJS from 'exceljs';
import { buildZengcheng2023IndexSystem } from '../../examples/workbooks/zengcheng-2023-index-system';
import { generateReport } from '../../src/app/generateReport';
import { KEY_COLUMN, REPORT_SHEET } from '../../src/core/output/reportSheet';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { toBytes } from '../e2e/scoreWorkbook';
import { plantedLedger } from '../support/plantedLedger';

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

test('the 增城 report sheet prints on A4 portrait, and the reason an evaluator types for a deduction survives the next 生成报告', async () => {
  const host = await XlsxHost.fromBuffer(await toBytes(buildZengcheng2023IndexSystem({ ledger: plantedLedger().rows })));
  await generateReport(host, { rules: ['gz-zengcheng-2023'] }, { writeSheet: true });
  const saved = await reopen(await host.toBuffer());
  const ws = saved.getWorksheet(REPORT_SHEET)!;
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.getColumn(KEY_COLUMN + 1).hidden).toBe(true);

  // The evaluator types the reason for 救助政策知晓率's 2-point deduction into its row, in Excel.
  const rows = Array.from(ws.getColumn(1).values, (v) => String(v ?? ''));
  const row = rows.findIndex((t) => t.includes('效果性“救助政策知晓率”得分 3 分（分值 5 分），扣 2 分。偏差原因：【待填写】'));
  expect(row).toBeGreaterThan(0);
  const typed = rows[row].replace(/【待填写】.*$/, '回访 120 名职工中 31 人不了解申请渠道，宣传不到位。');
  ws.getCell(row, 1).value = typed;
  const edited = new Uint8Array((await saved.xlsx.writeBuffer()) as ArrayBuffer);

  const again = await XlsxHost.fromBuffer(edited);
  const { draft } = await generateReport(again, { rules: ['gz-zengcheng-2023'] }, { writeSheet: true });
  const rewritten = (await reopen(await again.toBuffer())).getWorksheet(REPORT_SHEET)!;
  expect(Array.from(rewritten.getColumn(1).values, (v) => String(v ?? ''))).toContain(typed);
  const analysis = draft.sections[3].blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs : []));
  expect(analysis).toContainEqual(expect.objectContaining({ kind: 'placeholder', text: '回访 120 名职工中 31 人不了解申请渠道，宣传不到位。' }));
});
