/**
 * Facts about each ledger entry that several rules need — its category, who received it, which year
 * and quarter it falls in — computed once per run, each in one pass, so every rule stays linear.
 */
import type { Ledger } from '../ledger/types';
import type { DateField, Recipient } from '../rules/packSchema';
import type { ResolvedRules } from '../rules/resolvedRules';
import { categoryIndex } from './classifyCategory';
import { quarterOfSerial } from './quarterOfSerial';
import { groupStrings } from './stringGroups';

/** No group: the entry names no one (no 身份证号, 姓名 or 户号). */
export const NO_GROUP = -1;

export interface PeriodCalendar {
  /** The serial used for the entry: the rule's date, else 发放日期, 申请日期, 审核日期 (0 when none). */
  serial: Int32Array;
  /** Calendar year, 0 when the entry has no usable date. */
  year: Int32Array;
  /** year × 4 + quarter (0–3), so consecutive quarters differ by 1 across a new year too; -1 when none. */
  quarter: Int32Array;
  /** The field each entry's date came from. */
  fields: readonly DateField[];
  /** Index into `fields` per entry (-1 when none). */
  source: Int8Array;
}

const DATE_FALLBACK: readonly DateField[] = ['paymentDate', 'applicationDate', 'auditDate'];

/**
 * Entries grouped by recipient without a Map: group g's entries are order[offsets[g]] …
 * order[offsets[g + 1] - 1], in row order (a counting sort, linear in the ledger).
 */
export interface Members {
  offsets: Int32Array;
  order: Int32Array;
  /** The most entries any one recipient has, to size scratch arrays once. */
  largest: number;
}

export class LedgerFacts {
  /** Index into `rules.categories`, -1 when the 类型 matches no category. */
  readonly category: Int32Array;
  /** Index into `texts` of the entry's 类型 text, -1 when it is empty. */
  readonly categoryText: Int32Array;
  /** The distinct 类型 texts in order of first appearance. */
  readonly texts: string[] = [];
  private readonly groups = new Map<Recipient, Int32Array>();
  private readonly memberLists = new Map<Recipient, Members>();
  private readonly calendars = new Map<DateField, PeriodCalendar>();

  constructor(
    readonly ledger: Ledger,
    readonly rules: ResolvedRules,
  ) {
    const n = ledger.length;
    this.category = new Int32Array(n);
    this.categoryText = new Int32Array(n);
    // Classify each distinct text once: a million rows usually carry a handful of 类型.
    const byText = new Map<string, number>();
    const textCategory: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = ledger.category[i];
      if (t === null || t === undefined || t === '') {
        this.category[i] = -1;
        this.categoryText[i] = -1;
        continue;
      }
      let k = byText.get(t);
      if (k === undefined) {
        k = this.texts.length;
        byText.set(t, k);
        this.texts.push(t);
        textCategory.push(categoryIndex(t, rules.categories));
      }
      this.categoryText[i] = k;
      this.category[i] = textCategory[k];
    }
  }

  /** Group number of the recipient of each entry (NO_GROUP when unknown). */
  group(by: Recipient): Int32Array {
    const cached = this.groups.get(by);
    if (cached) return cached;
    const g = by === 'person' ? this.personGroups() : this.householdGroups();
    this.groups.set(by, g);
    return g;
  }

  /** Each recipient's entries, for rules that look at one recipient at a time. */
  members(by: Recipient): Members {
    const cached = this.memberLists.get(by);
    if (cached) return cached;
    const groups = this.group(by);
    let count = 0;
    for (let i = 0; i < groups.length; i++) if (groups[i] + 1 > count) count = groups[i] + 1;
    const offsets = new Int32Array(count + 1);
    for (let i = 0; i < groups.length; i++) if (groups[i] !== NO_GROUP) offsets[groups[i] + 1]++;
    for (let g = 0; g < count; g++) offsets[g + 1] += offsets[g];
    const next = offsets.slice(0, count);
    const order = new Int32Array(offsets[count]);
    for (let i = 0; i < groups.length; i++) if (groups[i] !== NO_GROUP) order[next[groups[i]]++] = i;
    let largest = 0;
    for (let g = 0; g < count; g++) largest = Math.max(largest, offsets[g + 1] - offsets[g]);
    const members = { offsets, order, largest };
    this.memberLists.set(by, members);
    return members;
  }

  /**
   * A person is their 身份证号 when given (it is unique), else their 姓名. Names are numbered after IDs
   * so an ID and a name can never be confused.
   */
  private personGroups(): Int32Array {
    const { ledger } = this;
    // A trailing x and X are the same check character.
    const ids = groupStrings(ledger.idNumber, null, (id) => (id.endsWith('x') ? id.toUpperCase() : id));
    const names = groupStrings(ledger.person, (i) => ids.groups[i] === NO_GROUP, null, ids.count);
    const out = ids.groups;
    for (let i = 0; i < out.length; i++) if (out[i] === NO_GROUP) out[i] = names.groups[i];
    return out;
  }

  /** A household is its 户号 when given; otherwise the person is a household of their own. */
  private householdGroups(): Int32Array {
    const households = groupStrings(this.ledger.household);
    const persons = this.group('person');
    const out = households.groups;
    for (let i = 0; i < out.length; i++) {
      if (out[i] === NO_GROUP && persons[i] !== NO_GROUP) out[i] = households.count + persons[i];
    }
    return out;
  }

  /** Year and quarter of each entry by `field` (falling back to the other dates when it is empty). */
  calendar(field: DateField = 'paymentDate'): PeriodCalendar {
    const cached = this.calendars.get(field);
    if (cached) return cached;
    const { ledger } = this;
    const n = ledger.length;
    const fields = [field, ...DATE_FALLBACK.filter((f) => f !== field)];
    const chain = fields.map((f) => ledger[f]);
    const serial = new Int32Array(n);
    const year = new Int32Array(n);
    const quarter = new Int32Array(n).fill(-1);
    const source = new Int8Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < chain.length; k++) {
        if (chain[k][i] > 0) {
          s = chain[k][i];
          source[i] = k;
          break;
        }
      }
      serial[i] = s;
      if (s > 0) {
        const q = quarterOfSerial(s);
        quarter[i] = q;
        year[i] = q >= 0 ? q >> 2 : 0;
      }
    }
    const cal = { serial, year, quarter, fields, source };
    this.calendars.set(field, cal);
    return cal;
  }
}
