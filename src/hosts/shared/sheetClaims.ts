/**
 * Claims in a sheet's XML that drive what a reader allocates, checked before any reader runs (issue 12).
 * A reader allocates by what the XML *claims*, not by what it holds: a merge over `A1:XFD1048576` is 17
 * billion covered cells, a `<col max="100000000">` or a `<row r="99999999">` is a claim far beyond Excel's
 * grid, 20,000 rows each with one cell in column XFD pad to 300 million entries. Each such claim is
 * checked here against Excel's grid and a budget, and a workbook that exceeds them is refused with a
 * Chinese message naming the sheet and the claim. Both file hosts (ExcelJS's preflight.ts and the package
 * host) run these checks; the scan is plain string searching, so a sheet without merges, few `<col>`
 * elements and rows below 1,000,000 matches almost nothing.
 */
import { columnLetters, MAX_COLUMNS, MAX_ROWS, parseRangeA1, rangeA1 } from '../../core/address';
import { WorkbookReadError } from '../xlsx/errors';

/**
 * Cells a reader materialises for merged areas, summed over the workbook. A real 自评表 merges a few
 * hundred cells; a ledger merged row by row over 100,000 rows × 10 columns stays within this. Beyond it,
 * loading costs hundreds of megabytes and the merge carries no data (only the top-left cell has a value).
 */
export const MAX_MERGED_CELLS = 1_000_000;

export const fmt = (n: number): string => n.toLocaleString('en-US');


const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e];
  });
}

export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

export function refuse(message: string): never {
  throw new WorkbookReadError(`无法读取工作簿：${message}`);
}


/** Excel's limit on a sheet name; a surrogate pair is not cut in half. */
export function shortenedSheetName(name: string): string {
  if (name.length <= 31) return name;
  const last = name.charCodeAt(30);
  return name.slice(0, last >= 0xd800 && last <= 0xdbff ? 30 : 31);
}

/**
 * Sheet names over Excel's 31 characters, each with the name it gets instead; refuses two names that
 * coincide once shortened, which cannot both be kept.
 */
export function longSheetNames(names: readonly string[]): { name: string; shortened: string }[] {
  const cut = new Map<string, string>();
  for (const name of names) {
    const key = shortenedSheetName(name).toLowerCase();
    const other = cut.get(key);
    if (other !== undefined && (other.length > 31 || name.length > 31)) {
      refuse(`工作表“${other}”和“${name}”的名称超过 Excel 允许的 31 个字符，截短后同名（“${shortenedSheetName(name)}”）。请在 Excel 中把其中一个改短后再试。`);
    }
    cut.set(key, name);
  }
  return names.filter((n) => n.length > 31).map((name) => ({ name, shortened: shortenedSheetName(name) }));
}

/**
 * Cells far to the right, summed row by row as the widths the reader has to fill: a row's values are a
 * dense array up to its last cell, so 20,000 rows each with one cell in column XFD (a 200 KB file) made
 * 300 million entries and never finished. Only columns from AAA (703) on are counted; a sheet whose rows
 * end before that is never near this.
 */
export const MAX_WIDE_CELLS = 2_000_000;

/** True when the tag the scan is inside ends with `/>`. */
function selfClosing(xml: string, from: number): boolean {
  const end = xml.indexOf('>', from);
  return end > 0 && xml.charCodeAt(end - 1) === 47; // '/'
}

