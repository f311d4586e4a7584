/**
 * A realistic 1,000,000-row 发放明细 in the 增城 2023 layout (examples/workbooks/zengcheng-2023-index-system.ts:
 * a merged title row, then `序号 | 姓名 | 身份证号 | 户号 | 救助类型 | 救助原因 | 金额（元） | 申请日期 | 审核日期 | 发放日期`,
 * a 合计 row at the end), with the figures of seed 001 and the workings of `generateZengcheng2023Ledger`
 * scaled up, for the ledger-checks measurement of issue 3:
 *
 * - 季度救助 500–600 元; a person has one or two a year, two never in consecutive quarters (Q1+Q3, Q2+Q4,
 *   Q1+Q4); 紧急救助 2,000–5,000 元 for illness, injury or 见义勇为, 1,000–2,000 元 for a fire or flood that
 *   partly destroyed the home, 2,000 元 when it was destroyed;
 * - every person a distinct, valid 18-digit 身份证号 (GB 11643); one person in five shares a household with
 *   the one before, and no household gets more than 6,000 元 in the year;
 * - 申请、审核、发放 on Monday–Friday non-holiday days of 2023, 审核 1–3 of those days after 申请;
 * - rows in payment order, as a 台账 is kept, so one person's payments are far apart in the sheet;
 * - about 0.1 % of the rows carry one planted anomaly (ten kinds, round robin: 季度救助 700 元, 1,000 元 for
 *   an operation, an empty 审核日期, a wrong check digit, a payment in December 2022, consecutive quarters,
 *   a third 季度救助, a duplicate row, an audit 10 working days late, a household over 6,000 元).
 *
 * The snapshot is what a host's `read()` returns: dates as 1900-system serials with their `yyyy-mm-dd`
 * format recorded per cell, the title's merge follower cells absent, a fresh string per text cell.
 * Deterministic: the same row count always gives the same sheet. bench/ledgerChecks.ts checks on a small
 * ledger that it is what `XlsxHost.read()` gives for the same rows written with ExcelJS.
 */
import { makeIdNumber } from '../examples/support/idNumber';
import { CANTONESE_GIVEN_NAMES, CANTONESE_SURNAMES } from '../examples/support/personNames';
import { createPrng, type Prng } from '../examples/support/prng';
import { isPlainWorkday, utcDate } from '../examples/support/workdays2023';
import { FormatRunBuilder, type CellRange, type CellScalar, type SheetSnapshot, type WorkbookSnapshot } from '../src/core/snapshot';
import { dateToSerial } from '../src/hosts/xlsx/excelDate';

export const ZC_SHEET = '发放明细';
export const ZC_TITLE = '增城区总工会2023年困难职工帮扶救助发放明细表';
export const ZC_HEADER = ['序号', '姓名', '身份证号', '户号', '救助类型', '救助原因', '金额（元）', '申请日期', '审核日期', '发放日期'] as const;
export const ZC_DATE_FORMAT = 'yyyy-mm-dd';
/** The 2 rows above the first payment (title, header). */
export const ZC_FIRST_ROW = 2;

/** One planted anomaly per this many people (≈ 1 row in 1,000 with the mix of patterns below). */
const ANOMALY_EVERY = 640;

