/**
 * What Excel makes of text written through `Range.values` / `Range.formulas` into a cell that is not
 * formatted as text (`@`): a leading `=` (or a `+`/`-` that is not a number) makes a formula, numbers,
 * percentages, booleans and ISO dates are converted. The fake evaluates the one formula the host may
 * write, `HYPERLINK("…","…")` with `&`-joined literals, and refuses every other formula, so a host that
 * lets copied text become a formula is caught.
 */
import { FakeUnsupportedError } from './errors';
import type { RawValue } from './model';

function parseLiterals(expr: string, start: number): { value: string; end: number } {
  let i = start;
  let out = '';
  for (;;) {
    while (expr[i] === ' ') i++;
    if (expr[i] !== '"') throw new FakeUnsupportedError(`formula ${expr}`);
    i++;
    for (;;) {
      if (i >= expr.length) throw new FakeUnsupportedError(`formula ${expr}`);
      if (expr[i] === '"') {
        if (expr[i + 1] === '"') {
          out += '"';
          i += 2;
          continue;
        }
        i++;
        break;
      }
      out += expr[i++];
    }
    while (expr[i] === ' ') i++;
    if (expr[i] !== '&') return { value: out, end: i };
    i++;
  }
}

/** The displayed value of a formula the fake understands. */
export function evaluateFormula(formula: string): string {
  const m = /^=HYPERLINK\(/i.exec(formula);
  if (!m) throw new FakeUnsupportedError(`formula ${formula}`);
  const first = parseLiterals(formula, m[0].length);
  let display = first.value;
  let i = first.end;
  if (formula[i] === ',') {
    const second = parseLiterals(formula, i + 1);
    display = second.value;
    i = second.end;
  }
  if (formula[i] !== ')' || i !== formula.length - 1) throw new FakeUnsupportedError(`formula ${formula}`);
  return display;
}

const EPOCH = Date.UTC(1899, 11, 30);

/** Text typed into a General cell, as Excel would store it. */
export function coerceTyped(text: string): RawValue {
  const t = text.trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (date) return (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - EPOCH) / 86_400_000;
  // Excel parses `+x` and `-x` as formulas; what they mean here is an error value.
  if (t.startsWith('+') || t.startsWith('-')) return '#NAME?';
  return text;
}