/** Row and column claims: rows and cells beyond Excel's grid, and rows reaching far right. Only suspicious addresses are even matched. */
function checkAddresses(xml: string, sheet: string): void {
  // `r="…"` on <row> and <c> (other elements use `ref`/`sqref`). Matches only a 7+ digit row or a column of
  // 3+ letters, so a normal sheet produces no match at all.
  const suspicious = /\sr="([A-Za-z]{0,3})(\d{7,})"|\sr="([A-Za-z]{3,})(\d+)"/g;
  const widest = new Map<number, number>();
  for (let m = suspicious.exec(xml); m !== null; m = suspicious.exec(xml)) {
    const row = Number(m[2] ?? m[4]);
    const letters = (m[1] ?? m[3]).toUpperCase();
    let col = 0;
    for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
    if (row > MAX_ROWS) {
      refuse(`工作表“${sheet}”中声明了第 ${fmt(row)} 行（${letters}${row}），超出 Excel 的最大行数 ${fmt(MAX_ROWS)}，文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后再试。`);
    }
    if (col > MAX_COLUMNS) {
      refuse(`工作表“${sheet}”中声明了单元格 ${letters}${row}，超出 Excel 的最大列 XFD（${fmt(MAX_COLUMNS)} 列），文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后再试。`);
    }
    // A cell with only a style (`<c r="XFD5" s="1"/>`) has no value to pad the row up to.
    if (letters.length >= 3 && col > (widest.get(row) ?? 0) && !selfClosing(xml, suspicious.lastIndex)) widest.set(row, col);
  }
  let wide = 0;
  for (const [row, col] of widest) {
    wide += col;
    if (wide > MAX_WIDE_CELLS) {
      refuse(`工作表“${sheet}”中有 ${fmt(widest.size)} 行的单元格远在右侧（如 ${columnLetters(col - 1)}${row}，第 ${fmt(col)} 列），按此宽度处理超出可处理范围。请在 Excel 中删除这些远处的单元格（包括只有格式或空格的单元格）后再试。`);
    }
  }
}

/** `<col min max>`: ExcelJS makes one column object per claimed column. */
function checkColumns(xml: string, sheet: string): void {
  const cols = /<(?:\w+:)?col\s[^>]*>/g;
  for (let m = cols.exec(xml); m !== null; m = cols.exec(xml)) {
    // parseInt, as ExcelJS reads them.
    const max = parseInt(attr(m[0], 'max') ?? '0', 10);
    if (max > MAX_COLUMNS) {
      refuse(`工作表“${sheet}”的列设置声明到第 ${fmt(max)} 列，超出 Excel 的最大列 XFD（${fmt(MAX_COLUMNS)} 列），文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后再试。`);
    }
  }
}

/** Merged areas: each is a cell object per covered cell in ExcelJS. Returns the area summed over the sheet. */
function checkMerges(xml: string, sheet: string, budget: { left: number }): void {
  const merges = /<(?:\w+:)?mergeCell\s[^>]*>/g;
  let count = 0;
  let area = 0;
  for (let m = merges.exec(xml); m !== null; m = merges.exec(xml)) {
    const ref = attr(m[0], 'ref') ?? '';
    const range = parseRangeA1(ref);
    if (!range) {
      refuse(`工作表“${sheet}”中有合并区域“${ref}”，不是有效的单元格区域，文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后再试。`);
    }
    const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (cells > MAX_MERGED_CELLS) {
      refuse(`工作表“${sheet}”中有合并区域 ${rangeA1(range)}，覆盖 ${fmt(cells)} 个单元格，超出可处理范围（合并区域合计最多 ${fmt(MAX_MERGED_CELLS)} 个单元格）。请在 Excel 中取消这个合并（选中后点“合并后居中”取消），保存后再试。`);
    }
    count++;
    area += cells;
    budget.left -= cells;
    if (budget.left < 0) {
      refuse(`工作表“${sheet}”中的 ${fmt(count)} 个合并区域共覆盖 ${fmt(area)} 个单元格（至 ${rangeA1(range)}），连同其他工作表超出可处理范围（合并区域合计最多 ${fmt(MAX_MERGED_CELLS)} 个单元格）。请在 Excel 中取消不需要的合并，保存后再试。`);
    }
  }
}

/** Every claim of one sheet's XML; `budget` is the merged area left for the whole workbook. */
export function checkSheetClaims(xml: string, sheet: string, budget: { left: number }): void {
  checkAddresses(xml, sheet);
  // Plain `includes` first: each is one fast pass, and the regular expressions then run only on
  // sheets that have the element at all (a 100,000-row ledger has none of them).
  if (xml.includes('col ')) checkColumns(xml, sheet);
  if (xml.includes('mergeCell')) checkMerges(xml, sheet, budget);
}
