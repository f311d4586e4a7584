import { readFile } from 'node:fs/promises';
import { NotScorableError, runPipeline } from '../core/pipeline';
import type { Report } from '../core/report/report';
import { listPacks } from '../core/rules/resolvePacks';
import type { MappingOverride } from '../core/snapshot';
import { parseRangeA1 } from '../core/address';
import { sameSheetName } from '../hosts/shared/sheetNames';
import type { ScoreCliOptions } from './main';
import { openWorkbook, refuseOverwrite } from './openWorkbook';
import { UserInputError } from './userInputError';
import { printReport } from './printReport';
import { writeFileAtomically, writeWorkbook } from './writeOutput';
import { rulesSheetInUse, scoreNotices } from './scoreNotices';

const ROLES = ['budget', 'targets', 'actuals', 'selfEvaluation', 'indexSystem', 'ledger', 'rules', 'ignore'] as const;
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const MAPPING_SHAPE = `应为数组，每项形如 {"sheet":"Sheet1","range":"A5:H30","role":"selfEvaluation"}，role 可为 ${ROLES.join('/')}。`;

export async function runScore(workbook: string, opts: ScoreCliOptions): Promise<number> {
  refuseOverwrite(workbook, opts.out);
  const rules = opts.rules === undefined ? undefined : parseRules(opts.rules);
  const parameters = parseParams(opts.param ?? []);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
    throw new UserInputError(`评价年度“${opts.year}”不是有效的年份（如 2023）。`);
  }
  const mappingFile = opts.mapping ? await readMapping(opts.mapping) : undefined;
  const host = await openWorkbook(workbook);
  const snapshot = await host.read();
  const mapping = mappingFile && opts.mapping ? mappingOnSheets(mappingFile, opts.mapping, snapshot.sheets.map((sh) => sh.name)) : undefined;
  let result;
  try {
    result = runPipeline(snapshot, { scheme: opts.scheme, mapping, rules, writeRules: opts.writeRules, parameters, year });
  } catch (e) {
    if (e instanceof NotScorableError) throw new UserInputError(`${e.message}（文件：${workbook}）`);
    throw e;
  }
  if (opts.writeRules && !rulesSheetInUse(result)) {
    throw new UserInputError(`--write-rules 需要同时用 --rules 选择规则包，如 --rules gz-zengcheng-2023 --write-rules；本次没有选择规则包，也就没有可写入的“规则”表。${availablePacks()}`);
  }
  if (opts.out) {
    await host.apply(result.patch);
    await writeWorkbook(host, opts.out);
  }
  if (opts.json) await writeFileAtomically(opts.json, `${JSON.stringify(result.report, null, 2)}\n`);
  if (!opts.quiet) process.stdout.write(printReport(result.report, opts.out));
  for (const notice of [...host.notices, ...scoreNotices(result, { writeRules: opts.writeRules, parameters })]) process.stderr.write(`提示：${notice}\n`);
  return 0;
}

function availablePacks(): string {
  return `可用规则包：${listPacks().map((p) => p.id).join('、')}（说明见 npm run --silent cli -- packs）。`;
}

/** `--rules a,b` (comma or 全角逗号) → ['a', 'b'], every id a built-in pack. */
export function parseRules(text: string): string[] {
  const ids = text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UserInputError(`--rules 后面没有规则包编号（收到“${text}”）。${availablePacks()}`);
  const known = new Set(listPacks().map((p) => p.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UserInputError(`未知的规则包“${unknown.join('”“')}”。${availablePacks()}`);
  return ids;
}

/** `--param 月低保标准=1080` (repeatable) → { 月低保标准: 1080 }. */
function parseParams(items: string[]): Record<string, number | null> | undefined {
  if (items.length === 0) return undefined;
  const out: Record<string, number | null> = {};
  for (const item of items) {
    const m = /^([^=]+)=(.*)$/.exec(item);
    const value = m ? Number(m[2].replace(/[,，]/g, '')) : NaN;
    if (!m || (m[2].trim() !== '' && !Number.isFinite(value))) {
      throw new UserInputError(`参数“${item}”格式不正确，应为 名称=数值，如 --param 月低保标准=1080。`);
    }
    out[m[1].trim()] = m[2].trim() === '' ? null : value;
  }
  return out;
}

/**
 * The `--mapping` file is the officer's input: every entry is checked here, and a problem is named by
 * the entry's number (from 1) and its sheet, never left to surface later as an internal error (a range
 * `A0` ended in “bad link target”).
 */
async function readMapping(file: string): Promise<MappingOverride[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new UserInputError(`无法读取映射文件“${file}”。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    // JSON.parse's own message is English; only where it stopped is passed on, as a line and column.
    throw new UserInputError(`映射文件“${file}”不是有效的 JSON${whereJsonStopped(raw, e)}。请检查引号、逗号和括号是否成对。`, { cause: e });
  }
  if (!Array.isArray(json)) throw new UserInputError(`映射文件“${file}”格式不正确：${MAPPING_SHAPE}`);
  return json.map((entry: unknown, i) => mappingEntry(entry, `映射文件“${file}”第 ${i + 1} 项`));
}

function whereJsonStopped(raw: string, e: unknown): string {
  const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!at) return raw.trim() === '' ? '（文件是空的）' : '';
  const before = raw.slice(0, Number(at[1])).split('\n');
  return `（第 ${before.length} 行第 ${before[before.length - 1].length + 1} 个字符处）`;
}

function mappingEntry(entry: unknown, where: string): MappingOverride {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new UserInputError(`${where}不是 {"sheet":…,"role":…} 形式（收到 ${JSON.stringify(entry)}）。${MAPPING_SHAPE}`);
  }
  const { sheet, range, role, ...rest } = entry as Record<string, unknown>;
  if (typeof sheet !== 'string' || sheet.trim() === '') {
    throw new UserInputError(`${where}缺少工作表名称 sheet（收到 ${JSON.stringify(sheet) ?? '无'}）。${MAPPING_SHAPE}`);
  }
  const named = `${where}（工作表“${sheet}”）`;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw new UserInputError(`${named}有不认识的字段“${unknown.join('”“')}”，只能有 sheet、range、role。`);
  }
  if (typeof role !== 'string' || !ROLE_SET.has(role)) {
    throw new UserInputError(`${named}的 role ${JSON.stringify(role) ?? '缺失'} 不是可用的角色，应为 ${ROLES.join('/')} 之一。`);
  }
  if (range !== undefined) {
    if (typeof range !== 'string' || parseRangeA1(range) === null) {
      throw new UserInputError(
        `${named}的区域 range ${JSON.stringify(range)} 不是有效的单元格区域：应形如 A5:H30，行号从 1 到 1048576，列从 A 到 XFD。`,
      );
    }
  }
  return range === undefined ? { sheet, role: role as MappingOverride['role'] } : { sheet, range, role: role as MappingOverride['role'] };
}

/** Each entry's sheet must be in the workbook (compared as Excel compares names); its name is taken as the workbook spells it. */
function mappingOnSheets(mapping: MappingOverride[], file: string, sheets: string[]): MappingOverride[] {
  return mapping.map((m, i) => {
    const actual = sheets.find((name) => sameSheetName(name, m.sheet));
    if (actual === undefined) {
      throw new UserInputError(
        `映射文件“${file}”第 ${i + 1} 项的工作表“${m.sheet}”在工作簿中不存在。工作簿中的工作表：${sheets.map((n) => `“${n}”`).join('、')}。`,
      );
    }
    return { ...m, sheet: actual };
  });
}

export type { Report };
