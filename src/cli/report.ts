/**
 * `report <workbook> --out <报告.docx>`: scores the workbook as `score` does (the same options and exit
 * codes) and writes the 绩效自评报告 draft as a Word document. The workbook itself is never modified.
 */
import { NotScorableError, runPipeline } from '../core/pipeline';
import { reportRun } from '../core/selfReport/reportRun';
import { selfReportDocx } from '../docx/selfReportDocx';
import { openWorkbook, refuseOverwrite } from './openWorkbook';
import { parseRules } from './score';
import { UserInputError } from './userInputError';
import { writeFileAtomically } from './writeOutput';

export interface ReportCliOptions {
  out: string;
  rules?: string;
  scheme?: string;
  quiet?: boolean;
}

export async function runReport(workbook: string, opts: ReportCliOptions): Promise<number> {
  refuseOverwrite(workbook, opts.out);
  if (!/\.docx$/i.test(opts.out)) {
    throw new UserInputError(`报告文件“${opts.out}”应以 .docx 结尾（Word 文档），如 --out 自评报告.docx。`);
  }
  const rules = opts.rules === undefined ? undefined : parseRules(opts.rules);
  const host = await openWorkbook(workbook);
  const snapshot = await host.read();
  let result;
  try {
    result = runPipeline(snapshot, { scheme: opts.scheme, rules });
  } catch (e) {
    if (e instanceof NotScorableError) throw new UserInputError(`${e.message}（文件：${workbook}）`);
    throw e;
  }
  // What the officer typed into the workbook's 自评报告（草稿） sheet, if it has one, is in the .docx too.
  const { draft } = reportRun(snapshot, result.report);
  await writeFileAtomically(opts.out, await selfReportDocx(draft));
  if (!opts.quiet) {
    const placeholders = draft.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? b.runs : [])).filter((r) => r.kind === 'placeholder' && r.text === null).length;
    const total = result.report.total === null ? '未评分（只检查了发放明细）' : `综合得分 ${result.report.total} 分，等级 ${result.report.grade}`;
    process.stdout.write(`已写出绩效自评报告草稿：${opts.out}\n${total}；有 ${placeholders} 处【待填写】需要补充。\n`);
  }
  return 0;
}
