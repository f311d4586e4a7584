/**
 * Issue 12, in Excel: a visible sheet of the officer's called `_JIXIAO_STATE` (any case) is theirs. The
 * Office host never reads it as the add-in's state, never clears it to store the state there, and lets
 * a finding highlight its cells like any other sheet; the state goes to `_jixiao_state2`, very hidden,
 * where the xlsx host finds it too.
 */
import { markText, withMark } from '../../src/core/output/ownSheets';
import type { Patch } from '../../src/core/patch';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { FakeExcel } from '../support/fakeExcel';
import { officeHostOn } from '../hosts/office/officeFixtures';

const THEIRS = [['姓名', '金额'], ['张三', 1200], ['李四', 800]];

function workbook(): FakeExcel {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      { name: '发放明细', index: 0, values: [['姓名', '金额'], ['王五', 500]], merges: [] },
      { name: '_JIXIAO_STATE', index: 1, values: THEIRS.map((r) => [...r]), merges: [] },
    ],
  };
  return FakeExcel.fromSnapshot(snapshot);
}

function patch(): Patch {
  const anomalies = withMark({ name: '异常清单', role: 'anomalies', rows: [[{ v: '异常清单' }]] }, markText('anomalies', 't1'));
  return {
    sheets: [anomalies],
    removeSheets: [],
    highlights: [{ sheet: '_JIXIAO_STATE', cell: 'B2', severity: 'error', note: '超出标准' }],
    clearHighlights: true,
    state: { version: 1, ownSheets: [{ name: '异常清单', role: 'anomalies', mark: anomalies.mark }], rules: ['gz-zengcheng-2023'] },
  };
}

test("the officer's visible _JIXIAO_STATE keeps every cell; the state is stored very hidden under _jixiao_state2 and read back", async () => {
  const excel = workbook();
  const host = officeHostOn(excel);
  const before = await host.read();
  expect(before.state).toBeUndefined();
  expect(before.sheets.map((s) => s.name)).toContain('_JIXIAO_STATE');

  await host.apply(patch());
  await host.apply(patch());

  const m = excel.model;
  expect(m.sheet('_JIXIAO_STATE').visibility).toBe('Visible');
  for (const [r, row] of THEIRS.entries()) for (const [c, v] of row.entries()) expect(m.sheet('_JIXIAO_STATE').value(r, c)).toBe(v);
  expect(m.sheet('_jixiao_state2').visibility).toBe('VeryHidden');

  const after = await host.read();
  expect(after.state?.rules).toEqual(['gz-zengcheng-2023']);
  expect(after.stateProblem).toBeUndefined();
  expect(after.sheets.find((s) => s.name === '_JIXIAO_STATE')?.values).toEqual(THEIRS);
  // The highlight went on the officer's sheet like any other, recorded so 清除标记 can undo it.
  expect(after.state?.highlights?.map((h) => `${h.sheet}!${h.cell}`)).toEqual(['_JIXIAO_STATE!B2']);
});
