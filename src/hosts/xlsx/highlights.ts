/**
 * Highlights on the officer's own sheets (SPEC §6): a fill by severity and a note with the finding, on
 * cells whose value is never touched. Each highlighted cell's own fill and note are recorded first so
 * 清除标记 can put them back exactly.
 */
import type ExcelJS from 'exceljs';
import { a1, parseA1 } from '../../core/address';
import { HIGHLIGHT_FILLS, type CellHighlight } from '../../core/patch';
import type { HighlightRecord } from '../../core/snapshot';
import { solidFill } from './cellStyle';
import { appendToNote, getNote, noteText, setNote, type NoteValue } from './cellNote';
import { decodeFill, encodeFill } from './fillCodec';
import { findWorksheet } from './sheetNames';

/**
 * The xlsx host's record. `originalNote` holds a note's text, which is all the contract has room for;
 * a formatted note is also kept whole here so it comes back with its formatting. Extra JSON fields are
 * harmless to the core, and only this host reads its own records back (from the state sheet).
 */
export interface XlsxHighlightRecord extends HighlightRecord {
  originalRichNote?: ExcelJS.Comment;
}


/**
 * Replaces the cell's whole style object. ExcelJS shares one style object among all cells loaded with
 * the same style, so assigning `cell.fill` would repaint every one of them.
 */
function replaceFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill === undefined) delete style.fill;
  else style.fill = fill;
  cell.style = style;
}

function originalNoteOf(record: HighlightRecord): NoteValue | null | undefined {
  if ('originalRichNote' in record) {
    const rich: unknown = record.originalRichNote;
    if (typeof rich === 'object' && rich !== null && !Array.isArray(rich)) return rich;
  }
  return record.originalNote;
}

/**
 * Puts back every recorded cell's own fill and note. Records are undone last-first, so if a cell was
 * somehow recorded twice its earliest (truly original) look wins. Cells on sheets the officer has since
 * deleted or renamed are skipped.
 */
export function restoreHighlights(wb: ExcelJS.Workbook, records: readonly HighlightRecord[]): void {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    const ws = findWorksheet(wb, record.sheet);
    const at = parseA1(record.cell);
    if (!ws || !at) continue;
    const cell = ws.getCell(at.r + 1, at.c + 1);
    const fill = decodeFill(record.originalFill);
    if (fill.kind !== 'unknown') replaceFill(cell, fill.kind === 'fill' ? fill.fill : undefined);
    const note = originalNoteOf(record);
    // `undefined` means the record did not capture the note (another host's record): leave it.
    if (note !== undefined) setNote(cell, note === null ? undefined : note);
  }
}

interface CellGroup {
  ws: ExcelJS.Worksheet;
  r: number;
  c: number;
  severity: CellHighlight['severity'];
  note: string;
}

/** The highlighted cells: the core gives one highlight per cell, its most severe fill and one note (validatePatch checks it). */
function cellsOf(wb: ExcelJS.Workbook, highlights: readonly CellHighlight[]): CellGroup[] {
  return highlights.map((h) => {
    const ws = findWorksheet(wb, h.sheet);
    const at = parseA1(h.cell);
    if (!ws || !at) throw new Error(`highlight on a missing cell: ${h.sheet}!${h.cell}`);
    return { ws, r: at.r, c: at.c, severity: h.severity, note: h.note };
  });
}

/** Highlights the cells and returns what is needed to undo it. */
export function applyHighlights(
  wb: ExcelJS.Workbook,
  highlights: readonly CellHighlight[],
): XlsxHighlightRecord[] {
  const records: XlsxHighlightRecord[] = [];
  for (const group of cellsOf(wb, highlights)) {
    const cell = group.ws.getCell(group.r + 1, group.c + 1);
    const ownFill: ExcelJS.Fill | undefined = cell.style.fill;
    const ownNote = getNote(cell);
    const record: XlsxHighlightRecord = {
      sheet: group.ws.name,
      cell: a1(group.r, group.c),
      originalFill: encodeFill(ownFill),
      originalNote: ownNote === undefined ? null : noteText(ownNote),
    };
    if (ownNote !== undefined && typeof ownNote !== 'string') record.originalRichNote = ownNote;
    records.push(record);

    replaceFill(cell, solidFill(HIGHLIGHT_FILLS[group.severity]));
    // An empty note means the core ran past its note budget: fill only, the 异常清单 has the message.
    const message = group.note;
    if (message) setNote(cell, appendToNote(ownNote, message));
  }
  return records;
}
