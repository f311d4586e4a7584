/**
 * Which sheets are the add-in's own, and may be replaced or removed (SPEC §6). A name is not proof: an
 * officer can delete our 绩效目标 and make a sheet of their own with that name, rename ours, or copy a
 * sheet from another workbook, and the state that lists our sheets can be stale or copied too. So every
 * sheet we write carries a mark, `jixiao:<role>:<token>`, in a hidden column of its first row: the
 * officer does not see it, it survives renaming and re-saving in LibreOffice or WPS, and the state
 * records it. A sheet is ours to replace only when it carries the mark the state records for that role;
 * any marked sheet is our output and is never read as input; everything else is the officer's.
 */
import { parseRangeA1 } from '../address';
import type { OutputCell, SheetContent, SheetWrite } from '../patch';
import { cellAt, type AddinState, type OwnSheetRole, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { sameSheetName } from '../sheetName';

const MARK = /^jixiao:(scored|anomalies|rules|report):([0-9a-z]{1,32})$/;

/** Rows searched for the mark: the first, and a few more in case the officer inserted rows above. */
export const MARK_ROWS = 5;
/** Columns a host reads for the mark when it cannot scan a whole row cheaply (ours have about ten). */
export const MARK_COLUMNS = 256;

export interface SheetMark {
  role: OwnSheetRole;
  token: string;
  /** The whole mark as written. */
  text: string;
}

export function markText(role: OwnSheetRole, token: string): string {
  return `jixiao:${role}:${token}`;
}

export function parseMark(text: string): SheetMark | null {
  const m = MARK.exec(text);
  return m ? { role: m[1] as OwnSheetRole, token: m[2], text } : null;
}

/** The mark a sheet carries, if any. */
export function markOf(sheet: SheetSnapshot): SheetMark | null {
  for (let r = 0; r < Math.min(MARK_ROWS, sheet.values.length); r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, MARK_COLUMNS); c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v === 'string' && v.startsWith('jixiao:')) {
        const mark = parseMark(v);
        if (mark) return mark;
      }
    }
  }
  return null;
}

export interface OwnSheets {
  /** Sheets this workbook's state vouches for, by role: the ones a run may replace. */
  readonly verified: ReadonlyMap<OwnSheetRole, { name: string; mark: string }>;
  /** Every marked sheet (ours, or copied from another scored workbook): never read as input. */
  isOutput(name: string): boolean;
  /** The marked sheets of one role whose token is this workbook's (the verified one and its copies). */
  copiesOf(role: OwnSheetRole): string[];
  /** The token the sheets of this run are marked with. */
  readonly token: string;
}

export function findOwnSheets(snapshot: WorkbookSnapshot): OwnSheets {
  const marks = new Map<string, SheetMark>();
  for (const sheet of snapshot.sheets) {
    const mark = markOf(sheet);
    if (mark) marks.set(sheet.name, mark);
  }
  const recorded = snapshot.state?.ownSheets ?? [];
  const verified = new Map<OwnSheetRole, { name: string; mark: string }>();
  for (const entry of recorded) {
    if (!entry.mark || verified.has(entry.role) || parseMark(entry.mark)?.role !== entry.role) continue;
    const carrying = [...marks].filter(([, m]) => m.text === entry.mark).map(([name]) => name);
    // A copy of our sheet carries the same mark; the one under the recorded name is the original.
    const name = carrying.find((n) => sameSheetName(n, entry.name)) ?? carrying[0];
    if (name !== undefined) verified.set(entry.role, { name, mark: entry.mark });
  }
  const token = tokenOf(snapshot.state, snapshot);
  return {
    verified,
    isOutput: (name) => marks.has(name),
    copiesOf: (role) => [...marks].filter(([, m]) => m.role === role && m.token === token).map(([name]) => name),
    token,
  };
}

/**
 * This workbook's token: the one its state already records, else one derived from its sheets (the core
 * is pure, so no random number). It tells our sheets from sheets copied from another scored workbook.
 */
function tokenOf(state: AddinState | undefined, snapshot: WorkbookSnapshot): string {
  for (const entry of state?.ownSheets ?? []) {
    const mark = entry.mark ? parseMark(entry.mark) : null;
    if (mark) return mark.token;
  }
  // FNV-1a over the sheet names and their sizes.
  let h = 0x811c9dc5;
  const text = snapshot.sheets.map((s) => `${s.name}\u0000${s.values.length}`).join('\u0001');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * The name an own sheet gets: the verified sheet's, wherever the officer renamed it; else its usual name
 * when no sheet has it (Excel compares names case-insensitively); else `绩效目标（评分）`,
 * `绩效目标（评分2）`… A sheet that is not verifiably ours is never overwritten.
 */
export function ownSheetName(base: string, role: OwnSheetRole, snapshot: WorkbookSnapshot, own: OwnSheets): string {
  const previous = own.verified.get(role);
  if (previous) return previous.name;
  const taken = (name: string) => snapshot.sheets.some((s) => sameSheetName(s.name, name));
  if (!taken(base)) return base;
  for (let i = 1; ; i++) {
    const name = `${base}（评分${i === 1 ? '' : i}）`.slice(0, 31);
    if (!taken(name)) return name;
  }
}

/**
 * Puts the mark into a sheet about to be written: a cell of the first row just right of the content, in
 * a column the host hides.
 */
export function withMark(write: SheetContent, mark: string): SheetWrite {
  let width = write.rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  // Right of every merged area too, or a title merged across the sheet would swallow it.
  for (const text of write.merges ?? []) width = Math.max(width, (parseRangeA1(text)?.right ?? -1) + 1);
  const first: (OutputCell | null)[] = [...(write.rows[0] ?? [])];
  while (first.length < width) first.push(null);
  first.push({ v: mark });
  return { ...write, rows: [first, ...write.rows.slice(1)], mark, hiddenColumns: [width] };
}
