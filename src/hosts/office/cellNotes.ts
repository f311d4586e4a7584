/**
 * The notes (ExcelApi 1.18) or, failing that, comments (ExcelApi 1.10) on the sheets being highlighted,
 * taken in two requests whatever their number: every note's content, then every note's cell. Knowing
 * them up front is what lets the host restore, record and append to notes without one request per cell.
 *
 * Neither collection can be asked "the note on C5, if any" without an error for a cell that has none,
 * hence the inventory rather than per-cell look-ups.
 */
import type { Capabilities } from './apiSupport';
import { CALL_BYTES } from './payload';
import { cellOfAddress } from './rectangles';
import type { SyncBatch } from './syncBatch';

export interface NoteEntry {
  /** A `Note` in notes mode, a `Comment` in comments mode. */
  obj: Excel.Note | Excel.Comment;
  content: string;
}

/** The notes on each sheet by cell (`C5`), as they will be once the queued changes are made. */
export class CellNotes {
  private readonly bySheet = new Map<string, Map<string, NoteEntry>>();

  get(sheet: string, cell: string): NoteEntry | undefined {
    return this.bySheet.get(sheet)?.get(cell);
  }

  set(sheet: string, cell: string, entry: NoteEntry): void {
    let cells = this.bySheet.get(sheet);
    if (!cells) {
      cells = new Map();
      this.bySheet.set(sheet, cells);
    }
    cells.set(cell, entry);
  }

  delete(sheet: string, cell: string): void {
    this.bySheet.get(sheet)?.delete(cell);
  }
}

type Collection = Excel.NoteCollection | Excel.CommentCollection;

/** Takes the inventory of `sheets` (actual names) in at most two syncs; none when there is nothing to ask. */
export async function takeNoteInventory(b: SyncBatch, sheets: readonly string[], caps: Capabilities): Promise<CellNotes> {
  const notes = new CellNotes();
  if (caps.notes === 'none' || sheets.length === 0) return notes;
  const worksheets = b.ctx.workbook.worksheets;
  const collections: { sheet: string; coll: Collection }[] = [];
  for (const sheet of sheets) {
    const ws = worksheets.getItem(sheet);
    const coll: Collection = caps.notes === 'notes' ? ws.notes : ws.comments;
    await b.room(CALL_BYTES * 3, 0);
    coll.load('items/content');
    collections.push({ sheet, coll });
  }
  await b.sync();
  const located: { sheet: string; obj: Excel.Note | Excel.Comment; where: Excel.Range }[] = [];
  for (const { sheet, coll } of collections) {
    for (const obj of coll.items) {
      await b.room(CALL_BYTES * 2, 100);
      const where = obj.getLocation();
      where.load('address');
      located.push({ sheet, obj, where });
    }
  }
  if (located.length === 0) return notes;
  await b.sync();
  for (const { sheet, obj, where } of located) notes.set(sheet, cellOfAddress(where.address), { obj, content: obj.content });
  return notes;
}
