/**
 * The per-person and per-household rules group a million rows in linear time (numbered keys, one pass
 * in row order, typed lookups). No test times them (`npm run bench` measures that); instead these
 * properties hold the fast code to a naive reference — Maps of string keys, every pair compared — on
 * random small ledgers full of collisions: repeated and near-identical 身份证号 (x and X), people with and
 * without IDs, households shared or missing, dates in one year or over decades. A linear shortcut that
 * groups, sums or pairs differently from the obvious quadratic reading of the rule fails here.
 */
import fc from 'fast-check';
import { runChecks } from '../../src/core/checks/runChecks';
import { LedgerFacts } from '../../src/core/checks/ledgerFacts';
import { overCap, type Weight } from '../../src/core/checks/periodTotals';
import { scopeMask } from '../../src/core/checks/ruleScope';
import { quarterOfSerial } from '../../src/core/checks/quarterOfSerial';
import type { CheckInput } from '../../src/core/checks/checkInput';
import { mapWorkbook } from '../../src/core/detect/mapping';
import type { Finding } from '../../src/core/findings';
import { groupIds, groupStrings } from '../../src/core/ledger/keys';
import { readLedger } from '../../src/core/ledger/readLedger';
import type { Ledger } from '../../src/core/ledger/types';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import type { DateField, Recipient } from '../../src/core/rules/packSchema';
import { FormatRunBuilder, type CellScalar, type WorkbookSnapshot } from '../../src/core/snapshot';
import { ledgerOf, validId, type Entry } from './ledgerOf';

const rules = resolvePacks(['gz-zengcheng-2023'], { parameters: { 'gz-monthly-dibao': 300 } });

// ------------------------------------------------------------------------------------ random ledgers

const ids = [0, 1, 2, 3].map(validId);
const idNumber: fc.Arbitrary<CellScalar> = fc.oneof(
  fc.constantFrom(...ids),
  fc.constantFrom(...ids).map((id) => id.slice(0, 17) + (id.endsWith('X') ? 'x' : id[17])),
  fc.constantFrom('44018319800101123x', '44018319800101123X', 'abcx', 'ABCX', '440183198001011', '４４０１８３１９８００１０１００２４', ''),
  fc.constant(null),
);
const person = fc.constantFrom('张三', '李四', 'abc', 'ABC', ' 张三 ', '　', '\u200b', 'ｚｈａｎｇ', '', null);
const household = fc.constantFrom('H1', 'h1', 'H2', '张三户', 'ZC-0000001', 'ZC-000000123456789', 'H 1', '', null);
const category = fc.constantFrom('季度救助', '紧急救助', '慰问金', '实物', '困难补助', null);
const reason = fc.constantFrom('住院手术', '火灾部分烧毁', '大米', null);
const amount = fc.oneof(fc.constantFrom(500, 600, 1000, 2500, 4000, 5000, 0, -100, NaN), fc.constantFrom('五百', ''), fc.constant(null));
/** Serials around 2023 (2022-11 … 2024-02), or anywhere from 1990 to 2040. */
const narrowDate = fc.integer({ min: 44870, max: 45330 });
const date = (wide: boolean): fc.Arbitrary<CellScalar> =>
  fc.oneof({ weight: 8, arbitrary: wide ? fc.integer({ min: 32874, max: 51136 }) : narrowDate }, { weight: 1, arbitrary: fc.constant(null) });

const entry = (wide: boolean): fc.Arbitrary<Entry> =>
  fc.record({
    person, idNumber, household, category, reason, amount,
    applicationDate: date(wide), auditDate: date(wide), paymentDate: date(wide),
  });

/** Rows, then some of them again (repeats make duplicates and over-cap recipients). */
const entries: fc.Arbitrary<Entry[]> = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 1 }))
  .chain(([wide]) => fc.tuple(fc.array(entry(wide), { maxLength: 50 }), fc.array(fc.nat(), { maxLength: 20 })))
  .map(([rows, again]) => (rows.length === 0 ? rows : [...rows, ...again.map((k) => rows[k % rows.length])]));

