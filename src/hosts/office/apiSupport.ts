/**
 * Which Excel JavaScript API requirement sets the Office host uses, and what it does without them.
 * Every optional feature is checked at run time through one injected `supports(set, version)` so tests
 * (and the fake Excel) decide what "this Excel" can do; in Excel it is
 * `Office.context.requirements.isSetSupported`.
 *
 * | set         | used for                                                   | without it                          |
 * |-------------|------------------------------------------------------------|-------------------------------------|
 * | ExcelApi 1.7 | getRangeByIndexes, getUsedRangeOrNullObject, freezePanes  | required (the host refuses to run)  |
 * | ExcelApi 1.9 | worksheet.getRanges (RangeAreas), getCellProperties,      | one range per rectangle; fills read |
 * |              | fill.pattern / tintAndShade                               | per cell, white taken as no fill    |
 * |              | worksheet.pageLayout (the 自评报告 sheet on A4 portrait;  | own sheets print with Excel's       |
 * |              | 绩效目标/异常清单 A4 landscape, one page wide, print      | default set-up                      |
 * |              | titles, footer)                                           |                                     |
 * | ExcelApi 1.10 | worksheet.comments (when notes are missing)              | no comments                         |
 * | ExcelApi 1.13 | Range.getMergedAreasOrNullObject                          | merged areas are not read           |
 * | ExcelApi 1.18 | worksheet.notes                                           | comments (1.10), else no notes      |
 * | ExcelApi 1.20 | Excel.run({ mergeUndoGroup }) — one undo step per apply  | each sync is its own undo step      |
 *
 * Workbook settings (ExcelApi 1.4) mirror the mapping/rules/scheme choice; they are inside the 1.7
 * baseline. The 异常清单 always lists every finding, whichever of notes/comments exists.
 */
export type Supports = (set: 'ExcelApi', version: string) => boolean;

export const BASELINE_VERSION = '1.7';

export interface Capabilities {
  /** `worksheet.getRanges` (RangeAreas) and `range.getCellProperties`, fill pattern/tint: ExcelApi 1.9. */
  rangeAreas: boolean;
  /** `worksheet.pageLayout` (orientation, paper, zoom, print titles, footer): ExcelApi 1.9. */
  pageLayout: boolean;
  /** `range.getMergedAreasOrNullObject`: ExcelApi 1.13. */
  mergedAreas: boolean;
  /** How the message of a highlight is attached to its cell. */
  notes: 'notes' | 'comments' | 'none';
  /** `Excel.run({ mergeUndoGroup: true })`: ExcelApi 1.20. */
  mergeUndoGroup: boolean;
}

export function capabilities(supports: Supports): Capabilities {
  if (!supports('ExcelApi', BASELINE_VERSION)) {
    throw new Error(`此版本的 Excel 不支持绩效评价助手所需的接口（ExcelApi ${BASELINE_VERSION}），请升级 Excel 后再试。`);
  }
  return {
    rangeAreas: supports('ExcelApi', '1.9'),
    pageLayout: supports('ExcelApi', '1.9'),
    mergedAreas: supports('ExcelApi', '1.13'),
    notes: supports('ExcelApi', '1.18') ? 'notes' : supports('ExcelApi', '1.10') ? 'comments' : 'none',
    mergeUndoGroup: supports('ExcelApi', '1.20'),
  };
}

/** The check Excel itself offers; only call inside Office (after `Office.onReady`). */
export function officeSupports(): Supports {
  return (set, version) => Office.context.requirements.isSetSupported(set, version);
}
