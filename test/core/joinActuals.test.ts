/**
 * Targets and actuals on separate sheets (seed 004, 五华区): the join returns the indicators with their
 * 实际完成值 as new objects, and leaves the targets as the 绩效目标 sheet gave them.
 */
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { mapWorkbook } from '../../src/core/detect/mapping';
import type { Finding } from '../../src/core/findings';
import { readIndicatorRows } from '../../src/core/model/hierarchy';
import { joinActuals } from '../../src/core/model/joinActuals';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { toBytes } from '../e2e/scoreWorkbook';

describe('targets joined to actuals', () => {
  it('gives 帮扶对象覆盖率 its 80% from the actuals sheet without changing the target read from the 绩效目标 sheet', async () => {
    const host = await XlsxHost.fromBuffer(await toBytes(buildWuhua2023SeparateSheets()));
    const mapping = mapWorkbook(await host.read());
    const targets = mapping.tables.find((t) => t.role === 'targets')!;
    const actuals = mapping.tables.filter((t) => t.role === 'actuals');
    const findings: Finding[] = [];
    const read = readIndicatorRows(targets, mapping.grids.get(targets.sheet)!, findings).indicators;
    const before = structuredClone(read);

    const joined = joinActuals(read, actuals, mapping, findings);

    expect(read).toEqual(before);
    const coverage = joined.find((i) => i.name === '帮扶对象覆盖率')!;
    expect(before.find((i) => i.name === '帮扶对象覆盖率')!.actual).toBeNull();
    // 80 % stored as the number 0.8 with a % format.
    expect(coverage.actual).toMatchObject({ kind: 'quantitative', value: 0.8 });
    expect(coverage.cells.actual?.sheet).toBe(actuals[0].sheet);
    expect(joined.map((i) => i.key)).toEqual(read.map((i) => i.key));
    // The actuals sheet's 慰问资金发放率 names no target: said, not joined.
    expect(findings.map((f) => [f.rule, f.cell, f.value])).toEqual([['unmatched-actual', 'A10', '慰问资金发放率']]);
  });
});