const HEADER = ['姓名', '身份证号', '户号', '救助类型', '救助原因', '金额', '申请日期', '审核日期', '发放日期'];
const FIELDS = ['person', 'idNumber', 'household', 'category', 'reason', 'amount', 'applicationDate', 'auditDate', 'paymentDate'] as const;

/** The same rows as a sheet read by readLedger, which numbers IDs and 户号 as it reads. */
function readFromSheet(rows: Entry[]): Ledger | null {
  const values: CellScalar[][] = [HEADER, ...rows.map((e) => FIELDS.map((f) => e[f] ?? null))];
  const formats = new FormatRunBuilder();
  rows.forEach((_, r) => [6, 7, 8].forEach((c) => formats.add(r + 1, c, 'yyyy-mm-dd')));
  const snapshot: WorkbookSnapshot = { sheets: [{ name: '发放明细', index: 0, values, formats: formats.runs(), merges: [] }] };
  const mapping = mapWorkbook(snapshot);
  const table = mapping.tables.find((t) => t.role === 'ledger');
  return table ? readLedger(table, mapping.grids.get(table.sheet)!) : null;
}

/** Both ledgers a test looks at: read from a sheet by readLedger, and built entry by entry. */
function ledgers(rows: Entry[]): Ledger[] {
  const read = readFromSheet(rows);
  return read ? [ledgerOf(rows), read] : [ledgerOf(rows)];
}

function inputOf(ledger: Ledger): CheckInput {
  return { ledger, facts: new LedgerFacts(ledger, rules), rules, context: { year: 2023, packNames: '' }, claimed: new Set(), out: [] };
}

// -------------------------------------------------------------------------------- naive references

/** A person is their ID (trailing x as X) when given, else their name; numbered IDs first, then names. */
function naivePersons(ledger: Ledger): number[] {
  const key = (i: number): string | null => {
    const id = ledger.text('idNumber', i);
    if (id) return `id:${id.endsWith('x') ? id.toUpperCase() : id}`;
    return null;
  };
  const numbers = new Map<string, number>();
  for (let i = 0; i < ledger.length; i++) {
    const k = key(i);
    if (k !== null && !numbers.has(k)) numbers.set(k, numbers.size);
  }
  for (let i = 0; i < ledger.length; i++) {
    const name = ledger.text('person', i);
    if (key(i) === null && name && !numbers.has(`name:${name}`)) numbers.set(`name:${name}`, numbers.size);
  }
  return Array.from({ length: ledger.length }, (_, i) => {
    const k = key(i) ?? (ledger.text('person', i) ? `name:${ledger.text('person', i)}` : null);
    return k === null ? -1 : (numbers.get(k) as number);
  });
}

/** A household is its 户号 when given, else the person's own, numbered after every 户号. */
function naiveHouseholds(ledger: Ledger): number[] {
  const persons = naivePersons(ledger);
  const numbers = new Map<string, number>();
  for (let i = 0; i < ledger.length; i++) {
    const h = ledger.text('household', i);
    if (h && !numbers.has(h)) numbers.set(h, numbers.size);
  }
  return Array.from({ length: ledger.length }, (_, i) => {
    const h = ledger.text('household', i);
    if (h) return numbers.get(h) as number;
    return persons[i] < 0 ? -1 : numbers.size + persons[i];
  });
}

/** The serial a rule dates entry i by: its own field, else 发放, 申请, 审核 (0 when none). */
function serialOf(ledger: Ledger, i: number, field: DateField = 'paymentDate'): number {
  for (const f of [field, 'paymentDate', 'applicationDate', 'auditDate'] as const) if (ledger[f][i] > 0) return ledger[f][i];
  return 0;
}

