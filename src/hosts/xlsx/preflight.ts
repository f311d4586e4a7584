/**
 * A cheap look over the package before ExcelJS loads it (issue 12). ExcelJS allocates by what a sheet's
 * XML *claims*, not by what it holds: a merge over `A1:XFD1048576` makes a cell object for each of its
 * 17 billion cells (out of memory), a `<col max="100000000">` makes a column object per claimed column,
 * a `<row r="99999999">` spent 40 s and gigabytes. So every claim that drives an allocation is checked
 * here against Excel's grid and a budget, and a workbook that exceeds them is refused with a Chinese
 * message naming the sheet and the claim — before any of that work starts.
 *
 * What is not refused, and why:
 * - `<dimension ref>` and `spans` are read by ExcelJS but never allocate (measured: a dimension of
 *   A1:XFD1048576 and spans of 1:999999999 load in the usual time), so they are left alone.
 * - A `<col>` up to XFD (16,384 columns, what Excel itself writes to hide "all the other columns") and a
 *   cell or row at row 1,048,576 cost a bounded, small amount (measured: about a second), so they load.
 * - Many small merges are fine: ExcelJS's quadratic overlap check is replaced by a linear one
 *   (see linearMerges.ts), so the cost of merges is their total area, which is capped here.
 * - Data validations and defined names also expand cell by cell in ExcelJS (a whole-column dropdown,
 *   `sqref="D2:D1048576"`, cost 13 s; one over the grid ran out of memory). Those are real officers'
 *   files, so they are not refused but neutralised: large rectangles are kept whole (compactDefinedNames.ts
 *   always; src/cli/compactValidations.ts in Node). Where the validation reader cannot be replaced (the
 *   browser build), their total area is held to the same budget as merges.
 *
 * The scan is plain string searching over each sheet's XML (no DOM): the common case, a sheet with no
 * merges, few `<col>` elements and rows numbered below 1,000,000, matches almost nothing, so the cost is
 * one decompression and a linear pass per sheet.
 */
import JSZip from 'jszip';
import { parseRangeA1, rangeA1 } from '../../core/address';
import { attr, checkSheetClaims, fmt, longSheetNames, MAX_MERGED_CELLS, refuse, shortenedSheetName } from '../shared/sheetClaims';

export { MAX_MERGED_CELLS, MAX_WIDE_CELLS, shortenedSheetName } from '../shared/sheetClaims';

/**
 * Set by the CLI once ExcelJS's reader keeps a data validation's rectangle whole (src/cli/
 * compactValidations.ts, Node only). Until then — in the browser preview — ExcelJS makes an entry per
 * covered cell, so their total is held to the merge budget; after it, a validation costs nothing by size.
 */
let validationsCompact = false;
export function declareCompactValidations(): void {
  validationsCompact = true;
}

/** Data validations: an entry per covered cell unless the CLI's compact reader is installed. */
function checkValidations(xml: string, sheet: string, budget: { left: number }): void {
  const validations = /<(?:\w+:)?dataValidation\s[^>]*>/g;
  for (let m = validations.exec(xml); m !== null; m = validations.exec(xml)) {
    for (const ref of (attr(m[0], 'sqref') ?? '').split(/\s+/).filter(Boolean)) {
      const range = parseRangeA1(ref.replace(/\$/g, ''));
      if (!range) continue;
      const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
      budget.left -= cells;
      if (budget.left < 0) {
        refuse(`工作表“${sheet}”中的数据验证（下拉列表等）区域 ${rangeA1(range)} 覆盖 ${fmt(cells)} 个单元格，超出此处可处理的范围（合计最多 ${fmt(MAX_MERGED_CELLS)} 个单元格）。请用命令行评分，或在 Excel 中把数据验证缩小到用到的行后再试。`);
      }
    }
  }
}

/** What the scan saw that loading should know about: which of ExcelJS's mis-models to repair. */
export interface PreflightResult {
  /** Rich text runs exist (shared strings or inline): a run without text must become an empty run. */
  richText: boolean;
  /** Shared formulas exist: a clone whose master is missing or after it cannot be written back. */
  sharedFormulas: boolean;
  /** Gradient fills exist: junk attributes load as NaN and write back as invalid XML. */
  gradients: boolean;
  /** Sheet names longer than Excel's 31 characters, each with the name it is given instead. */
  longSheetNames: { name: string; shortened: string }[];
  /**
   * The package with those names shortened in workbook.xml, when there were any: ExcelJS 4.4 cannot load
   * a workbook with a longer name at all (it cuts the name when adding the sheet, then compares the full
   * name with the cut one and fails with “Worksheet name already exists”, after an English console.warn).
   */
  rewritten?: Uint8Array;
}

