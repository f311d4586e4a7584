import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { NotScorableError, runPipeline } from '../core/pipeline';
import type { Report } from '../core/report/report';
import type { MappingOverride } from '../core/snapshot';
import type { ScoreCliOptions } from './main';
import { openWorkbook, refuseOverwrite } from './openWorkbook';
import { UserInputError } from './userInputError';
import { printReport } from './printReport';

const ROLES = ['budget', 'targets', 'actuals', 'selfEvaluation', 'indexSystem', 'ledger', 'rules', 'ignore'] as const;
const MappingFile = z.array(
  z.object({ sheet: z.string().min(1), range: z.string().optional(), role: z.enum(ROLES) }).strict(),
);

export async function runScore(workbook: string, opts: ScoreCliOptions): Promise<number> {
  refuseOverwrite(workbook, opts.out);
  const rules = opts.rules ? opts.rules.split(/[,，]/).map((s) => s.trim()).filter(Boolean) : undefined;
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
  if (opts.out) {
    await host.apply(result.patch);
    await mkdir(dirname(resolve(opts.out)), { recursive: true });
    await host.writeFile(opts.out);
  }
  if (opts.json) {
    await mkdir(dirname(resolve(opts.json)), { recursive: true });
    await writeFile(opts.json, `${JSON.stringify(result.report, null, 2)}\n`, 'utf8');
  }
  if (!opts.quiet) process.stdout.write(printReport(result.report, opts.out));
  return 0;
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
