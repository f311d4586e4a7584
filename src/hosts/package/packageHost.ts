/**
 * The package host (issue 13): a `WorkbookHost` that writes the scored copy by editing the officer's
 * own file rather than re-serialising it. Reading goes through SheetJS (readWorkbook.ts); applying a
 * patch adds or replaces the add-in's sheet parts, appends cell formats to the styles part, changes only
 * the `s` attribute of flagged cells and adds notes through the comments/VML parts. Every other part
 * keeps its bytes, so charts, images, pivot tables, macros and whatever else the file holds survive.
 *
 * Browser-safe: no Node API here; files are opened and written by PackageFileHost (packageFileHost.ts).
 */
import type * as XLSX from '@e965/xlsx';
import { read as readWorkbookFile, write as writeWorkbook } from '@e965/xlsx';
import { a1, parseA1 } from '../../core/address';
import type { ReadOptions, WorkbookHost } from '../../core/host';
import { markOf } from '../../core/output/ownSheets';
import { HIGHLIGHT_FILLS, type CellHighlight, type NewUserSheet, type Patch, type SheetWrite } from '../../core/patch';
import type { HighlightRecord, WorkbookSnapshot } from '../../core/snapshot';
import { checkSheetClaims, longSheetNames, MAX_MERGED_CELLS, shortenedSheetName } from '../shared/sheetClaims';
import { sameSheetName } from '../shared/sheetNames';
import { chunkText, freeStateSheetName } from '../shared/stateCodec';
import { SheetNames, validatePatch } from '../shared/validatePatch';
import { WorkbookReadError } from '../xlsx/errors';
import { editCellStyles, type CellStyleEdit } from './cellStyleIndex';
import { checkXmlPart, checkXmlParts, contentTypes } from './partCheck';
import { decodeStyleMemory, encodeStyleMemory, noteXmlOf, type PackageHighlightRecord } from './highlightRecord';
import { ownSheetXml, stateSheetXml } from './ownSheetXml';
import { isZip, parseWorkbook, snapshotOf, stateSheetIndexes } from './readWorkbook';
import { addRelationship, CONTENT_TYPE, REL, relationshipsOf, removeRelationship, setOverride } from './relationships';
import { commentText, SheetNotes } from './sheetNotes';
import { StylesPart } from './stylesPart';
import { WorkbookPart, workbookPartName, type SheetEntry } from './workbookPart';
import { escapeXml, partFolder, relativeTarget, relsPartOf, setAttribute } from './xmlText';
import type { ZipCodec } from './zipArchive';
import { ZipPackage } from './zipPackage';

interface CellGroup {
  sheet: SheetEntry;
  r: number;
  c: number;
  severity: CellHighlight['severity'];
  note: string;
}

function nested<K1, K2, V>(map: Map<K1, Map<K2, V>>, k1: K1): Map<K2, V> {
  let inner = map.get(k1);
  if (!inner) map.set(k1, (inner = new Map()));
  return inner;
}

type LongSheetName = { name: string; shortened: string };

/** What a host is made of: the package, SheetJS's reading of it, whether it was converted, the names shortened. */
export type OpenedPackage = [ZipPackage, XLSX.WorkBook, boolean, LongSheetName[]];

/**
 * Checks every sheet's claims (shared/sheetClaims.ts) and shortens names over Excel's 31 characters in
 * the workbook part, as Excel would otherwise repair the copy we hand back. Returns the names shortened.
 */
