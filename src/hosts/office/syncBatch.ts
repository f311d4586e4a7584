/**
 * One `Excel.run`'s requests, kept under the payload budget. Callers say how big an operation is
 * (`room`) before queuing it; when it would not fit, what is queued so far is sent first. So the number
 * of `context.sync()` calls is a few fixed round trips plus ⌈bytes ÷ budget⌉, never one per cell.
 */
import { PAYLOAD_BUDGET } from './payload';

/** Thrown between requests once the caller's signal is aborted; `scoreWorkbook` reports "cancelled". */
export class Cancelled extends Error {
  override readonly name = 'AbortError';

  constructor() {
    super('已取消');
  }
}

export class SyncBatch {
  private requestBytes = 0;
  private responseBytes = 0;
  /** `context.sync()` calls made through this batch. */
  syncs = 0;
  /** Of those, the ones made because the next operation would not fit the current request. */
  volumeSyncs = 0;
  /** Estimated request bytes queued through `room`, in all. */
  requestTotal = 0;

  constructor(
    readonly ctx: Excel.RequestContext,
    readonly budget: number = PAYLOAD_BUDGET,
    private readonly signal?: { readonly aborted: boolean },
  ) {}

  /** Request bytes still free in the current request. */
  get remaining(): number {
    return this.budget - this.requestBytes;
  }

  /** True when something is queued that the next sync would send. */
  get pending(): boolean {
    return this.requestBytes > 0 || this.responseBytes > 0;
  }

  /**
   * Makes room for an operation of about `request` bytes that will bring back about `response` bytes:
   * syncs first when the current request would pass the budget with it.
   */
  async room(request: number, response = 0): Promise<void> {
    if (this.pending && (this.requestBytes + request > this.budget || this.responseBytes + response > this.budget)) {
      await this.sync();
      this.volumeSyncs++;
    }
    this.requestTotal += request;
    this.requestBytes += request;
    this.responseBytes += response;
  }

  async sync(): Promise<void> {
    this.checkCancelled();
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.syncs++;
    await this.ctx.sync();
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.pending) await this.sync();
  }

  checkCancelled(): void {
    if (this.signal?.aborted) throw new Cancelled();
  }
}
