/**
 * Layouts: the ways finance staff lay out the same evaluation (SPEC §3, issue 11). A `LayoutOptions`
 * is a set of independent choices; `BASELINE` is the plainest 自评表, and every choice that differs
 * from it is a named feature (`featuresOf`), so misses group by feature and a test can ask for one
 * feature at a time (`withFeature`). `renderLayout` turns truth + options into a `WorkbookSpec`.
 */
import fc from 'fast-check';
import { createPrng, type Prng } from '../../../examples/support/prng';
import type { CellRange } from '../../../src/core/snapshot';
import { LEVEL1_WEIGHTS, type Evaluation, type Indicator, type Level1 } from './evaluation';
import { emptySheet, type SpecCell, type SpecSheet, type WorkbookSpec } from './workbookSpec';

export const BUDGET_HEADERS = [
  '年初预算数|全年预算数|全年执行数',
  '年初预算|调整后预算数|执行数',
  '预算数|执行数',
  '预算数|实际支出数|结余',
  '调整后预算|支出数',
  '年初预算数|全年执行数',
  '两行表头:资金情况>预算数|执行数',
  '两行表头:预算数>年初预算|调整后预算,执行数',
] as const;
export type BudgetHeader = (typeof BUDGET_HEADERS)[number];

export interface LayoutOptions {
  /** One 自评表; targets, actuals and budget on three sheets; or targets A:E beside actuals H:J. */
  structure: 'selfEvaluation' | 'separateSheets' | 'sideBySide';
  /** 一级/二级 in columns on every row; merged down the group; written on the group's first row only; or subtotal rows. */
  hierarchy: 'columns' | 'mergedLabels' | 'firstRowOnly' | 'subtotalRows';
  columnOrder: 'standard' | 'weightFirst' | 'weightBeforeActual';
  nameWord: '三级指标' | '指标名称' | '绩效指标';
  targetWord: '年度指标值' | '指标值' | '目标值';
  actualWord: '实际完成值' | '完成值' | '实际值';
  weightWord: '分值' | '权重';
  selfScoreWord: '得分' | '自评得分';
  /** 年度\n指标值: a line break inside header cells. */
  headerLineBreaks: boolean;
  /** Title, 填报单位 and 单位 rows above each table. */
  titleRows: boolean;
  /** 说明 and 填表人 rows below the table. */
  notesBelow: boolean;
  /** The unit's own 得分 column (自评表 only). */
  selfScores: boolean;
  /** 偏差原因分析及改进措施 (自评表) or 备注 (actuals) column. */
  explanationColumn: boolean;
  /** A total row at the bottom with the self-reported total in the 得分 column (自评表 with 得分 only). */
  totalRow: 'none' | '总分' | '合计' | '总计' | '总得分' | '自评总分';
  /** The total label merged across the label columns. */
  mergedTotalLabel: boolean;
  budgetHeader: BudgetHeader;
  /** Budget figures in 元 with no unit stated, in 元 stated in the headers, or in 万元 stated in the headers. */
  budgetUnit: '元' | '（元）' | '（万元）';
  /** Amounts as numbers (#,##0.00), as text `6,000,000.00`, or the executed figure as a formula with its cached result. */
  budgetAmounts: 'number' | 'text' | 'formula';
  /** One row; a total row then 其中 rows; or source rows then a 合计 row. */
  budgetRows: 'single' | 'totalThenParts' | 'partsThenTotal';
  /** 分值 | 执行率 | 得分 after the amounts in the 自评表's budget block. */
  budgetScoreColumns: boolean;
  /** Percent actuals: 0.98 with `0%`, 0.98 with `0.00%`, text `98%`, or 98 under 实际完成值（%）. */
  percent: 'format0' | 'format2' | 'text' | 'header';
  /** Subtotals, totals and 执行率 as formulas with cached results. */
  formulas: boolean;
  /** 说明 and 填报说明 sheets of prose, before or after the real ones. */
  extraSheets: 'none' | 'before' | 'after';
  /** Hidden 上年指标值 / 上年完成值 columns with last year's figures. */
  hiddenLastYear: boolean;
  /** A 评分要点-like column of scoring prose. */
  criteria: 'none' | '评分要点' | '评分说明' | '评分标准';
  /** Order of the actual rows (separate sheets and side by side). */
  actualsOrder: 'same' | 'reversed' | 'shuffled';
  /** Actual names typed with stray spaces (separate sheets and side by side). */
  nameVariants: boolean;
  /** Drives the shuffles and the sheet order. */
  shuffleSeed: number;
}

