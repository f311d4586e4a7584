/**
 * Highlights on the officer's own sheets (SPEC §6) in a live workbook: a fill by severity and a note with
 * the finding, on cells whose value is never touched; each cell's own fill and note recorded first, in
 * the xlsx host's `HighlightRecord` form, so 清除标记 — here or in the CLI — puts them back exactly.
 *
 * Nothing here costs a request per cell. Fills are written per sheet and severity through RangeAreas;
 * restoring groups cells by the fill they get back; the fills of newly flagged cells are read per
 * RangeAreas and only the areas whose cells differ are read again cell by cell (`getCellProperties`).
 */
import { a1, parseA1, rangeA1 } from '../../core/address';
import { HIGHLIGHT_FILLS, type CellHighlight } from '../../core/patch';
import type { CellRange, HighlightRecord } from '../../core/snapshot';
import type { Capabilities } from './apiSupport';
import { hexOfArgb } from './cellFormat';
import type { CellNotes } from './cellNotes';
import { decodeFill, drawFill, encodeCellFill, encodeColorOnly, uniformFill, type OfficeFill } from './fillCodec';
import { CALL_BYTES, CELL_PROPERTIES_BYTES } from './payload';
import { addressChunks, rangesOfAddress, rectanglesOf, type CellAt } from './rectangles';
import type { SyncBatch } from './syncBatch';
import type { SheetNames } from '../shared/validatePatch';
import { formatRectangles } from './writeSheet';

/**
 * The Office host's record. `addedComment` marks a cell that got a comment (ExcelApi 1.10, when notes
 * are missing), so clearing deletes it; records written with notes carry `originalNote` like the xlsx
 * host's, and records written without either carry no `originalNote` (the note was never touched).
 */
export interface OfficeHighlightRecord extends HighlightRecord {
  addedComment?: boolean;
}


export interface CellGroup extends CellAt {
  sheet: string;
  cell: string;
  severity: CellHighlight['severity'];
  note: string;
}

const keyOf = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** One entry per cell: the most severe fill, one note with every message (as the xlsx host). */
export function groupByCell(highlights: readonly CellHighlight[], names: SheetNames): CellGroup[] {
  // One highlight per cell, its most severe fill and one note: the core guarantees it, validatePatch checks it.
  return highlights.map((h) => {
    const sheet = names.find(h.sheet);
    const at = parseA1(h.cell);
    if (!sheet || !at) throw new Error(`highlight on a missing cell: ${h.sheet}!${h.cell}`);
    return { sheet, cell: a1(at.r, at.c), r: at.r, c: at.c, severity: h.severity, note: h.note };
  });
}

/** One proxy per sheet name for the whole apply: a proxy per cell would be a request entry per cell. */
export function sheetProxies(b: SyncBatch): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) {
      ws = b.ctx.workbook.worksheets.getItem(name);
      cache.set(name, ws);
    }
    return ws;
  };
}

function bySheet<T extends { sheet: string }>(items: Iterable<T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.sheet);
    if (list) list.push(item);
    else out.set(item.sheet, [item]);
  }
  return out;
}

/**
 * Queues putting back every recorded cell's own fill and note. Records are undone last-first so a cell
 * recorded twice gets its earliest (truly original) look. Returns each recorded cell's original fill as
 * recorded, by sheet and cell: the original of a cell flagged again, without reading it back.
 */
