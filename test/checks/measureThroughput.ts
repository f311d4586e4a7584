/**
 * Rows per second of every gz-zengcheng-2023 rule (with the 广州 and data-quality rules it includes), ad
 * hoc: `npx tsx --expose-gc test/checks/measureThroughput.ts [rows]`. Best of five runs after a warm-up.
 * - the realistic 增城 ledger of the bench (bench/zengchengLedger.ts) from its snapshot: readLedger
 *   (parse) and runChecks (rules), as `npm run bench` measures them for BENCHMARKS.md;
 * - runChecks alone on the synthetic columnar ledger (syntheticLedger.ts), clean and with one payment in
 *   100 over its standard.
 */
import { checkOnce, ledgerSnapshot, mapLedger } from '../../bench/ledgerChecks';
import { runChecks } from '../../src/core/checks/runChecks';
import { readLedger } from '../../src/core/ledger/readLedger';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import { syntheticLedger } from './syntheticLedger';

const rows = Number(process.argv[2] ?? 1_000_000);
const rules = resolvePacks(['gz-zengcheng-2023'], { parameters: { 'gz-monthly-dibao': 1330 } });
const context = { year: 2023, packNames: packNames(rules) };
const gc: unknown = Reflect.get(globalThis, 'gc');
const collect = (): void => {
  if (typeof gc === 'function') gc();
};
const perSecond = (n: number, ms: number): string => Math.round(n / (ms / 1000)).toLocaleString('en');
const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

for (let k = 0; k < 5; k++) checkOnce(ledgerSnapshot('zengcheng', 20_000).snapshot);
const { snapshot } = ledgerSnapshot('zengcheng', rows);
const { table, grid } = mapLedger(snapshot);
let parse = Infinity;
let check = Infinity;
let total = Infinity;
let findings = 0;
let entries = 0;
for (let k = 0; k < 5; k++) {
  collect();
  const t0 = performance.now();
  const ledger = readLedger(table, grid);
  const t1 = performance.now();
  findings = runChecks(ledger, rules, context).length;
  const t2 = performance.now();
  entries = ledger.length;
  parse = Math.min(parse, t1 - t0);
  check = Math.min(check, t2 - t1);
  total = Math.min(total, t2 - t0);
}
write(
  `${entries.toLocaleString('en')} rows, realistic 增城 ledger: parse ${parse.toFixed(0)} ms (${perSecond(entries, parse)} rows/s), ` +
  `rules ${check.toFixed(0)} ms (${perSecond(entries, check)} rows/s), parse + rules ${total.toFixed(0)} ms → ${perSecond(entries, total)} rows/s, ${findings} findings`,
);

for (const overEvery of [0, 100]) {
  const ledger = syntheticLedger(rows, overEvery);
  runChecks(ledger, rules, context);
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    collect();
    const start = performance.now();
    findings = runChecks(ledger, rules, context).length;
    best = Math.min(best, performance.now() - start);
  }
  const what = overEvery ? `1 payment in ${overEvery} over its standard` : 'clean';
  write(`${rows.toLocaleString('en')} rows, synthetic ledger (${what}), rules only: ${best.toFixed(0)} ms → ${perSecond(rows, best)} rows/s, ${findings} findings`);
}
