/**
 * `Range.values` as the core's `CellScalar`. Excel gives numbers, strings and booleans; an empty cell
 * is `''`; an error value is its text (`'#REF!'`). Dates are serial numbers with a date number format,
 * exactly what the core expects, so nothing is converted.
 *
 * Office.js gives errors and text the same type, so a text cell that literally reads `#N/A` is taken as
 * the error. Text like that in a 绩效 workbook means the same thing to a reader, and `valueTypes`, which
 * would tell them apart, would add a second array to every read.
 */
import type { CellScalar } from '../../core/snapshot';

const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!',
  '#FIELD!', '#BLOCKED!', '#UNKNOWN!', '#CONNECT!', '#BUSY!', '#PYTHON!', '#EXTERNAL!',
]);

export function cellScalar(v: unknown): CellScalar {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    if (v === '') return null;
    return v.charCodeAt(0) === 35 /* # */ && ERROR_VALUES.has(v) ? { error: v } : v;
  }
  if (typeof v === 'boolean') return v;
  return null;
}
