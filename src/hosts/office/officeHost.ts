/**
 * The Office host (SPEC §2): the `WorkbookHost` the task pane and the ribbon command run the pipeline
 * on, inside Excel. Each call makes a bounded number of `context.sync()` calls (see readWorkbook.ts and
 * applyPatch.ts). A read and a select are one `Excel.run`; an apply is two — the sheet structure, then
 * every visible change as one undo step where Excel supports merging a run's syncs (ExcelApi 1.20,
 * `mergeUndoGroup`; sheet deletion and moves cannot be in such a group).
 *
 * Everything Office-specific comes in through `OfficeHostOptions`, so tests run the same code on a
 * strict fake of the Excel object model (test/support/fakeExcel).
 */
import type { ReadOptions, WorkbookHost } from '../../core/host';
import type { Patch } from '../../core/patch';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { capabilities, officeSupports, type Capabilities, type Supports } from './apiSupport';
import { prepareWorkbook, writeContent } from './applyPatch';
import { PAYLOAD_BUDGET } from './payload';
import { readWorkbook } from './readWorkbook';
import { SyncBatch } from './syncBatch';

export interface RunOptions {
  /** Merge the run's syncs into one undo step (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
}

/** `Excel.run` as the host needs it. */
export type Runner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: RunOptions) => Promise<T>;

export interface OfficeHostOptions {
  run: Runner;
  supports: Supports;
  /** Bytes per request; the default keeps well under Excel on the web's 5 MB. */
  budget?: number;
}

/** What the last call did, for the pane's diagnostics and for tests. */
export interface CallStats {
  /** `context.sync()` calls. */
  syncs: number;
  /** Of those, the ones made because the work was bigger than one request (⌈bytes ÷ budget⌉ − 1). */
  volumeSyncs: number;
  /** Estimated request bytes, in all. */
  requestBytes: number;
}

const NO_CALL: CallStats = { syncs: 0, volumeSyncs: 0, requestBytes: 0 };

function statsOf(b: SyncBatch): CallStats {
  return { syncs: b.syncs, volumeSyncs: b.volumeSyncs, requestBytes: b.requestTotal };
}

function sumStats(a: CallStats, b: CallStats): CallStats {
  return { syncs: a.syncs + b.syncs, volumeSyncs: a.volumeSyncs + b.volumeSyncs, requestBytes: a.requestBytes + b.requestBytes };
}

/** `Excel.run` itself, waiting for the user to leave cell edit mode rather than failing. */
export function excelRunner(): Runner {
  return <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: RunOptions) =>
    Excel.run<T>({ delayForCellEdit: true, ...(options?.mergeUndoGroup ? { mergeUndoGroup: true } : {}) }, batch);
}

export class OfficeHost implements WorkbookHost {
  private readonly run: Runner;
  private readonly supports: Supports;
  private readonly budget: number;
  private known?: Capabilities;
  lastRead: CallStats = NO_CALL;
  lastApply: CallStats = NO_CALL;

  /**
   * Without options: the running Excel (`Excel.run`, `Office.context.requirements`), for the task pane
   * and the ribbon command, constructed inside `Office.onReady`. Tests pass the fake's `run`/`supports`.
   */
  constructor(options: Partial<OfficeHostOptions> = {}) {
    this.run = options.run ?? excelRunner();
    this.supports = options.supports ?? officeSupports();
    this.budget = options.budget ?? PAYLOAD_BUDGET;
  }

  /**
   * What this Excel can do. Asked on first use rather than on construction, so a pane that creates the
   * host at start-up shows the "please upgrade Excel" message where the officer clicked.
   */
  get caps(): Capabilities {
    this.known ??= capabilities(this.supports);
    return this.known;
  }

  /** The host for the running Excel; call after `Office.onReady`. */
  static inExcel(): OfficeHost {
    return new OfficeHost({ run: excelRunner(), supports: officeSupports() });
  }

  async read(options?: ReadOptions): Promise<WorkbookSnapshot> {
    const caps = this.caps;
    return this.run(async (ctx) => {
      const b = new SyncBatch(ctx, this.budget, options?.signal);
      try {
        return await readWorkbook(b, caps, options);
      } finally {
        this.lastRead = statsOf(b);
      }
    });
  }

  /**
   * Two runs (see applyPatch.ts): the sheet structure outside any undo group, then every visible change
   * as one undo step where Excel supports it (ExcelApi 1.20).
   */
  async apply(patch: Patch): Promise<void> {
    const caps = this.caps;
    let stats = NO_CALL;
    try {
      const prepared = await this.run(async (ctx) => {
        const b = new SyncBatch(ctx, this.budget);
        try {
          return await prepareWorkbook(b, patch);
        } finally {
          stats = statsOf(b);
        }
      });
      await this.run(
        async (ctx) => {
          const b = new SyncBatch(ctx, this.budget);
          try {
            await writeContent(b, patch, caps, prepared);
          } finally {
            stats = sumStats(stats, statsOf(b));
          }
        },
        { mergeUndoGroup: caps.mergeUndoGroup },
      );
    } finally {
      this.lastApply = stats;
    }
  }

  /** Activates the sheet and selects the cell, in one request. A sheet that is gone is ignored. */
  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell.replace(/\$/g, '')).select();
      try {
        await ctx.sync();
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    });
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e.code === 'ItemNotFound' || e.code === 'InvalidArgument');
}
