/**
 * Seed 004: 五华区困难帮扶经费 2023 with targets, actuals, budget and ledger each on its own sheet — the
 * shape that needs joining by indicator name (SPEC §3) and a 万元 header that scales its column.
 */
import ExcelJS from 'exceljs';
import {
  WUHUA_2023_ACTUALS,
  WUHUA_2023_BUDGET,
  WUHUA_2023_TARGETS,
  generateWuhua2023Ledger,
  type ActualRow,
  type TargetRow,
  type WuhuaLedgerRow,
} from '../data/wuhua2023';
import {
  BODY_FONT,
  CENTER,
  HEADER_FILL,
  HEADER_FONT,
  LEFT_WRAP,
  NOTE_FONT,
  RIGHT,
  SUBTITLE_FONT,
  TITLE_FONT,
  boxRange,
  mergeWrite,
  setColumnWidths,
  stampWorkbook,
  styleRange,
} from '../support/sheetStyle';

export type { ActualRow, TargetRow, WuhuaLedgerRow } from '../data/wuhua2023';
export {
  WUHUA_2023_ACTUALS,
  WUHUA_2023_BUDGET,
  WUHUA_2023_EXPECTED,
  WUHUA_2023_PLANTED,
  WUHUA_2023_TARGETS,
  generateWuhua2023Ledger,
} from '../data/wuhua2023';

export interface Wuhua2023Options {
  /** 绩效目标申报表 rows; default `WUHUA_2023_TARGETS`. */
  targets?: readonly TargetRow[];
  /** 实际完成情况 rows; default `WUHUA_2023_ACTUALS`. */
  actuals?: readonly ActualRow[];
  /** 预算执行（万元）figures in 万元 (numbers) or as text; `null` leaves a cell empty. */
  budget?: { initial?: number | string | null; adjusted?: number | string | null; executed?: number | string | null };
  /** 发放明细 rows; default `generateWuhua2023Ledger({ plantAmountAnomalies })`. */
  ledger?: readonly WuhuaLedgerRow[];
  /** With the default ledger: one 600 元 row (sheet row 8) and one 400 元 row (sheet row 23). */
  plantAmountAnomalies?: boolean;
}

function runs<T>(items: readonly T[], key: (item: T) => string): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && key(items[last[0]]) === key(item)) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

function writeTargets(wb: ExcelJS.Workbook, targets: readonly TargetRow[]): void {
  const ws = wb.addWorksheet('绩效目标申报表');
  setColumnWidths(ws, [14, 20, 28, 16, 10]);
  const title = mergeWrite(ws, 'A1:E1', '2023年度项目支出绩效目标申报表');
  title.font = { ...TITLE_FONT, size: 16 };
  title.alignment = CENTER;
  ws.getRow(1).height = 36;

  ws.getCell('A2').value = '项目名称';
  mergeWrite(ws, 'B2:C2', '五华区困难帮扶经费');
  ws.getCell('D2').value = '主管部门';
  ws.getCell('E2').value = '昆明市五华区总工会';
  ws.getCell('A3').value = '年度总体目标';
  mergeWrite(
    ws,
    'B3:E3',
    '深入开展送温暖走访慰问活动。区总工会将组成慰问组深入各基层工会开展走访慰问活动，对相对困难职工家庭进行慰问；' +
      '积极对一线职工群体进行慰问，对重点产业链龙头企业坚守在工作岗位的一线职工进行走访慰问。',
  );
  styleRange(ws, 'A2:E3', { font: BODY_FONT, alignment: CENTER });
  ws.getCell('B3').alignment = LEFT_WRAP;
  ws.getRow(3).height = 60;
  boxRange(ws, 'A2:E3');

  const head = 5;
  ['一级指标', '二级指标', '三级指标', '指标值', '分值'].forEach((h, i) => {
    ws.getCell(head, i + 1).value = h;
  });
  styleRange(ws, `A${head}:E${head}`, { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });
  const first = head + 1;
  targets.forEach((t, i) => {
    const r = first + i;
    ws.getCell(r, 1).value = t.level1;
    ws.getCell(r, 2).value = t.level2;
    ws.getCell(r, 3).value = t.name;
    if (t.target !== null) ws.getCell(r, 4).value = t.target;
    if (t.weight !== null) ws.getCell(r, 5).value = t.weight;
    ws.getRow(r).height = 22;
  });
  const last = first + targets.length - 1;
  styleRange(ws, `A${first}:E${last}`, { font: BODY_FONT, alignment: CENTER });
  for (const [a, b] of runs(targets, (t) => t.level1)) {
    if (b > a) ws.mergeCells(first + a, 1, first + b, 1);
  }
  for (const [a, b] of runs(targets, (t) => `${t.level1}\u0000${t.level2}`)) {
    if (b > a) ws.mergeCells(first + a, 2, first + b, 2);
  }
  boxRange(ws, `A${head}:E${last}`);

  const sign = mergeWrite(ws, `A${last + 2}:E${last + 2}`, '填报单位（盖章）：昆明市五华区总工会　　　　填报日期：2023年1月10日');
  sign.font = NOTE_FONT;
}