export const BASELINE: LayoutOptions = {
  structure: 'selfEvaluation',
  hierarchy: 'columns',
  columnOrder: 'standard',
  nameWord: '三级指标',
  targetWord: '年度指标值',
  actualWord: '实际完成值',
  weightWord: '分值',
  selfScoreWord: '得分',
  headerLineBreaks: false,
  titleRows: false,
  notesBelow: false,
  selfScores: true,
  explanationColumn: false,
  totalRow: 'none',
  mergedTotalLabel: false,
  budgetHeader: '年初预算数|全年预算数|全年执行数',
  budgetUnit: '元',
  budgetAmounts: 'number',
  budgetRows: 'single',
  budgetScoreColumns: false,
  percent: 'format0',
  formulas: false,
  extraSheets: 'none',
  hiddenLastYear: false,
  criteria: 'none',
  actualsOrder: 'same',
  nameVariants: false,
  shuffleSeed: 0,
};

/** Random layouts; each choice shrinks towards the baseline (the first of its list). */
export function layoutOptions(): fc.Arbitrary<LayoutOptions> {
  return fc.record<LayoutOptions>({
    structure: fc.constantFrom('selfEvaluation', 'separateSheets', 'sideBySide'),
    hierarchy: fc.constantFrom('columns', 'mergedLabels', 'firstRowOnly', 'subtotalRows'),
    columnOrder: fc.constantFrom('standard', 'weightFirst', 'weightBeforeActual'),
    nameWord: fc.constantFrom('三级指标', '指标名称', '绩效指标'),
    targetWord: fc.constantFrom('年度指标值', '指标值', '目标值'),
    actualWord: fc.constantFrom('实际完成值', '完成值', '实际值'),
    weightWord: fc.constantFrom('分值', '权重'),
    selfScoreWord: fc.constantFrom('得分', '自评得分'),
    headerLineBreaks: fc.boolean(),
    titleRows: fc.boolean(),
    notesBelow: fc.boolean(),
    selfScores: fc.boolean(),
    explanationColumn: fc.boolean(),
    totalRow: fc.constantFrom('none', '总分', '合计', '总计', '总得分', '自评总分'),
    mergedTotalLabel: fc.boolean(),
    budgetHeader: fc.constantFrom(...BUDGET_HEADERS),
    budgetUnit: fc.constantFrom('元', '（元）', '（万元）'),
    budgetAmounts: fc.constantFrom('number', 'text', 'formula'),
    budgetRows: fc.constantFrom('single', 'totalThenParts', 'partsThenTotal'),
    budgetScoreColumns: fc.boolean(),
    percent: fc.constantFrom('format0', 'format2', 'text', 'header'),
    formulas: fc.boolean(),
    extraSheets: fc.constantFrom('none', 'before', 'after'),
    hiddenLastYear: fc.boolean(),
    criteria: fc.constantFrom('none', '评分要点', '评分说明', '评分标准'),
    actualsOrder: fc.constantFrom('same', 'reversed', 'shuffled'),
    nameVariants: fc.boolean(),
    shuffleSeed: fc.noBias(fc.integer({ min: 0, max: 0xffff })),
  });
}

/** Sets the choices a structure cannot show back to the baseline, so the feature list is honest. */
export function normalizeLayout(o: LayoutOptions, ev: Evaluation): LayoutOptions {
  const n = { ...o };
  const self = n.structure === 'selfEvaluation';
  if (!self) {
    n.selfScores = BASELINE.selfScores;
    n.budgetScoreColumns = false;
  } else {
    n.actualsOrder = 'same';
    n.nameVariants = false;
  }
  if (!self || !n.selfScores) n.totalRow = 'none';
  if (n.totalRow === 'none') n.mergedTotalLabel = false;
  if (!self || !n.selfScores) n.selfScoreWord = BASELINE.selfScoreWord;
  const hasPercent = ev.indicators.some((i) => i.figures.kind === 'positive' && i.figures.unit === '%');
  if (!hasPercent) n.percent = BASELINE.percent;
  return n;
}

/** The layout's features: every choice that differs from the baseline, as `key=value` (or `key` for a flag). */
export function featuresOf(o: LayoutOptions): string[] {
  const out: string[] = [];
  for (const key of Object.keys(BASELINE) as (keyof LayoutOptions)[]) {
    if (key === 'shuffleSeed') continue;
    const v = o[key];
    if (v === BASELINE[key]) continue;
    out.push(typeof v === 'boolean' ? (v ? key : `${key}=false`) : `${key}=${v}`);
  }
  return out;
}

