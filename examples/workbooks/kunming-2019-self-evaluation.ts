/**
 * Seed 002: 昆明市总工会送温暖专项资金 项目支出绩效自评表 (2019), laid out the way the provincial system
 * exports it — a title, the project header, the budget block with a row-spanning 项目资金（万元） label and
 * amounts as text (`6,000,000.00`), the 年度总体目标, the self-reported total and grade, the 注 lines, then
 * the indicator block. Two layouts of the indicator block:
 * - `buildKunming2019SelfEvaluation`: 一级/二级指标 in their own columns, merged vertically;
 * - `buildKunming2019SubtotalRows`: one 项目绩效指标 column with subtotal rows (产出指标 | | | 50.00 | 50.00).
 */
import ExcelJS from 'exceljs';
import {
  KUNMING_2019_INDICATORS,
  KUNMING_2019_NOTES,
  KUNMING_2019_OVERALL_ACTUAL,
  KUNMING_2019_OVERALL_TARGET,
  type SelfEvaluationIndicator,
} from '../data/kunming2019';
import {
  BODY_FONT,
  CENTER,
  HEADER_FONT,
  LEFT_WRAP,
  NOTE_FONT,
  RIGHT,
  SUBTITLE_FONT,
  TITLE_FONT,
  boxRange,
  formatAmountText,
  mergeWrite,
  setColumnWidths,
  stampWorkbook,
  styleRange,
} from '../support/sheetStyle';

export type { SelfEvaluationIndicator } from '../data/kunming2019';
export { KUNMING_2019_EXPECTED, KUNMING_2019_INDICATORS } from '../data/kunming2019';

/** One row of the budget block, in 元. `null` leaves the cell empty. */
export interface BudgetRowFigures {
  /** 年初预算数 */
  initial: number | null;
  /** 全年预算数 */
  adjusted: number | null;
  /** 全年执行数 */
  executed: number | null;
}

export interface Kunming2019BudgetOptions {
  /** 年度资金总额 */
  total?: Partial<BudgetRowFigures>;
  /** 其中：当年财政拨款 */
  fiscal?: Partial<BudgetRowFigures>;
  /** 上年结转资金 */
  carryOver?: Partial<BudgetRowFigures>;
  /** 其他资金 */
  other?: Partial<BudgetRowFigures>;
  /** 分值 of the budget row; default `'10.00'`. `null` leaves it empty. */
  weight?: string | number | null;
  /** 执行率; default executed / adjusted as text with 2 decimals (`'1.00'`). */
  rate?: string | number | null;
  /** 得分; default weight × min(rate, 1) as text with 2 decimals. */
  score?: string | number | null;
  /**
   * Write amounts, 分值, 执行率 and 得分 as text like `6,000,000.00` (the provincial export, default) or
   * as numbers with a `#,##0.00` / `0.00` format.
   */
  asText?: boolean;
}

export interface Kunming2019Options {
  /** Default `项目支出绩效自评表`. */
  sheetName?: string;
  /** The indicator rows; default the seed's 31 rows (`KUNMING_2019_INDICATORS`). */
  indicators?: readonly SelfEvaluationIndicator[];
  budget?: Kunming2019BudgetOptions;
  /** 总分值; default `'100.00'` (text). */
  totalWeight?: string | number | null;
  /** 总得分 the unit reported; default `'100.00'` (text). */
  selfTotal?: string | number | null;
  /** 自评等级; default `'优'`. */
  selfGrade?: string | null;
  /**
   * Merged-column layout only: merge 一级/二级 cells vertically (default true). With false every row
   * repeats its 一级/二级 label, as a sheet does after someone unmerged it to sort.
   */
  mergeLevels?: boolean;
}

type IndicatorLayout = 'mergedColumns' | 'subtotalRows';

const DEFAULT_SHEET_NAME = '项目支出绩效自评表';
const SCORE_FORMAT = '0.00';
const AMOUNT_FORMAT = '#,##0.00';

const SEED_BUDGET: Required<Pick<Kunming2019BudgetOptions, 'total' | 'fiscal' | 'carryOver' | 'other'>> = {
  total: { initial: 6_000_000, adjusted: 6_000_000, executed: 6_000_000 },
  fiscal: { initial: 6_000_000, adjusted: 6_000_000, executed: 6_000_000 },
  carryOver: { initial: null, adjusted: null, executed: null },
  other: { initial: null, adjusted: null, executed: null },
};

function fullRow(partial: Partial<BudgetRowFigures> | undefined, fallback: Partial<BudgetRowFigures>): BudgetRowFigures {
  const merged = { ...fallback, ...partial };
  return { initial: merged.initial ?? null, adjusted: merged.adjusted ?? null, executed: merged.executed ?? null };
}

