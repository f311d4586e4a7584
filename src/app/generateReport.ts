/**
 * 生成报告 on any host: the workbook read, scored with the options it remembers (the packs and scheme of
 * its last 评分), and the 绩效自评报告 draft built and written as .docx bytes. The pane and the preview
 * call it; the command line does the same from its own options (src/cli/report.ts).
 */
import type { WorkbookHost } from '../core/host';
import { runPipeline, type PipelineOptions } from '../core/pipeline';
import type { Report } from '../core/report/report';
import { draftSelfReport } from '../core/selfReport/draftSelfReport';
import type { SelfReport } from '../core/selfReport/types';
import { selfReportDocx } from '../docx/selfReportDocx';

export interface GeneratedReport {
  report: Report;
  draft: SelfReport;
  docx: Uint8Array;
}

/** Throws NotScorableError (a Chinese message) when the workbook has nothing to score or check. */
export async function generateReport(host: WorkbookHost, options: PipelineOptions = {}): Promise<GeneratedReport> {
  const snapshot = await host.read();
  const { report } = runPipeline(snapshot, options);
  const draft = draftSelfReport(snapshot, report);
  return { report, draft, docx: await selfReportDocx(draft) };
}

/** `报表.xlsx` → `报表-自评报告.docx`. */
export function reportFileName(workbookName: string): string {
  const base = workbookName.replace(/\.(xlsx|xlsm|xls)$/i, '') || '工作簿';
  return `${base}-自评报告.docx`;
}
