/**
 * The proxy objects of the fake: exactly the part of Excel's object model the Office host uses, with
 * Office.js's rules (see context.ts). Each class names its API set; using a member outside the
 * configured sets throws `ApiNotFound`, using a member not listed here throws `FakeUnsupportedError`.
 */
import { a1 } from '../../../src/core/address';
import { cellCount, overlaps, parseAreas, parseRect, rectA1, sheetPrefix, type Rect } from './address';
import { FakeClientResult, ProxyBase, strict, type FakeContext } from './context';
import { FakeExcelError, FakeUnsupportedError } from './errors';
import { coerceTyped, evaluateFormula } from './formulaText';
import { cellKey, type CellFormat, type FakeSheet, type FakeWorkbookModel, type Fill, type RawValue } from './model';

/** Excel's per-read cell limit. */
const MAX_READ_CELLS = 5_000_000;
/** `Worksheet.getRange`'s documented address limit, applied to `getRanges` too. */
const MAX_ADDRESS = 8192;
const WHITE = '#FFFFFF';
const HEX = /^#[0-9A-Fa-f]{6}$/;

interface Area {
  sheet: FakeSheet;
  rects: Rect[];
}

function alive(sheet: FakeSheet): FakeSheet {
  if (sheet.deleted) throw new FakeExcelError('ItemNotFound', `the sheet "${sheet.name}" was deleted`);
  return sheet;
}

function forCells(area: Area, fn: (r: number, c: number) => void): void {
  let n = 0;
  for (const rect of area.rects) n += cellCount(rect);
  if (n > 2_000_000) throw new FakeUnsupportedError(`formatting ${n} cells at once (a whole column?)`);
  for (const rect of area.rects) {
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
  }
}

/** The value all cells share, or null (Excel's rule for reading a property of many cells). */
function uniform<V>(area: Area, get: (r: number, c: number) => V): V | null {
  let first = true;
  let value: V | null = null;
  forCells(area, (r, c) => {
    const v = get(r, c);
    if (first) {
      value = v;
      first = false;
    } else if (value !== v) {
      value = null;
    }
  });
  return value;
}

function checkColor(v: unknown): string {
  if (typeof v !== 'string' || !HEX.test(v)) throw new FakeExcelError('InvalidArgument', `colour "${String(v)}" (the fake takes #RRGGBB)`);
  return v.toUpperCase();
}

/** A 2-D input matching `rows` × `cols`, or one value for every cell. */
function cellsOf(input: unknown, rect: Rect, what: string): (r: number, c: number) => unknown {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(input)) return () => input;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeExcelError('InvalidArgument', `${what}: the array is not ${rows} × ${cols}`);
  }
  return (r, c) => (input[r - rect.top] as unknown[])[c - rect.left];
}

/** Writes one cell as `Range.values`/`formulas` does. */
function writeCell(sheet: FakeSheet, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  const key = cellKey(r, c);
  sheet.formulas.delete(key);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeExcelError('InvalidArgument', `${input} is not a number Excel can store`);
    sheet.setValue(r, c, input);
    return;
  }
  if (typeof input === 'boolean') {
    sheet.setValue(r, c, input);
    return;
  }
  if (typeof input !== 'string') throw new FakeExcelError('InvalidArgument', `cannot write ${typeof input} to a cell`);
  if (input.length > 32_767) throw new FakeExcelError('InvalidArgument', 'more than 32,767 characters in one cell');
  if (input === '') {
    sheet.setValue(r, c, undefined);
    return;
  }
  if (sheet.numberFormat(r, c) === '@') {
    sheet.setValue(r, c, input);
    return;
  }
  if (input.startsWith('=')) {
    sheet.formulas.set(key, input);
    sheet.setValue(r, c, evaluateFormula(input));
    return;
  }
  sheet.setValue(r, c, coerceTyped(input));
}

function inside(rect: Rect, r: number, c: number): boolean {
  return r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right;
}

/** Clears values (and formulas) and/or formats, touching only cells that hold something. */
function clearRect(sheet: FakeSheet, rect: Rect, what: string): void {
  const grids = what === 'Contents' ? [sheet.rows] : what === 'Formats' ? [sheet.numberFormats] : [sheet.rows, sheet.numberFormats];
  for (const grid of grids) {
    const last = Math.min(rect.bottom, grid.length - 1);
    for (let r = rect.top; r <= last; r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = rect.left; c <= Math.min(rect.right, row.length - 1); c++) row[c] = undefined;
    }
  }
  const keyed: Map<number, unknown>[] = what === 'Contents' ? [sheet.formulas] : what === 'Formats' ? [sheet.formats] : [sheet.formulas, sheet.formats];
  for (const map of keyed) {
    for (const key of [...map.keys()]) {
      const r = Math.floor(key / 16_384);
      if (inside(rect, r, key - r * 16_384)) map.delete(key);
    }
  }
}

function rectOfCell(address: string): Rect {
  const rect = parseRect(address);
  if (cellCount(rect) !== 1) throw new FakeExcelError('InvalidCellAddress', `"${address}" is not a single cell`);
  return rect;
}

// ------------------------------------------------------------------------------------------ workbook

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;

  constructor(
    private readonly ctx: FakeContext,
    model: FakeWorkbookModel,
  ) {
    this.workbook = strict(new FakeWorkbook(ctx, model));
  }

  sync(): Promise<void> {
    return this.ctx.sync();
  }
}

