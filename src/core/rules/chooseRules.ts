/**
 * Which rules a run checks the ledger with: an editable 规则 sheet in the workbook wins (the officer may
 * have changed a limit there); otherwise the packs asked for now, or the ones remembered from last time.
 */
import type { Mapping } from '../detect/mapping';
import type { Finding } from '../findings';
import type { WorkbookSnapshot } from '../snapshot';
import { resolvePacks, RulePackError } from './resolvePacks';
import type { ResolvedRules } from './resolvedRules';
import { rulesFromRows } from './rulesSheet';

export interface RuleChoice {
  resolved: ResolvedRules | null;
  /** The sheet the rules were read from, when they came from one. */
  sheet: string | null;
  findings: Finding[];
}

export class RuleChoiceError extends Error {
  override readonly name = 'RuleChoiceError';
}

export function chooseRules(
  snapshot: WorkbookSnapshot,
  mapping: Mapping,
  requested: string[] | undefined,
  parameters: Record<string, number | null> | undefined,
): RuleChoice {
  const ownRules = (snapshot.state?.ownSheets ?? []).filter((s) => s.role === 'rules').map((s) => s.name);
  const userRules = mapping.tables.filter((t) => t.role === 'rules').map((t) => t.sheet);
  for (const name of [...ownRules, ...userRules]) {
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const read = rulesFromRows(sheet.values, name);
    const sameAsAsked = !requested || sameIds(requested, read.resolved?.requested ?? []);
    if (read.resolved && sameAsAsked) return { resolved: read.resolved, sheet: name, findings: read.findings };
  }
  const ids = requested ?? snapshot.state?.rules;
  if (!ids || ids.length === 0) return { resolved: null, sheet: null, findings: [] };
  try {
    return { resolved: resolvePacks(ids, { parameters }), sheet: null, findings: [] };
  } catch (e) {
    if (e instanceof RulePackError) throw new RuleChoiceError(e.message);
    throw e;
  }
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
