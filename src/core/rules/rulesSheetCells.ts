/**
 * Reading and writing the value cells of one rule in the 规则 sheet, for the rule kinds
 * (checks/kinds/*.ts): a row's cells by header, a number an officer typed, a band of 下限/上限/固定额, a
 * list of keywords. A value that cannot be used is a finding naming the cell, and the pack's value stays.
 */
import { ruleName } from '../ruleNames';
import { a1 } from '../address';
import { bandText as bandSentence, fenBand } from '../checks/money';
import { quoted, type Finding } from '../findings';
import { parseNumber } from '../parse/number';
import { cellText, normalizeText } from '../parse/text';
import { isCellError, type CellScalar } from '../snapshot';
import { bandProblem, KEYWORD_SEPARATORS, type Band } from './ruleParts';
import { RULE_COLUMNS, type RuleColumn } from './rulesSheetLayout';

/** Finding rule ids of problems in the 规则 sheet itself. */
export const RULES_SHEET_FINDINGS = {
  invalidValue: 'rules-sheet/invalid-value',
  unknownRow: 'rules-sheet/unknown-row',
  missingRow: 'rules-sheet/missing-row',
  unusable: 'rules-sheet/unusable',
} as const;

/** One row of the rules block as written: a value per column (absent: empty). */
export type RuleRow = Partial<Record<RuleColumn, string | number | null>>;

export const joinList = (xs: readonly string[]): string => xs.join('、');

export function splitList(text: string): string[] {
  return text.split(KEYWORD_SEPARATORS).filter((s) => s !== '');
}

export function isBlankCell(v: CellScalar): boolean {
  return v === null || (typeof v === 'string' && normalizeText(v) === '');
}

