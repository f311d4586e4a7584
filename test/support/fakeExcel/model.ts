/**
 * The fake workbook's state: plain in-memory data that tests build (from a `WorkbookSnapshot`-like
 * description) and inspect after the host has applied a patch. The proxy objects in objects.ts read and
 * change it only inside `context.sync()`.
 *
 * Cells hold what `Range.values` reports: numbers, strings, booleans, error text (`#REF!`); empty is
 * absent. Keys are `r * 16384 + c`, 0-based.
 */
import { parseA1 } from '../../../src/core/address';
import type { CellRange, CellScalar, FormatRun } from '../../../src/core/snapshot';
import { FakeExcelError } from './errors';
import { MAX_COLS, parseRect, type Rect } from './address';

export type RawValue = string | number | boolean;

export interface Fill {
  /** `#RRGGBB` */
  color: string;
  pattern: string;
  tintAndShade: number;
  patternColor?: string;
  patternTintAndShade?: number;
}

export interface CellFormat {
  fill?: Fill;
  bold?: boolean;
  size?: number;
  fontColor?: string;
  underline?: string;
  wrap?: boolean;
  align?: string;
  borders?: string[];
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export const cellKey = (r: number, c: number): number => r * MAX_COLS + c;

let sheetIds = 0;
let commentIds = 0;

export class FakeSheet {
  readonly id = `sheet${++sheetIds}`;
  visibility: Visibility = 'Visible';
  /** Values by row, then column (holes for empty cells). */
  rows: ((RawValue | undefined)[] | undefined)[] = [];
  /** Number formats other than General, by row, then column. */
  numberFormats: ((string | undefined)[] | undefined)[] = [];
  readonly formulas = new Map<number, string>();
  readonly formats = new Map<number, CellFormat>();
  merges: Rect[] = [];
  /** Points. */
  readonly columnWidths = new Map<number, number>();
  /** Columns hidden (Range.columnHidden), 0-based. */
  readonly hiddenColumns = new Set<number>();
  frozenRows = 0;
  /** Points, by 0-based row (Range.format.rowHeight). */
  readonly rowHeights = new Map<number, number>();
  /** Worksheet.pageLayout as set (ExcelApi 1.9): what the printed sheet will look like. */
  pageLayout: { orientation?: string; paperSize?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number }; printTitleRows?: string; centerFooter?: string } = {};
  /** By cell address (`C5`). */
  readonly notes = new Map<string, { content: string; author: string }>();
  readonly comments = new Map<string, { id: string; content: string }>();
  deleted = false;

  constructor(public name: string) {}

  value(r: number, c: number): RawValue | undefined {
    return this.rows[r]?.[c];
  }

  setValue(r: number, c: number, v: RawValue | undefined): void {
    if (v === undefined || v === '') {
      const row = this.rows[r];
      if (row && c < row.length) row[c] = undefined;
      return;
    }
    (this.rows[r] ??= [])[c] = v;
  }

  numberFormat(r: number, c: number): string {
    return this.numberFormats[r]?.[c] ?? 'General';
  }

  setNumberFormat(r: number, c: number, fmt: string): void {
    if (fmt === 'General') {
      const row = this.numberFormats[r];
      if (row && c < row.length) row[c] = undefined;
    } else {
      (this.numberFormats[r] ??= [])[c] = fmt;
    }
  }

  format(r: number, c: number): CellFormat {
    return this.formats.get(cellKey(r, c)) ?? {};
  }

  /** Changes a cell's format in place (each cell owns its format object). */
  updateFormat(r: number, c: number, change: (f: CellFormat) => void): void {
    const key = cellKey(r, c);
    let f = this.formats.get(key);
    if (!f) {
      f = {};
      this.formats.set(key, f);
    }
    change(f);
  }