function checkClaims(pkg: ZipPackage): LongSheetName[] {
  const typeOf = contentTypes(pkg);
  // The parts the sheet list rests on first, so a damaged one is named rather than misread.
  const checked = new Set<string>();
  for (const part of ['[Content_Types].xml', '_rels/.rels', workbookPartName(pkg), relsPartOf(workbookPartName(pkg))]) {
    if (!pkg.has(part)) continue;
    checkXmlPart(part, pkg.text(part)!, typeOf);
    checked.add(part);
  }
  const workbook = new WorkbookPart(pkg, workbookPartName(pkg));
  const budget = { left: MAX_MERGED_CELLS };
  for (const entry of workbook.sheets) {
    if (!entry.part || checked.has(entry.part)) continue;
    // Markup only: the claims are ASCII (addresses, element names), so no UTF-8 decoding of a big sheet.
    const xml = pkg.markup(entry.part);
    if (xml === undefined) continue;
    checkXmlPart(entry.part, xml, typeOf);
    checkSheetClaims(xml, entry.name, budget);
    checked.add(entry.part);
  }
  checkXmlParts(pkg, typeOf, checked);
  pkg.verifyRest();
  const long = longSheetNames(workbook.sheets.map((s) => s.name));
  if (long.length === 0) return long;
  for (const entry of workbook.sheets) {
    if (entry.name.length <= 31) continue;
    entry.name = shortenedSheetName(entry.name);
    entry.element = setAttribute(entry.element, 'name', entry.name);
  }
  workbook.save();
  return long;
}

export class PackageHost implements WorkbookHost {
  private book: XLSX.WorkBook | undefined;
  private snapshot: WorkbookSnapshot | undefined;
  /** The sheets holding the add-in's state as last read (stateSheetIndexes); any other sheet is the officer's. */
  private stateSheets: string[] = [];
  /** What reading found that the officer should hear about (Chinese, without the 提示 prefix). */
  readonly notices: string[] = [];

  protected constructor(
    private readonly pkg: ZipPackage,
    book: XLSX.WorkBook,
    /** True when the input was an old binary `.xls`/`.et`: the output is a new `.xlsx` made from it. */
    readonly converted: boolean,
    longNames: readonly LongSheetName[] = [],
  ) {
    this.book = book;
    if (converted) this.notices.push('原文件是旧版 .xls/.et 格式：评分结果写成新的 .xlsx 工作簿，原文件未被修改。');
    for (const { name, shortened } of longNames) this.notices.push(`工作表名称“${name}”超过 Excel 允许的 31 个字符，输出文件中改为“${shortened}”。`);
  }

