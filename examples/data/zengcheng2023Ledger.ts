/**
 * A deterministic 发放明细 for 增城区总工会 困难职工帮扶资金 2023 that is consistent with seed 001: 233 季度救助
 * payments totalling 139,800 元 and 39 紧急救助 payments totalling 126,000 元 (265,800 元 = 实际支出), and that
 * breaks none of the rules of `gz-zengcheng-2023` / `gz-songwennuan`:
 * - 季度救助 600 元 each (233 × 600 = 139,800 exactly, so the 400–600 band leaves no room for 500s);
 *   at most 2 per person per year, never in consecutive quarters (pairs are Q1+Q3, Q2+Q4, Q1+Q4);
 * - 紧急救助 in the band of its reason: 2,000–5,000 for 疾病/手术/意外/见义勇为, 1,000–2,000 for 水灾/火灾
 *   部分损毁, 2,000 for 完全损毁;
 * - every household's year total ≤ 6,000 元;
 * - 申请、审核、发放 on Monday–Friday non-holiday days of 2023, 审核 1–4 working days after 申请 by both the
 *   official calendar and a plain Monday–Friday count;
 * - valid GB 11643 身份证号, distinct names.
 * Tests take the rows, change a few (plant anomalies) and pass them to the workbook builder.
 */
import { makeIdNumber, randomBirth, isValidIdNumber } from '../support/idNumber';
import { CANTONESE_GIVEN_NAMES, CANTONESE_SURNAMES, createNamer } from '../support/personNames';
import { createPrng, type Prng } from '../support/prng';
import {
  addPlainWorkdays,
  officialWorkdaysBetween,
  plainWorkdaysIn,
  utcDate,
  weekdaysBetween,
} from '../support/workdays2023';

/** One row of the 发放明细 sheet. Strings and nulls are allowed everywhere so a test can plant bad data. */
export interface ZengchengLedgerRow {
  /** 序号 */
  seq: number | string | null;
  /** 姓名 */
  name: string | null;
  /** 身份证号 (text) */
  idNumber: string | null;
  /** 户号 */
  household: string | null;
  /** 救助类型: 季度救助 | 紧急救助 */
  type: string | null;
  /** 救助原因 */
  reason: string | null;
  /** 金额（元） */
  amount: number | string | null;
  /** 申请日期 */
  appliedOn: Date | string | null;
  /** 审核日期 */
  reviewedOn: Date | string | null;
  /** 发放日期 */
  paidOn: Date | string | null;
}

export const QUARTERLY = '季度救助';
export const EMERGENCY = '紧急救助';

export interface ZengchengLedgerOptions {
  /** PRNG seed; the committed example uses the default. */
  seed?: number;
}

export const ZENGCHENG_2023_LEDGER_FACTS = {
  rows: 272,
  total: 265_800,
  quarterly: { count: 233, total: 139_800, amount: 600 },
  emergency: { count: 39, total: 126_000 },
  /** People paid 季度救助 twice (in non-consecutive quarters). */
  quarterlyTwice: 72,
  quarterlyPeople: 161,
  /** 紧急救助 recipients who also had one 季度救助 payment. */
  emergencyAlsoQuarterly: 10,
  people: 190,
} as const;

interface Person {
  name: string;
  idNumber: string;
  household: string;
}

/** Where 增城 workers' IDs were issued: mostly 原增城市, some migrants. Repeats weight the pick. */
const REGIONS = ['440183', '440183', '440183', '440183', '440183', '440183', '440118', '441481', '452501', '431202', '440111'];

const QUARTERLY_REASONS = [
  '低保家庭',
  '低收入家庭',
  '因病致贫',
  '单亲家庭子女读书负担较重',
  '困难劳模',
  '低收入患重病孤寡人员',
  '异地务工人员被欠薪生活困难',
];

/** 紧急救助 by reason; amounts sum to 126,000 over 39 rows. */
const EMERGENCY_FIXED: readonly [string, number][] = [
  ['火灾部分损毁，家财严重受损', 1500],
  ['火灾部分损毁', 2000],
  ['水灾部分损毁，家财受损', 1000],
  ['水灾部分损毁', 1500],
  ['火灾完全损毁住房', 2000],
  ['见义勇为受伤住院', 5000],
  ['见义勇为受伤', 3000],
];
const ILLNESS_REASONS = [
  '突发重大疾病（恶性肿瘤）住院手术',
  '突发重大疾病（脑梗死）住院治疗',
  '意外伤害（交通事故）住院手术',
  '意外伤害（工伤骨折）住院手术',
  '住院手术（心脏瓣膜置换）',
  '突发重大疾病（尿毒症）',
  '意外伤害（摔伤）住院',
];
const ILLNESS_AMOUNTS: readonly number[] = [
  ...Array<number>(11).fill(5000),
  4000,
  ...Array<number>(11).fill(3000),
  ...Array<number>(9).fill(2000),
];