/** Named single features, on top of the baseline. */
export const NAMED_FEATURES = {
  baseline: {},
  '总分 total row': { totalRow: '总分' },
  '合计 total row': { totalRow: '合计' },
  '总计 total row': { totalRow: '总计' },
  '总得分 total row': { totalRow: '总得分' },
  '自评总分 total row': { totalRow: '自评总分', mergedTotalLabel: true },
  'separate sheets': { structure: 'separateSheets', actualsOrder: 'shuffled', nameVariants: true },
  'side by side': { structure: 'sideBySide', actualsOrder: 'reversed' },
  'merged 一级/二级 labels': { hierarchy: 'mergedLabels' },
  'labels on the first row only': { hierarchy: 'firstRowOnly' },
  'hierarchy by subtotal rows': { hierarchy: 'subtotalRows' },
  'synonym headers': { nameWord: '绩效指标', targetWord: '目标值', actualWord: '实际值', weightWord: '权重', selfScoreWord: '自评得分' },
  'line breaks in headers': { headerLineBreaks: true },
  'weight before the target': { columnOrder: 'weightFirst' },
  'title and note rows': { titleRows: true, notesBelow: true },
  'budget in 万元': { budgetUnit: '（万元）' },
  'budget amounts as text': { budgetAmounts: 'text' },
  'budget with formulas': { budgetAmounts: 'formula', formulas: true, budgetScoreColumns: true },
  'budget headed 预算数|执行数': { budgetHeader: '预算数|执行数' },
  'budget headed 预算数（元）|实际支出数（元）|结余（元）': { budgetHeader: '预算数|实际支出数|结余', budgetUnit: '（元）' },
  'budget headed 调整后预算|支出数': { budgetHeader: '调整后预算|支出数' },
  'two-row budget header': { budgetHeader: '两行表头:资金情况>预算数|执行数', budgetUnit: '（万元）' },
  'two-row budget header over 年初|调整后': { budgetHeader: '两行表头:预算数>年初预算|调整后预算,执行数' },
  'budget source rows and a 合计': { budgetRows: 'partsThenTotal' },
  'budget total then 其中 rows': { budgetRows: 'totalThenParts' },
  'percent as text': { percent: 'text' },
  'percent under 实际完成值（%）': { percent: 'header' },
  'percent with 0.00% format': { percent: 'format2' },
  'extra prose sheets': { extraSheets: 'before' },
  'hidden last-year columns': { hiddenLastYear: true },
  '评分要点 column': { criteria: '评分要点' },
  '评分说明 column': { criteria: '评分说明' },
  'deviation explanation column': { explanationColumn: true },
} as const satisfies Record<string, Partial<LayoutOptions>>;
export type FeatureName = keyof typeof NAMED_FEATURES;
export const FEATURE_NAMES = Object.keys(NAMED_FEATURES) as FeatureName[];

export function optionsWithFeature(feature: FeatureName, ev: Evaluation): LayoutOptions {
  return normalizeLayout({ ...BASELINE, ...NAMED_FEATURES[feature] }, ev);
}

// ------------------------------------------------------------------------------------------ helpers

function colLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const a1 = (r: number, c: number): string => `${colLetter(c)}${r + 1}`;

/** Writes a sheet cell by cell. */
class Writer {
  readonly sheet: SpecSheet;
  /** The next free row. */
  row = 0;
  constructor(name: string) {
    this.sheet = emptySheet(name);
  }
  put(r: number, c: number, value: SpecCell['value'] | null, numFmt?: string): void {
    if (value === null || value === '') return;
    const rows = this.sheet.rows;
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < c) row.push(null);
    row[c] = numFmt ? { value, numFmt } : { value };
  }
  /** A whole row from `c0`, advancing `row`. */
  line(cells: (SpecCell['value'] | null)[], c0 = 0): number {
    const r = this.row++;
    cells.forEach((v, i) => this.put(r, c0 + i, v));
    return r;
  }
  merge(range: CellRange): void {
    if (range.top === range.bottom && range.left === range.right) return;
    this.sheet.merges.push(range);
  }
  blank(): void {
    this.row++;
  }
}

function breakWord(word: string, on: boolean): string {
  if (!on || word.length < 4) return word;
  const at = word.startsWith('偏差') ? 6 : 2;
  return `${word.slice(0, at)}\n${word.slice(at)}`;
}

/** 预算数（万元）, or with a line break 预算数\n（万元） (年初\n预算数 when there is no unit). */
function withUnit(word: string, unit: string, lineBreak: boolean): string {
  if (!lineBreak) return `${word}${unit}`;
  return unit ? `${word}\n${unit}` : breakWord(word, true);
}

const points = (hundredths: number): number => hundredths / 100;

function targetText(ind: Indicator): string {
  const f = ind.figures;
  if (f.kind === 'qualitative') return f.text;
  if (f.kind === 'reverse' && f.sign === '控制在') return `控制在${f.target}${f.unit}以内`;
  return `${f.sign}${f.target}${f.unit}`;
}

function lastYearTargetText(ind: Indicator): string {
  const f = ind.figures;
  if (f.kind === 'qualitative') return '逐步提升';
  const v = Math.max(1, Math.round(f.target * (f.kind === 'reverse' ? 1.5 : 0.5)));
  return `${f.kind === 'reverse' ? '≤' : '≥'}${v}${f.unit}`;
}

function actualCell(ind: Indicator, o: LayoutOptions): SpecCell {
  const f = ind.figures;
  if (f.kind === 'qualitative') return { value: f.text };
  if (f.unit !== '%') return { value: `${f.actual}${f.unit}` };
  switch (o.percent) {
    case 'format0':
      return { value: f.actual / 100, numFmt: '0%' };
    case 'format2':
      return { value: f.actual / 100, numFmt: '0.00%' };
    case 'text':
      return { value: `${f.actual}%` };
    case 'header':
      return { value: f.actual };
  }
}

