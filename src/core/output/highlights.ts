/**
 * Highlights for the reviewer: every finding that points at a cell of a source sheet fills that cell by
 * severity and carries the message as a note. Several findings on one cell share one note, the most
 * severe fill wins. The 异常清单 always lists all of them.
 */
import { SEVERITY_ORDER, type Finding } from '../findings';
import type { CellHighlight } from '../patch';
import { EXCEL_CELL_CHARS, fitText } from './cellLimits';

/**
 * Notes are costly in every host (a 10,000-note workbook takes seconds to save and is unreadable
 * anyway); past this many flagged cells the rest get their fill only, and the 异常清单 lists them all.
 */
export const NOTE_LIMIT = 1000;

export function highlightsFor(findings: Finding[], sourceSheets: ReadonlySet<string>): CellHighlight[] {
  // Per cell, the messages already in its note: a Set once there are two (most cells have one), so a cell
  // with thousands of findings is not re-read for each of them.
  const byCell = new Map<string, { highlight: CellHighlight; messages: Set<string> | null }>();
  for (const f of findings) {
    if (!f.cell || !sourceSheets.has(f.sheet)) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const prev = byCell.get(key);
    if (!prev) {
      byCell.set(key, { highlight: { sheet: f.sheet, cell: f.cell, severity: f.severity, note: f.message }, messages: null });
      continue;
    }
    const h = prev.highlight;
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[h.severity]) h.severity = f.severity;
    const messages = (prev.messages ??= new Set([h.note]));
    // A note past what a cell holds is cut when written; the 异常清单 lists every finding anyway.
    if (!messages.has(f.message) && h.note.length <= EXCEL_CELL_CHARS) {
      messages.add(f.message);
      h.note = `${h.note}\n${f.message}`;
    }
  }
  const all: CellHighlight[] = [];
  for (const { highlight } of byCell.values()) {
    highlight.note = fitText(highlight.note);
    all.push(highlight);
  }
  for (let i = NOTE_LIMIT; i < all.length; i++) all[i].note = '';
  return all;
}
