/**
 * Issue 12: a sheet of the officer's called `_JIXIAO_STATE` (any case) crashed a run with “Worksheet name
 * already exists”, and one called `_jixiao_state` was emptied and replaced by the add-in's state. A sheet
 * the officer can see is theirs whatever its name: it is never read as state, never emptied or replaced,
 * and the state lives under another name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readState } from '../../src/hosts/xlsx/stateSheet';
import { runCli } from '../cli/runCli';
import { kunmingWith, loadWorkbook, scratchDir, writeInput } from './hostilePackage';

const dir = scratchDir('jixiao-userstate-');

const OFFICER_CELLS: [string, string | number][] = [
  ['A1', '经办人'],
  ['B1', '王五'],
  ['A2', '{"version":1,"ownSheets":[]}'],
  ['B2', 1234.5],
];

function cellsOf(ws: import('exceljs').Worksheet): [string, unknown][] {
  return OFFICER_CELLS.map(([a]) => [a, ws.getCell(a).value]);
}

describe.each(['_JIXIAO_STATE', '_jixiao_state', '_Jixiao_State2'])('a visible sheet of the officer’s named %s', (name) => {
  test('is kept cell for cell over two runs, and the second run scores the same', async () => {
    const input = writeInput(
      dir,
      `${name}.xlsx`,
      await kunmingWith((ws) => {
        for (const [a, v] of OFFICER_CELLS) ws.getCell(a).value = v;
      }, name),
    );
    const first = join(dir, `${name}-1.xlsx`);
    const second = join(dir, `${name}-2.xlsx`);
    const json1 = join(dir, `${name}-1.json`);
    const json2 = join(dir, `${name}-2.json`);

    const r1 = await runCli(['score', input, '--out', first, '--json', json1, '--quiet']);
    expect(r1.err).not.toContain('内部错误');
    expect(r1.code).toBe(0);
    const r2 = await runCli(['score', first, '--out', second, '--json', json2, '--quiet']);
    expect(r2.code).toBe(0);

    for (const out of [first, second]) {
      const wb = await loadWorkbook(out);
      const mine = wb.worksheets.filter((ws) => ws.name.toLowerCase() === name.toLowerCase());
      expect(mine).toHaveLength(1);
      expect(mine[0].state).toBe('visible');
      expect(cellsOf(mine[0])).toEqual(OFFICER_CELLS);
      // The state is kept, under a name of its own, and read back.
      const state = wb.worksheets.filter((ws) => ws.state === 'veryHidden');
      expect(state).toHaveLength(1);
      expect(state[0].name.toLowerCase()).not.toBe(name.toLowerCase());
      expect(readState(wb)?.ownSheets.map((s) => s.name)).toContain('绩效目标');
    }
    const [rep1, rep2] = [json1, json2].map((f) => JSON.parse(readFileSync(f, 'utf8')));
    expect(rep1).toMatchObject({ total: 97.54, grade: '优' });
    expect(rep2).toMatchObject({ total: rep1.total, grade: rep1.grade });
    // The second run knew its own 绩效目标 from the state: one 绩效目标, no （2）.
    const names = (await loadWorkbook(second)).worksheets.map((ws) => ws.name);
    expect(names.filter((n) => n.startsWith('绩效目标'))).toEqual(['绩效目标']);
  });
});

test('a hidden sheet of the officer’s named _jixiao_state that holds no state of ours is kept too', async () => {
  const input = writeInput(
    dir,
    'hidden-user-state.xlsx',
    await kunmingWith((ws) => {
      ws.state = 'hidden';
      ws.getCell('A1').value = '{"备注":"这是我自己的隐藏表"}';
      ws.getCell('A2').value = '第二行';
    }, '_jixiao_state'),
  );
  const out = join(dir, 'hidden-user-state-1.xlsx');
  const r = await runCli(['score', input, '--out', out, '--quiet']);
  expect(r.code).toBe(0);
  const wb = await loadWorkbook(out);
  const mine = wb.getWorksheet('_jixiao_state')!;
  expect(mine.state).toBe('hidden');
  expect([mine.getCell('A1').value, mine.getCell('A2').value]).toEqual(['{"备注":"这是我自己的隐藏表"}', '第二行']);
  expect(readState(wb)?.ownSheets.map((s) => s.name)).toContain('绩效目标');
});