export const ANOMALY_KINDS = [
  'quarterly-700',
  'emergency-too-low',
  'missing-audit-date',
  'bad-check-digit',
  'previous-year',
  'consecutive-quarters',
  'third-quarterly',
  'duplicate',
  'slow-audit',
  'household-over-cap',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

const QUARTERLY = '季度救助';
const EMERGENCY = '紧急救助';
const REGIONS = ['440183', '440118', '441481', '452501', '431202', '440111'];
const QUARTERLY_REASONS = [
  '低保家庭', '低收入家庭', '因病致贫', '单亲家庭子女读书负担较重', '困难劳模', '低收入患重病孤寡人员', '异地务工人员被欠薪生活困难',
];
const ILLNESS_REASONS = [
  '突发重大疾病（恶性肿瘤）住院手术', '突发重大疾病（脑梗死）住院治疗', '意外伤害（交通事故）住院手术',
  '意外伤害（工伤骨折）住院手术', '住院手术（心脏瓣膜置换）', '突发重大疾病（尿毒症）', '意外伤害（摔伤）住院', '见义勇为受伤住院',
];
const PARTIAL_LOSS_REASONS = ['火灾部分损毁，家财严重受损', '水灾部分损毁，家财受损', '火灾部分损毁'];
const TOTAL_LOSS_REASON = '火灾完全损毁住房';

/** The ledger's columns, one entry per payment, before it is put in payment order. */
class Columns {
  name: string[] = [];
  id: string[] = [];
  household: string[] = [];
  type: string[] = [];
  reason: string[] = [];
  amount: (number | string)[] = [];
  applied: number[] = [];
  /** 0: empty. */
  reviewed: number[] = [];
  paid: number[] = [];

  get length(): number {
    return this.name.length;
  }

  push(p: Person, type: string, reason: string, amount: number | string, applied: number, reviewed: number, paid: number): void {
    this.name.push(p.name);
    this.id.push(p.id);
    this.household.push(p.household);
    this.type.push(type);
    this.reason.push(reason);
    this.amount.push(amount);
    this.applied.push(applied);
    this.reviewed.push(reviewed);
    this.paid.push(paid);
  }

  copyRow(k: number): void {
    this.name.push(this.name[k]);
    this.id.push(this.id[k]);
    this.household.push(this.household[k]);
    this.type.push(this.type[k]);
    this.reason.push(this.reason[k]);
    this.amount.push(this.amount[k]);
    this.applied.push(this.applied[k]);
    this.reviewed.push(this.reviewed[k]);
    this.paid.push(this.paid[k]);
  }
}

interface Person {
  name: string;
  id: string;
  household: string;
}

const serialOf = (y: number, m: number, d: number): number => dateToSerial(utcDate(y, m, d)) as number;

/** Serials of the Monday–Friday non-holiday days of 2023 (index = working-day number). */
function plainWorkdays2023(): number[] {
  const out: number[] = [];
  for (let s = serialOf(2023, 1, 1); s <= serialOf(2023, 12, 31); s++) {
    if (isPlainWorkday(new Date(Date.UTC(1899, 11, 30) + s * 86_400_000))) out.push(s);
  }
  return out;
}

/** The generated payments and what was planted, in payment order. */
export interface ZengchengLedger {
  rows: number;
  columns: Columns;
  /** Row order: `order[k]` is the generated payment shown on sheet row ZC_FIRST_ROW + k. */
  order: Int32Array;
  anomalies: Record<AnomalyKind, number>;
  people: number;
  households: number;
}

/** About `count` payments (a person's payments stay together, so it can be a few more). */
export function generateZengchengLedger(count: number, seed = 20_231_231): ZengchengLedger {
  const prng = createPrng(seed);
  const days = plainWorkdays2023();
  const dayIndex = new Map(days.map((s, k) => [s, k]));
  const after = (s: number, n: number): number => days[Math.min(days.length - 1, (dayIndex.get(s) as number) + n)];
  // Application windows per quarter (working-day numbers), as seed 001's batches: applications until
  // a few weeks before the quarter's end, paid 3–10 working days after the audit.
  const firstIn = (m: number, d: number): number => days.findIndex((s) => s >= serialOf(2023, m, d));
  const windows = [
    [firstIn(1, 9), firstIn(3, 10)],
    [firstIn(4, 10), firstIn(6, 2)],
    [firstIn(7, 10), firstIn(9, 8)],
    [firstIn(10, 9), firstIn(12, 1)],
  ];
  const emergencyWindow = [firstIn(1, 9), firstIn(12, 8)];
  const cols = new Columns();
  const anomalies = Object.fromEntries(ANOMALY_KINDS.map((k) => [k, 0])) as Record<AnomalyKind, number>;

  let households = 0;
  const newHousehold = (): string => `ZC-${String(++households).padStart(7, '0')}`;
  // A distinct ID per person: the birthday and the 顺序码 run through their ranges with p.
  const birthDays = serialOf(1998, 12, 31) - serialOf(1963, 1, 1) + 1;
  const men = CANTONESE_GIVEN_NAMES.filter((g) => g.sex === 'male');
  const women = CANTONESE_GIVEN_NAMES.filter((g) => g.sex === 'female');
  let sequence = 0;
  const fixed: Prng = { ...prng, int: () => sequence };
  const personAt = (p: number, household: string): Person => {
    const born = new Date(Date.UTC(1963, 0, 1) + (p % birthDays) * 86_400_000);
    sequence = 1 + (Math.floor(p / birthDays) % 999);
    const given = sequence % 2 === 1 ? men : women;
    const id = makeIdNumber(
      {
        region: REGIONS[Math.floor(p / (birthDays * 999)) % REGIONS.length],
        birth: { year: born.getUTCFullYear(), month: born.getUTCMonth() + 1, day: born.getUTCDate() },
        sex: sequence % 2 === 1 ? 'male' : 'female',
      },
      fixed,
    );
    return { name: prng.pick(CANTONESE_SURNAMES) + prng.pick(given).text, id, household };
  };

  const quarterly = (person: Person, q: number, amount: number | string = 500 + 50 * prng.int(0, 2), reason = prng.pick(QUARTERLY_REASONS)): number => {
    const [from, to] = windows[q];
    const a = prng.int(from, to);
    const applied = days[a];
    const reviewed = days[a + prng.int(1, 3)];
    cols.push(person, QUARTERLY, reason, amount, applied, reviewed, after(reviewed, prng.int(3, 10)));
    return cols.length - 1;
  };
  const emergency = (person: Person, kind = prng.int(0, 9)): number => {
    let reason: string;
    let amount: number;
    if (kind < 7) {
      reason = prng.pick(ILLNESS_REASONS);
      amount = 100 * prng.int(20, 50);
    } else if (kind < 9) {
      reason = prng.pick(PARTIAL_LOSS_REASONS);
      amount = 100 * prng.int(10, 20);
    } else {
      reason = TOTAL_LOSS_REASON;
      amount = 2000;
    }
    const a = prng.int(emergencyWindow[0], emergencyWindow[1]);
    const applied = days[a];
    const reviewed = days[a + prng.int(1, 3)];
    cols.push(person, EMERGENCY, reason, amount, applied, reviewed, after(reviewed, prng.int(1, 6)));
    return cols.length - 1;
  };
  const PAIRS = [[0, 2], [1, 3], [0, 3]];

  let p = 0;
  let lastQuarterlyOnly: Person | null = null;
  while (cols.length < count) {
    const anomaly = p % ANOMALY_EVERY === 7 ? ANOMALY_KINDS[Math.floor(p / ANOMALY_EVERY) % ANOMALY_KINDS.length] : null;
    const pattern = prng.int(0, 99);
    // Quarterly-only people (total ≤ 1,200 元) may share a household with the quarterly-only person before.
    const quarterlyOnly = anomaly === null && pattern < 85;
    const shareable: string | null = lastQuarterlyOnly === null ? null : (lastQuarterlyOnly as Person).household;
    const household: string = quarterlyOnly && shareable !== null && prng.int(0, 4) === 0 ? shareable : newHousehold();
    const person = personAt(p, household);
    lastQuarterlyOnly = quarterlyOnly && household !== shareable ? person : null;
    p++;
    if (anomaly === null) {
      if (pattern < 45) {
        const [q1, q2] = prng.pick(PAIRS);
        quarterly(person, q1);
        quarterly(person, q2);
      } else if (pattern < 85) quarterly(person, prng.int(0, 3));
      else if (pattern < 95) {
        quarterly(person, prng.int(0, 3));
        emergency(person);
      } else emergency(person);
      continue;
    }
    anomalies[anomaly]++;
    switch (anomaly) {
      case 'quarterly-700':
        quarterly(person, prng.int(0, 3), 700);
        break;
      case 'emergency-too-low':
        emergency(person, 0);
        cols.amount[cols.length - 1] = 1000;
        break;
      case 'missing-audit-date':
        quarterly(person, prng.int(0, 3));
        cols.reviewed[cols.length - 1] = 0;
        break;
      case 'bad-check-digit': {
        const id = person.id;
        quarterly({ ...person, id: id.slice(0, 17) + (id[17] === '0' ? '1' : '0') }, prng.int(0, 3));
        break;
      }
      case 'previous-year': {
        const k = quarterly(person, 0);
        cols.applied[k] = serialOf(2022, 12, 12);
        cols.reviewed[k] = serialOf(2022, 12, 14);
        cols.paid[k] = serialOf(2022, 12, 20);
        break;
      }
      case 'consecutive-quarters': {
        const q = prng.int(0, 2);
        quarterly(person, q);
        quarterly(person, q + 1);
        break;
      }
      case 'third-quarterly':
        quarterly(person, 0);
        quarterly(person, 2);
        quarterly(person, 3);
        break;
      case 'duplicate':
        cols.copyRow(emergency(person));
        break;
      case 'slow-audit': {
        const k = quarterly(person, prng.int(0, 3));
        cols.reviewed[k] = after(cols.applied[k], 10);
        cols.paid[k] = after(cols.reviewed[k], 3);
        break;
      }
      case 'household-over-cap':
        emergency(person, 0);
        cols.amount[cols.length - 1] = 4000;
        emergency(person, 0);
        cols.amount[cols.length - 1] = 3000;
        break;
    }
  }

  // Payment order (a counting sort by 发放日期, generation order within a day).
  const n = cols.length;
  let min = Infinity;
  let max = -Infinity;
  for (const s of cols.paid) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const start = new Int32Array(max - min + 2);
  for (const s of cols.paid) start[s - min + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[cols.paid[i] - min]++] = i;
  return { rows: n, columns: cols, order, anomalies, people: p, households };
}

/**
 * A new string equal to `s`, as a host's reader hands over one per cell (Office.js parses JSON; `slice(0)`
 * alone would return the same string, and V8 would reuse its cached hash).
 */
function fresh(s: string): string {
  return ` ${s}`.slice(1);
}

/** One generated payment as the cells of its sheet row (序号 = its position); dates as serials. */
export function zengchengRowCells(ledger: ZengchengLedger, k: number): CellScalar[] {
  const c = ledger.columns;
  const i = ledger.order[k];
  const row: CellScalar[] = [
    k + 1, fresh(c.name[i]), fresh(c.id[i]), fresh(c.household[i]), fresh(c.type[i]), fresh(c.reason[i]), c.amount[i],
    c.applied[i], c.reviewed[i] === 0 ? null : c.reviewed[i], c.paid[i],
  ];
  return row;
}

/** The 合计 row's amount. */
export function zengchengTotal(ledger: ZengchengLedger): number {
  let total = 0;
  for (const a of ledger.columns.amount) if (typeof a === 'number') total += a;
  return total;
}

/** The 发放明细 sheet as a host reads it. */
export function zengchengSheet(ledger: ZengchengLedger, index = 0): SheetSnapshot {
  const values: (CellScalar[] | undefined)[] = [[ZC_TITLE], [...ZC_HEADER]];
  const formats = new FormatRunBuilder();
  for (let k = 0; k < ledger.rows; k++) {
    const r = ZC_FIRST_ROW + k;
    const row = zengchengRowCells(ledger, k);
    for (let c = 7; c <= 9; c++) if (row[c] !== null) formats.add(r, c, ZC_DATE_FORMAT);
    values.push(row);
  }
  const totalRow = ZC_FIRST_ROW + ledger.rows;
  values.push(['合计', null, null, null, null, null, zengchengTotal(ledger)]);
  const merges: CellRange[] = [
    { top: 0, left: 0, bottom: 0, right: 9 },
    { top: totalRow, left: 0, bottom: totalRow, right: 5 },
  ];
  return { name: ZC_SHEET, index, values, formats: formats.runs(), merges };
}

export function zengchengSnapshot(ledger: ZengchengLedger): WorkbookSnapshot {
  return { sheets: [zengchengSheet(ledger)] };
}
