/**
 * Explanations an officer typed into the add-in's previous 绩效目标 sheet. Text that differs from the
 * draft the add-in wrote there is the officer's and is kept on re-scoring.
 */
import type { MappedTable } from '../detect/mapping';
import { SheetGrid } from '../detect/sheetGrid';
import { detectTablesInSheet } from '../detect/tables';
import { buildModel } from '../model/buildModel';
import type { WorkbookSnapshot } from '../snapshot';

/** Key of the budget row in `drafts` and in the result. */
export const BUDGET_KEY = '__budget__';

export function officerExplanations(snapshot: WorkbookSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  const state = snapshot.state;
  if (!state) return out;
  const drafts = state.drafts ?? {};
  for (const own of state.ownSheets.filter((s) => s.role === 'scored')) {
    const sheet = snapshot.sheets.find((s) => s.name === own.name);
    if (!sheet) continue;
    const grid = new SheetGrid(sheet);
    const tables: MappedTable[] = detectTablesInSheet(sheet, grid)
      .filter((t) => t.columns.some((c) => c.kind === 'explanation'))
      .map((t) => ({ ...t, role: t.role === 'budget' ? 'budget' : 'targets', overridden: true }));
    const { model } = buildModel({ tables, grids: new Map([[sheet.name, grid]]), findings: [], searchedSheets: [] });
    if (!model) continue;
    const keep = (key: string, text: string | null) => {
      if (text && text.trim() && text.trim() !== (drafts[key] ?? '').trim()) out.set(key, text.trim());
    };
    for (const ind of model.indicators) keep(ind.key, ind.explanation);
    if (model.budget) keep(BUDGET_KEY, model.budget.explanation);
  }
  return out;
}
