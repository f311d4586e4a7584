/**
 * A large, realistic 增城 ledger built straight into the columnar `Ledger` (no workbook): a third of the
 * workers each get a 季度救助 in Q1, an emergency grant in Q2 and a 慰问金 in Q4, with valid 身份证号,
 * audits a day after the application and every date in 2023. `overEvery` > 0 pushes one payment in that
 * many 2,500 元 over its standard, so the caps and bands have something to report.
 */
import type { Ledger } from '../../src/core/ledger/types';
import { fromSerial, toSerial } from '../../src/core/parse/date';
import { textAccess } from './ledgerOf';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A distinct valid 身份证号 for worker p (birthdays from 1950 on, sequence numbers beyond 18,000). */
function idOf(p: number): string {
  const born = fromSerial(toSerial({ y: 1950, m: 1, d: 1 }) + (p % 18000));
  const ymd = `${born.y}${String(born.m).padStart(2, '0')}${String(born.d).padStart(2, '0')}`;
  const body = `440183${ymd}${String(Math.floor(p / 18000)).padStart(3, '0')}`;
  let sum = 0;
  for (let j = 0; j < 17; j++) sum += (body.charCodeAt(j) - 48) * WEIGHTS[j];
  return body + '10X98765432'[sum % 11];
}

export function syntheticLedger(n: number, overEvery = 0): Ledger {
  const people = Math.ceil(n / 3);
  const person: (string | null)[] = new Array<string | null>(n);
  const idNumber: (string | null)[] = new Array<string | null>(n);
  const household: (string | null)[] = new Array<string | null>(n);
  const category: (string | null)[] = new Array<string | null>(n);
  const reason: (string | null)[] = new Array<string | null>(n);
  const amountFen = new Array<number>(n).fill(0);
  const costFen = new Array<number>(n).fill(NaN);
  const applicationDate = new Array<number>(n).fill(0);
  const auditDate = new Array<number>(n).fill(0);
  const paymentDate = new Array<number>(n).fill(0);
  const entryDate = new Array<number>(n).fill(0);
  const starts = [toSerial({ y: 2023, m: 1, d: 3 }), toSerial({ y: 2023, m: 5, d: 8 }), toSerial({ y: 2023, m: 10, d: 9 })];
  const categories = ['季度救助', '紧急救助', '慰问金'];
  const reasons = ['住院手术', '意外受伤', '见义勇为'];
  const amounts = [50000, 300000, 100000];
  const ids = Array.from({ length: people }, (_, p) => idOf(p));
  for (let i = 0; i < n; i++) {
    const q = Math.floor(i / people);
    const p = i % people;
    person[i] = `职工${p}`;
    // A fresh string per cell, as a workbook reader produces.
    idNumber[i] = ids[p].split('').join('');
    household[i] = `H${p}`;
    category[i] = categories[q];
    reason[i] = q === 1 ? reasons[p % 3] : null;
    amountFen[i] = amounts[q] + (overEvery > 0 && i % overEvery === 0 ? 250000 : 0);
    const day = starts[q] + (p % 50);
    applicationDate[i] = day;
    auditDate[i] = day + 1;
    paymentDate[i] = day + 5;
    entryDate[i] = day + 10;
  }
  return {
    sheet: '发放明细',
    headerRow: 0,
    columns: { person: 0, idNumber: 1, household: 2, category: 3, reason: 4, cost: 5, amount: 6, applicationDate: 7, auditDate: 8, paymentDate: 9, entryDate: 10 },
    length: n,
    row: Array.from({ length: n }, (_, i) => i + 1),
    ...textAccess(n, { person, idNumber, household, category, reason }),
    amountFen,
    costFen,
    applicationDate,
    auditDate,
    paymentDate,
    entryDate,
    raw: (i, field) => (field === 'idNumber' ? idNumber[i] : null),
  };
}
