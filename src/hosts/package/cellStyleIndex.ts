/**
 * Changes the style index (`s`) of chosen cells in a worksheet's XML, and nothing else: one pass over
 * the `<row>` and `<c>` tags of `<sheetData>`, each chosen cell's start tag rewritten in place. A chosen
 * cell the file does not have (an empty required field) is added as an empty `<c r=… s=…/>`, and its
 * row when that is missing too, where the schema's order wants them.
 */
import { a1 } from '../../core/address';
import { setAttribute } from './xmlText';

/**
 * What to do with one cell: give it the style `s` returns for its current one (`null`: no `s`
 * attribute), or drop it when it is the empty cell the add-in added.
 */
export type CellStyleEdit = { s: (current: number | null) => number | null; drop?: boolean };

/** A cell's style before the edit: its `s` (null when it had none), and whether the file had the cell at all. */
export interface OriginalStyle {
  s: number | null;
  existed: boolean;
}

const TAG = /<(\/?)((?:\w+:)?)(sheetData|row|c)\b([^>]*?)(\/?)>/g;

function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  return c - 1;
}

function attr(tagBody: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tagBody);
  return m?.[1];
}

/**
 * Applies `edits` (keyed by 0-based row, then column) and returns each edited cell's style before.
 * `insert` decides whether a missing cell is added (highlighting) or left missing (restoring).
 */
export function editCellStyles(
  xml: string,
  edits: Map<number, Map<number, CellStyleEdit>>,
  insert: boolean,
): { xml: string; originals: Map<number, Map<number, OriginalStyle>> } {
  const originals = new Map<number, Map<number, OriginalStyle>>();
  const note = (r: number, c: number, o: OriginalStyle) => {
    let row = originals.get(r);
    if (!row) originals.set(r, (row = new Map()));
    row.set(c, o);
  };
  const pendingRows = [...edits.keys()].sort((a, b) => a - b);
  let nextPendingRow = 0;
  const out: string[] = [];
  let last = 0;
  let prefix = '';
  let inSheetData = false;
  let row = -1;
  let col = -1;
  let rowEdits: Map<number, CellStyleEdit> | undefined;
  let rowPending: number[] = [];

  const cellXml = (r: number, c: number, s: number | null) => `<${prefix}c r="${a1(r, c)}"${s === null ? '' : ` s="${s}"`}/>`;
  const newCells = (r: number, cols: number[]) => {
    let s = '';
    for (const c of cols) {
      const e = edits.get(r)?.get(c);
      if (!e || e.drop) continue;
      note(r, c, { s: null, existed: false });
      s += cellXml(r, c, e.s(null));
    }
    return s;
  };
  const newRowsBefore = (limit: number) => {
    let s = '';
    while (nextPendingRow < pendingRows.length && pendingRows[nextPendingRow] < limit) {
      const r = pendingRows[nextPendingRow++];
      if (!insert) continue;
      const cols = [...(edits.get(r)?.keys() ?? [])].sort((a, b) => a - b);
      const cells = newCells(r, cols);
      if (cells) s += `<${prefix}row r="${r + 1}">${cells}</${prefix}row>`;
    }
    return s;
  };
  const emit = (at: number, replaceTo: number, text: string) => {
    out.push(xml.slice(last, at), text);
    last = replaceTo;
  };

  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml)) !== null) {
    const [whole, closing, pre, name, body, selfClosing] = m;
    const at = m.index;
    if (name === 'sheetData') {
      if (!closing) {
        prefix = pre;
        if (selfClosing) {
          const rows = newRowsBefore(Infinity);
          if (rows) emit(at, at + whole.length, `<${pre}sheetData>${rows}</${pre}sheetData>`);
          break;
        }
        inSheetData = true;
      } else {
        const rows = newRowsBefore(Infinity);
        if (rows) emit(at, at, rows);
        break;
      }
      continue;
    }
    if (!inSheetData) continue;
    if (name === 'row') {
      if (closing) {
        if (rowPending.length > 0 && insert) emit(at, at, newCells(row, rowPending));
        rowPending = [];
        continue;
      }
      const r = attr(body, 'r');
      row = r !== undefined ? Number(r) - 1 : row + 1;
      col = -1;
      const before = newRowsBefore(row);
      if (before) emit(at, at, before);
      if (nextPendingRow < pendingRows.length && pendingRows[nextPendingRow] === row) nextPendingRow++;
      rowEdits = edits.get(row);
      rowPending = rowEdits ? [...rowEdits.keys()].sort((a, b) => a - b) : [];
      if (selfClosing && rowPending.length > 0) {
        const cells = insert ? newCells(row, rowPending) : '';
        if (cells) emit(at, at + whole.length, `${whole.slice(0, -2)}>${cells}</${pre}row>`);
        rowPending = [];
      }
      continue;
    }
    // A cell start tag (closing </c> tags are skipped).
    if (closing) continue;
    const ref = attr(body, 'r');
    col = ref !== undefined ? columnOf(ref) : col + 1;
    if (!rowEdits) continue;
    if (rowPending.length > 0 && rowPending[0] < col) {
      const before: number[] = [];
      while (rowPending.length > 0 && rowPending[0] < col) before.push(rowPending.shift()!);
      if (insert) emit(at, at, newCells(row, before));
    }
    const e = rowEdits.get(col);
    if (!e) continue;
    if (rowPending[0] === col) rowPending.shift();
    const s = attr(body, 's');
    const current = s === undefined ? null : Number(s);
    note(row, col, { s: current, existed: true });
    if (e.drop && selfClosing && !/\st\s*=/.test(body)) {
      emit(at, at + whole.length, '');
      continue;
    }
    const open = `<${pre}c${body}${selfClosing}>`;
    const next = e.s(current);
    emit(at, at + whole.length, setAttribute(open, 's', next === null ? undefined : String(next)));
  }
  if (out.length === 0) return { xml, originals };
  out.push(xml.slice(last));
  return { xml: out.join(''), originals };
}