/** Every recipient-year's payments, by summing over every pair of (recipient, year). */
function naiveOverCap(input: CheckInput, mask: Uint8Array, by: Recipient, weight: Weight, cap: number) {
  const { ledger, facts } = input;
  const groups = by === 'person' ? naivePersons(ledger) : naiveHouseholds(ledger);
  const w = (i: number): number => {
    if (weight === 'count') return 1;
    const a = ledger.amountFen[i];
    return a > 0 && a !== Infinity ? a : 0;
  };
  const counted = (i: number): boolean => {
    const q = quarterOfSerial(serialOf(ledger, i));
    return groups[i] >= 0 && mask[facts.category[i] + 1] !== 0 && q >= 0 && w(i) > 0;
  };
  const result: { year: number; rows: number[] }[] = [];
  const recipients = [...new Set(groups.filter((g) => g >= 0))].sort((a, b) => a - b);
  for (const g of recipients) {
    const years: number[] = [];
    for (let i = 0; i < ledger.length; i++) {
      const y = quarterOfSerial(serialOf(ledger, i)) >> 2;
      if (groups[i] === g && counted(i) && !years.includes(y)) years.push(y);
    }
    for (const y of years) {
      let total = 0;
      const mine: number[] = [];
      for (let i = 0; i < ledger.length; i++) {
        if (groups[i] !== g || !counted(i) || quarterOfSerial(serialOf(ledger, i)) >> 2 !== y) continue;
        total += w(i);
        mine.push(i);
      }
      if (!(total > cap)) continue;
      mine.sort((a, b) => serialOf(ledger, a) - serialOf(ledger, b) || a - b);
      result.push({ year: y, rows: mine.map((i) => ledger.row[i] + 1) });
    }
  }
  return result;
}

/** Each 季度救助 too close after one in an earlier quarter, paired with the earliest payment of that quarter. */
function naiveSpacing(ledger: Ledger, facts: LedgerFacts): [number, number][] {
  const persons = naivePersons(ledger);
  const quarterly = rules.categories.findIndex((c) => c.id === 'quarterly-relief');
  const quarter = (i: number): number => quarterOfSerial(serialOf(ledger, i, 'applicationDate'));
  const inScope = (i: number): boolean => persons[i] >= 0 && facts.category[i] === quarterly && quarter(i) >= 0;
  const pairs: [number, number][] = [];
  for (let i = 0; i < ledger.length; i++) {
    if (!inScope(i)) continue;
    let earliest = -1;
    for (let j = 0; j < ledger.length; j++) {
      if (!inScope(j) || persons[j] !== persons[i] || quarter(j) !== quarter(i) - 1) continue;
      if (earliest < 0 || serialOf(ledger, j, 'applicationDate') < serialOf(ledger, earliest, 'applicationDate')) earliest = j;
    }
    if (earliest >= 0) pairs.push([ledger.row[i] + 1, ledger.row[earliest] + 1]);
  }
  return pairs;
}

/** Each payment equal to an earlier one of the same person (type, amount, date), paired with the first such. */
function naiveDuplicates(ledger: Ledger, facts: LedgerFacts): [number, number][] {
  const persons = naivePersons(ledger);
  const known = rules.categories.length;
  const kind = (i: number): number => (facts.category[i] >= 0 ? facts.category[i] : known + 1 + facts.categoryText[i]);
  const dated = (i: number): boolean => persons[i] >= 0 && serialOf(ledger, i) > 0 && Number.isFinite(ledger.amountFen[i]);
  const pairs: [number, number][] = [];
  for (let i = 0; i < ledger.length; i++) {
    if (!dated(i)) continue;
    for (let j = 0; j < i; j++) {
      if (dated(j) && persons[j] === persons[i] && serialOf(ledger, j) === serialOf(ledger, i) &&
        ledger.amountFen[j] === ledger.amountFen[i] && kind(j) === kind(i)) {
        pairs.push([ledger.row[i] + 1, ledger.row[j] + 1]);
        break;
      }
    }
  }
  return pairs;
}

/** (row, row it names) of each finding of a rule, in row order. */
function pairsOf(findings: Finding[], rule: string): [number, number][] {
  return findings
    .filter((f) => f.rule === rule)
    .map((f): [number, number] => [f.row, Number(/第 (\d+) 行/.exec(f.message)?.[1])])
    .sort((a, b) => a[0] - b[0]);
}

// ---------------------------------------------------------------------------------------------- tests

