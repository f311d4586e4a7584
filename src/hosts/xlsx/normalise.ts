/**
 * Repairs, right after loading, what ExcelJS reads from a valid-enough file but models so that it cannot
 * write it back (issue 12). Each repair keeps what the officer sees in Excel:
 *
 * - A rich text run without `<t>` (other tools write `<r><rPr/></r>`) loads with `text: undefined` and
 *   made saving throw. Excel shows such a run as nothing, so it becomes an empty run.
 * - A shared-formula clone whose master is missing, or comes after it in the sheet, made saving throw
 *   (“Shared Formula master must exist above and or left of clone”) or wrote an empty `<f/>`. When the
 *   master exists, the clone gets its own copy of the translated formula; when it does not, the formula
 *   is dropped and the cell keeps its cached value, which is what Excel showed.
 * - A gradient fill with junk attributes loads numbers as NaN, written back as `degree="NaN"` (invalid
 *   XML that Excel repairs) or, once stored as a highlight's original fill, as `null` (saving throws).
 *   Non-numbers become Excel's defaults (0) and a stop without a colour is dropped.
 *
 * Only run when the preflight saw rich text, shared formulas or gradients, so a plain ledger pays nothing.
 */
import ExcelJS from 'exceljs';
import type { PreflightResult } from './preflight';

type Run = { text?: unknown };

function fixRuns(runs: unknown): boolean {
  if (!Array.isArray(runs)) return false;
  let changed = false;
  for (const run of runs as Run[]) {
    if (run && typeof run === 'object' && typeof run.text !== 'string') {
      run.text = run.text === undefined || run.text === null ? '' : String(run.text);
      changed = true;
    }
  }
  return changed;
}

const finiteOr0 = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The gradient as loaded: any field may hold NaN or be missing. */
interface LoadedGradient {
  type: 'gradient';
  gradient?: string;
  degree?: unknown;
  center?: Record<string, unknown>;
  stops?: { position?: unknown; color?: Record<string, unknown> }[];
}

function fixGradient(fill: ExcelJS.Fill | undefined): void {
  if (!fill || fill.type !== 'gradient') return;
  const g = fill as unknown as LoadedGradient;
  if (g.gradient === 'angle' || 'degree' in g) g.degree = finiteOr0(g.degree);
  const center = g.center;
  if (center && typeof center === 'object') {
    for (const side of Object.keys(center)) center[side] = Math.min(1, Math.max(0, finiteOr0(center[side])));
  }
  if (Array.isArray(g.stops)) {
    g.stops = g.stops
      .filter((s) => s && typeof s === 'object' && s.color && typeof s.color === 'object')
      .map((s) => {
        const color = s.color as Record<string, unknown>;
        for (const k of ['theme', 'tint', 'indexed']) {
          if (k in color && !(typeof color[k] === 'number' && Number.isFinite(color[k]))) delete color[k];
        }
        return { ...s, position: Math.min(1, Math.max(0, finiteOr0(s.position))) };
      });
  }
}

interface FormulaModel { formula?: string; sharedFormula?: string; result?: unknown }

function fixFormula(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const model = cell.value as FormulaModel;
  if (typeof model.formula === 'string' && model.formula !== '') return;
  const masterAddress = model.sharedFormula;
  // ExcelJS itself looks the master up by address (`findCell(address)`, untyped) in `_getTranslatedFormula`.
  const master = masterAddress ? (ws.findCell as (address: string) => ExcelJS.Cell | undefined).call(ws, masterAddress) : undefined;
  const masterFormula = master ? (master.value as FormulaModel | null)?.formula : undefined;
  const before =
    master !== undefined && (Number(master.row) < Number(cell.row) || (Number(master.row) === Number(cell.row) && Number(master.col) < Number(cell.col)));
  if (before && typeof masterFormula === 'string' && masterFormula !== '') return;
  const result = model.result;
  let translated: string | undefined;
  if (typeof masterFormula === 'string' && masterFormula !== '') {
    try {
      translated = cell.formula || undefined;
    } catch {
      translated = undefined;
    }
  }
  const cached = result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? null : (result as ExcelJS.CellValue);
  cell.value = translated ? ({ formula: translated, result: cached ?? undefined } as ExcelJS.CellFormulaValue) : cached;
}

export function normaliseWorkbook(wb: ExcelJS.Workbook, seen: PreflightResult): void {
  if (!seen.richText && !seen.sharedFormulas && !seen.gradients) return;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const t = cell.type;
        if (seen.richText && t === ExcelJS.ValueType.RichText) {
          const v = cell.value as ExcelJS.CellRichTextValue;
          if (fixRuns(v.richText)) cell.value = { richText: v.richText };
        } else if (seen.sharedFormulas && t === ExcelJS.ValueType.Formula) {
          fixFormula(ws, cell);
        }
        if (seen.richText) {
          const note = cell.note;
          if (note && typeof note === 'object') fixRuns(note.texts);
        }
        if (seen.gradients) fixGradient(cell.style?.fill);
      });
    });
  }
}
