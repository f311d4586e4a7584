/**
 * The 自评报告 draft of a scored workbook: the run's report, the project facts its header cells give, and
 * what the officer already wrote into the draft's placeholders. What the CLI, the preview and the pane call.
 */
import type { Report } from '../report/report';
import type { WorkbookSnapshot } from '../snapshot';
import { buildSelfReport } from './buildSelfReport';
import { projectFacts } from './projectFacts';
import type { SelfReport } from './types';

export function draftSelfReport(snapshot: WorkbookSnapshot, report: Report, kept?: ReadonlyMap<string, string>): SelfReport {
  return buildSelfReport({ report, project: projectFacts(snapshot), kept });
}
