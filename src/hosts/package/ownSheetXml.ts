/**
 * The worksheet XML of one of the add-in's own sheets (绩效目标, 异常清单, 规则, a template) and of the
 * state sheet. Text is written inline (`t="inlineStr"`), so the officer's shared-strings part is never
 * touched; links are the HYPERLINK formula both other hosts write, with the display text cached.
 */
import { a1, parseRangeA1 } from '../../core/address';
import type { NewUserSheet, OutputCell, SheetWrite } from '../../core/patch';
import { hyperlinkFormula } from '../shared/internalLink';
import type { StylesPart } from './stylesPart';
import { escapeXml, xmlSafe } from './xmlText';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

function text(s: string): string {
  return escapeXml(xmlSafe(s));
}

function inlineString(ref: string, s: number, value: string): string {
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${text(value)}</t></is></c>`;
}

function cellXml(ref: string, out: OutputCell, styles: StylesPart): string {
  const s = styles.ownStyle(out.style, out.numFmt, out.link !== undefined);
  if (out.link) {
    const shown = out.v === null ? `${out.link.sheet}!${out.link.cell}` : String(out.v);
    const formula = hyperlinkFormula(out.link.sheet, out.link.cell, shown);
    if (formula) return `<c r="${ref}" s="${s}" t="str"><f>${text(formula)}</f><v>${text(shown)}</v></c>`;
    return inlineString(ref, s, shown);
  }
  if (out.v === null) return `<c r="${ref}" s="${s}"/>`;
  if (typeof out.v === 'number') return `<c r="${ref}" s="${s}"><v>${out.v}</v></c>`;
  return inlineString(ref, s, out.v);
}

export function ownSheetXml(write: SheetWrite | NewUserSheet, styles: StylesPart, selected: boolean): string {
  const parts: string[] = [HEAD];
  // Fitting to a page is a sheet property, which must come first.
  const print = 'print' in write ? write.print : undefined;
  if (print) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const frozen = write.frozenRows && write.frozenRows > 0 ? write.frozenRows : 0;
  const pane = frozen ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` : '';
  parts.push(`<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');

  const widths = write.columnWidths ?? [];
  const hidden = new Set(write.hiddenColumns ?? []);
  const cols: string[] = [];
  const last = Math.max(widths.length - 1, ...hidden);
  for (let c = 0; c <= last; c++) {
    const width = widths[c];
    const hasWidth = width !== undefined && Number.isFinite(width) && width > 0;
    if (!hasWidth && !hidden.has(c)) continue;
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${hasWidth ? width : 9}"${hasWidth ? ' customWidth="1"' : ''}${hidden.has(c) ? ' hidden="1"' : ''}/>`);
  }
  if (cols.length > 0) parts.push(`<cols>${cols.join('')}</cols>`);

  // A merged area takes the style of its top-left cell on every cell, so its borders go round the whole area.
  const mergeStyle = new Map<string, OutputCell>();
  for (const range of write.merges ?? []) {
    const box = parseRangeA1(range);
    const master = box ? write.rows[box.top]?.[box.left] : undefined;
    if (!box || !master) continue;
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) if (r !== box.top || c !== box.left) mergeStyle.set(`${r},${c}`, { v: null, style: master.style });
  }

  parts.push('<sheetData>');
  // How far right each row reaches through merged areas alone (a covered cell has no value of its own).
  const mergedWidth = new Map<number, number>();
  for (const key of mergeStyle.keys()) {
    const [r, c] = key.split(',').map(Number);
    mergedWidth.set(r, Math.max(mergedWidth.get(r) ?? 0, c + 1));
  }
  let rowCount = write.rows.length;
  for (const r of mergedWidth.keys()) rowCount = Math.max(rowCount, r + 1);
  for (let r = 0; r < rowCount; r++) {
    const cells = write.rows[r] ?? [];
    let row = '';
    const width = Math.max(cells.length, mergedWidth.get(r) ?? 0);
    for (let c = 0; c < width; c++) {
      const out = cells[c] ?? mergeStyle.get(`${r},${c}`);
      if (out) row += cellXml(a1(r, c), out, styles);
    }
    const height = write.rowHeights?.[r];
    const ht = height !== null && height !== undefined && Number.isFinite(height) && height > 0 ? ` ht="${height}" customHeight="1"` : '';
    if (row || ht) parts.push(`<row r="${r + 1}"${ht}>${row}</row>`);
  }
  parts.push('</sheetData>');
  const merges = write.merges ?? [];
  if (merges.length > 0) parts.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join('')}</mergeCells>`);
  if (print) {
    // paperSize 9 is A4; one page wide, as many pages tall as the rows need (as the other hosts set it).
    // The title rows are a defined name (_xlnm.Print_Titles), written with the workbook part.
    parts.push('<printOptions horizontalCentered="1"/>');
    parts.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
    parts.push(`<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.pagesWide}" fitToHeight="0"/>`);
    parts.push(`<headerFooter><oddFooter>${text(`&C${print.footer}`)}</oddFooter></headerFooter>`);
  }
  parts.push('</worksheet>');
  return parts.join('');
}

/** The state sheet: the JSON chunks down column A, as the other hosts store them. */
export function stateSheetXml(chunks: string[]): string {
  const rows = chunks.map((chunk, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${text(chunk)}</t></is></c></row>`);
  return `${HEAD}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}