export async function queueRestore(
  b: SyncBatch,
  records: readonly OfficeHighlightRecord[],
  names: SheetNames,
  notes: CellNotes,
  caps: Capabilities,
): Promise<Map<string, string | null>> {
  const known = new Map<string, string | null>();
  const fills = new Map<string, { sheet: string; stored: string | null; cells: CellAt[] }>();
  const sheetOf = sheetProxies(b);
  const targets = new Map<string, { sheet: string; cell: string; r: number; c: number; record: OfficeHighlightRecord }>();
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    const sheet = names.find(record.sheet);
    const at = parseA1(record.cell);
    if (!sheet || !at) continue;
    const cell = a1(at.r, at.c);
    targets.set(keyOf(sheet, cell), { sheet, cell, r: at.r, c: at.c, record });
  }
  for (const [key, { sheet, cell, r, c, record }] of targets) {
    known.set(key, record.originalFill);
    const fillKey = `${sheet}\u0000${record.originalFill ?? ''}`;
    const group = fills.get(fillKey) ?? { sheet, stored: record.originalFill, cells: [] };
    group.cells.push({ r, c });
    fills.set(fillKey, group);

    const existing = notes.get(sheet, cell);
    if (caps.notes === 'notes' && record.originalNote !== undefined) {
      // `undefined`: the record did not capture the note (written without notes): leave it.
      const original = record.originalNote;
      if (original === null) {
        if (existing) {
          await b.room(CALL_BYTES * 2);
          existing.obj.delete();
          notes.delete(sheet, cell);
        }
      } else if (existing) {
        if (existing.content !== original) {
          await b.room(CALL_BYTES * 2 + original.length * 3);
          (existing.obj as Excel.Note).content = original;
          notes.set(sheet, cell, { obj: existing.obj, content: original });
        }
      } else {
        await b.room(CALL_BYTES * 4 + original.length * 3);
        const ws = sheetOf(sheet);
        const note = ws.notes.add(ws.getRange(cell), original);
        notes.set(sheet, cell, { obj: note, content: original });
      }
    } else if (caps.notes === 'comments' && record.addedComment && existing) {
      await b.room(CALL_BYTES * 2);
      existing.obj.delete();
      notes.delete(sheet, cell);
    }
  }
  for (const group of fills.values()) {
    const fill = decodeFill(group.stored);
    if (fill.kind === 'unknown') continue; // a form this host cannot draw: the cell is left as it is
    await formatRectangles(b, sheetOf(group.sheet), caps, rectanglesOf(group.cells), (format) => drawFill(format.fill, fill, caps.rangeAreas) + 1);
  }
  return known;
}

interface FillProbe {
  sheet: string;
  rects: CellRange[];
  fill: Excel.RangeFill;
}

/**
 * Reads the own fill of every cell in `groups` that `known` does not already give, after the queued
 * restore. One request for all of them in the usual case (each RangeAreas of cells sharing one fill);
 * a second only for the areas whose cells differ, read cell by cell.
 */
export async function readOriginalFills(
  b: SyncBatch,
  groups: readonly CellGroup[],
  known: Map<string, string | null>,
  caps: Capabilities,
): Promise<Map<string, string | null>> {
  const fills = new Map(known);
  const unknown = groups.filter((g) => !fills.has(keyOf(g.sheet, g.cell)));
  if (unknown.length === 0) return fills;
  const sheetOf = sheetProxies(b);

  const probes: FillProbe[] = [];
  for (const [sheet, cells] of bySheet(unknown)) {
    const ws = sheetOf(sheet);
    const rects = rectanglesOf(cells);
    if (caps.rangeAreas) {
      for (const address of addressChunks(rects)) {
        await b.room(CALL_BYTES * 4 + address.length, 200);
        const fill = ws.getRanges(address).format.fill;
        fill.load('color,pattern,tintAndShade');
        probes.push({ sheet, rects: rangesOfAddress(address), fill });
      }
    } else {
      for (const rect of rects) {
        await b.room(CALL_BYTES * 4, 100);
        const fill = ws.getRange(rangeA1(rect)).format.fill;
        fill.load('color');
        probes.push({ sheet, rects: [rect], fill });
      }
    }
  }
  await b.sync();

  const mixed: FillProbe[] = [];
  const assign = (sheet: string, rect: CellRange, value: string | null) => {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) fills.set(keyOf(sheet, a1(r, c)), value);
    }
  };
  for (const probe of probes) {
    const f: OfficeFill = caps.rangeAreas
      ? { color: probe.fill.color, pattern: probe.fill.pattern, tintAndShade: probe.fill.tintAndShade }
      : { color: probe.fill.color };
    const value = caps.rangeAreas ? uniformFill(f) : f.color === null || f.color === undefined ? undefined : encodeColorOnly(f.color);
    if (value === undefined) mixed.push(probe);
    else for (const rect of probe.rects) assign(probe.sheet, rect, value);
  }
  if (mixed.length === 0) return fills;

  const details: { sheet: string; rect: CellRange; read: () => (string | null)[][] }[] = [];
  for (const probe of mixed) {
    const ws = sheetOf(probe.sheet);
    for (const rect of probe.rects) {
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (caps.rangeAreas) {
        await b.room(CALL_BYTES * 3 + 120, cells * CELL_PROPERTIES_BYTES);
        const props = ws.getRange(rangeA1(rect)).getCellProperties({
          format: { fill: { color: true, pattern: true, tintAndShade: true, patternColor: true, patternTintAndShade: true } },
        });
        details.push({ sheet: probe.sheet, rect, read: () => props.value.map((row) => row.map((p) => encodeCellFill(p.format?.fill ?? {}))) });
      } else {
        // Before ExcelApi 1.9: one colour per cell.
        const rows: Excel.RangeFill[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: Excel.RangeFill[] = [];
          for (let c = rect.left; c <= rect.right; c++) {
            await b.room(CALL_BYTES * 4, 60);
            const fill = ws.getRange(a1(r, c)).format.fill;
            fill.load('color');
            row.push(fill);
          }
          rows.push(row);
        }
        details.push({ sheet: probe.sheet, rect, read: () => rows.map((row) => row.map((fill) => encodeColorOnly(fill.color))) });
      }
    }
  }
  await b.sync();
  for (const detail of details) {
    const values = detail.read();
    values.forEach((row, i) => row.forEach((v, j) => fills.set(keyOf(detail.sheet, a1(detail.rect.top + i, detail.rect.left + j)), v)));
  }
  return fills;
}

