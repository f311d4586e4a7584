/**
 * Issue 12: a workbook scored, saved in another application and scored again gives the same result.
 * LibreOffice rewrites every part (the state as rich text, sheet ids renumbered, hidden columns its own
 * way); the mark in our sheets and the state must survive it, or the next run reads our own 绩效目标 as a
 * source table (a 90 优 once became 20 差) or writes a second copy beside it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scoreBytes, snapshotOf } from '../e2e/scoreWorkbook';
import { convertWithLibreOffice } from './libreoffice';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

test('scored, re-saved by LibreOffice, scored again: same totals, our sheets rewritten in place, none read as input', async () => {
  const samples = [
    { file: 'kunming-2019-self-evaluation.xlsx', total: 97.54, options: {} },
    { file: 'zengcheng-2023-index-system.xlsx', total: 90, options: { rules: ['gz-zengcheng-2023'], writeRules: true } },
  ];
  const firsts = await Promise.all(samples.map(async (s) => scoreBytes(new Uint8Array(await readFile(join(EXAMPLES, s.file))), s.options)));
  const resaved = await convertWithLibreOffice(firsts.map((f) => f.output));
  for (const [i, s] of samples.entries()) {
    const first = firsts[i];
    expect(first.report.total).toBe(s.total);
    const second = await scoreBytes(resaved[i]);
    expect(second.report.total).toBe(s.total);
    expect(second.report.grade).toBe(first.report.grade);
    expect(second.report.findings.filter((f) => f.rule === 'invalid-state')).toEqual([]);
    expect(second.report.mapping.map((m) => m.sheet)).toEqual(first.report.mapping.map((m) => m.sheet));
    const names = (await snapshotOf(second.output)).sheets.map((x) => x.name);
    expect(names.filter((n) => n.includes('（评分'))).toEqual([]);
    expect(second.report.output).toEqual(first.report.output);
  }
});
