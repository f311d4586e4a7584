/**
 * 规则 sheet (SPEC §6): the chosen packs as an editable table. An officer changes a limit, a keyword, a
 * severity or 启用 in Excel, and the next check uses it. The sheet stores which packs it was made from;
 * reading it back resolves those packs again and applies the sheet's values on top, so structure (kinds,
 * scopes, includes) always comes from the packs and only the values a person should tune come from cells.
 *
 * An edit that cannot be used (text in a number cell, 下限 above 上限, an unknown severity) is a finding
 * naming the cell, and that row keeps the pack's value. rulesFromRows(rulesToRows(x)) equals x.
 */
import { a1, columnLetters } from '../address';
import { bandText as bandSentence, fenBand } from '../checks/money';
import { quoted, SEVERITY_LABEL, type Finding } from '../findings';
import { LEDGER_FIELD_LABEL, type LedgerField } from '../ledger/types';
import { parseNumber } from '../parse/number';
import { cellText, normalizeText } from '../parse/text';
import type { OutputCell } from '../patch';
import { isCellError, type CellScalar } from '../snapshot';
import {
  bandProblem,
  categorySchema,
  KEYWORD_SEPARATORS,
  ruleSchema,
  type AmountCase,
  type Band,
  type Rule,
  type RuleOf,
} from './packSchema';
import type { ResolvedCategory, ResolvedRule, ResolvedRules } from './resolvedRules';
import { packNames, resolvePacks, RulePackError } from './resolvePacks';
import {
  ALL_CATEGORIES,
  CASE_KIND_LABEL,
  CASE_SEPARATOR,
  CATEGORY_COLUMN_ORDER,
  CATEGORY_COLUMNS,
  fieldOfLabel,
  KIND_LABEL,
  NO,
  PACKS_LABEL,
  PARAMETER_COLUMN_ORDER,
  PARAMETER_COLUMNS,
  parseSeverity,
  parseYesNo,
  RULE_COLUMN_ORDER,
  RULE_COLUMNS,
  type RuleColumn,
  WHEN_ID,
  WHEN_KIND_LABEL,
  YES,
} from './rulesSheetLayout';

export interface RulesSheetRows {
  rows: (OutputCell | null)[][];
  merges: string[];
  columnWidths: number[];
}

export interface RulesFromRowsResult {
  /** null when the sheet does not say which packs it was made from, or names an unknown one. */
  resolved: ResolvedRules | null;
  findings: Finding[];
}

/** Finding rule ids of problems in the 规则 sheet itself. */
export const RULES_SHEET_FINDINGS = {
  invalidValue: 'rules-sheet/invalid-value',
  unknownRow: 'rules-sheet/unknown-row',
  missingRow: 'rules-sheet/missing-row',
  unusable: 'rules-sheet/unusable',
} as const;

// ─── writing ──────────────────────────────────────────────────────────────────────────────────────

const WIDTHS: Record<RuleColumn, number> = {
  id: 40, pack: 20, kind: 12, description: 60, category: 18, keywords: 30, min: 11, max: 11, fixed: 11,
  periodMax: 10, workdays: 8, severity: 9, enabled: 6, source: 36,
};

type RuleRow = Partial<Record<RuleColumn, string | number | null>>;

const body = (v: string | number | null): OutputCell =>
  typeof v === 'number' ? { v, numFmt: Number.isInteger(v) ? '#,##0' : '#,##0.00', style: 'body' } : { v, style: 'body' };
const header = (v: string): OutputCell => ({ v, style: 'header' });
const join = (xs: readonly string[]): string => xs.join('、');