/** One row of a block, its cells addressed by header text. */
export class SheetRow {
  constructor(
    readonly r: number,
    private readonly cells: readonly CellScalar[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  /** Headers are matched as normalised text, so （元） and (元) are the same column. */
  private column(headerText: string): number | undefined {
    return this.columns.get(normalizeText(headerText));
  }

  has(headerText: string): boolean {
    return this.column(headerText) !== undefined;
  }

  get(headerText: string): CellScalar {
    const c = this.column(headerText);
    if (c === undefined) return null;
    const v = this.cells[c];
    return v === undefined ? null : v;
  }

  /** The cell as a key (ids, 是/否, 违规): NFKC, spaces collapsed. */
  text(headerText: string): string {
    const v = this.get(headerText);
    return isCellError(v) ? '' : normalizeText(cellText(v));
  }

  /** The cell as prose an officer wrote (说明, 名称, 关键词): only trimmed, so （） stay full-width. */
  prose(headerText: string): string {
    const v = this.get(headerText);
    return isCellError(v) ? '' : cellText(v).trim();
  }

  cell(headerText: string): string {
    return a1(this.r, this.column(headerText) ?? 0);
  }
}

/** Collects the findings about the sheet's cells. */
export class Reader {
  readonly findings: Finding[] = [];

  constructor(readonly sheet: string) {}

  problem(row: SheetRow, headerText: string, value: CellScalar, allowed: string | null, message: string): void {
    const cell = row.cell(headerText);
    this.findings.push({
      rule: RULES_SHEET_FINDINGS.invalidValue,
      severity: 'warning',
      sheet: this.sheet,
      cell,
      row: row.r + 1,
      value: isCellError(value) ? value.error : typeof value === 'boolean' ? String(value) : value,
      allowed,
      message: `“${this.sheet}”!${cell} ${message}`,
    });
  }

  note(rule: string, severity: Finding['severity'], cell: string, row: number, value: string | null, message: string): void {
    this.findings.push({ rule, severity, sheet: this.sheet, cell, row, value, allowed: null, message });
  }
}

/** A number cell: undefined when blank, null (and a finding) when not a usable number. */
export function readNumber(
  row: SheetRow,
  column: string,
  reader: Reader,
  ruleId: string,
  what: { integer?: boolean; positive?: boolean; fallback: string },
): number | undefined | null {
  const v = row.get(column);
  if (isBlankCell(v)) return undefined;
  const n = parseNumber(v);
  const ok = n !== null && (what.positive ? n > 0 : n >= 0) && (!what.integer || Number.isInteger(n));
  if (ok) return n;
  const kind = what.integer ? (what.positive ? '正整数' : '非负整数') : what.positive ? '大于 0 的数字' : '非负数字';
  reader.problem(row, column, v, kind,
    `规则“${ruleName(ruleId)}”的${column}“${quoted(cellText(isCellError(v) ? v.error : v))}”不是${kind}，按规则包原值${what.fallback}执行。`);
  return null;
}

/** The cells of a band (下限/上限/固定额). */
export function bandCells(b: Band): RuleRow {
  return { min: b.min ?? null, max: b.max ?? null, fixed: b.fixed ?? null };
}

/** The pack's band as the checks' messages write it, for “按规则包原值（400–600 元）执行”. */
function packBandText(b: Band): string {
  return `（${bandSentence(fenBand(b)) || '未设置'}）`;
}

const BAND_KEYS = [
  [RULE_COLUMNS.min, 'min'],
  [RULE_COLUMNS.max, 'max'],
  [RULE_COLUMNS.fixed, 'fixed'],
] as const;

/** A band from the 下限/上限/固定额 cells of a row; the base band when any cell or the whole is unusable. */
export function readBand(row: SheetRow, base: Band, reader: Reader, ruleId: string): Band {
  if (!BAND_KEYS.some(([c]) => row.has(c))) return base;
  const fallback = packBandText(base);
  const read = (c: string, key: keyof Band): number | undefined | null =>
    row.has(c) ? readNumber(row, c, reader, ruleId, { fallback }) : base[key];
  const values: Band = {};
  for (const [c, key] of BAND_KEYS) {
    const v = read(c, key);
    if (v === null) return base;
    if (v !== undefined) values[key] = v;
  }
  const band = withBand({}, values);
  const problem = bandProblem(band);
  if (problem) {
    reportBandConflict(row, reader, ruleId, { values, base, problem, fallback });
    return base;
  }
  return band;
}

/**
 * The cells in conflict are 固定额 against 下限/上限, or 下限 against 上限. The finding points at the one
 * the officer changed from the pack (the edit that caused the conflict) and names the others.
 */
function reportBandConflict(
  row: SheetRow,
  reader: Reader,
  ruleId: string,
  c: { values: Band; base: Band; problem: string; fallback: string },
): void {
  const filled = BAND_KEYS.filter(([column, key]) => row.has(column) && c.values[key] !== undefined);
  if (filled.length === 0) {
    const [column] = BAND_KEYS.find(([col]) => row.has(col)) ?? BAND_KEYS[0];
    reader.problem(row, column, null, '下限、上限、固定额至少填一项',
      `规则“${ruleName(ruleId)}”的下限、上限、固定额都为空，按规则包原值${c.fallback}执行。`);
    return;
  }
  const fixedConflict = c.values.fixed !== undefined && (c.values.min !== undefined || c.values.max !== undefined);
  const involved = fixedConflict ? filled : filled.filter(([, key]) => key !== 'fixed');
  const edited = involved.filter(([, key]) => c.values[key] !== c.base[key]);
  const [column] = edited.find(([, key]) => key === 'fixed') ?? edited[0] ?? (fixedConflict ? BAND_KEYS[2] : involved[0] ?? BAND_KEYS[0]);
  const others = involved.filter(([col]) => col !== column).map(([col]) => `${row.cell(col)} ${col}`);
  reader.problem(row, column, row.get(column), '下限≤上限，或只填固定额',
    `规则“${ruleName(ruleId)}”的${column}与${others.length > 0 ? `同一行的 ${others.join('、')}` : '规则包的上下限'}冲突，金额标准无法使用（${c.problem}），按规则包原值${c.fallback}执行。`);
}

/** `target` without min/max/fixed, then with the defined ones of `band` (no undefined keys). */
export function withBand<T extends object>(target: T, band: { min?: number; max?: number; fixed?: number }): T & Band {
  const out: T & Band = { ...target };
  delete out.min;
  delete out.max;
  delete out.fixed;
  if (band.min !== undefined) out.min = band.min;
  if (band.max !== undefined) out.max = band.max;
  if (band.fixed !== undefined) out.fixed = band.fixed;
  return out;
}

export function readKeywords(row: SheetRow, base: string[], reader: Reader, ruleId: string, required: boolean): string[] {
  if (!row.has(RULE_COLUMNS.keywords)) return base;
  const list = splitList(row.prose(RULE_COLUMNS.keywords));
  if (required && list.length === 0) {
    reader.problem(row, RULE_COLUMNS.keywords, null, '至少一个关键词',
      `规则“${ruleName(ruleId)}”的关键词为空，按规则包原值“${base.join('、')}”执行。`);
    return base;
  }
  return list;
}

/**
 * What a rule kind reads its values from: the rule's own row, the rows of its sub-cases, and numbers
 * read with the pack's value kept (and a finding) when a cell is unusable or empty.
 */
export interface RuleCells {
  row: SheetRow;
  reader: Reader;
  /** The row `<rule id>#<suffix>` (a sub-case), if the sheet has it. */
  sub(suffix: string): SheetRow | undefined;
  /** A whole number from `column` (the pack's `base` when the column is absent, empty or unusable). */
  count(column: string, base: number, positive?: boolean): number;
  /** An amount from `column`, likewise. */
  amount(column: string, base: number, positive?: boolean): number;
}

/** The `RuleCells` of the row of rule `ruleId`. */
export function ruleCells(ruleId: string, row: SheetRow, sub: (suffix: string) => SheetRow | undefined, reader: Reader): RuleCells {
  const number = (integer: boolean) => (column: string, base: number, positive = false): number => {
    if (!row.has(column)) return base;
    const n = readNumber(row, column, reader, ruleId, { integer, positive, fallback: ` ${base}` });
    if (n === undefined) {
      reader.problem(row, column, null, '必填', `规则“${ruleName(ruleId)}”的${column}为空，按规则包原值 ${base} 执行。`);
      return base;
    }
    return n ?? base;
  };
  return { row, reader, sub, count: number(true), amount: number(false) };
}
