/**
 * What the report says about the project that the scores do not: its name, 主管部门 and 实施单位, read
 * from the labelled cells the 自评表 and the 申报表 carry (`项目名称 | 昆明市总工会送温暖专项资金`). A
 * workbook without a 项目名称 cell (an evaluator's 指标体系) gives the name its title carries; nothing is
 * guessed beyond that: a missing fact is a placeholder in the report.
 */
import { findOwnSheets } from '../output/ownSheets';
import { normalizeText } from '../parse/text';
import { cellAt, isCellError, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';

/** 项目名称, 主管部门, 实施单位: null where the workbook does not say. */
export interface ProjectFacts {
  name: string | null;
  department: string | null;
  implementer: string | null;
}

/** Rows searched for the labels and titles: the header block sits above the tables. */
const HEAD_ROWS = 12;

const LABELS: Record<keyof ProjectFacts, RegExp> = {
  name: /^项目名称[:：]?$/,
  department: /^(主管部门|主管单位)[:：]?$/,
  implementer: /^(实施单位|项目实施单位)[:：]?$/,
};

/** A title that names the project: `2023年困难职工帮扶资金（送温暖费）项目绩效评价指标体系及评分表`. */
const TITLE_PROJECT = /^(.{2,60}?项目)(?:支出)?(?:绩效|预算|资金|评价|自评|发放|$)/;

export function projectFacts(snapshot: WorkbookSnapshot): ProjectFacts {
  const own = findOwnSheets(snapshot);
  const sheets = snapshot.sheets.filter((s) => !s.hidden && !own.isOutput(s.name));
  const facts: ProjectFacts = { name: null, department: null, implementer: null };
  for (const sheet of sheets) {
    for (const key of Object.keys(LABELS) as (keyof ProjectFacts)[]) {
      facts[key] ??= labelledValue(sheet, LABELS[key]);
    }
  }
  if (facts.name === null) {
    for (const sheet of sheets) {
      facts.name ??= titleProject(sheet);
    }
  }
  return facts;
}

/** A cell's text as the officer typed it (full-width brackets kept), only its whitespace collapsed. */
function text(sheet: SheetSnapshot, r: number, c: number): string {
  const v = cellAt(sheet, r, c);
  if (v === null || v === undefined || isCellError(v) || typeof v === 'boolean') return '';
  return String(v).replace(/[\s\u3000]+/g, ' ').trim();
}

/** The same text as a label is compared: normalised, without spaces (`项 目 名 称` is 项目名称). */
function labelText(value: string): string {
  return normalizeText(value).replace(/\s+/g, '');
}

/** The first non-empty cell right of a cell whose text matches the label, in the head rows. */
function labelledValue(sheet: SheetSnapshot, label: RegExp): string | null {
  for (let r = 0; r < Math.min(HEAD_ROWS, sheet.values.length); r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!label.test(labelText(text(sheet, r, c)))) continue;
      for (let k = c + 1; k < row.length; k++) {
        const value = text(sheet, r, k);
        if (value) return Object.values(LABELS).some((l) => l.test(labelText(value))) ? null : value;
      }
    }
  }
  return null;
}

/** The project a sheet's title names: the only text in one of its first rows. */
function titleProject(sheet: SheetSnapshot): string | null {
  for (let r = 0; r < Math.min(3, sheet.values.length); r++) {
    const cells = (sheet.values[r] ?? []).map((_, c) => text(sheet, r, c)).filter(Boolean);
    if (cells.length !== 1) continue;
    const m = TITLE_PROJECT.exec(cells[0].replace(/\s+/g, ''));
    if (m) return m[1];
  }
  return null;
}