export function rulesToRows(resolved: ResolvedRules): RulesSheetRows {
  const width = RULE_COLUMN_ORDER.length;
  const rows: (OutputCell | null)[][] = [];
  rows.push([
    {
      v: `规则（${packNames(resolved)}）：可修改下限、上限、固定额、期间上限、工作日、关键词、严重程度（违规/需核实/提示）、启用（是/否）和参数值，重新检查时按本表执行。`,
      style: 'title',
    },
  ]);
  rows.push([{ v: PACKS_LABEL, style: 'header' }, body(join(resolved.requested))]);
  rows.push([]);
  rows.push(RULE_COLUMN_ORDER.map((c) => header(RULE_COLUMNS[c])));
  for (const r of resolved.rules) {
    for (const row of ruleRows(r, resolved)) rows.push(RULE_COLUMN_ORDER.map((c) => body(row[c] ?? null)));
  }
  rows.push([]);
  rows.push(CATEGORY_COLUMN_ORDER.map((c) => header(CATEGORY_COLUMNS[c])));
  for (const c of resolved.categories) {
    rows.push([body(c.id), body(c.label), body(join(c.aliases)), body(join(c.keywords)), body(c.pack)]);
  }
  rows.push([]);
  rows.push(PARAMETER_COLUMN_ORDER.map((c) => header(PARAMETER_COLUMNS[c])));
  for (const p of resolved.parameters) rows.push([body(p.id), body(p.label), body(p.value), body(p.unit), body(p.pack)]);
  return {
    rows,
    merges: [`A1:${columnLetters(width - 1)}1`],
    columnWidths: RULE_COLUMN_ORDER.map((c) => WIDTHS[c]),
  };
}

function categoryText(r: ResolvedRule, resolved: ResolvedRules): string {
  const label = (id: string): string => resolved.categories.find((c) => c.id === id)?.label ?? id;
  const c = r.rule.category;
  if (c !== undefined && c !== '*') return label(c);
  return r.except.length > 0 ? `${ALL_CATEGORIES}（${r.except.map(label).join('、')}除外）` : ALL_CATEGORIES;
}

function bandCells(b: Band): RuleRow {
  return { min: b.min ?? null, max: b.max ?? null, fixed: b.fixed ?? null };
}

function ruleRows(r: ResolvedRule, resolved: ResolvedRules): RuleRow[] {
  const rule = r.rule;
  const main: RuleRow = {
    id: rule.id,
    pack: r.pack,
    kind: KIND_LABEL[rule.kind],
    description: rule.description,
    category: categoryText(r, resolved),
    severity: SEVERITY_LABEL[rule.severity],
    enabled: r.enabled ? YES : NO,
    source: r.source,
  };
  const extra: RuleRow[] = [];
  switch (rule.kind) {
    case 'amountBand':
      Object.assign(main, bandCells(rule));
      for (const c of rule.cases ?? []) {
        extra.push({
          id: `${rule.id}${CASE_SEPARATOR}${c.id}`,
          pack: r.pack,
          kind: CASE_KIND_LABEL,
          description: c.label,
          category: main.category,
          keywords: join(c.keywords),
          ...bandCells(c),
        });
      }
      if (rule.when) {
        extra.push({
          id: `${rule.id}${CASE_SEPARATOR}${WHEN_ID}`,
          pack: r.pack,
          kind: WHEN_KIND_LABEL,
          description: rule.when.label ?? null,
          category: main.category,
          keywords: `${LEDGER_FIELD_LABEL[rule.when.field]}>${rule.when.above}`,
          ...bandCells(rule.when.then),
        });
      }
      break;
    case 'periodSum':
    case 'periodCount':
      main.periodMax = rule.max;
      break;
    case 'referenceCap':
      main.periodMax = rule.multiplier;
      break;
    case 'inKindCap':
      main.max = rule.max;
      main.keywords = join(rule.keywords);
      break;
    case 'workingDays':
      main.workdays = rule.max;
      break;
    case 'requiredFields':
      main.keywords = join(rule.fields.map((f) => LEDGER_FIELD_LABEL[f]));
      break;
    case 'quarterSpacing':
    case 'duplicates':
    case 'idChecksum':
    case 'dateInYear':
    case 'positiveAmount':
      break;
  }
  return [main, ...extra];
}

// ─── reading ──────────────────────────────────────────────────────────────────────────────────────

