/**
 * Explanations an officer typed into the add-in's previous 绩效目标 sheet. Text that differs from the
 * draft the add-in wrote there is the officer's and is kept on re-scoring.
 */
import type { MappedTable } from '../detect/mapping';
import { SheetGrid } from '../detect/sheetGrid';
import { detectTablesInSheet } from '../detect/tables';
import { buildModel } from '../model/buildModel';
import { TRUNCATED_MARK } from '../clip';
import type { OwnSheets } from '../output/ownSheets';
import type { WorkbookSnapshot } from '../snapshot';

/** Key of the budget row in `drafts` and in the result. */
export const BUDGET_KEY = '__budget__';

/**
 * Read from our 绩效目标 wherever the officer renamed it, and from copies of it (Excel's 移动或复制 keeps the
 * mark); a sheet merely named 绩效目标 is the officer's own and is read as input instead.
 */
export function officerExplanations(snapshot: WorkbookSnapshot, own: OwnSheets): Map<string, string> {
  const out = new Map<string, string>();
  const state = snapshot.state;
  if (!state) return out;
  const drafts = state.drafts ?? {};
  const verified = own.verified.get('scored')?.name;
  const names = own.copiesOf('scored').sort((a, b) => Number(b === verified) - Number(a === verified));
  for (const name of names) {
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const grid = new SheetGrid(sheet);
    const tables: MappedTable[] = detectTablesInSheet(sheet, grid)
      .filter((t) => t.columns.some((c) => c.kind === 'explanation'))
      .map((t) => ({ ...t, role: t.role === 'budget' ? 'budget' : 'targets', overridden: true }));
    const { model } = buildModel({ tables, grids: new Map([[sheet.name, grid]]), findings: [], searchedSheets: [] });
    if (!model) continue;
    const keep = (key: string, text: string | null) => {
      // The verified sheet comes first: a copy's text fills only what it left empty.
      if (text && text.trim() && text.trim() !== (drafts[key] ?? '').trim() && !out.has(key)) out.set(key, text.trim());
    };
    for (const ind of model.indicators) keep(ind.key, ind.explanation);
    if (model.budget) keep(BUDGET_KEY, model.budget.explanation);
  }
  return out;
}

/**
 * The explanation that counts: the officer's from the previous 绩效目标 sheet, else the source table's.
 * An explanation longer than a cell holds was written there cut, ending in 「…（已截断）」 (output/cellLimits):
 * when the source still has it whole, the whole text counts, so re-scoring never shortens it.
 */
export function explanationOf(previous: string | undefined, source: string | null | undefined): string | null {
  if (previous !== undefined && previous.endsWith(TRUNCATED_MARK) && source) {
    const kept = previous.slice(0, -TRUNCATED_MARK.length);
    if (source.length > kept.length && source.startsWith(kept)) return source;
  }
  return previous ?? source ?? null;
}
