/**
 * What an Excel cell can hold (issue 12): at most 32,767 characters of text, and finite numbers. The
 * 绩效目标 and 异常清单 sheets pass through `fitCells` and highlight notes through `fitText`, so a
 * 32,700-character cell quoted in a finding, or an officer's over-long explanation, never makes a file
 * Excel has to repair. Text cut to fit says so.
 */
import { clip, TRUNCATED_MARK } from '../clip';
import type { OutputCell } from '../patch';

/** Excel's limit on the text of one cell (and of a note). */
export const EXCEL_CELL_CHARS = 32_767;

export { TRUNCATED_MARK };

/** `text` when it fits in `limit` characters (UTF-16 units, as Excel counts them), else cut with TRUNCATED_MARK. */
export function fitText(text: string, limit = EXCEL_CELL_CHARS): string {
  return clip(text, limit, TRUNCATED_MARK);
}

/** Whether `text` was cut by `fitText`. */
export function wasTruncated(text: string): boolean {
  return text.endsWith(TRUNCATED_MARK);
}

/**
 * The rows with every text cut to fit a cell and every number that is not finite left empty. Rows and
 * cells that need nothing are the same objects.
 */
export function fitCells(rows: (OutputCell | null)[][]): (OutputCell | null)[][] {
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (typeof cell.v === 'string' && cell.v.length > EXCEL_CELL_CHARS) row[c] = { ...cell, v: fitText(cell.v) };
      else if (typeof cell.v === 'number' && !Number.isFinite(cell.v)) row[c] = { ...cell, v: null };
    }
  }
  return rows;
}