/** One row of a block, its cells addressed by header text. */
class SheetRow {
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

interface Block {
  rows: SheetRow[];
}

class Reader {
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

function isBlank(v: CellScalar): boolean {
  return v === null || (typeof v === 'string' && normalizeText(v) === '');
}

/** Every header row (a cell equal to `key`) with the column of each header text. */
function findBlock(values: readonly (readonly CellScalar[] | undefined)[], key: string, ends: number[]): Block | null {
  for (let r = 0; r < values.length; r++) {
    const cells = values[r] ?? [];
    const keyCol = cells.findIndex((v) => typeof v === 'string' && normalizeText(v) === key);
    if (keyCol < 0) continue;
    const columns = new Map<string, number>();
    cells.forEach((v, c) => {
      if (typeof v === 'string' && normalizeText(v) !== '' && !columns.has(normalizeText(v))) columns.set(normalizeText(v), c);
    });
    const end = Math.min(values.length, ...ends.filter((e) => e > r));
    const rows: SheetRow[] = [];
    for (let k = r + 1; k < end; k++) {
      const row = values[k] ?? [];
      if (isBlank(row[keyCol] ?? null)) continue;
      rows.push(new SheetRow(k, row, columns));
    }
    return { rows };
  }
  return null;
}

function headerRows(values: readonly (readonly CellScalar[] | undefined)[], keys: string[]): number[] {
  const out: number[] = [];
  values.forEach((cells, r) => {
    if ((cells ?? []).some((v) => typeof v === 'string' && keys.includes(normalizeText(v)))) out.push(r);
  });
  return out;
}

function splitList(text: string): string[] {
  return text.split(KEYWORD_SEPARATORS).filter((s) => s !== '');
}

/** The pack ids the sheet was made from: column B of the row labelled 规则包 above the rules block. */
function requestedPacks(values: readonly (readonly CellScalar[] | undefined)[]): { ids: string[]; r: number } | null {
  for (let r = 0; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (typeof cells[0] === 'string' && normalizeText(cells[0]) === PACKS_LABEL) {
      const v = cells[1];
      if (typeof v === 'string' && normalizeText(v) !== '') return { ids: splitList(normalizeText(v)), r };
    }
    if (cells.some((v) => typeof v === 'string' && normalizeText(v) === RULE_COLUMNS.id)) break;
  }
  return null;
}

/**
 * Read an edited 规则 sheet (`values[r][c]`, 0-based, as the snapshot holds them) into resolved rules.
 */
export function rulesFromRows(values: readonly (readonly CellScalar[] | undefined)[], sheetName: string): RulesFromRowsResult {
  const reader = new Reader(sheetName);
  const requested = requestedPacks(values);
  if (!requested) {
    reader.note(RULES_SHEET_FINDINGS.unusable, 'error', 'A2', 2, null,
      `“${sheetName}”第 2 行没有写明规则包（A 列“${PACKS_LABEL}”，B 列规则包编号），无法使用该规则表。`);
    return { resolved: null, findings: reader.findings };
  }
  const ends = headerRows(values, [RULE_COLUMNS.id, CATEGORY_COLUMNS.id, PARAMETER_COLUMNS.id]);
  const ruleBlock = findBlock(values, RULE_COLUMNS.id, ends);
  const categoryBlock = findBlock(values, CATEGORY_COLUMNS.id, ends);
  const parameterBlock = findBlock(values, PARAMETER_COLUMNS.id, ends);

  let defaults: ResolvedRules;
  try {
    defaults = resolvePacks(requested.ids);
  } catch (e) {
    if (!(e instanceof RulePackError)) throw e;
    reader.note(RULES_SHEET_FINDINGS.unusable, 'error', a1(requested.r, 1), requested.r + 1, requested.ids.join('、'),
      `“${sheetName}”!${a1(requested.r, 1)} ${e.message}`);
    return { resolved: null, findings: reader.findings };
  }

  const parameters = readParameters(parameterBlock, defaults, reader);
  const resolved = resolvePacks(requested.ids, { parameters });
  resolved.categories = resolved.categories.map((c) => readCategory(c, categoryBlock, reader));

  const byId = new Map<string, SheetRow>();
  for (const row of ruleBlock?.rows ?? []) {
    const id = row.text(RULE_COLUMNS.id);
    if (byId.has(id)) {
      reader.note(RULES_SHEET_FINDINGS.unknownRow, 'info', row.cell(RULE_COLUMNS.id), row.r + 1, id,
        `“${sheetName}”!${row.cell(RULE_COLUMNS.id)} 规则编号“${id}”重复，只按第 ${(byId.get(id) as SheetRow).r + 1} 行执行。`);
      continue;
    }
    byId.set(id, row);
  }
  const used = new Set<string>();
  resolved.rules = resolved.rules.map((r) => readRule(r, byId, used, reader));
  for (const [id, row] of byId) {
    if (used.has(id)) continue;
    reader.note(RULES_SHEET_FINDINGS.unknownRow, 'info', row.cell(RULE_COLUMNS.id), row.r + 1, id,
      `“${sheetName}”!${row.cell(RULE_COLUMNS.id)} 规则编号“${id}”不在所选规则包中，该行未使用。`);
  }
  return { resolved, findings: reader.findings };
}

function readParameters(block: Block | null, defaults: ResolvedRules, reader: Reader): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const row of block?.rows ?? []) {
    const id = row.text(PARAMETER_COLUMNS.id);
    const param = defaults.parameters.find((p) => p.id === id);
    if (!param) {
      reader.note(RULES_SHEET_FINDINGS.unknownRow, 'info', row.cell(PARAMETER_COLUMNS.id), row.r + 1, id,
        `“${reader.sheet}”!${row.cell(PARAMETER_COLUMNS.id)} 参数“${id}”不在所选规则包中，该行未使用。`);
      continue;
    }
    if (!row.has(PARAMETER_COLUMNS.value)) continue;
    const v = row.get(PARAMETER_COLUMNS.value);
    if (isBlank(v)) {
      out[id] = null;
      continue;
    }
    const n = parseNumber(v);
    if (n === null || n <= 0) {
      reader.problem(row, PARAMETER_COLUMNS.value, v, `大于 0 的数字（${param.unit}）`,
        `参数“${param.label}”的值“${quoted(cellText(isCellError(v) ? v.error : v))}”不是大于 0 的数字，按规则包原值${param.value === null ? '（未设置）' : ` ${param.value}`}执行。`);
      continue;
    }
    out[id] = n;
  }
  return out;
}