function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JSZip's own `async('string')` decodes UTF-8 in JavaScript, which took most of the scan's time on a
 * 100,000-row ledger; the platform's TextDecoder (Node and browsers) does it natively.
 */
const utf8 = typeof TextDecoder === 'function' ? new TextDecoder('utf-8') : null;
async function text(file: JSZip.JSZipObject): Promise<string> {
  // jsdom (the pane's tests) has no TextDecoder: JSZip's own decoder there.
  return utf8 ? utf8.decode(await file.async('uint8array')) : file.async('string');
}

/** Sheet XML path in the zip → the sheet's name as the officer sees it in the tabs. */
async function sheetNamesByPath(zip: JSZip): Promise<{ byPath: Map<string, string>; names: string[] }> {
  const byPath = new Map<string, string>();
  const names: string[] = [];
  const book = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!book) return { byPath, names };
  const targets = new Map<string, string>();
  for (const tag of rels?.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  for (const tag of book.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    if (name === undefined) continue;
    names.push(name);
    const id = attr(tag, 'r:id') ?? /\s\w+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const path = id === undefined ? undefined : targets.get(id);
    if (path) byPath.set(path, name);
  }
  return { byPath, names };
}

/** A worksheet part, however it is named. ExcelJS loads every one of them, listed in workbook.xml or not. */
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * Refuses (WorkbookReadError, Chinese, naming the sheet and the claim) a package whose claims would make
 * loading cost far more than its real size; otherwise reports what loading must repair. Bytes that are not
 * a zip are left for ExcelJS to report as it always has.
 */
export async function preflightXlsx(bytes: Uint8Array): Promise<PreflightResult> {
  const result: PreflightResult = { richText: false, sharedFormulas: false, gradients: false, longSheetNames: [] };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return result;
  }
  const { byPath, names } = await sheetNamesByPath(zip);
  result.longSheetNames = longSheetNames(names);
  const budget = { left: MAX_MERGED_CELLS };
  const validationBudget = { left: MAX_MERGED_CELLS };
  for (const path of Object.keys(zip.files)) {
    const file = zip.files[path];
    if (file.dir) continue;
    if (SHEET_PART.test(path)) {
      const xml = await text(file);
      const sheet = byPath.get(path) ?? path.replace(/^.*\//, '');
      checkSheetClaims(xml, sheet, budget);
      if (!validationsCompact && xml.includes('dataValidation')) checkValidations(xml, sheet, validationBudget);
      if (!result.sharedFormulas && xml.includes('t="shared"')) result.sharedFormulas = true;
      if (!result.richText && xml.includes('is>') && /<(?:\w+:)?is>\s*<(?:\w+:)?r[\s>]/.test(xml)) result.richText = true;
    } else if (path === 'xl/sharedStrings.xml') {
      const xml = await text(file);
      // A run is `<r>` or `<r …>`, possibly with a namespace prefix; a false hit only costs the repair pass.
      if (xml.includes('<r>') || xml.includes('<r ') || xml.includes(':r>') || xml.includes(':r ')) result.richText = true;
    } else if (path === 'xl/styles.xml') {
      const xml = await file.async('string');
      if (xml.includes('gradientFill')) result.gradients = true;
    }
  }
  if (result.longSheetNames.length > 0) result.rewritten = await withShortNames(zip);
  return result;
}

/** Rare, so the cost of re-packing (stored, not compressed: it only lives in memory) is paid only here. */
async function withShortNames(zip: JSZip): Promise<Uint8Array> {
  const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const fixed = book.replace(/<(?:\w+:)?sheet\b[^>]*>/g, (tag) => {
    const name = attr(tag, 'name');
    if (name === undefined || name.length <= 31) return tag;
    return tag.replace(/(\sname\s*=\s*)(?:"[^"]*"|'[^']*')/, (_m, lead: string) => `${lead}"${encodeXml(shortenedSheetName(name))}"`);
  });
  zip.file('xl/workbook.xml', fixed);
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