  /** What a host is made of, from the file's bytes (shared with the Node-only PackageFileHost). */
  protected static open(buf: ArrayBuffer | Uint8Array, codec?: ZipCodec): OpenedPackage {
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    // Sizes are checked (from the zip's directory) before SheetJS inflates anything.
    const pkg = isZip(bytes) ? ZipPackage.open(bytes, codec) : undefined;
    // Claims that would make reading cost far beyond the file's size are refused before SheetJS reads.
    const longNames = pkg && pkg.has(workbookPartName(pkg)) ? checkClaims(pkg) : [];
    const { book, legacy } = parseWorkbook(longNames.length > 0 ? pkg!.toBytes(0) : bytes);
    if (legacy) {
      // SheetJS writes the old file's cells, formats, merges and sheets as an .xlsx package to edit.
      // It writes sparse sheets only, so the file is read once more in that mode for the conversion.
      const sparse = readWorkbookFile(bytes, { type: 'array', cellNF: true, cellStyles: true });
      const converted = new Uint8Array(writeWorkbook(sparse, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer);
      return [ZipPackage.open(converted, codec), book, true, []];
    }
    if (!pkg || !pkg.has(workbookPartName(pkg))) throw new WorkbookReadError('无法读取工作簿：文件中没有任何工作表，不是有效的 .xlsx 文件。');
    return [pkg, book, false, longNames];
  }

  /**
   * Browser-safe: the bytes of an .xlsx (or .xls/.et) file. `codec` does the zip's inflating, deflating
   * and CRC-32: fflate by default; the command line passes Node's zlib (nodeZipCodec.ts).
   */
  static fromBuffer(buf: ArrayBuffer | Uint8Array, options: { codec?: ZipCodec } = {}): PackageHost {
    return new PackageHost(...PackageHost.open(buf, options.codec));
  }

  /**
   * The snapshot, read once per version of the package: the SheetJS workbook it is read from is let go
   * straight after (a 1,000,000-row ledger's cell objects take gigabytes), and a later read before any
   * change gives the same snapshot back.
   */
  async read(options?: ReadOptions): Promise<WorkbookSnapshot> {
    if (this.snapshot) {
      const n = this.snapshot.sheets.length;
      options?.onProgress?.(n, n);
      return this.snapshot;
    }
    this.snapshot = this.snapshotOfBook(options);
    return this.snapshot;
  }

  private current(): WorkbookSnapshot {
    this.snapshot ??= this.snapshotOfBook();
    return this.snapshot;
  }

  /** Reads the (current) package once, and lets SheetJS's workbook go. */
  private snapshotOfBook(options?: ReadOptions): WorkbookSnapshot {
    const book = this.book ?? parseWorkbook(this.pkg.toBytes(0)).book;
    this.book = undefined;
    this.stateSheets = stateSheetIndexes(book).map((i) => book.SheetNames[i]);
    return snapshotOf(book, options);
  }

  async apply(patch: Patch): Promise<void> {
    const snapshot = this.current();
    const workbook = new WorkbookPart(this.pkg, workbookPartName(this.pkg));
    const marks = (name: string) => {
      const sheet = snapshot.sheets.find((s) => sameSheetName(s.name, name));
      return sheet ? (markOf(sheet)?.text ?? null) : null;
    };
    const isState = (name: string) => this.stateSheets.includes(name);
    validatePatch(new SheetNames(workbook.sheets.map((s) => s.name)), patch, marks, this.stateSheets[0]);

    const stylesRel = relationshipsOf(this.pkg, workbook.name).find((r) => r.type === REL.styles);
    const stylesName = stylesRel?.part ?? `${partFolder(workbook.name)}/styles.xml`;
    if (!stylesRel) {
      addRelationship(this.pkg, workbook.name, REL.styles, relativeTarget(partFolder(workbook.name), stylesName));
      setOverride(this.pkg, stylesName, CONTENT_TYPE.styles);
    }
    const styles = new StylesPart(this.pkg, stylesName);
    const find = (name: string) => workbook.sheets.find((s) => sameSheetName(s.name, name));
    let active: SheetEntry | undefined = workbook.sheets[workbook.activeTab];

    const restoring = patch.clearHighlights || patch.highlights.length > 0;
    if (restoring) this.restoreHighlights(workbook, styles, snapshot.state?.highlights ?? []);

    for (const { name, mark } of patch.removeSheets) {
      const entry = find(name);
      if (entry && marks(entry.name) === mark && !isState(entry.name)) this.removeSheet(workbook, entry);
    }

    for (const write of patch.sheets) {
      const { entry, replaced } = this.writeSheet(workbook, styles, write);
      if (write.activate || (replaced && replaced === active)) active = entry;
      if (write.print?.titleRows) workbook.printTitles.set(entry, `$${write.print.titleRows.first}:$${write.print.titleRows.last}`);
    }
    for (const write of patch.newSheets ?? []) {
      const { entry } = this.writeSheet(workbook, styles, write);
      if (write.activate) active = entry;
    }

    let highlights: HighlightRecord[];
    if (patch.highlights.length > 0) highlights = this.applyHighlights(workbook, styles, patch.highlights);
    else if (restoring) highlights = [];
    else highlights = snapshot.state?.highlights ?? [];
    this.writeState(workbook, JSON.stringify({ ...patch.state, highlights }), isState);

    if (patch.select) {
      const target = find(patch.select.sheet);
      if (target && this.selectIn(target, patch.select.cell)) active = target;
    }
    this.setActive(workbook, active);
    styles.save();
    workbook.save();
    this.book = undefined;
    this.snapshot = undefined;
  }

  async select(sheet: string, cell: string): Promise<void> {
    const workbook = new WorkbookPart(this.pkg, workbookPartName(this.pkg));
    const target = workbook.sheets.find((s) => sameSheetName(s.name, sheet));
    if (!target || !this.selectIn(target, cell)) return;
    this.setActive(workbook, target);
    workbook.save();
    this.book = undefined;
    this.snapshot = undefined;
  }

  /**
   * The scored copy as .xlsx bytes. Unchanged parts keep their compressed bytes; changed ones are
   * deflated at level 1, which is three times faster than 6 on a 40 MB ledger sheet for a file about
   * a fifth larger.
   */
  async toBuffer(): Promise<Uint8Array> {
    return this.pkg.toBytes(1);
  }

  // ── sheets ──────────────────────────────────────────────────────────────────────────────────────

  private removeSheet(workbook: WorkbookPart, entry: SheetEntry): void {
    const i = workbook.sheets.indexOf(entry);
    if (i < 0) return;
    workbook.sheets.splice(i, 1);
    removeRelationship(this.pkg, workbook.name, entry.relId);
    if (entry.part) {
      this.pkg.remove(entry.part);
      this.pkg.remove(relsPartOf(entry.part));
      setOverride(this.pkg, entry.part, undefined);
    }
  }

  private freeSheetPart(): string {
    for (let n = 1; ; n++) {
      const name = `xl/worksheets/sheet${n}.xml`;
      if (!this.pkg.has(name)) return name;
    }
  }

  /** Adds a sheet entry with its part, relationship and content type, at tab position `at`. */
  private addSheet(workbook: WorkbookPart, name: string, xml: string, at: number, state: SheetEntry['state']): SheetEntry {
    const part = this.freeSheetPart();
    this.pkg.setText(part, xml);
    setOverride(this.pkg, part, CONTENT_TYPE.worksheet);
    const relId = addRelationship(this.pkg, workbook.name, REL.worksheet, relativeTarget(partFolder(workbook.name), part));
    const entry: SheetEntry = { name, state, part, relId, sheetId: workbook.nextSheetId(), element: '' };
    workbook.sheets.splice(Math.max(0, Math.min(at, workbook.sheets.length)), 0, entry);
    return entry;
  }

  private writeSheet(workbook: WorkbookPart, styles: StylesPart, write: SheetWrite | NewUserSheet): { entry: SheetEntry; replaced?: SheetEntry } {
    const xml = ownSheetXml(write, styles, false);
    const existing = workbook.sheets.find((s) => sameSheetName(s.name, write.name));
    if (existing && existing.part) {
      // Replaced in place: same part, same tab; whatever hung off the old version (its drawings, notes) goes.
      const rels = relsPartOf(existing.part);
      this.pkg.remove(rels);
      this.pkg.setText(existing.part, xml);
      return { entry: existing, replaced: existing };
    }
    if (existing) this.removeSheet(workbook, existing);
    const after = write.after === undefined ? undefined : workbook.sheets.find((s) => sameSheetName(s.name, write.after!));
    const at = after ? workbook.sheets.indexOf(after) + 1 : workbook.sheets.length;
    return { entry: this.addSheet(workbook, write.name, xml, at, 'visible'), replaced: existing };
  }

  /**
   * The state goes last in the tab order, very hidden. Our earlier state sheet is replaced in place (same
   * part), any other of ours removed; a sheet of the officer's with a state name is never touched, and a
   * new state sheet takes the first free name of the scheme (shared/stateCodec.ts).
   */
  private writeState(workbook: WorkbookPart, json: string, isState: (name: string) => boolean): void {
    const xml = stateSheetXml(chunkText(json));
    const ours = workbook.sheets.filter((s) => isState(s.name));
    const kept = ours.find((s) => s.part !== undefined);
    for (const old of ours) if (old !== kept) this.removeSheet(workbook, old);
    if (kept) {
      this.pkg.setText(kept.part!, xml);
      this.pkg.remove(relsPartOf(kept.part!));
      // Back to the end, behind any sheet this run added, and very hidden however it was saved.
      workbook.sheets.splice(workbook.sheets.indexOf(kept), 1);
      workbook.sheets.push(kept);
      if (kept.state !== 'veryHidden') {
        kept.state = 'veryHidden';
        kept.element = setAttribute(kept.element, 'state', 'veryHidden');
      }
      return;
    }
    this.addSheet(workbook, freeStateSheetName(workbook.sheets.map((s) => s.name)), xml, workbook.sheets.length, 'veryHidden');
  }

  /**
   * Makes `entry` the tab Excel opens on (or the first visible sheet when it is hidden), and the only
   * selected tab: several selected tabs open grouped. Only sheets whose `tabSelected` changes are edited.
   */
  private setActive(workbook: WorkbookPart, entry: SheetEntry | undefined): void {
    const visible = (s: SheetEntry) => s.state === 'visible' && s.part !== undefined;
    const target = entry && workbook.sheets.includes(entry) && visible(entry) ? entry : workbook.sheets.find(visible);
    if (!target) return;
    workbook.activeTab = workbook.sheets.indexOf(target);
    for (const s of workbook.sheets) {
      if (!s.part) continue;
      // The views come before the cells: the head of the part says whether anything must change.
      const head = this.pkg.head(s.part, 65_536);
      const headView = head === undefined ? null : /<(?:\w+:)?sheetView\b[^>]*>/.exec(head.split(/<(?:\w+:)?sheetData\b/)[0]);
      if (!headView) continue;
      const selected = /\stabSelected\s*=\s*"(1|true)"/.test(headView[0]);
      if (selected === (s === target)) continue;
      const xml = this.pkg.text(s.part)!;
      const view = /<(?:\w+:)?sheetView\b[^>]*>/.exec(xml)!;
      const tag = setAttribute(view[0], 'tabSelected', s === target ? '1' : undefined);
      this.pkg.setText(s.part, xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length));
    }
  }