function figureCell(cell: ExcelJS.Cell, value: number | string | null, asText: boolean, format: string): void {
  if (value === null) return;
  if (typeof value === 'string') {
    cell.value = value;
    return;
  }
  if (asText) {
    cell.value = formatAmountText(value);
  } else {
    cell.value = value;
    cell.numFmt = format;
  }
}

/** Rows 1–16: title, project header, budget block, 年度总体目标, totals and notes. Returns the last row used. */
function writeHeaderAndBudget(ws: ExcelJS.Worksheet, options: Kunming2019Options): number {
  const budget = options.budget ?? {};
  const asText = budget.asText ?? true;

  ws.getRow(1).height = 36;
  const title = mergeWrite(ws, 'A1:H1', '项目支出绩效自评表');
  title.font = TITLE_FONT;
  title.alignment = CENTER;
  const year = mergeWrite(ws, 'A2:H2', '（2019年度）');
  year.font = SUBTITLE_FONT;
  year.alignment = CENTER;

  ws.getCell('A3').value = '项目名称';
  mergeWrite(ws, 'B3:H3', '昆明市总工会送温暖专项资金');
  ws.getCell('A4').value = '主管部门';
  mergeWrite(ws, 'B4:D4', '行政政法处');
  ws.getCell('E4').value = '实施单位';
  mergeWrite(ws, 'F4:H4', '昆明市总工会');

  // Budget block: the 项目资金（万元） label spans the header row and the four fund rows.
  mergeWrite(ws, 'A5:A9', '项目资金\n（万元）');
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((header, i) => {
    ws.getCell(5, 3 + i).value = header;
  });

  const rows: [string, BudgetRowFigures][] = [
    ['年度资金总额', fullRow(budget.total, SEED_BUDGET.total)],
    ['其中：当年财政拨款', fullRow(budget.fiscal, SEED_BUDGET.fiscal)],
    ['上年结转资金', fullRow(budget.carryOver, SEED_BUDGET.carryOver)],
    ['其他资金', fullRow(budget.other, SEED_BUDGET.other)],
  ];
  rows.forEach(([label, figures], i) => {
    const r = 6 + i;
    ws.getCell(r, 2).value = label;
    figureCell(ws.getCell(r, 3), figures.initial, asText, AMOUNT_FORMAT);
    figureCell(ws.getCell(r, 4), figures.adjusted, asText, AMOUNT_FORMAT);
    figureCell(ws.getCell(r, 5), figures.executed, asText, AMOUNT_FORMAT);
  });

  const total = rows[0][1];
  const weight = budget.weight === undefined ? 10 : budget.weight;
  const base = total.adjusted ?? total.initial;
  const computedRate = base && total.executed !== null ? total.executed / base : null;
  const rate = budget.rate === undefined ? computedRate : budget.rate;
  const numericWeight = typeof weight === 'number' ? weight : weight === null ? null : Number(weight);
  const numericRate = typeof rate === 'number' ? rate : rate === null ? null : Number(rate);
  const computedScore =
    numericWeight !== null && numericRate !== null ? numericWeight * Math.min(numericRate, 1) : null;
  const score = budget.score === undefined ? computedScore : budget.score;
  const asScoreText = (v: number | string | null): number | string | null =>
    typeof v === 'number' && asText ? v.toFixed(2) : v;
  figureCell(ws.getCell('F6'), asScoreText(weight), false, SCORE_FORMAT);
  figureCell(ws.getCell('G6'), asScoreText(rate), false, SCORE_FORMAT);
  figureCell(ws.getCell('H6'), asScoreText(score), false, SCORE_FORMAT);

  mergeWrite(ws, 'A10:A11', '年度\n总体\n目标');
  mergeWrite(ws, 'B10:E10', '预期目标');
  mergeWrite(ws, 'F10:H10', '实际完成情况');
  const target = mergeWrite(ws, 'B11:E11', KUNMING_2019_OVERALL_TARGET);
  const actual = mergeWrite(ws, 'F11:H11', KUNMING_2019_OVERALL_ACTUAL);
  ws.getRow(11).height = 120;

  ws.getCell('A12').value = '其他需要说明的事项';
  mergeWrite(ws, 'B12:H12', '无');
  ws.getRow(12).height = 30;

  ws.getCell('A13').value = '总分值';
  ws.getCell('B13').value = options.totalWeight === undefined ? '100.00' : options.totalWeight;
  ws.getCell('C13').value = '总得分';
  ws.getCell('D13').value = options.selfTotal === undefined ? '100.00' : options.selfTotal;
  ws.getCell('E13').value = '自评等级';
  mergeWrite(ws, 'F13:H13', options.selfGrade === undefined ? '优' : options.selfGrade);

  styleRange(ws, 'A3:H13', { font: BODY_FONT, alignment: CENTER });
  target.alignment = LEFT_WRAP;
  actual.alignment = LEFT_WRAP;
  // The system indents the sub-rows under 年度资金总额.
  for (let r = 7; r <= 9; r++) ws.getCell(r, 2).alignment = { horizontal: 'left', vertical: 'middle', indent: r === 7 ? 0 : 2 };
  for (let r = 6; r <= 9; r++) {
    for (let c = 3; c <= 8; c++) ws.getCell(r, c).alignment = RIGHT;
  }
  styleRange(ws, 'C5:H5', { font: HEADER_FONT });
  boxRange(ws, 'A3:H13');

  KUNMING_2019_NOTES.forEach((note, i) => {
    const cell = mergeWrite(ws, `A${14 + i}:H${14 + i}`, note);
    cell.font = NOTE_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });
  return 16;
}

