/**
 * Files from real office applications (issue 11): every sample workbook, re-saved by LibreOffice Calc,
 * gives the same report as the original through the command line (`score --json`). LibreOffice rewrites
 * the whole file its own way — shared strings, styles and number formats renumbered, inline and rich
 * text, cached formula values, its own column widths — so this is the check that the xlsx host reads
 * what an officer's office application writes, not only what this project's own writer (ExcelJS) writes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report';
import { runCli } from '../cli/runCli';
import { convertWithLibreOffice } from './libreoffice';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

const SAMPLES = [
  { file: 'kunming-2019-self-evaluation.xlsx', total: 97.54, grade: '优', selfReportedTotal: 100 },
  { file: 'kunming-2019-subtotal-rows.xlsx', total: 97.54, grade: '优', selfReportedTotal: 100 },
  { file: 'zengcheng-2023-index-system.xlsx', total: 90, grade: '优', selfReportedTotal: null },
  { file: 'wuhua-2023-separate-sheets.xlsx', total: 99.41, grade: '优', selfReportedTotal: null },
] as const;

/** What must not change when the same workbook is saved by another application. */
function essentials(r: Report) {
  return {
    total: r.total,
    grade: r.grade,
    selfReportedTotal: r.selfReportedTotal,
    kind: r.kind,
    budget: r.budget,
    indicators: r.indicators.map((i) => ({
      name: i.name, level1: i.level1, level2: i.level2, target: i.target, actual: i.actual, weight: i.weight,
      score: i.score, selfScore: i.selfScore, evaluatorScore: i.evaluatorScore, status: i.status, sheet: i.sheet, row: i.row,
    })),
    summary: r.summary,
    findings: r.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`).sort(),
  };
}

let dir: string;
const reports = new Map<string, { original: Report; resaved: Report }>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-resave-'));
  const originals = SAMPLES.map((s) => join(EXAMPLES, s.file));
  // One LibreOffice start for all the samples.
  const resaved = await convertWithLibreOffice(originals);
  for (const [i, s] of SAMPLES.entries()) {
    const original = await readFile(originals[i]);
    // LibreOffice really wrote the file: the same bytes back would prove nothing.
    expect(Buffer.compare(Buffer.from(resaved[i]), original)).not.toBe(0);
    const resavedFile = join(dir, `resaved-${s.file}`);
    await writeFile(resavedFile, resaved[i]);
    reports.set(s.file, { original: await scoreByCli(originals[i], `original-${s.file}`), resaved: await scoreByCli(resavedFile, `resaved-${s.file}`) });
  }
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function scoreByCli(file: string, name: string): Promise<Report> {
  const json = join(dir, `${name}.json`);
  const run = await runCli(['score', file, '--json', json, '--quiet']);
  if (run.code !== 0) throw new Error(`score ${file} exited ${run.code}: ${run.err}`);
  return JSON.parse(await readFile(json, 'utf8')) as Report;
}

describe.each(SAMPLES)('$file re-saved by LibreOffice Calc', (sample) => {
  test(`scores ${sample.total} ${sample.grade}, as the original does`, () => {
    const { original, resaved } = reports.get(sample.file)!;
    expect(original).toMatchObject({ total: sample.total, grade: sample.grade, selfReportedTotal: sample.selfReportedTotal });
    expect(resaved).toMatchObject({ total: sample.total, grade: sample.grade, selfReportedTotal: sample.selfReportedTotal });
  });

  test('gives the same budget, indicator scores, summary and findings as the original', () => {
    const { original, resaved } = reports.get(sample.file)!;
    expect(original.indicators.length).toBeGreaterThan(0);
    expect(essentials(resaved)).toEqual(essentials(original));
  });
});
