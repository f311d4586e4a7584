/**
 * Rows per second of every gz-zengcheng-2023 rule (with the 广州 and data-quality rules it includes) on a
 * synthetic ledger: `npx tsx test/checks/measureThroughput.ts [rows]`. Best of five runs after a warm-up.
 */
import { runChecks } from '../../src/core/checks/runChecks';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import { syntheticLedger } from './syntheticLedger';

const rows = Number(process.argv[2] ?? 1_000_000);
const rules = resolvePacks(['gz-zengcheng-2023'], { parameters: { 'gz-monthly-dibao': 1330 } });
const context = { year: 2023, packNames: packNames(rules) };
for (const overEvery of [0, 100]) {
  const ledger = syntheticLedger(rows, overEvery);
  runChecks(ledger, rules, context);
  let best = Infinity;
  let findings = 0;
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    findings = runChecks(ledger, rules, context).length;
    best = Math.min(best, performance.now() - start);
  }
  const perSecond = Math.round(rows / (best / 1000)).toLocaleString('en');
  const what = overEvery ? `1 payment in ${overEvery} over its standard` : 'clean';
  process.stdout.write(`${rows.toLocaleString('en')} rows (${what}): ${best.toFixed(0)} ms → ${perSecond} rows/s, ${findings} findings\n`);
}