function readCategory(base: ResolvedCategory, block: Block | null, reader: Reader): ResolvedCategory {
  const row = block?.rows.find((x) => x.text(CATEGORY_COLUMNS.id) === base.id);
  if (!row) return base;
  const label = row.has(CATEGORY_COLUMNS.label) ? row.prose(CATEGORY_COLUMNS.label) || base.label : base.label;
  const aliases = row.has(CATEGORY_COLUMNS.aliases) ? splitList(row.prose(CATEGORY_COLUMNS.aliases)) : base.aliases;
  const keywords = row.has(CATEGORY_COLUMNS.keywords) ? splitList(row.prose(CATEGORY_COLUMNS.keywords)) : base.keywords;
  const parsed = categorySchema.safeParse({ id: base.id, label, aliases, keywords });
  if (!parsed.success) {
    reader.problem(row, CATEGORY_COLUMNS.label, label, null,
      `类别“${base.label}”的修改无法使用（${parsed.error.issues.map((i) => i.message).join('；')}），按规则包原值执行。`);
    return base;
  }
  return { ...parsed.data, pack: base.pack };
}

/** A number cell: undefined when blank, null (and a finding) when not a usable number. */
function readNumber(
  row: SheetRow,
  column: string,
  reader: Reader,
  ruleId: string,
  what: { integer?: boolean; positive?: boolean; fallback: string },
): number | undefined | null {
  const v = row.get(column);
  if (isBlank(v)) return undefined;
  const n = parseNumber(v);
  const ok = n !== null && (what.positive ? n > 0 : n >= 0) && (!what.integer || Number.isInteger(n));
  if (ok) return n;
  const kind = what.integer ? (what.positive ? '正整数' : '非负整数') : what.positive ? '大于 0 的数字' : '非负数字';
  reader.problem(row, column, v, kind,
    `规则“${ruleId}”的${column}“${quoted(cellText(isCellError(v) ? v.error : v))}”不是${kind}，按规则包原值${what.fallback}执行。`);
  return null;
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
function readBand(row: SheetRow, base: Band, reader: Reader, ruleId: string): Band {
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
      `规则“${ruleId}”的下限、上限、固定额都为空，按规则包原值${c.fallback}执行。`);
    return;
  }
  const fixedConflict = c.values.fixed !== undefined && (c.values.min !== undefined || c.values.max !== undefined);
  const involved = fixedConflict ? filled : filled.filter(([, key]) => key !== 'fixed');
  const edited = involved.filter(([, key]) => c.values[key] !== c.base[key]);
  const [column] = edited.find(([, key]) => key === 'fixed') ?? edited[0] ?? (fixedConflict ? BAND_KEYS[2] : involved[0] ?? BAND_KEYS[0]);
  const others = involved.filter(([col]) => col !== column).map(([col]) => `${row.cell(col)} ${col}`);
  reader.problem(row, column, row.get(column), '下限≤上限，或只填固定额',
    `规则“${ruleId}”的${column}与${others.length > 0 ? `同一行的 ${others.join('、')}` : '规则包的上下限'}冲突，金额标准无法使用（${c.problem}），按规则包原值${c.fallback}执行。`);
}