const longText = (value: SelfEvaluationIndicator['target']): boolean => typeof value === 'string' && value.length > 24;

function rowHeightFor(indicator: SelfEvaluationIndicator): number {
  if (longText(indicator.target) || longText(indicator.actual)) return 54;
  if ((indicator.explanation ?? '').length > 16) return 40;
  return 20;
}

function scoreCell(cell: ExcelJS.Cell, value: number | string | null): void {
  if (value === null) return;
  cell.value = value;
  if (typeof value === 'number') cell.numFmt = SCORE_FORMAT;
}

/** Consecutive runs of equal keys, as [firstIndex, lastIndex]. */
function runs<T>(items: readonly T[], key: (item: T) => string): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && key(items[last[0]]) === key(item)) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

function writeMergedColumnIndicators(
  ws: ExcelJS.Worksheet,
  startRow: number,
  indicators: readonly SelfEvaluationIndicator[],
  mergeLevels: boolean,
): number {
  const headerRow = startRow;
  const headers = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  headers.forEach((h, i) => {
    ws.getCell(headerRow, i + 1).value = h;
  });
  ws.getRow(headerRow).height = 24;
  const first = headerRow + 1;
  indicators.forEach((ind, i) => {
    const r = first + i;
    ws.getCell(r, 1).value = ind.level1;
    ws.getCell(r, 2).value = ind.level2;
    ws.getCell(r, 3).value = ind.name;
    if (ind.target !== null) ws.getCell(r, 4).value = ind.target;
    if (ind.actual !== null) ws.getCell(r, 5).value = ind.actual;
    scoreCell(ws.getCell(r, 6), ind.weight);
    scoreCell(ws.getCell(r, 7), ind.selfScore);
    if (ind.explanation !== null) ws.getCell(r, 8).value = ind.explanation;
    ws.getRow(r).height = rowHeightFor(ind);
  });
  const last = first + indicators.length - 1;
  styleRange(ws, `A${headerRow}:H${headerRow}`, { font: HEADER_FONT, alignment: CENTER });
  styleRange(ws, `A${first}:C${last}`, { font: BODY_FONT, alignment: CENTER });
  styleRange(ws, `D${first}:E${last}`, { font: BODY_FONT, alignment: LEFT_WRAP });
  styleRange(ws, `F${first}:G${last}`, { font: BODY_FONT, alignment: CENTER });
  styleRange(ws, `H${first}:H${last}`, { font: BODY_FONT, alignment: LEFT_WRAP });

  if (mergeLevels) {
    for (const [a, b] of runs(indicators, (x) => x.level1)) {
      if (b > a) ws.mergeCells(first + a, 1, first + b, 1);
    }
    for (const [a, b] of runs(indicators, (x) => `${x.level1}\u0000${x.level2}`)) {
      if (b > a) ws.mergeCells(first + a, 2, first + b, 2);
    }
  }
  boxRange(ws, `A${headerRow}:H${last}`);
  return last;
}

