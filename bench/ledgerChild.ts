/**
 * One ledger-checks measurement in its own process (bench/ledgerChecks.ts), started by bench/run.ts:
 *
 *   node --expose-gc --import tsx bench/ledgerChild.ts <zengcheng|heavy> <rows> <runs>
 *
 * prints one JSON line, a `LedgerCheckResult`.
 */
import { measureLedgerChecks } from './ledgerChecks';

const [workload, rows, runs] = process.argv.slice(2);
if (workload !== 'zengcheng' && workload !== 'heavy') throw new Error(`unknown workload ${workload}`);
measureLedgerChecks(workload, Number(rows), Number(runs ?? 3))
  .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
