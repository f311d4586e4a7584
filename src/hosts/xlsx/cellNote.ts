/**
 * Cell notes (Excel's classic comments) as the highlight feature uses them: read what the officer wrote,
 * add the finding's message below it, and later put the officer's note back exactly.
 *
 * ExcelJS gives a note as a plain string when it is one unformatted run, and as a `Comment` object
 * (formatted runs, margins, protection) otherwise; notes written in Excel usually take the second form
 * because Excel puts the author's name in a bold run.
 */
import type ExcelJS from 'exceljs';

export type NoteValue = string | ExcelJS.Comment;

function isComment(v: unknown): v is ExcelJS.Comment {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The note on a cell; `note` is typed as always present but is undefined on a cell without one. */
export function getNote(cell: ExcelJS.Cell): NoteValue | undefined {
  const note: unknown = cell.note;
  if (typeof note === 'string') return note;
  return isComment(note) ? note : undefined;
}

export function noteText(note: NoteValue): string {
  if (typeof note === 'string') return note;
  let s = '';
  for (const run of note.texts ?? []) s += run.text ?? '';
  return s;
}

/** The note with `message` on a new line below it, keeping a formatted note's runs and layout. */
export function appendToNote(note: NoteValue | undefined, message: string): NoteValue {
  if (note === undefined || noteText(note) === '') return message;
  if (typeof note === 'string') return `${note}\n${message}`;
  return { ...note, texts: [...(note.texts ?? []), { text: `\n${message}` }] };
}

/**
 * Removes a note entirely. ExcelJS has no public way to do it (assigning `undefined` writes an empty,
 * broken comment), and it keeps a note in two places: the cell's private `_comment`, and the `comment`
 * of the cell's value model, where a note loaded from the file stays and is written out again unless
 * `_comment` overrides it. Both are cleared; `cell.model` returns that value model itself.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  Reflect.deleteProperty(cell, '_comment');
  Reflect.deleteProperty(cell.model, 'comment');
}

export function setNote(cell: ExcelJS.Cell, note: NoteValue | undefined): void {
  if (note === undefined) removeNote(cell);
  else cell.note = note;
}