function lastYearActualText(ind: Indicator): string {
  const f = ind.figures;
  if (f.kind === 'qualitative') return '基本完成';
  return `${Math.max(1, Math.round(f.actual * 0.6))}${f.unit}`;
}

function nameVariant(name: string, prng: Prng): string {
  const at = prng.int(1, name.length - 1);
  switch (prng.int(0, 2)) {
    case 0:
      return `${name.slice(0, at)} ${name.slice(at)}`;
    case 1:
      return `${name.slice(0, at)}\u3000${name.slice(at)}`;
    default:
      return `${name} `;
  }
}

// ------------------------------------------------------------------------------------------ budget

interface BudgetColumn {
  /** Header text (lower row of a two-row header). */
  word: string;
  /** Upper row of a two-row header: a label merged over consecutive columns, or this column's own header merged down. */
  upper?: string;
  value: (part: BudgetPart) => number | null;
  kind: 'initial' | 'adjusted' | 'executed' | 'balance';
}

interface BudgetPart {
  label: string;
  initial: number;
  adjusted: number;
  executed: number;
}

function budgetColumns(o: LayoutOptions): BudgetColumn[] {
  const initial = (word: string): BudgetColumn => ({ word, kind: 'initial', value: (p) => p.initial });
  const adjusted = (word: string): BudgetColumn => ({ word, kind: 'adjusted', value: (p) => p.adjusted });
  const executed = (word: string): BudgetColumn => ({ word, kind: 'executed', value: (p) => p.executed });
  switch (o.budgetHeader) {
    case '年初预算数|全年预算数|全年执行数':
      return [initial('年初预算数'), adjusted('全年预算数'), executed('全年执行数')];
    case '年初预算|调整后预算数|执行数':
      return [initial('年初预算'), adjusted('调整后预算数'), executed('执行数')];
    case '预算数|执行数':
      return [adjusted('预算数'), executed('执行数')];
    case '预算数|实际支出数|结余':
      return [adjusted('预算数'), executed('实际支出数'), { word: '结余', kind: 'balance', value: (p) => p.adjusted - p.executed }];
    case '调整后预算|支出数':
      return [adjusted('调整后预算'), executed('支出数')];
    case '年初预算数|全年执行数':
      // No 调整后 column: the rate falls back to 年初 (SPEC §4), so the sheet's 年初 is the budget itself.
      return [{ ...initial('年初预算数'), value: (p) => p.adjusted }, executed('全年执行数')];
    case '两行表头:资金情况>预算数|执行数':
      return [{ ...adjusted('预算数'), upper: '资金情况' }, { ...executed('执行数'), upper: '资金情况' }];
    case '两行表头:预算数>年初预算|调整后预算,执行数':
      return [{ ...initial('年初预算'), upper: '预算数' }, { ...adjusted('调整后预算'), upper: '预算数' }, { ...executed('执行数'), upper: '执行数' }];
  }
}

function budgetParts(ev: Evaluation, o: LayoutOptions, totalLabel: string): { parts: BudgetPart[]; totalIndex: number } {
  const b = ev.budget;
  const total: BudgetPart = { label: totalLabel, initial: b.initial, adjusted: b.adjusted, executed: b.executed };
  if (o.budgetRows === 'single') return { parts: [total], totalIndex: 0 };
  // 财政拨款 carries whole 万元 up to the total; 其他资金 the rest (executed split the same way).
  const wan = b.adjusted / 10_000;
  const grantWan = Math.max(1, Math.floor(wan * 0.8));
  const grantShare = grantWan / wan;
  const grant: BudgetPart = {
    label: '其中：财政拨款',
    initial: Math.min(b.initial, grantWan * 10_000),
    adjusted: grantWan * 10_000,
    executed: Math.floor((b.executed * grantShare) / 100) * 100,
  };
  const other: BudgetPart = {
    label: '其他资金',
    initial: b.initial - grant.initial,
    adjusted: b.adjusted - grant.adjusted,
    executed: b.executed - grant.executed,
  };
  if (o.budgetRows === 'totalThenParts') return { parts: [total, grant, other], totalIndex: 0 };
  return { parts: [{ ...grant, label: '财政拨款' }, other, { ...total, label: '合计' }], totalIndex: 2 };
}

