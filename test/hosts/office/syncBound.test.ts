/**
 * The Office host's round trips do not grow with the number of flagged cells (SPEC §2: "reads the live
 * workbook in a few batched requests and applies the patch in a few batched requests"), and no request
 * or response passes Excel on the web's 5 MB.
 *
 * An apply is a fixed number of round trips (sheet list, stored state, sheet structure, notes and their
 * cells, restore and original fills, writes) plus one more request per 4 MB of data written. Flagging 100 or 10,000
 * payments takes the same round trips; what 10,000 findings add is data — a 10,002-row 异常清单, 10,000
 * highlight records and 1,000 notes, about 5.7 MB — which no single request under 5 MB can carry, so it
 * goes in two.
 */
import { scoreWorkbook } from '../../../src/app/scoreWorkbook';
import type { OfficeHost } from '../../../src/hosts/office/officeHost';
import { PAYLOAD_BUDGET, rowsPerRead } from '../../../src/hosts/office/payload';
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from '../../support/fakeExcel';
import { amountCell, LEDGER, LEDGER_COLUMNS, largeLedgerSnapshot } from './largeLedger';
import { officeHostOn } from './officeFixtures';

const ROWS = 100_000;

interface Calls {
  readSyncs: number;
  applySyncs: number;
  /** Syncs made because the data written was bigger than one request. */
  volumeSyncs: number;
  requestBytes: number;
}

interface Run {
  first: Calls;
  again: Calls;
  flagged: number;
  findings: number;
  maxRequest: number;
  maxResponse: number;
  excel: FakeExcel;
}

async function score(host: OfficeHost): Promise<{ calls: Calls; findings: { sheet: string; cell: string }[] }> {
  const outcome = await scoreWorkbook(host, { rules: ['gz-zengcheng-2023'] });
  if (outcome.status !== 'scored') throw new Error(outcome.status);
  return {
    calls: {
      readSyncs: host.lastRead.syncs,
      applySyncs: host.lastApply.syncs,
      volumeSyncs: host.lastApply.volumeSyncs,
      requestBytes: host.lastApply.requestBytes,
    },
    findings: outcome.report.findings,
  };
}

/** Scores the 100,000-row ledger with every `overEvery`-th payment over its standard, then re-scores. */
async function scoreLedger(overEvery: number): Promise<Run> {
  const excel = FakeExcel.fromSnapshot(await largeLedgerSnapshot(ROWS, overEvery));
  const host = officeHostOn(excel);
  const first = await score(host);
  // Every sync is one of the two calls': nothing else talks to Excel.
  expect(excel.syncs).toHaveLength(first.calls.readSyncs + first.calls.applySyncs);
  // The re-run restores the previous highlights (and notes) before drawing the new ones.
  const again = await score(host);
  return {
    first: first.calls,
    again: again.calls,
    flagged: new Set(first.findings.filter((f) => f.sheet === LEDGER && f.cell).map((f) => f.cell)).size,
    findings: first.findings.length,
    maxRequest: Math.max(...excel.syncs.map((s) => s.requestBytes)),
    maxResponse: Math.max(...excel.syncs.map((s) => s.responseBytes)),
    excel,
  };
}

const fixed = (c: Calls) => c.applySyncs - c.volumeSyncs;

describe('scoring a 100,000-row ledger through the Office host', () => {
  let few: Run;
  let many: Run;

  beforeAll(async () => {
    few = await scoreLedger(1000);
    many = await scoreLedger(10);
  }, 120_000);

  test('flags 100 and 10,000 payments, each highlighted on its 金额 cell and listed in the 异常清单', () => {
    expect(few.flagged).toBe(100);
    expect(many.flagged).toBe(10_000);
    expect(few.excel.model.fillOf(LEDGER, amountCell(0))).toBe('#FFC7CE');
    expect(few.excel.model.fillOf(LEDGER, amountCell(1))).toBeNull();
    expect(many.excel.model.fillOf(LEDGER, amountCell(99_990))).toBe('#FFC7CE');
    expect(many.excel.model.fillOf(LEDGER, amountCell(99_991))).toBeNull();
    // Title and header, then one row per finding.
    expect(many.excel.model.sheet('异常清单').usedRange()!.bottom + 1).toBe(2 + many.findings);
  });

  test('reads in ⌈cells ÷ cells-per-request⌉ + 2 syncs, the same however many cells are flagged', () => {
    const cells = (ROWS + 3) * LEDGER_COLUMNS;
    const chunkCells = rowsPerRead(LEDGER_COLUMNS) * LEDGER_COLUMNS;
    // The sheet list, the used ranges, then blocks of rows (the first also carries the small sheets).
    expect(few.first.readSyncs).toBeLessThanOrEqual(Math.ceil(cells / chunkCells) + 2);
    expect(many.first.readSyncs).toBe(few.first.readSyncs);
    // A re-read also reads the two sheets the add-in wrote, the 10,002-row 异常清单 among them (nine
    // columns with its hidden mark column, about 90,000 cells: two more requests at most).
    expect(many.again.readSyncs).toBeLessThanOrEqual(few.again.readSyncs + 2);
  });

  test('applies 100 or 10,000 highlights in the same round trips; 10,000 findings add only their data\'s requests', () => {
    // First run: the sheet list, creating the sheets, the notes on the ledger, the ledger's own fills,
    // the writes.
    expect(fixed(few.first)).toBe(5);
    expect(fixed(many.first)).toBe(fixed(few.first));
    expect(few.first.volumeSyncs).toBe(0);
    expect(few.first.applySyncs).toBe(5);
    // Re-run: the sheet list, the stored state, the notes it wrote and their cells, the writes; no sheet
    // to create, and the recorded fills need no read.
    expect(fixed(many.again)).toBe(fixed(few.again));
    expect(fixed(few.again)).toBeLessThanOrEqual(6);
    // What grows with the findings is data: at most one more request per 4 MB written.
    for (const calls of [few.first, few.again, many.first, many.again]) {
      expect(calls.volumeSyncs).toBeLessThanOrEqual(Math.ceil(calls.requestBytes / PAYLOAD_BUDGET));
      expect(calls.applySyncs).toBeLessThanOrEqual(Math.ceil(calls.requestBytes / PAYLOAD_BUDGET) + 6);
    }
    expect(many.first.requestBytes).toBeGreaterThan(PAYLOAD_BUDGET);
  });

  test('keeps every request and response under 5 MB', () => {
    for (const run of [few, many]) {
      expect(run.maxRequest).toBeLessThan(FAKE_PAYLOAD_LIMIT);
      expect(run.maxResponse).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    }
  });
});
