/**
 * 生成报告 as a pure function: the draft, with what the officer already typed into the 【待填写】 places of
 * the previous 自评报告（草稿） sheet kept, and the patch that (re)writes that sheet and nothing else — no
 * highlight, no other sheet, the state only gaining the sheet's entry. The .docx is made from the same draft.
 */
import { findOwnSheets, markText, ownSheetName, withMark } from '../output/ownSheets';
import { buildReportSheet, keptPlaceholderTexts, KEY_COLUMN, previousReportCells, REPORT_SHEET } from '../output/reportSheet';
import type { Patch } from '../patch';
import type { Report } from '../report/report';
import type { AddinState, WorkbookSnapshot } from '../snapshot';
import { draftSelfReport } from './draftSelfReport';
import type { SelfReport } from './types';

export interface ReportRun {
  draft: SelfReport;
  patch: Patch;
}

export function reportRun(snapshot: WorkbookSnapshot, report: Report): ReportRun {
  const own = findOwnSheets(snapshot);
  const fresh = draftSelfReport(snapshot, report);
  const kept = keptPlaceholderTexts(fresh, previousReportCells(snapshot, own));
  const draft = kept.size > 0 ? draftSelfReport(snapshot, report, kept) : fresh;

  const name = ownSheetName(REPORT_SHEET, 'report', snapshot, own);
  const mark = own.verified.get('report')?.mark ?? markText('report', own.token);
  const after = own.verified.get('scored')?.name ?? snapshot.sheets.filter((s) => !own.isOutput(s.name)).pop()?.name;
  const marked = withMark(buildReportSheet(draft, name, after), mark);
  const sheet = { ...marked, activate: true, hiddenColumns: [...new Set([KEY_COLUMN, ...(marked.hiddenColumns ?? [])])] };

  const previous: AddinState = snapshot.state ?? { version: 1, ownSheets: [] };
  const state: AddinState = {
    ...previous,
    ownSheets: [...previous.ownSheets.filter((s) => s.role !== 'report'), { name, role: 'report', mark }],
  };
  return {
    draft,
    patch: { sheets: [sheet], removeSheets: [], highlights: [], clearHighlights: false, state, select: { sheet: name, cell: 'A1' } },
  };
}
