/**
 * Reads a workbook file into the snapshot with SheetJS CE (`@e965/xlsx`): cached values only, dates as
 * 1900-system serials with their format, percentages with theirs, merges, hidden sheets and the stored
 * state. SheetJS reads what Excel, WPS, LibreOffice, openpyxl, Apache POI and ExcelJS write, strict
 * OOXML, and the old binary `.xls`/`.et`; the package host uses it only to read, never to write.
 */
import * as XLSX from '@e965/xlsx';
import type { ReadOptions } from '../../core/host';
import { FormatRunBuilder, type CellScalar, type SheetSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { isDateFormat } from '../../core/parse/date';
import { MeaningfulFormats } from '../shared/numberFormat';
import { decodeState, isStateSheetName } from '../shared/stateCodec';
import { WorkbookReadError } from '../xlsx/errors';

/** Days between the 1904 and the 1900 date systems' day 0 (what Excel adds when switching systems). */
const DAYS_1904 = 1462;

/** SheetJS's numeric error codes, as Excel shows them. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export interface ParsedWorkbook {
  book: XLSX.WorkBook;
  /** True for a binary `.xls`/`.et` (or anything else not an OOXML zip) SheetJS read. */
  legacy: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

const NOT_A_WORKBOOK = '无法读取工作簿：文件不是有效的 .xlsx 或 .xls 文件（不是 zip 格式，或文件已损坏）。';

/**
 * Parses the bytes. Only a zip (`.xlsx`) or an OLE compound file (`.xls`, `.et`) is handed to SheetJS,
 * which would otherwise read any text file as a one-column CSV sheet.
 */
export function parseWorkbook(bytes: Uint8Array): ParsedWorkbook {
  const zip = isZip(bytes);
  if (!zip && !startsWith(bytes, OLE)) {
    const first = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new WorkbookReadError(NOT_A_WORKBOOK, { cause: new Error(`neither a zip nor an OLE compound file (first bytes: ${first || 'none'})`) });
  }
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
      bookVBA: false,
      WTF: false,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message)) {
      throw new WorkbookReadError('无法读取工作簿：文件设置了打开密码。请在 Excel 中取消密码并另存后再试。', { cause: err });
    }
    if (!zip) {
      // An OLE file SheetJS cannot read: an .xls it does not know, or an encrypted workbook it did not recognise as one.
      throw new WorkbookReadError(
        '无法读取工作簿：文件是旧版 .xls 格式或设置了打开密码的工作簿，但无法读取其内容。如果设置了打开密码，请在 Excel 中取消密码并“另存为” .xlsx 后再试；否则文件可能已损坏。',
        { cause: err },
      );
    }
    throw new WorkbookReadError('无法读取工作簿：文件不是有效的工作簿（其中的内容无法解析，文件可能已损坏）。请在 Excel 中打开并“另存为” .xlsx 后再试。', { cause: err });
  }
  if (book.SheetNames.length === 0) throw new WorkbookReadError('无法读取工作簿：文件中没有任何工作表，不是有效的 .xlsx 文件。');
  return { book, legacy: !zip };
}

function cellValue(cell: XLSX.CellObject): CellScalar {
  switch (cell.t) {
    case 'n':
    case 's':
    case 'b':
      return typeof cell.v === 'number' || typeof cell.v === 'string' || typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return { error: typeof cell.v === 'number' ? (ERRORS[cell.v] ?? '#N/A') : String(cell.w ?? '#N/A') };
    default:
      return null;
  }
}

const unescapedFormats = new Map<string, string>();

function unescapeFormat(z: string): string {
  if (!z.includes('\\')) return z;
  let out = unescapedFormats.get(z);
  if (out === undefined) unescapedFormats.set(z, (out = z.replace(/\\(.)/g, '$1')));
  return out;
}

function isHidden(book: XLSX.WorkBook, index: number): boolean {
  const hidden = book.Workbook?.Sheets?.[index]?.Hidden;
  return hidden === 1 || hidden === 2;
}

