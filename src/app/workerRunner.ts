/**
 * The pipeline in a Web Worker, for the task pane and the browser preview. One worker is kept for the
 * pane's life; 取消 terminates it at once (the pipeline has no checkpoints to wait for) and the next
 * 评分 starts a fresh one. Where workers are unavailable (or fail to start) the caller's fallback runs.
 */
import { NotScorableError } from '../core/pipeline';
import type { PipelineRunner } from './pipelineRunner';
import type { WorkerAnswer, WorkerJob } from './workerMessages';

/** The worker bundle's file, beside the page (webpack.config.js names it without a hash). */
export const PIPELINE_WORKER_URL = 'pipeline-worker.js';

function abortError(): Error {
  const e = new Error('评分已取消');
  e.name = 'AbortError';
  return e;
}

export function workerRunner(url = PIPELINE_WORKER_URL): PipelineRunner {
  let worker: Worker | null = null;
  let jobs = 0;
  return {
    run(snapshot, request, onStage, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortError());
          return;
        }
        worker ??= new Worker(url);
        const w = worker;
        const id = ++jobs;
        const finish = () => {
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
          signal?.removeEventListener('abort', onAbort);
        };
        const onMessage = (e: MessageEvent<WorkerAnswer>) => {
          const a = e.data;
          if (a.id !== id) return;
          if (a.kind === 'stage') {
            onStage(a.stage);
            return;
          }
          finish();
          if (a.kind === 'done') resolve(a.result);
          else if (a.kind === 'notScorable') reject(new NotScorableError(a.message, a.inPane));
          else reject(new Error(a.message));
        };
        const onError = (e: ErrorEvent) => {
          finish();
          w.terminate();
          if (worker === w) worker = null;
          reject(new Error(e.message || '评分线程无法启动'));
        };
        const onAbort = () => {
          finish();
          w.terminate();
          if (worker === w) worker = null;
          reject(abortError());
        };
        w.addEventListener('message', onMessage);
        w.addEventListener('error', onError);
        signal?.addEventListener('abort', onAbort, { once: true });
        const job: WorkerJob = { id, snapshot, request };
        w.postMessage(job);
      });
    },
  };
}
