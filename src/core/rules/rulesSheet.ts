/**
 * 规则 sheet (SPEC §6): the chosen packs as an editable table. An officer changes a limit, a keyword, a
 * severity or 启用 in Excel, and the next check uses it. The sheet stores which packs it was made from;
 * reading it back resolves those packs again and applies the sheet's values on top, so structure (kinds,
 * scopes, includes) always comes from the packs and only the values a person should tune come from cells.
 *
 * An edit that cannot be used (text in a number cell, 下限 above 上限, an unknown severity) is a finding
 * naming the cell, and that row keeps the pack's value. rulesFromRows(rulesToRows(x)) equals x.
 */
import { ruleName } from '../ruleNames';
import { a1, columnLetters } from '../address';
import { kindOf } from '../checks/kinds/registry';
import { quoted, SEVERITY_LABEL, type Finding } from '../findings';
import { parseNumber } from '../parse/number';
import { cellText, normalizeText } from '../parse/text';
import type { OutputCell } from '../patch';
import { isCellError, type CellScalar } from '../snapshot';
import { categorySchema, type Pack, type Rule } from './packSchema';
import type { ResolvedCategory, ResolvedRule, ResolvedRules } from './resolvedRules';
import { packNames, resolvePacks, RulePackError } from './resolvePacks';
import {
  isBlankCell as isBlank,
  joinList as join,
  Reader,
  ruleCells,
  RULES_SHEET_FINDINGS,
  SheetRow,
  splitList,
  type RuleRow,
} from './rulesSheetCells';
import {
  ALL_CATEGORIES,
  CASE_SEPARATOR,
  CATEGORY_COLUMN_ORDER,
  CATEGORY_COLUMNS,
  NO,
  PACKS_LABEL,
  PARAMETER_COLUMN_ORDER,
  PARAMETER_COLUMNS,
  parseSeverity,
  parseYesNo,
  RULE_COLUMN_ORDER,
  RULE_COLUMNS,
  type RuleColumn,
  YES,
} from './rulesSheetLayout';

export { RULES_SHEET_FINDINGS } from './rulesSheetCells';

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

// ─── writing ──────────────────────────────────────────────────────────────────────────────────────

const WIDTHS: Record<RuleColumn, number> = {
  id: 40, pack: 20, kind: 12, description: 60, category: 18, keywords: 30, min: 11, max: 11, fixed: 11,
  periodMax: 10, workdays: 8, severity: 9, enabled: 6, source: 36,
};

const body = (v: string | number | null): OutputCell =>
  typeof v === 'number' ? { v, numFmt: Number.isInteger(v) ? '#,##0' : '#,##0.00', style: 'body' } : { v, style: 'body' };
const header = (v: string): OutputCell => ({ v, style: 'header' });

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

function ruleRows(r: ResolvedRule, resolved: ResolvedRules): RuleRow[] {
  const rule = r.rule;
  const kind = kindOf(rule);
  const category = categoryText(r, resolved);
  const values = kind.sheet?.write(rule, { pack: r.pack, category }) ?? { cells: {} };
  const main: RuleRow = {
    id: rule.id,
    pack: r.pack,
    kind: kind.label,
    description: rule.description,
    category,
    ...values.cells,
    severity: SEVERITY_LABEL[rule.severity],
    enabled: r.enabled ? YES : NO,
    source: r.source,
  };
  return [main, ...(values.rows ?? [])];
}

// ─── reading ──────────────────────────────────────────────────────────────────────────────────────

interface Block {
  rows: SheetRow[];
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
export function rulesFromRows(
  values: readonly (readonly CellScalar[] | undefined)[],
  sheetName: string,
  library?: ReadonlyMap<string, Pack>,
): RulesFromRowsResult {
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
    defaults = resolvePacks(requested.ids, {}, library);
  } catch (e) {
    if (!(e instanceof RulePackError)) throw e;
    reader.note(RULES_SHEET_FINDINGS.unusable, 'error', a1(requested.r, 1), requested.r + 1, requested.ids.join('、'),
      `“${sheetName}”!${a1(requested.r, 1)} ${e.message}`);
    return { resolved: null, findings: reader.findings };
  }

  const parameters = readParameters(parameterBlock, defaults, reader);
  const resolved = resolvePacks(requested.ids, { parameters }, library);
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

function readRule(base: ResolvedRule, rows: ReadonlyMap<string, SheetRow>, used: Set<string>, reader: Reader): ResolvedRule {
  const rule = base.rule;
  const row = rows.get(rule.id);
  if (!row) {
    reader.note(RULES_SHEET_FINDINGS.missingRow, 'info', '', 0, rule.id,
      `“${reader.sheet}”中没有规则“${ruleName(rule.id)}”（${rule.description}），按规则包原值执行。`);
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
        `规则“${ruleName(rule.id)}”的严重程度“${quoted(cellText(isCellError(v) ? v.error : v))}”应为违规、需核实或提示，按规则包原值“${SEVERITY_LABEL[rule.severity]}”执行。`);
    }
  }
  let enabled = base.enabled;
  if (row.has(RULE_COLUMNS.enabled)) {
    const v = row.get(RULE_COLUMNS.enabled);
    const e = parseYesNo(v);
    if (e !== null) enabled = e;
    else {
      reader.problem(row, RULE_COLUMNS.enabled, v, '是或否',
        `规则“${ruleName(rule.id)}”的启用“${quoted(cellText(isCellError(v) ? v.error : v))}”应为是或否，按规则包原值“${base.enabled ? YES : NO}”执行。`);
    }
  }
  const description = row.prose(RULE_COLUMNS.description) || rule.description;
  const source = row.prose(RULE_COLUMNS.source) || base.source;

  const kind = kindOf(rule);
  const own: Rule = { ...rule, severity, description };
  const edited = kind.sheet ? (kind.sheet.read(own, ruleCells(rule.id, row, sub, reader)) as Rule) : own;
  // The kind's schema is the last word: an edit it refuses leaves the pack's values in place.
  const checked = kind.schema.safeParse(edited);
  const finalRule: Rule = checked.success ? edited : { ...rule, severity, description };
  if (!checked.success) {
    reader.problem(row, RULE_COLUMNS.id, rule.id, null,
      `规则“${ruleName(rule.id)}”的修改无法使用（${checked.error.issues.map((i) => i.message).join('；')}），按规则包原值执行。`);
  }
  return { ...base, rule: finalRule, source, enabled };
}
