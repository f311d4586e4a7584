/**
 * One large-file measurement in its own process, for `npm run bench -- --cli-1m`: a run that exhausts
 * memory or hits a V8 limit must not take the whole bench down with it. Prints one JSON line per stage
 * as soon as it finishes, so the parent knows how far it got if the process dies.
 *
 *   node --max-old-space-size=N --expose-gc --import tsx bench/cliChild.ts <exceljs|cli> <input.xlsx> <out.xlsx> <report.json>
 */
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { runPipeline } from '../src/core/pipeline';
import { PackageFileHost } from '../src/hosts/package/packageFileHost';
import { forceGc, msSince, nowNs, PeakRssSampler } from './timing';

export interface ChildStageLine {
  stage: string;
  ms: number;
  heapUsed: number;
  peakRss: number;
}

const sampler = new PeakRssSampler(50);

async function stage<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const t = nowNs();
  const value = await fn();
  const line: ChildStageLine = { stage: name, ms: msSince(t), heapUsed: process.memoryUsage().heapUsed, peakRss: sampler.peakBytes() };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return value;
}

async function excelJsAlone(input: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await stage('exceljs.readFile', () => wb.xlsx.readFile(input));
  await stage('exceljs.writeFile', () => wb.xlsx.writeFile(out));
}

async function cli(input: string, out: string, json: string): Promise<void> {
  const host = await stage('fromFile', () => PackageFileHost.fromFile(input));
  const snapshot = await stage('read', () => host.read());
  const result = await stage('runPipeline', () => runPipeline(snapshot, {}));
  await stage('apply', () => host.apply(result.patch));
  await stage('writeFile', () => host.writeFile(out));
  await stage('writeJson', () => writeFile(json, `${JSON.stringify(result.report, null, 2)}\n`, 'utf8'));
}

async function childMain(argv: string[]): Promise<void> {
  const [mode, input, out, json] = argv;
  if (!input || !out || !json || (mode !== 'exceljs' && mode !== 'cli')) {
    throw new Error('usage: cliChild.ts <exceljs|cli> <input.xlsx> <out.xlsx> <report.json>');
  }
  forceGc();
  if (mode === 'exceljs') await excelJsAlone(input, out);
  else await cli(input, out, json);
  await sampler.stop();
}

childMain(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
