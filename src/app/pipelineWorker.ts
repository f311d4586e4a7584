/**
 * The pipeline's Web Worker (webpack's `pipeline-worker` entry, `pipeline-worker.js` beside the pages):
 * receives a snapshot and the pane's request, answers with the stages as they start and then the report
 * and patch, or the refusal. Pure core only: no Office.js, no DOM.
 */
import { mapStage, NotScorableError, scoreMapped } from '../core/pipeline';
import type { WorkerAnswer, WorkerJob } from './workerMessages';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerJob>) => void) | null; postMessage(m: WorkerAnswer): void };

scope.onmessage = (e) => {
  const { id, snapshot, request } = e.data;
  try {
    scope.postMessage({ id, kind: 'stage', stage: 'detect' });
    const mapped = mapStage(snapshot, request);
    scope.postMessage({ id, kind: 'stage', stage: 'score' });
    scope.postMessage({ id, kind: 'done', result: scoreMapped(mapped) });
  } catch (err) {
    if (err instanceof NotScorableError) scope.postMessage({ id, kind: 'notScorable', message: err.message, inPane: err.inPane });
    else scope.postMessage({ id, kind: 'crashed', message: err instanceof Error ? err.message : String(err) });
  }
};