  /** The smallest rectangle holding every value (`valuesOnly`), or null for an empty sheet. */
  usedRange(): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = MAX_COLS;
    let right = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      let first = -1;
      let last = -1;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === undefined) continue;
        if (first < 0) first = c;
        last = c;
      }
      if (first < 0) return;
      if (top < 0) top = r;
      bottom = r;
      if (first < left) left = first;
      if (last > right) right = last;
    });
    return top < 0 ? null : { top, left, bottom, right };
  }

  addComment(cell: string, content: string): string {
    const id = `comment${++commentIds}`;
    this.comments.set(cell, { id, content });
    return id;
  }
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Values as stored by `settings.add` (JSON-round-tripped, as Excel serialises them). */
  readonly settings = new Map<string, unknown>();

  sheet(name: string): FakeSheet {
    const ws = this.find(name);
    if (!ws) throw new Error(`fake workbook has no sheet "${name}"`);
    return ws;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  add(name: string): FakeSheet {
    if (this.find(name)) throw new FakeExcelError('ItemAlreadyExists', `a sheet named "${name}" already exists`);
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeExcelError('InvalidArgument', `bad sheet name "${name}"`);
    const ws = new FakeSheet(name);
    this.sheets.push(ws);
    this.active ??= ws;
    return ws;
  }

  remove(ws: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible' && !s.deleted);
    if (ws.visibility === 'Visible' && visible.length === 1) throw new FakeExcelError('InvalidOperation', 'cannot delete the last visible sheet');
    const i = this.sheets.indexOf(ws);
    this.sheets.splice(i, 1);
    ws.deleted = true;
    if (this.active === ws) this.active = this.sheets.slice(Math.max(0, i - 1)).concat(this.sheets).find((s) => s.visibility === 'Visible');
  }

  move(ws: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new FakeExcelError('InvalidArgument', `position ${position} is out of range`);
    }
    this.sheets.splice(this.sheets.indexOf(ws), 1);
    this.sheets.splice(position, 0, ws);
  }

  // ------------------------------------------------------------------ inspection helpers for tests

  /** What a cell holds: value (as `Range.values` shows it), formula, format, fill, note, comment. */
  cell(sheet: string, address: string): {
    value: RawValue | null;
    formula?: string;
    numberFormat: string;
    format: CellFormat;
    note?: string;
    comment?: string;
  } {
    const ws = this.sheet(sheet);
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    const out: ReturnType<FakeWorkbookModel['cell']> = {
      value: ws.value(at.r, at.c) ?? null,
      numberFormat: ws.numberFormat(at.r, at.c),
      format: ws.format(at.r, at.c),
    };
    const formula = ws.formulas.get(cellKey(at.r, at.c));
    if (formula) out.formula = formula;
    const key = address.replace(/\$/g, '').toUpperCase();
    const note = ws.notes.get(key);
    if (note) out.note = note.content;
    const comment = ws.comments.get(key);
    if (comment) out.comment = comment.content;
    return out;
  }

  /** `#RRGGBB` of a cell's fill, or null for none. */
  fillOf(sheet: string, address: string): string | null {
    return this.cell(sheet, address).format.fill?.color ?? null;
  }

  setFill(sheet: string, address: string, color: string, extra: Partial<Fill> = {}): void {
    const ws = this.sheet(sheet);
    const rect = parseRect(address);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        ws.updateFormat(r, c, (f) => {
          f.fill = { color: color.toUpperCase(), pattern: 'Solid', tintAndShade: 0, ...extra };
        });
      }
    }
  }

  setNote(sheet: string, address: string, content: string, author = '财务科'): void {
    this.sheet(sheet).notes.set(address.toUpperCase(), { content, author });
  }

  setValue(sheet: string, address: string, v: RawValue | null): void {
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    this.sheet(sheet).setValue(at.r, at.c, v ?? undefined);
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }
}

/** A sheet as tests describe it: the snapshot's shape (values, formats, merges, hidden). */
export interface SheetDescription {
  name: string;
  values: readonly (readonly CellScalar[] | undefined)[];
  formats?: readonly FormatRun[];
  merges?: readonly CellRange[];
  hidden?: boolean | 'very';
  index?: number;
}

export function rawOf(v: CellScalar): RawValue | undefined {
  if (v === null) return undefined;
  if (typeof v === 'object') return v.error;
  return v;
}

export function addSheet(model: FakeWorkbookModel, desc: SheetDescription): FakeSheet {
  const ws = model.add(desc.name);
  if (desc.hidden) ws.visibility = desc.hidden === 'very' ? 'VeryHidden' : 'Hidden';
  const rows = desc.values;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = rawOf(row[c]);
      if (v !== undefined && v !== '') ws.setValue(r, c, v);
    }
  }
  for (const run of desc.formats ?? []) {
    for (let r = run.top; r <= run.bottom; r++) ws.setNumberFormat(r, run.col, run.format);
  }
  ws.merges = (desc.merges ?? []).map((m) => ({ ...m }));
  return ws;
}
