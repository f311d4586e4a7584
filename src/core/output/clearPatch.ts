import type { Patch } from '../patch';
import type { WorkbookSnapshot } from '../snapshot';

/**
 * 清除标记: undo every highlight of the last run (each cell gets its own fill and note back); the
 * add-in's sheets and the officer's explanations stay.
 */
export function clearPatch(snapshot: WorkbookSnapshot): Patch {
  const state = snapshot.state ?? { version: 1 as const, ownSheets: [] };
  return {
    sheets: [],
    removeSheets: [],
    highlights: [],
    clearHighlights: true,
    state: { ...state, highlights: [] },
  };
}
