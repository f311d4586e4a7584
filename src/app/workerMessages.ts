/** What the page and the pipeline's worker say to each other: plain, structured-clonable data. */
import type { PipelineOptions, PipelineResult } from '../core/pipeline';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { PipelineStage } from './pipelineRunner';

export interface WorkerJob {
  id: number;
  snapshot: WorkbookSnapshot;
  request: PipelineOptions;
}

export type WorkerAnswer =
  | { id: number; kind: 'stage'; stage: PipelineStage }
  | { id: number; kind: 'done'; result: PipelineResult }
  | { id: number; kind: 'notScorable'; message: string; inPane: string }
  | { id: number; kind: 'crashed'; message: string };
