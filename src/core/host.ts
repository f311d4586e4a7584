import type { Patch } from './patch';
import type { WorkbookSnapshot } from './snapshot';

/**
 * The only place with I/O. The xlsx host (ExcelJS) and the Office host (Office.js) implement it; the
 * pipeline in between is pure.
 */
export interface WorkbookHost {
  read(options?: ReadOptions): Promise<WorkbookSnapshot>;
  apply(patch: Patch): Promise<void>;
  /** Puts the cursor on one cell (the reviewer clicking an item of the anomaly list). Changes no cell. */
  select(sheet: string, cell: string): Promise<void>;
}

export interface ReadOptions {
  /** Called as sheets are read, for the pane's progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** An `AbortSignal` in practice; only `aborted` is read, so the core needs no DOM or Node types. */
  signal?: { readonly aborted: boolean };
}