function writeActuals(wb: ExcelJS.Workbook, actuals: readonly ActualRow[]): void {
  const ws = wb.addWorksheet('实际完成情况');
  setColumnWidths(ws, [30, 16, 36]);
  const title = mergeWrite(ws, 'A1:C1', '2023年度绩效目标实际完成情况');
  title.font = { ...SUBTITLE_FONT, bold: true, size: 14 };
  title.alignment = CENTER;
  ws.getRow(1).height = 28;
  ['指标名称', '实际完成值', '备注'].forEach((h, i) => {
    ws.getCell(2, i + 1).value = h;
  });
  styleRange(ws, 'A2:C2', { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });
  actuals.forEach((a, i) => {
    const r = 3 + i;
    ws.getCell(r, 1).value = a.name;
    const actual = ws.getCell(r, 2);
    if (a.actual !== null) actual.value = a.actual;
    if (a.numFmt) actual.numFmt = a.numFmt;
    if (a.note !== null) ws.getCell(r, 3).value = a.note;
  });
  const last = 2 + actuals.length;
  styleRange(ws, `A3:C${last}`, { font: BODY_FONT, alignment: LEFT_WRAP });
  styleRange(ws, `B3:B${last}`, { alignment: CENTER });
  boxRange(ws, `A2:C${last}`);
}

function writeBudget(wb: ExcelJS.Workbook, budget: Wuhua2023Options['budget']): void {
  const ws = wb.addWorksheet('预算执行（万元）');
  setColumnWidths(ws, [24, 18, 20, 16]);
  const title = mergeWrite(ws, 'A1:D1', '五华区困难帮扶经费预算执行情况');
  title.font = { ...SUBTITLE_FONT, bold: true, size: 14 };
  title.alignment = CENTER;
  ws.getRow(1).height = 28;
  ['项目', '年初预算（万元）', '调整后预算（万元）', '执行数（万元）'].forEach((h, i) => {
    ws.getCell(2, i + 1).value = h;
  });
  styleRange(ws, 'A2:D2', { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });
  ws.getCell('A3').value = WUHUA_2023_BUDGET.project;
  (['initial', 'adjusted', 'executed'] as const).forEach((key, i) => {
    const cell = ws.getCell(3, 2 + i);
    const override = budget?.[key];
    const value = override === undefined ? WUHUA_2023_BUDGET[key] : override;
    if (value === null) return;
    cell.value = value;
    if (typeof value === 'number') cell.numFmt = '0.00';
  });
  styleRange(ws, 'A3:D3', { font: BODY_FONT, alignment: RIGHT });
  ws.getCell('A3').alignment = CENTER;
  boxRange(ws, 'A2:D3');
  const note = mergeWrite(ws, 'A5:D5', '注：资金来源为财政资金，预算执行率100%。');
  note.font = NOTE_FONT;
}

function writeLedger(wb: ExcelJS.Workbook, rows: readonly WuhuaLedgerRow[]): void {
  const ws = wb.addWorksheet('发放明细', { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  setColumnWidths(ws, [10, 21, 30, 26, 10, 12]);
  const title = mergeWrite(ws, 'A1:F1', '2023年五一劳动节送温暖慰问一线职工（环卫工人）发放明细表');
  title.font = { ...SUBTITLE_FONT, bold: true, size: 14 };
  title.alignment = CENTER;
  ws.getRow(1).height = 28;
  ['姓名', '身份证号', '单位', '慰问类别', '金额', '发放日期'].forEach((h, i) => {
    ws.getCell(2, i + 1).value = h;
  });
  styleRange(ws, 'A2:F2', { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });
  rows.forEach((row, i) => {
    const r = 3 + i;
    if (row.name !== null) ws.getCell(r, 1).value = row.name;
    const id = ws.getCell(r, 2);
    id.numFmt = '@';
    if (row.idNumber !== null) id.value = row.idNumber;
    if (row.unit !== null) ws.getCell(r, 3).value = row.unit;
    if (row.category !== null) ws.getCell(r, 4).value = row.category;
    if (row.amount !== null) ws.getCell(r, 5).value = row.amount;
    const paid = ws.getCell(r, 6);
    if (row.paidOn !== null) paid.value = row.paidOn;
    if (row.paidOn instanceof Date) paid.numFmt = 'yyyy-mm-dd';
  });
  const lastData = 2 + rows.length;
  const totalRow = lastData + 1;
  mergeWrite(ws, `A${totalRow}:D${totalRow}`, '合计');
  const total = rows.reduce((s, r) => s + (typeof r.amount === 'number' ? r.amount : 0), 0);
  ws.getCell(totalRow, 5).value = { formula: `SUM(E3:E${lastData})`, result: total };
  if (rows.length > 0) styleRange(ws, `A3:F${lastData}`, { font: BODY_FONT });
  styleRange(ws, `A${totalRow}:F${totalRow}`, { font: HEADER_FONT });
  ws.getCell(totalRow, 1).alignment = CENTER;
  boxRange(ws, `A2:F${totalRow}`);
  const sign = mergeWrite(ws, `A${totalRow + 2}:F${totalRow + 2}`, '经办人：　　　　　　审核人：　　　　　　分管领导：');
  sign.font = NOTE_FONT;
}

/** `examples/wuhua-2023-separate-sheets.xlsx`. */
export function buildWuhua2023SeparateSheets(options: Wuhua2023Options = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, '昆明市五华区总工会', new Date(Date.UTC(2024, 2, 1, 3, 0)));
  writeTargets(wb, options.targets ?? WUHUA_2023_TARGETS);
  writeActuals(wb, options.actuals ?? WUHUA_2023_ACTUALS);
  writeBudget(wb, options.budget);
  writeLedger(wb, options.ledger ?? generateWuhua2023Ledger({ plantAmountAnomalies: options.plantAmountAnomalies }));
  return wb;
}
