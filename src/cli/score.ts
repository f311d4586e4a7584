import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { NotScorableError, runPipeline } from '../core/pipeline';
import type { Report } from '../core/report/report';
import { listPacks } from '../core/rules/resolvePacks';
import type { MappingOverride } from '../core/snapshot';
import type { ScoreCliOptions } from './main';
import { openWorkbook, refuseOverwrite } from './openWorkbook';
import { UserInputError } from './userInputError';
import { printReport } from './printReport';
import { writeFileAtomically, writeWorkbook } from './writeOutput';
import { rulesSheetInUse, scoreNotices } from './scoreNotices';

const ROLES = ['budget', 'targets', 'actuals', 'selfEvaluation', 'indexSystem', 'ledger', 'rules', 'ignore'] as const;
const MappingFile = z.array(
  z.object({ sheet: z.string().min(1), range: z.string().optional(), role: z.enum(ROLES) }).strict(),
);

export async function runScore(workbook: string, opts: ScoreCliOptions): Promise<number> {
  refuseOverwrite(workbook, opts.out);
  const rules = opts.rules === undefined ? undefined : parseRules(opts.rules);
  const parameters = parseParams(opts.param ?? []);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
    throw new UserInputError(`评价年度“${opts.year}”不是有效的年份（如 2023）。`);
  }
  const mapping = opts.mapping ? await readMapping(opts.mapping) : undefined;
  const host = await openWorkbook(workbook);
  const snapshot = await host.read();
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
function parseRules(text: string): string[] {
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
    throw new UserInputError(`映射文件“${file}”不是有效的 JSON：${e instanceof Error ? e.message : ''}`);
  }
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserInputError(
      `映射文件“${file}”格式不正确（位置 ${issue.path.join('.') || '根'}：${issue.message}）。应为数组，每项形如 {"sheet":"Sheet1","range":"A5:H30","role":"selfEvaluation"}，role 可为 ${ROLES.join('/')}。`,
    );
  }
  return parsed.data;
}

export type { Report };