/** `6,000,000.00`; up to `maxDecimals` (at least 2), as finance staff type amounts. */
function grouped(n: number, maxDecimals: number): string {
  let [int, frac = ''] = n.toFixed(maxDecimals).split('.');
  frac = frac.replace(/0+$/, '').padEnd(2, '0');
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${int}.${frac}`;
}

function amountCell(yuan: number, o: LayoutOptions): { value: number | string; numFmt?: string } {
  const wan = o.budgetUnit === '（万元）';
  const n = wan ? yuan / 10_000 : yuan;
  if (o.budgetAmounts === 'text') {
    return { value: grouped(n, wan ? 4 : 2) };
  }
  return { value: n, numFmt: wan ? '#,##0.00##' : '#,##0.00' };
}

/**
 * The budget block: `lead` header cells on the left (merged down a two-row header), one row per part
 * with its label in `labelCol`, then 分值 | 执行率 | 得分 when asked. Returns the budget 得分 cell (A1), if written.
 */
function writeBudget(w: Writer, ev: Evaluation, o: LayoutOptions, lead: string[], labelCol: number, totalLabel: string, scoreColumns: boolean): string | null {
  let selfScoreCell: string | null = null;
  const cols = budgetColumns(o);
  const twoRow = cols.some((c) => c.upper !== undefined);
  const unit = o.budgetUnit === '元' ? '' : o.budgetUnit;
  const c0 = lead.length;
  const top = w.row;
  const headerRows = twoRow ? 2 : 1;
  const extra = scoreColumns ? ['分值', '执行率', '得分'] : [];
  lead.forEach((word, i) => {
    w.put(top, i, word || null);
    if (twoRow) w.merge({ top, left: i, bottom: top + 1, right: i });
  });
  if (twoRow) {
    let c = 0;
    while (c < cols.length) {
      const upper = cols[c].upper!;
      let end = c;
      while (end + 1 < cols.length && cols[end + 1].upper === upper) end++;
      if (end === c) {
        // A column whose header is itself in the upper row, merged down: 执行数.
        w.put(top, c0 + c, withUnit(upper, unit, o.headerLineBreaks));
        w.merge({ top, left: c0 + c, bottom: top + 1, right: c0 + c });
      } else {
        w.put(top, c0 + c, `${upper}${unit}`);
        w.merge({ top, left: c0 + c, bottom: top, right: c0 + end });
        for (let k = c; k <= end; k++) w.put(top + 1, c0 + k, breakWord(cols[k].word, o.headerLineBreaks));
      }
      c = end + 1;
    }
  } else {
    cols.forEach((col, k) => w.put(top, c0 + k, withUnit(col.word, unit, o.headerLineBreaks)));
  }
  extra.forEach((word, k) => {
    w.put(top, c0 + cols.length + k, word);
    if (twoRow) w.merge({ top, left: c0 + cols.length + k, bottom: top + 1, right: c0 + cols.length + k });
  });
  w.row = top + headerRows;

  const { parts, totalIndex } = budgetParts(ev, o, totalLabel);
  const first = w.row;
  parts.forEach((part, i) => {
    const r = w.row++;
    w.put(r, labelCol, part.label);
    const isTotal = i === totalIndex;
    cols.forEach((col, k) => {
      const v = col.value(part);
      if (v === null) return;
      const cell = amountCell(v, o);
      const c = c0 + k;
      // ExcelJS cannot store a cached 0 (workbookSpec.ts), so a formula that sums to 0 is written as its value.
      const nonZero = typeof cell.value === 'number' && cell.value !== 0;
      const sumOfParts = o.budgetRows === 'partsThenTotal' && isTotal && o.formulas && nonZero;
      if (sumOfParts) w.put(r, c, { formula: `SUM(${a1(first, c)}:${a1(r - 1, c)})`, result: cell.value }, cell.numFmt);
      else if (col.kind === 'balance' && o.formulas && nonZero) {
        w.put(r, c, { formula: `${a1(r, c0)}-${a1(r, c0 + 1)}`, result: cell.value }, cell.numFmt);
      } else if (col.kind === 'executed' && o.budgetAmounts === 'formula' && nonZero) {
        w.put(r, c, { formula: `'发放明细'!G${1000 + i}`, result: cell.value }, cell.numFmt);
      } else w.put(r, c, cell.value, cell.numFmt);
    });
    if (scoreColumns && isTotal) {
      const k = c0 + cols.length;
      w.put(r, k, 10);
      const rate = ev.budget.rateBasisPoints / 10_000;
      const adjustedCol = c0 + cols.findIndex((x) => x.kind === 'adjusted');
      const executedCol = c0 + cols.findIndex((x) => x.kind === 'executed');
      if (o.formulas) w.put(r, k + 1, { formula: `${a1(r, executedCol)}/${a1(r, adjustedCol)}`, result: rate }, '0.00%');
      else w.put(r, k + 1, rate, '0.00%');
      if (o.selfScores) {
        w.put(r, k + 2, points(ev.budget.selfScore));
        selfScoreCell = a1(r, k + 2);
      }
    }
  });
  return selfScoreCell;
}

// ------------------------------------------------------------------------------------------ indicators

type ColumnKind =
  | 'level1'
  | 'level2'
  | 'name'
  | 'lastYearTarget'
  | 'target'
  | 'lastYearActual'
  | 'actual'
  | 'weight'
  | 'selfScore'
  | 'criteria'
  | 'explanation'
  | 'note';

function headerWord(kind: ColumnKind, o: LayoutOptions): string {
  switch (kind) {
    case 'level1':
      return '一级指标';
    case 'level2':
      return '二级指标';
    case 'name':
      return o.nameWord;
    case 'lastYearTarget':
      return '上年指标值';
    case 'target':
      return o.targetWord;
    case 'lastYearActual':
      return '上年完成值';
    case 'actual':
      return o.percent === 'header' ? `${o.actualWord}（%）` : o.actualWord;
    case 'weight':
      return o.weightWord;
    case 'selfScore':
      return o.selfScoreWord;
    case 'criteria':
      return o.criteria;
    case 'explanation':
      return '偏差原因分析及改进措施';
    case 'note':
      return '备注';
  }
}

/** The columns of the targets (or 自评表) block, left to right. */
function targetColumns(o: LayoutOptions, withActuals: boolean): ColumnKind[] {
  const labels: ColumnKind[] = o.hierarchy === 'subtotalRows' ? ['name'] : ['level1', 'level2', 'name'];
  const target: ColumnKind[] = o.hiddenLastYear ? ['lastYearTarget', 'target'] : ['target'];
  const actual: ColumnKind[] = !withActuals ? [] : o.hiddenLastYear ? ['lastYearActual', 'actual'] : ['actual'];
  const weight: ColumnKind[] = o.criteria !== 'none' ? ['weight', 'criteria'] : ['weight'];
  let values: ColumnKind[];
  switch (o.columnOrder) {
    case 'standard':
      values = [...target, ...actual, ...weight];
      break;
    case 'weightFirst':
      values = [...weight, ...target, ...actual];
      break;
    case 'weightBeforeActual':
      values = [...target, ...weight, ...actual];
      break;
  }
  const score: ColumnKind[] = withActuals && o.selfScores ? ['selfScore'] : [];
  const explanation: ColumnKind[] = withActuals && o.explanationColumn ? ['explanation'] : [];
  return [...labels, ...values, ...score, ...explanation];
}

function actualColumns(o: LayoutOptions): ColumnKind[] {
  return ['name', ...(o.hiddenLastYear ? (['lastYearActual'] as const) : []), 'actual', ...(o.explanationColumn ? (['note'] as const) : [])];
}

function indicatorCell(kind: ColumnKind, ind: Indicator, o: LayoutOptions): SpecCell | null {
  switch (kind) {
    case 'name':
      return { value: ind.name };
    case 'lastYearTarget':
      return { value: lastYearTargetText(ind) };
    case 'target':
      return { value: targetText(ind) };
    case 'lastYearActual':
      return { value: lastYearActualText(ind) };
    case 'actual':
      return actualCell(ind, o);
    case 'weight':
      return { value: points(ind.weight) };
    case 'selfScore':
      return { value: points(ind.selfScore) };
    case 'criteria':
      return { value: ind.figures.kind === 'qualitative' ? '达成年度指标得满分，部分达成按比例得分' : '达到目标值得满分，未达到按完成比例计分' };
    case 'explanation':
    case 'note':
      return { value: ind.explanation };
    default:
      return null;
  }
}

/** Writes the header and body of an indicator block at `c0`; returns the first and last body rows. */
function writeIndicators(w: Writer, ev: Evaluation, o: LayoutOptions, cols: ColumnKind[], c0: number, top: number): { first: number; last: number } {
  cols.forEach((kind, k) => w.put(top, c0 + k, breakWord(headerWord(kind, o), o.headerLineBreaks)));
  const at = (kind: ColumnKind): number => c0 + cols.indexOf(kind);
  let r = top + 1;
  const first = r;
  const groups: { level1: Level1; level2s: { level2: string; rows: Indicator[] }[] }[] = [];
  for (const ind of ev.indicators) {
    let g = groups.find((x) => x.level1 === ind.level1);
    if (!g) groups.push((g = { level1: ind.level1, level2s: [] }));
    let g2 = g.level2s.find((x) => x.level2 === ind.level2);
    if (!g2) g.level2s.push((g2 = { level2: ind.level2, rows: [] }));
    g2.rows.push(ind);
  }
  for (const g of groups) {
    const l1Start = r;
    let l1Row = -1;
    if (o.hierarchy === 'subtotalRows') {
      l1Row = r++;
      w.put(l1Row, at('name'), g.level1);
    }
    for (const g2 of g.level2s) {
      const l2Start = r;
      let l2Row = -1;
      if (o.hierarchy === 'subtotalRows') {
        l2Row = r++;
        w.put(l2Row, at('name'), g2.level2);
      }
      const rowsStart = r;
      g2.rows.forEach((ind, i) => {
        for (const kind of cols) {
          if (kind === 'level1' || kind === 'level2') {
            const label = kind === 'level1' ? ind.level1 : ind.level2;
            const firstOfGroup = kind === 'level1' ? r === l1Start : i === 0;
            if (o.hierarchy === 'columns' || firstOfGroup) w.put(r, at(kind), label);
            continue;
          }
          const cell = indicatorCell(kind, ind, o);
          if (cell) w.put(r, at(kind), cell.value, cell.numFmt);
        }
        r++;
      });
      const l2Weight = g2.rows.reduce((s, x) => s + x.weight, 0);
      if (l2Row >= 0) {
        const c = at('weight');
        w.put(l2Row, c, o.formulas ? { formula: `SUM(${a1(rowsStart, c)}:${a1(r - 1, c)})`, result: points(l2Weight) } : points(l2Weight));
      }
      if (o.hierarchy === 'mergedLabels') w.merge({ top: l2Start, left: at('level2'), bottom: r - 1, right: at('level2') });
    }
    if (l1Row >= 0) w.put(l1Row, at('weight'), points(LEVEL1_WEIGHTS[g.level1]));
    if (o.hierarchy === 'mergedLabels') w.merge({ top: l1Start, left: at('level1'), bottom: r - 1, right: at('level1') });
  }
  w.row = r;
  return { first, last: r - 1 };
}

function hideLastYear(w: Writer, cols: ColumnKind[], c0: number): void {
  cols.forEach((kind, k) => {
    if (kind === 'lastYearTarget' || kind === 'lastYearActual') w.sheet.hiddenColumns.push(c0 + k);
  });
}

function writeTotalRow(w: Writer, ev: Evaluation, o: LayoutOptions, cols: ColumnKind[], body: { first: number; last: number }, budgetScoreCell: string | null): void {
  const r = w.row++;
  const label = o.totalRow;
  w.put(r, 0, label);
  const firstValue = cols.findIndex((k) => k !== 'level1' && k !== 'level2' && k !== 'name');
  if (o.mergedTotalLabel && firstValue > 1) w.merge({ top: r, left: 0, bottom: r, right: firstValue - 1 });
  const weightCol = cols.indexOf('weight');
  w.put(r, weightCol, 100);
  const scoreCol = cols.indexOf('selfScore');
  const selfSum = ev.budget.selfScore + ev.indicators.reduce((s, x) => s + x.selfScore, 0);
  const total = points(ev.selfReportedTotal);
  if (o.formulas && o.hierarchy !== 'subtotalRows' && ev.selfReportedTotal === selfSum && budgetScoreCell) {
    w.put(r, scoreCol, { formula: `SUM(${a1(body.first, scoreCol)}:${a1(body.last, scoreCol)})+${budgetScoreCell}`, result: total });
  } else w.put(r, scoreCol, total);
  const explanationCol = cols.indexOf('explanation');
  if (explanationCol >= 0) w.put(r, explanationCol, `自评等级：${ev.selfReportedTotal >= 9000 ? '优' : ev.selfReportedTotal >= 8000 ? '良' : '中'}`);
}

function notes(w: Writer): void {
  w.blank();
  w.line(['说明：1.产出指标总分50分，效益指标总分30分，满意度指标总分10分，预算执行率10分。']);
  w.line(['2.自评等级：划分为4档，100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差。']);
  w.line(['填表人：王芳', null, '联系电话：0871-63123456']);
}

function title(w: Writer, text: string, ev: Evaluation, width: number, unitLine: boolean): void {
  const r = w.line([text]);
  w.merge({ top: r, left: 0, bottom: r, right: Math.max(0, width - 1) });
  w.line([`填报单位：${ev.unit}（盖章）`, null, null, unitLine ? '单位：元' : null]);
}

// ------------------------------------------------------------------------------------------ sheets

function selfEvaluationSheet(ev: Evaluation, o: LayoutOptions): SpecSheet {
  const w = new Writer('项目支出绩效自评表');
  const cols = targetColumns(o, true);
  if (o.titleRows) {
    title(w, `${ev.year}年度项目支出绩效自评表`, ev, cols.length, o.budgetUnit === '元');
    w.line(['项目名称', ev.budget.project]);
  }
  const unit = o.budgetUnit === '元' ? '' : o.budgetUnit;
  const budgetScoreCell = writeBudget(w, ev, o, [`项目资金${unit}`, ''], 1, '年度资金总额', o.budgetScoreColumns);
  w.blank();
  const body = writeIndicators(w, ev, o, cols, 0, w.row);
  hideLastYear(w, cols, 0);
  if (o.totalRow !== 'none') writeTotalRow(w, ev, o, cols, body, budgetScoreCell);
  if (o.notesBelow) notes(w);
  return w.sheet;
}

function targetsSheet(ev: Evaluation, o: LayoutOptions): SpecSheet {
  const w = new Writer('绩效目标申报表');
  const cols = targetColumns(o, false);
  if (o.titleRows) title(w, `${ev.year}年度项目支出绩效目标申报表`, ev, cols.length, false);
  writeIndicators(w, ev, o, cols, 0, w.row);
  hideLastYear(w, cols, 0);
  if (o.notesBelow) notes(w);
  return w.sheet;
}

function orderedActuals(ev: Evaluation, o: LayoutOptions, prng: Prng): Indicator[] {
  if (o.actualsOrder === 'reversed') return ev.indicators.slice().reverse();
  if (o.actualsOrder === 'shuffled') return prng.shuffle(ev.indicators);
  return ev.indicators.slice();
}

function writeActualRows(w: Writer, ev: Evaluation, o: LayoutOptions, cols: ColumnKind[], c0: number, top: number, prng: Prng): void {
  cols.forEach((kind, k) => w.put(top, c0 + k, breakWord(headerWord(kind, o), o.headerLineBreaks)));
  orderedActuals(ev, o, prng).forEach((ind, i) => {
    const r = top + 1 + i;
    cols.forEach((kind, k) => {
      const cell = kind === 'name' ? { value: o.nameVariants ? nameVariant(ind.name, prng) : ind.name } : indicatorCell(kind, ind, o);
      if (cell) w.put(r, c0 + k, cell.value, cell.numFmt);
    });
  });
  w.row = Math.max(w.row, top + 1 + ev.indicators.length);
}

function actualsSheet(ev: Evaluation, o: LayoutOptions, prng: Prng): SpecSheet {
  const w = new Writer('实际完成情况');
  const cols = actualColumns(o);
  if (o.titleRows) title(w, `${ev.year}年度绩效目标实际完成情况`, ev, cols.length, false);
  writeActualRows(w, ev, o, cols, 0, w.row, prng);
  hideLastYear(w, cols, 0);
  if (o.notesBelow) notes(w);
  return w.sheet;
}

function sideBySideSheet(ev: Evaluation, o: LayoutOptions, prng: Prng): SpecSheet {
  const w = new Writer('绩效目标及完成情况');
  const tcols = targetColumns(o, false);
  const acols = actualColumns(o);
  const c0 = tcols.length + 2;
  if (o.titleRows) title(w, `${ev.year}年度绩效目标及完成情况`, ev, c0 + acols.length, false);
  const top = w.row;
  writeIndicators(w, ev, o, tcols, 0, top);
  const end = w.row;
  writeActualRows(w, ev, o, acols, c0, top, prng);
  w.row = Math.max(end, w.row);
  hideLastYear(w, tcols, 0);
  hideLastYear(w, acols, c0);
  if (o.notesBelow) notes(w);
  return w.sheet;
}

function budgetSheet(ev: Evaluation, o: LayoutOptions): SpecSheet {
  const w = new Writer('预算执行情况');
  if (o.titleRows) title(w, `${ev.budget.project}预算执行情况`, ev, 5, o.budgetUnit === '元');
  const label = o.budgetRows === 'single' ? ev.budget.project : '资金总额';
  writeBudget(w, ev, o, ['项目名称'], 0, label, false);
  return w.sheet;
}

function proseSheets(ev: Evaluation): SpecSheet[] {
  const a = new Writer('说明');
  a.line([`${ev.year}年度项目支出绩效自评说明`]);
  a.line(['一、项目基本情况：本项目用于困难职工帮扶、节日送温暖及职工技能培训。']);
  a.line(['二、绩效目标完成情况：各项指标基本完成，个别指标因实际需求变化未完全达到年度指标值。']);
  a.line(['三、存在问题及改进措施：加强预算执行进度管理，提高资金使用效益。']);
  const b = new Writer('填报说明');
  b.line(['填报说明']);
  b.line(['1.年度指标值：填写预算批复时设定的绩效目标值，定量指标须注明计量单位。']);
  b.line(['2.实际完成值：填写截至年底的实际完成情况，与年度指标值口径一致。']);
  b.line(['3.分值：产出指标50分、效益指标30分、满意度指标10分，预算执行率10分。']);
  b.line(['4.偏差原因分析及改进措施：未完成年度指标的须说明原因。']);
  return [a.sheet, b.sheet];
}

export interface RenderedLayout {
  evaluation: Evaluation;
  options: LayoutOptions;
  features: string[];
  spec: WorkbookSpec;
  /** True when the layout writes the unit's total row (so the report must carry selfReportedTotal). */
  writesSelfTotal: boolean;
}

export function renderLayout(ev: Evaluation, raw: LayoutOptions): RenderedLayout {
  const o = normalizeLayout(raw, ev);
  const prng = createPrng(o.shuffleSeed);
  let sheets: SpecSheet[];
  switch (o.structure) {
    case 'selfEvaluation':
      sheets = [selfEvaluationSheet(ev, o)];
      break;
    case 'separateSheets':
      sheets = prng.shuffle([targetsSheet(ev, o), actualsSheet(ev, o, prng), budgetSheet(ev, o)]);
      break;
    case 'sideBySide':
      sheets = [sideBySideSheet(ev, o, prng), budgetSheet(ev, o)];
      break;
  }
  if (o.extraSheets === 'before') sheets = [...proseSheets(ev), ...sheets];
  if (o.extraSheets === 'after') sheets = [...sheets, ...proseSheets(ev)];
  return { evaluation: ev, options: o, features: featuresOf(o), spec: { sheets }, writesSelfTotal: o.totalRow !== 'none' };
}
