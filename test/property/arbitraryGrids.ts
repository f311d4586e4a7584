/** fast-check arbitraries for the messy grids finance workbooks contain. */
import fc from 'fast-check';
import type { CellScalar, SheetSnapshot } from '../../src/core/snapshot';

/** Words that make the detector think it has found a header, so generated grids exercise it. */
const HEADER_WORDS = [
  '一级指标', '二级指标', '三级指标', '指标名称', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
  '年初预算数', '全年预算数', '全年执行数', '执行率', '姓名', '身份证号', '金额', '类型', '发放日期', '评价因素', '合计',
  '产出指标', '数量指标', '成本指标', '投入（16分）', '总得分',
];
const VALUE_TEXTS = [
  '3100人', '≥90%', '不低于95%', '≤500元/人', '1000-5000元', '2019年完成', '6,000,000.00', '600，000', '２００',
  '98.44%', '0.93', '达成', '部分达成', '', ' ', '\u3000', '=SUM(A1:A3)', '#REF!', '2023年5月1日', '2.20万元',
];

export const cellScalar: fc.Arbitrary<CellScalar> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUE_TEXTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A').map((error) => ({ error })) },
);

export const grid = (maxRows = 25, maxCols = 10): fc.Arbitrary<CellScalar[][]> =>
  fc.array(fc.array(cellScalar, { maxLength: maxCols }), { maxLength: maxRows });

export const sheetSnapshot = (name: string, index: number): fc.Arbitrary<SheetSnapshot> =>
  grid().chain((values) => {
    const rows = values.length;
    const merge = fc.record({
      top: fc.integer({ min: 0, max: Math.max(0, rows - 1) }),
      left: fc.integer({ min: 0, max: 9 }),
      h: fc.integer({ min: 0, max: 5 }),
      w: fc.integer({ min: 0, max: 3 }),
    }).map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));
    return fc.record({
      name: fc.constant(name),
      index: fc.constant(index),
      values: fc.constant(values),
      merges: fc.array(merge, { maxLength: 4 }),
      formats: fc.constant([]),
    });
  });

/**
 * A sheet that looks like a table finance staff keep: a few junk rows, a header of recognisable words
 * in random order, then body rows of arbitrary cells — so the detector, the model and the scorer all run.
 */
export const tableLikeSheet = (name: string, index: number): fc.Arbitrary<SheetSnapshot> =>
  fc
    .record({
      above: grid(4, 6),
      header: fc.shuffledSubarray(HEADER_WORDS.slice(0, 18), { minLength: 2, maxLength: 9 }),
      body: grid(30, 10),
      merges: fc.array(
        fc.record({ top: fc.integer({ min: 0, max: 30 }), left: fc.integer({ min: 0, max: 2 }), h: fc.integer({ min: 0, max: 6 }) })
          .map(({ top, left, h }) => ({ top, left, bottom: top + h, right: left })),
        { maxLength: 3 },
      ),
    })
    .map(({ above, header, body, merges }) => ({
      name,
      index,
      values: [...above.map((r) => r.map((v) => (typeof v === 'number' ? null : v))), header, ...body],
      merges,
      formats: [],
    }));