  /** Puts the cursor on `cell` in the sheet's first view (not in a sheet with panes, whose selections are per pane). */
  private selectIn(entry: SheetEntry, cell: string): boolean {
    const at = parseA1(cell);
    if (!entry.part || !at) return false;
    const xml = this.pkg.text(entry.part);
    if (!xml) return false;
    const ref = cell.replace(/\$/g, '').toUpperCase();
    const view = /<((?:\w+:)?)sheetView\b[^>]*?(\/>|>([\s\S]*?)<\/\1sheetView>)/.exec(xml);
    const selection = `<selection activeCell="${escapeXml(ref)}" sqref="${escapeXml(ref)}"/>`;
    let updated: string;
    if (!view) {
      const at2 = xml.search(/<(?:\w+:)?(?:sheetFormatPr|cols|sheetData)\b/);
      if (at2 < 0) return true;
      updated = `${xml.slice(0, at2)}<sheetViews><sheetView workbookViewId="0">${selection}</sheetView></sheetViews>${xml.slice(at2)}`;
    } else {
      const body = view[3] ?? '';
      if (/<(?:\w+:)?pane\b/.test(body)) return true;
      const open = view[0].slice(0, view[0].indexOf('>') + 1).replace(/\/>$/, '>');
      const rest = body.replace(/<(?:\w+:)?selection\b[^>]*\/>/g, '');
      updated = xml.slice(0, view.index) + open + selection + rest + `</${view[1]}sheetView>` + xml.slice(view.index + view[0].length);
    }
    this.pkg.setText(entry.part, updated);
    return true;
  }

