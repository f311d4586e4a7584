import type { OwnSheetRole, WorkbookSnapshot } from '../snapshot';

/**
 * The name an own sheet gets: its usual name, unless the user already has a sheet of that name, in
 * which case `绩效目标（评分）`, `绩效目标（评分2）`… The user's sheet is never overwritten.
 */
export function ownSheetName(base: string, role: OwnSheetRole, snapshot: WorkbookSnapshot): string {
  const own = snapshot.state?.ownSheets ?? [];
  const previous = own.find((s) => s.role === role);
  const taken = (name: string) =>
    snapshot.sheets.some((s) => s.name === name) && !own.some((o) => o.name === name && o.role === role);
  if (previous && !taken(previous.name)) return previous.name;
  if (!taken(base)) return base;
  for (let i = 1; ; i++) {
    const name = `${base}（评分${i === 1 ? '' : i}）`.slice(0, 31);
    if (!taken(name)) return name;
  }
}
