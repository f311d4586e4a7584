/**
 * Applies the core's patch to the live workbook (SPEC §6), in the xlsx host's order: validate everything
 * first (a bad patch changes nothing), undo the previous run's highlights, rewrite the add-in's own
 * sheets, write 插入模板 sheets, highlight, and store the new state last.
 *
 * It takes two `Excel.run`s, because Excel cannot put every change in one undo step:
 * `Worksheet.delete` never supports undo, and `Worksheet.position` / `visibility` do not on Windows and
 * Mac ("Undo capabilities with the Excel JavaScript API"); inside a `mergeUndoGroup` run they fail with
 * `UndoNotSupported`. So
 *
 * 1. **structure** (a plain run): read the sheet list and the stored state, validate, then create the
 *    sheets that do not exist yet (own and 插入模板 sheets in their places, the very hidden state
 *    sheet) and delete own sheets no longer written. A re-run usually has nothing to do here.
 * 2. **content** (one undo group where ExcelApi 1.20 allows it): restore the last highlights, clear and
 *    rewrite the own sheets *in place* (so formulas that point at 绩效目标 keep working), write the new
 *    sheets, highlight, store the state, select.
 *
 * Requests, whatever the size of the ledger or the number of flagged cells: the sheet list; the stored
 * state (when there is one); the structure (when needed); the notes on highlighted sheets and their
 * cells; the restore with the own fills of newly flagged cells (one more for areas whose cells differ);
 * then everything written, in ⌈bytes ÷ budget⌉ requests.
 */
import { parseA1 } from '../../core/address';
import { MARK_COLUMNS, MARK_ROWS, parseMark } from '../../core/output/ownSheets';
import type { NewUserSheet, Patch, SheetWrite } from '../../core/patch';
import type { AddinState, HighlightRecord } from '../../core/snapshot';
import { sameSheetName } from '../shared/sheetNames';
import type { Capabilities } from './apiSupport';
import { takeNoteInventory } from './cellNotes';
import { groupByCell, highlightRecords, queueHighlights, queueRestore, readOriginalFills } from './highlights';
import { CALL_BYTES } from './payload';
import { freeStateSheetName } from '../shared/stateCodec';
import { queueStateRead, queueStateWrite, stateSheetAmong } from './stateStore';
import type { SyncBatch } from './syncBatch';
import { SheetNames, validatePatch } from '../shared/validatePatch';
import { writeSheetContent } from './writeSheet';

interface SheetInfo {
  name: string;
  visible: boolean;
}

/** The tab order as the queued changes leave it, so positions are computed as the xlsx host's are. */
class TabOrder {
  constructor(private readonly sheets: SheetInfo[]) {}

  find(name: string): SheetInfo | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  indexOf(name: string): number {
    return this.sheets.findIndex((s) => sameSheetName(s.name, name));
  }

  remove(name: string): void {
    const i = this.indexOf(name);
    if (i >= 0) this.sheets.splice(i, 1);
  }

  /** Inserts at `index` (clamped) and returns where it went. */
  insert(sheet: SheetInfo, index: number): number {
    const at = Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return at;
  }

  get length(): number {
    return this.sheets.length;
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }
}

/** What the structure run found and did, for the content run. */
export interface Prepared {
  names: SheetNames;
  order: TabOrder;
  stored: AddinState | undefined;
  /** The (very hidden) sheet the state is stored in. */
  stateName: string;
  /** Own sheets that existed before this apply, lower-cased (cleared before they are rewritten). */
  existing: Set<string>;
}