/** The message a highlighted cell's note gets; empty past the core's note budget (fill only, the 异常清单 has it). */
function noteMessage(group: CellGroup): string {
  return group.note;
}

/**
 * The records of the new highlights, before anything is drawn (issue 14): the state holding them is
 * written first, so an apply that fails half-way through drawing leaves every drawn cell recorded and
 * 清除标记 can undo it. `fills` holds every cell's own fill (read or known); `notes` the notes as they
 * are after the restore.
 */
export function highlightRecords(groups: readonly CellGroup[], fills: Map<string, string | null>, notes: CellNotes, caps: Capabilities): OfficeHighlightRecord[] {
  return groups.map((group) => {
    const record: OfficeHighlightRecord = { sheet: group.sheet, cell: group.cell, originalFill: fills.get(keyOf(group.sheet, group.cell)) ?? null };
    if (caps.notes === 'notes') record.originalNote = notes.get(group.sheet, group.cell)?.content ?? null;
    // A cell with a comment thread of its own keeps it; others get a comment of ours, removed on restore.
    if (caps.notes === 'comments' && noteMessage(group) && !notes.get(group.sheet, group.cell)) record.addedComment = true;
    return record;
  });
}

/** Queues the fills and notes of the new highlights (their records are `highlightRecords`, stored before). */
export async function queueHighlights(b: SyncBatch, groups: readonly CellGroup[], notes: CellNotes, caps: Capabilities): Promise<void> {
  const sheetOf = sheetProxies(b);
  const bySeverity = new Map<string, { sheet: string; severity: CellHighlight['severity']; cells: CellAt[] }>();
  for (const group of groups) {
    const key = `${group.sheet}\u0000${group.severity}`;
    const entry = bySeverity.get(key) ?? { sheet: group.sheet, severity: group.severity, cells: [] };
    entry.cells.push(group);
    bySeverity.set(key, entry);
  }
  for (const { sheet, severity, cells } of bySeverity.values()) {
    const color = hexOfArgb(HIGHLIGHT_FILLS[severity]);
    await formatRectangles(b, sheetOf(sheet), caps, rectanglesOf(cells), (format) => {
      format.fill.color = color;
      return 2;
    });
  }

  if (caps.notes === 'none') return;
  for (const group of groups) {
    const message = noteMessage(group);
    if (!message) continue;
    const existing = notes.get(group.sheet, group.cell);
    const ws = sheetOf(group.sheet);
    if (caps.notes === 'notes') {
      await b.room(CALL_BYTES * 4 + (message.length + (existing?.content.length ?? 0)) * 3);
      if (existing) (existing.obj as Excel.Note).content = existing.content === '' ? message : `${existing.content}\n${message}`;
      else ws.notes.add(ws.getRange(group.cell), message);
    } else if (!existing) {
      await b.room(CALL_BYTES * 4 + message.length * 3);
      ws.comments.add(ws.getRange(group.cell), message);
    }
  }
}
