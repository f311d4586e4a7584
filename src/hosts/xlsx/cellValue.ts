/**
 * Narrowing ExcelJS's `CellValue` union to what the cell shows: the cached value. Formulas are never
 * evaluated (SPEC §3): a formula cell is worth its cached `result`, and a formula Excel never calculated
 * is worth nothing.
 */
import type ExcelJS from 'exceljs';
import type { CellError } from '../../core/snapshot';

/** A cell's shown value before dates become serial numbers (the reader needs to know it was a date). */
export type CachedValue = string | number | boolean | Date | CellError | null;

type ObjectValue = Exclude<ExcelJS.CellValue, string | number | boolean | Date | null | undefined>;

function isFormula(v: ObjectValue): v is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return 'formula' in v || 'sharedFormula' in v;
}

function isHyperlink(v: ObjectValue): v is ExcelJS.CellHyperlinkValue {
  return 'hyperlink' in v;
}

function isRichText(v: unknown): v is ExcelJS.CellRichTextValue {
  return typeof v === 'object' && v !== null && 'richText' in v && Array.isArray(v.richText);
}

function isErrorValue(v: unknown): v is ExcelJS.CellErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v && typeof v.error === 'string';
}

function richTextToString(v: ExcelJS.CellRichTextValue): string {
  let s = '';
  for (const run of v.richText) s += run.text ?? '';
  return s;
}

/**
 * A value that may sit inside a formula result or a hyperlink's text: ExcelJS stores a HYPERLINK()
 * formula's cached result as the link text, so it can be a number or rich text as well as a string.
 */
function leafValue(v: unknown): CachedValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (isErrorValue(v)) return { error: v.error };
  if (isRichText(v)) return richTextToString(v);
  return null;
}

export function cachedValue(raw: ExcelJS.CellValue): CachedValue {
  // Plain values are by far the most common; test them before any `in` checks.
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw;
  if (isFormula(raw)) return leafValue(raw.result);
  if (isHyperlink(raw)) return leafValue(raw.text);
  return leafValue(raw);
}