/** Run 1: read, validate, and create or delete sheets. Nothing in it needs to be undoable. */
export async function prepareWorkbook(b: SyncBatch, patch: Patch): Promise<Prepared> {
  const worksheets = b.ctx.workbook.worksheets;
  worksheets.load('items/name,items/position,items/visibility');
  await b.sync();
  const listed = [...worksheets.items].sort((x, y) => x.position - y.position);
  const order = new TabOrder(listed.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' })));
  const before = new SheetNames(listed.map((ws) => ws.name));

  let stored: AddinState | undefined;
  const stateSheet = stateSheetAmong(listed);
  const read = stateSheet ? queueStateRead(worksheets.getItem(stateSheet)) : undefined;
  // The first rows of every sheet the patch would replace or remove, in the same request: a sheet is
  // ours only if it carries the mark the patch names.
  const heads = new Map<string, Excel.Range>();
  for (const name of [...patch.sheets.map((w) => w.name), ...patch.removeSheets.map((r) => r.name)]) {
    const actual = before.find(name);
    if (actual === undefined || heads.has(actual)) continue;
    const head = worksheets.getItem(actual).getRangeByIndexes(0, 0, MARK_ROWS, MARK_COLUMNS);
    head.load('values');
    heads.set(actual, head);
  }
  if (read || heads.size > 0) await b.sync();
  if (read) stored = (await read.finish(b))?.state;
  const marks = new Map<string, string | null>();
  for (const [name, head] of heads) marks.set(name, markIn(head.values));
  validatePatch(before, patch, (name) => marks.get(name) ?? null, stateSheet);

  for (const { name, mark } of patch.removeSheets) {
    const actual = before.find(name);
    // Only a sheet carrying the add-in's mark: a user's sheet is never removed.
    if (!actual || marks.get(actual) !== mark || (stateSheet !== undefined && sameSheetName(actual, stateSheet))) continue;
    await b.room(CALL_BYTES * 2);
    worksheets.getItem(actual).delete();
    order.remove(actual);
  }

  const existing = new Set<string>();
  const created: SheetWrite[] = [];
  const create = async (write: SheetWrite | NewUserSheet) => {
    const after = write.after === undefined ? undefined : order.find(write.after);
    const position = after ? order.indexOf(after.name) + 1 : order.length;
    await b.room(CALL_BYTES * 8 + write.name.length * 3);
    const ws = worksheets.add(write.name);
    const at = order.insert({ name: write.name, visible: true }, position);
    if (at !== order.length - 1) ws.position = at;
    // The mark goes in with the sheet: if the content run fails, the next run still knows it is ours.
    const markColumn = 'mark' in write ? write.hiddenColumns?.[0] : undefined;
    if ('mark' in write && markColumn !== undefined) {
      const cell = ws.getRangeByIndexes(0, markColumn, 1, 1);
      cell.numberFormat = [['@']];
      cell.values = [[write.mark]];
    }
  };
  for (const write of patch.sheets) {
    // An own sheet from an earlier run is rewritten where it stands; a new one is placed like the xlsx host's.
    if (order.find(write.name)) {
      existing.add(write.name.toLowerCase());
    } else {
      await create(write);
      created.push(write);
    }
  }
  for (const write of patch.newSheets ?? []) await create(write);
  let stateName = stateSheet ?? '';
  if (!stateSheet) {
    await b.room(CALL_BYTES * 3);
    stateName = freeStateSheetName(order.names());
    const ws = worksheets.add(stateName);
    ws.visibility = 'VeryHidden';
    order.insert({ name: stateName, visible: false }, order.length);
  }
  if (created.length > 0) {
    // Until the content run stores the final state, the new sheets are already known as the add-in's,
    // so a run that fails half-way never leaves an empty 绩效目标 that a later run takes for the user's.
    const base = stored ?? { version: 1 as const, ownSheets: [] };
    const ownSheets = [...base.ownSheets.filter((s) => order.find(s.name)), ...created.map((w) => ({ name: w.name, role: w.role, mark: w.mark }))];
    await queueStateWrite(b, { ...base, ownSheets }, stateName);
  }
  await b.flush();
  const names = new SheetNames(order.names());
  return { names, order, stored, existing, stateName };
}

/** The mark in a sheet's first rows, if any. */
function markIn(values: unknown[][]): string | null {
  for (const row of values) for (const v of row) if (typeof v === 'string' && parseMark(v)) return v;
  return null;
}

/** Empties an own sheet from an earlier run so it is rewritten as if new: cells, formats, merges, widths, panes. */
function clearSheet(ws: Excel.Worksheet): void {
  const all = ws.getRange();
  all.unmerge();
  all.clear('All');
  all.format.useStandardWidth = true;
  // The last run's mark column may hold content now.
  all.columnHidden = false;
  ws.freezePanes.unfreeze();
}

/** Run 2: everything a user sees change, in one undo step where Excel supports it. */
export async function writeContent(b: SyncBatch, patch: Patch, caps: Capabilities, prepared: Prepared): Promise<void> {
  const { names, order, stored } = prepared;
  const worksheets = b.ctx.workbook.worksheets;

  // New highlights replace the old ones, so the old ones are undone whether or not a clear was asked for.
  const restoring = patch.clearHighlights || patch.highlights.length > 0;
  const oldRecords: HighlightRecord[] = restoring ? stored?.highlights ?? [] : [];
  const groups = groupByCell(patch.highlights, names);

  // The notes on every sheet that is restored or highlighted.
  const noteSheets = new Set<string>();
  for (const r of oldRecords) {
    const name = names.find(r.sheet);
    if (name && parseA1(r.cell)) noteSheets.add(name);
  }
  for (const g of groups) noteSheets.add(g.sheet);
  const notes = await takeNoteInventory(b, [...noteSheets], caps);

  // Restore, then find out each newly flagged cell's own fill.
  const known = await queueRestore(b, oldRecords, names, notes, caps);
  const fills = groups.length > 0 ? await readOriginalFills(b, groups, known, caps) : known;

  let activate: string | undefined;
  for (const write of patch.sheets) {
    const ws = worksheets.getItem(write.name);
    if (prepared.existing.has(write.name.toLowerCase())) {
      await b.room(CALL_BYTES * 10);
      clearSheet(ws);
    }
    await writeSheetContent(b, ws, write, caps);
    if (write.activate) activate = write.name;
  }
  // Handed to the user: not recorded in the state, so no later run replaces or removes them.
  for (const write of patch.newSheets ?? []) {
    await writeSheetContent(b, worksheets.getItem(write.name), write, caps);
    if (write.activate) activate = write.name;
  }

  let highlights: HighlightRecord[];
  if (groups.length > 0) highlights = highlightRecords(groups, fills, notes, caps);
  else if (restoring) highlights = [];
  // Neither cleared nor re-highlighted: the earlier highlights are still on the cells and must stay
  // recorded, or a later 清除标记 could not undo them.
  else highlights = stored?.highlights ?? [];
  // Recorded before anything is drawn: requests go in order, so an apply that fails while drawing leaves
  // every drawn cell in the stored state, and 清除标记 can undo it.
  await queueStateWrite(b, { ...patch.state, highlights }, prepared.stateName);
  if (groups.length > 0) await queueHighlights(b, groups, notes, caps);

  const select = patch.select;
  const selectSheet = select && parseA1(select.cell) ? order.find(select.sheet) : undefined;
  if (select && selectSheet?.visible) {
    await b.room(CALL_BYTES * 4);
    const ws = worksheets.getItem(selectSheet.name);
    ws.activate();
    ws.getRange(select.cell.replace(/\$/g, '')).select();
  } else if (activate && order.find(activate)?.visible) {
    await b.room(CALL_BYTES * 2);
    worksheets.getItem(activate).activate();
  }
  await b.sync();
}
