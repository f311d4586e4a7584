/**
 * A blank 项目支出绩效自评表 in the layout the add-in reads best: a budget block and an indicator block
 * with the standard 一级/二级指标 and their weights (产出 50, 效益 30, 满意度 10, 预算执行率 10).
 */
import type { OutputCell, Patch } from '../patch';
import type { WorkbookSnapshot } from '../snapshot';

export const TEMPLATE_SHEET = '绩效自评表';

const LAYOUT: { level1: string; level2: string; rows: number; weight: number }[] = [
  { level1: '产出指标', level2: '数量指标', rows: 3, weight: 15 },
  { level1: '产出指标', level2: '质量指标', rows: 3, weight: 15 },
  { level1: '产出指标', level2: '时效指标', rows: 2, weight: 10 },
  { level1: '产出指标', level2: '成本指标', rows: 2, weight: 10 },
  { level1: '效益指标', level2: '社会效益指标', rows: 3, weight: 15 },
  { level1: '效益指标', level2: '可持续影响指标', rows: 3, weight: 15 },
  { level1: '满意度指标', level2: '服务对象满意度指标', rows: 1, weight: 10 },
];

export function templateRows(): { rows: (OutputCell | null)[][]; merges: string[]; columnWidths: number[] } {
  const h = (v: string): OutputCell => ({ v, style: 'header' });
  const b = (v: string | null = null): OutputCell => ({ v, style: 'body' });
  const rows: (OutputCell | null)[][] = [
    [{ v: '项目支出绩效自评表', style: 'title' }],
    [b('项目名称'), b(), b(), b('实施单位'), b()],
    [],
    [h('项目资金'), h('年初预算数（元）'), h('全年预算数（元）'), h('全年执行数（元）'), h('分值'), h('执行率'), h('得分'), h('偏差原因分析及改进措施')],
    [b('年度资金总额'), b(), b(), b(), { v: 10, numFmt: '0.00', style: 'body' }, b(), b(), b()],
    [],
    [h('一级指标'), h('二级指标'), h('三级指标'), h('年度指标值'), h('实际完成值'), h('分值'), h('得分'), h('偏差原因分析及改进措施')],
  ];
  for (const part of LAYOUT) {
    for (let i = 0; i < part.rows; i++) {
      rows.push([b(part.level1), b(part.level2), b(), b(), b(), i === 0 ? { v: null, numFmt: '0.00', style: 'body' } : b(), b(), b()]);
    }
  }
  rows.push([], [{ v: `注：分值合计应为 100 分（预算执行率 10 分，产出指标 50 分，效益指标 30 分，满意度指标 10 分）。年度指标值可写 ≥90%、不低于95%、≤500元/人、3100人 等；成本指标默认越低越好。`, style: 'note' }]);
  return { rows, merges: ['A1:H1', `A${rows.length}:H${rows.length}`], columnWidths: [12, 18, 24, 22, 22, 8, 8, 40] };
}

/**
 * 插入模板: the blank 自评表 as a new sheet of the open workbook, named 绩效自评表 (or 绩效自评表2…
 * when taken). It becomes the user's sheet: scoring reads it like any other and never replaces it.
 */
export function templatePatch(snapshot: WorkbookSnapshot): Patch {
  const taken = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  let name = TEMPLATE_SHEET;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${TEMPLATE_SHEET}${i}`;
  const { rows, merges, columnWidths } = templateRows();
  return {
    sheets: [],
    newSheets: [{ name, rows, merges, columnWidths, activate: true }],
    removeSheets: [],
    highlights: [],
    clearHighlights: false,
    state: snapshot.state ?? { version: 1, ownSheets: [] },
  };
}