export class FakeWorkbook extends ProxyBase<FakeWorkbookModel> {
  private _worksheets?: FakeWorksheetCollection;
  private _settings?: FakeSettingCollection;

  constructor(
    ctx: FakeContext,
    private readonly _model: FakeWorkbookModel,
  ) {
    super(ctx, 'workbook', undefined, [], () => _model);
  }

  protected _loadable(): readonly string[] {
    return [];
  }

  protected _read(): unknown {
    return undefined;
  }

  get worksheets(): FakeWorksheetCollection {
    this._worksheets ??= strict(new FakeWorksheetCollection(this._ctx, this._path, this._model));
    return this._worksheets;
  }

  /** ExcelApi 1.4 */
  get settings(): FakeSettingCollection {
    this._ctx.requires('1.4', 'workbook.settings');
    this._settings ??= strict(new FakeSettingCollection(this._ctx, this._path, this._model));
    return this._settings;
  }
}

export class FakeWorksheetCollection extends ProxyBase<FakeWorkbookModel> {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _model: FakeWorkbookModel,
  ) {
    super(ctx, 'worksheets', parent, [], () => _model);
  }

  protected _loadable(): readonly string[] {
    return ['items/name', 'items/position', 'items/visibility'];
  }

  protected _read(model: FakeWorkbookModel, name: string): unknown {
    const prop = name.slice('items/'.length);
    return model.sheets.map((s) => sheetProperty(model, s, prop));
  }

  override load(spec?: string | string[]): this {
    super.load(spec);
    const names = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((s) => s.trim().slice('items/'.length));
    let sheets: FakeSheet[] = [];
    this._ctx.enqueue(this._path, 'QueryItems', [], {
      run: () => {
        sheets = [...this._model.sheets];
        return null;
      },
      commit: () => {
        const items = sheets.map((sheet) => {
          const item = strict(new FakeWorksheet(this._ctx, this._path, 'getItemAt', [sheet.name], this._model, () => sheet));
          item._preload(new Map(names.map((n) => [n, sheetProperty(this._model, sheet, n)])));
          return item;
        });
        this._preload(new Map([['items', items]]));
      },
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this._get<FakeWorksheet[]>('items');
  }

  getItem(name: string): FakeWorksheet {
    return strict(new FakeWorksheet(this._ctx, this._path, 'getItem', [name], this._model, () => {
      const s = this._model.find(name);
      if (!s) throw new FakeExcelError('ItemNotFound', `no sheet named "${name}"`);
      return s;
    }));
  }

  /** ExcelApi 1.4 */
  getItemOrNullObject(name: string): FakeWorksheet {
    this._ctx.requires('1.4', 'worksheets.getItemOrNullObject');
    return strict(new FakeWorksheet(this._ctx, this._path, 'getItemOrNullObject', [name], this._model, () => this._model.find(name) ?? null));
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const ws = strict(new FakeWorksheet(this._ctx, this._path, 'add', [name], this._model, () => {
      if (!created) throw new FakeExcelError('InvalidObjectPath', 'a sheet used before the sync that adds it ran');
      return created;
    }));
    this._call('add', [name], (model) => {
      created = model.add(name);
    });
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return strict(new FakeWorksheet(this._ctx, this._path, 'getActiveWorksheet', [], this._model, () => {
      if (!this._model.active) throw new FakeExcelError('ItemNotFound', 'no active sheet');
      return this._model.active;
    }));
  }
}

function sheetProperty(model: FakeWorkbookModel, sheet: FakeSheet, prop: string): unknown {
  switch (prop) {
    case 'name':
      return sheet.name;
    case 'position':
      return model.sheets.indexOf(sheet);
    case 'visibility':
      return sheet.visibility;
    default:
      throw new FakeUnsupportedError(`worksheet property ${prop}`);
  }
}

// ----------------------------------------------------------------------------------------- worksheet

export class FakeWorksheet extends ProxyBase<FakeSheet> {
  private _freeze?: FakeFreezePanes;
  private _layout?: FakePageLayout;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;

  constructor(
    ctx: FakeContext,
    parent: number,
    how: string,
    args: unknown[],
    private readonly _model: FakeWorkbookModel,
    resolver: () => FakeSheet | null,
  ) {
    super(ctx, how, parent, args, resolver);
  }

  override _resolve(): FakeSheet | null {
    const s = super._resolve();
    return s === null ? null : alive(s);
  }

  protected _loadable(): readonly string[] {
    return ['name', 'position', 'visibility'];
  }

  protected _read(sheet: FakeSheet, name: string): unknown {
    return sheetProperty(this._model, sheet, name);
  }

  get name(): string {
    return this._get('name');
  }

  get position(): number {
    return this._get('position');
  }

  set position(p: number) {
    this._set('position', p, (sheet) => {
      this._ctx.undoable('Worksheet.position');
      this._model.move(sheet, p);
    });
  }

  get visibility(): string {
    return this._get('visibility');
  }

  set visibility(v: string) {
    this._set('visibility', v, (sheet) => {
      this._ctx.undoable('Worksheet.visibility');
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeExcelError('InvalidArgument', `visibility ${v}`);
      if (v !== 'Visible' && sheet.visibility === 'Visible' && this._model.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
        throw new FakeExcelError('InvalidOperation', 'cannot hide the last visible sheet');
      }
      sheet.visibility = v;
      if (v !== 'Visible' && this._model.active === sheet) this._model.active = this._model.sheets.find((s) => s.visibility === 'Visible');
    });
  }

  private _range(how: string, args: unknown[], rect: () => Rect): FakeRange {
    return strict(new FakeRange(this._ctx, this._path, how, args, this._model, () => ({ sheet: this._require(how), rects: [rect()] })));
  }

  getRange(address?: string): FakeRange {
    if (address !== undefined && address.length > MAX_ADDRESS) throw new FakeExcelError('InvalidArgument', `address longer than ${MAX_ADDRESS} characters`);
    return this._range('getRange', address === undefined ? [] : [address], () =>
      address === undefined ? { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } : parseRect(address),
    );
  }

  /** ExcelApi 1.7 */
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this._ctx.requires('1.7', 'worksheet.getRangeByIndexes');
    if (![row, col, rows, cols].every(Number.isInteger) || row < 0 || col < 0 || rows < 1 || cols < 1) {
      throw new FakeExcelError('InvalidArgument', `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
    }
    return this._range('getRangeByIndexes', [row, col, rows, cols], () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }

  /** ExcelApi 1.9 */
  getRanges(address: string): FakeRangeAreas {
    this._ctx.requires('1.9', 'worksheet.getRanges');
    return strict(new FakeRangeAreas(this._ctx, this._path, 'getRanges', [address], this._model, () => {
      if (address.length > MAX_ADDRESS) throw new FakeExcelError('InvalidArgument', `address longer than ${MAX_ADDRESS} characters`);
      return { sheet: this._require('getRanges'), rects: parseAreas(address) };
    }));
  }

  /** ExcelApi 1.4 */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this._ctx.requires('1.4', 'worksheet.getUsedRangeOrNullObject');
    if (valuesOnly !== true) throw new FakeUnsupportedError('getUsedRangeOrNullObject without valuesOnly (the fake has no formatting-only cells)');
    return strict(new FakeRange(this._ctx, this._path, 'getUsedRangeOrNullObject', [true], this._model, () => {
      const sheet = this._require('getUsedRangeOrNullObject');
      const used = sheet.usedRange();
      return used ? { sheet, rects: [used] } : null;
    }));
  }

  delete(): void {
    this._call('delete', [], (sheet) => {
      this._ctx.undoable('Worksheet.delete');
      this._model.remove(sheet);
    });
  }

  activate(): void {
    this._call('activate', [], (sheet) => {
      if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `cannot activate the hidden sheet "${sheet.name}"`);
      this._model.active = sheet;
    });
  }

  /** ExcelApi 1.7 */
  get freezePanes(): FakeFreezePanes {
    this._ctx.requires('1.7', 'worksheet.freezePanes');
    this._freeze ??= strict(new FakeFreezePanes(this._ctx, this._path, () => this._require('freezePanes')));
    return this._freeze;
  }

  /** ExcelApi 1.9 */
  get pageLayout(): FakePageLayout {
    this._ctx.requires('1.9', 'worksheet.pageLayout');
    this._layout ??= strict(new FakePageLayout(this._ctx, this._path, () => this._require('pageLayout')));
    return this._layout;
  }

  /** ExcelApi 1.18 */
  get notes(): FakeNoteCollection {
    this._ctx.requires('1.18', 'worksheet.notes');
    this._notes ??= strict(new FakeNoteCollection(this._ctx, this._path, this._model, () => this._require('notes')));
    return this._notes;
  }

  /** ExcelApi 1.10 */
  get comments(): FakeCommentCollection {
    this._ctx.requires('1.10', 'worksheet.comments');
    this._comments ??= strict(new FakeCommentCollection(this._ctx, this._path, this._model, () => this._require('comments')));
    return this._comments;
  }
}

export class FakeFreezePanes extends ProxyBase<FakeSheet> {
  constructor(ctx: FakeContext, parent: number, resolver: () => FakeSheet) {
    super(ctx, 'freezePanes', parent, [], resolver);
  }

  protected _loadable(): readonly string[] {
    return [];
  }

  protected _read(): unknown {
    return undefined;
  }

  unfreeze(): void {
    this._call('unfreeze', [], (sheet) => {
      sheet.frozenRows = 0;
    });
  }

  freezeRows(count: number): void {
    this._call('freezeRows', [count], (sheet) => {
      sheet.frozenRows = count;
    });
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): the print set-up the host writes, kept on the sheet's model. */
export class FakePageLayout extends ProxyBase<FakeSheet> {
  private _footers?: { defaultForAllPages: { centerFooter: string } };

  constructor(ctx: FakeContext, parent: number, resolver: () => FakeSheet) {
    super(ctx, 'pageLayout', parent, [], resolver);
  }

  protected _loadable(): readonly string[] {
    return [];
  }

  protected _read(): unknown {
    return undefined;
  }

  set orientation(v: string) {
    if (v !== 'Landscape' && v !== 'Portrait') throw new FakeExcelError('InvalidArgument', `orientation ${v}`);
    this._set('orientation', v, (sheet) => {
      sheet.pageLayout.orientation = v;
    });
  }

  set paperSize(v: string) {
    this._set('paperSize', v, (sheet) => {
      sheet.pageLayout.paperSize = v;
    });
  }

  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this._set('zoom', v, (sheet) => {
      sheet.pageLayout.zoom = { ...v };
    });
  }

  setPrintTitleRows(rows: string): void {
    if (typeof rows !== 'string' || !/^\$\d+:\$\d+$/.test(rows)) throw new FakeExcelError('InvalidArgument', `print title rows ${String(rows)}`);
    this._call('setPrintTitleRows', [rows], (sheet) => {
      sheet.pageLayout.printTitleRows = rows;
    });
  }

  /** headersFooters.defaultForAllPages.centerFooter, set through to the model. */
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const set = (v: string) => this._set('centerFooter', v, (sheet) => {
      sheet.pageLayout.centerFooter = v;
    });
    this._footers ??= { defaultForAllPages: Object.defineProperty({} as { centerFooter: string }, 'centerFooter', { set, enumerable: true }) };
    return this._footers;
  }
}

// --------------------------------------------------------------------------------------------- range

abstract class AreaProxy extends ProxyBase<Area> {
  private _format?: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    parent: number,
    how: string,
    args: unknown[],
    protected readonly _model: FakeWorkbookModel,
    resolver: () => Area | null,
  ) {
    super(ctx, how, parent, args, resolver);
  }

  get format(): FakeRangeFormat {
    this._format ??= strict(new FakeRangeFormat(this._ctx, this._path, () => this._require('format')));
    return this._format;
  }

  protected _address(area: Area): string {
    return area.rects.map((rect) => `${sheetPrefix(area.sheet.name)}${rectA1(rect)}`).join(', ');
  }
}

export class FakeRange extends AreaProxy {
  protected _loadable(): readonly string[] {
    return ['values', 'numberFormat', 'formulas', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address'];
  }

  protected _read(area: Area, name: string): unknown {
    const rect = area.rects[0];
    const sheet = alive(area.sheet);
    const grid = (cell: (r: number, c: number) => unknown): unknown[][] => {
      if (cellCount(rect) > MAX_READ_CELLS) throw new FakeExcelError('RangeExceedsLimit', `reading ${cellCount(rect)} cells at once`);
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(cell(r, c));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case 'values':
        return grid((r, c) => sheet.value(r, c) ?? '');
      case 'numberFormat':
        return grid((r, c) => sheet.numberFormat(r, c));
      case 'formulas':
        return grid((r, c) => sheet.formulas.get(cellKey(r, c)) ?? sheet.value(r, c) ?? '');
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'address':
        return this._address(area);
      default:
        throw new FakeUnsupportedError(`range property ${name}`);
    }
  }

  get values(): RawValue[][] {
    return this._get('values');
  }

  set values(v: unknown[][]) {
    this._write('values', v);
  }

  get formulas(): unknown[][] {
    return this._get('formulas');
  }

  set formulas(v: unknown[][]) {
    this._write('formulas', v);
  }

  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }

  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v, (area) => {
      const rect = area.rects[0];
      const at = cellsOf(v, rect, 'numberFormat');
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const fmt = at(r, c);
          if (fmt === null || fmt === undefined) continue;
          if (typeof fmt !== 'string') throw new FakeExcelError('InvalidArgument', 'a number format must be a string');
          area.sheet.setNumberFormat(r, c, fmt);
        }
      }
    });
  }

  get rowIndex(): number {
    return this._get('rowIndex');
  }

  get columnIndex(): number {
    return this._get('columnIndex');
  }

  get rowCount(): number {
    return this._get('rowCount');
  }

  get columnCount(): number {
    return this._get('columnCount');
  }

  get address(): string {
    return this._get('address');
  }

  /** ExcelApi 1.2: hides or shows every column the range touches (whole columns, as in Excel). */
  set columnHidden(v: boolean) {
    this._ctx.requires('1.2', 'range.columnHidden');
    if (typeof v !== 'boolean') throw new FakeExcelError('InvalidArgument', 'columnHidden must be a boolean');
    this._set('columnHidden', v, (area) => {
      const rect = area.rects[0];
      for (let c = rect.left; c <= rect.right; c++) {
        if (v) area.sheet.hiddenColumns.add(c);
        else area.sheet.hiddenColumns.delete(c);
      }
    });
  }

  private _write(name: string, v: unknown[][]): void {
    this._set(name, v, (area) => {
      const rect = area.rects[0];
      const at = cellsOf(v, rect, name);
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) writeCell(area.sheet, r, c, at(r, c));
    });
  }

  merge(across?: boolean): void {
    if (across) throw new FakeUnsupportedError('merge(true)');
    this._call('merge', [false], (area) => {
      const rect = area.rects[0];
      if (area.sheet.merges.some((m) => overlaps(m, rect))) throw new FakeExcelError('InvalidArgument', `merge ${rectA1(rect)} overlaps a merged area`);
      if (cellCount(rect) < 2) return;
      area.sheet.merges.push({ ...rect });
      // Like Excel, the merged area keeps the top-left cell's value, and its format spreads over the area.
      const format = area.sheet.format(rect.top, rect.left);
      forCells({ sheet: area.sheet, rects: [rect] }, (r, c) => {
        if (r !== rect.top || c !== rect.left) {
          area.sheet.setValue(r, c, undefined);
          area.sheet.formulas.delete(cellKey(r, c));
          area.sheet.updateFormat(r, c, (f) => Object.assign(f, structuredClone(format)));
        }
      });
    });
  }

  /** Only 'All', 'Contents' and 'Formats'; notes and comments stay, as the host never relies on either. */
  clear(applyTo: string = 'All'): void {
    if (!['All', 'Contents', 'Formats'].includes(applyTo)) throw new FakeUnsupportedError(`clear("${applyTo}")`);
    this._call('clear', [applyTo], (area) => clearRect(area.sheet, area.rects[0], applyTo));
  }

  /** ExcelApi 1.2: splits every merged area that intersects the range. */
  unmerge(): void {
    this._ctx.requires('1.2', 'range.unmerge');
    this._call('unmerge', [], (area) => {
      area.sheet.merges = area.sheet.merges.filter((m) => !overlaps(m, area.rects[0]));
    });
  }

  /** ExcelApi 1.13: merged areas whose top-left cell lies in this range. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this._ctx.requires('1.13', 'range.getMergedAreasOrNullObject');
    return strict(new FakeRangeAreas(this._ctx, this._path, 'getMergedAreasOrNullObject', [], this._model, () => {
      const area = this._require('getMergedAreasOrNullObject');
      const rect = area.rects[0];
      const merges = area.sheet.merges.filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right);
      return merges.length > 0 ? { sheet: area.sheet, rects: merges.map((m) => ({ ...m })) } : null;
    }));
  }

  /** ExcelApi 1.9, fill properties only. */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): FakeClientResult<Excel.CellProperties[][]> {
    this._ctx.requires('1.9', 'range.getCellProperties');
    const keys = Object.keys(options);
    const fillOptions = options.format?.fill;
    if (keys.length !== 1 || keys[0] !== 'format' || Object.keys(options.format ?? {}).join() !== 'fill' || !fillOptions) {
      throw new FakeUnsupportedError(`getCellProperties(${JSON.stringify(options)}) beyond format.fill`);
    }
    const wanted = Object.entries(fillOptions).filter(([, on]) => on).map(([k]) => k);
    for (const k of wanted) if (!['color', 'pattern', 'tintAndShade', 'patternColor', 'patternTintAndShade'].includes(k)) throw new FakeUnsupportedError(`cell property fill.${k}`);
    return this._callResult('getCellProperties', [options], (area) => {
      const rect = area.rects[0];
      if (cellCount(rect) > MAX_READ_CELLS) throw new FakeExcelError('RangeExceedsLimit', 'getCellProperties on too many cells');
      const out: Excel.CellProperties[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: Excel.CellProperties[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const props = fillProperties(area.sheet.format(r, c).fill);
          const fill: Record<string, unknown> = {};
          for (const k of wanted) fill[k] = props[k as keyof typeof props];
          row.push({ format: { fill } } as Excel.CellProperties);
        }
        out.push(row);
      }
      return out;
    });
  }

  select(): void {
    this._call('select', [], (area) => {
      if (area.sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'cannot select on a hidden sheet');
      this._model.active = area.sheet;
      this._model.selection = { sheet: area.sheet.name, address: rectA1(area.rects[0]) };
    });
  }
}

export class FakeRangeAreas extends AreaProxy {
  protected _loadable(): readonly string[] {
    return ['address', 'areaCount', 'cellCount'];
  }

  protected _read(area: Area, name: string): unknown {
    switch (name) {
      case 'address':
        return this._address(area);
      case 'areaCount':
        return area.rects.length;
      case 'cellCount':
        return area.rects.reduce((n, r) => n + cellCount(r), 0);
      default:
        throw new FakeUnsupportedError(`RangeAreas property ${name}`);
    }
  }

  get address(): string {
    return this._get('address');
  }

  get areaCount(): number {
    return this._get('areaCount');
  }
}

// -------------------------------------------------------------------------------------------- format

/** What Excel reports for a cell's fill: no fill reads as white, without pattern or tint (office-js #4900). */
function fillProperties(fill: Fill | undefined): { color: string; pattern: string | null; tintAndShade: number | null; patternColor: string | null; patternTintAndShade: number | null } {
  if (!fill) return { color: WHITE, pattern: null, tintAndShade: null, patternColor: null, patternTintAndShade: null };
  return {
    color: fill.color,
    pattern: fill.pattern,
    tintAndShade: fill.tintAndShade,
    patternColor: fill.patternColor ?? null,
    patternTintAndShade: fill.patternTintAndShade ?? null,
  };
}

abstract class FormatPart extends ProxyBase<Area> {
  constructor(ctx: FakeContext, parent: number, name: string, resolver: () => Area) {
    super(ctx, name, parent, [], resolver);
  }

  protected _each(name: string, value: unknown, change: (f: CellFormat, r: number, c: number, area: Area) => void): void {
    this._set(name, value, (area) => forCells(area, (r, c) => area.sheet.updateFormat(r, c, (f) => change(f, r, c, area))));
  }
}

export class FakeRangeFormat extends FormatPart {
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;
  private _borders?: FakeBorderCollection;

  constructor(ctx: FakeContext, parent: number, resolver: () => Area) {
    super(ctx, parent, 'format', resolver);
  }

  protected _loadable(): readonly string[] {
    return ['columnWidth', 'wrapText', 'horizontalAlignment'];
  }

  protected _read(area: Area, name: string): unknown {
    switch (name) {
      case 'columnWidth':
        return uniform({ sheet: area.sheet, rects: area.rects.map((r) => ({ ...r, top: 0, bottom: 0 })) }, (_r, c) => area.sheet.columnWidths.get(c) ?? 48);
      case 'wrapText':
        return uniform(area, (r, c) => area.sheet.format(r, c).wrap ?? false);
      default:
        return uniform(area, (r, c) => area.sheet.format(r, c).align ?? 'General');
    }
  }

  get fill(): FakeRangeFill {
    this._fill ??= strict(new FakeRangeFill(this._ctx, this._path, () => this._require('fill')));
    return this._fill;
  }

  get font(): FakeRangeFont {
    this._font ??= strict(new FakeRangeFont(this._ctx, this._path, () => this._require('font')));
    return this._font;
  }

  get borders(): FakeBorderCollection {
    this._borders ??= strict(new FakeBorderCollection(this._ctx, this._path, () => this._require('borders')));
    return this._borders;
  }

  set wrapText(v: boolean) {
    this._each('wrapText', v, (f) => {
      f.wrap = v;
    });
  }

  set horizontalAlignment(v: string) {
    if (!['General', 'Left', 'Center', 'Right'].includes(v)) throw new FakeUnsupportedError(`horizontalAlignment ${v}`);
    this._each('horizontalAlignment', v, (f) => {
      f.align = v;
    });
  }

  /** ExcelApi 1.7; only `true` means anything, as in Excel. */
  set useStandardWidth(v: boolean) {
    this._ctx.requires('1.7', 'format.useStandardWidth');
    this._set('useStandardWidth', v, (area) => {
      if (!v) return;
      for (const rect of area.rects) {
        for (const c of [...area.sheet.columnWidths.keys()]) if (c >= rect.left && c <= rect.right) area.sheet.columnWidths.delete(c);
      }
    });
  }

  /** ExcelApi 1.2; points. Sets the height of every row the range touches. */
  set rowHeight(points: number) {
    this._ctx.requires('1.2', 'format.rowHeight');
    this._set('rowHeight', points, (area) => {
      if (!(points >= 0 && points <= 409)) throw new FakeExcelError('InvalidArgument', `row height ${points}`);
      for (const rect of area.rects) for (let r = rect.top; r <= rect.bottom; r++) area.sheet.rowHeights.set(r, points);
    });
  }

  /** ExcelApi 1.2; points. Sets the width of every column the range touches. */
  set columnWidth(points: number) {
    this._ctx.requires('1.2', 'format.columnWidth');
    this._set('columnWidth', points, (area) => {
      if (!(points >= 0 && points <= 255 * 7.5)) throw new FakeExcelError('InvalidArgument', `column width ${points}`);
      for (const rect of area.rects) for (let c = rect.left; c <= rect.right; c++) area.sheet.columnWidths.set(c, points);
    });
  }
}

export class FakeRangeFill extends FormatPart {
  constructor(ctx: FakeContext, parent: number, resolver: () => Area) {
    super(ctx, parent, 'fill', resolver);
  }

  protected _loadable(): readonly string[] {
    return ['color', 'pattern', 'tintAndShade', 'patternColor', 'patternTintAndShade'];
  }

  override load(spec?: string | string[]): this {
    const names = Array.isArray(spec) ? spec : (spec ?? '').split(',');
    if (names.some((n) => n.trim() !== 'color')) this._ctx.requires('1.9', 'fill.pattern / tintAndShade');
    return super.load(spec);
  }

  protected _read(area: Area, name: string): unknown {
    const key = name as keyof ReturnType<typeof fillProperties>;
    return uniform(area, (r, c) => fillProperties(area.sheet.format(r, c).fill)[key]);
  }

  get color(): string {
    return this._get('color');
  }

  set color(v: string) {
    const color = checkColor(v);
    this._each('color', v, (f) => {
      f.fill = { ...(f.fill ?? { pattern: 'Solid' }), color, tintAndShade: 0 };
    });
  }

  get pattern(): string | null {
    return this._get('pattern');
  }

  set pattern(v: string) {
    this._ctx.requires('1.9', 'fill.pattern');
    this._each('pattern', v, (f) => {
      f.fill = { ...(f.fill ?? { color: WHITE, tintAndShade: 0 }), pattern: v };
    });
  }

  get tintAndShade(): number | null {
    return this._get('tintAndShade');
  }

  set tintAndShade(v: number) {
    this._ctx.requires('1.9', 'fill.tintAndShade');
    this._each('tintAndShade', v, (f) => {
      f.fill = { ...(f.fill ?? { color: WHITE, pattern: 'Solid' }), tintAndShade: v };
    });
  }

  set patternColor(v: string) {
    this._ctx.requires('1.9', 'fill.patternColor');
    const color = checkColor(v);
    this._each('patternColor', v, (f) => {
      f.fill = { ...(f.fill ?? { color: WHITE, pattern: 'Solid', tintAndShade: 0 }), patternColor: color };
    });
  }

  set patternTintAndShade(v: number) {
    this._ctx.requires('1.9', 'fill.patternTintAndShade');
    this._each('patternTintAndShade', v, (f) => {
      f.fill = { ...(f.fill ?? { color: WHITE, pattern: 'Solid', tintAndShade: 0 }), patternTintAndShade: v };
    });
  }

  clear(): void {
    this._call('clear', [], (area) =>
      forCells(area, (r, c) =>
        area.sheet.updateFormat(r, c, (f) => {
          delete f.fill;
        }),
      ),
    );
  }
}

export class FakeRangeFont extends FormatPart {
  constructor(ctx: FakeContext, parent: number, resolver: () => Area) {
    super(ctx, parent, 'font', resolver);
  }

  protected _loadable(): readonly string[] {
    return ['bold', 'size', 'color', 'underline'];
  }

  protected _read(area: Area, name: string): unknown {
    return uniform(area, (r, c) => {
      const f = area.sheet.format(r, c);
      switch (name) {
        case 'bold':
          return f.bold ?? false;
        case 'size':
          return f.size ?? 11;
        case 'color':
          return f.fontColor ?? '#000000';
        default:
          return f.underline ?? 'None';
      }
    });
  }

  set bold(v: boolean) {
    this._each('bold', v, (f) => {
      f.bold = v;
    });
  }

  set size(v: number) {
    this._each('size', v, (f) => {
      f.size = v;
    });
  }

  set color(v: string) {
    const color = checkColor(v);
    this._each('color', v, (f) => {
      f.fontColor = color;
    });
  }

  set underline(v: string) {
    if (v !== 'None' && v !== 'Single') throw new FakeUnsupportedError(`underline ${v}`);
    this._each('underline', v, (f) => {
      f.underline = v;
    });
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

export class FakeBorderCollection extends ProxyBase<Area> {
  constructor(ctx: FakeContext, parent: number, resolver: () => Area) {
    super(ctx, 'borders', parent, [], resolver);
  }

  protected _loadable(): readonly string[] {
    return [];
  }

  protected _read(): unknown {
    return undefined;
  }

  getItem(index: string): FakeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new FakeUnsupportedError(`border ${index}`);
    return strict(new FakeBorder(this._ctx, this._path, index, () => this._require('getItem')));
  }
}

export class FakeBorder extends FormatPart {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _index: string,
    resolver: () => Area,
  ) {
    super(ctx, parent, 'getItem', resolver);
  }

  protected _loadable(): readonly string[] {
    return [];
  }

  protected _read(): unknown {
    return undefined;
  }

  set style(v: string) {
    if (v !== 'Continuous' && v !== 'None') throw new FakeUnsupportedError(`border style ${v}`);
    this._each('style', v, (f) => {
      const set = new Set(f.borders ?? []);
      if (v === 'None') set.delete(this._index);
      else set.add(this._index);
      f.borders = [...set].sort();
    });
  }
}

// ------------------------------------------------------------------------------------ notes, comments

interface NoteRef {
  sheet: FakeSheet;
  cell: string;
}

export class FakeNoteCollection extends ProxyBase<FakeSheet> {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _model: FakeWorkbookModel,
    resolver: () => FakeSheet,
  ) {
    super(ctx, 'notes', parent, [], resolver);
  }

  protected _loadable(): readonly string[] {
    return ['items/content'];
  }

  protected _read(sheet: FakeSheet): unknown {
    return [...sheet.notes.values()].map((n) => n.content);
  }

  override load(spec?: string | string[]): this {
    super.load(spec);
    let refs: NoteRef[] = [];
    this._ctx.enqueue(this._path, 'QueryItems', [], {
      run: () => {
        const sheet = this._require('notes');
        refs = [...sheet.notes.keys()].map((cell) => ({ sheet, cell }));
        return null;
      },
      commit: () => {
        const items = refs.map((ref) => {
          const note = strict(new FakeNote(this._ctx, this._path, this._model, ref));
          note._preload(new Map([['content', ref.sheet.notes.get(ref.cell)?.content]]));
          return note;
        });
        this._preload(new Map([['items', items]]));
      },
    });
    return this;
  }

  get items(): FakeNote[] {
    return this._get('items');
  }

  add(cell: FakeRange | string, content: string): FakeNote {
    let ref: NoteRef | null = null;
    const note = strict(new FakeNote(this._ctx, this._path, this._model, () => {
      if (!ref) throw new FakeExcelError('InvalidObjectPath', 'a note used before the sync that adds it ran');
      return ref;
    }));
    this._call('add', [typeof cell === 'string' ? cell : { range: cell._path }, content], (sheet) => {
      const address = noteCell(sheet, cell);
      if (sheet.notes.has(address)) throw new FakeExcelError('InvalidArgument', `the cell ${address} already has a note`);
      if (typeof content !== 'string') throw new FakeExcelError('InvalidArgument', 'note content must be text');
      sheet.notes.set(address, { content, author: 'jixiao' });
      ref = { sheet, cell: address };
    });
    return note;
  }
}

/** The single cell a note or comment goes on, from a Range proxy (of this sheet) or an address. */
function noteCell(sheet: FakeSheet, cell: FakeRange | string): string {
  if (typeof cell === 'string') {
    const rect = rectOfCell(cell);
    return a1(rect.top, rect.left);
  }
  const area = cell._require('note location');
  if (area.sheet !== sheet) throw new FakeExcelError('InvalidArgument', 'the cell is on another sheet');
  const rect = area.rects[0];
  if (cellCount(rect) !== 1) throw new FakeExcelError('InvalidCellAddress', 'not a single cell');
  return a1(rect.top, rect.left);
}

export class FakeNote extends ProxyBase<NoteRef> {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _model: FakeWorkbookModel,
    ref: NoteRef | (() => NoteRef),
  ) {
    super(ctx, 'note', parent, [], typeof ref === 'function' ? ref : () => ref);
  }

  override _resolve(): NoteRef | null {
    const ref = super._resolve();
    if (ref && (ref.sheet.deleted || !ref.sheet.notes.has(ref.cell))) throw new FakeExcelError('ItemNotFound', `the note on ${ref.cell} is gone`);
    return ref;
  }

  protected _loadable(): readonly string[] {
    return ['content'];
  }

  protected _read(ref: NoteRef): unknown {
    return ref.sheet.notes.get(ref.cell)?.content;
  }

  get content(): string {
    return this._get('content');
  }

  set content(v: string) {
    this._set('content', v, (ref) => {
      ref.sheet.notes.get(ref.cell)!.content = v;
    });
  }

  delete(): void {
    this._call('delete', [], (ref) => {
      ref.sheet.notes.delete(ref.cell);
    });
  }

  getLocation(): FakeRange {
    return strict(new FakeRange(this._ctx, this._path, 'getLocation', [], this._model, () => {
      const ref = this._require('getLocation');
      return { sheet: ref.sheet, rects: [parseRect(ref.cell)] };
    }));
  }
}

interface CommentRef {
  sheet: FakeSheet;
  id: string;
}

function commentCell(ref: CommentRef): string | undefined {
  for (const [cell, c] of ref.sheet.comments) if (c.id === ref.id) return cell;
  return undefined;
}

export class FakeCommentCollection extends ProxyBase<FakeSheet> {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _model: FakeWorkbookModel,
    resolver: () => FakeSheet,
  ) {
    super(ctx, 'comments', parent, [], resolver);
  }

  protected _loadable(): readonly string[] {
    return ['items/content', 'items/id'];
  }

  protected _read(sheet: FakeSheet, name: string): unknown {
    return [...sheet.comments.values()].map((c) => (name === 'items/id' ? c.id : c.content));
  }

  override load(spec?: string | string[]): this {
    super.load(spec);
    let refs: CommentRef[] = [];
    this._ctx.enqueue(this._path, 'QueryItems', [], {
      run: () => {
        const sheet = this._require('comments');
        refs = [...sheet.comments.values()].map((c) => ({ sheet, id: c.id }));
        return null;
      },
      commit: () => {
        const items = refs.map((ref) => {
          const comment = strict(new FakeComment(this._ctx, this._path, this._model, ref));
          const cell = commentCell(ref);
          comment._preload(new Map<string, unknown>([['id', ref.id], ['content', cell ? ref.sheet.comments.get(cell)?.content : undefined]]));
          return comment;
        });
        this._preload(new Map([['items', items]]));
      },
    });
    return this;
  }

  get items(): FakeComment[] {
    return this._get('items');
  }

  add(cell: FakeRange | string, content: string): FakeComment {
    let ref: CommentRef | null = null;
    const comment = strict(new FakeComment(this._ctx, this._path, this._model, () => {
      if (!ref) throw new FakeExcelError('InvalidObjectPath', 'a comment used before the sync that adds it ran');
      return ref;
    }));
    if (typeof cell === 'string' && !cell.includes('!')) {
      throw new FakeExcelError('InvalidArgument', 'comments.add with a string needs the full address, including the sheet name');
    }
    this._call('add', [typeof cell === 'string' ? cell : { range: cell._path }, content], (sheet) => {
      const address = noteCell(sheet, cell);
      if (sheet.comments.has(address)) throw new FakeExcelError('InvalidArgument', `the cell ${address} already has a comment`);
      ref = { sheet, id: sheet.addComment(address, content) };
    });
    return comment;
  }
}

export class FakeComment extends ProxyBase<CommentRef> {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _model: FakeWorkbookModel,
    ref: CommentRef | (() => CommentRef),
  ) {
    super(ctx, 'comment', parent, [], typeof ref === 'function' ? ref : () => ref);
  }

  override _resolve(): CommentRef | null {
    const ref = super._resolve();
    if (ref && (ref.sheet.deleted || commentCell(ref) === undefined)) throw new FakeExcelError('ItemNotFound', 'the comment is gone');
    return ref;
  }

  protected _loadable(): readonly string[] {
    return ['content', 'id'];
  }

  protected _read(ref: CommentRef, name: string): unknown {
    if (name === 'id') return ref.id;
    return ref.sheet.comments.get(commentCell(ref)!)?.content;
  }

  get id(): string {
    return this._get('id');
  }

  get content(): string {
    return this._get('content');
  }

  delete(): void {
    this._call('delete', [], (ref) => {
      ref.sheet.comments.delete(commentCell(ref)!);
    });
  }

  getLocation(): FakeRange {
    return strict(new FakeRange(this._ctx, this._path, 'getLocation', [], this._model, () => {
      const ref = this._require('getLocation');
      return { sheet: ref.sheet, rects: [parseRect(commentCell(ref)!)] };
    }));
  }
}

// ------------------------------------------------------------------------------------------ settings

export class FakeSettingCollection extends ProxyBase<FakeWorkbookModel> {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _model: FakeWorkbookModel,
  ) {
    super(ctx, 'settings', parent, [], () => _model);
  }

  protected _loadable(): readonly string[] {
    return [];
  }

  protected _read(): unknown {
    return undefined;
  }

  getItemOrNullObject(key: string): FakeSetting {
    return strict(new FakeSetting(this._ctx, this._path, key, () => (this._model.settings.has(key) ? this._model : null)));
  }

  add(key: string, value: unknown): FakeSetting {
    const setting = strict(new FakeSetting(this._ctx, this._path, key, () => this._model));
    this._call('add', [key, value], (model) => {
      model.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
    return setting;
  }
}

export class FakeSetting extends ProxyBase<FakeWorkbookModel> {
  constructor(
    ctx: FakeContext,
    parent: number,
    private readonly _key: string,
    resolver: () => FakeWorkbookModel | null,
  ) {
    super(ctx, 'getItem', parent, [_key], resolver);
  }

  protected _loadable(): readonly string[] {
    return ['value', 'key'];
  }

  protected _read(model: FakeWorkbookModel, name: string): unknown {
    return name === 'key' ? this._key : model.settings.get(this._key);
  }

  get value(): unknown {
    return this._get('value');
  }
}
