/**
 * 清除标记: every highlight of the last run undone (each cell gets its own fill and note back), through
 * whichever host the pane runs on. The add-in's sheets and the officer's explanations stay.
 */
import type { WorkbookHost } from '../core/host';
import { clearPatch } from '../core/output/clearPatch';

export interface ClearOutcome {
  /** Cells whose highlight was removed. */
  cleared: number;
}

export async function clearMarks(host: WorkbookHost): Promise<ClearOutcome> {
  const snapshot = await host.read();
  const cleared = snapshot.state?.highlights?.length ?? 0;
  await host.apply(clearPatch(snapshot));
  return { cleared };
}
