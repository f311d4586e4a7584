/**
 * A number in a ledger's date column is a date exactly when parseDate says so with the cell's format: an
 * 审核日期 typed as 5 is not 1900-01-05, a 45,050 with no format is 2023-05-04, and a 5 formatted as a
 * date is the date Excel shows.
 */
import fc from 'fast-check';
import { runChecks } from '../../src/core/checks/runChecks';
import { mapWorkbook } from '../../src/core/detect/mapping';
import { readLedger } from '../../src/core/ledger/readLedger';
import { BAD_DATE, type Ledger } from '../../src/core/ledger/types';
import { parseDate, toSerial } from '../../src/core/parse/date';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import { FormatRunBuilder, type CellScalar, type WorkbookSnapshot } from '../../src/core/snapshot';
import { validId } from './ledgerOf';

const HEADER = ['姓名', '身份证号', '救助类型', '金额', '申请日期', '审核日期', '发放日期'];
const AUDIT = 5;

/** Payments whose 审核日期 cells hold `audits[k]` in format `formats[k]` (undefined: General). */
function ledgerWithAudits(audits: CellScalar[], formats: (string | undefined)[]): Ledger {
  const values: CellScalar[][] = [HEADER, ...audits.map((a, k) => [`职工${k}`, validId(k), '季度救助', 500, 45047, a, 45054])];
  const runs = new FormatRunBuilder();
  audits.forEach((_, k) => {
    for (const c of [4, 6]) runs.add(k + 1, c, 'yyyy-mm-dd');
    const f = formats[k];
    if (f !== undefined) runs.add(k + 1, AUDIT, f);
  });
  const snapshot: WorkbookSnapshot = { sheets: [{ name: '发放明细', index: 0, values, formats: runs.runs(), merges: [] }] };
  const mapping = mapWorkbook(snapshot);
  const table = mapping.tables.find((t) => t.role === 'ledger');
  if (!table) throw new Error('no ledger detected');
  return readLedger(table, mapping.grids.get(table.sheet)!);
}

describe('dates in a ledger read as parseDate reads them', () => {
  it('an 审核日期 typed as 5 is no date and is reported, while 45050 and a date-formatted 45050 are 2023-05-04', () => {
    const ledger = ledgerWithAudits([5, 45050, 45050, 5], [undefined, undefined, 'yyyy-mm-dd', '0.00']);
    expect(Array.from(ledger.auditDate)).toEqual([BAD_DATE, 45050, 45050, BAD_DATE]);

    const rules = resolvePacks(['gz-zengcheng-2023']);
    const findings = runChecks(ledger, rules, { year: 2023, packNames: packNames(rules) });
    const atAudit = findings.filter((f) => f.cell.startsWith('F'));
    // Rows 2 and 5 hold the 5s: each is said not to be a date, never checked as 1900-01-05.
    expect([...new Set(atAudit.map((f) => f.row))]).toEqual([2, 5]);
    expect(atAudit.some((f) => f.message.includes('1900'))).toBe(false);
  });

  it('a 5 formatted as a date is 1900-01-05, as Excel shows it', () => {
    expect(Array.from(ledgerWithAudits([5], ['yyyy-mm-dd']).auditDate)).toEqual([5]);
  });

  it('agrees with parseDate for any number and format', () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 3_000_000 }),
      fc.double({ min: 0, max: 100_000, noNaN: true }),
      fc.constantFrom(1, 5, 59, 60, 61, 19_999, 20_000, 45_050.75, 80_000, 80_001, 2_958_465, 2_958_466),
    );
    const format = fc.constantFrom(undefined, 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '0.00', '0%', '#,##0', 'General', '[h]:mm');
    fc.assert(
      fc.property(fc.array(fc.tuple(value, format), { minLength: 1, maxLength: 20 }), (cells) => {
        const ledger = ledgerWithAudits(cells.map(([v]) => v), cells.map(([, f]) => f));
        const expected = cells.map(([v, f]) => {
          const d = parseDate(v, f);
          return d ? Math.floor(toSerial(d)) : BAD_DATE;
        });
        expect(Array.from(ledger.auditDate)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