function readSheet(book: XLSX.WorkBook, index: number, meaningful: MeaningfulFormats, date1904: boolean): SheetSnapshot {
  const name = book.SheetNames[index];
  const ws = book.Sheets[name];
  const data: (XLSX.CellObject | undefined)[][] | undefined = ws['!data'];
  const values: (CellScalar[] | undefined)[] = [];
  const formats = new FormatRunBuilder();
  // Cells a merged area covers (other than its top-left) are skipped, as Excel shows them empty.
  const covered = new Set<string>();
  const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  merges.sort((a, b) => a.top - b.top || a.left - b.left);

  for (let r = 0; r < (data?.length ?? 0); r++) {
    const cells = data![r];
    if (!cells) continue;
    let row: CellScalar[] | undefined;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      let v = cellValue(cell);
      if (v === null) continue;
      if (covered.size > 0 && covered.has(`${r},${c}`)) continue;
      if (typeof v === 'number') {
        // Escapes dropped (`yyyy\-mm\-dd` as LibreOffice writes it), as the ExcelJS host reads formats.
        const z = typeof cell.z === 'string' ? unescapeFormat(cell.z) : undefined;
        if (meaningful.matters(z)) {
          if (date1904 && isDateFormat(z)) v += DAYS_1904;
          formats.add(r, c, z);
        }
      }
      row ??= [];
      while (row.length < c) row.push(null);
      row[c] = v;
    }
    if (row) {
      while (values.length < r) values.push(undefined);
      values[r] = row;
    }
  }
  const sheet: SheetSnapshot = { name, index, values, merges };
  if (isHidden(book, index)) sheet.hidden = true;
  const runs = formats.runs();
  if (runs.length > 0) sheet.formats = runs;
  return sheet;
}

/** The JSON chunks stored down column A of a state sheet, joined. */
function storedJson(ws: XLSX.WorkSheet | undefined): string {
  const data: (XLSX.CellObject | undefined)[][] = ws?.['!data'] ?? [];
  let json = '';
  for (let r = 0; ; r++) {
    const v = data[r]?.[0]?.v;
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  return json;
}

/**
 * The sheets that hold (or held) the add-in's state, by tab position; normally one. A sheet the officer
 * can see is theirs whatever it is called. Ours is very hidden; a merely hidden one counts only when it
 * holds a valid state (LibreOffice and WPS may save very hidden as hidden). The same rule as the ExcelJS
 * host's (xlsx/stateSheet.ts), so either finds the state the other stored.
 */
export function stateSheetIndexes(book: XLSX.WorkBook): number[] {
  const out: number[] = [];
  book.SheetNames.forEach((name, index) => {
    if (!isStateSheetName(name)) return;
    const hidden = book.Workbook?.Sheets?.[index]?.Hidden;
    if (hidden === 2) out.push(index);
    else if (hidden === 1 && decodeState(storedJson(book.Sheets[name])).state !== undefined) out.push(index);
  });
  return out;
}

/** The stored state: from the first state sheet whose content decodes, else the first one's problem. */
function storedState(book: XLSX.WorkBook, indexes: readonly number[]): Pick<WorkbookSnapshot, 'state' | 'stateProblem'> {
  let problem: string | undefined;
  for (const index of indexes) {
    const json = storedJson(book.Sheets[book.SheetNames[index]]);
    if (json === '') continue;
    const decoded = decodeState(json);
    if (decoded.state) return { state: decoded.state };
    problem ??= decoded.problem;
  }
  return problem === undefined ? {} : { stateProblem: problem };
}

export function snapshotOf(book: XLSX.WorkBook, options?: ReadOptions): WorkbookSnapshot {
  const meaningful = new MeaningfulFormats();
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const sheets: SheetSnapshot[] = [];
  const names = book.SheetNames;
  const stateSheets = stateSheetIndexes(book);
  names.forEach((name, index) => {
    if (options?.signal?.aborted) throw Object.assign(new Error('已取消读取'), { name: 'AbortError' });
    const ws = book.Sheets[name];
    // Chart sheets hold no cells; the state sheet is the add-in's memory, not input.
    if (!stateSheets.includes(index) && ws && ws['!type'] !== 'chart') sheets.push(readSheet(book, index, meaningful, date1904));
    options?.onProgress?.(index + 1, names.length);
  });
  return { sheets, ...storedState(book, stateSheets) };
}
