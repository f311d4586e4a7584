/**
 * Seed 001's 发放明细 with one anomaly of each kind the checks look for planted (a 1,000 元 紧急救助 for a knee injury,
 * a 700 元 季度救助, a missing 审核日期 …): the ledger the checks and the 自评报告 tests read.
 */
import {
  generateZengcheng2023Ledger,
  type ZengchengLedgerRow,
} from '../../examples/workbooks/zengcheng-2023-index-system';

export const LEDGER = '发放明细';
/** The ledger's first payment is on sheet row 3 (title, then header). */
const sheetRow = (index: number) => index + 3;
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** Seed 001's ledger with one of each anomaly the issue lists planted; returns the planted sheet rows. */
export function plantedLedger(): { rows: ZengchengLedgerRow[]; planted: Map<number, string> } {
  const rows = generateZengcheng2023Ledger();
  const paidTimes = new Map<string, number>();
  for (const r of rows) paidTimes.set(r.idNumber!, (paidTimes.get(r.idNumber!) ?? 0) + 1);
  const used = new Set<number>();
  const pick = (test: (r: ZengchengLedgerRow) => boolean): number => {
    const i = rows.findIndex((r, k) => !used.has(k) && test(r));
    if (i < 0) throw new Error('no row to plant in');
    used.add(i);
    return i;
  };
  const once = (r: ZengchengLedgerRow) => paidTimes.get(r.idNumber!) === 1;
  const quarterOf = (r: ZengchengLedgerRow) => Math.floor((r.paidOn as Date).getUTCMonth() / 3) + 1;
  const planted = new Map<number, string>();

  const knee = pick((r) => r.type === '紧急救助' && once(r) && /住院|意外/.test(r.reason ?? ''));
  rows[knee] = { ...rows[knee], reason: '膝关节受伤，自付手术费用高', amount: 1000 };
  planted.set(sheetRow(knee), '1,000 元 emergency grant for a knee injury');

  const high = pick((r) => r.type === '季度救助' && once(r));
  rows[high] = { ...rows[high], amount: 700 };
  planted.set(sheetRow(high), '700 元 季度救助');

  const missingAudit = pick((r) => r.type === '季度救助' && once(r));
  rows[missingAudit] = { ...rows[missingAudit], reviewedOn: null };
  planted.set(sheetRow(missingAudit), 'missing 审核日期');

  const badId = pick((r) => r.type === '季度救助' && once(r));
  const id = rows[badId].idNumber!;
  const wrong = id.slice(-1) === '0' ? '1' : '0';
  rows[badId] = { ...rows[badId], idNumber: id.slice(0, 17) + wrong };
  planted.set(sheetRow(badId), 'bad 身份证号 checksum');

  const lastYear = pick((r) => r.type === '季度救助' && once(r) && quarterOf(r) === 1);
  rows[lastYear] = { ...rows[lastYear], appliedOn: d(2022, 12, 12), reviewedOn: d(2022, 12, 14), paidOn: d(2022, 12, 20) };
  planted.set(sheetRow(lastYear), 'payment dated in the previous year');

  const q1 = rows[pick((r) => r.type === '季度救助' && once(r) && quarterOf(r) === 1)];
  rows.push({ ...q1, seq: rows.length + 1, appliedOn: d(2023, 6, 8), reviewedOn: d(2023, 6, 12), paidOn: d(2023, 6, 16) });
  planted.set(sheetRow(rows.length - 1), '季度救助 in consecutive quarters');

  const twice = rows[pick((r) => r.type === '季度救助' && paidTimes.get(r.idNumber!) === 2 && quarterOf(r) === 3)];
  rows.push({ ...twice, seq: rows.length + 1, appliedOn: d(2023, 9, 25), reviewedOn: d(2023, 9, 26), paidOn: d(2023, 9, 27) });
  planted.set(sheetRow(rows.length - 1), 'third 季度救助 in a year');

  const dup = rows[pick((r) => r.type === '紧急救助' && once(r) && Number(r.amount) <= 3000)];
  rows.push({ ...dup, seq: rows.length + 1 });
  planted.set(sheetRow(rows.length - 1), 'duplicate payment');

  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.household!, (totals.get(r.household!) ?? 0) + Number(r.amount));
  const rich = rows[pick((r) => r.type === '紧急救助' && (totals.get(r.household!) ?? 0) >= 4500 && (totals.get(r.household!) ?? 0) <= 5600)];
  rows.push({
    seq: rows.length + 1, name: rich.name, idNumber: rich.idNumber, household: rich.household, type: '紧急救助',
    reason: '突发重大疾病住院手术', amount: 2000, appliedOn: d(2023, 12, 1), reviewedOn: d(2023, 12, 5), paidOn: d(2023, 12, 8),
  });
  planted.set(sheetRow(rows.length - 1), 'household over 6,000 元 in the year');
  return { rows, planted };
}
