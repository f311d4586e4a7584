import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { NotScorableError, runPipeline } from '../core/pipeline';
import type { Report } from '../core/report/report';
import type { MappingOverride } from '../core/snapshot';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import type { ScoreCliOptions } from './main';
import { UserInputError } from './userInputError';
import { printReport } from './printReport';

const ROLES = ['budget', 'targets', 'actuals', 'selfEvaluation', 'indexSystem', 'ledger', 'rules', 'ignore'] as const;
const MappingFile = z.array(
  z.object({ sheet: z.string().min(1), range: z.string().optional(), role: z.enum(ROLES) }).strict(),
);

export async function runScore(workbook: string, opts: ScoreCliOptions): Promise<number> {
  if (opts.out && resolve(opts.out) === resolve(workbook)) {
    throw new UserInputError(`输出文件不能与输入文件相同（${opts.out}）：绩效评价助手从不修改原工作簿，请用 --out 指定另一个文件名。`);
  }
  if (opts.rules) {
    throw new UserInputError(`未知的规则包“${opts.rules}”：本版本尚未提供发放明细规则包，请先不带 --rules 评分。`);
  }
  const mapping = opts.mapping ? await readMapping(opts.mapping) : undefined;
  let host: XlsxHost;
  try {
    host = await XlsxHost.fromFile(workbook);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UserInputError(`${e.message}（文件：${workbook}）`);
    throw e;
  }
  const snapshot = await host.read();
  let result;
  try {
    result = runPipeline(snapshot, { scheme: opts.scheme, mapping });
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
