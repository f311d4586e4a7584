/**
 * Where the pure pipeline runs between the host's read and its write. In the page (tests, the CLI's
 * callers, the ribbon command), or in a Web Worker (workerRunner.ts) so a 10,000-finding ledger leaves
 * the pane's progress bar moving and 取消 pressable: Office.js reads and writes stay on the page, in the
 * host; only the snapshot goes in and the report and patch come out.
 */
import { yieldToUi } from './yieldToUi';
import { mapStage, scoreMapped, type PipelineOptions, type PipelineResult } from '../core/pipeline';
import type { WorkbookSnapshot } from '../core/snapshot';

/** The two stages the pipeline reports while it runs (识别, 评分). */
export type PipelineStage = 'detect' | 'score';

export interface PipelineRunner {
  /**
   * The report and patch for the snapshot. Rejects with the core's NotScorableError when it cannot be
   * scored, and with an `AbortError` when `signal` aborts first.
   */
  run(snapshot: WorkbookSnapshot, request: PipelineOptions, onStage: (stage: PipelineStage) => void, signal?: AbortSignal): Promise<PipelineResult>;
}

/** An `AbortError`, as a worker's run rejects with, when the run was cancelled. */
function stopIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const e = new Error('评分已取消');
  e.name = 'AbortError';
  throw e;
}

/** The pipeline on the calling thread, a stage at a time. */
export const inThreadRunner: PipelineRunner = {
  async run(snapshot, request, onStage, signal) {
    onStage('detect');
    await yieldToUi();
    stopIfAborted(signal);
    const mapped = mapStage(snapshot, request);
    onStage('score');
    await yieldToUi();
    stopIfAborted(signal);
    return scoreMapped(mapped);
  },
};
