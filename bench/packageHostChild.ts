/**
 * One host's read + pipeline + apply + write on the bench ledger, in its own process so peak RSS is its
 * own (issue 13: the package host against the ExcelJS host):
 *
 *   node --import tsx bench/packageHostChild.ts <package|exceljs> <rows> [rule-pack]
 *
 * prints one JSON line: milliseconds per stage, findings, highlights and peak RSS in MiB.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runPipeline } from '../src/core/pipeline';
import { PackageFileHost } from '../src/hosts/package/packageFileHost';
import { XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { benchWorkbook } from './xlsxFixture';

async function main(): Promise<void> {
  const [which, rowsText, pack] = process.argv.slice(2);
  if (which !== 'package' && which !== 'exceljs') throw new Error(`unknown host ${which}`);
  const rows = Number(rowsText);
  const { path } = await benchWorkbook('.bench', rows);
  const out = join('.bench', `${which}-host-${rows}.xlsx`);
  const ms: Record<string, number> = {};
  const clock = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    const value = await fn();
    ms[name] = Math.round(performance.now() - t);
    return value;
  };
  const host: PackageFileHost | XlsxHost = await clock<PackageFileHost | XlsxHost>('open', () => (which === 'package' ? PackageFileHost.fromFile(path) : XlsxHost.fromFile(path)));
  const snapshot = await clock('read', () => host.read());
  const { report, patch } = await clock('pipeline', () => runPipeline(snapshot, pack ? { rules: [pack] } : {}));
  await clock('apply', () => host.apply(patch));
  await clock('write', () => host.writeFile(out));
  await writeFile(`${out}.json`, JSON.stringify({ total: report.total, findings: report.findings.length }));
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ host: which, rows, ms, total, findings: report.findings.length, highlights: patch.highlights.length, peakRssMiB })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
