/**
 * The shared style table (`STYLES` in the core) in ExcelJS terms, so sheets written by the CLI look like
 * the ones the Office host writes.
 */
import type ExcelJS from 'exceljs';
import { STYLES, type StyleName, type StyleSpec } from '../../core/patch';

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const THIN_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel's own hyperlink look, used when the style does not set a font colour. */
const LINK_COLOR = 'FF0563C1';

function fontFor(spec: StyleSpec, link: boolean): Partial<ExcelJS.Font> | undefined {
  const font: Partial<ExcelJS.Font> = {};
  if (spec.bold) font.bold = true;
  if (spec.fontSize !== undefined) font.size = spec.fontSize;
  if (spec.fontColor) font.color = { argb: spec.fontColor };
  if (link) {
    font.underline = true;
    font.color ??= { argb: LINK_COLOR };
  }
  return Object.keys(font).length > 0 ? font : undefined;
}

export function solidFill(argb: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function alignmentFor(spec: StyleSpec): Partial<ExcelJS.Alignment> | undefined {
  if (!spec.align && !spec.wrap) return undefined;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (spec.align) alignment.horizontal = spec.align;
  if (spec.wrap) alignment.wrapText = true;
  return alignment;
}

/**
 * Builds each named style once. The nested font/fill/border objects are shared between cells; that is
 * safe because the host only ever replaces a cell's whole `style`, never mutates one in place.
 */
class StyleTable {
  private readonly built = new Map<string, Partial<ExcelJS.Style>>();

  get(name: StyleName | undefined, link: boolean): Partial<ExcelJS.Style> {
    const key = `${name ?? ''}|${link ? 'link' : ''}`;
    let style = this.built.get(key);
    if (!style) {
      const spec: StyleSpec = name ? STYLES[name] : {};
      style = {};
      const font = fontFor(spec, link);
      if (font) style.font = font;
      if (spec.fill) style.fill = solidFill(spec.fill);
      const alignment = alignmentFor(spec);
      if (alignment) style.alignment = alignment;
      if (spec.border) style.border = THIN_BORDERS;
      this.built.set(key, style);
    }
    return style;
  }
}

const table = new StyleTable();

/** A fresh style object for one cell: ExcelJS keeps `cell.style` by reference. */
export function cellStyle(
  name: StyleName | undefined,
  numFmt: string | undefined,
  link: boolean,
): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { ...table.get(name, link) };
  if (numFmt) style.numFmt = numFmt;
  return style;
}
