/**
 * What the 评分 button does, on whichever host: read → detect (the pipeline's map stage) → score (its
 * other stages) → write, in four stages the pane shows as 读取 / 识别 / 评分 / 写入, cancellable between stages. The task pane,
 * the ribbon command and the browser preview all call this; none of them calls the pipeline itself.
 */
import { yieldToUi } from './yieldToUi';
import type { WorkbookHost } from '../core/host';
import { NotScorableError, type PipelineOptions } from '../core/pipeline';
import { inThreadRunner, type PipelineRunner } from './pipelineRunner';
import type { Report } from '../core/report/report';

export type Stage = 'read' | 'detect' | 'score' | 'write';
export const STAGES: readonly Stage[] = ['read', 'detect', 'score', 'write'];

export interface StageProgress {
  stage: Stage;
  /** Within the read stage: sheets read so far, of `total`. */
  done?: number;
  total?: number;
}

/** What the user chose in the pane; anything left out falls back to what the workbook remembers. */
export type ScoreRequest = PipelineOptions;

export interface RunControls {
  onProgress?: (progress: StageProgress) => void;
  signal?: AbortSignal;
  /** Where the pipeline runs: on this thread by default; the pane passes a Web Worker (workerRunner). */
  runner?: PipelineRunner;
}

export type ScoreOutcome =
  | { status: 'scored'; report: Report }
  | { status: 'cancelled' }
  /** The workbook cannot be scored; `message` is for the user, in Chinese. */
  | { status: 'failed'; message: string };

class Cancelled extends Error {}


function checkpoint(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}

export async function scoreWorkbook(host: WorkbookHost, request: ScoreRequest = {}, controls: RunControls = {}): Promise<ScoreOutcome> {
  const { onProgress, signal } = controls;
  const runner = controls.runner ?? inThreadRunner;
  try {
    onProgress?.({ stage: 'read' });
    const snapshot = await host.read({
      signal,
      onProgress: (done, total) => onProgress?.({ stage: 'read', done, total }),
    });
    checkpoint(signal);
    const { report, patch } = await runner.run(snapshot, request, (stage) => onProgress?.({ stage }), signal);
    // The last point where cancelling leaves the workbook exactly as it was.
    checkpoint(signal);
    onProgress?.({ stage: 'write' });
    // A frame for 写入 before the host's write, which in the page (ExcelJS, Office.js queueing) holds it.
    await yieldToUi();
    await host.apply(patch);
    return { status: 'scored', report };
  } catch (e) {
    if (e instanceof Cancelled || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError')) return { status: 'cancelled' };
    if (e instanceof NotScorableError) return { status: 'failed', message: e.inPane };
    throw e;
  }
}
