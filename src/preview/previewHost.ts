/**
 * The browser preview's host: the xlsx host over a workbook held in the page, plus notifications so the
 * sheet viewer beside the pane can redraw after every apply and follow every select — in Excel, the
 * workbook itself is that view.
 */
import type ExcelJS from 'exceljs';
import type { ReadOptions, WorkbookHost } from '../core/host';
import type { Patch } from '../core/patch';
import type { WorkbookSnapshot } from '../core/snapshot';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { activeSheetName } from './sheetView';

export type PreviewEvent =
  /** The workbook changed; `activeSheet` is the sheet Excel would now show, `select` the cell it would put the cursor on. */
  | { kind: 'applied'; activeSheet?: string; select?: { sheet: string; cell: string } }
  | { kind: 'selected'; sheet: string; cell: string };

export type PreviewListener = (event: PreviewEvent) => void;

export class PreviewHost implements WorkbookHost {
  private readonly listeners = new Set<PreviewListener>();
  /** Bumped on every change, so views can tell a stale render from a fresh one. */
  private changes = 0;

  constructor(
    private readonly inner: XlsxHost,
    /** The file name the user opened (or the sample's), for the downloaded copy's name. */
    readonly fileName: string,
  ) {}

  static async fromBuffer(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<PreviewHost> {
    return new PreviewHost(await XlsxHost.fromBuffer(bytes), fileName);
  }

  get workbook(): ExcelJS.Workbook {
    return this.inner.workbook;
  }

  get version(): number {
    return this.changes;
  }

  subscribe(listener: PreviewListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: PreviewEvent): void {
    this.changes++;
    for (const listener of this.listeners) listener(event);
  }

  read(options?: ReadOptions): Promise<WorkbookSnapshot> {
    return this.inner.read(options);
  }

  async apply(patch: Patch): Promise<void> {
    await this.inner.apply(patch);
    this.emit({ kind: 'applied', activeSheet: activeSheetName(this.workbook), select: patch.select });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.inner.select(sheet, cell);
    this.emit({ kind: 'selected', sheet, cell });
  }

  toBuffer(): Promise<Uint8Array> {
    return this.inner.toBuffer();
  }
}

/** `报表.xlsx` → `报表-评分.xlsx`; other extensions and names without one get `.xlsx`. */
export function scoredFileName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls)$/i, '') || '工作簿';
  return `${base}-评分.xlsx`;
}
