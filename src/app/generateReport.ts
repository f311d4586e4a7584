/**
 * 生成报告 on any host: the workbook read, scored with the options it remembers (the packs and scheme of
 * its last 评分), the 绩效自评报告 draft built with what the officer already typed into the previous
 * 自评报告（草稿） sheet kept, that sheet (re)written when asked, and the draft as .docx bytes. The pane and
 * the preview call it; the command line does the same from its own options (src/cli/report.ts).
 */
import type { WorkbookHost } from '../core/host';
import { runPipeline, type PipelineOptions } from '../core/pipeline';
import type { Report } from '../core/report/report';
import { reportRun } from '../core/selfReport/reportRun';
import type { SelfReport } from '../core/selfReport/types';
import { selfReportDocx } from '../docx/selfReportDocx';

export interface GeneratedReport {
  report: Report;
  draft: SelfReport;
  docx: Uint8Array;
  /** The 自评报告（草稿） sheet written, or null when only the .docx was asked for. */
  sheet: string | null;
}

export interface GenerateOptions {
  /** Write the draft into the workbook as the 自评报告（草稿） sheet (the pane does; the preview's download alone does not need it). */
  writeSheet?: boolean;
}

/** Throws NotScorableError (a Chinese message) when the workbook has nothing to score or check. */
export async function generateReport(host: WorkbookHost, options: PipelineOptions = {}, generate: GenerateOptions = {}): Promise<GeneratedReport> {
  const snapshot = await host.read();
  const { report } = runPipeline(snapshot, options);
  const run = reportRun(snapshot, report);
  if (generate.writeSheet) await host.apply(run.patch);
  return { report, draft: run.draft, docx: await selfReportDocx(run.draft), sheet: generate.writeSheet ? run.patch.sheets[0].name : null };
}

/** `报表.xlsx` → `报表-自评报告.docx`. */
export function reportFileName(workbookName: string): string {
  const base = workbookName.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm|xls)$/i, '') || '工作簿';
  return `${base}-自评报告.docx`;
}
