/**
 * The 自评报告（草稿） sheet (issue 16): the same draft as the .docx, printable in Excel — A4 portrait, one
 * column of text (each paragraph merged across the page width) with each table laid out below its
 * paragraph. Every paragraph that holds a 【待填写】 place carries its placeholder keys in a hidden column,
 * so a re-run finds what the officer typed there and keeps it, as the 绩效目标 sheet keeps explanations.
 */
import { rangeA1 } from '../address';
import { PAGE_FOOTER, type OutputCell, type SheetContent } from '../patch';
import { cellText } from '../parse/text';
import { cellAt, type WorkbookSnapshot } from '../snapshot';
import { PLACEHOLDER_MARK, paragraphText, type ParagraphBlock, type PlaceholderRun, type SelfReport } from '../selfReport/types';
import type { OwnSheets } from './ownSheets';

export const REPORT_SHEET = '自评报告（草稿）';

/** Six columns of about 90 characters in all: a page width on A4 portrait. */
const COLUMN_WIDTHS = [14, 14, 16, 16, 15, 15];
const PAGE_COLUMNS = COLUMN_WIDTHS.length;
/** The hidden column with each paragraph's placeholder keys (the mark goes right of it). */
export const KEY_COLUMN = PAGE_COLUMNS;
const KEY_PREFIX = 'ph:';
/** Points per line of 11-point text, and a little air. */
const LINE_POINTS = 15;

/** Width in Excel's character units: a CJK character takes two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** Row height for text wrapped in a width of `chars` (Excel does not fit merged rows itself). */
function heightFor(text: string, chars: number): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, chars - 1))), 0);
  return lines * LINE_POINTS + 3;
}

function placeholdersOf(block: ParagraphBlock): PlaceholderRun[] {
  return block.runs.filter((r): r is PlaceholderRun => r.kind === 'placeholder');
}

function keysOf(block: ParagraphBlock): string {
  return `${KEY_PREFIX}${placeholdersOf(block).map((p) => p.key).join('|')}`;
}

export function buildReportSheet(draft: SelfReport, name: string, after?: string): SheetContent {
  const rows: (OutputCell | null)[][] = [];
  const merges: string[] = [];
  const rowHeights: (number | null)[] = [];
  const pageWidth = COLUMN_WIDTHS.reduce((s, w) => s + w, 0);
  const line = (cell: OutputCell, height: number | null, key?: string) => {
    const r = rows.length;
    const row: (OutputCell | null)[] = [cell, ...Array<null>(PAGE_COLUMNS - 1).fill(null)];
    if (key) row.push({ v: key });
    rows.push(row);
    merges.push(rangeA1({ top: r, left: 0, bottom: r, right: PAGE_COLUMNS - 1 }));
    rowHeights[r] = height;
  };
  const blank = () => {
    rows.push([]);
    rowHeights[rows.length - 1] = null;
  };

  line({ v: draft.title, style: 'title' }, 30);
  line({ v: draft.note, style: 'note' }, heightFor(draft.note, pageWidth));
  for (const section of draft.sections) {
    blank();
    line({ v: section.heading, style: 'heading' }, 20);
    for (const block of section.blocks) {
      if (block.kind === 'subheading') {
        line({ v: block.text, style: 'heading' }, 18);
      } else if (block.kind === 'paragraph') {
        // 首行缩进两字, as in the .docx.
        const text = `\u3000\u3000${paragraphText(block)}`;
        const open = placeholdersOf(block).some((p) => p.text === null);
        line({ v: text, style: open ? 'placeholder' : 'text' }, heightFor(text, pageWidth), placeholdersOf(block).length > 0 ? keysOf(block) : undefined);
      } else {
        line({ v: block.caption, style: 'heading' }, 18);
        const widths = block.header.map((_, i) => COLUMN_WIDTHS[Math.min(i, PAGE_COLUMNS - 1)]);
        const tableRow = (cells: string[], style: 'header' | 'body') => {
          rows.push(cells.slice(0, PAGE_COLUMNS).map((v) => ({ v, style })));
          rowHeights[rows.length - 1] = Math.max(...cells.map((v, i) => heightFor(v, widths[i] ?? COLUMN_WIDTHS[0])));
        };
        tableRow(block.header, 'header');
        for (const row of block.rows) tableRow(row, 'body');
      }
    }
  }
  return { name, role: 'report', rows, merges, columnWidths: COLUMN_WIDTHS, rowHeights, print: { paper: 'A4', orientation: 'portrait', pagesWide: 1, footer: PAGE_FOOTER }, ...(after ? { after } : {}) };
}

/**
 * What the officer typed into the previous 自评报告（草稿）: for each paragraph that had placeholders, its
 * cell text by placeholder keys. Read from our verified sheet, else a copy of it (the mark's token).
 */
export function previousReportCells(snapshot: WorkbookSnapshot, own: OwnSheets): Map<string, string> {
  const out = new Map<string, string>();
  const name = own.verified.get('report')?.name ?? own.copiesOf('report')[0];
  const sheet = name === undefined ? undefined : snapshot.sheets.find((s) => s.name === name);
  if (!sheet) return out;
  for (let r = 0; r < sheet.values.length; r++) {
    const key = cellAt(sheet, r, KEY_COLUMN);
    if (typeof key !== 'string' || !key.startsWith(KEY_PREFIX)) continue;
    out.set(key, cellText(cellAt(sheet, r, 0)).replace(/^[\u3000\s]+/, ''));
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The officer's text in each placeholder, found by laying the fresh paragraph over the previous cell: the
 * fixed words around a placeholder (`偏差原因：`) must still be there; what stands in the placeholder's
 * place is kept unless it is still the 【待填写】 prompt or empty.
 */
export function keptPlaceholderTexts(draft: SelfReport, previous: ReadonlyMap<string, string>): Map<string, string> {
  const kept = new Map<string, string>();
  if (previous.size === 0) return kept;
  for (const block of draft.sections.flatMap((s) => s.blocks)) {
    if (block.kind !== 'paragraph' || placeholdersOf(block).length === 0) continue;
    const old = previous.get(keysOf(block));
    if (old === undefined) continue;
    const pattern = block.runs.map((r) => (r.kind === 'text' ? escapeRegExp(r.text) : '([\\s\\S]*?)')).join('');
    const match = new RegExp(`^${pattern}$`).exec(old.trim());
    if (!match) continue;
    placeholdersOf(block).forEach((p, i) => {
      const text = (match[i + 1] ?? '').trim();
      if (text && !text.startsWith(PLACEHOLDER_MARK)) kept.set(p.key, text);
    });
  }
  return kept;
}