interface QuarterPlan {
  /** Applications are taken in this window … */
  windowFrom: Date;
  windowTo: Date;
  /** … and paid in one batch on this day. */
  batchDay: Date;
}

const QUARTERS: Record<1 | 2 | 3 | 4, QuarterPlan> = {
  1: { windowFrom: utcDate(2023, 2, 6), windowTo: utcDate(2023, 3, 10), batchDay: utcDate(2023, 3, 24) },
  2: { windowFrom: utcDate(2023, 4, 10), windowTo: utcDate(2023, 6, 2), batchDay: utcDate(2023, 6, 16) },
  3: { windowFrom: utcDate(2023, 7, 10), windowTo: utcDate(2023, 9, 8), batchDay: utcDate(2023, 9, 22) },
  4: { windowFrom: utcDate(2023, 10, 9), windowTo: utcDate(2023, 12, 1), batchDay: utcDate(2023, 12, 15) },
};

type Quarter = 1 | 2 | 3 | 4;

/** An application day and a review 1–4 working days later by both counts. */
function applicationAndReview(prng: Prng, candidates: readonly Date[]): { applied: Date; reviewed: Date } {
  for (;;) {
    const applied = prng.pick(candidates);
    const reviewed = addPlainWorkdays(applied, prng.int(1, 4));
    if (officialWorkdaysBetween(applied, reviewed) <= 4 && weekdaysBetween(applied, reviewed) <= 4) {
      return { applied, reviewed };
    }
  }
}

const compareDates = (a: Date | string | null, b: Date | string | null): number =>
  (a instanceof Date ? a.getTime() : 0) - (b instanceof Date ? b.getTime() : 0);

/** The 272 rows of the committed example (or another deterministic draw with a different seed). */
export function generateZengcheng2023Ledger(options: ZengchengLedgerOptions = {}): ZengchengLedgerRow[] {
  const prng = createPrng(options.seed ?? 20_231_231);
  const nextName = createNamer(prng, CANTONESE_SURNAMES, CANTONESE_GIVEN_NAMES);
  const usedIds = new Set<string>();
  let households = 0;
  const newHousehold = (): string => `ZC-${String(++households).padStart(4, '0')}`;
  const newPerson = (household?: string): Person => {
    const { name, sex } = nextName();
    let idNumber: string;
    do {
      idNumber = makeIdNumber({ region: prng.pick(REGIONS), birth: randomBirth(prng, 1963, 1998), sex }, prng);
    } while (usedIds.has(idNumber));
    usedIds.add(idNumber);
    return { name, idNumber, household: household ?? newHousehold() };
  };

  const rows: ZengchengLedgerRow[] = [];
  const quarterly = (person: Person, quarter: Quarter, reason: string): void => {
    const plan = QUARTERS[quarter];
    const { applied, reviewed } = applicationAndReview(prng, plainWorkdaysIn(plan.windowFrom, plan.windowTo));
    rows.push({
      seq: null,
      name: person.name,
      idNumber: person.idNumber,
      household: person.household,
      type: QUARTERLY,
      reason,
      amount: 600,
      appliedOn: applied,
      reviewedOn: reviewed,
      paidOn: plan.batchDay,
    });
  };

  // People paid twice; the first 16 share 8 households two by two (2 × 1,200 元 stays far below 6,000).
  const pairs: [Quarter, Quarter][] = [
    ...Array.from({ length: 30 }, (): [Quarter, Quarter] => [1, 3]),
    ...Array.from({ length: 26 }, (): [Quarter, Quarter] => [2, 4]),
    ...Array.from({ length: 16 }, (): [Quarter, Quarter] => [1, 4]),
  ];
  let sharedHousehold = '';
  prng.shuffle(pairs).forEach(([q1, q2], i) => {
    let person: Person;
    if (i < 16 && i % 2 === 0) {
      person = newPerson();
      sharedHousehold = person.household;
    } else if (i < 16) {
      person = newPerson(sharedHousehold);
    } else {
      person = newPerson();
    }
    const reason = prng.pick(QUARTERLY_REASONS);
    quarterly(person, q1, reason);
    quarterly(person, q2, reason);
  });

  const singleQuarters: Quarter[] = [
    ...Array<Quarter>(12).fill(1),
    ...Array<Quarter>(32).fill(2),
    ...Array<Quarter>(28).fill(3),
    ...Array<Quarter>(17).fill(4),
  ];
  const singles: Person[] = [];
  for (const q of prng.shuffle(singleQuarters)) {
    const person = newPerson();
    singles.push(person);
    quarterly(person, q, prng.pick(QUARTERLY_REASONS));
  }

  // 紧急救助: 10 recipients also had one 季度救助 (600 + ≤ 5,000 ≤ 6,000 per household), 29 are new.
  const illness = prng.shuffle(ILLNESS_AMOUNTS).map((amount, i): [string, number] => [
    ILLNESS_REASONS[i % ILLNESS_REASONS.length],
    amount,
  ]);
  const emergencies = prng.shuffle([...EMERGENCY_FIXED, ...illness]);
  const alsoQuarterly = prng.shuffle(singles).slice(0, 10);
  const emergencyDays = plainWorkdaysIn(utcDate(2023, 1, 9), utcDate(2023, 12, 8));
  emergencies.forEach(([reason, amount], i) => {
    const person = i < alsoQuarterly.length ? alsoQuarterly[i] : newPerson();
    const { applied, reviewed } = applicationAndReview(prng, emergencyDays);
    rows.push({
      seq: null,
      name: person.name,
      idNumber: person.idNumber,
      household: person.household,
      type: EMERGENCY,
      reason,
      amount,
      appliedOn: applied,
      reviewedOn: reviewed,
      paidOn: addPlainWorkdays(reviewed, prng.int(1, 6)),
    });
  });

  // The 台账 is kept in payment order; a quarter's batch lists 季度救助 in application order.
  rows.sort(
    (a, b) =>
      compareDates(a.paidOn, b.paidOn) ||
      (a.type === b.type ? 0 : a.type === QUARTERLY ? -1 : 1) ||
      compareDates(a.appliedOn, b.appliedOn) ||
      String(a.idNumber).localeCompare(String(b.idNumber)),
  );
  rows.forEach((row, i) => {
    row.seq = i + 1;
  });
  assertConsistent(rows);
  return rows;
}

