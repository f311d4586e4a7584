/**
 * What the 评分 button does, on whichever host: read → detect (the pipeline's map stage) → score (its
 * other stages) → write, in four stages the pane shows as 读取 / 识别 / 评分 / 写入, cancellable between stages. The task pane,
 * the ribbon command and the browser preview all call this; none of them calls the pipeline itself.
 */
import type { WorkbookHost } from '../core/host';
import { mapStage, NotScorableError, scoreMapped, type PipelineOptions } from '../core/pipeline';
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

/** Lets the page paint the new stage before a long synchronous step starts. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function scoreWorkbook(host: WorkbookHost, request: ScoreRequest = {}, controls: RunControls = {}): Promise<ScoreOutcome> {
  const { onProgress, signal } = controls;
  try {
    onProgress?.({ stage: 'read' });
    const snapshot = await host.read({
      signal,
      onProgress: (done, total) => onProgress?.({ stage: 'read', done, total }),
    });
    checkpoint(signal);
    onProgress?.({ stage: 'detect' });
    await yieldToUi();
    const mapped = mapStage(snapshot, request);
    checkpoint(signal);
    onProgress?.({ stage: 'score' });
    await yieldToUi();
    const { report, patch } = scoreMapped(mapped);
    // The last point where cancelling leaves the workbook exactly as it was.
    checkpoint(signal);
    onProgress?.({ stage: 'write' });
    await host.apply(patch);
    return { status: 'scored', report };
  } catch (e) {
    if (e instanceof Cancelled || (e instanceof Error && e.name === 'AbortError')) return { status: 'cancelled' };
    if (e instanceof NotScorableError) return { status: 'failed', message: e.inPane };
    throw e;
  }
}
