/**
 * ExcelJS's reader turns a data validation into one entry per covered cell: Excel writes a whole-column
 * dropdown as `sqref="D2:D1048576"`, which cost 13 s and 350 MB to load and save, and a validation over
 * the whole grid ran out of memory (issue 12). Its writer already accepts a rectangle as one entry (that
 * is what `dataValidations.add('A1:B5', …)` stores), so the reader is made to store a rectangle the same
 * way: the validation is written back as it came, in time independent of its size. Nothing in jixiao
 * asks ExcelJS for a cell's validation, the only thing the per-cell entries are for.
 *
 * Node only (it reaches into ExcelJS's lib/ files, which the browser build does not have), so the CLI
 * installs it; the preview keeps ExcelJS's behaviour, and its preflight refuses what would not fit.
 */
import { parseRangeA1, rangeA1 } from '../core/address';
import { declareCompactValidations } from '../hosts/xlsx/preflight';

interface XformInternals {
  model: Record<string, unknown>;
  _address?: string;
  _dataValidation?: { formulae?: unknown[]; operator?: unknown };
  parseClose(name: string): boolean;
}

let installed = false;

export function installCompactValidations(): void {
  if (installed) return;
  let Xform: { prototype: XformInternals } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Xform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform');
  } catch {
    return;
  }
  const proto = Xform?.prototype;
  if (!proto || typeof proto.parseClose !== 'function') return;
  installed = true;
  const original = proto.parseClose;
  proto.parseClose = function parseClose(this: XformInternals, name: string): boolean {
    if (name !== 'dataValidation' || typeof this._address !== 'string' || !this._dataValidation) return original.call(this, name);
    const parts = this._address.split(/\s+/).filter(Boolean);
    const singles: string[] = [];
    const rectangles: string[] = [];
    for (const part of parts) {
      const range = part.includes(':') ? parseRangeA1(part.replace(/\$/g, '')) : null;
      // As ExcelJS's writer decodes it back: `D2:D1048576`, upper case, no `$`, top-left first.
      if (range) rectangles.push(rangeA1(range));
      else singles.push(part);
    }
    if (rectangles.length === 0) return original.call(this, name);
    for (const r of rectangles) this.model[r] = this._dataValidation;
    if (singles.length > 0) {
      this._address = singles.join(' ');
      return original.call(this, name);
    }
    // What ExcelJS does for the validation itself before storing it.
    const dv = this._dataValidation;
    if (!dv.formulae || dv.formulae.length === 0) {
      delete dv.formulae;
      delete dv.operator;
    }
    return true;
  };
  declareCompactValidations();
}