describe('per-person and per-household rules agree with a naive reference', () => {
  it('reads each text field from the sheet as a ledger built entry by entry has it', () => {
    const fields = ['person', 'idNumber', 'household', 'category', 'reason'] as const;
    fc.assert(
      fc.property(entries, (rows) => {
        const read = readFromSheet(rows);
        if (read === null) return;
        const built = ledgerOf(rows);
        expect(read.length).toBe(built.length);
        for (let i = 0; i < read.length; i++) {
          for (const f of fields) {
            expect([f, i, read.text(f, i)]).toEqual([f, i, built.text(f, i)]);
            expect([f, i, read.hasText(f, i)]).toEqual([f, i, built.text(f, i) !== null]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('numbers people and households as Maps of their keys would', () => {
    fc.assert(
      fc.property(entries, (rows) => {
        for (const ledger of ledgers(rows)) {
          const facts = new LedgerFacts(ledger, rules);
          expect(Array.from(facts.group('person'))).toEqual(naivePersons(ledger));
          expect(Array.from(facts.group('household'))).toEqual(naiveHouseholds(ledger));
          const persons = facts.group('person');
          expect(facts.groupCount('person')).toBe(Math.max(-1, ...persons) + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sums and counts per recipient and year as summing every recipient-year would', () => {
    const quarterly = rules.rules.find((r) => r.rule.id === 'gz-zengcheng-2023/quarterly-count')!;
    const all = rules.rules.find((r) => r.rule.id === 'gz-songwennuan/household-year-cap')!;
    fc.assert(
      fc.property(entries, fc.constantFrom(0, 1, 2, 600, 5000, 600_000), (rows, cap) => {
        for (const ledger of ledgers(rows)) {
          for (const [meta, by, weight] of [[quarterly, 'person', 'count'], [all, 'household', 'amount'], [all, 'person', 'amount']] as const) {
            const input = inputOf(ledger);
            const mask = scopeMask(meta, rules);
            const fast = overCap(input, mask, by, undefined, weight, cap).map((o) => ({ year: o.year, rows: o.entries.map((e) => e.row) }));
            expect(fast).toEqual(naiveOverCap(input, mask, by, weight, cap));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds consecutive-quarter 季度救助 and duplicate payments as comparing every pair would', () => {
    fc.assert(
      fc.property(entries, (rows) => {
        for (const ledger of ledgers(rows)) {
          const facts = new LedgerFacts(ledger, rules);
          const findings = runChecks(ledger, rules, { year: 2023, packNames: packNames(rules) });
          expect(pairsOf(findings, 'gz-zengcheng-2023/quarterly-spacing')).toEqual(naiveSpacing(ledger, facts));
          expect(pairsOf(findings, 'common-data-quality/duplicate-payment')).toEqual(naiveDuplicates(ledger, facts));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('numbers keys exactly when a ledger of all-distinct keys makes the key table grow', () => {
    // The integer-key tables start with room for half as many keys as entries: a ledger of all-distinct
    // keys makes them grow, after a larger ledger of repeated keys has been numbered in the same process.
    const firstAppearance = (values: string[]): number[] => {
      const seen = new Map<string, number>();
      return values.map((v) => seen.get(v) ?? (seen.set(v, seen.size), seen.size - 1));
    };
    for (const [big, small] of [[20_000, 3_000], [5_000, 4_999]]) {
      const idsOf = (n: number, spread: number) => Array.from({ length: n }, (_, i) => validId(i % spread).slice(0, 14) + String(1000 + ((i * 7) % spread)).slice(1) + 'X');
      const bigIds = idsOf(big, 997);
      expect(Array.from(groupIds(bigIds.length, (i) => bigIds[i]).groups)).toEqual(firstAppearance(bigIds));
      const smallIds = Array.from({ length: small }, (_, i) => `1${String(i * 7919).padStart(16, '0')}0`);
      expect(Array.from(groupIds(smallIds.length, (i) => smallIds[i]).groups)).toEqual(firstAppearance(smallIds));
      const homes = (n: number, spread: number) => Array.from({ length: n }, (_, i) => `H${(i * 31) % spread}`);
      const bigHomes = homes(big, 500);
      expect(Array.from(groupStrings(big, (i) => bigHomes[i]).groups)).toEqual(firstAppearance(bigHomes));
      const smallHomes = homes(small, small);
      expect(Array.from(groupStrings(small, (i) => smallHomes[i]).groups)).toEqual(firstAppearance(smallHomes));
    }
  });
});