  // ── highlights ──────────────────────────────────────────────────────────────────────────────────

  private restoreHighlights(workbook: WorkbookPart, styles: StylesPart, records: readonly HighlightRecord[]): void {
    // Last-first, so a cell recorded twice gets its earliest (truly original) look back.
    const bySheet = new Map<SheetEntry, Map<number, Map<number, HighlightRecord>>>();
    for (let i = records.length - 1; i >= 0; i--) {
      const record = records[i];
      const entry = workbook.sheets.find((s) => sameSheetName(s.name, record.sheet));
      const at = parseA1(record.cell);
      if (!entry || !entry.part || !at) continue;
      const cells = nested(bySheet, entry);
      if (!cells.get(at.r)?.get(at.c)) nested(cells, at.r).set(at.c, record);
    }
    for (const [entry, rows] of bySheet) {
      const part = entry.part!;
      const edits = new Map<number, Map<number, CellStyleEdit>>();
      const notes = new SheetNotes(this.pkg, part, workbook.sheets.indexOf(entry) + 1);
      for (const [r, cols] of rows) {
        for (const [c, record] of cols) {
          const memory = decodeStyleMemory(record.originalFill);
          if (memory) nested(edits, r).set(c, { s: () => memory.xf, drop: memory.added });
          else if (record.originalFill === null || /^(?:[0-9A-Fa-f]{8}|#[0-9A-Fa-f]{6})$/.test(record.originalFill)) {
            // Another host's record: its own fill as a colour (or none) on the cell's current format.
            const fill = record.originalFill;
            nested(edits, r).set(c, { s: (current) => styles.withFill(current ?? 0, fill === null ? null : fill.startsWith('#') ? `FF${fill.slice(1).toUpperCase()}` : fill) });
          }
          const xml = noteXmlOf(record);
          if (xml) notes.restore(r, c, xml);
          else if (record.originalNote === null) notes.restore(r, c, null);
          else if (typeof record.originalNote === 'string') {
            notes.restore(r, c, plainComment(a1(r, c), record.originalNote));
          }
        }
      }
      const xml = this.pkg.text(part);
      if (xml && edits.size > 0) {
        const edited = editCellStyles(xml, edits, false).xml;
        if (edited !== xml) this.pkg.setText(part, edited);
      }
      notes.save();
    }
  }

  private applyHighlights(workbook: WorkbookPart, styles: StylesPart, highlights: readonly CellHighlight[]): PackageHighlightRecord[] {
    // One highlight per cell, its most severe fill and one note: the core guarantees it, validatePatch checks it.
    const groups = highlights.map((h): CellGroup => {
      const sheet = workbook.sheets.find((s) => sameSheetName(s.name, h.sheet));
      const at = parseA1(h.cell);
      if (!sheet || !sheet.part || !at) throw new Error(`highlight on a missing cell: ${h.sheet}!${h.cell}`);
      return { sheet, r: at.r, c: at.c, severity: h.severity, note: h.note };
    });
    const bySheet = new Map<SheetEntry, CellGroup[]>();
    for (const g of groups) {
      const list = bySheet.get(g.sheet) ?? [];
      list.push(g);
      bySheet.set(g.sheet, list);
    }
    const records: PackageHighlightRecord[] = [];
    for (const [entry, list] of bySheet) {
      const part = entry.part!;
      const edits = new Map<number, Map<number, CellStyleEdit>>();
      for (const g of list) {
        const argb = HIGHLIGHT_FILLS[g.severity];
        nested(edits, g.r).set(g.c, { s: (current) => styles.highlightOf(current ?? 0, argb) });
      }
      const { xml, originals } = editCellStyles(this.pkg.text(part) ?? '', edits, true);
      this.pkg.setText(part, xml);
      const notes = new SheetNotes(this.pkg, part, workbook.sheets.indexOf(entry) + 1);
      for (const g of list) {
        const original = originals.get(g.r)?.get(g.c) ?? { s: null, existed: false };
        const cell = a1(g.r, g.c);
        const noteXml = notes.element(cell);
        const record: PackageHighlightRecord = {
          sheet: entry.name,
          cell,
          originalFill: encodeStyleMemory({ xf: original.s, added: !original.existed }, styles.fillOfXf(original.s)),
          originalNote: noteXml === undefined ? null : commentText(noteXml),
        };
        if (noteXml !== undefined) record.originalNoteXml = noteXml;
        records.push(record);
        // An empty note means the core ran past its note budget: fill only, the 异常清单 has the message.
        const message = g.note;
        if (message) notes.addMessage(g.r, g.c, message);
      }
      notes.save();
    }
    return records;
  }
}

/** Another host's note text as a comment: one run (`<r><t>`), which every reader takes; ExcelJS ignores a bare `<t>`. */
function plainComment(ref: string, text: string): string {
  return `<comment ref="${escapeXml(ref)}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(text)}</t></r></text></comment>`;
}

