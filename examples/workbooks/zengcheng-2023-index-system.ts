/**
 * Seed 001: 增城区总工会 困难职工帮扶资金（送温暖费）2023 as an evaluator's workbook — the 评价指标体系 with
 * 评价得分 (and 表 3-1 below it), the 预算执行 table, and the 发放明细 ledger the scores were checked against.
 */
import ExcelJS from 'exceljs';
import {
  ZENGCHENG_2023_BUDGET,
  ZENGCHENG_2023_BUDGET_TOTAL,
  ZENGCHENG_2023_INDEX_ROWS,
  type IndexSystemRow,
} from '../data/zengcheng2023IndexSystem';
import { generateZengcheng2023Ledger, type ZengchengLedgerRow } from '../data/zengcheng2023Ledger';
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

export type { IndexSystemRow } from '../data/zengcheng2023IndexSystem';
export type { ZengchengLedgerRow } from '../data/zengcheng2023Ledger';
export {
  EMERGENCY,
  QUARTERLY,
  ZENGCHENG_2023_LEDGER_FACTS,
  generateZengcheng2023Ledger,
} from '../data/zengcheng2023Ledger';
export {
  ZENGCHENG_2023_BUDGET,
  ZENGCHENG_2023_BUDGET_TOTAL,
  ZENGCHENG_2023_INDEX_ROWS,
  ZENGCHENG_2023_SUMMARY,
} from '../data/zengcheng2023IndexSystem';

export interface Zengcheng2023Options {
  /** The 三级 rows; default `ZENGCHENG_2023_INDEX_ROWS`. */
  indexRows?: readonly IndexSystemRow[];
  /** Override 评价得分 by 三级指标 name, e.g. `{ 救助标准: 6 }` or `{ 救助标准: '良' }`. */
  scores?: Readonly<Record<string, number | string | null>>;
  /** Write 表 3-1 评价情况总表 under the index system (default true). */
  includeSummaryTable?: boolean;
  /** The 发放明细 rows; default `generateZengcheng2023Ledger()`. */
  ledger?: readonly ZengchengLedgerRow[];
  /** A 合计 row with a SUM formula under the ledger (default true). */
  ledgerTotalRow?: boolean;
}

const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';