/** `target` without min/max/fixed, then with the defined ones of `band` (no undefined keys). */
function withBand<T extends object>(target: T, band: { min?: number; max?: number; fixed?: number }): T & Band {
  const out: T & Band = { ...target };
  delete out.min;
  delete out.max;
  delete out.fixed;
  if (band.min !== undefined) out.min = band.min;
  if (band.max !== undefined) out.max = band.max;
  if (band.fixed !== undefined) out.fixed = band.fixed;
  return out;
}

function readKeywords(row: SheetRow, base: string[], reader: Reader, ruleId: string, required: boolean): string[] {
  if (!row.has(RULE_COLUMNS.keywords)) return base;
  const list = splitList(row.prose(RULE_COLUMNS.keywords));
  if (required && list.length === 0) {
    reader.problem(row, RULE_COLUMNS.keywords, null, '至少一个关键词',
      `规则“${ruleId}”的关键词为空，按规则包原值“${base.join('、')}”执行。`);
    return base;
  }
  return list;
}

function readCase(c: AmountCase, row: SheetRow | undefined, reader: Reader, ruleId: string): AmountCase {
  if (!row) return c;
  const id = `${ruleId}${CASE_SEPARATOR}${c.id}`;
  const label = row.prose(RULE_COLUMNS.description) || c.label;
  const keywords = readKeywords(row, c.keywords, reader, id, true);
  return withBand({ ...c, label, keywords }, readBand(row, c, reader, id));
}

type When = NonNullable<RuleOf<'amountBand'>['when']>;

function readWhen(w: When, row: SheetRow | undefined, reader: Reader, ruleId: string): When {
  if (!row) return w;
  const id = `${ruleId}${CASE_SEPARATOR}${WHEN_ID}`;
  const out: When = { ...w, then: readBand(row, w.then, reader, id) };
  const label = row.prose(RULE_COLUMNS.description);
  if (label) out.label = label;
  if (row.has(RULE_COLUMNS.keywords)) {
    const fieldLabel = LEDGER_FIELD_LABEL[w.field];
    const text = row.text(RULE_COLUMNS.keywords);
    const m = new RegExp(`^${fieldLabel}\\s*(?:>|超过|高于)\\s*([0-9.,]+)\\s*元?$`).exec(text);
    const above = m ? parseNumber(m[1]) : null;
    if (above === null || above < 0) {
      reader.problem(row, RULE_COLUMNS.keywords, text, `${fieldLabel}>金额`,
        `规则“${id}”的条件“${text}”应写成“${fieldLabel}>100000”的样子，按规则包原值“${fieldLabel}>${w.above}”执行。`);
    } else out.above = above;
  }
  return out;
}

function readRule(base: ResolvedRule, rows: ReadonlyMap<string, SheetRow>, used: Set<string>, reader: Reader): ResolvedRule {
  const rule = base.rule;
  const row = rows.get(rule.id);
  if (!row) {
    reader.note(RULES_SHEET_FINDINGS.missingRow, 'info', '', 0, rule.id,
      `“${reader.sheet}”中没有规则“${rule.id}”（${rule.description}），按规则包原值执行。`);
    return base;
  }
  used.add(rule.id);
  const sub = (suffix: string): SheetRow | undefined => {
    const id = `${rule.id}${CASE_SEPARATOR}${suffix}`;
    const r = rows.get(id);
    if (r) used.add(id);
    return r;
  };

  let severity = rule.severity;
  if (row.has(RULE_COLUMNS.severity)) {
    const v = row.get(RULE_COLUMNS.severity);
    const s = parseSeverity(v);
    if (s) severity = s;
    else {
      reader.problem(row, RULE_COLUMNS.severity, v, '违规、需核实或提示',
        `规则“${rule.id}”的严重程度“${quoted(cellText(isCellError(v) ? v.error : v))}”应为违规、需核实或提示，按规则包原值“${SEVERITY_LABEL[rule.severity]}”执行。`);
    }
  }
  let enabled = base.enabled;
  if (row.has(RULE_COLUMNS.enabled)) {
    const v = row.get(RULE_COLUMNS.enabled);
    const e = parseYesNo(v);
    if (e !== null) enabled = e;
    else {
      reader.problem(row, RULE_COLUMNS.enabled, v, '是或否',
        `规则“${rule.id}”的启用“${quoted(cellText(isCellError(v) ? v.error : v))}”应为是或否，按规则包原值“${base.enabled ? YES : NO}”执行。`);
    }
  }
  const description = row.prose(RULE_COLUMNS.description) || rule.description;
  const source = row.prose(RULE_COLUMNS.source) || base.source;

  const edited = readRuleValues({ ...rule, severity, description }, row, sub, reader);
  // The schema is the last word: an edit it refuses leaves the pack's values in place.
  const checked = ruleSchema.safeParse(edited);
  const finalRule: Rule = checked.success ? edited : { ...rule, severity, description };
  if (!checked.success) {
    reader.problem(row, RULE_COLUMNS.id, rule.id, null,
      `规则“${rule.id}”的修改无法使用（${checked.error.issues.map((i) => i.message).join('；')}），按规则包原值执行。`);
  }
  return { ...base, rule: finalRule, source, enabled };
}

