/**
 * A strict, in-memory stand-in for Excel's JavaScript API, for tests of the Office host only.
 *
 *   const excel = FakeExcel.fromSnapshot(snapshot, { api: '1.20' });
 *   const host = new OfficeHost({ run: excel.run, supports: excel.supports });
 *   await host.apply(patch);
 *   excel.model.fillOf('发放明细', 'G5');   // '#FFC7CE'
 *   excel.syncs.length                       // context.sync() calls made
 *
 * `api` is the highest ExcelApi requirement set "this Excel" supports (sets are cumulative, as in
 * Excel): '1.8' has no RangeAreas, '1.17' no notes (but comments), '1.9' neither.
 */
import type { Runner, RunOptions } from '../../../src/hosts/office/officeHost';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { chunkText, STATE_SHEET_NAME } from '../../../src/hosts/xlsx/stateSheet';
import { FakeContext, strict, type SyncRecord } from './context';
import { FakeExcelError } from './errors';
import { addSheet, FakeWorkbookModel, type SheetDescription } from './model';
import { FakeRequestContext } from './objects';

export interface FakeExcelOptions {
  /** Highest supported ExcelApi version; default '1.20'. */
  api?: string;
}

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  /** Every `context.sync()` (including the implicit one at the end of a run), measured. */
  readonly syncs: SyncRecord[] = [];
  /** The options of every `run`. */
  readonly runs: (RunOptions | undefined)[] = [];
  api: string;
  /**
   * Fault injection: the action named `action` fails (GeneralException, as Excel reports a lost
   * connection or a crashed calculation) after it has run `after` times; the actions before it stay
   * applied, as in Excel. Cleared once it has fired.
   */
  failing: { action: string; after: number } | undefined;

  constructor(options: FakeExcelOptions = {}) {
    this.api = options.api ?? '1.20';
  }

  readonly supports = (set: 'ExcelApi', version: string): boolean => set === 'ExcelApi' && compareVersions(version, this.api) <= 0;

  private readonly beforeAction = (name: string): void => {
    const f = this.failing;
    if (!f || f.action !== name) return;
    if (f.after-- > 0) return;
    this.failing = undefined;
    throw new FakeExcelError('GeneralException', `injected failure at ${name}`);
  };

  /** `Excel.run`: a fresh context per run; objects from it are dead afterwards; pending work is synced. */
  readonly run: Runner = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T> => {
    this.runs.push(options);
    const ctx = new FakeContext({ supports: this.supports, recordSync: (r) => this.syncs.push(r), beforeAction: this.beforeAction }, options?.mergeUndoGroup === true);
    const requestContext = strict(new FakeRequestContext(ctx, this.model));
    try {
      const result = await batch(requestContext as unknown as Excel.RequestContext);
      if (ctx.hasPending) await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  };

  /** A bare request context, for tests of the fake itself. The caller syncs. */
  context(): Excel.RequestContext {
    const ctx = new FakeContext({ supports: this.supports, recordSync: (r) => this.syncs.push(r) });
    return strict(new FakeRequestContext(ctx, this.model)) as unknown as Excel.RequestContext;
  }

  /** Syncs recorded from `from` on. */
  since(from: number): SyncRecord[] {
    return this.syncs.slice(from);
  }

  /**
   * A workbook with the snapshot's sheets (values, percentage/date formats, merges, hidden) in its tab
   * order, and its `state` in the very hidden state sheet exactly as the xlsx host stores it.
   */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): FakeExcel {
    const excel = new FakeExcel(options);
    const sheets: SheetDescription[] = [...snapshot.sheets].sort((a, b) => a.index - b.index);
    for (const sheet of sheets) addSheet(excel.model, sheet);
    if (snapshot.state) {
      const chunks = chunkText(JSON.stringify(snapshot.state));
      addSheet(excel.model, { name: STATE_SHEET_NAME, hidden: 'very', values: chunks.map((c) => [c]) });
      for (let r = 0; r < chunks.length; r++) excel.model.sheet(STATE_SHEET_NAME).setNumberFormat(r, 0, '@');
    }
    excel.model.active = excel.model.sheets.find((s) => s.visibility === 'Visible');
    return excel;
  }
}