function sumOrNull(values: readonly (number | string | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return Math.round(sum * 100) / 100;
}

function writeSubtotalRowIndicators(
  ws: ExcelJS.Worksheet,
  startRow: number,
  indicators: readonly SelfEvaluationIndicator[],
): number {
  const headers = ['项目绩效指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  headers.forEach((h, i) => {
    ws.getCell(startRow, i + 1).value = h;
  });
  styleRange(ws, `A${startRow}:F${startRow}`, { font: HEADER_FONT, alignment: CENTER });
  ws.getRow(startRow).height = 24;

  let r = startRow + 1;
  const subtotal = (label: string, group: readonly SelfEvaluationIndicator[], indent: number, bold: boolean): void => {
    ws.getCell(r, 1).value = label;
    scoreCell(ws.getCell(r, 4), sumOrNull(group.map((x) => x.weight)));
    scoreCell(ws.getCell(r, 5), sumOrNull(group.map((x) => x.selfScore)));
    const font = bold ? HEADER_FONT : BODY_FONT;
    styleRange(ws, `A${r}:F${r}`, { font, alignment: CENTER });
    ws.getCell(r, 1).alignment = { horizontal: 'left', vertical: 'middle', indent };
    ws.getRow(r).height = 20;
    r++;
  };
  for (const [a1, b1] of runs(indicators, (x) => x.level1)) {
    const level1 = indicators.slice(a1, b1 + 1);
    subtotal(level1[0].level1, level1, 0, true);
    for (const [a2, b2] of runs(level1, (x) => x.level2)) {
      const level2 = level1.slice(a2, b2 + 1);
      subtotal(level2[0].level2, level2, 1, false);
      for (const ind of level2) {
        ws.getCell(r, 1).value = ind.name;
        if (ind.target !== null) ws.getCell(r, 2).value = ind.target;
        if (ind.actual !== null) ws.getCell(r, 3).value = ind.actual;
        scoreCell(ws.getCell(r, 4), ind.weight);
        scoreCell(ws.getCell(r, 5), ind.selfScore);
        if (ind.explanation !== null) ws.getCell(r, 6).value = ind.explanation;
        styleRange(ws, `A${r}:F${r}`, { font: BODY_FONT, alignment: LEFT_WRAP });
        styleRange(ws, `D${r}:E${r}`, { alignment: CENTER });
        ws.getCell(r, 1).alignment = { horizontal: 'left', vertical: 'middle', indent: 2, wrapText: true };
        ws.getRow(r).height = rowHeightFor(ind);
        r++;
      }
    }
  }
  const last = r - 1;
  boxRange(ws, `A${startRow}:F${last}`);
  return last;
}

function writeSignatureLine(ws: ExcelJS.Worksheet, row: number, lastColumn: string): void {
  const cell = mergeWrite(
    ws,
    `A${row}:${lastColumn}${row}`,
    '单位负责人：　　　　　　财务负责人：　　　　　　填表人：　　　　　　联系电话：　　　　　　填报日期：2020年3月20日',
  );
  cell.font = NOTE_FONT;
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
}

function build(layout: IndicatorLayout, options: Kunming2019Options): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, '昆明市总工会', new Date(Date.UTC(2020, 2, 20, 9, 30)));
  const ws = wb.addWorksheet(options.sheetName ?? DEFAULT_SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
  const indicators = options.indicators ?? KUNMING_2019_INDICATORS;

  if (layout === 'mergedColumns') setColumnWidths(ws, [11, 18, 16, 30, 30, 10, 10, 30]);
  else setColumnWidths(ws, [20, 32, 32, 11, 11, 30, 10, 10]);

  const lastTop = writeHeaderAndBudget(ws, options);
  // A blank row, then the section title the printed form carries, then the indicator block.
  const sectionRow = lastTop + 2;
  const lastColumn = layout === 'mergedColumns' ? 'H' : 'F';
  const section = mergeWrite(ws, `A${sectionRow}:${lastColumn}${sectionRow}`, '项目支出绩效目标');
  section.font = { name: '宋体', size: 12, bold: true };
  section.alignment = CENTER;
  ws.getRow(sectionRow).height = 24;

  const last =
    layout === 'mergedColumns'
      ? writeMergedColumnIndicators(ws, sectionRow + 1, indicators, options.mergeLevels ?? true)
      : writeSubtotalRowIndicators(ws, sectionRow + 1, indicators);
  writeSignatureLine(ws, last + 2, lastColumn);
  return wb;
}

/** The 自评表 with 一级/二级指标 in merged columns (`examples/kunming-2019-self-evaluation.xlsx`). */
export function buildKunming2019SelfEvaluation(options: Kunming2019Options = {}): ExcelJS.Workbook {
  return build('mergedColumns', options);
}

/**
 * The same 自评表 with the hierarchy given by subtotal rows instead of columns, as the seed prints it:
 * `项目绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施`, a row `产出指标 | | | 50.00 | 50.00`,
 * then `数量指标 | | | 15.00 | 15.00`, then its 三级 rows. Subtotals are the sums of their rows.
 */
export function buildKunming2019SubtotalRows(options: Omit<Kunming2019Options, 'mergeLevels'> = {}): ExcelJS.Workbook {
  return build('subtotalRows', options);
}