function readRuleValues(rule: Rule, row: SheetRow, sub: (suffix: string) => SheetRow | undefined, reader: Reader): Rule {
  const count = (column: string, base: number, positive = false): number => {
    if (!row.has(column)) return base;
    const n = readNumber(row, column, reader, rule.id, { integer: true, positive, fallback: ` ${base}` });
    if (n === undefined) {
      reader.problem(row, column, null, '必填', `规则“${rule.id}”的${column}为空，按规则包原值 ${base} 执行。`);
      return base;
    }
    return n ?? base;
  };
  const amount = (column: string, base: number, positive = false): number => {
    if (!row.has(column)) return base;
    const n = readNumber(row, column, reader, rule.id, { positive, fallback: ` ${base}` });
    if (n === undefined) {
      reader.problem(row, column, null, '必填', `规则“${rule.id}”的${column}为空，按规则包原值 ${base} 执行。`);
      return base;
    }
    return n ?? base;
  };
  switch (rule.kind) {
    case 'amountBand': {
      const out = withBand({ ...rule }, readBand(row, rule, reader, rule.id));
      if (rule.cases) out.cases = rule.cases.map((c) => readCase(c, sub(c.id), reader, rule.id));
      if (rule.when) out.when = readWhen(rule.when, sub(WHEN_ID), reader, rule.id);
      return out;
    }
    case 'periodSum':
      return { ...rule, max: amount(RULE_COLUMNS.periodMax, rule.max) };
    case 'periodCount':
      return { ...rule, max: count(RULE_COLUMNS.periodMax, rule.max) };
    case 'referenceCap':
      return { ...rule, multiplier: amount(RULE_COLUMNS.periodMax, rule.multiplier, true) };
    case 'inKindCap':
      return {
        ...rule,
        max: amount(RULE_COLUMNS.max, rule.max),
        keywords: readKeywords(row, rule.keywords, reader, rule.id, false),
      };
    case 'workingDays':
      return { ...rule, max: count(RULE_COLUMNS.workdays, rule.max) };
    case 'requiredFields':
      return { ...rule, fields: readFields(row, rule, reader) };
    case 'quarterSpacing':
    case 'duplicates':
    case 'idChecksum':
    case 'dateInYear':
    case 'positiveAmount':
      return rule;
  }
}

function readFields(row: SheetRow, rule: RuleOf<'requiredFields'>, reader: Reader): LedgerField[] {
  if (!row.has(RULE_COLUMNS.keywords)) return rule.fields;
  const text = row.text(RULE_COLUMNS.keywords);
  const labels = splitList(text);
  const fields = labels.map(fieldOfLabel);
  const unknown = labels.filter((_, k) => fields[k] === null);
  const known = Object.values(LEDGER_FIELD_LABEL).join('、');
  if (unknown.length > 0 || labels.length === 0) {
    const why = labels.length === 0 ? '为空' : `中的“${unknown.join('、')}”不是明细的列`;
    reader.problem(row, RULE_COLUMNS.keywords, text, known,
      `规则“${rule.id}”的必填项${why}（可填：${known}），按规则包原值“${rule.fields.map((f) => LEDGER_FIELD_LABEL[f]).join('、')}”执行。`);
    return rule.fields;
  }
  return [...new Set(fields as LedgerField[])];
}
