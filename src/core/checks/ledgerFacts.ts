/**
 * Facts about each ledger entry that several rules need — its category, who received it (as a small
 * integer: people and households numbered in order of first appearance, by readLedger when it read the
 * ledger, see ledger/keys.ts), which year and quarter it falls in — computed once per run, each in one
 * pass, so every rule stays linear.
 */
import { groupStrings, type IdGroups } from '../ledger/keys';
import type { Ledger, TextIndex } from '../ledger/types';
import type { DateField, Recipient } from '../rules/packSchema';
import type { ResolvedRules } from '../rules/resolvedRules';
import { categoryIndex, categoryMatcher } from './classifyCategory';
import type { YearTotals } from './periodTotals';
import { quarterOfSerial } from './quarterOfSerial';

/** No group: the entry names no one (no 身份证号, 姓名 or 户号). */
export const NO_GROUP = -1;

export interface PeriodCalendar {
  /** The serial used for the entry: the rule's date, else 发放日期, 申请日期, 审核日期 (0 when none). */
  serial: ArrayLike<number>;
  /**
   * year × 4 + quarter (0–3), so consecutive quarters differ by 1 across a new year too; -1 when the entry
   * has no usable date. Its calendar year is `quarter >> 2`.
   */
  quarter: Int32Array;
  /** The fields dates are taken from, in order. */
  fields: readonly DateField[];
  /** The field entry i's date came from (发放日期 when it has none). */
  fieldOf(i: number): DateField;
}

const DATE_FALLBACK: readonly DateField[] = ['paymentDate', 'applicationDate', 'auditDate'];

interface Groups {
  /** Group per entry, NO_GROUP when the entry names no one. */
  of: Int32Array;
  /** Groups are numbered 0 … count - 1. */
  count: number;
}

export class LedgerFacts {
  /** Index into `rules.categories`, -1 when the 类型 matches no category. */
  readonly category: Int32Array;
  /** Index into `texts` of the entry's 类型 text, -1 when it is empty. */
  readonly categoryText: ArrayLike<number>;
  /** The distinct 类型 texts in order of first appearance. */
  readonly texts: string[];
  private readonly groups = new Map<Recipient, Groups>();
  private readonly calendars = new Map<DateField, PeriodCalendar>();
  /**
   * Per-recipient yearly totals already summed in this run (checks/periodTotals.ts), by what they sum:
   * the 6,000 元 and the 低保 caps sum the same payments. Owned by the run, so nothing outlives it.
   */
  readonly yearTotals = new Map<string, YearTotals>();

  constructor(
    readonly ledger: Ledger,
    readonly rules: ResolvedRules,
  ) {
    const n = ledger.length;
    // Classify each distinct text once: a million rows usually carry a handful of 类型.
    const index = ledger.texts.category;
    this.categoryText = index.ids;
    this.texts = index.values;
    const matcher = categoryMatcher(rules.categories);
    const textCategory = this.texts.map((t) => categoryIndex(t, matcher));
    const category = new Int32Array(n);
    const ids = index.ids;
    for (let i = 0; i < n; i++) {
      const k = ids[i];
      category[i] = k < 0 ? -1 : textCategory[k];
    }
    this.category = category;
  }

  /** Group number of the recipient of each entry (NO_GROUP when unknown). */
  group(by: Recipient): Int32Array {
    return this.grouping(by).of;
  }

  /** How many groups `group(by)` numbers (0 … count - 1). */
  groupCount(by: Recipient): number {
    return this.grouping(by).count;
  }

  private grouping(by: Recipient): Groups {
    const cached = this.groups.get(by);
    if (cached) return cached;
    const g = by === 'person' ? this.personGroups() : this.householdGroups();
    this.groups.set(by, g);
    return g;
  }

  /** The 身份证号 numbered (a trailing x and X are the same check character), with which IDs are plainly valid. */
  idGroups(): IdGroups {
    return this.ledger.keys.idNumber;
  }

  /** Each entry's 原因/备注 as an index into the distinct texts (-1 when empty). */
  reasonTexts(): TextIndex {
    return this.ledger.texts.reason;
  }

  /** Each entry's 发放形式 as an index into the distinct texts (-1 when empty or there is no such column). */
  formTexts(): TextIndex {
    return this.ledger.texts.form;
  }

  /**
   * A person is their 身份证号 when given (it is unique), else their 姓名. Names are numbered after IDs
   * so an ID and a name can never be confused.
   */
  private personGroups(): Groups {
    const { ledger } = this;
    const ids = this.idGroups();
    const n = ledger.length;
    // Names count only where the ID is missing; usually nowhere, and then they need no table.
    let nameless: Uint8Array | null = null;
    for (let i = 0; i < n && ids.missing > 0; i++) {
      if (ids.groups[i] !== NO_GROUP || !ledger.hasText('person', i)) continue;
      nameless ??= new Uint8Array(n);
      nameless[i] = 1;
    }
    if (nameless === null) return { of: ids.groups, count: ids.count };
    const names = groupStrings(n, (i) => ledger.text('person', i), nameless, ids.count);
    const out = ids.groups.slice();
    for (let i = 0; i < n; i++) if (out[i] === NO_GROUP) out[i] = names.groups[i];
    return { of: out, count: ids.count + names.count };
  }

  /** A household is its 户号 when given; otherwise the person is a household of their own. */
  private householdGroups(): Groups {
    const households = this.ledger.keys.household;
    const persons = this.grouping('person');
    const offset = households.count;
    // Copied (the ledger's numbering stays as it is) only when some entry has no 户号 but a person.
    let out: Int32Array | null = null;
    for (let i = 0; i < households.groups.length && households.missing > 0; i++) {
      if (households.groups[i] === NO_GROUP && persons.of[i] !== NO_GROUP) {
        out ??= households.groups.slice();
        out[i] = offset + persons.of[i];
      }
    }
    return { of: out ?? households.groups, count: offset + persons.count };
  }

  /** Year and quarter of each entry by `field` (falling back to the other dates when it is empty). */
  calendar(field: DateField = 'paymentDate'): PeriodCalendar {
    const cached = this.calendars.get(field);
    if (cached) return cached;
    const { ledger } = this;
    const n = ledger.length;
    const fields = [field, ...DATE_FALLBACK.filter((f) => f !== field)];
    const chain = fields.map((f) => ledger[f]);
    // Usually every entry has the rule's own date: then the serials are that column, not a copy.
    const own = chain[0];
    let complete = true;
    for (let i = 0; i < n && complete; i++) complete = own[i] > 0;
    let serial = own;
    if (!complete) {
      const filled = new Int32Array(n);
      serial = filled;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < chain.length; k++) {
          if (chain[k][i] > 0) {
            s = chain[k][i];
            break;
          }
        }
        filled[i] = s;
      }
    }
    const quarter = new Int32Array(n);
    // A local copy: some module loaders turn imported functions into getters, and this runs per row.
    const quarterOf = quarterOfSerial;
    for (let i = 0; i < n; i++) {
      const s = serial[i];
      quarter[i] = s > 0 ? quarterOf(s) : -1;
    }
    const fieldOf = (i: number): DateField => {
      for (let k = 0; k < chain.length; k++) if (chain[k][i] > 0) return fields[k];
      return 'paymentDate';
    };
    const cal = { serial, quarter, fields, fieldOf };
    this.calendars.set(field, cal);
    return cal;
  }
}