const quarterOf = (date: Date): number => Math.floor(date.getUTCMonth() / 3) + 1;

/** Guards the generator itself: the committed example must break no rule. */
function assertConsistent(rows: readonly ZengchengLedgerRow[]): void {
  const fail = (message: string): never => {
    throw new Error(`generateZengcheng2023Ledger: ${message}`);
  };
  const facts = ZENGCHENG_2023_LEDGER_FACTS;
  const sum = (type: string): number =>
    rows.filter((r) => r.type === type).reduce((s, r) => s + Number(r.amount), 0);
  if (rows.length !== facts.rows) fail(`${rows.length} rows`);
  if (rows.filter((r) => r.type === QUARTERLY).length !== facts.quarterly.count) fail('quarterly count');
  if (sum(QUARTERLY) !== facts.quarterly.total) fail('quarterly total');
  if (sum(EMERGENCY) !== facts.emergency.total) fail('emergency total');

  const quartersByPerson = new Map<string, number[]>();
  const byHousehold = new Map<string, number>();
  for (const row of rows) {
    if (!row.idNumber || !isValidIdNumber(row.idNumber)) fail(`bad id ${row.idNumber}`);
    const applied = row.appliedOn as Date;
    const reviewed = row.reviewedOn as Date;
    const paid = row.paidOn as Date;
    if (officialWorkdaysBetween(applied, reviewed) > 4 || weekdaysBetween(applied, reviewed) > 4) fail('slow review');
    if (paid.getTime() < reviewed.getTime()) fail('paid before review');
    if (paid.getUTCFullYear() !== 2023 || applied.getUTCFullYear() !== 2023) fail('date outside 2023');
    if (row.type === QUARTERLY) {
      if (quarterOf(applied) !== quarterOf(paid)) fail('quarter straddled');
      const list = quartersByPerson.get(row.idNumber as string) ?? [];
      list.push(quarterOf(paid));
      quartersByPerson.set(row.idNumber as string, list);
    } else {
      const amount = Number(row.amount);
      const reason = row.reason ?? '';
      const [min, max] = reason.includes('部分损毁') ? [1000, 2000] : reason.includes('完全损毁') ? [2000, 2000] : [2000, 5000];
      if (amount < min || amount > max) fail(`emergency ${amount} for ${reason}`);
    }
    const household = row.household as string;
    byHousehold.set(household, (byHousehold.get(household) ?? 0) + Number(row.amount));
  }
  for (const [id, quarters] of quartersByPerson) {
    quarters.sort();
    if (quarters.length > 2) fail(`${id} paid ${quarters.length} times`);
    if (quarters.length === 2 && quarters[1] - quarters[0] < 2) fail(`${id} in consecutive quarters`);
  }
  for (const [household, total] of byHousehold) {
    if (total > 6000) fail(`household ${household} got ${total}`);
  }
  const names = new Set(rows.map((r) => `${r.name}|${r.idNumber}`));
  const people = new Set(rows.map((r) => r.idNumber));
  if (names.size !== people.size) fail('a name maps to two ids');
  if (people.size !== facts.people) fail(`${people.size} people`);
}