/** `过程\n（24 分）` → `过程`. */
const factorName = (label: string): string => label.replace(/\s+/g, '').replace(/[（(].*$/, '');

function runs(rows: readonly IndexSystemRow[], key: (row: IndexSystemRow) => string): [number, number][] {
  const out: [number, number][] = [];
  rows.forEach((row, i) => {
    const last = out[out.length - 1];
    if (last && key(rows[last[0]]) === key(row)) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

const numericSum = (values: readonly (number | string | null)[]): number =>
  Math.round(values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0) * 100) / 100;

function writeIndexSystem(wb: ExcelJS.Workbook, options: Zengcheng2023Options): void {
  const ws = wb.addWorksheet('评价指标体系', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  setColumnWidths(ws, [12, 16, 24, 8, 56, 10]);
  const rows = (options.indexRows ?? ZENGCHENG_2023_INDEX_ROWS).map((row) =>
    options.scores && row.name in options.scores ? { ...row, score: options.scores[row.name] ?? null } : row,
  );

  ws.getRow(1).height = 40;
  const title = mergeWrite(ws, 'A1:F1', '2023年困难职工帮扶资金（送温暖费）项目绩效评价指标体系及评分表');
  title.font = { ...TITLE_FONT, size: 16 };
  title.alignment = CENTER;
  const unit = ws.getCell('F2');
  unit.value = '单位：分';
  unit.font = NOTE_FONT;
  unit.alignment = RIGHT;

  const headerRow = 3;
  ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '评价得分'].forEach((h, i) => {
    ws.getCell(headerRow, i + 1).value = h;
  });
  styleRange(ws, `A${headerRow}:F${headerRow}`, { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });
  ws.getRow(headerRow).height = 22;

  const first = headerRow + 1;
  rows.forEach((row, i) => {
    const r = first + i;
    ws.getCell(r, 1).value = row.level1Label;
    ws.getCell(r, 2).value = row.level2Label;
    ws.getCell(r, 3).value = row.name;
    ws.getCell(r, 4).value = row.weight;
    ws.getCell(r, 5).value = row.criterion;
    if (row.score !== null) ws.getCell(r, 6).value = row.score;
    ws.getRow(r).height = 36;
  });
  const last = first + rows.length - 1;
  styleRange(ws, `A${first}:D${last}`, { font: BODY_FONT, alignment: CENTER });
  styleRange(ws, `E${first}:E${last}`, { font: BODY_FONT, alignment: LEFT_WRAP });
  styleRange(ws, `F${first}:F${last}`, { font: BODY_FONT, alignment: CENTER });
  for (const [a, b] of runs(rows, (x) => x.level1Label)) {
    if (b > a) ws.mergeCells(first + a, 1, first + b, 1);
  }
  for (const [a, b] of runs(rows, (x) => `${x.level1Label}\u0000${x.level2Label}`)) {
    if (b > a) ws.mergeCells(first + a, 2, first + b, 2);
  }

  const totalRow = last + 1;
  mergeWrite(ws, `A${totalRow}:C${totalRow}`, '合计');
  ws.getCell(totalRow, 4).value = { formula: `SUM(D${first}:D${last})`, result: numericSum(rows.map((r) => r.weight)) };
  ws.getCell(totalRow, 6).value = { formula: `SUM(F${first}:F${last})`, result: numericSum(rows.map((r) => r.score)) };
  styleRange(ws, `A${totalRow}:F${totalRow}`, { font: HEADER_FONT, alignment: CENTER });
  ws.getRow(totalRow).height = 22;
  boxRange(ws, `A${headerRow}:F${totalRow}`);

  if (options.includeSummaryTable ?? true) {
    const captionRow = totalRow + 2;
    const caption = mergeWrite(ws, `A${captionRow}:D${captionRow}`, '表 3-1 评价情况总表');
    caption.font = { ...SUBTITLE_FONT, bold: true };
    caption.alignment = CENTER;
    const head = captionRow + 1;
    ['评价因素', '分值', '评价得分', '得分率'].forEach((h, i) => {
      ws.getCell(head, i + 1).value = h;
    });
    styleRange(ws, `A${head}:D${head}`, { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });
    const factors = runs(rows, (x) => x.level1Label).map(([a, b]) => {
      const group = rows.slice(a, b + 1);
      return {
        factor: factorName(group[0].level1Label),
        weight: numericSum(group.map((g) => g.weight)),
        score: numericSum(group.map((g) => g.score)),
      };
    });
    const all = [
      { factor: '评价总得分', weight: numericSum(rows.map((r) => r.weight)), score: numericSum(rows.map((r) => r.score)) },
      ...factors,
    ];
    all.forEach((f, i) => {
      const r = head + 1 + i;
      ws.getCell(r, 1).value = f.factor;
      ws.getCell(r, 2).value = f.weight;
      ws.getCell(r, 3).value = f.score;
      const rate = ws.getCell(r, 4);
      rate.value = f.weight ? Math.round((f.score / f.weight) * 10_000) / 10_000 : 0;
      rate.numFmt = '0.00%';
    });
    const end = head + all.length;
    styleRange(ws, `A${head + 1}:D${end}`, { font: BODY_FONT, alignment: CENTER });
    boxRange(ws, `A${head}:D${end}`);
  }
}

function writeBudget(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('预算执行');
  setColumnWidths(ws, [18, 16, 16, 16, 12]);
  const title = mergeWrite(ws, 'A1:E1', '2023年困难职工帮扶资金（送温暖费）预算执行情况');
  title.font = { ...SUBTITLE_FONT, bold: true, size: 14 };
  title.alignment = CENTER;
  ws.getRow(1).height = 30;
  const unit = ws.getCell('E2');
  unit.value = '单位：元';
  unit.font = NOTE_FONT;
  unit.alignment = RIGHT;

  ['资金来源', '年初预算数', '调整后预算数', '实际支出数', '执行率'].forEach((h, i) => {
    ws.getCell(3, i + 1).value = h;
  });
  styleRange(ws, 'A3:E3', { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });

  ZENGCHENG_2023_BUDGET.forEach((line, i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = line.source;
    ws.getCell(r, 2).value = line.initial;
    ws.getCell(r, 3).value = line.adjusted;
    ws.getCell(r, 4).value = line.executed;
    ws.getCell(r, 5).value = line.rate;
  });
  const t = ZENGCHENG_2023_BUDGET_TOTAL;
  ws.getCell('A6').value = t.source;
  ws.getCell('B6').value = { formula: 'SUM(B4:B5)', result: t.initial };
  ws.getCell('C6').value = { formula: 'SUM(C4:C5)', result: t.adjusted };
  ws.getCell('D6').value = { formula: 'SUM(D4:D5)', result: t.executed };
  ws.getCell('E6').value = t.rate;

  styleRange(ws, 'A4:E6', { font: BODY_FONT, alignment: RIGHT });
  styleRange(ws, 'A4:A6', { alignment: CENTER });
  ws.getCell('A6').font = HEADER_FONT;
  for (let r = 4; r <= 6; r++) {
    for (const c of ['B', 'C', 'D']) ws.getCell(`${c}${r}`).numFmt = MONEY_FORMAT;
    ws.getCell(`E${r}`).numFmt = '0.00%';
  }
  boxRange(ws, 'A3:E6');

  const note = mergeWrite(
    ws,
    'A8:E8',
    '注：年中按财政要求压减经费，进行预算调整，调整后预算为270000元（财政预算资金2000元，工会经费268000元）。',
  );
  note.font = NOTE_FONT;
  note.alignment = LEFT_WRAP;
  ws.getRow(8).height = 30;
}

function dateCell(cell: ExcelJS.Cell, value: Date | string | null): void {
  if (value === null) return;
  cell.value = value;
  if (value instanceof Date) cell.numFmt = DATE_FORMAT;
}

function writeLedger(wb: ExcelJS.Workbook, options: Zengcheng2023Options): void {
  const ws = wb.addWorksheet('发放明细', { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  setColumnWidths(ws, [6, 10, 21, 10, 10, 30, 11, 12, 12, 12]);
  const rows = options.ledger ?? generateZengcheng2023Ledger();

  const title = mergeWrite(ws, 'A1:J1', '增城区总工会2023年困难职工帮扶救助发放明细表');
  title.font = { ...SUBTITLE_FONT, bold: true, size: 14 };
  title.alignment = CENTER;
  ws.getRow(1).height = 28;

  const headers = ['序号', '姓名', '身份证号', '户号', '救助类型', '救助原因', '金额（元）', '申请日期', '审核日期', '发放日期'];
  headers.forEach((h, i) => {
    ws.getCell(2, i + 1).value = h;
  });
  styleRange(ws, 'A2:J2', { font: HEADER_FONT, alignment: CENTER, fill: HEADER_FILL });

  rows.forEach((row, i) => {
    const r = 3 + i;
    const put = (c: number, v: string | number | null): void => {
      if (v !== null) ws.getCell(r, c).value = v;
    };
    put(1, row.seq);
    put(2, row.name);
    const id = ws.getCell(r, 3);
    id.numFmt = '@';
    if (row.idNumber !== null) id.value = row.idNumber;
    put(4, row.household);
    put(5, row.type);
    put(6, row.reason);
    const amount = ws.getCell(r, 7);
    if (row.amount !== null) amount.value = row.amount;
    amount.numFmt = MONEY_FORMAT;
    dateCell(ws.getCell(r, 8), row.appliedOn);
    dateCell(ws.getCell(r, 9), row.reviewedOn);
    dateCell(ws.getCell(r, 10), row.paidOn);
  });
  let last = 2 + rows.length;
  if (rows.length > 0) {
    styleRange(ws, `A3:J${last}`, { font: BODY_FONT });
    styleRange(ws, `A3:A${last}`, { alignment: CENTER });
    styleRange(ws, `D3:E${last}`, { alignment: CENTER });
    styleRange(ws, `H3:J${last}`, { alignment: CENTER });
  }
  ws.autoFilter = `A2:J${last}`;

  if (options.ledgerTotalRow ?? true) {
    last++;
    mergeWrite(ws, `A${last}:F${last}`, '合计');
    const total = rows.reduce((s, r) => s + (typeof r.amount === 'number' ? r.amount : 0), 0);
    const cell = ws.getCell(last, 7);
    cell.value = { formula: `SUM(G3:G${last - 1})`, result: total };
    cell.numFmt = MONEY_FORMAT;
    styleRange(ws, `A${last}:J${last}`, { font: HEADER_FONT });
    ws.getCell(last, 1).alignment = CENTER;
  }
  boxRange(ws, `A2:J${last}`);
}

/** The evaluator's workbook (`examples/zengcheng-2023-index-system.xlsx`). */
export function buildZengcheng2023IndexSystem(options: Zengcheng2023Options = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, '增城区总工会', new Date(Date.UTC(2024, 3, 15, 2, 0)));
  writeIndexSystem(wb, options);
  writeBudget(wb);
  writeLedger(wb, options);
  return wb;
}
