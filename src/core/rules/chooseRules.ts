/**
 * Which rules a run checks the ledger with: an editable 规则 sheet in the workbook wins (the officer may
 * have changed a limit there); otherwise the packs asked for now, or the ones remembered from last time.
 */
import type { Mapping } from '../detect/mapping';
import type { Finding } from '../findings';
import type { OwnSheets } from '../output/ownSheets';
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
  own: OwnSheets,
  requested: string[] | undefined,
  parameters: Record<string, number | null> | undefined,
): RuleChoice {
  // Ours (wherever renamed) first, then copies of it, then a 规则 sheet the officer made.
  const verified = own.verified.get('rules')?.name;
  const ownRules = [...(verified ? [verified] : []), ...own.copiesOf('rules').filter((n) => n !== verified)];
  const userRules = mapping.tables.filter((t) => t.role === 'rules').map((t) => t.sheet);
  // Why a 规则 sheet could not be used (its pack id blanked, say): the officer must hear it, since the
  // checks then fall back to the packs and the sheet's edits do not apply.
  const unusable: Finding[] = [];
  for (const name of [...new Set([...ownRules, ...userRules])]) {
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const read = rulesFromRows(sheet.values, name);
    const sameAsAsked = !requested || sameIds(requested, read.resolved?.requested ?? []);
    if (read.resolved && sameAsAsked) return { resolved: read.resolved, sheet: name, findings: read.findings };
    if (!read.resolved) unusable.push(...read.findings);
  }
  const ids = requested ?? snapshot.state?.rules;
  if (!ids || ids.length === 0) return { resolved: null, sheet: null, findings: unusable };
  try {
    return { resolved: resolvePacks(ids, { parameters }), sheet: null, findings: unusable };
  } catch (e) {
    if (e instanceof RulePackError) throw new RuleChoiceError(e.message);
    throw e;
  }
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
